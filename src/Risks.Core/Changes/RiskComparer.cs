using System.Globalization;
using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Core.Changes;

/// <summary>Compares two versions of a risk field by field.</summary>
public sealed class RiskComparer
{
    private readonly RegisterSettings? _settings;
    private readonly List<FieldChange> _changes = [];

    private RiskComparer(RegisterSettings? settings) => _settings = settings;

    /// <summary>
    /// The changes from <paramref name="before"/> to <paramref name="after"/>, in file order.
    /// A null <paramref name="before"/> is a new risk; a null <paramref name="after"/> a removed one.
    /// </summary>
    public static IReadOnlyList<FieldChange> Compare(Risk? before, Risk? after, RegisterSettings? settings = null)
    {
        if (before is null && after is null)
        {
            return [];
        }

        var comparer = new RiskComparer(settings);
        if (before is null)
        {
            var score = after!.Current is { } c ? $", current score {c.Value}" : "";
            comparer.Add("", "risk", ChangeKind.Added, null, after.Id.Value, $"new risk{score}");
        }
        else if (after is null)
        {
            comparer.Add("", "risk", ChangeKind.Removed, before.Id.Value, null, "risk removed from the register");
        }
        else
        {
            comparer.Walk(before, after);
        }

        return comparer._changes;
    }

    private void Walk(Risk a, Risk b)
    {
        if (a.Id != b.Id)
        {
            Scalar("id", "id", a.Id.Value, b.Id.Value);
        }

        Scalar("kind", "kind", Word(a.Kind), Word(b.Kind));
        Line("title", "title", a.Title, b.Title);
        Prose("narrative.cause", L("narrative.cause"), a.Narrative.Cause, b.Narrative.Cause);
        Prose("narrative.event", L("narrative.event"), a.Narrative.Event, b.Narrative.Event);
        Prose("narrative.effect", L("narrative.effect"), a.Narrative.Effect, b.Narrative.Effect);
        Strings("key_elements", "key element", a.KeyElements, b.KeyElements, s => s);
        Scalar("category", "category", a.Category, b.Category);
        Status(a, b);
        Scalar("owner", "owner", Name(a.Owner), Name(b.Owner), a.Owner, b.Owner);
        Strings("leads", "lead", a.Leads, b.Leads, Name);
        Scalar("directorate", "directorate", a.Directorate, b.Directorate);
        Strings("committees", "committee", a.Committees, b.Committees, s => s);
        Strings("objectives", "objective", a.Objectives, b.Objectives, Objective);
        Strings("linked_risks", "linked risk", a.LinkedRisks, b.LinkedRisks, s => s);
        Strings("external_refs", "external reference", a.ExternalRefs, b.ExternalRefs, s => s);
        Score("inherent", a.Inherent, b.Inherent);
        Score("current", a.Current, b.Current);
        Score("target", a.Target, b.Target);
        Scalar("target_date", "target date", Date(a.TargetDate), Date(b.TargetDate));
        Scalar("response", "response", Word(a.Response), Word(b.Response));
        Prose("performance", "performance", a.Performance, b.Performance);
        Scalar("trajectory", "trajectory", Word(a.Trajectory), Word(b.Trajectory));
        Items("controls", "control", a.Controls, b.Controls, c => c.Id, c => c.Text, (path, label, x, y) =>
        {
            Prose(path + ".text", L(path + ".text"), x.Text, y.Text);
            Scalar(path + ".owner", L(path + ".owner"), Name(x.Owner), Name(y.Owner), x.Owner, y.Owner);
            Scalar(path + ".effectiveness", L(path + ".effectiveness"), Phrase(x.Effectiveness), Phrase(y.Effectiveness));
        });
        Items("gaps", "gap", a.Gaps, b.Gaps, g => g.Id, g => g.Text, (path, label, x, y) =>
        {
            Scalar(path + ".type", L(path + ".type"), Word(x.Type), Word(y.Type));
            Prose(path + ".text", L(path + ".text"), x.Text, y.Text);
        });
        Items("assurances", "assurance", a.Assurances, b.Assurances, s => s.Id, s => s.Text, (path, label, x, y) =>
        {
            Prose(path + ".text", L(path + ".text"), x.Text, y.Text);
            Scalar(path + ".line", L(path + ".line"), Number(x.Line), Number(y.Line));
            Scalar(path + ".source", L(path + ".source"), Word(x.Source), Word(y.Source));
            Scalar(path + ".rating", L(path + ".rating"), Word(x.Rating), Word(y.Rating));
            Scalar(path + ".outcome", L(path + ".outcome"), Word(x.Outcome), Word(y.Outcome));
            Scalar(path + ".key", L(path + ".key"), x.Key ? "yes" : "no", y.Key ? "yes" : "no");
            Scalar(path + ".date", L(path + ".date"), Date(x.Date), Date(y.Date));
        });
        Items("actions", "action", a.Actions, b.Actions, x => x.Id, Describe, (path, label, x, y) =>
        {
            Prose(path + ".text", L(path + ".text"), x.Text, y.Text);
            Scalar(path + ".owner", L(path + ".owner"), Name(x.Owner), Name(y.Owner), x.Owner, y.Owner);
            Scalar(path + ".due", L(path + ".due"), Date(x.Due), Date(y.Due));
            Scalar(path + ".status", L(path + ".status"), Phrase(x.Status), Phrase(y.Status));
            Scalar(path + ".completed", L(path + ".completed"), Date(x.Completed), Date(y.Completed));
            Prose(path + ".update", L(path + ".update"), x.Update, y.Update, showNew: true);
        });
        Review(a.LastReviewed, b.LastReviewed);
        Scalar("next_review", "next review", Date(a.NextReview), Date(b.NextReview));

        // The register's own fields, by their labels (a minimal comparison until the schema's comparison lands).
        foreach (var key in a.Custom.Keys.Union(b.Custom.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var path = $"{Schema.RiskSchema.CustomKey}.{key}";
            Scalar(path, FieldNames.Label(path, b, _settings), a.Custom.GetValueOrDefault(key)?.ToString(), b.Custom.GetValueOrDefault(key)?.ToString());
        }
    }

    private void Status(Risk a, Risk b)
    {
        if (a.Status != b.Status)
        {
            var description = b.Status switch
            {
                RiskStatus.Closed => "closed" + Because(b.Closure?.Rationale),
                RiskStatus.Merged => $"merged into {b.Closure?.MergedInto}" + Because(b.Closure?.Rationale),
                _ => $"reopened (was {Word(a.Status)})",
            };
            Add("status", "status", ChangeKind.Changed, Word(a.Status), Word(b.Status), description);
            return;
        }

        Scalar("closure.date", L("closure.date"), Date(a.Closure?.Date), Date(b.Closure?.Date));
        Prose("closure.rationale", L("closure.rationale"), a.Closure?.Rationale, b.Closure?.Rationale);
        Scalar("closure.merged_into", L("closure.merged_into"), a.Closure?.MergedInto, b.Closure?.MergedInto);
    }

    private void Score(string path, Score? a, Score? b)
    {
        if (a is null && b is null)
        {
            return;
        }

        if (a is null)
        {
            Add(path, path + " score", ChangeKind.Added, null, b!.ToString(), $"{path} score set to {b.Value} ({b.Impact} x {b.Likelihood})");
        }
        else if (b is null)
        {
            Add(path, path + " score", ChangeKind.Removed, a.ToString(), null, $"{path} score removed (was {a.Value})");
        }
        else
        {
            Scalar(path + ".impact", L(path + ".impact"), Number(a.Impact), Number(b.Impact));
            Scalar(path + ".likelihood", L(path + ".likelihood"), Number(a.Likelihood), Number(b.Likelihood));
        }

        Prose(path + ".rationale", L(path + ".rationale"), a?.Rationale, b?.Rationale);
    }

    private void Review(Review? a, Review? b)
    {
        if (a == b || b is null)
        {
            if (a is not null && b is null)
            {
                Add("last_reviewed", "last review", ChangeKind.Removed, Date(a.Date), null, "last review removed");
            }

            return;
        }

        Add("last_reviewed", "last review", a is null ? ChangeKind.Added : ChangeKind.Changed, a is null ? null : $"{Date(a.Date)} {a.By}", $"{Date(b.Date)} {b.By}",
            $"reviewed {Date(b.Date)} by {Name(b.By)}");
    }

    private void Items<T>(
        string list,
        string noun,
        IReadOnlyList<T> before,
        IReadOnlyList<T> after,
        Func<T, string> id,
        Func<T, string> describe,
        Action<string, string, T, T> compare)
    {
        var old = before.GroupBy(id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.GroupBy(id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var item in before)
        {
            var key = id(item);
            if (!now.ContainsKey(key))
            {
                Add($"{list}[{key}]", $"{noun} {key}", ChangeKind.Removed, describe(item), null, $"{noun} {key} removed: {Brief(describe(item))}");
            }
        }

        foreach (var item in after)
        {
            var key = id(item);
            if (old.TryGetValue(key, out var was))
            {
                compare($"{list}[{key}]", $"{noun} {key}", was, item);
            }
            else
            {
                Add($"{list}[{key}]", $"{noun} {key}", ChangeKind.Added, null, describe(item), $"{noun} added: {Brief(describe(item))}");
            }
        }

        var keptBefore = before.Select(id).Where(now.ContainsKey).ToList();
        var keptAfter = after.Select(id).Where(old.ContainsKey).ToList();
        if (!keptBefore.SequenceEqual(keptAfter, StringComparer.Ordinal))
        {
            Add(list, list.Replace('_', ' '), ChangeKind.Reordered, string.Join(", ", keptBefore), string.Join(", ", keptAfter), $"{list.Replace('_', ' ')} reordered");
        }
    }

    private void Strings(string list, string noun, IReadOnlyList<string> before, IReadOnlyList<string> after, Func<string, string> show)
    {
        foreach (var removed in before.Except(after, StringComparer.Ordinal))
        {
            Add(list, list.Replace('_', ' '), ChangeKind.Removed, removed, null, $"{noun} removed: {show(removed)}");
        }

        foreach (var added in after.Except(before, StringComparer.Ordinal))
        {
            Add(list, list.Replace('_', ' '), ChangeKind.Added, null, added, $"{noun} added: {show(added)}");
        }
    }

    private void Scalar(string path, string label, string? a, string? b, string? rawA = null, string? rawB = null)
    {
        if (string.Equals(rawA ?? a, rawB ?? b, StringComparison.Ordinal))
        {
            return;
        }

        if (string.IsNullOrEmpty(a))
        {
            Add(path, label, ChangeKind.Added, null, rawB ?? b, $"{label} set to {b}");
        }
        else if (string.IsNullOrEmpty(b))
        {
            Add(path, label, ChangeKind.Removed, rawA ?? a, null, $"{label} removed (was {a})");
        }
        else
        {
            Add(path, label, ChangeKind.Changed, rawA ?? a, rawB ?? b, $"{label} {a} -> {b}");
        }
    }

    private void Line(string path, string label, string? a, string? b)
    {
        if (string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
        {
            return;
        }

        Scalar(path, label, a is null ? null : Text.Quote(a), b is null ? null : Text.Quote(b), a, b);
    }

    private void Prose(string path, string label, string? a, string? b, bool showNew = false)
    {
        if (string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
        {
            return;
        }

        var kind = string.IsNullOrEmpty(a) ? ChangeKind.Added : string.IsNullOrEmpty(b) ? ChangeKind.Removed : ChangeKind.Changed;
        var description = kind switch
        {
            ChangeKind.Removed => $"{label} removed",
            _ when showNew => $"{label}: {Text.Brief(b!)}",
            ChangeKind.Added => $"{label} added",
            _ => $"{label} updated",
        };
        Add(path, label, kind, a, b, description);
    }

    private void Add(string path, string label, ChangeKind kind, string? before, string? after, string description) =>
        _changes.Add(new FieldChange(path, kind, before, after, description) { Label = label });

    /// <summary>A field's one name (<see cref="FieldNames"/>).</summary>
    private static string L(string path) => FieldNames.Label(path);

    private string Name(string? login) => login is null ? "" : _settings?.NameOf(login) ?? login;

    private string Objective(string id) =>
        _settings?.FindObjective(id) is { ShortTitle.Length: > 0 } o ? $"{id} ({o.ShortTitle})" : id;

    private static string Describe(RiskAction action) =>
        action.Due is { } due ? $"{action.Text} (due {Rules.Iso(due)})" : action.Text;

    /// <summary>Shortens an item's description for a headline, keeping its due date whole: <c>Report to ... (due 2025-06-30)</c>.</summary>
    private static string Brief(string described)
    {
        var due = described.LastIndexOf(" (due ", StringComparison.Ordinal);
        return due > 0 && described.EndsWith(')') && !described[..due].Contains('\n', StringComparison.Ordinal)
            ? Text.Brief(described[..due], Math.Max(20, 60 - (described.Length - due))) + described[due..]
            : Text.Brief(described);
    }

    private static string Because(string? rationale) =>
        string.IsNullOrWhiteSpace(rationale) ? "" : ": " + Text.Brief(rationale);

    private static string? Word<T>(T? value) where T : struct, Enum => value is { } v ? Vocabulary.Word(v) : null;

    private static string Word<T>(T value) where T : struct, Enum => Vocabulary.Word(value);

    private static string Phrase<T>(T value) where T : struct, Enum => Vocabulary.Phrase(value);

    private static string? Phrase<T>(T? value) where T : struct, Enum => value is { } v ? Vocabulary.Phrase(v) : null;

    private static string? Date(DateOnly? date) => date is { } d ? Rules.Iso(d) : null;

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
