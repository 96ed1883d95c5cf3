using CharityCMS.Browser.Tests.Pages;
using CharityCMS.Demo;
using CharityCMS.TestSupport;
using Microsoft.Playwright;

namespace CharityCMS.Browser.Tests;

public class ClientJourneyTests(Chromium chromium, BrowserApp app) : BrowserTest(chromium, app), IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_caseworker_registers_finds_opens_and_edits_a_client_and_her_manager_sees_who_viewed_the_record()
    {
        // A caseworker signs in.
        var page = await NewWindowAsync();
        await page.GotoAsync("/signin/dev");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hannah Price" }).First.ClickAsync();
        await WhenLiveAsync(page);
        Assert.Equal("Riverside Women's Aid", await new AppBar(page).WorkspaceAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "caseworker-home");

        // She registers a client; an empty form is refused with a message beside the field.
        await GoToAsync(page, "/clients/new");
        var form = new ClientFormPage(page);
        await form.SaveAsync("Register client");
        await page.Locator("#form-errors").WaitForAsync();
        Assert.Equal("Enter the client's legal name.", await form.MessageForAsync("Legal name"));
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "register-refused");

        await form.FillAsync("Legal name", "Maryam Testclient");
        await form.FillAsync("Preferred name (optional)", "Mae");
        await form.FillDateOfBirthAsync("03/02/1988");
        await form.FillAsync("Phone number 1", "07700 900777");
        await form.TickAsync("Safe to call");
        await form.TickAsync("Safe to send a text");
        await form.FillAsync("Safe-contact notes (optional)", "Only call between 10:00 and 14:00.");
        await form.TickAsync("Record an address");
        await form.FillAsync("Address line 1", "9 Quiet Close");
        await form.FillAsync("Town or city", "Leeds");
        await form.FillAsync("Postcode", "ls6 2ab");
        await ScreenshotAsync(page, "register-filled");
        await form.SaveAsync("Register client");

        var record = new ClientRecordPage(page);
        await record.WhenOpenAsync();
        Assert.Equal("Mae", await record.TitleAsync());
        Assert.Equal("RWA-000001 · CharityCMS", await page.TitleAsync());
        Assert.Contains("RWA-000001", await page.Locator("body").InnerTextAsync());
        Assert.Contains("LS6 2AB", await page.Locator("address").InnerTextAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "record-after-registration");

        // She finds her again from the list, by a part of her legal name.
        await GoToAsync(page, "/clients");
        var list = new ClientListPage(page);
        await list.SearchAsync("testcli");
        Assert.Equal(["Mae"], await list.NamesAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "client-search");
        await list.OpenClientAsync("Mae");

        // She edits the record.
        await record.EditAsync();
        await AssertAccessibleAsync(page);
        await form.FillAsync("Pronouns (optional)", "they/them");
        await ScreenshotAsync(page, "edit");
        await form.SaveAsync("Save changes");
        await record.WhenOpenAsync();
        Assert.Contains(await record.HistoryAsync(), h => h.Contains("Personal details changed: pronouns"));
        await ScreenshotAsync(page, "record-after-edit");
        await new AppBar(page).SignOutAsync();

        // Her manager signs in and sees who has opened the record.
        var manager = await SignInAsync("Grace Okoro");
        await GoToAsync(manager, "/clients");
        await new ClientListPage(manager).OpenClientAsync("Mae");
        var viewers = await new ClientRecordPage(manager).ViewersAsync();
        Assert.Equal("Grace Okoro", viewers[0]);
        Assert.Equal(4, viewers.Count(v => v == "Hannah Price"));
        await AssertAccessibleAsync(manager);
        await ScreenshotAsync(manager, "manager-sees-views");
    }

    [Fact]
    public async Task When_she_moves_into_a_refuge_the_caseworker_marks_the_address_and_it_is_hidden_from_then_on()
    {
        var client = await App.RegisterClientAsync(DemoStaff.Riverside, SampleClients.Registration("Rosa Refugemove"), allocateTo: "Hannah Price");
        var page = await SignInAsync("Hannah Price");
        await GoToAsync(page, $"/clients/{client.ClientId}");
        var record = new ClientRecordPage(page);
        await record.WhenOpenAsync();
        Assert.Contains("12 Test Street", await page.Locator("address").InnerTextAsync());

        await record.EditAsync();
        var form = new ClientFormPage(page);
        await form.FillAsync("Address line 1", "1 Sanctuary Walk");
        await form.TickAsync("This is a refuge address");
        await ScreenshotAsync(page, "refuge-ticked");
        await form.SaveAsync("Save changes");

        await record.WhenOpenAsync();
        Assert.Contains("Address withheld: refuge address", await page.Locator(".address-withheld").InnerTextAsync());
        Assert.Contains("No letters: her address is a refuge address.", await page.Locator("#safe-contact").InnerTextAsync());
        Assert.DoesNotContain("Sanctuary Walk", await page.ContentAsync());
        Assert.Contains(await record.HistoryAsync(), h => h.Contains("Address changed"));
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "refuge-address-hidden");
    }
}
