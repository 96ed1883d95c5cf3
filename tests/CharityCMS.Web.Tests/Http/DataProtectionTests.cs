using CharityCMS.Storage;
using CharityCMS.TestSupport;
using Marten;
using CharityCMS.Web.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.Web.Tests.Http;

public class DataProtectionTests(CharityApp app) : IClassFixture<CharityApp>
{
    [Fact]
    public async Task The_key_ring_is_kept_in_PostgreSQL_so_every_node_and_every_restart_shares_it()
    {
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var secret = protector.Protect("a sign-in cookie");

        await using var session = app.Store.QuerySession();
        var keys = await session.Query<DataProtectionKey>().ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<key ", k.Xml));

        // A second node: its own Data Protection, the same PostgreSQL.
        await using var otherNode = new ServiceCollection()
            .AddLogging()
            .AddDataProtection().SetApplicationName("CharityCMS").Services
            .Configure<KeyManagementOptions>(o => o.XmlRepository = new MartenXmlRepository(app.Store))
            .BuildServiceProvider();
        var unprotected = otherNode.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret);
        Assert.Equal("a sign-in cookie", unprotected);
    }
}
