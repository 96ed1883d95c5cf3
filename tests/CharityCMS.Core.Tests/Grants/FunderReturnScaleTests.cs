using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Grants.Returns;
using CharityCMS.Referrals;
using CharityCMS.Risk;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Core.Tests.Grants;

/// <summary>
/// A year's return over many cases counts every client of a case under the grant's service open in
/// the period, and no other. The cases are stored as the <see cref="CaseFacts"/> their events would
/// make (what the return reads); how fast it is, is measured in the benchmark (docs/performance.md), not here.
/// </summary>
public class FunderReturnScaleTests : GrantDatabase
{
    private const int Cases = 2_000;
    private static readonly DateOnly From = new(2026, 4, 1);
    private static readonly DateOnly To = new(2027, 3, 31);

    [Fact]
    public async Task A_return_over_many_cases_counts_each_funded_client_once()
    {
        var grant = await RecordAsync();
        var cases = await SeedAsync();

        var computed = await Get<FunderReturns>().ComputeAsync(Manager, grant.Id, From, To, default);

        var expected = cases.Count(c => c.Service == CaseService.Idva && c.OpenedOn <= To && (c.ClosedOn is null || c.ClosedOn >= From));
        Assert.Equal(expected, computed.Sections.Single(s => s.Key == "clients").Rows[0].Cells[0].Value);
    }

    private async Task<List<CaseFacts>> SeedAsync()
    {
        var staff = Manager.Member;
        var random = new Random(42);
        var start = new DateOnly(2025, 10, 1);
        var clients = new List<Client>(Cases);
        var cases = new List<CaseFacts>(Cases);
        var referrals = new List<Referral>(Cases);
        var assessments = new List<RiskAssessment>();
        for (var i = 0; i < Cases; i++)
        {
            var reference = $"TST-{i + 1:D6}";
            var opened = start.AddDays(random.Next(0, 540));
            var closed = random.Next(3) == 0 ? opened.AddDays(random.Next(10, 200)) : (DateOnly?)null;
            var client = new Client
            {
                Id = Guid.NewGuid(),
                Reference = reference,
                Details = new ClientPersonalDetails($"Client {i}", null, new DateOnly(1960 + random.Next(50), 1 + random.Next(12), 1 + random.Next(28)), null, null, "English", false),
                Monitoring = new EqualityMonitoring(Gender.Woman, (Ethnicity)random.Next(6), (Disability)random.Next(3), (SexualOrientation)random.Next(5)),
                RegisteredBy = staff,
                LastChangedBy = staff,
                AgeRecordedOn = opened,
            };
            clients.Add(client);
            var caseId = Guid.NewGuid();
            cases.Add(new CaseFacts
            {
                Id = caseId,
                ClientId = client.Id,
                ClientReference = reference,
                Service = i % 4 == 0 ? CaseService.Isva : CaseService.Idva,
                OpenedOn = opened,
                ClosedOn = closed,
                AbuseTypes = [(AbuseType)random.Next(14), (AbuseType)random.Next(14)],
                IntakeOutcomes = new OutcomeScores(random.Next(1, 11), random.Next(1, 11), random.Next(1, 11), random.Next(1, 11)),
                ExitOutcomes = closed is null ? null : new OutcomeScores(random.Next(1, 11), random.Next(1, 11), random.Next(1, 11), random.Next(1, 11)),
            });
            var received = new DateTimeOffset(opened.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).AddDays(-random.Next(1, 5));
            referrals.Add(new Referral
            {
                Id = Guid.NewGuid(),
                ReceivedAt = received,
                Status = ReferralStatus.Accepted,
                CaseId = caseId,
                FirstContactAt = received.AddHours(random.Next(1, 120)),
                RecordedBy = staff,
                LastChangedBy = staff,
            });
            if (i % 2 == 0)
                assessments.Add(new RiskAssessment
                {
                    Id = Guid.NewGuid(),
                    ClientId = client.Id,
                    Status = RiskAssessmentStatus.Completed,
                    CompletedAt = received.AddDays(2),
                    FinalLevel = (RiskLevel)random.Next(3),
                    StartedBy = staff,
                    LastChangedBy = staff,
                });
        }
        await Store.BulkInsertAsync(Manager.WorkspaceId, clients);
        await Store.BulkInsertAsync(Manager.WorkspaceId, cases);
        await Store.BulkInsertAsync(Manager.WorkspaceId, referrals);
        await Store.BulkInsertAsync(Manager.WorkspaceId, assessments);
        return cases;
    }
}
