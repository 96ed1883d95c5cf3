using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Grants.Returns;

/// <summary>
/// How one funder wants its returns: which sections, in which order, under which titles. One per
/// funder; its id is the funder's id.
/// </summary>
public sealed record FunderReturnTemplate(Guid Id, IReadOnlyList<TemplateSection> Sections);

/// <summary>A section of the return by its stable key; a null or blank title keeps the section's own.</summary>
public sealed record TemplateSection(string Key, bool Included, string? Title);

public sealed class FunderReturnTemplateValidator : AbstractValidator<FunderReturnTemplate>
{
    public const int TitleMaximumLength = 100;

    public FunderReturnTemplateValidator()
    {
        RuleFor(x => x.Sections).Must(s => s.Any(section => section.Included)).WithMessage("Include at least one section in the return.")
            .Must(s => s.Select(section => section.Key).Distinct().Count() == s.Count).WithMessage("Each section can appear once.");
        RuleForEach(x => x.Sections).ChildRules(section =>
        {
            section.RuleFor(s => s.Key).Must(key => ReturnCounting.SectionKeys.Contains(key)).WithMessage("That is not a section of a return.");
            section.RuleFor(s => s.Title).MaximumLength(TitleMaximumLength).WithMessage($"Keep a section's title to {TitleMaximumLength} characters.");
        });
    }
}

/// <summary>Each funder's choice of sections and titles. Managers only.</summary>
public sealed class ReturnTemplates(IDocumentStore store, IValidator<FunderReturnTemplate> validator)
{
    /// <summary>Every section in the return's own order and titles: what a funder without a template gets.</summary>
    public static FunderReturnTemplate Default(Guid funderId) =>
        new(funderId, ReturnCounting.SectionKeys.Select(key => new TemplateSection(key, true, ReturnCounting.TitleOf(key))).ToList());

    public async Task<FunderReturnTemplate> GetAsync(WorkspaceAccess access, Guid funderId, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "see funder return templates");
        await using var session = store.QuerySession(access.WorkspaceId);
        if (await session.LoadAsync<Funder>(funderId, ct) is null) throw new FunderNotFoundException();
        return await session.LoadAsync<FunderReturnTemplate>(funderId, ct) ?? Default(funderId);
    }

    public async Task<FunderReturnTemplate> SaveAsync(WorkspaceAccess access, Guid funderId, IReadOnlyList<TemplateSection> sections, CancellationToken ct)
    {
        access.Require(WorkspaceRole.Manager, "change funder return templates");
        var template = new FunderReturnTemplate(funderId, sections.Select(s => s with { Title = Text.TidyOrNull(s.Title) }).ToList());
        await validator.ValidateAndThrowAsync(template, ct);
        await using var session = store.LightweightSession(access.WorkspaceId);
        if (await session.LoadAsync<Funder>(funderId, ct) is null) throw new FunderNotFoundException();
        session.Store(template);
        await session.SaveChangesAsync(ct);
        return template;
    }

    /// <summary>The return as the funder wants it: the chosen sections only, in the template's order, under the funder's titles.</summary>
    public static FunderReturn Apply(FunderReturn computed, FunderReturnTemplate template)
    {
        var byKey = computed.Sections.ToDictionary(s => s.Key);
        return computed with
        {
            Sections = template.Sections
                .Where(t => t.Included && byKey.ContainsKey(t.Key))
                .Select(t => byKey[t.Key] with { Title = string.IsNullOrWhiteSpace(t.Title) ? byKey[t.Key].Title : t.Title })
                .ToList(),
        };
    }
}
