namespace CharityCMS.Web.Shell;

/// <summary>MudBlazor's date pickers speak DateTime; the domain speaks DateOnly. One conversion for every form.</summary>
public static class PickerDates
{
    public static DateTime? ToPicker(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? FromPicker(DateTime? day) => day is { } d ? DateOnly.FromDateTime(d) : null;
}
