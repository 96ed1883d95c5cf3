namespace CharityCMS.Risk;

/// <summary>The sector's three risk levels, in rising order: comparisons between them mean "higher than".</summary>
public enum RiskLevel
{
    Standard,
    Medium,
    High,
}

/// <summary>
/// Where the number of "yes" answers on the risk checklist crosses into medium and high risk. A
/// workspace setting; the defaults are the common local bands (0-9, 10-13, 14+).
/// </summary>
public sealed record RiskBands(int MediumFrom = 10, int HighFrom = 14)
{
    public static readonly RiskBands Default = new();

    public RiskLevel LevelFor(int yesCount) =>
        yesCount >= HighFrom ? RiskLevel.High
        : yesCount >= MediumFrom ? RiskLevel.Medium
        : RiskLevel.Standard;
}
