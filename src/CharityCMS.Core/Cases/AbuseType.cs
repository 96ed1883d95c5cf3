namespace CharityCMS.Cases;

/// <summary>The kinds of abuse recorded on a case; several at once. Stored by name: never rename a value once shipped.</summary>
public enum AbuseType
{
    Physical,
    Sexual,
    EmotionalOrPsychological,
    CoerciveControl,
    Economic,
    StalkingAndHarassment,
    IntimateImageAbuse,
    TechnologyFacilitated,
    HonourBased,
    ForcedMarriage,
    Fgm,
    Spiking,
    SexualExploitationOrTrafficking,
    NonRecentChildhoodSexualAbuse,
}

public static class AbuseTypes
{
    public static string Title(this AbuseType type) => type switch
    {
        AbuseType.Physical => "Physical",
        AbuseType.Sexual => "Sexual",
        AbuseType.EmotionalOrPsychological => "Emotional or psychological",
        AbuseType.CoerciveControl => "Coercive and controlling behaviour",
        AbuseType.Economic => "Economic",
        AbuseType.StalkingAndHarassment => "Stalking and harassment",
        AbuseType.IntimateImageAbuse => "Intimate image abuse",
        AbuseType.TechnologyFacilitated => "Technology-facilitated abuse",
        AbuseType.HonourBased => "Honour-based abuse",
        AbuseType.ForcedMarriage => "Forced marriage",
        AbuseType.Fgm => "FGM",
        AbuseType.Spiking => "Spiking",
        AbuseType.SexualExploitationOrTrafficking => "Sexual exploitation or trafficking",
        AbuseType.NonRecentChildhoodSexualAbuse => "Childhood sexual abuse (non-recent)",
        _ => type.ToString(),
    };
}
