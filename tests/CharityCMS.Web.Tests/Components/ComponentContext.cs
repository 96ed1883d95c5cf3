using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace CharityCMS.Web.Tests.Components;

/// <summary>A bUnit context with MudBlazor's services and popover provider, as the app's layout has them.</summary>
public static class ComponentContext
{
    public static BunitContext Create()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Render<MudPopoverProvider>();
        return context;
    }
}
