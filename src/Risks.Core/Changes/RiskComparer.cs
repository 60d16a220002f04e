using Risks.Core.Domain;
using Risks.Core.Schema;
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

    /// <summary>The fields to compare: the register's, with every key either version holds under <c>custom</c>.</summary>
    private static IReadOnlyList<Field> FieldsOf(RegisterSettings? settings, Risk a, Risk b) =>
        [.. RiskSchema.For(settings).Select(f => f.Key == RiskSchema.CustomKey ? f with { Parts = RiskSchema.CustomParts(settings, a, b) } : f)];

    private void Walk(Risk a, Risk b)
    {
        foreach (var field in FieldsOf(_settings, a, b))
        {
            switch (field.Key)
            {
                // Named hooks, for what is special: a change of status is worded with its closure,
                // which is compared only while the status stays the same; a review is one event.
                case "status":
                    Status(field, a, b);
                    continue;
                case "closure" when a.Status != b.Status:
                    continue;
                case "last_reviewed":
                    Review(a.LastReviewed, b.LastReviewed);
                    continue;
                case "sign_off":
                    SignOff(a.SignOff, b.SignOff);
                    continue;
            }

            Compare(field, null, a, b);
        }
    }

    /// <summary>Compares one field of two owners (the risk, or a group or item), worded as the field's <see cref="Wording"/> says.</summary>
    /// <param name="item">For a part of an item, the item's path and name (<c>actions[A3]</c>, "action A3"); null otherwise.</param>
    private void Compare(Field field, (string Path, string Label)? item, object a, object b)
    {
        if (field.Type == FieldType.Score)
        {
            Score(field, (Score?)field.Get(a), (Score?)field.Get(b));
            return;
        }

        switch (field.Wording)
        {
            case Wording.Parts when field.Type == FieldType.Items:
                Items(field, field.ItemsOf(a), field.ItemsOf(b));
                break;
            case Wording.Parts:
                var x = field.Get(a) ?? field.Create!();
                var y = field.Get(b) ?? field.Create!();
                foreach (var part in field.Parts)
                {
                    Compare(part, item, x, y);
                }

                break;
            case Wording.Entries:
                Strings(field, field.List(a), field.List(b));
                break;
            default:
                Value(field, item, field.Text(a), field.Text(b));
                break;
        }
    }

    /// <summary>Compares a field of one value, worded as the field's <see cref="Wording"/> says; nothing is made for a value that did not change (most of them).</summary>
    private void Value(Field field, (string Path, string Label)? item, string? was, string? now)
    {
        if (string.Equals(was, now, StringComparison.Ordinal))
        {
            return;
        }

        var path = item is { } i ? $"{i.Path}.{field.Key}" : field.Path;
        var label = item is { } j ? $"{j.Label} {field.Label}" : field.Label;
        switch (field.Wording)
        {
            case Wording.Line:
                Line(path, label, was, now);
                break;
            case Wording.Prose or Wording.ProseShowingNew:
                Prose(path, label, was, now, field.Wording == Wording.ProseShowingNew);
                break;
            default:
                var (shownWas, shownNow) = (Show(field, was), Show(field, now));

                // People are kept by login, so a renamed person is still found; choices as shown.
                var kept = field.Type is FieldType.Choice or FieldType.YesNo;
                Scalar(path, label, shownWas, shownNow, kept ? shownWas : was, kept ? shownNow : now);
                break;
        }
    }

    private void Status(Field field, Risk a, Risk b)
    {
        if (a.Status != b.Status)
        {
            var description = b.Status switch
            {
                RiskStatus.Closed => "closed" + Because(b.Closure?.Rationale),
                RiskStatus.Merged => $"merged into {b.Closure?.MergedInto}" + Because(b.Closure?.Rationale),
                _ => $"reopened (was {field.Text(a)})",
            };
            Add(field.Path, field.Label, ChangeKind.Changed, field.Text(a), field.Text(b), description);
        }
    }

    /// <summary>A score set or removed is one change giving its parts; otherwise each part is compared.</summary>
    private void Score(Field field, Score? a, Score? b)
    {
        if (a is null && b is null)
        {
            return;
        }

        var path = field.Path;
        if (a is null)
        {
            Add(path, field.Label, ChangeKind.Added, null, b!.ToString(), $"{field.Label} set to {b.Value} ({b.Impact} x {b.Likelihood})");
        }
        else if (b is null)
        {
            Add(path, field.Label, ChangeKind.Removed, a.ToString(), null, $"{field.Label} removed (was {a.Value})");
        }

        var x = a ?? (Score)field.Create!();
        var y = b ?? (Score)field.Create!();
        foreach (var part in field.Parts.Where(p => a is not null && b is not null || p.Type != FieldType.Number))
        {
            Compare(part, null, x, y);
        }
    }

    /// <summary>A review is one event: who reviewed it and when, as one change.</summary>
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

    /// <summary>A sign-off is one event: who signed it off, and when.</summary>
    private void SignOff(Domain.SignOff? a, Domain.SignOff? b)
    {
        if (a == b)
        {
            return;
        }

        if (b is null)
        {
            Add("sign_off", "sign-off", ChangeKind.Removed, $"{a!.By} {Date(a.Date)}", null, "sign-off removed");
            return;
        }

        Add("sign_off", "sign-off", a is null ? ChangeKind.Added : ChangeKind.Changed, a is null ? null : $"{a.By} {Date(a.Date)}", $"{b.By} {Date(b.Date)}",
            $"signed off by {Name(b.By)}{(b.Date is { } on ? $" on {Date(on)}" : "")}{(b.Note is { } note ? $": {note}" : "")}");
    }

    /// <summary>Items matched by id: each removed or added one described, each kept one compared part by part, and any new order.</summary>
    private void Items(Field list, IReadOnlyList<object> before, IReadOnlyList<object> after)
    {
        var idPart = list.Part("id")!;
        string Id(object item) => idPart.Text(item) ?? "";
        var noun = list.ItemNoun!;
        var old = before.GroupBy(Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.GroupBy(Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var item in before)
        {
            var key = Id(item);
            if (!now.ContainsKey(key))
            {
                var described = Describe(list, item);
                Add($"{list.Key}[{key}]", $"{noun} {key}", ChangeKind.Removed, described, null, $"{noun} {key} removed: {Brief(described)}");
            }
        }

        foreach (var item in after)
        {
            var key = Id(item);
            if (old.TryGetValue(key, out var was))
            {
                var named = ($"{list.Key}[{key}]", $"{noun} {key}");
                foreach (var part in list.Parts)
                {
                    if (part != idPart)
                    {
                        Compare(part, named, was, item);
                    }
                }
            }
            else
            {
                var described = Describe(list, item);
                Add($"{list.Key}[{key}]", $"{noun} {key}", ChangeKind.Added, null, described, $"{noun} added: {Brief(described)}");
            }
        }

        var keptBefore = before.Select(Id).Where(now.ContainsKey).ToList();
        var keptAfter = after.Select(Id).Where(old.ContainsKey).ToList();
        if (!keptBefore.SequenceEqual(keptAfter, StringComparer.Ordinal))
        {
            Add(list.Key, list.Label, ChangeKind.Reordered, string.Join(", ", keptBefore), string.Join(", ", keptAfter), $"{list.Label} reordered");
        }
    }

    /// <summary>Each entry of a list added or removed, shown as the list's type shows it (a person by name, an objective with its short title).</summary>
    private void Strings(Field list, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var noun = list.EntryNoun ?? list.Label;
        foreach (var removed in before.Except(after, StringComparer.Ordinal))
        {
            Add(list.Path, list.Label, ChangeKind.Removed, removed, null, $"{noun} removed: {Show(list, removed)}");
        }

        foreach (var added in after.Except(before, StringComparer.Ordinal))
        {
            Add(list.Path, list.Label, ChangeKind.Added, null, added, $"{noun} added: {Show(list, added)}");
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

    /// <summary>
    /// A value as a change shows it: as <see cref="FieldValues.Show"/> shows it (a person by name,
    /// a choice in words), an objective with its short title, but a date as the file writes it
    /// (2025-06-30), as commit messages have always given dates.
    /// </summary>
    private string? Show(Field field, string? value) => field.Type switch
    {
        _ when string.IsNullOrEmpty(value) => field.Type == FieldType.YesNo ? "no" : value,
        FieldType.Date => value,
        FieldType.Objective => _settings?.FindObjective(value) is { ShortTitle.Length: > 0 } o ? $"{value} ({o.ShortTitle})" : value,
        _ => FieldValues.Show(field, value, _settings),
    };

    private string Name(string? login) => login is null ? "" : _settings?.NameOf(login) ?? login;

    /// <summary>An item as its addition or removal describes it: its text; a hook for an action, which gives its due date too.</summary>
    private static string Describe(Field list, object item)
    {
        var text = list.Part("text")?.Text(item) ?? "";
        return list.Key == "actions" && list.Part("due")?.Text(item) is { } due ? $"{text} (due {due})" : text;
    }

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

    private static string? Date(DateOnly? date) => date is { } d ? Rules.Iso(d) : null;

}
