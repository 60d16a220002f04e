namespace Risks.Core.Validation;

/// <summary>
/// A problem with one field, named by its path in the file (<c>current.impact</c>,
/// <c>actions[2].due</c>); storage turns the path into a file, line and column.
/// </summary>
public sealed record FieldIssue(string Path, string Message)
{
    public override string ToString() => Message;
}
