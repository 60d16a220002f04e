using Risks.Core.Domain;

namespace Risks.Core.Changes;

/// <summary>One saved version of the register: its id (a commit), who made it and when, its headline and the reason given.</summary>
public sealed record Revision(string Id, string Author, string? AuthorEmail, DateTimeOffset When, string Headline, string? Reason);

/// <summary>Who last changed one field: the field (path and label), its value now, the revision and the change it made.</summary>
public sealed record FieldOrigin(string Field, string Label, string Value, Revision Revision, FieldChange Change);

/// <summary>
/// Who last changed each field of a risk, worked out from its versions rather than from lines of
/// its file: each part of each score, the owner, the narrative, and each part of each control,
/// gap, assurance and action.
/// </summary>
public static class FieldBlame
{
    /// <summary>
    /// For each field of the last version in <paramref name="versions"/> (the risk's history,
    /// oldest first, each with the risk as that revision left it; null where the revision removed
    /// it), the newest revision whose changes touched it. The fields are those with a value other
    /// than the default, each once, in the order the comparer gives them. The first version counts
    /// as the risk's creation, so if the history starts part-way, fields not changed since are put
    /// down to the first revision. Nothing if the last version is a removal.
    /// </summary>
    public static IReadOnlyList<FieldOrigin> Of(IReadOnlyList<(Revision Revision, Risk? Risk)> versions, RegisterSettings? settings = null)
    {
        if (versions.Count == 0 || versions[^1].Risk is not { } last)
        {
            return [];
        }

        var revisions = new List<(Revision Revision, IReadOnlyList<FieldChange> Changes)>();
        Risk? previous = null;
        foreach (var (revision, risk) in versions)
        {
            revisions.Add((revision, RiskComparer.Compare(previous, risk, settings)));
            previous = risk;
        }

        // The first version (or the first after a removal) is a change at "", which touches every
        // field, so some revision always did.
        var origins = new List<FieldOrigin>();
        foreach (var (path, label, value) in Fields(last, settings))
        {
            var (revision, changes) = revisions.Last(r => r.Changes.Any(c => Touches(c, path)));
            origins.Add(new FieldOrigin(path, label, value, revision, changes.First(c => Touches(c, path))));
        }

        return origins;
    }

    /// <summary>
    /// The fields of <paramref name="risk"/>, as the changes that set them on a bare risk with the
    /// same id, scores and item ids (so each part of a score and each part of an item is a field).
    /// A list of names is one field, its value the names in order.
    /// </summary>
    private static IEnumerable<(string Path, string Label, string Value)> Fields(Risk risk, RegisterSettings? settings)
    {
        var bare = new Risk
        {
            Id = risk.Id,
            Inherent = Bare(risk.Inherent),
            Current = Bare(risk.Current),
            Target = Bare(risk.Target),
            Controls = risk.Controls.Select(c => new Control { Id = c.Id }).ToList(),
            Gaps = risk.Gaps.Select(g => new Gap { Id = g.Id }).ToList(),
            Assurances = risk.Assurances.Select(a => new Assurance { Id = a.Id }).ToList(),
            Actions = risk.Actions.Select(a => new RiskAction { Id = a.Id }).ToList(),
        };

        // A closed risk's closure is compared only when the status is the same on both sides.
        var changes = RiskComparer.Compare(bare, risk, settings)
            .Concat(RiskComparer.Compare(bare with { Status = risk.Status }, risk, settings).Where(c => c.Field.StartsWith("closure.", StringComparison.Ordinal)))
            .Where(c => c.Kind != ChangeKind.Reordered)
            .Distinct();
        return changes
            .GroupBy(c => c.Field)
            .Select(g => (g.Key, g.First().Label, string.Join(", ", g.Select(c => c.After ?? ""))));
    }

    private static Score? Bare(Score? score) => score is null ? null : new Score(0, 0);

    /// <summary>
    /// A change touches <paramref name="field"/> when its path is the field's or encloses it:
    /// <c>""</c> is the whole risk, <c>controls[C2]</c> the whole control, <c>current</c> the whole
    /// score. A change of status covers the closure, which the comparer compares only when the
    /// status stays the same; a reordering of a list changes none of its items.
    /// </summary>
    private static bool Touches(FieldChange change, string field) =>
        change.Kind != ChangeKind.Reordered
        && (change.Field.Length == 0
            || change.Field == field
            || Encloses(change.Field, field)
            || (change.Field == "status" && Encloses("closure", field)));

    private static bool Encloses(string outer, string inner) =>
        inner.StartsWith(outer + ".", StringComparison.Ordinal) || inner.StartsWith(outer + "[", StringComparison.Ordinal);
}
