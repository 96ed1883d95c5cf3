using CharityCMS.Workspaces;

namespace CharityCMS.LinkedPeople;

/// <summary>A child linked to a client: the state of its stream, kept inline.</summary>
// partial: Marten's source generator writes the projection code for this snapshot into the other part.
public sealed partial class LinkedChild
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid ClientId { get; set; }
    public ChildDetails Details { get; set; } = null!;
    public StaffMember LastChangedBy { get; set; } = null!;
    public DateTimeOffset LastChangedAt { get; set; }

    public static LinkedChild Create(ChildLinked linked) => new()
    {
        ClientId = linked.ClientId, Details = linked.Details, LastChangedBy = linked.By, LastChangedAt = linked.At,
    };

    public void Apply(ChildDetailsChanged changed) => (Details, LastChangedBy, LastChangedAt) = (changed.Details, changed.By, changed.At);
}

/// <summary>A perpetrator linked to a client: the state of its stream, kept inline, read only on her record.</summary>
// partial: Marten's source generator writes the projection code for this snapshot into the other part.
public sealed partial class Perpetrator
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid ClientId { get; set; }
    public PerpetratorDetails Details { get; set; } = null!;
    public StaffMember LastChangedBy { get; set; } = null!;
    public DateTimeOffset LastChangedAt { get; set; }

    public static Perpetrator Create(PerpetratorLinked linked) => new()
    {
        ClientId = linked.ClientId, Details = linked.Details, LastChangedBy = linked.By, LastChangedAt = linked.At,
    };

    public void Apply(PerpetratorDetailsChanged changed) => (Details, LastChangedBy, LastChangedAt) = (changed.Details, changed.By, changed.At);
}
