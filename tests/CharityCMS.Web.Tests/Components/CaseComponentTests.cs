using Bunit;
using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.TestSupport;
using CharityCMS.Web.Access;
using CharityCMS.Web.Cases;
using CharityCMS.Web.Shell;
using CharityCMS.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace CharityCMS.Web.Tests.Components;

public class CaseComponentTests
{
    private static readonly StaffMember Hannah = new(Guid.NewGuid(), "Hannah Price");

    [Fact]
    public async Task Script_in_a_contact_note_is_shown_as_text_and_never_becomes_markup()
    {
        await using var context = CaseContext();
        const string script = "<script>alert(1)</script>";
        const string image = "<img src=x onerror=alert(2)>";
        var view = View(Contact(script + " then " + image));

        var rendered = context.Render<ContactLogPanel>(p => p.Add(x => x.View, view));

        var note = rendered.Find("#contact-log .contact-note");
        Assert.Equal(script + " then " + image, note.TextContent);
        Assert.Empty(rendered.FindAll("#contact-log script"));
        Assert.Empty(rendered.FindAll("#contact-log img"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", rendered.Markup);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", rendered.Markup);
    }

    [Fact]
    public async Task A_safety_plan_action_offers_its_review_history_only_once_it_has_been_reviewed()
    {
        await using var context = CaseContext();
        var view = View();
        SafetyPlanReview Review(SafetyActionStatus status, string note) => new(status, note, Hannah, DateTimeOffset.UtcNow);
        view.Case.SafetyPlan =
        [
            new(Guid.NewGuid(), "Locks changed", "Housing", SafetyActionStatus.Planned, UkCalendar.Today(TimeProvider.System).AddDays(7),
                [Review(SafetyActionStatus.Planned, "Added to the plan")]),
            new(Guid.NewGuid(), "Panic alarm fitted", "Police", SafetyActionStatus.Done, null,
                [Review(SafetyActionStatus.Planned, "Added to the plan"), Review(SafetyActionStatus.Done, "Fitted")]),
        ];

        var rendered = context.Render<SafetyPlanPanel>(p => p.Add(x => x.View, view));

        var actions = rendered.FindAll("#safety-plan tbody.safety-action");
        Assert.Empty(actions[0].QuerySelectorAll("details.review-history"));
        Assert.Equal("Review history (2)", actions[1].QuerySelector("details.review-history summary")!.TextContent);
    }

    private static BunitContext CaseContext() => ComponentContext.Create(context =>
    {
        context.AddAuthorization();
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddSingleton<UkTime>();
        context.Services.AddSingleton<CurrentAccess>();
        // Only rendered here, never saved: the handler's store is not reached.
        context.Services.AddSingleton(new ContactLogHandler(null!, new LogContactValidator(TimeProvider.System), new AmendContactNoteValidator()));
        context.Services.AddSingleton(new SafetyPlanHandler(null!, new AddSafetyPlanActionValidator(TimeProvider.System), new ReviewSafetyPlanActionValidator(TimeProvider.System)));
    });

    private static CaseContact Contact(string note) =>
        new(Guid.NewGuid(), ContactMethod.Visit, true, DateTimeOffset.UtcNow.AddHours(-1), 30, null, note, Hannah, DateTimeOffset.UtcNow, null);

    private static CaseView View(params CaseContact[] contacts)
    {
        var client = new Client
        {
            Id = Guid.NewGuid(),
            Reference = "RWA-000001",
            Details = SampleClients.Registration("Maya Scripttest").Details,
            Contact = SampleClients.Registration().Contact,
        };
        var current = new Case
        {
            Id = Guid.NewGuid(), ClientId = client.Id, ClientReference = client.Reference, Status = CaseStatus.Open,
            OpenedOn = UkCalendar.Today(TimeProvider.System).AddDays(-7), Worker = Hannah, WorkerId = Hannah.Id,
            Contacts = [.. contacts], LastChangedBy = Hannah, LastChangedAt = DateTimeOffset.UtcNow,
        };
        return new CaseView(current, client, []);
    }
}
