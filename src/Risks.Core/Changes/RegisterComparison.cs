using Risks.Core.Domain;

namespace Risks.Core.Changes;

/// <summary>
/// How a risk moved between two versions of the register, most notable first. Escalated and
/// de-escalated (into a higher or lower band) are scores up and down too: see
/// <see cref="RiskComparison.Direction"/>. Unscored is a risk with a current score on one
/// side only, whose score cannot be said to have risen or fallen.
/// </summary>
public enum RiskMovementKind { New, Closed, Escalated, DeEscalated, ScoreUp, ScoreDown, ScoreUnchanged, Unscored }

/// <summary>How a risk's current score moved, whether or not its band changed.</summary>
public enum ScoreDirection { Up, Down, Unchanged }

/// <summary>What happened to one kind of item (control, gap, assurance, action) of a risk.</summary>
public enum ItemChangeKind { Added, Removed, Changed }

/// <summary>A control, gap, assurance or action added, removed or changed: <c>controls[C3]</c> and the changes to it.</summary>
public sealed record ItemChange(string List, string Item, ItemChangeKind Kind, IReadOnlyList<FieldChange> Changes);

/// <summary>A prose field reworded, with the words that changed.</summary>
public sealed record NarrativeEdit(FieldChange Change, IReadOnlyList<WordSpan> Words);

/// <summary>
/// One risk that differs between two versions of the register: both versions (null where it is
/// not on that side), its changes field by field, and what they add up to.
/// </summary>
public sealed record RiskComparison
{
    private static readonly string[] ItemLists = ["lead_remits", "controls", "gaps", "assurances", "actions"];

    /// <summary>Reads <paramref name="changes"/> (from <see cref="RiskComparer"/>) with the register's <paramref name="bands"/>.</summary>
    public RiskComparison(RiskId id, Risk? before, Risk? after, IReadOnlyList<FieldChange> changes, BandScheme bands)
    {
        Id = id;
        Before = before;
        After = after;
        Changes = changes;
        ScoreBefore = before?.Current?.Value;
        ScoreAfter = after?.Current?.Value;
        BandBefore = ScoreBefore is { } b ? bands.For(b) : null;
        BandAfter = ScoreAfter is { } a ? bands.For(a) : null;
        Kind = KindOf(before, after, ScoreBefore, ScoreAfter, BandBefore, BandAfter);
        OwnerChanged = changes.Any(c => c.Field == "owner");
        Items = ItemsOf(changes);
        NarrativeEditCount = changes.Count(c => IsProse(c.Field));
        _narrative = new(() => changes
            .Where(c => IsProse(c.Field))
            .Select(c => new NarrativeEdit(c, WordDiff.Of(c.Before, c.After)))
            .ToList());
    }

    private readonly Lazy<IReadOnlyList<NarrativeEdit>> _narrative;

    public RiskId Id { get; }

    public Risk? Before { get; }

    public Risk? After { get; }

    /// <summary>Every change, field by field, in file order.</summary>
    public IReadOnlyList<FieldChange> Changes { get; }

    /// <summary>
    /// New (or reopened), closed (or gone), escalated or de-escalated to another band, or else
    /// how its current score moved (unscored: a current score on one side only).
    /// </summary>
    public RiskMovementKind Kind { get; }

    /// <summary>
    /// How the current score moved, band changed or not: an escalated risk's score went up and a
    /// de-escalated one's down. Null for a risk new or closed, or with a current score on one side only.
    /// </summary>
    public ScoreDirection? Direction => Kind switch
    {
        RiskMovementKind.Escalated or RiskMovementKind.ScoreUp => ScoreDirection.Up,
        RiskMovementKind.DeEscalated or RiskMovementKind.ScoreDown => ScoreDirection.Down,
        RiskMovementKind.ScoreUnchanged => ScoreDirection.Unchanged,
        _ => null,
    };

    /// <summary>The current score before, if it had one.</summary>
    public int? ScoreBefore { get; }

    /// <summary>The current score after, if it has one.</summary>
    public int? ScoreAfter { get; }

    public Band? BandBefore { get; }

    public Band? BandAfter { get; }

    /// <summary>Whether the senior responsible owner changed.</summary>
    public bool OwnerChanged { get; }

    /// <summary>The controls, gaps, assurances and actions added, removed or changed, each once, in file order.</summary>
    public IReadOnlyList<ItemChange> Items { get; }

    /// <summary>The prose changed (narrative, performance, rationales, item wording and updates), word by word: worked out when first asked for, as a summary needs only <see cref="NarrativeEditCount"/>.</summary>
    public IReadOnlyList<NarrativeEdit> Narrative => _narrative.Value;

    /// <summary>How many prose fields changed (the length of <see cref="Narrative"/>, without working out its words).</summary>
    public int NarrativeEditCount { get; }

    /// <summary>The risk's title on the later side, else the earlier.</summary>
    public string Title => After?.Title ?? Before?.Title ?? "";

    /// <summary>The later version, or the earlier if the risk is gone.</summary>
    public Risk Latest => After ?? Before ?? throw new InvalidOperationException($"{Id} is on neither side");

    private static RiskMovementKind KindOf(Risk? before, Risk? after, int? scoreBefore, int? scoreAfter, Band? bandBefore, Band? bandAfter)
    {
        if (before is null || (before.Status != RiskStatus.Open && after?.Status == RiskStatus.Open))
        {
            return RiskMovementKind.New;
        }

        if (after is null || (before.Status == RiskStatus.Open && after.Status != RiskStatus.Open))
        {
            return RiskMovementKind.Closed;
        }

        if (bandBefore is not null && bandAfter is not null && bandBefore.Min != bandAfter.Min)
        {
            return bandAfter.Min > bandBefore.Min ? RiskMovementKind.Escalated : RiskMovementKind.DeEscalated;
        }

        if (scoreBefore is null != scoreAfter is null)
        {
            return RiskMovementKind.Unscored;
        }

        return (scoreAfter ?? 0).CompareTo(scoreBefore ?? 0) switch
        {
            > 0 => RiskMovementKind.ScoreUp,
            < 0 => RiskMovementKind.ScoreDown,
            _ => RiskMovementKind.ScoreUnchanged,
        };
    }

    private static List<ItemChange> ItemsOf(IReadOnlyList<FieldChange> changes) =>
        changes
            .Select(c => (Change: c, Item: ItemOf(c.Field)))
            .Where(x => x.Item is not null)
            .GroupBy(x => x.Item!.Value, x => x.Change)
            .Select(group =>
            {
                var (list, item) = group.Key;
                var kind = group.FirstOrDefault(c => c.Field == $"{list}[{item}]")?.Kind switch
                {
                    ChangeKind.Added => ItemChangeKind.Added,
                    ChangeKind.Removed => ItemChangeKind.Removed,
                    _ => ItemChangeKind.Changed,
                };
                return new ItemChange(list, item, kind, group.ToList());
            })
            .ToList();

    /// <summary>The list and item id a path is in: <c>actions[A3].due</c> is in (actions, A3).</summary>
    private static (string List, string Item)? ItemOf(string field)
    {
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (open <= 0 || close < open)
        {
            return null;
        }

        var list = field[..open];
        return ItemLists.Contains(list) ? (list, field[(open + 1)..close]) : null;
    }

    private static bool IsProse(string field) =>
        field.StartsWith("narrative.", StringComparison.Ordinal)
        || field == "performance"
        || field.EndsWith(".rationale", StringComparison.Ordinal)
        || (ItemOf(field) is not null && (field.EndsWith("].text", StringComparison.Ordinal) || field.EndsWith("].update", StringComparison.Ordinal)));
}

/// <summary>
/// How many risks moved each way, and how many items and narratives changed. Every risk compared
/// is counted once in new, closed, score up, score down, score unchanged or unscored (a current
/// score on one side only), so those add up to <see cref="Compared"/>; escalated risks are among
/// those whose score went up, and de-escalated ones among those whose score went down.
/// </summary>
public sealed record ComparisonCounts(
    int New,
    int Closed,
    int Escalated,
    int DeEscalated,
    int ScoreUp,
    int ScoreDown,
    int ScoreUnchanged,
    int Unscored,
    int OwnerChanged,
    int ItemsAdded,
    int ItemsRemoved,
    int ItemsChanged,
    int NarrativeEdits)
{
    /// <summary>Every risk compared: new, closed, scores up, down and unchanged, and unscored.</summary>
    public int Compared => New + Closed + ScoreUp + ScoreDown + ScoreUnchanged + Unscored;
}

/// <summary>
/// Two versions of the register compared: every risk that differs, field by field, and the ids of
/// those that do not. Built from the risks whose files differ (both versions of each) and the ids
/// of the files that are the same on both sides, so a large register costs only what changed.
/// </summary>
public sealed class RegisterComparison
{
    private RegisterComparison(IReadOnlyList<RiskComparison> risks, IReadOnlyList<RiskId> unchanged)
    {
        Risks = risks;
        Unchanged = unchanged;
        Counts = new ComparisonCounts(
            Count(RiskMovementKind.New),
            Count(RiskMovementKind.Closed),
            Count(RiskMovementKind.Escalated),
            Count(RiskMovementKind.DeEscalated),
            risks.Count(r => r.Direction == ScoreDirection.Up),
            risks.Count(r => r.Direction == ScoreDirection.Down),
            risks.Count(r => r.Direction == ScoreDirection.Unchanged) + unchanged.Count,
            Count(RiskMovementKind.Unscored),
            risks.Count(r => r.OwnerChanged),
            risks.Sum(r => r.Items.Count(i => i.Kind == ItemChangeKind.Added)),
            risks.Sum(r => r.Items.Count(i => i.Kind == ItemChangeKind.Removed)),
            risks.Sum(r => r.Items.Count(i => i.Kind == ItemChangeKind.Changed)),
            risks.Sum(r => r.NarrativeEditCount));

        int Count(RiskMovementKind kind) => risks.Count(r => r.Kind == kind);
    }

    /// <summary>The risks that differ, in id order.</summary>
    public IReadOnlyList<RiskComparison> Risks { get; }

    /// <summary>The risks the same on both sides, in id order.</summary>
    public IReadOnlyList<RiskId> Unchanged { get; }

    public ComparisonCounts Counts { get; }

    /// <summary>
    /// Compares <paramref name="changed"/> (both sides of each risk whose file differs; null where
    /// it is not on that side) given the ids of the <paramref name="unchanged"/> ones.
    /// </summary>
    public static RegisterComparison Of(IEnumerable<(Risk? Before, Risk? After)> changed, IReadOnlyList<RiskId> unchanged, RegisterSettings settings)
    {
        var pairs = changed.Where(pair => pair.Before is not null || pair.After is not null).ToList();

        // Each pair alone, so on every core: a month's comparison at 10,000 risks has a thousand of them.
        var compared = new RiskComparison?[pairs.Count];
        Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = pairs.Count > 50 ? Environment.ProcessorCount : 1 }, i =>
        {
            var (before, after) = pairs[i];
            var changes = RiskComparer.Compare(before, after, settings);
            compared[i] = changes.Count == 0 ? null : new RiskComparison((after ?? before)!.Id, before, after, changes, settings.Bands);
        });

        var risks = new List<RiskComparison>(pairs.Count);
        var same = unchanged.ToList();
        for (var i = 0; i < pairs.Count; i++)
        {
            if (compared[i] is { } comparison)
            {
                risks.Add(comparison);
            }
            else
            {
                same.Add((pairs[i].After ?? pairs[i].Before)!.Id);
            }
        }

        risks.Sort((a, b) => Order(a.Id, b.Id));
        same.Sort(Order);
        return new RegisterComparison(risks, same);
    }

    /// <summary>By prefix, then number (BAF-2 before BAF-10), then as written.</summary>
    private static int Order(RiskId a, RiskId b)
    {
        var prefix = string.CompareOrdinal(a.Prefix, b.Prefix);
        if (prefix != 0)
        {
            return prefix;
        }

        var number = a.Number.CompareTo(b.Number);
        return number != 0 ? number : string.CompareOrdinal(a.Value, b.Value);
    }
}
