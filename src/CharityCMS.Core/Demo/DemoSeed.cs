using CharityCMS.Audit;
using CharityCMS.Clients;
using CharityCMS.Reminders;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;
using Microsoft.Extensions.Logging;

namespace CharityCMS.Demo;

/// <summary>
/// Seeds the demo: the two charities, their staff, and about 200 fictional clients each, registered
/// and edited through the same command handlers staff use. Runs once: a second run finds the
/// workspaces and does nothing.
/// </summary>
public sealed class DemoSeed(
    IDocumentStore store,
    ClientReferences references,
    IValidator<RegisterClient> registrationRules,
    IValidator<ChangeClientDetails> editRules,
    DemoRisk risk,
    DemoGrants grants,
    DemoDonations donations,
    ReminderRun reminders,
    TimeProvider appClock,
    ILogger<DemoSeed> logger)
{
    public const int ClientsPerWorkspace = 200;

    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        await using (var check = store.QuerySession())
        {
            if (await check.LoadAsync<Workspace>(DemoStaff.Riverside, ct) is not null) return false;
        }

        // The app's own clock, which its validators and reminders also read: the history ends where "today" is for them.
        var now = appClock.GetUtcNow();
        await SeedWorkspacesAndStaffAsync(now, ct);

        var clock = new DemoClock(now);
        var register = new RegisterClientHandler(store, registrationRules, references, clock);
        var change = new ChangeClientDetailsHandler(store, editRules, clock.Guard(store), clock);
        foreach (var ((slug, name, _), index) in DemoStaff.Workspaces.Select((w, i) => (w, i)))
        {
            var caseworkers = DemoStaff.People
                .Where(p => p.Places.Any(x => x.Workspace == slug && x.Role is WorkspaceRole.Caseworker or WorkspaceRole.Manager))
                .ToList();
            var faker = new DemoClients(seed: 1000 + index, area: slug);
            var members = await MembersAsync(slug, ct);
            var registrations = faker.Generate(ClientsPerWorkspace, now);
            var registered = new List<DemoCaseloadClient>(registrations.Count);
            foreach (var (registration, i) in registrations.Select((r, i) => (r, i)))
            {
                var worker = caseworkers[i % caseworkers.Count];
                var access = AccessFor(slug, name, members[worker.ObjectId]);
                clock.Now = registration.RegisteredAt;
                var clientRegistration = await register.HandleAsync(access, registration.Command, ct);
                registered.Add(new DemoCaseloadClient(clientRegistration.ClientId, registration.RegisteredAt, access));
                if (registration.LaterChange is { } later)
                {
                    clock.Now = later.At;
                    await change.HandleAsync(access, later.Apply(clientRegistration, registration.Command), ct);
                }
            }
            clock.Now = now;
            await new DemoCases(store, clock, seed: 2000 + index).SeedAsync(registered, ct);
            await risk.SeedAsync(registered, now, seed: 3000 + index, ct);
            var manager = DemoStaff.People.First(p => p.Places.Contains((slug, WorkspaceRole.Manager)));
            await new DemoReferrals(store, references).SeedAsync(AccessFor(slug, name, members[manager.ObjectId]), registered.Select(r => r.ClientId).ToList(), now, ct);
            await grants.SeedAsync(AccessFor(slug, name, members[manager.ObjectId]), ct);
            var admin = DemoStaff.People.First(p => p.Places.Contains((slug, WorkspaceRole.WorkspaceAdmin)));
            await donations.SeedAsync(AccessFor(slug, name, members[admin.ObjectId]), seed: 4000 + index, ct);
            // Today's reminders, so the bell and the caseloads have something due from the first sign-in.
            await reminders.RunAsync(slug, ct);
            logger.LogInformation("Seeded demo workspace {Workspace} with {Count} fictional clients, their cases, referrals, grants and donors", slug, registrations.Count);
        }
        return true;
    }

    /// <summary>The demo charities and their staff, without clients.</summary>
    public Task SeedWorkspacesAndStaffAsync(CancellationToken ct) => SeedWorkspacesAndStaffAsync(appClock.GetUtcNow(), ct);

    private async Task SeedWorkspacesAndStaffAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        foreach (var (slug, name, prefix) in DemoStaff.Workspaces)
        {
            session.Insert(new Workspace(slug, name, prefix, now.AddYears(-3), "Demo seed"));
            session.ForTenant(slug).Insert(new AuditEntry(Guid.NewGuid(), slug, AuditAction.WorkspaceCreated, null, null, "Demo seed", now.AddYears(-3)));
        }
        foreach (var person in DemoStaff.People)
        {
            foreach (var (workspace, role) in person.Places)
            {
                session.Insert(new Member(Guid.NewGuid(), workspace, person.Email, person.Name, [role], now.AddYears(-2), "Demo seed",
                    person.ObjectId, now.AddYears(-2)));
            }
        }
        await session.SaveChangesAsync(ct);
    }

    private async Task<Dictionary<string, Member>> MembersAsync(string workspace, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var members = await session.Query<Member>().Where(m => m.WorkspaceId == workspace).ToListAsync(ct);
        return members.ToDictionary(m => m.ObjectId!);
    }

    private static WorkspaceAccess AccessFor(string workspace, string name, Member member) =>
        new(workspace, name, member.AsStaff(), member.Roles.ToHashSet());
}
