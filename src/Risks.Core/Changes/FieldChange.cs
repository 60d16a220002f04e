namespace Risks.Core.Changes;

public enum ChangeKind { Added, Removed, Changed, Reordered }

/// <summary>
/// One change to a risk, field by field: <see cref="Field"/> names it by its path in the file
/// with list items by id (<c>actions[A3].due</c>); <see cref="Description"/> says it in the
/// board's words (<c>action A3 due 2025-04-30 -> 2025-06-30</c>).
/// </summary>
public sealed record FieldChange(string Field, ChangeKind Kind, string? Before, string? After, string Description)
{
    /// <summary>The field in words, as <see cref="Description"/> names it: "current likelihood", "action A3", "cause".</summary>
    public string Label { get; init; } = "";

    /// <summary>Two changes are the same change whatever their labels: the label is only how the field is named.</summary>
    public bool Equals(FieldChange? other) =>
        other is not null && Field == other.Field && Kind == other.Kind && Before == other.Before && After == other.After && Description == other.Description;

    public override int GetHashCode() => HashCode.Combine(Field, Kind, Before, After, Description);

    public override string ToString() => Description;
}
