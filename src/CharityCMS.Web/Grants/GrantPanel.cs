using CharityCMS.Grants;
using CharityCMS.Web.Access;
using CharityCMS.Web.Shell;
using FluentValidation;
using Microsoft.AspNetCore.Components;

namespace CharityCMS.Web.Grants;

/// <summary>
/// Base of the parts of the grant page that change the grant. One place turns what the domain says
/// back into words on the form: field messages, a rule's refusal, or someone else's save.
/// </summary>
public abstract class GrantPanel : ComponentBase
{
    [Inject] private CurrentAccess Current { get; set; } = null!;
    [Inject] protected UkTime Time { get; set; } = null!;

    [Parameter, EditorRequired] public Grant Grant { get; set; } = null!;
    [Parameter] public EventCallback<Grant> Changed { get; set; }

    protected FormErrors Errors { get; } = new();

    /// <summary>Why the last change was refused, in the manager's words; null when it was not.</summary>
    protected string? Refusal { get; private set; }

    protected bool Busy { get; private set; }

    /// <returns>True when the change was saved.</returns>
    protected async Task<bool> SaveAsync(Func<CharityCMS.Workspaces.WorkspaceAccess, Task<Grant>> change)
    {
        Busy = true;
        Grant updated;
        try
        {
            updated = await change(await Current.GetAsync());
            Refusal = null;
            Errors.Clear();
        }
        catch (ValidationException refused)
        {
            Errors.Show(refused);
            return false;
        }
        catch (GrantRuleException rule)
        {
            Refusal = rule.Message;
            Errors.Clear();
            return false;
        }
        catch (GrantChangedElsewhereException elsewhere)
        {
            Refusal = GrantWords.ChangedElsewhere(elsewhere);
            return false;
        }
        finally
        {
            Busy = false;
        }
        await Changed.InvokeAsync(updated);
        return true;
    }

    protected static DateTime? ToPicker(DateOnly? day) => PickerDates.ToPicker(day);

    protected static DateOnly? FromPicker(DateTime? day) => PickerDates.FromPicker(day);
}

/// <summary>Sentences the grant screens share.</summary>
public static class GrantWords
{
    public static string ChangedElsewhere(GrantChangedElsewhereException elsewhere) =>
        $"{elsewhere.ChangedBy} changed this grant at {UkTime.DateAndTime(elsewhere.ChangedAt)}, after you opened it. "
        + "Nothing was saved. Reload the page, check the grant, and make your change again.";

    public static string Period(DateOnly from, DateOnly to) => $"{from:d MMM yyyy} to {to:d MMM yyyy}";

    /// <summary>"in 5 days", "today", "3 days overdue": how a deadline reads next to its date.</summary>
    public static string Due(DateOnly due, DateOnly today)
    {
        var days = due.DayNumber - today.DayNumber;
        return days switch
        {
            0 => "today",
            1 => "tomorrow",
            > 1 => $"in {days} days",
            -1 => "1 day overdue",
            _ => $"{-days} days overdue",
        };
    }
}
