using System.Globalization;
using System.Text.RegularExpressions;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Schema;

namespace Risks.App;

/// <summary>
/// Every field of a risk as the risk screen shows and edits it: the rows, and setting a field from
/// what was typed or chosen. Both walk the risk's schema (<see cref="RiskSchema.For"/>), so a field
/// declared there, the register's own included, is shown and edited by its type with no code of
/// its own here. Parsing errors name the field, as <c>risks check</c> does; everything else is
/// checked by the register's validators on the whole risk.
/// </summary>
public static partial class RiskFields
{
    /// <summary>
    /// The screen's layout: the sections and the fields under each, by key. It differs from the
    /// file's order where the board reads a risk differently (title first, scores together).
    /// A field of the schema left out here is shown at the end of the first section, so none is hidden.
    /// </summary>
    private static readonly Place[] Layout =
    [
        new("title"), new("kind"), new("status"), new("closure", Depth: 1, When: r => r.Status != RiskStatus.Open || r.Closure is not null), new("category"), new("key_elements"),
        new(null, "narrative", "Narrative"), new("narrative"),
        new(null, "ownership", "Ownership"), new("owner"), new("leads"), new("lead_remits"), new("directorate"), new("committees"), new("objectives"), new("linked_risks"), new("not_on_baf"), new("external_refs"),
        new(null, "scores", "Scores"), new("inherent"), new("current"), new("target"), new("target_date"), new("tolerance_acceptance"), new("response"), new("trajectory"), new("performance"),
        new("controls"), new("gaps"), new("assurances"), new("actions"),
        new(null, "review", "Review"), new("last_reviewed"), new("next_review"), new("sign_off", When: r => r.SignOff is not null),
        new(RiskSchema.CustomKey),
    ];

    /// <summary>The rows of the risk screen, in order, for <paramref name="risk"/>.</summary>
    public static IReadOnlyList<FieldRow> Rows(Risk risk, RegisterSettings settings, IEnumerable<RiskId> others)
    {
        var context = new Context(risk, settings, others.Where(o => o.Identity != risk.Id.Identity).Select(o => o.Value).ToList());
        var fields = RiskSchema.For(settings);
        var rows = new List<FieldRow> { Heading("risk", $"{risk.Id} {risk.Title}") };
        var placed = Layout.Where(p => p.Key is not null).Select(p => p.Key!).ToHashSet(StringComparer.Ordinal);
        foreach (var place in Layout)
        {
            if (place.Key is null)
            {
                rows.Add(Heading(place.Path!, place.Caption!));
            }
            else if (fields.FirstOrDefault(f => f.Key == place.Key) is { } field && (place.When?.Invoke(risk) ?? true))
            {
                FieldRows(rows, context, field, place.Depth);
            }

            if (place.Key == "key_elements")
            {
                foreach (var unplaced in fields.Where(f => f.Key != "id" && !placed.Contains(f.Key)))
                {
                    FieldRows(rows, context, unplaced, 0);
                }
            }
        }

        return [.. rows.Select(r => r with { FullLabel = r.Kind == FieldKind.Heading ? r.Label : FieldNames.Label(r.Path, risk, settings) })];
    }

    /// <summary>A version of a risk as plain text, a field per line under its section headings, for reading (a past version, one side of a comparison).</summary>
    public static string Text(Risk risk, RegisterSettings settings)
    {
        var lines = new List<string>();
        foreach (var row in Rows(risk, settings, []))
        {
            if (row.Kind == FieldKind.Heading)
            {
                lines.Add("");
                lines.Add($"── {row.Label}");
            }
            else if (row.Value.Length > 0)
            {
                lines.Add($"{new string(' ', 2 * row.Depth)}{row.Label}: {row.Value.ReplaceLineEndings(" ")}");
            }
        }

        return string.Join('\n', lines).Trim('\n');
    }

    /// <summary>
    /// Sets the field at <paramref name="path"/> from <paramref name="input"/> (a blank input
    /// clears an optional field). Returns the changed risk, or the reason the input cannot be taken.
    /// Choices, such as categories and the register's own fields, are those of <paramref name="settings"/>.
    /// </summary>
    public static (Risk? Risk, string? Error) Set(Risk risk, string path, string input, RegisterSettings? settings = null)
    {
        try
        {
            return (Apply(risk, path, input, settings), null);
        }
        catch (FieldException ex)
        {
            return (null, FieldNames.Reword(path, ex.Message, risk, settings));
        }
    }

    /// <summary>Adds a new, empty item to a list after <paramref name="after"/> (or at the end); returns its index.</summary>
    public static (Risk Risk, int Index) AddItem(Risk risk, string list, int? after, DateOnly today)
    {
        var field = ItemsField(list) ?? throw new ArgumentException($"{list} is not a list of items", nameof(list));
        var items = field.ItemsOf(risk).ToList();
        var idPart = field.Part("id")!;
        var id = ItemIds.Next(ItemIds.Letters[list], items.Select(i => idPart.Text(i) ?? ""));
        var at = Math.Clamp(after is { } a ? a + 1 : items.Count, 0, items.Count);
        items.Insert(at, idPart.Set(field.Create!(), id));
        return ((Risk)field.Set(risk, items), at);
    }

    public static Risk RemoveItem(Risk risk, string list, int index)
    {
        if (ItemsField(list) is not { } field)
        {
            return risk;
        }

        return (Risk)field.Set(risk, field.ItemsOf(risk).Where((_, i) => i != index).ToList());
    }

    /// <summary>Moves an item up (-1) or down (+1); returns the risk and the item's new index.</summary>
    public static (Risk Risk, int Index) MoveItem(Risk risk, string list, int index, int step)
    {
        var to = index + step;
        if (ItemsField(list) is not { } field || to < 0 || to >= Count(risk, list) || index < 0)
        {
            return (risk, index);
        }

        var items = field.ItemsOf(risk).ToList();
        (items[index], items[to]) = (items[to], items[index]);
        return ((Risk)field.Set(risk, items), to);
    }

    public static int Count(Risk risk, string list) => ItemsField(list)?.ItemsOf(risk).Count ?? 0;

    private static Field? ItemsField(string list) =>
        RiskSchema.BuiltIn.FirstOrDefault(f => f.Key == list && f.Type == FieldType.Items);

    private static Risk Apply(Risk risk, string path, string input, RegisterSettings? settings)
    {
        var fields = RiskSchema.For(settings);
        var item = ItemPath().Match(path);
        if (item.Success)
        {
            var list = item.Groups["list"].Value;
            var index = int.Parse(item.Groups["index"].Value, CultureInfo.InvariantCulture);
            if (ItemsField(list) is not { } listField)
            {
                throw new FieldException($"{path} is not a field of a risk");
            }

            var items = listField.ItemsOf(risk);
            if (index >= items.Count)
            {
                throw new FieldException($"{list}[{index}] does not exist");
            }

            var part = listField.Part(item.Groups["part"].Value) ?? throw new FieldException($"{path} is not a field of {Article(listField.ItemNoun!)}");
            var changed = SetValue(items[index], part, path, input, settings);
            return (Risk)listField.Set(risk, items.Select((x, i) => i == index ? changed : x).ToList());
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            var field = fields.FirstOrDefault(f => f.Key == path && !f.HasParts) ?? throw new FieldException($"{path} is not a field of a risk");
            return (Risk)SetValue(risk, field, path, input, settings);
        }

        var group = fields.FirstOrDefault(f => f.Key == path[..dot] && f.IsGroup) ?? throw new FieldException($"{path} is not a field of a risk");
        var parts = group.Key == RiskSchema.CustomKey ? RiskSchema.CustomParts(settings, risk) : group.Parts;
        var key = path[(dot + 1)..];
        var partField = parts.FirstOrDefault(p => p.Key == key)
            ?? (group.Key == RiskSchema.CustomKey && CustomKey().IsMatch(key) ? RiskSchema.CustomPart(new CustomField { Key = key }) : null)
            ?? throw new FieldException($"{path} is not a field of a risk");
        var value = group.Get(risk);
        if (value is null)
        {
            if (IsBlank(input))
            {
                return risk;
            }

            if (group.Parts.Any(p => p.Starts) && !partField.Starts)
            {
                var starters = group.Parts.Where(p => p.Starts).Select(p => p.Label).ToList();
                throw new FieldException($"{path} needs the {group.Label}: set {Core.Domain.Text.All(starters)} first");
            }

            value = group.Create!();
        }

        var set = SetValue(value, partField, path, input, settings);
        var gone = (partField.Starts && IsBlank(input)) || (group.IsEmpty?.Invoke(set) ?? false);
        return (Risk)group.Set(risk, gone ? null : set);
    }

    /// <summary>The owner with one field set from what was typed: a list one entry per line, one value by its type.</summary>
    private static object SetValue(object owner, Field field, string path, string input, RegisterSettings? settings)
    {
        if (field.IsList)
        {
            return field.Set(owner, FieldValues.ListFromInput(input));
        }

        var (value, error) = FieldValues.FromInput(field, input, settings);
        var current = field.Text(owner);
        if (error is not null)
        {
            // A value the file already holds is kept as it is, even if no longer one of the choices.
            if (current is not null && string.Equals(FieldValues.FromInput(field with { Words = [current], Choices = ChoiceSource.Words }, input).Value, current, StringComparison.Ordinal))
            {
                return owner;
            }

            throw new FieldException(error.StartsWith(field.Path, StringComparison.Ordinal) ? path + error[field.Path.Length..] : error);
        }

        if (value is null && !field.Clearable && field.Type is FieldType.Choice or FieldType.YesNo)
        {
            // A choice that always has a value keeps it when nothing is chosen.
            return owner;
        }

        return field.Set(owner, value);
    }

    private static bool IsBlank(string input) => string.IsNullOrWhiteSpace(input);

    private static string Article(string noun) => "aeiou".Contains(noun[0], StringComparison.Ordinal) ? $"an {noun}" : $"a {noun}";

    /// <summary>The rows of one field of the risk: a heading and its parts for a group or list of items, a summary and parts for a score, else one row.</summary>
    private static void FieldRows(List<FieldRow> rows, Context c, Field field, int depth)
    {
        switch (field.Type)
        {
            case FieldType.Items:
                var items = field.ItemsOf(c.Risk);
                rows.Add(new FieldRow(field.Key, field.Caption, items.Count == 0 ? "none (press a to add one)" : $"{items.Count}", FieldKind.Heading) { List = field.Key, Help = field.Help });
                for (var i = 0; i < items.Count; i++)
                {
                    var path = $"{field.Key}[{i.ToString(CultureInfo.InvariantCulture)}]";
                    var text = field.Part("text")!;
                    rows.Add(Row(c, text, items[i], $"{path}.text") with { Label = field.Part("id")!.Text(items[i]) ?? "", List = field.Key, Item = i });
                    foreach (var part in field.Parts.Where(p => p.Key is not ("id" or "text")))
                    {
                        rows.Add(Row(c, part, items[i], $"{path}.{part.Key}") with { List = field.Key, Item = i, Depth = 1 });
                    }
                }

                break;
            case FieldType.Score:
                var score = (Score?)field.Get(c.Risk);
                var band = score is null ? null : c.Settings.Bands.For(score.Value);
                rows.Add(new FieldRow(field.Key, field.Caption, score is null ? "not set" : $"{score}  {Formats.Band(band)}", FieldKind.Summary) { Help = field.Help });
                var required = field.IsRequiredFor(c.Risk.Kind);
                foreach (var part in field.Parts.Where(p => score is not null || p.Starts))
                {
                    var row = Row(c, part, score, $"{field.Key}.{part.Key}") with { Depth = 1 };
                    if (part.Starts)
                    {
                        // A score that must be given cannot be cleared a part at a time; one that need not be is cleared by either part.
                        var choices = row.Choices.Where(ch => ch.Value.Length > 0).ToList();
                        row = row with { Choices = required ? choices : [new Choice("", "(none: no score)"), .. choices], CanClear = !required };
                    }

                    rows.Add(row);
                }

                break;
            case FieldType.Group when field.Key == RiskSchema.CustomKey:
                var values = (IReadOnlyDictionary<string, CustomValue>)field.Get(c.Risk)!;
                var parts = RiskSchema.CustomParts(c.Settings, c.Risk).Where(p => !p.Retired || values.ContainsKey(p.Key)).ToList();
                if (parts.Count > 0)
                {
                    rows.Add(new FieldRow(field.Key, field.Caption, "", FieldKind.Heading) { Help = field.Help });
                    foreach (var part in parts)
                    {
                        var row = Row(c, part, values, part.Path) with { Depth = depth };
                        var mark = c.Settings.FindCustomField(part.Key) is null ? " (not declared)" : part.Retired ? " (retired)" : "";
                        rows.Add(row with { Label = row.Label + mark });
                    }
                }

                break;
            case FieldType.Group:
                var value = field.Get(c.Risk);
                foreach (var part in field.Parts)
                {
                    rows.Add(Row(c, part, value, part.Path) with { Depth = depth });
                }

                break;
            default:
                rows.Add(Row(c, field, c.Risk, field.Path) with { Depth = depth });
                break;
        }
    }

    /// <summary>One field's row, edited by its type: a pick list of its choices, people, objectives or risks; a date; text.</summary>
    private static FieldRow Row(Context c, Field field, object? owner, string path)
    {
        var row = field.IsList ? ListRow(c, field, owner is null ? [] : field.List(owner), path) : OneRow(c, field, owner is null ? null : field.Text(owner), path);
        return row with { CanClear = row.CanClear && field.Clearable, Help = field.Help };
    }

    private static FieldRow ListRow(Context c, Field field, IReadOnlyList<string> values, string path)
    {
        var s = c.Settings;
        return field.Type switch
        {
            FieldType.Person => Multi(path, field.Caption, values, People(s), s.NameOf) with { NoChoices = Guidance.NoPeople },
            FieldType.Objective => Multi(
                path,
                field.Caption,
                values,
                // A retired objective is offered only to the risks that still name it, so it can be taken off them.
                s.Objectives.Where(o => !o.Retired || values.Contains(o.Id, StringComparer.Ordinal))
                    .Select(o => new Choice(o.Id, $"{o.Id} {(o.ShortTitle.Length > 0 ? o.ShortTitle : Core.Domain.Text.Brief(o.Title, 40))}{(o.Retired ? " (retired)" : "")}")).ToList(),
                id => s.FindObjective(id) is { } o ? $"{o.Id} {o.ShortTitle}" : id) with { NoChoices = Guidance.NoObjectives },
            FieldType.RiskId => Multi(path, field.Caption, values, c.Others.Select(o => new Choice(o, o)).ToList(), id => id) with
            {
                NoChoices = "There are no other risks in the register to link to yet.",
            },
            _ => new FieldRow(path, field.Caption, string.Join("; ", values), FieldKind.Lines) { Raw = string.Join('\n', values) },
        };
    }

    private static FieldRow OneRow(Context c, Field field, string? value, string path)
    {
        var s = c.Settings;
        var shown = FieldValues.Show(field, value, s);
        switch (field.Type)
        {
            case FieldType.Date:
                return new FieldRow(path, field.Caption, shown, FieldKind.Date) { Raw = shown };
            case FieldType.LongText:
                return new FieldRow(path, field.Caption, value ?? "", FieldKind.LongText) { Raw = value ?? "" };
            case FieldType.YesNo:
                return Pick(path, field.Caption, shown, shown, [new Choice("yes", "yes"), new Choice("no", "no")], field.Clearable);
            case FieldType.Person:
                return Pick(path, field.Caption, value is null ? "" : shown, value ?? "", People(s), field.Clearable) with { NoChoices = Guidance.NoPeople };
            case FieldType.Text when field.Path == "actions[].gap":
                // An action closes one of its own risk's gaps: chosen from them, each with its words.
                return Pick(path, field.Caption, value ?? "", value ?? "", [.. c.Risk.Gaps.Select(g => new Choice(g.Id, $"{g.Id} {Core.Domain.Text.Brief(g.Text, 50)}"))], field.Clearable) with
                {
                    NoChoices = "The risk has no gaps yet: add one under Gaps (a on the Gaps heading), then choose it here.",
                };
            case FieldType.Choice when FieldValues.ChoicesOf(field, s) is { Count: > 0 } words:
                return Pick(path, field.Caption, shown, value ?? "", words.Select(w => new Choice(w, field.IsCustom || field.Choices == ChoiceSource.Categories ? w : w.Replace('_', ' '))).ToList(), field.Clearable);
            case FieldType.Number when field is { Min: { } min, Max: { } max } && max - min < 10:
                var numbers = Enumerable.Range(min, max - min + 1).Select(n => n.ToString(CultureInfo.InvariantCulture));
                var phrase = (string v) => field.Phrase?.Invoke(v, s) ?? v;
                return Pick(path, field.Caption, value is null ? "" : phrase(value), value ?? "", numbers.Select(n => new Choice(n, phrase(n))).ToList(), field.Clearable);
            default:
                return new FieldRow(path, field.Caption, value ?? "", FieldKind.Text) { Raw = value ?? "" };
        }
    }

    /// <summary>A pick list, with "(none)" first when the field may be cleared; a value the file holds that is not a choice stays choosable, so it can be seen and changed.</summary>
    private static FieldRow Pick(string path, string label, string shown, string raw, IReadOnlyList<Choice> choices, bool clearable)
    {
        var all = choices.ToList();
        if (raw.Length > 0 && !all.Any(ch => ch.Value == raw))
        {
            all.Add(new Choice(raw, $"{raw} (unknown)"));
        }

        if (clearable)
        {
            all.Insert(0, new Choice("", "(none)"));
        }

        return new FieldRow(path, label, shown, FieldKind.Choice) { Raw = raw, Choices = all, CanClear = clearable };
    }

    private static FieldRow Multi(string path, string label, IReadOnlyList<string> values, IReadOnlyList<Choice> choices, Func<string, string> name)
    {
        // A value that is not among the choices (a typo in the file) stays choosable, so it can be seen and removed.
        var all = choices.Concat(values.Where(v => !choices.Any(c => c.Value == v)).Select(v => new Choice(v, $"{v} (unknown)"))).ToList();
        return new FieldRow(path, label, string.Join("; ", values.Select(name)), FieldKind.MultiChoice) { Raw = string.Join('\n', values), Choices = all };
    }

    private static List<Choice> People(RegisterSettings settings) =>
        settings.People.Select(p => new Choice(p.Login, $"{p.Name} ({p.Login}){(p.JobTitle is { } job ? ", " + job : "")}")).ToList();

    private static FieldRow Heading(string path, string label) => new(path, label, "", FieldKind.Heading);

    [GeneratedRegex(@"\A(?<list>[a-z_]+)\[(?<index>\d+)\]\.(?<part>[a-z_]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPath();

    [GeneratedRegex(@"\A[a-z][a-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex CustomKey();

    /// <summary>One place on the screen: a field by its key (at a depth, shown when <paramref name="When"/> holds), or a section's heading.</summary>
    private sealed record Place(string? Key, string? Path = null, string? Caption = null, int Depth = 0, Func<Risk, bool>? When = null);

    private sealed record Context(Risk Risk, RegisterSettings Settings, IReadOnlyList<string> Others);

    private sealed class FieldException(string message) : Exception(message);
}
