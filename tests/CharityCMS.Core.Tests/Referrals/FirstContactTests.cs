using CharityCMS.Cases;
using CharityCMS.Referrals;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Marten;

namespace CharityCMS.Core.Tests.Referrals;

public class FirstContactTests : DomainDatabase
{
    private LogFirstContactAttemptHandler Log => Get<LogFirstContactAttemptHandler>();

    private async Task<(WorkspaceAccess Access, Guid ReferralId)> ReferralAsync(Func<ReceiveReferral, ReceiveReferral>? change = null)
    {
        var access = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Caseworker);
        var command = SampleReferrals.FromPolice(Clock.GetUtcNow().AddHours(-30));
        var id = await Get<ReceiveReferralHandler>().HandleAsync(access, change is null ? command : change(command), default);
        return (access, id);
    }

    private async Task<Referral> LoadAsync(WorkspaceAccess access, Guid id)
    {
        await using var session = Store.QuerySession(access.WorkspaceId);
        return (await session.LoadAsync<Referral>(id))!;
    }

    public static TheoryData<ContactMethod, string?, string> UnsafeAttempts() => new()
    {
        { ContactMethod.Call, SampleReferrals.UnsafePhone, "She has said this number is not safe to call." },
        { ContactMethod.Voicemail, SampleReferrals.SafePhone, "She has said it is not safe to leave a voicemail on this number." },
        { ContactMethod.Text, SampleReferrals.UnsafePhone, "She has said it is not safe to text this number." },
        { ContactMethod.Call, "07700 900999", "That number is not one she gave us. Only her recorded numbers may be used." },
        { ContactMethod.Email, null, "She has said email is not safe." },
        { ContactMethod.Letter, null, "Her address is marked \"do not disclose\": no letters may be sent to it." },
    };

    [Theory]
    [MemberData(nameof(UnsafeAttempts))]
    public async Task An_unsafe_first_contact_is_refused_with_the_reason_and_not_recorded(ContactMethod method, string? phone, string reason)
    {
        var (access, id) = await ReferralAsync();

        var refused = await Assert.ThrowsAsync<CaseworkRuleException>(() =>
            Log.HandleAsync(access, new LogFirstContactAttempt(id, method, true, Clock.GetUtcNow(), phone, null), default));

        Assert.Equal(reason, refused.Message);
        Assert.Empty((await LoadAsync(access, id)).Attempts);
    }

    [Fact]
    public async Task A_letter_is_refused_when_she_said_it_is_not_safe_to_write_even_to_an_ordinary_address()
    {
        var (access, id) = await ReferralAsync(r => r with { Person = r.Person with { Address = r.Person.Address! with { DoNotDisclose = false } } });

        var refused = await Assert.ThrowsAsync<CaseworkRuleException>(() =>
            Log.HandleAsync(access, new LogFirstContactAttempt(id, ContactMethod.Letter, true, Clock.GetUtcNow(), null, null), default));

        Assert.Equal("It is not safe to write to her. Do not send post.", refused.Message);
    }

    [Fact]
    public async Task No_contact_is_allowed_without_her_consent()
    {
        var (access, id) = await ReferralAsync(r => r with { ConsentToContact = false });

        var refused = await Assert.ThrowsAsync<CaseworkRuleException>(() =>
            Log.HandleAsync(access, new LogFirstContactAttempt(id, ContactMethod.Call, true, Clock.GetUtcNow(), SampleReferrals.SafePhone, null), default));

        Assert.StartsWith("She has not agreed to be contacted", refused.Message);
    }

    [Fact]
    public async Task Once_her_consent_is_confirmed_a_safe_attempt_is_allowed_and_consent_cannot_be_confirmed_twice()
    {
        var (access, id) = await ReferralAsync(r => r with { ConsentToContact = false });
        var confirm = Get<ConfirmConsentToContactHandler>();

        await confirm.HandleAsync(access, new ConfirmConsentToContact(id, "Confirmed by the referring officer by phone."), default);
        await Log.HandleAsync(access, new LogFirstContactAttempt(id, ContactMethod.Call, true, Clock.GetUtcNow(), SampleReferrals.SafePhone, null), default);

        var referral = await LoadAsync(access, id);
        Assert.True(referral.ConsentToContact);
        Assert.Equal("Confirmed by the referring officer by phone.", referral.ConsentConfirmedHow);
        Assert.Single(referral.Attempts);
        await Assert.ThrowsAsync<CaseworkRuleException>(() => confirm.HandleAsync(access, new ConfirmConsentToContact(id, "Again."), default));
    }

    [Fact]
    public async Task Safe_attempts_are_logged_and_the_first_success_gives_the_time_to_first_contact()
    {
        var (access, id) = await ReferralAsync();
        var now = Clock.GetUtcNow();

        await Log.HandleAsync(access, new LogFirstContactAttempt(id, ContactMethod.Call, false, now.AddHours(-26), "+44 7700 900111", "No answer"), default);
        await Log.HandleAsync(access, new LogFirstContactAttempt(id, ContactMethod.Text, true, now.AddHours(-3), SampleReferrals.SafePhone, "She replied"), default);
        await Log.HandleAsync(access, new LogFirstContactAttempt(id, ContactMethod.Call, true, now, SampleReferrals.SafePhone, "Spoke for 20 minutes"), default);

        var referral = await LoadAsync(access, id);
        Assert.Equal(3, referral.Attempts.Count);
        Assert.Equal(SampleReferrals.SafePhone, referral.Attempts[0].PhoneNumber);
        Assert.Equal(now.AddHours(-3), referral.FirstContactAt);
        Assert.Equal(TimeSpan.FromHours(27), referral.TimeToFirstContact);
        Assert.Equal("1 day 3 hours", ReferralVocabulary.Describe(referral.TimeToFirstContact!.Value));
    }

    [Fact]
    public async Task An_attempt_before_the_referral_arrived_is_refused()
    {
        var (access, id) = await ReferralAsync();

        await Assert.ThrowsAsync<CaseworkRuleException>(() =>
            Log.HandleAsync(access, new LogFirstContactAttempt(id, ContactMethod.Visit, true, Clock.GetUtcNow().AddDays(-3), null, null), default));
    }

    [Fact]
    public async Task An_attempt_dated_in_the_future_is_refused_with_a_message_for_the_date_and_not_recorded()
    {
        var (access, id) = await ReferralAsync();

        var refused = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            Log.HandleAsync(access, new LogFirstContactAttempt(id, ContactMethod.Visit, true, Clock.GetUtcNow().AddHours(2), null, null), default));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(nameof(LogFirstContactAttempt.OccurredAt), error.PropertyName);
        Assert.Equal("The attempt cannot be in the future.", error.ErrorMessage);
        Assert.Empty((await LoadAsync(access, id)).Attempts);
    }

    [Theory]
    [InlineData(45, "45 minutes")]
    [InlineData(60 * 5, "5 hours")]
    [InlineData(60 * 24, "1 day")]
    [InlineData(60 * 50, "2 days 2 hours")]
    public void Waiting_times_read_in_minutes_hours_or_days(int minutes, string expected) =>
        Assert.Equal(expected, ReferralVocabulary.Describe(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void The_rules_shown_before_contact_say_what_is_safe_for_each_way_of_reaching_her()
    {
        var referral = Referral.Create(new ReferralReceived(ReferralSource.Self, null, DateTimeOffset.UtcNow, null, null, true,
            SampleReferrals.Person(), SubmitSelfReferralHandler.PublicForm, DateTimeOffset.UtcNow));

        var rules = SafeContact.RulesFor(referral);

        Assert.Contains(rules, r => r.What == $"Mobile {SampleReferrals.SafePhone}" && r.Safe && r.Rule.Contains("no voicemail"));
        Assert.Contains(rules, r => r.What == $"Home {SampleReferrals.UnsafePhone}" && !r.Safe);
        Assert.Contains(rules, r => r.What == "Post" && !r.Safe && r.Rule.Contains("do not disclose"));
    }

    /// <summary>A referral received <paramref name="receivedAgo"/> before now, accepted into a new client and an IDVA case allocated to the member.</summary>
    private async Task<(WorkspaceAccess Access, Guid ReferralId, Guid CaseId)> AcceptedAsync(TimeSpan receivedAgo)
    {
        var access = await (await TestWorkspace.CreateAsync(Store)).AccessAsync(WorkspaceRole.Caseworker);
        var id = await Get<ReceiveReferralHandler>().HandleAsync(access, SampleReferrals.FromPolice(Clock.GetUtcNow() - receivedAgo), default);
        var referral = await LoadAsync(access, id);
        var accepted = await Get<TriageReferralHandler>().AcceptAsync(access,
            new AcceptReferral(id, referral.Version, null, referral.ToRegistration(), CaseService.Idva, access.Member.Id), default);
        return (access, id, accepted.CaseId);
    }

    private Task LogOnCaseAsync(WorkspaceAccess access, Guid caseId, DateTimeOffset at, bool successful = true) =>
        Get<ContactLogHandler>().LogAsync(access,
            new LogContact(caseId, ContactMethod.Call, successful, at, 15, SampleReferrals.SafePhone, "Talked through her options."), default);

    [Fact]
    public async Task A_contact_on_the_case_opened_from_the_referral_gives_the_referral_its_time_to_first_contact()
    {
        var (access, id, caseId) = await AcceptedAsync(TimeSpan.FromHours(30));

        await LogOnCaseAsync(access, caseId, Clock.GetUtcNow().AddMinutes(-30));

        var referral = await LoadAsync(access, id);
        Assert.Equal(Clock.GetUtcNow().AddMinutes(-30), referral.FirstContactAt);
        Assert.Equal(TimeSpan.FromHours(29.5), referral.TimeToFirstContact);
        Assert.Empty(referral.Attempts);
    }

    [Fact]
    public async Task A_failed_attempt_on_the_case_leaves_the_referral_not_reached()
    {
        var (access, id, caseId) = await AcceptedAsync(TimeSpan.FromHours(30));

        await LogOnCaseAsync(access, caseId, Clock.GetUtcNow().AddMinutes(-30), successful: false);

        Assert.Null((await LoadAsync(access, id)).FirstContactAt);
    }

    [Fact]
    public async Task A_later_contact_on_the_case_does_not_move_the_first_contact()
    {
        var (access, id, caseId) = await AcceptedAsync(TimeSpan.FromHours(30));
        var first = Clock.GetUtcNow().AddMinutes(-30);

        await LogOnCaseAsync(access, caseId, first);
        Clock.Advance(TimeSpan.FromHours(4));
        await LogOnCaseAsync(access, caseId, Clock.GetUtcNow());

        Assert.Equal(first, (await LoadAsync(access, id)).FirstContactAt);
    }

    [Fact]
    public async Task A_first_contact_already_made_from_the_referral_page_stands_when_the_case_contact_is_later()
    {
        var (access, id, caseId) = await AcceptedAsync(TimeSpan.FromHours(30));
        var panel = Clock.GetUtcNow().AddHours(-20);
        await Log.HandleAsync(access, new LogFirstContactAttempt(id, ContactMethod.Call, true, panel, SampleReferrals.SafePhone, null), default);

        await LogOnCaseAsync(access, caseId, Clock.GetUtcNow().AddMinutes(-30));

        Assert.Equal(panel, (await LoadAsync(access, id)).FirstContactAt);
    }

    /// <summary>
    /// Logs the contact through the case's stream, marking the referral as the contact log does; the first time
    /// round, <paramref name="meanwhile"/> saves a change elsewhere between loading the streams and saving.
    /// </summary>
    private Task<Case> LogOnCaseWhileAsync(WorkspaceAccess access, Guid referralId, Guid caseId, Func<Task> meanwhile)
    {
        var contact = new LogContact(caseId, ContactMethod.Call, true, Clock.GetUtcNow().AddMinutes(-30), 15, SampleReferrals.SafePhone, "Talked through her options.");
        var first = true;
        return Get<CaseStreams>().AppendAsync(access, caseId, null, d => [d.Case.LogContact(contact, d)], default, async (session, current, events) =>
        {
            var referral = await session.Events.FetchForWriting<Referral>(referralId);
            if (first) await meanwhile();
            first = false;
            if (referral.Aggregate!.FirstContactOnCase(current.Id, events.OfType<ContactLogged>().Single()) is { } made) referral.AppendOne(made);
        });
    }

    [Fact]
    public async Task A_contact_on_the_case_is_saved_when_the_referral_changed_meanwhile()
    {
        var (access, id, caseId) = await AcceptedAsync(TimeSpan.FromHours(30));

        var saved = await LogOnCaseWhileAsync(access, id, caseId, () =>
            Log.HandleAsync(access, new LogFirstContactAttempt(id, ContactMethod.Call, false, Clock.GetUtcNow().AddHours(-2), SampleReferrals.SafePhone, "No answer"), default));

        Assert.Single(saved.Contacts);
        var referral = await LoadAsync(access, id);
        Assert.Single(referral.Attempts);
        Assert.Equal(Clock.GetUtcNow().AddMinutes(-30), referral.FirstContactAt);
    }

    [Fact]
    public async Task A_contact_on_the_case_is_refused_when_the_case_itself_changed_meanwhile()
    {
        var (access, id, caseId) = await AcceptedAsync(TimeSpan.FromHours(30));

        await Assert.ThrowsAsync<CaseChangedElsewhereException>(() => LogOnCaseWhileAsync(access, id, caseId, () =>
            LogOnCaseAsync(access, caseId, Clock.GetUtcNow().AddHours(-1), successful: false)));

        await using var session = Store.QuerySession(access.WorkspaceId);
        Assert.Single((await session.LoadAsync<Case>(caseId))!.Contacts);
    }

    [Fact]
    public async Task A_contact_on_the_case_from_before_the_referral_arrived_is_not_her_first_contact()
    {
        var (access, id, caseId) = await AcceptedAsync(TimeSpan.FromMinutes(30));

        await LogOnCaseAsync(access, caseId, Clock.GetUtcNow().AddHours(-1));

        Assert.Null((await LoadAsync(access, id)).FirstContactAt);
    }
}
