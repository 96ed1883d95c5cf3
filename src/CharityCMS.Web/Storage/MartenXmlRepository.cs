using System.Xml.Linq;
using CharityCMS.Storage;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CharityCMS.Web.Storage;

/// <summary>Data Protection's key ring, stored as documents in PostgreSQL (see <see cref="DataProtectionKey"/>).</summary>
public sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        // Data Protection calls this synchronously; Marten 9 queries are async only.
        return session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult()
            .Select(key => XElement.Parse(key.Xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
