using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace CharityCMS.Web.Tests.Components;

/// <summary>A bUnit context with MudBlazor's services and popover provider, as the app's layout has them.</summary>
public static class ComponentContext
{
    /// <param name="services">Adds what the component under test needs; bUnit takes no services after the first render.</param>
    public static BunitContext Create(Action<BunitContext>? services = null)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        services?.Invoke(context);
        context.Render<MudPopoverProvider>();
        return context;
    }
}
