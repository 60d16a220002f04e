namespace Risks.Core.Validation;

/// <summary>
/// A problem with one field, named by its path in the file (<c>current.impact</c>,
/// <c>actions[2].due</c>); storage turns the path into a file, line and column.
/// </summary>
public sealed record FieldIssue(string Path, string Message)
{
    /// <summary>The issue is that the field has no value (as opposed to a wrong one).</summary>
    public bool IsMissing { get; init; }

    public override string ToString() => Message;
}
