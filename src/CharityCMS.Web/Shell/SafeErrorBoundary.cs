using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CharityCMS.Web.Shell;

/// <summary>
/// Catches an error in a page so the person sees a plain message, never a stack trace. The details
/// go to the log; our exceptions carry no personal data, and nor may any added later.
/// </summary>
public sealed class SafeErrorBoundary : ErrorBoundary
{
    [Inject] private ILogger<SafeErrorBoundary> Logger { get; set; } = null!;

    protected override Task OnErrorAsync(Exception exception)
    {
        Logger.LogError(exception, "A page failed while rendering or handling an event");
        return Task.CompletedTask;
    }
}
