namespace CharityCMS.Cases;

// The vocabularies and parts of a case. Enums are stored by name: never rename a value once shipped.

public enum CaseStatus { Open, Closed }

public enum CaseClosureReason
{
    SupportCompleted,
    ClientDisengaged,
    UnableToContact,
    ClientDeclinedSupport,
    MovedOutOfArea,
    TransferredToAnotherService,
    ClientDied,
    Other,
}

/// <summary>How a contact was made or tried. Each method that reaches the client has a safe-contact rule.</summary>
public enum ContactMethod { Call, Voicemail, Text, Email, Visit, Video, Letter }

public enum OnwardReferralKind
{
    Refuge,
    Counselling,
    LegalAdvice,
    Housing,
    ChildrensServices,
    SexualAssaultReferralCentre,
    Health,
    Police,
    Other,
}

public enum OnwardReferralStatus { Made, Accepted, Declined, Waiting, Completed }

public enum SafetyActionStatus { Planned, InProgress, Done, NoLongerNeeded }

public enum OutcomeStage { Intake, Exit }

/// <summary>
/// The outcome measures, each 1 (not at all) to 10 (completely), asked the same way at intake and
/// at exit so the change can be shown and counted.
/// </summary>
public sealed record OutcomeScores(int FeelsSafe, int AbuseStoppedOrReduced, int Wellbeing, int ConfidentToSeekHelp)
{
    public IEnumerable<(string Measure, int Score)> Measures()
    {
        yield return ("Feels safe", FeelsSafe);
        yield return ("Abuse has stopped or reduced", AbuseStoppedOrReduced);
        yield return ("Wellbeing", Wellbeing);
        yield return ("Confident to seek help", ConfidentToSeekHelp);
    }
}

public static class CaseVocabulary
{
    public static string Title(this CaseClosureReason reason) => reason switch
    {
        CaseClosureReason.SupportCompleted => "Support completed",
        CaseClosureReason.ClientDisengaged => "Client disengaged",
        CaseClosureReason.UnableToContact => "Unable to make contact",
        CaseClosureReason.ClientDeclinedSupport => "Client declined support",
        CaseClosureReason.MovedOutOfArea => "Moved out of area",
        CaseClosureReason.TransferredToAnotherService => "Transferred to another service",
        CaseClosureReason.ClientDied => "Client died",
        _ => "Other",
    };

    public static string Title(this ContactMethod method) => method switch
    {
        ContactMethod.Call => "Phone call",
        ContactMethod.Voicemail => "Voicemail",
        ContactMethod.Text => "Text message",
        ContactMethod.Email => "Email",
        ContactMethod.Visit => "Visit",
        ContactMethod.Video => "Video call",
        ContactMethod.Letter => "Letter",
        _ => method.ToString(),
    };

    /// <summary>Methods that go to one of her phone numbers, which must be chosen and safe for that use.</summary>
    public static bool UsesPhone(this ContactMethod method) => method is ContactMethod.Call or ContactMethod.Voicemail or ContactMethod.Text;

    public static string Title(this OnwardReferralKind kind) => kind switch
    {
        OnwardReferralKind.LegalAdvice => "Legal advice",
        OnwardReferralKind.ChildrensServices => "Children's services",
        OnwardReferralKind.SexualAssaultReferralCentre => "Sexual assault referral centre",
        _ => kind.ToString(),
    };

    public static string Title(this SafetyActionStatus status) => status switch
    {
        SafetyActionStatus.InProgress => "In progress",
        SafetyActionStatus.NoLongerNeeded => "No longer needed",
        _ => status.ToString(),
    };
}
