using System.Text.Json;
using CharityCMS.Email;
using CharityCMS.Reminders;
using CharityCMS.TestSupport;
using CharityCMS.Web.Access;
using CharityCMS.Web.Jobs;
using CharityCMS.Web.Referrals;
using CharityCMS.Web.Storage;

namespace CharityCMS.Web.Tests.Configuration;

/// <summary>appsettings.template.json documents every setting the app reads.</summary>
public class SettingsTemplateTests
{
    private static readonly HashSet<string> Documented = Keys(RepositoryRoot.Combine("appsettings.template.json"));

    public static TheoryData<string> ShippedSettings()
    {
        var data = new TheoryData<string>();
        foreach (var key in Keys(RepositoryRoot.Combine("src", "CharityCMS.Web", "appsettings.json"))) data.Add(key);
        return data;
    }

    public static TheoryData<string> OptionSettings()
    {
        var data = new TheoryData<string>();
        foreach (var (section, type) in new[] { (AccessOptions.Section, typeof(AccessOptions)), (StorageOptions.Section, typeof(StorageOptions)), (JobsOptions.Section, typeof(JobsOptions)),
                     (ReminderOptions.Section, typeof(ReminderOptions)), (SmtpOptions.Section, typeof(SmtpOptions)), (AppOptions.Section, typeof(AppOptions)),
                     (SelfReferralOptions.Section, typeof(SelfReferralOptions)) })
            foreach (var property in type.GetProperties().Where(p => p.CanWrite)) data.Add($"{section}:{property.Name}");
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedSettings))]
    public void Every_default_in_appsettings_json_is_documented_in_the_template(string key) => Assert.Contains(key, Documented);

    [Theory]
    [MemberData(nameof(OptionSettings))]
    public void Every_option_the_code_binds_is_documented_in_the_template(string key) => Assert.Contains(key, Documented);

    [Theory]
    [InlineData("ConnectionStrings:CharityCMS")]
    [InlineData("AzureAd:ClientSecret")]
    [InlineData("AzureAd:RequireHttpsMetadata")]
    [InlineData("Hosting:KnownProxies")]
    [InlineData("DataProtection:CertificatePath")]
    [InlineData("DataProtection:CertificatePassword")]
    public void Settings_read_directly_are_documented_in_the_template(string key) => Assert.Contains(key, Documented);

    private static HashSet<string> Keys(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Walk(document.RootElement, "");
        return keys;

        void Walk(JsonElement element, string prefix)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                keys.Add(prefix);
                return;
            }
            foreach (var property in element.EnumerateObject())
                Walk(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}");
        }
    }
}
