using CharityCMS.Workspaces;

namespace CharityCMS.Grants;

/// <summary>
/// One grant: the state of its stream, kept inline as a document so the grant pages, the
/// dashboard and the reminder run read it in one query. Marten sets <see cref="Version"/> to the
/// stream version; an edit of the terms must match it.
/// </summary>
// partial: Marten's source generator writes the projection code for this snapshot into the other part.
public sealed partial class Grant
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public GrantTerms Terms { get; set; } = null!;

    /// <summary>Duplicated from the terms into columns, so lists filter and sort without reading the whole grant.</summary>
    public Guid FunderId { get; set; }
    public DateOnly EndsOn { get; set; }
    public bool IsDeleted { get; set; }
    public string? DeletedReason { get; set; }

    public List<GrantInstalment> Instalments { get; set; } = [];
    public List<GrantKpi> Kpis { get; set; } = [];
    public List<ReportingDeadline> Deadlines { get; set; } = [];
    public List<GrantDocumentInfo> Documents { get; set; } = [];

    /// <summary>Cases a manager included or excluded against the funding rule, one per case.</summary>
    public List<CaseFundingOverride> FundingOverrides { get; set; } = [];

    /// <summary>The renewal due date whose application was sent, if the current one was.</summary>
    public DateOnly? RenewalAppliedFor { get; set; }

    public DateTimeOffset LastChangedAt { get; set; }
    public StaffMember LastChangedBy { get; set; } = null!;

    public bool RenewalApplied => Terms.RenewalDueOn is { } due && RenewalAppliedFor == due;

    public static Grant Create(GrantRecorded recorded) => new Grant().WithTerms(recorded.Terms).Touched(recorded);

    public void Apply(GrantTermsChanged changed) => WithTerms(changed.Terms).Touched(changed);

    public void Apply(InstalmentScheduled scheduled)
    {
        var existing = Instalments.Find(i => i.Id == scheduled.InstalmentId);
        Instalments.RemoveAll(i => i.Id == scheduled.InstalmentId);
        Instalments.Add(new GrantInstalment(scheduled.InstalmentId, scheduled.ExpectedOn, scheduled.Amount, existing?.ReceivedOn, existing?.ReceivedAmount));
        Instalments.Sort((a, b) => a.ExpectedOn.CompareTo(b.ExpectedOn));
        Touched(scheduled);
    }

    public void Apply(InstalmentReceived received)
    {
        var index = Instalments.FindIndex(i => i.Id == received.InstalmentId);
        if (index < 0) return;
        Instalments[index] = Instalments[index] with { ReceivedOn = received.ReceivedOn, ReceivedAmount = received.Amount };
        Touched(received);
    }

    public void Apply(InstalmentCancelled cancelled)
    {
        Instalments.RemoveAll(i => i.Id == cancelled.InstalmentId);
        Touched(cancelled);
    }

    public void Apply(KpiSet set)
    {
        var kpi = new GrantKpi(set.KpiId, set.Label, set.Measure, set.Target);
        var index = Kpis.FindIndex(k => k.Id == set.KpiId);
        if (index < 0) Kpis.Add(kpi);
        else Kpis[index] = kpi;
        Touched(set);
    }

    public void Apply(KpiRemoved removed)
    {
        Kpis.RemoveAll(k => k.Id == removed.KpiId);
        Touched(removed);
    }

    public void Apply(ReportingDeadlineSet set)
    {
        var existing = Deadlines.Find(d => d.Id == set.DeadlineId);
        Deadlines.RemoveAll(d => d.Id == set.DeadlineId);
        Deadlines.Add(new ReportingDeadline(set.DeadlineId, set.Title, set.PeriodFrom, set.PeriodTo, set.DueOn, existing?.Submitted));
        Deadlines.Sort((a, b) => a.DueOn.CompareTo(b.DueOn));
        Touched(set);
    }

    public void Apply(ReportingDeadlineRemoved removed)
    {
        Deadlines.RemoveAll(d => d.Id == removed.DeadlineId);
        Touched(removed);
    }

    public void Apply(ReturnSubmitted submitted)
    {
        var index = Deadlines.FindIndex(d => d.Id == submitted.DeadlineId);
        if (index < 0) return;
        Deadlines[index] = Deadlines[index] with
        {
            Submitted = new ReturnSubmission(submitted.SubmittedOn, submitted.FileId, submitted.Note, submitted.By),
        };
        Touched(submitted);
    }

    public void Apply(RenewalApplied applied)
    {
        RenewalAppliedFor = applied.DueOn;
        Touched(applied);
    }

    public void Apply(GrantDocumentAttached attached)
    {
        Documents.Add(new GrantDocumentInfo(attached.FileId, attached.FileName, attached.Kind, attached.ContentType, attached.Size, attached.Sha256, attached.By, attached.At));
        Touched(attached);
    }

    public void Apply(GrantDocumentRemoved removed)
    {
        Documents.RemoveAll(d => d.FileId == removed.FileId);
        Touched(removed);
    }

    public void Apply(CaseFundingOverridden overridden)
    {
        FundingOverrides.RemoveAll(o => o.CaseId == overridden.CaseId);
        FundingOverrides.Add(new CaseFundingOverride(overridden.CaseId, overridden.ClientReference, overridden.Funded, overridden.Reason, overridden.By, overridden.At));
        Touched(overridden);
    }

    public void Apply(CaseFundingOverrideCleared cleared)
    {
        FundingOverrides.RemoveAll(o => o.CaseId == cleared.CaseId);
        Touched(cleared);
    }

    public void Apply(GrantDeleted deleted)
    {
        IsDeleted = true;
        DeletedReason = deleted.Reason;
        Touched(deleted);
    }

    private Grant WithTerms(GrantTerms terms)
    {
        Terms = terms;
        FunderId = terms.FunderId;
        EndsOn = terms.EndsOn;
        return this;
    }

    private Grant Touched(WorkspaceEvent e)
    {
        LastChangedAt = e.At;
        LastChangedBy = e.By;
        return this;
    }
}
