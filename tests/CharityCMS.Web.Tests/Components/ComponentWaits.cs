using System.Runtime.CompilerServices;
using Bunit;

namespace CharityCMS.Web.Tests.Components;

internal static class ComponentWaits
{
    /// <summary>
    /// Components here read a real PostgreSQL, which on a loaded two-core build machine can take
    /// longer than bUnit's one-second default; a wait only ends early when its assertion passes, so a
    /// longer limit slows nothing that works and still fails what never renders.
    /// </summary>
    [ModuleInitializer]
    internal static void AllowForARealDatabase() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
