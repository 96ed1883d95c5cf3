using CharityCMS.Cases;
using CharityCMS.Web.Access;
using CharityCMS.Web.Shell;
using FluentValidation;
using Microsoft.AspNetCore.Components;

namespace CharityCMS.Web.Cases;

/// <summary>
/// Base of the parts of the case page that change the case. One place turns what the domain says
/// back into words on the form: field messages, a rule's refusal, or someone else's save.
/// </summary>
public abstract class CasePanel : ComponentBase
{
    [Inject] private CurrentAccess Current { get; set; } = null!;
    [Inject] protected UkTime Time { get; set; } = null!;

    [Parameter, EditorRequired] public CaseView View { get; set; } = null!;
    [Parameter] public EventCallback<Case> Changed { get; set; }

    /// <summary>Reads the case again without touching what is typed in the panel.</summary>
    [Parameter] public EventCallback Reload { get; set; }

    protected Case Case => View.Case;
    protected FormErrors Errors { get; } = new();

    /// <summary>Why the last change was refused, in the worker's words; null when it was not.</summary>
    protected string? Refusal { get; private set; }

    protected bool Busy { get; private set; }

    /// <summary>The last save was refused because someone else saved first: offer to load the latest.</summary>
    protected bool Stale { get; private set; }

    /// <summary>"Load the latest" after someone else's save: the case as it is now, with what she typed kept.</summary>
    protected async Task LoadLatestAsync()
    {
        await Reload.InvokeAsync();
        (Refusal, Stale) = (null, false);
        OnLatestLoaded();
    }

    /// <summary>
    /// A form that replaces something checks the case version from when it was opened, not when saved: a reload
    /// for any other reason (her own save in another panel) must not let it overwrite a colleague's change unseen.
    /// Only here, once she has loaded the latest and seen it, does such a form move onto the current version.
    /// </summary>
    protected virtual void OnLatestLoaded() { }

    /// <returns>True when the change was saved.</returns>
    protected async Task<bool> SaveAsync(Func<CharityCMS.Workspaces.WorkspaceAccess, Task<Case>> change)
    {
        Busy = true;
        Case updated;
        try
        {
            updated = await change(await Current.GetAsync());
            (Refusal, Stale) = (null, false);
            Errors.Clear();
        }
        catch (ValidationException refused)
        {
            Errors.Show(refused);
            return false;
        }
        catch (CaseworkRuleException rule)
        {
            Refusal = rule.Message;
            Errors.Clear();
            return false;
        }
        catch (CaseChangedElsewhereException elsewhere)
        {
            Refusal = CharityCMS.Web.Cases.Refusal.ChangedElsewhere(elsewhere, "this case");
            Stale = true;
            return false;
        }
        catch (OutsideCaseloadException outside)
        {
            Refusal = outside.Message;
            return false;
        }
        finally
        {
            Busy = false;
        }
        // Outside the try: what the page does after a saved change (it may leave, after a transfer away) is not a refusal.
        await Changed.InvokeAsync(updated);
        return true;
    }

    protected static DateTime? ToPicker(DateOnly? day) => PickerDates.ToPicker(day);

    protected static DateOnly? FromPicker(DateTime? day) => PickerDates.FromPicker(day);
}
