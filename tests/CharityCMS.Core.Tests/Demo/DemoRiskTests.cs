using CharityCMS.Demo;
using CharityCMS.Marac;
using CharityCMS.Risk;
using CharityCMS.TestSupport;
using Marten;

namespace CharityCMS.Core.Tests.Demo;

public class DemoRiskTests : DomainDatabase
{
    [Fact]
    public async Task The_demo_has_completed_assessments_some_high_some_repeated_and_marac_referrals_with_actions()
    {
        Assert.True(await Get<DemoSeed>().SeedAsync(default));

        foreach (var workspace in new[] { DemoStaff.Riverside, DemoStaff.Northgate })
        {
            await using var session = Store.QuerySession(workspace);
            var assessments = await session.Query<RiskAssessment>().ToListAsync();
            Assert.All(assessments, a => Assert.True(a.IsCompleted));
            Assert.InRange(assessments.Select(a => a.ClientId).Distinct().Count(), 40, 120);
            Assert.Contains(assessments, a => a.FinalLevel == RiskLevel.High);
            Assert.Contains(assessments, a => a.Judgement == RiskLevel.High && a.ScoreLevel < RiskLevel.High && a.Rationale is not null);
            Assert.Contains(assessments.GroupBy(a => a.ClientId), g => g.Count() >= 2);

            var referrals = await session.Query<MaracReferral>().ToListAsync();
            Assert.NotEmpty(referrals);
            Assert.All(referrals, r => Assert.NotEmpty(r.Actions));
            Assert.All(referrals, r => Assert.NotEmpty(r.Criteria));
        }
    }
}
