using Marten;

namespace CharityCMS.Storage;

/// <summary>
/// One ASP.NET Core Data Protection key (the keys that encrypt sign-in cookies and, later, stored
/// secrets), kept in PostgreSQL so every node shares them and a restart signs nobody out.
/// Platform-wide: the keys serve every workspace.
/// </summary>
public sealed record DataProtectionKey(string Id, string Xml);

internal static class DataProtectionKeyStorage
{
    public static void Register(StoreOptions options) => options.Schema.For<DataProtectionKey>().SingleTenanted();
}
