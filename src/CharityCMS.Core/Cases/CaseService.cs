namespace CharityCMS.Cases;

/// <summary>The services a case can be opened under. Each workspace chooses which of these it runs. Stored by name.</summary>
public enum CaseService
{
    Idva,
    Isva,
    Outreach,
    Refuge,
    Helpline,
    ChildrenAndYoungPeople,
}

public static class CaseServices
{
    public static string Title(this CaseService service) => service switch
    {
        CaseService.Idva => "IDVA",
        CaseService.Isva => "ISVA",
        CaseService.Outreach => "Outreach",
        CaseService.Refuge => "Refuge",
        CaseService.Helpline => "Helpline",
        CaseService.ChildrenAndYoungPeople => "Children and young people",
        _ => service.ToString(),
    };
}
