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

    protected Case Case => View.Case;
    protected FormErrors Errors { get; } = new();

    /// <summary>Why the last change was refused, in the worker's words; null when it was not.</summary>
    protected string? Refusal { get; private set; }

    protected bool Busy { get; private set; }

    /// <returns>True when the change was saved.</returns>
    protected async Task<bool> SaveAsync(Func<CharityCMS.Workspaces.WorkspaceAccess, Task<Case>> change)
    {
        Busy = true;
        try
        {
            var updated = await change(await Current.GetAsync());
            Refusal = null;
            Errors.Clear();
            await Changed.InvokeAsync(updated);
            return true;
        }
        catch (ValidationException refused)
        {
            Errors.Show(refused);
        }
        catch (CaseworkRuleException rule)
        {
            Refusal = rule.Message;
            Errors.Clear();
        }
        catch (CaseChangedElsewhereException elsewhere)
        {
            Refusal = $"{elsewhere.ChangedBy} changed this case at {UkTime.DateAndTime(elsewhere.ChangedAt)}, after you opened it. "
                + "Nothing was saved; reload the page to see the latest and try again.";
        }
        catch (OutsideCaseloadException outside)
        {
            Refusal = outside.Message;
        }
        finally
        {
            Busy = false;
        }
        return false;
    }

    protected static DateTime? ToPicker(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    protected static DateOnly? FromPicker(DateTime? day) => day is { } d ? DateOnly.FromDateTime(d) : null;
}
