using CharityCMS.Risk;

namespace CharityCMS.TestSupport;

/// <summary>Checklist forms for tests: every question answered, with the number of "yes" answers a test needs.</summary>
public static class SampleRisk
{
    /// <summary>A complete form with <paramref name="yes"/> "yes" answers (never the stalking question unless <paramref name="stalking"/>), the rest "no".</summary>
    public static RiskForm Form(int yes, bool stalking = false, RiskLevel? judgement = null, string? rationale = null)
    {
        var others = RiskChecklist.Questions.Where(q => q.Id != RiskChecklist.StalkingQuestionId).Select(q => q.Id).ToList();
        var yesIds = (stalking ? others.Take(yes - 1).Append(RiskChecklist.StalkingQuestionId) : others.Take(yes)).ToHashSet();
        var answers = RiskChecklist.Questions.Select(q => new ChecklistAnswer(q.Id, yesIds.Contains(q.Id) ? RiskAnswer.Yes : RiskAnswer.No)).ToList();
        var stalkingAnswers = stalking
            ? RiskChecklist.StalkingScreen.Select((q, i) => new ChecklistAnswer(q.Id, i < 4 ? RiskAnswer.Yes : RiskAnswer.No)).ToList()
            : [];
        return new RiskForm(answers, stalkingAnswers, judgement, rationale);
    }
}
