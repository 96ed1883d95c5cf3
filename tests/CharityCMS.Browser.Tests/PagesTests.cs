using CharityCMS.Clients;
using CharityCMS.Demo;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

/// <summary>Every page, as each kind of person sees it, on a desk and on a 360 px phone: axe finds nothing serious, nothing overflows.</summary>
public class PagesTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    /// <summary>
    /// The page's address with its placeholders filled: a client living in a refuge (whose address
    /// no page may show), her case, a referral, a completed high-risk assessment and a MARAC referral,
    /// each made only when the page needs it (the MARAC referral with an action, so its table is seen).
    /// </summary>
    private async Task<string> PathAsync(string path)
    {
        var refuge = SampleClients.Registration("Pages Testclient") with { Address = new PostalAddress("3 Refuge Lane", null, "Leeds", "LS7 1AB", DoNotDisclose: false, IsRefuge: true) };
        var clientId = (await App.RegisterClientAsync(DemoStaff.Riverside, refuge)).ClientId;
        path = path.Replace("{client}", clientId.ToString());
        if (path.Contains("{case}"))
            path = path.Replace("{case}", (await App.OpenCaseAsync(DemoStaff.Riverside, clientId, "Hannah Price")).ToString());
        if (path.Contains("{referral}"))
            path = path.Replace("{referral}", (await App.ReceiveReferralAsync(DemoStaff.Riverside, "Pages Referred")).ToString());
        if (path.Contains("{assessment}") || path.Contains("{marac}"))
        {
            var assessmentId = await App.CompleteAssessmentAsync(DemoStaff.Riverside, clientId, yes: 16);
            path = path.Replace("{assessment}", assessmentId.ToString());
            if (path.Contains("{marac}"))
            {
                var referralId = await App.ReferToMaracAsync(DemoStaff.Riverside, clientId);
                await App.AgreeMaracActionAsync(DemoStaff.Riverside, referralId, "Flag her address on the police system for an urgent response", "West Yorkshire Police");
                path = path.Replace("{marac}", referralId.ToString());
            }
        }
        return path;
    }

    public static TheoryData<string, string, int> Pages() => new()
    {
        { "Hannah Price", "/", 1280 },
        { "Hannah Price", "/clients", 1280 },
        { "Hannah Price", "/clients/new", 1280 },
        { "Hannah Price", "/clients/{client}", 1280 },
        { "Hannah Price", "/clients/{client}/edit", 1280 },
        { "Hannah Price", "/notifications", 1280 },
        { "Grace Okoro", "/clients/{client}", 1280 },
        { "Fiona Murray", "/workspace/members", 1280 },
        { "Ellie Turner", "/", 1280 },
        { "Sam Taylor", "/platform/workspaces", 1280 },
        { "Hannah Price", "/", 360 },
        { "Hannah Price", "/clients", 360 },
        { "Hannah Price", "/clients/new", 360 },
        { "Hannah Price", "/referrals", 360 },
        { "Hannah Price", "/referrals/new", 360 },
        { "Grace Okoro", "/clients/{client}", 360 },
        { "Grace Okoro", "/notifications", 360 },
        { "Fiona Murray", "/workspace/members", 360 },
        { "Sam Taylor", "/platform/workspaces", 360 },
        { "Grace Okoro", "/clients/{client}/risk", 1280 },
        { "Grace Okoro", "/clients/{client}/risk/assess", 1280 },
        { "Grace Okoro", "/clients/{client}/marac/new", 1280 },
        { "Grace Okoro", "/marac", 1280 },
        { "Hannah Price", "/marac", 1280 },
        { "Hannah Price", "/clients/{client}/risk", 1280 },
        { "Grace Okoro", "/clients/{client}/risk", 360 },
        { "Grace Okoro", "/clients/{client}/risk/assess", 360 },
        { "Grace Okoro", "/marac", 360 },
        { "Grace Okoro", "/funding", 1280 },
        { "Grace Okoro", "/funding", 360 },
        { "Grace Okoro", "/grants", 1280 },
        { "Grace Okoro", "/grants/new", 1280 },
        { "Grace Okoro", "/funders", 1280 },
        { "Grace Okoro", "/settings/funding", 1280 },
        { "Ellie Turner", "/campaigns", 1280 },
        { "Ellie Turner", "/campaigns", 360 },
        { "Ellie Turner", "/settings/donations", 1280 },
        { "Fiona Murray", "/settings/stripe", 1280 },
        { "Fiona Murray", "/settings/stripe", 360 },
        { "Grace Okoro", "/grants", 360 },
        { "Grace Okoro", "/grants/new", 360 },
        { "Ellie Turner", "/fundraising", 1280 },
        { "Ellie Turner", "/fundraising", 360 },
        { "Ellie Turner", "/donors", 1280 },
        { "Ellie Turner", "/donors", 360 },
        { "Ellie Turner", "/giftaid", 1280 },
        { "Ellie Turner", "/giftaid/claims/new", 1280 },
        { "Ellie Turner", "/giftaid", 360 },
        { "Hannah Price", "/caseload", 1280 },
        { "Hannah Price", "/caseload", 360 },
        { "Grace Okoro", "/caseload/team", 1280 },
        { "Grace Okoro", "/caseload/team", 360 },
        { "Grace Okoro", "/cases/{case}", 1280 },
        { "Grace Okoro", "/cases/{case}", 360 },
        { "Hannah Price", "/cases/{case}", 360 },
        { "Grace Okoro", "/clients/{client}/cases/new", 1280 },
        { "Grace Okoro", "/clients/{client}/cases/new", 360 },
        { "Grace Okoro", "/settings/casework", 1280 },
        { "Grace Okoro", "/settings/casework", 360 },
        { "Grace Okoro", "/referrals/{referral}", 1280 },
        { "Grace Okoro", "/referrals/{referral}", 360 },
        { "Grace Okoro", "/marac/{marac}", 1280 },
        { "Grace Okoro", "/marac/{marac}", 360 },
        { "Grace Okoro", "/risk-assessments/{assessment}", 1280 },
        { "Grace Okoro", "/risk-assessments/{assessment}", 360 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_passes_axe_and_fits_the_screen(string person, string path, int width)
    {
        var filled = await PathAsync(path);
        var page = await SignInAsync(person, width, width < 600 ? 740 : 900);
        await GoToAsync(page, filled);
        await page.Locator("h1").WaitForAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-linear')");

        // A page that failed shows the error boundary's apology, which axe would pass.
        Assert.DoesNotContain("Something went wrong on this page", await page.ContentAsync());
        await AssertAccessibleAsync(page);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a {width}px screen");
        Assert.DoesNotContain("3 Refuge Lane", await page.ContentAsync());
        await ScreenshotAsync(page, $"{person.Split(' ')[0].ToLowerInvariant()}-{width}-{path.Trim('/').Replace("/", "-").Replace("{", "").Replace("}", "")}");
    }

    [Theory]
    [InlineData("/signin/dev")]
    [InlineData("/signed-out")]
    [InlineData("/status/404")]
    [InlineData("/access-denied")]
    [InlineData("/error")]
    [InlineData("/refer/riverside")]
    [InlineData("/refer/riverside/thanks")]
    [InlineData("/donate/riverside")]
    [InlineData("/donate/riverside/thanks")]
    [InlineData("/donate/riverside/cancelled")]
    public async Task Each_public_page_passes_axe_and_carries_the_quick_exit(string path)
    {
        var page = await NewWindowAsync(360, 740);
        await page.GotoAsync(path);

        await AssertAccessibleAsync(page);
        Assert.Equal(1, await page.Locator("[data-quick-exit]").CountAsync());
    }
}

public class AdminPagesTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_workspace_admin_invites_a_member_and_changes_her_roles()
    {
        var page = await SignInAsync("Fiona Murray");
        await GoToAsync(page, "/workspace/members");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await page.GetByText("Enter an email address.").First.WaitForAsync();

        await page.GetByLabel("Email address they sign in with").FillAsync("new.worker@riverside.example");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("New Worker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "New Worker", Exact = true }).WaitForAsync();
        await ScreenshotAsync(page, "member-invited");

        await page.GetByRole(AriaRole.Button, new() { Name = "Change roles of New Worker" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Roles of New Worker" }).GetByLabel("Manager: works with clients, sees who viewed records").CheckAsync();
        await ScreenshotAsync(page, "changing-roles");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
        await ScreenshotAsync(page, "roles-saved");
        await page.GetByRole(AriaRole.Cell, new() { Name = "Caseworker, Manager", Exact = true }).WaitForAsync();

        await using var session = App.Store.QuerySession();
        var invited = await session.Query<Member>().SingleAsync(m => m.Email == "new.worker@riverside.example");
        Assert.Equal([WorkspaceRole.Caseworker, WorkspaceRole.Manager], invited.Roles);
        Assert.Null(invited.ObjectId);
    }

    [Fact]
    public async Task An_operator_creates_a_workspace_and_sees_it_listed()
    {
        var page = await SignInAsync("Sam Taylor");
        await GoToAsync(page, "/platform/workspaces");

        await page.GetByLabel("Charity name").FillAsync("Eastfield Women's Centre");
        await page.GetByLabel("Web name").FillAsync("Eastfield");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create workspace" }).ClickAsync();
        await page.GetByText("Use lower-case letters, digits and single hyphens only.").WaitForAsync();

        await page.GetByLabel("Web name").FillAsync("eastfield");
        await page.GetByLabel("Client reference prefix").FillAsync("EWC");
        await page.GetByLabel("First admin's email address").FillAsync("admin@eastfield.example");
        await page.GetByLabel("First admin's name").FillAsync("Erin Admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create workspace" }).ClickAsync();

        await page.GetByRole(AriaRole.Cell, new() { Name = "Eastfield Women's Centre", Exact = true }).WaitForAsync();
        await ScreenshotAsync(page, "workspace-created");
    }
}
