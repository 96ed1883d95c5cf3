using CharityCMS.Workspaces;

namespace CharityCMS.Demo;

/// <summary>A fictional staff member of the demo, signed in with one click on the development sign-in page.</summary>
public sealed record DemoPerson(string ObjectId, string Name, string Email, bool IsOperator, IReadOnlyList<(string Workspace, WorkspaceRole Role)> Places);

/// <summary>The demo's two charities and their people: one per role per workspace, one in both, and the platform operator.</summary>
public static class DemoStaff
{
    public const string Riverside = "riverside";
    public const string Northgate = "northgate";

    public static readonly IReadOnlyList<(string Slug, string Name, string Prefix)> Workspaces =
    [
        (Riverside, "Riverside Women's Aid", "RWA"),
        (Northgate, "Northgate Rape Crisis Centre", "NRC"),
    ];

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        Person("hannah.price", "Hannah Price", Riverside, WorkspaceRole.Caseworker),
        Person("grace.okoro", "Grace Okoro", Riverside, WorkspaceRole.Manager),
        Person("ellie.turner", "Ellie Turner", Riverside, WorkspaceRole.Fundraiser),
        Person("fiona.murray", "Fiona Murray", Riverside, WorkspaceRole.WorkspaceAdmin),
        Person("aisha.rahman", "Aisha Rahman", Northgate, WorkspaceRole.Caseworker),
        Person("claire.doyle", "Claire Doyle", Northgate, WorkspaceRole.Manager),
        Person("megan.hughes", "Megan Hughes", Northgate, WorkspaceRole.Fundraiser),
        Person("joanne.reid", "Joanne Reid", Northgate, WorkspaceRole.WorkspaceAdmin),
        new("demo-priya.shah", "Priya Shah", "priya.shah@demo.example", false,
            [(Riverside, WorkspaceRole.Manager), (Northgate, WorkspaceRole.Caseworker)]),
        new("demo-sam.taylor", "Sam Taylor", "sam.taylor@platform.example", true, []),
    ];

    private static DemoPerson Person(string handle, string name, string workspace, WorkspaceRole role) =>
        new($"demo-{handle}", name, $"{handle}@{workspace}.example", false, [(workspace, role)]);
}
