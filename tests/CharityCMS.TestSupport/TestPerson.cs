using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CharityCMS.TestSupport;

/// <summary>Who a test signs in as: what Entra would say about her. Workspace and roles still come from the store.</summary>
public sealed record TestPerson(string ObjectId, string Email, string Name, bool IsOperator = false)
{
    public const string CookieName = "charitycms-test-identity";

    [JsonIgnore]
    public string CookieValue => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static TestPerson? FromCookie(string value)
    {
        try
        {
            var base64 = value.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            return JsonSerializer.Deserialize<TestPerson>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static TestPerson Operator() => new("oid-operator-" + Guid.NewGuid().ToString("N")[..8], "operator@platform.example", "Test Operator", IsOperator: true);
}
