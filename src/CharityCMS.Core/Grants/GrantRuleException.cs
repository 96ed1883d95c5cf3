namespace CharityCMS.Grants;

/// <summary>A grant rule refused the change. The message says why, in words for the manager.</summary>
public sealed class GrantRuleException(string message) : Exception(message);

public sealed class GrantNotFoundException() : Exception("No grant with that id exists in this workspace.");

public sealed class GrantDocumentNotFoundException() : Exception("No document with that id is attached to this grant.");

public sealed class FunderNotFoundException() : Exception("No funder with that id exists in this workspace.");

/// <summary>Someone else changed the grant after the form was loaded; nothing was saved.</summary>
public sealed class GrantChangedElsewhereException(string changedBy, DateTimeOffset changedAt)
    : Exception("The grant was changed by someone else after it was opened.")
{
    public string ChangedBy { get; } = changedBy;
    public DateTimeOffset ChangedAt { get; } = changedAt;
}
