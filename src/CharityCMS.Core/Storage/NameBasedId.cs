using System.Security.Cryptography;
using System.Text;

namespace CharityCMS.Storage;

/// <summary>
/// Ids made from a name: the same name always gives the same id, so a record keyed by one can be
/// written twice and the database keeps it once.
/// </summary>
public static class NameBasedId
{
    /// <summary>A version 5 style id (SHA-1 of the name).</summary>
    public static Guid From(string name)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>
    /// The MD5 of the name read as an id, which PostgreSQL makes the same way (<c>md5(name)::uuid</c>),
    /// so a migration can write rows under the ids the code will look for.
    /// </summary>
    public static Guid FromMd5(string name) => new(MD5.HashData(Encoding.UTF8.GetBytes(name)), bigEndian: true);
}
