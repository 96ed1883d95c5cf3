using CharityCMS.Workspaces;

namespace CharityCMS.Grants;

/// <summary>
/// The rules of a grant, as pure functions of the grant as it stands and what was asked: each
/// returns the events that follow, or throws <see cref="GrantRuleException"/> with the reason.
/// </summary>
public static class GrantDecisions
{
    public const int ReasonMaximumLength = 500;
    public const int OverrideReasonMinimumLength = 10;

    public static IEnumerable<WorkspaceEvent> ChangeTerms(GrantDecision d, GrantTerms terms)
    {
        if (d.Grant.Terms == terms) return [];
        var scheduled = d.Grant.Instalments.Sum(i => i.Amount);
        if (scheduled > terms.Amount)
            throw new GrantRuleException($"The instalments already add up to {Money.Pounds(scheduled)}, more than {Money.Pounds(terms.Amount)}: change them first.");
        if (d.Grant.Deadlines.FirstOrDefault(r => r.PeriodFrom < terms.StartsOn || r.PeriodTo > terms.EndsOn) is { } outside)
            throw new GrantRuleException($"\"{outside.Title}\" covers days outside the new dates: move or remove it first.");
        return [new GrantTermsChanged(terms, d.By, d.At)];
    }

    public static IEnumerable<WorkspaceEvent> Delete(GrantDecision d, string reason)
    {
        var stated = Text.TidyOrNull(reason, keepLineBreaks: true);
        if (stated is null) throw new GrantRuleException("Say why the grant is deleted.");
        if (stated.Length > ReasonMaximumLength) throw new GrantRuleException($"Keep the reason under {ReasonMaximumLength} characters.");
        return [new GrantDeleted(stated, d.By, d.At)];
    }

    public static IEnumerable<WorkspaceEvent> ScheduleInstalment(GrantDecision d, Guid instalmentId, DateOnly expectedOn, decimal amount)
    {
        var grant = d.Grant;
        var existing = grant.Instalments.Find(i => i.Id == instalmentId);
        if (existing is { IsReceived: true }) throw new GrantRuleException("This instalment has been received; it cannot be rescheduled.");
        if (expectedOn < grant.Terms.StartsOn.AddMonths(-6) || expectedOn > grant.Terms.EndsOn.AddMonths(6))
            throw new GrantRuleException("An instalment is expected between six months before the grant starts and six months after it ends.");
        var total = grant.Instalments.Where(i => i.Id != instalmentId).Sum(i => i.Amount) + amount;
        if (total > grant.Terms.Amount)
            throw new GrantRuleException($"The instalments would add up to {Money.Pounds(total)}, more than the grant's {Money.Pounds(grant.Terms.Amount)}.");
        if (existing is not null && existing.ExpectedOn == expectedOn && existing.Amount == amount) return [];
        return [new InstalmentScheduled(instalmentId, expectedOn, amount, d.By, d.At)];
    }

    public static IEnumerable<WorkspaceEvent> ReceiveInstalment(GrantDecision d, Guid instalmentId, DateOnly receivedOn, decimal amount)
    {
        var instalment = d.Grant.Instalments.Find(i => i.Id == instalmentId) ?? throw new GrantRuleException("That instalment is not on this grant.");
        if (instalment.IsReceived) throw new GrantRuleException("This instalment is already marked received.");
        if (receivedOn > UkCalendar.DateOf(d.At)) throw new GrantRuleException("Money cannot be received on a future date.");
        return [new InstalmentReceived(instalmentId, receivedOn, amount, d.By, d.At)];
    }

    public static IEnumerable<WorkspaceEvent> CancelInstalment(GrantDecision d, Guid instalmentId)
    {
        var instalment = d.Grant.Instalments.Find(i => i.Id == instalmentId) ?? throw new GrantRuleException("That instalment is not on this grant.");
        if (instalment.IsReceived) throw new GrantRuleException("This instalment has been received; it cannot be removed.");
        return [new InstalmentCancelled(instalmentId, d.By, d.At)];
    }

    public static IEnumerable<WorkspaceEvent> SetKpi(GrantDecision d, Guid kpiId, string label, KpiMeasure measure, decimal target)
    {
        var tidy = Text.Tidy(label);
        if (d.Grant.Kpis.Any(k => k.Id != kpiId && string.Equals(k.Label, tidy, StringComparison.OrdinalIgnoreCase)))
            throw new GrantRuleException($"This grant already has a KPI called \"{tidy}\".");
        var kpi = d.Grant.Kpis.Find(k => k.Id == kpiId);
        if (kpi is not null && kpi.Label == tidy && kpi.Measure == measure && kpi.Target == target) return [];
        return [new KpiSet(kpiId, tidy, measure, target, d.By, d.At)];
    }

    public static IEnumerable<WorkspaceEvent> RemoveKpi(GrantDecision d, Guid kpiId) =>
        d.Grant.Kpis.Any(k => k.Id == kpiId) ? [new KpiRemoved(kpiId, d.By, d.At)] : [];

    public static IEnumerable<WorkspaceEvent> SetDeadline(GrantDecision d, Guid deadlineId, string title, DateOnly periodFrom, DateOnly periodTo, DateOnly dueOn)
    {
        var terms = d.Grant.Terms;
        if (periodFrom < terms.StartsOn || periodTo > terms.EndsOn)
            throw new GrantRuleException($"The period must fall within the grant, {terms.StartsOn:d MMM yyyy} to {terms.EndsOn:d MMM yyyy}.");
        var existing = d.Grant.Deadlines.Find(r => r.Id == deadlineId);
        if (existing is { IsSubmitted: true }) throw new GrantRuleException("This return has been submitted; its deadline cannot change.");
        var tidy = Text.Tidy(title);
        if (existing is not null && existing.Title == tidy && existing.PeriodFrom == periodFrom && existing.PeriodTo == periodTo && existing.DueOn == dueOn) return [];
        return [new ReportingDeadlineSet(deadlineId, tidy, periodFrom, periodTo, dueOn, d.By, d.At)];
    }

    public static IEnumerable<WorkspaceEvent> RemoveDeadline(GrantDecision d, Guid deadlineId)
    {
        var deadline = d.Grant.Deadlines.Find(r => r.Id == deadlineId);
        if (deadline is null) return [];
        if (deadline.IsSubmitted) throw new GrantRuleException("This return has been submitted; it stays on the grant's record.");
        return [new ReportingDeadlineRemoved(deadlineId, d.By, d.At)];
    }

    /// <summary>
    /// A deadline for every reporting period of the grant at the chosen frequency, due a number of
    /// days after each period ends. Periods that already have a deadline are left as they are, so
    /// scheduling twice adds nothing.
    /// </summary>
    public static IEnumerable<WorkspaceEvent> ScheduleReports(GrantDecision d, ReportingFrequency frequency, int daysAfterPeriodEnd)
    {
        var terms = d.Grant.Terms;
        foreach (var (from, to) in ReportingPeriods.Of(terms.StartsOn, terms.EndsOn, frequency))
        {
            if (d.Grant.Deadlines.Any(r => r.PeriodFrom == from && r.PeriodTo == to)) continue;
            yield return new ReportingDeadlineSet(Guid.CreateVersion7(), ReportingPeriods.Title(frequency, from, to), from, to,
                to.AddDays(daysAfterPeriodEnd), d.By, d.At);
        }
    }

    public static IEnumerable<WorkspaceEvent> SubmitReturn(GrantDecision d, Guid deadlineId, DateOnly submittedOn, Guid? fileId, string? note)
    {
        var deadline = d.Grant.Deadlines.Find(r => r.Id == deadlineId) ?? throw new GrantRuleException("That deadline is not on this grant.");
        if (deadline.IsSubmitted) throw new GrantRuleException("This return is already marked submitted.");
        if (fileId is { } file && !d.Grant.Documents.Exists(x => x.FileId == file))
            throw new GrantRuleException("The file sent must be one of this grant's documents.");
        if (submittedOn > UkCalendar.DateOf(d.At)) throw new GrantRuleException("A return cannot be submitted on a future date.");
        if (submittedOn < deadline.PeriodFrom) throw new GrantRuleException("A return cannot be submitted before its period starts.");
        var tidy = Text.TidyOrNull(note, keepLineBreaks: true);
        if (tidy?.Length > ReasonMaximumLength) throw new GrantRuleException($"Keep the note under {ReasonMaximumLength} characters.");
        return [new ReturnSubmitted(deadlineId, submittedOn, fileId, tidy, d.By, d.At)];
    }

    public static IEnumerable<WorkspaceEvent> ApplyForRenewal(GrantDecision d, DateOnly appliedOn, string? note)
    {
        if (d.Grant.Terms.RenewalDueOn is not { } due) throw new GrantRuleException("This grant has no renewal date.");
        if (d.Grant.RenewalApplied) throw new GrantRuleException("The renewal is already marked as sent.");
        if (appliedOn > UkCalendar.DateOf(d.At)) throw new GrantRuleException("An application cannot be sent on a future date.");
        return [new RenewalApplied(due, appliedOn, Text.TidyOrNull(note, keepLineBreaks: true), d.By, d.At)];
    }

    public static IEnumerable<WorkspaceEvent> AttachDocument(GrantDecision d, Guid fileId, string fileName, GrantDocumentKind kind, string contentType, long size, string sha256)
    {
        if (!Enum.IsDefined(kind)) throw new GrantRuleException("Choose what kind of document this is.");
        if (d.Grant.Documents.Count >= GrantDocuments.MaxPerGrant)
            throw new GrantRuleException($"A grant holds at most {GrantDocuments.MaxPerGrant} documents: remove one first.");
        return [new GrantDocumentAttached(fileId, fileName, kind, contentType, size, sha256, d.By, d.At)];
    }

    public static IEnumerable<WorkspaceEvent> RemoveDocument(GrantDecision d, Guid fileId)
    {
        if (!d.Grant.Documents.Exists(x => x.FileId == fileId)) throw new GrantRuleException("That document is no longer on this grant.");
        // The record of what was sent to the funder keeps its file.
        if (d.Grant.Deadlines.Find(r => r.Submitted?.FileId == fileId) is { } sent)
            throw new GrantRuleException($"This file is the return sent for \"{sent.Title}\": it stays with the grant.");
        return [new GrantDocumentRemoved(fileId, d.By, d.At)];
    }

    /// <summary>
    /// Includes a case the rule leaves out, or excludes one it includes. Overriding to what the rule
    /// already says would record a reason for nothing, so it is refused.
    /// </summary>
    public static IEnumerable<WorkspaceEvent> OverrideCaseFunding(GrantDecision d, FundingFacts @case, bool funded, string reason)
    {
        var stated = Text.TidyOrNull(reason, keepLineBreaks: true) ?? "";
        if (stated.Length < OverrideReasonMinimumLength || stated.Length > ReasonMaximumLength)
            throw new GrantRuleException($"Say why, in {OverrideReasonMinimumLength} to {ReasonMaximumLength} characters: the reason is shown with the case on the grant.");
        var existing = d.Grant.FundingOverrides.Find(o => o.CaseId == @case.CaseId);
        if (existing is null && FundingRule.ByRule(d.Grant, @case) == funded)
            throw new GrantRuleException(funded
                ? "The rule already counts this case as funded by the grant."
                : "The rule already leaves this case out of the grant.");
        if (existing is not null && existing.Funded == funded && existing.Reason == stated) return [];
        return [new CaseFundingOverridden(@case.CaseId, @case.ClientReference, funded, stated, d.By, d.At)];
    }

    public static IEnumerable<WorkspaceEvent> ClearCaseFundingOverride(GrantDecision d, Guid caseId) =>
        d.Grant.FundingOverrides.Any(o => o.CaseId == caseId) ? [new CaseFundingOverrideCleared(caseId, d.By, d.At)] : [];
}
