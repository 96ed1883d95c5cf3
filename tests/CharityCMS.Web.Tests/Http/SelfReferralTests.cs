using System.Collections.Concurrent;
using System.Net;
using CharityCMS.Notifications;
using CharityCMS.Referrals;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CharityCMS.Web.Tests.Http;

/// <summary>A charity whose public form is at /refer/{slug}, with a manager to be told of each self-referral.</summary>
public class SelfReferralApp : CharityApp
{
    public TestWorkspace Workspace { get; private set; } = null!;
    public Member Manager { get; private set; } = null!;

    protected virtual int PermitLimit => 1000;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SelfReferral:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Workspace = await WorkspaceAsync("sr-" + Guid.NewGuid().ToString("N")[..8], "SRT");
        Manager = (await MemberAsync(Workspace, "Mona Manager", WorkspaceRole.Manager)).Member;
    }

    public async Task<int> ReferralCountAsync()
    {
        await using var session = Store.QuerySession(Workspace.Id);
        return await session.Query<Referral>().CountAsync();
    }

    /// <summary>Opens the form as a browser would, then posts it with its antiforgery token and cookie.</summary>
    /// <remarks><paramref name="from"/> stands for her IP address, as the proxy in front of the app would give it.</remarks>
    public async Task<HttpResponseMessage> SendAsync(IDictionary<string, string> fields, string? slug = null, string? from = null)
    {
        var client = RawClient();
        var path = $"/refer/{slug ?? Workspace.Id}";
        using var open = new HttpRequestMessage(HttpMethod.Get, path);
        if (from is not null) open.Headers.Add("X-Forwarded-For", from);
        using var page = await client.SendAsync(open);
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = "self-referral",
            ["__RequestVerificationToken"] = HttpExchange.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
        };
        using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        post.Headers.Add("Cookie", HttpExchange.CookiesFrom(page));
        if (from is not null) post.Headers.Add("X-Forwarded-For", from);
        return await client.SendAsync(post);
    }

    public static Dictionary<string, string> ValidForm(string name = "Hope Formfiller") => new()
    {
        ["Form.Name"] = name,
        ["Form.Age"] = "31",
        ["Form.Phone"] = "07700 900456",
        ["Form.SafeToCall"] = "true",
        ["Form.SafeForText"] = "true",
        ["Form.SafeTimes"] = "Weekday mornings.",
        ["Form.Reason"] = "<script>alert('x')</script> I need someone to talk to.",
        ["Form.Consent"] = "true",
    };
}

public sealed class RateLimitedSelfReferralApp : SelfReferralApp
{
    protected override int PermitLimit => 2;
}

/// <summary>Keeps every log line the app writes, down to Debug, so a test can look for what she typed.</summary>
public sealed class LoggedSelfReferralApp : SelfReferralApp
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new CapturingLoggerProvider(Lines)));
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(lines);
        public void Dispose() { }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + " " + exception);
    }
}

public class SelfReferralTests(SelfReferralApp app) : IClassFixture<SelfReferralApp>
{
    [Fact]
    public async Task The_form_opens_without_sign_in_with_the_quick_exit_a_hidden_honeypot_and_an_antiforgery_token()
    {
        var (status, body) = await app.RawClient().FetchAsync($"/refer/{app.Workspace.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-quick-exit", body);
        Assert.Contains("You can tell us as much or as little as you like", body);
        Assert.Contains("is it safe for us to", body);
        Assert.Contains("Leave a voicemail?", body);
        Assert.Contains("It is safe for us to write to you at this address", body);
        Assert.Matches("<div class=\"visually-hidden\"[^>]*aria-hidden=\"true\"", body);
        Assert.Matches("<input[^>]*name=\"Form.Website\"[^>]*tabindex=\"-1\"|<input[^>]*tabindex=\"-1\"[^>]*name=\"Form.Website\"", body);
        Assert.NotEmpty(HttpExchange.AntiforgeryToken(body));
        Assert.DoesNotContain("blazor-error-ui", body);
    }

    [Fact]
    public async Task A_valid_form_is_stored_as_a_self_referral_with_its_text_kept_as_text_and_redirects_to_the_thanks_page()
    {
        var before = await app.ReferralCountAsync();

        using var response = await app.SendAsync(SelfReferralApp.ValidForm("Valid Formsender"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/refer/{app.Workspace.Id}/thanks", new Uri(app.BaseAddress, response.Headers.Location!).AbsolutePath);
        Assert.Equal(before + 1, await app.ReferralCountAsync());
        await using var session = app.Store.QuerySession(app.Workspace.Id);
        var referral = await session.Query<Referral>().SingleAsync(r => r.Person.Name == "Valid Formsender");
        Assert.Equal(ReferralSource.Self, referral.Source);
        Assert.Equal("<script>alert('x')</script> I need someone to talk to.", referral.Reason);
        Assert.True(referral.Person.Contact.Phones[0].SafeToCall);
        Assert.False(referral.Person.Contact.Phones[0].SafeForVoicemail);
    }

    [Fact]
    public async Task Every_manager_is_told_of_a_self_referral_without_her_name_or_details()
    {
        using var response = await app.SendAsync(SelfReferralApp.ValidForm("Notified Formsender"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var session = app.Store.QuerySession(app.Workspace.Id);
        var referral = await session.Query<Referral>().SingleAsync(r => r.Person.Name == "Notified Formsender");
        var notification = await session.LoadAsync<Notification>(Notification.IdFor(NotificationKind.SelfReferralReceived, referral.Id.ToString("N"), app.Manager.Id));
        Assert.NotNull(notification);
        Assert.Equal($"/referrals/{referral.Id}", notification.Link);
        Assert.DoesNotContain("Notified", notification.Text);
        Assert.DoesNotContain("07700", notification.Text);
    }

    [Fact]
    public async Task The_thanks_page_does_not_repeat_anything_she_entered()
    {
        using var response = await app.SendAsync(SelfReferralApp.ValidForm("Echo Notshown"));
        var (status, body) = await app.RawClient().FetchAsync(new Uri(app.BaseAddress, response.Headers.Location!).AbsolutePath);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Your form has reached us", body);
        Assert.Contains("data-quick-exit", body);
        Assert.DoesNotContain("Echo", body);
        Assert.DoesNotContain("900456", body);
        Assert.DoesNotContain("Weekday mornings", body);
    }

    [Fact]
    public async Task Bad_input_is_shown_again_with_a_message_beside_each_field_the_values_kept_and_nothing_stored()
    {
        var before = await app.ReferralCountAsync();
        var form = SelfReferralApp.ValidForm("");
        form["Form.Phone"] = "call me maybe";
        form["Form.Age"] = "150";
        form["Form.SafeTimes"] = "Kept safe note";
        form.Remove("Form.Consent");

        using var response = await app.SendAsync(form);
        var html = await response.Content.ReadAsStringAsync();
        var body = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"sr-name-error\"", body);
        Assert.Contains("Tell us a name we can use for you.", body);
        Assert.Contains("A phone number can hold only digits, spaces, brackets, hyphens and a leading +.", body);
        Assert.Contains("An age must be between 0 and 120.", body);
        Assert.Contains("Please tick the box to say we may contact you in the ways you have told us are safe.", body);
        Assert.Contains("value=\"call me maybe\"", body);
        Assert.Contains("Kept safe note", body);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Equal(before, await app.ReferralCountAsync());
    }

    [Fact]
    public async Task Over_long_text_sent_past_the_box_limit_is_refused_beside_the_box_and_nothing_is_stored()
    {
        var before = await app.ReferralCountAsync();
        var form = SelfReferralApp.ValidForm();
        form["Form.Reason"] = new string('x', 4001);

        using var response = await app.SendAsync(form);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"sr-reason-error\"", body);
        Assert.Contains("This box can be at most 4,000 characters.", body);
        Assert.Equal(before, await app.ReferralCountAsync());
    }

    [Fact]
    public async Task An_age_that_is_not_a_number_is_shown_back_with_a_message_and_nothing_is_stored()
    {
        var before = await app.ReferralCountAsync();
        var form = SelfReferralApp.ValidForm();
        form["Form.Age"] = "thirty";

        using var response = await app.SendAsync(form);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Enter your age as a number, like 34, or leave it empty.", body);
        Assert.Contains("value=\"thirty\"", body);
        Assert.Equal(before, await app.ReferralCountAsync());
    }

    [Fact]
    public async Task A_form_with_no_safe_way_to_reach_her_is_refused_kindly()
    {
        var form = SelfReferralApp.ValidForm();
        form.Remove("Form.SafeToCall");
        form.Remove("Form.SafeForText");

        using var response = await app.SendAsync(form);

        Assert.Contains("Tell us at least one safe way to reach you", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_filled_honeypot_looks_like_success_but_nothing_is_stored_and_nobody_is_told()
    {
        var before = await app.ReferralCountAsync();
        var form = SelfReferralApp.ValidForm("Robot Submitter");
        form["Form.Website"] = "https://spam.example";

        using var response = await app.SendAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/refer/{app.Workspace.Id}/thanks", new Uri(app.BaseAddress, response.Headers.Location!).AbsolutePath);
        Assert.Equal(before, await app.ReferralCountAsync());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        var before = await app.ReferralCountAsync();
        var form = new Dictionary<string, string>(SelfReferralApp.ValidForm()) { ["_handler"] = "self-referral" };

        using var response = await app.RawClient().PostAsync($"/refer/{app.Workspace.Id}", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.ReferralCountAsync());
    }

    [Theory]
    [InlineData("/refer/no-such-charity")]
    [InlineData("/refer/no-such-charity/thanks")]
    [InlineData("/refer/Not%20A%20Slug")]
    public async Task An_unknown_web_name_is_not_found(string path)
    {
        var (status, body) = await app.RawClient().FetchAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("data-quick-exit", body);
        Assert.DoesNotContain("__RequestVerificationToken", body);
    }
}

public class SelfReferralLoggingTests(LoggedSelfReferralApp app) : IClassFixture<LoggedSelfReferralApp>
{
    [Fact]
    public async Task Nothing_she_entered_is_logged_whether_the_form_is_accepted_or_refused()
    {
        var form = SelfReferralApp.ValidForm("Logcheck Privatename");
        form["Form.SafeTimes"] = "Secretcodeword lilac";
        using (var accepted = await app.SendAsync(form)) Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        form["Form.Phone"] = "not a number 07700";
        using (var refused = await app.SendAsync(form)) Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        Assert.NotEmpty(app.Lines);
        Assert.DoesNotContain(app.Lines, line => line.Contains("Privatename", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(app.Lines, line => line.Contains("Secretcodeword", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(app.Lines, line => line.Contains("900456", StringComparison.Ordinal));
    }
}

public class SelfReferralRateLimitTests(RateLimitedSelfReferralApp app) : IClassFixture<RateLimitedSelfReferralApp>
{
    [Fact]
    public async Task Too_many_submissions_from_one_address_get_a_kind_429_page_and_are_not_stored_while_another_address_is_still_heard()
    {
        const string busy = "203.0.113.7";
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await app.SendAsync(SelfReferralApp.ValidForm($"Allowed Sender{i}"), from: busy);
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var refused = await app.SendAsync(SelfReferralApp.ValidForm("Refused Sender"), from: busy);
        var body = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Please try again a little later", body);
        Assert.Contains("data-quick-exit", body);
        Assert.DoesNotContain("Refused Sender", body);
        Assert.DoesNotContain("Exception", body);
        Assert.Equal(2, await app.ReferralCountAsync());
        // Opening the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await app.RawClient().FetchAsync($"/refer/{app.Workspace.Id}")).Status);
        // The limit is hers alone: a woman on another connection is not turned away.
        using var elsewhere = await app.SendAsync(SelfReferralApp.ValidForm("Other Sender"), from: "198.51.100.9");
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal(3, await app.ReferralCountAsync());
    }
}
