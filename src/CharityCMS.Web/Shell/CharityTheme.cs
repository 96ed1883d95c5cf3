using MudBlazor;

namespace CharityCMS.Web.Shell;

/// <summary>A calm light theme whose text and controls meet WCAG AA contrast on their backgrounds. System fonts only: nothing is fetched from another site.</summary>
public static class CharityTheme
{
    public static readonly MudTheme Light = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4A2372",
            PrimaryContrastText = "#FFFFFF",
            Secondary = "#00695C",
            SecondaryContrastText = "#FFFFFF",
            Tertiary = "#8A3B12",
            Info = "#0B5CAD",
            Success = "#1B6E20",
            Warning = "#8A5300",
            Error = "#B3261E",
            AppbarBackground = "#4A2372",
            AppbarText = "#FFFFFF",
            Background = "#F7F5FA",
            Surface = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            DrawerText = "rgba(0,0,0,0.87)",
            TextPrimary = "rgba(0,0,0,0.87)",
            TextSecondary = "rgba(0,0,0,0.68)",
            ActionDefault = "rgba(0,0,0,0.68)",
            LinesInputs = "rgba(0,0,0,0.55)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
            // Sentence case reads more easily than capitals, for everyone and for dyslexic readers most.
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
