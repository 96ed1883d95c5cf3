using Bunit;
using CharityCMS.Clients;
using CharityCMS.Web.Clients;

namespace CharityCMS.Web.Tests.Components;

public class ClientRecordComponentTests
{
    [Theory]
    [InlineData(true, false, "Address withheld: do not disclose")]
    [InlineData(false, true, "Address withheld: refuge address")]
    [InlineData(true, true, "Address withheld: refuge address")]
    public async Task A_confidential_address_is_not_in_the_rendered_markup_at_all(bool doNotDisclose, bool refuge, string withheld)
    {
        await using var context = ComponentContext.Create();
        var address = new PostalAddress("7 Hidden Refuge Road", "Flat 2", "Leeds", "LS6 1AA", doNotDisclose, refuge);

        var rendered = context.Render<AddressView>(p => p.Add(x => x.Address, address));

        Assert.Contains(withheld, rendered.Markup);
        Assert.DoesNotContain("Hidden Refuge", rendered.Markup);
        Assert.DoesNotContain("LS6", rendered.Markup);
        Assert.DoesNotContain("Flat 2", rendered.Markup);
    }

    [Fact]
    public async Task An_ordinary_address_is_shown_line_by_line()
    {
        await using var context = ComponentContext.Create();

        var rendered = context.Render<AddressView>(p => p.Add(x => x.Address, new PostalAddress("12 Test Street", null, "Leeds", "LS1 4AP", false)));

        var address = rendered.Find("address");
        Assert.Equal(["12 Test Street", "Leeds", "LS1 4AP"], address.InnerHtml.Split("<br>", StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData(true, false, "No letters: her address is marked \"do not disclose\".")]
    [InlineData(false, true, "No letters: her address is a refuge address.")]
    public async Task The_summary_says_no_letters_to_a_confidential_address(bool doNotDisclose, bool refuge, string expected)
    {
        await using var context = ComponentContext.Create();
        var address = new PostalAddress("7 Hidden Refuge Road", null, "Leeds", "LS6 1AA", doNotDisclose, refuge);

        var rendered = context.Render<SafeContactSummary>(p => p.Add(x => x.Contact, ClientContactDetails.None).Add(x => x.Address, address));

        Assert.Contains(expected, rendered.Find("#safe-contact").TextContent);
    }

    [Fact]
    public async Task With_no_safe_way_to_reach_her_the_summary_says_not_to_make_contact()
    {
        await using var context = ComponentContext.Create();
        var contact = new ClientContactDetails([new PhoneNumber("07700 900001", "Mobile", false, false, false)], new EmailContact("a@example.org", false), null);

        var rendered = context.Render<SafeContactSummary>(p => p.Add(x => x.Contact, contact));

        Assert.Contains("Do not contact her by phone, text or email until a safe way is confirmed.", rendered.Markup);
    }

    [Fact]
    public async Task The_summary_lists_only_the_safe_ways_and_the_safe_contact_note()
    {
        await using var context = ComponentContext.Create();
        var contact = new ClientContactDetails(
            [new PhoneNumber("07700 900001", "Mobile", true, false, true), new PhoneNumber("07700 900002", "Home", false, false, false)],
            null, "Code word: bluebell");

        var rendered = context.Render<SafeContactSummary>(p => p.Add(x => x.Contact, contact));

        Assert.Contains("Mobile 07700 900001: call, text", rendered.Markup);
        Assert.DoesNotContain("07700 900002", rendered.Markup);
        Assert.Contains("Code word: bluebell", rendered.Markup);
    }

    [Fact]
    public async Task Markup_in_a_safe_contact_note_is_shown_as_text_and_never_run()
    {
        await using var context = ComponentContext.Create();
        var contact = new ClientContactDetails([], null, "<script>alert('x')</script>");

        var rendered = context.Render<SafeContactSummary>(p => p.Add(x => x.Contact, contact));

        Assert.Empty(rendered.FindAll("script"));
        Assert.Contains("&lt;script&gt;", rendered.Markup);
    }
}
