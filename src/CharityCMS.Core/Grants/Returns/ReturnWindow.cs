using CharityCMS.Referrals;

namespace CharityCMS.Grants.Returns;

/// <summary>One client in a window, with her funded cases open in it, earliest first.</summary>
internal sealed record ClientInWindow(ClientFacts Client, IReadOnlyList<CaseFacts> Cases)
{
    public CaseFacts FirstCase => Cases[0];

    /// <summary>Her cases' references in order. They all begin with her own reference, so clients in reference order give every cell's list in order.</summary>
    public IReadOnlyList<string> References { get; } = Cases.Select(c => c.Reference).Distinct().Order(StringComparer.Ordinal).ToList();
}

/// <summary>
/// What one grant counts over one window of days: the return's period, or the grant's start to the
/// return's end for the KPIs. The same selection serves both, so a KPI and its section agree.
/// </summary>
internal sealed class ReturnWindow
{
    public ReturnWindow(ReturnFacts facts, DateOnly from, DateOnly to)
    {
        (From, To) = (from, to);
        var funded = facts.Cases.Where(c => FundingRule.Funds(facts.Grant, c.Funding)).ToList();
        FundedCases = funded.ToDictionary(c => c.Id);
        Cases = funded.Where(c => c.Funding.OpenDuring(from, to))
            .OrderBy(c => c.OpenedOn).ThenBy(c => c.Reference, StringComparer.Ordinal).ToList();
        var clients = facts.Clients.ToDictionary(c => c.Id);
        Clients = Cases.GroupBy(c => c.ClientId)
            .Select(g => new ClientInWindow(clients.GetValueOrDefault(g.Key) ?? new ClientFacts { Id = g.Key }, g.ToList()))
            .OrderBy(c => c.References[0], StringComparer.Ordinal)
            .ToList();
        // An accepted referral counts for the grant that funds the case it was accepted into. One never
        // accepted (declined, signposted, still waiting) has no service, so it counts for every grant
        // whose period covers the day it arrived.
        Referrals = facts.Referrals
            .Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to)
            .Where(r => r.Status == ReferralStatus.Accepted
                ? r.CaseId is { } caseId && FundedCases.ContainsKey(caseId)
                : facts.Grant.Terms.Covers(r.ReceivedOn))
            .OrderBy(r => r.ReceivedAt)
            .ToList();
        var inWindow = Clients.Select(c => c.Client.Id).ToHashSet();
        MaracReferrals = facts.MaracReferrals.Where(m => inWindow.Contains(m.ClientId) && m.ReferredOn >= from && m.ReferredOn <= to).ToList();
    }

    public DateOnly From { get; }
    public DateOnly To { get; }

    /// <summary>Every case the grant funds, open in this window or not: what an accepted referral is matched against.</summary>
    public IReadOnlyDictionary<Guid, CaseFacts> FundedCases { get; }

    public IReadOnlyList<CaseFacts> Cases { get; }
    public IReadOnlyList<ClientInWindow> Clients { get; }
    public IReadOnlyList<ReferralFacts> Referrals { get; }
    public IReadOnlyList<MaracFacts> MaracReferrals { get; }

    public IEnumerable<ReferralFacts> Accepted => Referrals.Where(r => r.Status == ReferralStatus.Accepted);

    /// <summary>Her first case in the window opened within it: she is new to the grant's support.</summary>
    public bool IsNew(ClientInWindow client) => client.FirstCase.OpenedOn >= From;

    /// <summary>Cases closed within the window with her scores at intake and at exit: the ones whose change can be counted.</summary>
    public IEnumerable<CaseFacts> Measured => Cases.Where(c =>
        c.ClosedOn is { } closed && closed >= From && closed <= To && c.IntakeOutcomes is not null && c.ExitOutcomes is not null);

    public IEnumerable<CaseFacts> Closed => Cases.Where(c => c.ClosedOn is { } closed && closed >= From && closed <= To);

    public Tally OfClients(IEnumerable<ClientInWindow> clients)
    {
        var list = clients.ToList();
        return new Tally(list.Count, list.SelectMany(c => c.References).ToList());
    }

    public Tally OfReferrals(IEnumerable<ReferralFacts> referrals)
    {
        var list = referrals.ToList();
        return new Tally(list.Count, list
            .Select(r => r.CaseId is { } id && FundedCases.TryGetValue(id, out var c) ? c.Reference : null)
            .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList());
    }

    public Tally OfMarac(IEnumerable<MaracFacts> referrals)
    {
        var list = referrals.ToList();
        var clients = list.Select(m => m.ClientId).ToHashSet();
        return new Tally(list.Count, OfClients(Clients.Where(c => clients.Contains(c.Client.Id))).CaseReferences);
    }

    public static Tally OfCases(IEnumerable<CaseFacts> cases) => Tally.Of(cases.Select(c => c.Reference));
}
