using Risks.Core.Domain;

namespace Risks.Core.Changes;

/// <summary>The result of re-applying edits: the merged risk, and the fields both sides changed differently (where the edits won).</summary>
public sealed record MergeResult(Risk Merged, IReadOnlyList<string> Overlaps);

/// <summary>
/// Re-applies one person's edits on top of a version someone else saved meanwhile: a three-way,
/// field-level merge. A field only one side changed takes that side's value; a field both changed
/// differently takes the edits' value and is reported. Lists of names merge as additions and
/// removals; controls, gaps, assurances and actions merge item by item, matched by id.
/// </summary>
public static class RiskMerge
{
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
        var o = original;
        var m = mine;
        var t = theirs;
        var merged = t with
        {
            Id = Pick("id", o.Id, m.Id, t.Id, overlaps),
            Kind = Pick("kind", o.Kind, m.Kind, t.Kind, overlaps),
            Title = Pick("title", o.Title, m.Title, t.Title, overlaps),
            Narrative = new Narrative
            {
                Cause = Pick("narrative.cause", o.Narrative.Cause, m.Narrative.Cause, t.Narrative.Cause, overlaps),
                Event = Pick("narrative.event", o.Narrative.Event, m.Narrative.Event, t.Narrative.Event, overlaps),
                Effect = Pick("narrative.effect", o.Narrative.Effect, m.Narrative.Effect, t.Narrative.Effect, overlaps),
            },
            KeyElements = Names(o.KeyElements, m.KeyElements, t.KeyElements),
            Category = Pick("category", o.Category, m.Category, t.Category, overlaps),
            Status = Pick("status", o.Status, m.Status, t.Status, overlaps),
            Closure = Pick("closure", o.Closure, m.Closure, t.Closure, overlaps),
            Owner = Pick("owner", o.Owner, m.Owner, t.Owner, overlaps),
            Leads = Names(o.Leads, m.Leads, t.Leads),
            Directorate = Pick("directorate", o.Directorate, m.Directorate, t.Directorate, overlaps),
            Committees = Names(o.Committees, m.Committees, t.Committees),
            Objectives = Names(o.Objectives, m.Objectives, t.Objectives),
            LinkedRisks = Names(o.LinkedRisks, m.LinkedRisks, t.LinkedRisks),
            ExternalRefs = Names(o.ExternalRefs, m.ExternalRefs, t.ExternalRefs),
            Inherent = Scores("inherent", o.Inherent, m.Inherent, t.Inherent, overlaps),
            Current = Scores("current", o.Current, m.Current, t.Current, overlaps),
            Target = Scores("target", o.Target, m.Target, t.Target, overlaps),
            TargetDate = Pick("target_date", o.TargetDate, m.TargetDate, t.TargetDate, overlaps),
            Response = Pick("response", o.Response, m.Response, t.Response, overlaps),
            Performance = Pick("performance", o.Performance, m.Performance, t.Performance, overlaps),
            Trajectory = Pick("trajectory", o.Trajectory, m.Trajectory, t.Trajectory, overlaps),
            Controls = Items("controls", ItemIds.Letters["controls"], o.Controls, m.Controls, t.Controls, c => c.Id, (c, id) => c with { Id = id }, MergeControl, overlaps),
            Gaps = Items("gaps", ItemIds.Letters["gaps"], o.Gaps, m.Gaps, t.Gaps, g => g.Id, (g, id) => g with { Id = id }, MergeGap, overlaps),
            Assurances = Items("assurances", ItemIds.Letters["assurances"], o.Assurances, m.Assurances, t.Assurances, a => a.Id, (a, id) => a with { Id = id }, MergeAssurance, overlaps),
            Actions = Items("actions", ItemIds.Letters["actions"], o.Actions, m.Actions, t.Actions, a => a.Id, (a, id) => a with { Id = id }, MergeAction, overlaps),
            LastReviewed = Pick("last_reviewed", o.LastReviewed, m.LastReviewed, t.LastReviewed, overlaps),
            NextReview = Pick("next_review", o.NextReview, m.NextReview, t.NextReview, overlaps),
        };
        return new MergeResult(merged, overlaps);
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

    private static Score? Scores(string part, Score? original, Score? mine, Score? theirs, List<string> overlaps)
    {
        if (original is null || mine is null || theirs is null)
        {
            return Pick(part, original, mine, theirs, overlaps);
        }

        return new Score(
            Pick($"{part}.impact", original.Impact, mine.Impact, theirs.Impact, overlaps),
            Pick($"{part}.likelihood", original.Likelihood, mine.Likelihood, theirs.Likelihood, overlaps))
        {
            Rationale = Pick($"{part}.rationale", original.Rationale, mine.Rationale, theirs.Rationale, overlaps),
        };
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

    private static IReadOnlyList<T> Items<T>(
        string list,
        string letter,
        IReadOnlyList<T> original,
        IReadOnlyList<T> mine,
        IReadOnlyList<T> theirs,
        Func<T, string> id,
        Func<T, string, T> withId,
        Func<string, T, T, T, List<string>, T> merge,
        List<string> overlaps)
    {
        if (mine.SequenceEqual(original))
        {
            return theirs;
        }

        if (theirs.SequenceEqual(original))
        {
            return mine;
        }

        var byIdOriginal = original.GroupBy(id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byIdMine = mine.GroupBy(id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var result = new List<T>();
        foreach (var item in theirs)
        {
            var key = id(item);
            if (byIdOriginal.TryGetValue(key, out var was) && !byIdMine.ContainsKey(key))
            {
                // I removed it: it goes, unless they changed it meanwhile.
                if (!EqualityComparer<T>.Default.Equals(item, was))
                {
                    overlaps.Add($"{list}[{key}]");
                    result.Add(item);
                }

                continue;
            }

            result.Add(byIdOriginal.TryGetValue(key, out var before) && byIdMine.TryGetValue(key, out var edited)
                ? merge($"{list}[{key}]", before, edited, item, overlaps)
                : item);
        }

        var used = result.Select(id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var item in mine.Where(i => !byIdOriginal.ContainsKey(id(i))))
        {
            var added = item;
            if (!used.Add(id(item)))
            {
                added = withId(item, ItemIds.Next(letter, used));
                used.Add(id(added));
            }

            result.Add(added);
        }

        // If I reordered the items we both had and they did not, my order stands.
        var common = original.Select(id).Where(byIdMine.ContainsKey).ToList();
        var mineOrder = mine.Select(id).Where(common.Contains).ToList();
        var theirsOrder = theirs.Select(id).Where(common.Contains).ToList();
        if (!mineOrder.SequenceEqual(common) && theirsOrder.SequenceEqual(common.Where(theirsOrder.Contains)))
        {
            var rank = mine.Select((item, i) => (id(item), i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.Ordinal);
            var slots = result.Select((item, i) => (item, i)).Where(x => rank.ContainsKey(id(x.item)) && common.Contains(id(x.item))).Select(x => x.i).ToList();
            var reordered = slots.Select(i => result[i]).OrderBy(item => rank[id(item)]).ToList();
            for (var k = 0; k < slots.Count; k++)
            {
                result[slots[k]] = reordered[k];
            }
        }

        return result;
    }

    private static Control MergeControl(string path, Control o, Control m, Control t, List<string> overlaps) => t with
    {
        Text = Pick($"{path}.text", o.Text, m.Text, t.Text, overlaps),
        Owner = Pick($"{path}.owner", o.Owner, m.Owner, t.Owner, overlaps),
        Effectiveness = Pick($"{path}.effectiveness", o.Effectiveness, m.Effectiveness, t.Effectiveness, overlaps),
    };

    private static Gap MergeGap(string path, Gap o, Gap m, Gap t, List<string> overlaps) => t with
    {
        Type = Pick($"{path}.type", o.Type, m.Type, t.Type, overlaps),
        Text = Pick($"{path}.text", o.Text, m.Text, t.Text, overlaps),
    };

    private static Assurance MergeAssurance(string path, Assurance o, Assurance m, Assurance t, List<string> overlaps) => t with
    {
        Text = Pick($"{path}.text", o.Text, m.Text, t.Text, overlaps),
        Line = Pick($"{path}.line", o.Line, m.Line, t.Line, overlaps),
        Source = Pick($"{path}.source", o.Source, m.Source, t.Source, overlaps),
        Rating = Pick($"{path}.rating", o.Rating, m.Rating, t.Rating, overlaps),
        Outcome = Pick($"{path}.outcome", o.Outcome, m.Outcome, t.Outcome, overlaps),
        Key = Pick($"{path}.key", o.Key, m.Key, t.Key, overlaps),
        Date = Pick($"{path}.date", o.Date, m.Date, t.Date, overlaps),
    };

    private static RiskAction MergeAction(string path, RiskAction o, RiskAction m, RiskAction t, List<string> overlaps) => t with
    {
        Text = Pick($"{path}.text", o.Text, m.Text, t.Text, overlaps),
        Owner = Pick($"{path}.owner", o.Owner, m.Owner, t.Owner, overlaps),
        Due = Pick($"{path}.due", o.Due, m.Due, t.Due, overlaps),
        Status = Pick($"{path}.status", o.Status, m.Status, t.Status, overlaps),
        Completed = Pick($"{path}.completed", o.Completed, m.Completed, t.Completed, overlaps),
        Update = Pick($"{path}.update", o.Update, m.Update, t.Update, overlaps),
    };
}
