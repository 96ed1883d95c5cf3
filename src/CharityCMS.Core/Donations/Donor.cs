namespace CharityCMS.Donations;

public sealed record GiftAidDeclaration(Guid Id, GiftAidDeclarant Declarant, DeclarationMethod Method, DateOnly MadeOn, DateOnly? CancelledOn)
{
    /// <summary>
    /// Whether it covers a gift made on that day: from four years before it was made until the day
    /// it was cancelled (a cancellation stops claims on gifts from that day on).
    /// </summary>
    public bool Covers(DateOnly givenOn) => givenOn >= MadeOn.AddYears(-4) && (CancelledOn is null || givenOn < CancelledOn);
}

/// <summary>
/// A donor: a separate world from clients. Nothing links a donor to a client, even when the names
/// match, and only fundraisers and workspace admins see donors.
/// </summary>
public sealed class Donor
{
    public Guid Id { get; set; }
    public string StripeCustomerId { get; set; } = "";
    public string? Name { get; set; }
    public string? Email { get; set; }
    public bool EmailConsent { get; set; }
    public DateTimeOffset? EmailConsentChangedAt { get; set; }
    public DateTimeOffset FirstGaveAt { get; set; }
    public List<GiftAidDeclaration> Declarations { get; set; } = [];

    public GiftAidDeclaration? DeclarationCovering(DateOnly givenOn) => Declarations.FirstOrDefault(d => d.Covers(givenOn));

    public void Apply(DonorRecorded recorded)
    {
        StripeCustomerId = recorded.StripeCustomerId;
        Name = recorded.Name;
        Email = recorded.Email;
        EmailConsent = recorded.EmailConsent;
        EmailConsentChangedAt = recorded.At;
        FirstGaveAt = recorded.At;
    }

    public void Apply(DonorEmailConsentChanged changed) => (EmailConsent, EmailConsentChangedAt) = (changed.EmailConsent, changed.At);

    public void Apply(GiftAidDeclarationMade made)
    {
        Declarations.Add(new GiftAidDeclaration(made.DeclarationId, made.Declarant, made.Method, made.MadeOn, null));
        // Her name as she gave it for Gift Aid, when the donation page had none.
        Name ??= made.Declarant.FullName;
    }

    public void Apply(GiftAidDeclarationCancelled cancelled)
    {
        var index = Declarations.FindIndex(d => d.Id == cancelled.DeclarationId);
        if (index >= 0) Declarations[index] = Declarations[index] with { CancelledOn = cancelled.CancelledOn };
    }
}
