using CharityCMS.Cases;
using CharityCMS.Clients;
using CharityCMS.Web.Access;
using Microsoft.AspNetCore.Components;

namespace CharityCMS.Web.Clients;

/// <summary>
/// Base of the pages that show one client's record (view and edit). The record is read only once
/// the page is live, through <see cref="ClientRecords.OpenAsync"/>, which writes the opening to the
/// audit trail first. The server-rendered first pass only checks that the client exists in this
/// workspace, so a wrong address answers 404, and it shows no data and counts as no opening.
/// </summary>
public abstract class OpenedClientPage : ComponentBase
{
    [Inject] private CurrentAccess Current { get; set; } = null!;
    [Inject] private ClientRecords Records { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [Parameter] public Guid Id { get; set; }

    protected ClientRecordView? View { get; private set; }

    /// <summary>The opening could not be audited, so nothing is shown.</summary>
    protected bool AuditFailed { get; private set; }

    /// <summary>She is not on the caseworker's caseload: the page offers break-glass instead of the record.</summary>
    protected bool OutsideCaseload { get; private set; }

    private Guid opened;

    protected override async Task OnParametersSetAsync()
    {
        // The same page instance can be given another client's id: never keep the last one's data.
        if (opened == Id) return;
        opened = Id;
        await OpenAsync();
    }

    /// <summary>Reads the record (again, for an edit page's "reload the latest version").</summary>
    protected async Task OpenAsync()
    {
        (View, AuditFailed, OutsideCaseload) = (null, false, false);
        var access = await Current.GetAsync();
        if (!RendererInfo.IsInteractive)
        {
            if (!await Records.ExistsAsync(access, Id, CancellationToken.None)) Navigation.NotFound();
            return;
        }
        try
        {
            View = await Records.OpenAsync(access, Id, CancellationToken.None);
            if (View is null) Navigation.NotFound();
            else Opened(View);
        }
        catch (AuditUnavailableException)
        {
            AuditFailed = true;
        }
        catch (OutsideCaseloadException)
        {
            OutsideCaseload = true;
        }
    }

    /// <summary>Called with the record each time it is read.</summary>
    protected virtual void Opened(ClientRecordView view)
    {
    }
}
