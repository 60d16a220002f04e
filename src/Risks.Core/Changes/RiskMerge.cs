using Risks.Core.Domain;
using Risks.Core.Schema;

namespace Risks.Core.Changes;

/// <summary>The result of re-applying edits: the merged risk, and the fields both sides changed differently (where the edits won).</summary>
public sealed record MergeResult(Risk Merged, IReadOnlyList<string> Overlaps);

/// <summary>
/// Re-applies one person's edits on top of a version someone else saved meanwhile: a three-way,
/// field-level merge. A field only one side changed takes that side's value; a field both changed
/// differently takes the edits' value and is reported. Lists of names merge as additions and
/// removals; controls, gaps, assurances and actions merge item by item, matched by id; the
/// register's own fields key by key. The fields are the schema's.
/// </summary>
public static class RiskMerge
{
    /// <summary>Groups that are one event, taken whole from one side: a closure, a review.</summary>
    private static readonly HashSet<string> Whole = new(StringComparer.Ordinal) { "closure", "last_reviewed" };

    /// <summary>Re-applies the edits that turned <paramref name="original"/> into <paramref name="mine"/> onto <paramref name="theirs"/>.</summary>
    public static MergeResult Reapply(Risk original, Risk mine, Risk theirs)
    {
        if (RiskComparer.Compare(original, mine).Count == 0)
        {
            return new MergeResult(theirs, []);
        }

        if (RiskComparer.Compare(original, theirs).Count == 0)
        {
            return new MergeResult(mine, []);
        }

        var overlaps = new List<string>();
        var merged = theirs;
        foreach (var field in RiskSchema.BuiltIn)
        {
            merged = (Risk)field.Set(merged, Merge(field, field.Path, field.Get(original), field.Get(mine), field.Get(theirs), overlaps));
        }

        return new MergeResult(merged, overlaps);
    }

    /// <summary>One field's merged value, by its type: a group part by part, a list of names by its entries, items by id, the register's own fields key by key.</summary>
    private static object? Merge(Field field, string path, object? original, object? mine, object? theirs, List<string> overlaps)
    {
        if (field.Key == RiskSchema.CustomKey)
        {
            return Custom((IReadOnlyDictionary<string, CustomValue>)original!, (IReadOnlyDictionary<string, CustomValue>)mine!, (IReadOnlyDictionary<string, CustomValue>)theirs!, overlaps);
        }

        if (field.Type == FieldType.Items)
        {
            return Items(field, (IReadOnlyList<object>)original!, (IReadOnlyList<object>)mine!, (IReadOnlyList<object>)theirs!, overlaps);
        }

        if (field.IsList)
        {
            return Names((IReadOnlyList<string>)original!, (IReadOnlyList<string>)mine!, (IReadOnlyList<string>)theirs!);
        }

        if (!field.IsGroup || Whole.Contains(field.Key) || original is null || mine is null || theirs is null)
        {
            return Pick(path, original, mine, theirs, overlaps);
        }

        var merged = theirs;
        foreach (var part in field.Parts)
        {
            merged = part.Set(merged, Merge(part, part.Path, part.Get(original), part.Get(mine), part.Get(theirs), overlaps));
        }

        return merged;
    }

    /// <summary>The register's own fields, key by key, each value kept as written.</summary>
    private static IReadOnlyDictionary<string, CustomValue> Custom(
        IReadOnlyDictionary<string, CustomValue> original,
        IReadOnlyDictionary<string, CustomValue> mine,
        IReadOnlyDictionary<string, CustomValue> theirs,
        List<string> overlaps)
    {
        var merged = new Dictionary<string, CustomValue>(StringComparer.Ordinal);
        foreach (var key in theirs.Keys.Concat(mine.Keys).Concat(original.Keys).Distinct(StringComparer.Ordinal))
        {
            if (Pick($"{RiskSchema.CustomKey}.{key}", original.GetValueOrDefault(key), mine.GetValueOrDefault(key), theirs.GetValueOrDefault(key), overlaps) is { } value)
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    /// <summary>Mine if only I changed it, theirs if only they did; mine (reported) if both changed it differently.</summary>
    private static T Pick<T>(string path, T original, T mine, T theirs, List<string> overlaps)
    {
        var comparer = EqualityComparer<T>.Default;
        if (comparer.Equals(mine, original))
        {
            return theirs;
        }

        if (comparer.Equals(theirs, original) || comparer.Equals(mine, theirs))
        {
            return mine;
        }

        overlaps.Add(path);
        return mine;
    }

    /// <summary>A list of names: theirs, less what I removed, plus what I added.</summary>
    private static IReadOnlyList<string> Names(IReadOnlyList<string> original, IReadOnlyList<string> mine, IReadOnlyList<string> theirs)
    {
        if (mine.SequenceEqual(original, StringComparer.Ordinal))
        {
            return theirs;
        }

        if (theirs.SequenceEqual(original, StringComparer.Ordinal))
        {
            return mine;
        }

        var removed = original.Except(mine, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var added = mine.Except(original, StringComparer.Ordinal).Where(x => !theirs.Contains(x, StringComparer.Ordinal));
        return theirs.Where(x => !removed.Contains(x)).Concat(added).ToList();
    }

    /// <summary>Items matched by id: mine added, removed and changed part by part on top of theirs; my new order where they kept theirs.</summary>
    private static IReadOnlyList<object> Items(Field list, IReadOnlyList<object> original, IReadOnlyList<object> mine, IReadOnlyList<object> theirs, List<string> overlaps)
    {
        if (mine.SequenceEqual(original))
        {
            return theirs;
        }

        if (theirs.SequenceEqual(original))
        {
            return mine;
        }

        var idPart = list.Part("id")!;
        string Id(object item) => idPart.Text(item) ?? "";
        var byIdOriginal = original.GroupBy(Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byIdMine = mine.GroupBy(Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var result = new List<object>();
        foreach (var item in theirs)
        {
            var key = Id(item);
            if (byIdOriginal.TryGetValue(key, out var was) && !byIdMine.ContainsKey(key))
            {
                // I removed it: it goes, unless they changed it meanwhile.
                if (!Equals(item, was))
                {
                    overlaps.Add($"{list.Key}[{key}]");
                    result.Add(item);
                }

                continue;
            }

            if (byIdOriginal.TryGetValue(key, out var before) && byIdMine.TryGetValue(key, out var edited))
            {
                var merged = item;
                foreach (var part in list.Parts.Where(p => p != idPart))
                {
                    merged = part.Set(merged, Merge(part, $"{list.Key}[{key}].{part.Key}", part.Get(before), part.Get(edited), part.Get(item), overlaps));
                }

                result.Add(merged);
            }
            else
            {
                result.Add(item);
            }
        }

        var letter = ItemIds.Letters[list.Key];
        var used = result.Select(Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var item in mine.Where(i => !byIdOriginal.ContainsKey(Id(i))))
        {
            var added = item;
            if (!used.Add(Id(item)))
            {
                added = idPart.Set(item, ItemIds.Next(letter, used));
                used.Add(Id(added));
            }

            result.Add(added);
        }

        // If I reordered the items we both had and they did not, my order stands.
        var common = original.Select(Id).Where(byIdMine.ContainsKey).ToList();
        var mineOrder = mine.Select(Id).Where(common.Contains).ToList();
        var theirsOrder = theirs.Select(Id).Where(common.Contains).ToList();
        if (!mineOrder.SequenceEqual(common) && theirsOrder.SequenceEqual(common.Where(theirsOrder.Contains)))
        {
            var rank = mine.Select((item, i) => (Id(item), i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.Ordinal);
            var slots = result.Select((item, i) => (item, i)).Where(x => rank.ContainsKey(Id(x.item)) && common.Contains(Id(x.item))).Select(x => x.i).ToList();
            var reordered = slots.Select(i => result[i]).OrderBy(item => rank[Id(item)]).ToList();
            for (var k = 0; k < slots.Count; k++)
            {
                result[slots[k]] = reordered[k];
            }
        }

        return result;
    }
}
