namespace CharityCMS.Cases;

/// <summary>A casework rule refused the change. The message says why, in words for the worker, and never carries a client's data.</summary>
public sealed class CaseworkRuleException(string message) : Exception(message);
