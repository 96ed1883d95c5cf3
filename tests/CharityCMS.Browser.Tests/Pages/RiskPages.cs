using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests.Pages;

/// <summary>A client's risk summary page.</summary>
public sealed class RiskSummaryPage(IPage page)
{
    public Task WhenOpenAsync() => page.Locator("#risk-summary").WaitForAsync();

    public Task<string> LevelAsync() => page.Locator("#risk-summary .risk-chip").InnerTextAsync();

    public Task<IReadOnlyList<string>> MaracFlagsAsync() => page.Locator("#marac-flags .mud-chip").AllInnerTextsAsync();

    public Task<IReadOnlyList<string>> HistoryAsync() => page.Locator("#risk-history tbody tr").AllInnerTextsAsync();

    public Task<string> OpenDraftAsync() => page.Locator("#open-draft").InnerTextAsync();

    public Task<string> AssessButtonAsync() => page.Locator("#assess").InnerTextAsync();

    public async Task AssessAsync()
    {
        await page.Locator("#assess").ClickAsync();
        await page.Locator("#live-score").WaitForAsync();
    }

    public async Task ReferToMaracAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("referral to MARAC|Refer to MARAC") }).ClickAsync();
        await page.Locator("#criteria").WaitForAsync();
    }
}

/// <summary>The checklist form: answers by question id, the live score, draft and completion.</summary>
public sealed class RiskChecklistPage(IPage page)
{
    public Task AnswerAsync(string questionId, string answer) => page.Locator($"#q-{questionId}-{answer}").CheckAsync();

    public Task<bool> IsAnsweredAsync(string questionId, string answer) => page.Locator($"#q-{questionId}-{answer}").IsCheckedAsync();

    public Task<string> LiveScoreAsync() => page.Locator("#live-score").InnerTextAsync();

    public Task<bool> StalkingScreenShownAsync() => page.Locator("#stalking-screen").IsVisibleAsync();

    public async Task SaveDraftAsync()
    {
        await page.Locator("#save-draft").ClickAsync();
        await page.Locator("#draft-saved").WaitForAsync();
    }

    public async Task CompleteAsync()
    {
        await page.Locator("#complete").ClickAsync();
        await page.Locator("#confirm-complete").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, complete it" }).ClickAsync();
        await page.Locator("#assessment-result").WaitForAsync();
    }
}

/// <summary>The MARAC referral form and the referral page.</summary>
public sealed class MaracReferralPages(IPage page)
{
    public Task<IReadOnlyList<string>> CriteriaAsync() => page.Locator("#criteria .mud-chip").AllInnerTextsAsync();

    public async Task FillDateAsync(string label, string ddMMyyyy)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await field.FillAsync(ddMMyyyy);
        await field.PressAsync("Tab");
    }

    public async Task MakeReferralAsync()
    {
        await page.Locator("#make-referral").ClickAsync();
        await page.Locator("#referral-details").WaitForAsync();
    }

    public async Task AddActionAsync(string action, string agency, string dueDdMMyyyy)
    {
        await page.GetByLabel("Action", new() { Exact = true }).FillAsync(action);
        await page.GetByLabel("Owner agency", new() { Exact = true }).FillAsync(agency);
        await FillDateAsync("Due on", dueDdMMyyyy);
        await page.Locator("#add-action").ClickAsync();
        await page.Locator("#action-list").GetByText(action).WaitForAsync();
    }

    public Task<IReadOnlyList<string>> ActionsAsync() => page.Locator("#action-list tbody tr").AllInnerTextsAsync();

    public async Task MarkDoneAsync(string action)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Mark done today: {action}", Exact = true }).ClickAsync();
        await page.Locator("#action-list tbody tr", new() { HasText = action }).GetByText("Done ").WaitForAsync();
    }

    public async Task RecordOutcomeAsync(string outcome)
    {
        await page.GetByLabel("What the meeting concluded", new() { Exact = true }).FillAsync(outcome);
        await page.Locator("#record-outcome").ClickAsync();
        await page.Locator("#outcome").GetByText("Recorded ").WaitForAsync();
    }

    public Task<string> OutcomeAsync() => page.Locator("#outcome").InnerTextAsync();

    public Task<IReadOnlyList<string>> OpenActionsOnListAsync() => page.Locator("#open-actions tbody tr").AllInnerTextsAsync();
}
