using System.Net;
using System.Text.RegularExpressions;

namespace CharityCMS.TestSupport;

public static partial class HttpExchange
{
    public static async Task<(HttpStatusCode Status, string Body)> FetchAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The antiforgery field a server-rendered form carries.</summary>
    public static string AntiforgeryToken(string html)
    {
        var field = AntiforgeryField().Match(html);
        if (!field.Success) throw new InvalidOperationException("The page has no antiforgery field.");
        return WebUtility.HtmlDecode(ValueAttribute().Match(field.Value).Groups[1].Value);
    }

    /// <summary>The "name=value" part of each Set-Cookie header, ready to send back.</summary>
    public static string CookiesFrom(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
