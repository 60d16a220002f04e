namespace Risks.Core.Changes;

public enum ChangeKind { Added, Removed, Changed, Reordered }

/// <summary>
/// One change to a risk, field by field: <see cref="Field"/> names it by its path in the file
/// with list items by id (<c>actions[A3].due</c>); <see cref="Description"/> says it in the
/// board's words (<c>action A3 due 2025-04-30 -> 2025-06-30</c>).
/// </summary>
public sealed record FieldChange(string Field, ChangeKind Kind, string? Before, string? After, string Description)
{
    public override string ToString() => Description;
}
