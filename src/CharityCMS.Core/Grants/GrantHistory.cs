using CharityCMS.Workspaces;

namespace CharityCMS.Grants;

public sealed record GrantHistoryEntry(DateTimeOffset At, string By, string What, string? Detail);

/// <summary>A grant's events in words, oldest first. Instalments, KPIs and deadlines are named by what they were when the event happened.</summary>
public static class GrantHistory
{
    public static IEnumerable<GrantHistoryEntry> Describe(IEnumerable<WorkspaceEvent> events)
    {
        var kpis = new Dictionary<Guid, string>();
        var deadlines = new Dictionary<Guid, string>();
        var instalments = new Dictionary<Guid, string>();
        var documents = new Dictionary<Guid, string>();
        var overrides = new Dictionary<Guid, string>();
        foreach (var e in events)
        {
            var (what, detail) = e switch
            {
                GrantRecorded r => ("Grant recorded", Terms(r.Terms)),
                GrantTermsChanged c => ("Terms changed", Terms(c.Terms)),
                InstalmentScheduled s => Remember(instalments, s.InstalmentId, $"{Money.Pounds(s.Amount)} expected {s.ExpectedOn:d MMM yyyy}", "Instalment scheduled"),
                InstalmentReceived r => ("Instalment received", $"{Money.Pounds(r.Amount)} on {r.ReceivedOn:d MMM yyyy} ({Name(instalments, r.InstalmentId)})"),
                InstalmentCancelled c => ("Instalment removed", Name(instalments, c.InstalmentId)),
                KpiSet k => Remember(kpis, k.KpiId, $"{k.Label}: target {Target(k.Measure, k.Target)}", "KPI set"),
                KpiRemoved k => ("KPI removed", Name(kpis, k.KpiId)),
                ReportingDeadlineSet d => Remember(deadlines, d.DeadlineId, $"{d.Title}, due {d.DueOn:d MMM yyyy}", "Reporting deadline set"),
                ReportingDeadlineRemoved d => ("Reporting deadline removed", Name(deadlines, d.DeadlineId)),
                ReturnSubmitted s => ("Return submitted", $"{Name(deadlines, s.DeadlineId)}; sent {s.SubmittedOn:d MMM yyyy}"
                    + $"{(s.FileId is { } file ? $" ({Name(documents, file)})" : "")}{(s.Note is null ? "" : $": {s.Note}")}"),
                RenewalApplied a => ("Renewal applied for", $"Due {a.DueOn:d MMM yyyy}, sent {a.AppliedOn:d MMM yyyy}{(a.Note is null ? "" : $": {a.Note}")}"),
                GrantDocumentAttached a => Remember(documents, a.FileId, $"{a.FileName} ({a.Kind.Title()})", "Document attached"),
                GrantDocumentRemoved r => ("Document removed", Name(documents, r.FileId)),
                CaseFundingOverridden o => Override(overrides, o),
                CaseFundingOverrideCleared c => ("Case back to the funding rule", Name(overrides, c.CaseId)),
                GrantDeleted d => ("Grant deleted", d.Reason),
                _ => (e.GetType().Name, null),
            };
            yield return new GrantHistoryEntry(e.At, e.By.Name, what, detail);
        }
    }

    public static string Target(KpiMeasure measure, decimal target) => measure.IsPercentage() ? $"{target:0.##}%" : $"{target:#,##0}";

    private static string Terms(GrantTerms t) =>
        $"{t.Title} from {t.FunderName}: {Money.Pounds(t.Amount)} {(t.Restricted ? "restricted" : "unrestricted")}, "
        + $"{t.StartsOn:d MMM yyyy} to {t.EndsOn:d MMM yyyy}, funds {string.Join(", ", t.Services.Select(Cases.CaseServices.Title))}; looked after by {t.Owner.Name}";

    private static (string, string?) Remember(Dictionary<Guid, string> names, Guid id, string name, string what)
    {
        var changed = names.ContainsKey(id);
        names[id] = name;
        return (changed ? what.Replace(" set", " changed").Replace(" scheduled", " rescheduled") : what, name);
    }

    /// <summary>Names the case by its client's reference, never her name.</summary>
    private static (string, string?) Override(Dictionary<Guid, string> references, CaseFundingOverridden o)
    {
        references[o.CaseId] = o.ClientReference;
        return (o.Funded ? "Case included in the grant" : "Case excluded from the grant", $"{o.ClientReference}: {o.Reason}");
    }

    private static string Name(Dictionary<Guid, string> names, Guid id) => names.GetValueOrDefault(id, "an item");
}
