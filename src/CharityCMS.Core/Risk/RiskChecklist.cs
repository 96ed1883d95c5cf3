namespace CharityCMS.Risk;

/// <summary>How a question on the checklist was answered. Stored by name: never rename a value once shipped.</summary>
public enum RiskAnswer
{
    Yes,
    No,
    DontKnow,
    NotAsked,
}

/// <summary>One answer, by the question's stable id.</summary>
public sealed record ChecklistAnswer(string QuestionId, RiskAnswer Answer);

/// <summary>A question in our own words. The id is stable: answers are stored against it, so it never changes once shipped.</summary>
public sealed record RiskQuestion(string Id, string Topic, string Text);

/// <summary>
/// The risk identification checklist (DASH-style: the same topics, in our own words) and the
/// stalking screen a "yes" to the stalking question opens. The score is the number of "yes" answers.
/// </summary>
public static class RiskChecklist
{
    public const string StalkingQuestionId = "stalking";

    public static readonly IReadOnlyList<RiskQuestion> Questions =
    [
        new("injury", "Injuries", "Has the current incident left her hurt in any way?"),
        new("very-afraid", "Fear", "Is she very frightened of him right now?"),
        new("afraid-for-others", "Fear for others", "Is she afraid of what he might do to her children or to other people close to her?"),
        new("isolated", "Isolation", "Does he keep her away from family, friends or other support?"),
        new("low-mood", "Depression", "Is she feeling very low, hopeless, or thinking about ending her life?"),
        new("separation", "Separation", "Has she separated from him, or tried to, in the past year?"),
        new("child-contact", "Child contact", "Is there conflict with him over contact with the children?"),
        new(StalkingQuestionId, "Stalking and harassment", "Does he keep following, watching, messaging or turning up where she is?"),
        new("pregnancy", "Pregnancy", "Is she pregnant, or has she had a baby in the past 18 months?"),
        new("children-harmed", "Children", "Has he hurt or mistreated any of the children?"),
        new("animals-harmed", "Animals", "Has he hurt or threatened to hurt a pet or other animal?"),
        new("escalating", "Escalation", "Is the abuse getting worse, or happening more often?"),
        new("jealousy-control", "Jealousy and control", "Is he very jealous, or does he try to control what she does and who she sees?"),
        new("weapons", "Weapons", "Has he used a weapon or an object to hurt or frighten her?"),
        new("threats-to-kill", "Threats to kill", "Has he ever threatened to kill her or anyone else, and did she believe him?"),
        new("strangulation", "Strangulation", "Has he ever strangled, choked, smothered or drowned her, or tried to?"),
        new("sexual-abuse", "Sexual abuse", "Does he do, or make her do, sexual things she does not want?"),
        new("threatens-others", "Threats to others", "Has he threatened or hurt anyone else (family, a new partner, friends)?"),
        new("money-problems", "Money", "Is he in financial trouble, or has he lost his job recently?"),
        new("drink-drugs", "Drink and drugs", "Does he misuse alcohol, drugs or prescribed medication?"),
        new("abuser-suicide", "His suicide threats", "Has he ever threatened or attempted to take his own life?"),
        new("breached-orders", "Orders and bail", "Has he broken bail conditions, an injunction or any other order?"),
        new("police-history", "Criminal history", "Is he known to the police for violence or other offences?"),
        new("hurt-others-before", "Past partners", "Has he abused a previous partner or another family member?"),
    ];

    public static readonly IReadOnlyList<RiskQuestion> StalkingScreen =
    [
        new("s-afraid", "Fear", "Is she very frightened by what he is doing?"),
        new("s-previous", "History", "Has he stalked or harassed anyone before?"),
        new("s-places", "Places", "Has he turned up at or contacted her work, college, or family?"),
        new("s-others", "Others involved", "Has he got other people to watch her, follow her or pass on messages?"),
        new("s-tracking", "Tracking", "Has he tracked her through her phone, apps, a device or social media?"),
        new("s-threats", "Threats", "Has he threatened to hurt or kill her while doing this?"),
        new("s-property", "Property", "Has he damaged her things, or got into her home or car?"),
        new("s-sexual", "Sexual threats", "Has he threatened sexual violence or shared, or threatened to share, intimate images?"),
        new("s-loitering", "Watching", "Has he waited near her home or followed her?"),
        new("s-constant", "Constant contact", "Is he contacting her many times a day (calls, messages, letters, gifts)?"),
        new("s-worse", "Getting worse", "Is it getting worse or more frequent?"),
    ];

    public static readonly IReadOnlySet<string> QuestionIds = Questions.Select(q => q.Id).ToHashSet();

    public static readonly IReadOnlySet<string> StalkingScreenIds = StalkingScreen.Select(q => q.Id).ToHashSet();

    /// <summary>The number of "yes" answers to the checklist's own questions (each question counted once).</summary>
    public static int Score(IEnumerable<ChecklistAnswer> answers) =>
        answers.Where(a => QuestionIds.Contains(a.QuestionId) && a.Answer == RiskAnswer.Yes).Select(a => a.QuestionId).Distinct().Count();

    /// <summary>The number of "yes" answers on the stalking screen.</summary>
    public static int StalkingScore(IEnumerable<ChecklistAnswer> answers) =>
        answers.Where(a => StalkingScreenIds.Contains(a.QuestionId) && a.Answer == RiskAnswer.Yes).Select(a => a.QuestionId).Distinct().Count();

    public static bool StalkingIsYes(IEnumerable<ChecklistAnswer> answers) =>
        answers.Any(a => a.QuestionId == StalkingQuestionId && a.Answer == RiskAnswer.Yes);

    /// <summary>
    /// The level an assessment ends at: the score's level, raised by professional judgement when she
    /// judges it higher. Judgement never lowers it.
    /// </summary>
    public static RiskLevel LevelFor(int yesCount, RiskLevel? judgement, RiskBands bands)
    {
        var scored = bands.LevelFor(yesCount);
        return judgement is { } judged && judged > scored ? judged : scored;
    }

    public static string Title(this RiskAnswer answer) => answer switch
    {
        RiskAnswer.Yes => "Yes",
        RiskAnswer.No => "No",
        RiskAnswer.DontKnow => "Don't know",
        _ => "Not asked",
    };

    public static string Title(this RiskLevel level) => level switch
    {
        RiskLevel.High => "High",
        RiskLevel.Medium => "Medium",
        _ => "Standard",
    };
}
