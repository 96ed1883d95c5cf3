using CharityCMS.Workspaces;
using FluentValidation;

namespace CharityCMS.Grants;

// The forms that plan a grant: instalments, KPIs, reporting deadlines, returns sent, renewals.
// Each is checked field by field here, then against the grant as it stands in GrantDecisions.

public sealed record ScheduleInstalment(Guid GrantId, Guid? InstalmentId, DateOnly ExpectedOn, decimal Amount);

public sealed record ReceiveInstalment(Guid GrantId, Guid InstalmentId, DateOnly ReceivedOn, decimal Amount);

public sealed record SetKpi(Guid GrantId, Guid? KpiId, string Label, KpiMeasure Measure, decimal? Target);

public sealed record SetReportingDeadline(Guid GrantId, Guid? DeadlineId, string Title, DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly DueOn);

public sealed record ScheduleReports(Guid GrantId, ReportingFrequency Frequency, int DaysAfterPeriodEnd);

public sealed record SubmitReturn(Guid GrantId, Guid DeadlineId, DateOnly SubmittedOn, string? Note, Guid? FileId = null);

public sealed class ScheduleInstalmentValidator : AbstractValidator<ScheduleInstalment>
{
    public ScheduleInstalmentValidator()
    {
        RuleFor(x => x.Amount).GreaterThan(0).WithMessage("Enter the instalment's amount, more than £0.")
            .Must(Money.HasAtMostTwoDecimals).WithMessage("Enter the amount in pounds and pence (at most two decimals).");
        RuleFor(x => x.ExpectedOn).Must(d => d.Year >= 2000).WithMessage("Enter the date the instalment is expected.");
    }
}

public sealed class ReceiveInstalmentValidator : AbstractValidator<ReceiveInstalment>
{
    public ReceiveInstalmentValidator()
    {
        RuleFor(x => x.Amount).GreaterThan(0).WithMessage("Enter the amount received, more than £0.")
            .Must(Money.HasAtMostTwoDecimals).WithMessage("Enter the amount in pounds and pence (at most two decimals).");
        RuleFor(x => x.ReceivedOn).Must(d => d.Year >= 2000).WithMessage("Enter the date the money arrived.");
    }
}

public sealed class SetKpiValidator : AbstractValidator<SetKpi>
{
    public SetKpiValidator()
    {
        RuleFor(x => x.Label).Must(l => !string.IsNullOrWhiteSpace(l)).WithMessage("Name the KPI as the funder words it.")
            .MaximumLength(150).WithMessage("Keep the KPI's name under 150 characters.");
        RuleFor(x => x.Measure).IsInEnum().WithMessage("Choose what the KPI counts.");
        RuleFor(x => x.Target).NotNull().WithMessage("Give the KPI a target.");
        RuleFor(x => x.Target!.Value).GreaterThan(0).WithMessage("The target must be more than nought.").When(x => x.Target is not null);
        RuleFor(x => x.Target!.Value).LessThanOrEqualTo(100).WithMessage("A percentage target is at most 100.")
            .When(x => x.Target is not null && x.Measure.IsPercentage());
        RuleFor(x => x.Target!.Value).Must(t => t == decimal.Truncate(t)).WithMessage("A count target is a whole number.")
            .LessThanOrEqualTo(1_000_000).WithMessage("A count target is at most 1,000,000.")
            .When(x => x.Target is not null && !x.Measure.IsPercentage());
    }
}

public sealed class SetReportingDeadlineValidator : AbstractValidator<SetReportingDeadline>
{
    public SetReportingDeadlineValidator()
    {
        RuleFor(x => x.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Say what the funder expects, for example \"Quarterly monitoring return\".")
            .MaximumLength(150).WithMessage("Keep the title under 150 characters.");
        RuleFor(x => x.PeriodFrom).Must(d => d.Year >= 2000).WithMessage("Enter the first day of the period the return covers.");
        RuleFor(x => x.PeriodTo).Cascade(CascadeMode.Stop)
            .Must(d => d.Year >= 2000).WithMessage("Enter the last day of the period the return covers.")
            .GreaterThanOrEqualTo(x => x.PeriodFrom).WithMessage("The period must end on or after the day it starts.");
        RuleFor(x => x.DueOn).Cascade(CascadeMode.Stop)
            .Must(d => d.Year >= 2000).WithMessage("Enter the date the return is due.")
            .GreaterThanOrEqualTo(x => x.PeriodFrom).WithMessage("The return cannot be due before its period starts.")
            .Must((form, due) => due <= form.PeriodTo.AddYears(1)).WithMessage("The return is due within a year of its period's end.");
    }
}

public sealed class ScheduleReportsValidator : AbstractValidator<ScheduleReports>
{
    public ScheduleReportsValidator()
    {
        RuleFor(x => x.Frequency).IsInEnum().WithMessage("Choose how often the funder wants a return.");
        RuleFor(x => x.DaysAfterPeriodEnd).InclusiveBetween(0, 120).WithMessage("Returns are due 0 to 120 days after each period ends.");
    }
}

public sealed class SubmitReturnValidator : AbstractValidator<SubmitReturn>
{
    public SubmitReturnValidator()
    {
        RuleFor(x => x.SubmittedOn).Must(d => d.Year >= 2000).WithMessage("Enter the date the return was sent.");
        RuleFor(x => x.Note).MaximumLength(GrantDecisions.ReasonMaximumLength).WithMessage("Keep the note under 500 characters.");
    }
}

/// <summary>Plans a grant's money, measures and reporting. Managers only; each change is an event on the grant's stream.</summary>
public sealed class GrantPlanning(
    GrantStreams streams,
    IValidator<ScheduleInstalment> scheduleInstalment,
    IValidator<ReceiveInstalment> receiveInstalment,
    IValidator<SetKpi> setKpi,
    IValidator<SetReportingDeadline> setDeadline,
    IValidator<ScheduleReports> scheduleReports,
    IValidator<SubmitReturn> submitReturn)
{
    public async Task<Grant> ScheduleInstalmentAsync(WorkspaceAccess access, ScheduleInstalment command, CancellationToken ct)
    {
        await scheduleInstalment.ValidateAndThrowAsync(command, ct);
        return await streams.AppendAsync(access, command.GrantId, null,
            d => GrantDecisions.ScheduleInstalment(d, command.InstalmentId ?? Guid.CreateVersion7(), command.ExpectedOn, command.Amount), ct);
    }

    public async Task<Grant> ReceiveInstalmentAsync(WorkspaceAccess access, ReceiveInstalment command, CancellationToken ct)
    {
        await receiveInstalment.ValidateAndThrowAsync(command, ct);
        return await streams.AppendAsync(access, command.GrantId, null,
            d => GrantDecisions.ReceiveInstalment(d, command.InstalmentId, command.ReceivedOn, command.Amount), ct);
    }

    public Task<Grant> CancelInstalmentAsync(WorkspaceAccess access, Guid grantId, Guid instalmentId, CancellationToken ct) =>
        streams.AppendAsync(access, grantId, null, d => GrantDecisions.CancelInstalment(d, instalmentId), ct);

    public async Task<Grant> SetKpiAsync(WorkspaceAccess access, SetKpi command, CancellationToken ct)
    {
        await setKpi.ValidateAndThrowAsync(command, ct);
        return await streams.AppendAsync(access, command.GrantId, null,
            d => GrantDecisions.SetKpi(d, command.KpiId ?? Guid.CreateVersion7(), command.Label, command.Measure, command.Target!.Value), ct);
    }

    public Task<Grant> RemoveKpiAsync(WorkspaceAccess access, Guid grantId, Guid kpiId, CancellationToken ct) =>
        streams.AppendAsync(access, grantId, null, d => GrantDecisions.RemoveKpi(d, kpiId), ct);

    public async Task<Grant> SetDeadlineAsync(WorkspaceAccess access, SetReportingDeadline command, CancellationToken ct)
    {
        await setDeadline.ValidateAndThrowAsync(command, ct);
        return await streams.AppendAsync(access, command.GrantId, null,
            d => GrantDecisions.SetDeadline(d, command.DeadlineId ?? Guid.CreateVersion7(), command.Title, command.PeriodFrom, command.PeriodTo, command.DueOn), ct);
    }

    public Task<Grant> RemoveDeadlineAsync(WorkspaceAccess access, Guid grantId, Guid deadlineId, CancellationToken ct) =>
        streams.AppendAsync(access, grantId, null, d => GrantDecisions.RemoveDeadline(d, deadlineId), ct);

    public async Task<Grant> ScheduleReportsAsync(WorkspaceAccess access, ScheduleReports command, CancellationToken ct)
    {
        await scheduleReports.ValidateAndThrowAsync(command, ct);
        return await streams.AppendAsync(access, command.GrantId, null,
            d => GrantDecisions.ScheduleReports(d, command.Frequency, command.DaysAfterPeriodEnd).ToList(), ct);
    }

    public async Task<Grant> SubmitReturnAsync(WorkspaceAccess access, SubmitReturn command, CancellationToken ct)
    {
        await submitReturn.ValidateAndThrowAsync(command, ct);
        return await streams.AppendAsync(access, command.GrantId, null,
            d => GrantDecisions.SubmitReturn(d, command.DeadlineId, command.SubmittedOn, command.FileId, command.Note), ct);
    }

    public Task<Grant> ApplyForRenewalAsync(WorkspaceAccess access, Guid grantId, DateOnly appliedOn, string? note, CancellationToken ct) =>
        streams.AppendAsync(access, grantId, null, d => GrantDecisions.ApplyForRenewal(d, appliedOn, note), ct);
}
