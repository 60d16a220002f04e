using System.Globalization;
using System.Text.RegularExpressions;
using Risks.Core.Domain;
using Risks.Core.Schema;
using Risks.Core.Validation;

namespace Risks.Core.Exchange;

/// <summary>
/// Reads one spreadsheet row into a risk, walking the register's schema (<see cref="RiskSchema.For"/>)
/// as the map says, noting every cell it cannot read with its column and field. A field the row
/// does not give (no column in the file, no default) keeps the existing risk's value, or is empty
/// for a new risk. Adding a field to the schema needs nothing here.
/// </summary>
internal sealed partial class RowReader
{
    private const string IdPath = "id";

    private readonly ImportRow _row;
    private readonly ImportMap _map;
    private readonly RegisterSettings _settings;
    private readonly List<ImportProblem> _problems = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _itemIds = new(StringComparer.Ordinal);
    private bool _isNew = true;

    /// <param name="map">The map with only the columns the file has (<see cref="RiskImport"/> makes it).</param>
    public RowReader(ImportRow row, ImportMap map, RegisterSettings settings)
    {
        _row = row;
        _map = map;
        _settings = settings;
    }

    public IReadOnlyList<ImportProblem> Problems => _problems;

    /// <summary>The row's risk id, or null (with a problem) when it has none that can be used.</summary>
    public RiskId? Id()
    {
        if (!Cell("id", out var text) || text is null)
        {
            Issue("id", $"id is required: the risk's id, such as BAF-07{(_map.IdPrefix is null ? "" : " or a number")}");
            return null;
        }

        var value = text.ToUpperInvariant();
        if (_map.IdPrefix is { } prefix && value.All(char.IsAsciiDigit))
        {
            value = $"{prefix}-{value.PadLeft(_map.IdDigits, '0')}";
        }

        if (RiskId.TryParse(value, out var id))
        {
            return id;
        }

        var hint = _map.IdPrefix is null && text.All(char.IsAsciiDigit) ? "; to make ids from numbers, give the map an id prefix (ids: prefix: CRR)" : "";
        Problem("id", $"{Text.Quote(text)} is not a risk id: {RiskId.Rules}{hint}");
        return null;
    }

    /// <summary>
    /// The risk the row gives, on top of <paramref name="existing"/> (the register's risk with this
    /// id, if any): each field of the register's schema that has a column, read from its cell as
    /// a person would type it, the others (and any the row does not give) kept as they are.
    /// </summary>
    public Risk Read(RiskId id, Risk? existing)
    {
        _isNew = existing is null;
        var risk = existing is null ? new Risk { Id = id } : existing with { Id = id };
        foreach (var field in RiskSchema.For(_settings))
        {
            if (field.Path == IdPath)
            {
                continue;
            }

            risk = (Risk)(field.Type == FieldType.Items ? ReadItems(field, risk)
                : field.IsGroup ? ReadGroup(field, risk)
                : ReadField(field, risk));
        }

        return risk;
    }

    /// <summary>A field of its own column: a value or a list. A choice that cannot be empty (kind, status) is reported when the row leaves it without one.</summary>
    private object ReadField(Field field, object owner)
    {
        if (!ReadCell(field, out var value))
        {
            if (_isNew)
            {
                RequireChoice(field, null);
            }

            return owner;
        }

        RequireChoice(field, value);
        return field.Set(owner, value);
    }

    /// <summary>
    /// A group (the narrative, the closure, a score, the last review, the register's own fields):
    /// its parts read from their cells onto the group as it is, or a new one; kept as it is when the
    /// row gives none of them. A group that is empty is left out, and one whose starting parts (a
    /// score's impact and likelihood, a review's date) are not all given is not made, with a problem
    /// when another of its parts is.
    /// </summary>
    private object ReadGroup(Field group, object owner)
    {
        var value = group.Get(owner);
        var given = false;
        if (group.Type == FieldType.Score && Cell(group.Path, out var whole))
        {
            // A map may give a whole score in one cell: "Major / Likely", "4 x 3".
            given = true;
            var (impact, likelihood) = whole is null ? (null, null) : ParseScore(group.Path, whole);
            var levels = group.Parts.Where(p => p.Starts).ToList();
            value = levels[0].Set(value ?? group.Create!(), Number(impact));
            value = levels[1].Set(value, Number(likelihood));
        }

        foreach (var part in group.Parts.Where(p => p.Column is not null))
        {
            if (ReadCell(part, out var read, level: group.Type == FieldType.Score && part.Starts))
            {
                given = true;
                value = part.Set(value ?? group.Create!(), read);
            }
        }

        if (!given)
        {
            return owner;
        }

        if (value is not null && group.IsEmpty?.Invoke(value) == true)
        {
            value = null;
        }

        if (value is not null && group.Parts.FirstOrDefault(p => p.Starts && p.Get(value) is null) is { } missing)
        {
            if (!ReportedWithin(group.Path) && group.Parts.FirstOrDefault(p => p.Get(value) is not null) is { } present)
            {
                Problem(missing.Path, Incomplete(group, missing, present));
            }

            value = null;
        }

        return group.Set(owner, value);
    }

    /// <summary>Why a group with a part given but a starting part missing is not made: "current.impact is required with the likelihood: ...".</summary>
    private static string Incomplete(Field group, Field missing, Field present)
    {
        if (group.Type != FieldType.Score)
        {
            return $"{missing.Path} is required with {present.Path}: the {missing.Key} of the {group.Caption.ToLowerInvariant()}";
        }

        var levels = group.Parts.Where(p => p.Starts).ToList();
        return present.Starts
            ? $"{missing.Path} is required with the {present.Key}: a score is {Text.All(levels.Select(p => p.Key).ToList())}, each {missing.Min}-{missing.Max}"
            : $"{present.Path} needs a score: {Text.All(levels.Select(p => p.Path).ToList())}";
    }

    /// <summary>
    /// The items a cell lists, one per line (see <see cref="ItemCells"/>), each line's parts in the
    /// order of the item's parts in the schema. A line without a bar is an item's text alone and gets
    /// the next free id; a choice an item cannot be without (a gap's type, an action's status) that
    /// the line leaves out is its first word.
    /// </summary>
    private object ReadItems(Field list, object owner)
    {
        if (!Cell(list.Path, out var cell))
        {
            return owner;
        }

        var lines = cell is null ? [] : ItemCells.Split(cell);
        var used = lines.Where(l => l.Count > 1).Select(l => l[0]).ToList();
        var ids = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            ids.Add(line.Count > 1 ? line[0] : ItemIds.Next(ItemIds.Letters[list.Key], used));
            used.Add(ids[^1]);
        }

        _itemIds[list.Key] = ids;
        var textPart = ItemCells.TextPart(list);
        var items = new List<object>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i];
            var path = $"{list.Path}[{i}]";
            if (parts.Count > list.Parts.Count)
            {
                var noun = list.ItemNoun ?? list.Key;
                var article = "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";
                Problem(path, $"the line has {parts.Count} parts separated by |, but {article} {noun} has at most {list.Parts.Count} ({ItemCells.Layout(list)}); write a bar within a text as \\|");
            }

            var item = list.Create!();
            for (var k = 0; k < list.Parts.Count; k++)
            {
                var part = list.Parts[k];
                var text = parts.Count == 1 ? (part == textPart ? parts[0] : null) : k < parts.Count && parts[k].Length > 0 ? parts[k] : null;
                var value = part.Type == FieldType.ItemId ? ids[i]
                    : text is null ? null
                    : Value(part, $"{path}.{part.Key}", text);
                if (value is null && part.Type == FieldType.Choice && !part.Clearable)
                {
                    value = part.Words[0];
                }

                item = part.Set(item, value);
            }

            items.Add(item);
        }

        return list.Set(owner, items);
    }

    /// <summary>
    /// The value the row gives for a field of one value or a list, as the file holds it (null:
    /// empty), read with <see cref="Value"/>; a list's entries one per line (or split by the map's
    /// separator). False when the row does not give the field.
    /// </summary>
    private bool ReadCell(Field field, out object? value, bool level = false)
    {
        if (!Cell(field.Path, out var cell))
        {
            value = null;
            return false;
        }

        value = field.IsList
            ? Listed(cell).Select((entry, i) => Value(field, $"{field.Path}[{i}]", entry)).OfType<string>().ToList()
            : cell is null ? null
            : level ? Number(Level(field.Path, cell, impact: field.Key == "impact"))
            : Value(field, field.Path, cell);
        return true;
    }

    /// <summary>
    /// One value as a cell gives it (not empty), as the file holds it, or null with a problem noted.
    /// Read as a person would type it (<see cref="FieldValues.FromInput"/>), with the import's hooks:
    /// a person named by the map's people, login, name or email; an objective by id or title, in any
    /// case; a risk id in capitals; a category as the register spells it; a choice by the map's
    /// values, with hyphens for spaces; a yes as the part's own key (<c>key</c>); text as the cell has it.
    /// </summary>
    private string? Value(Field field, string path, string text)
    {
        switch (field.Type)
        {
            case FieldType.Person:
                return Person(path, text);
            case FieldType.Objective:
                return ObjectiveId(text);
            case FieldType.RiskId:
                return text.ToUpperInvariant();
            case FieldType.Choice when field.Choices == ChoiceSource.Categories:
                return _settings.Categories.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)) ?? text;
            case FieldType.Text or FieldType.LongText or FieldType.ItemId:
                return text;
        }

        if (field.IsCustom)
        {
            var (read, error) = FieldValues.FromInput(field, text, _settings);
            if (error is not null)
            {
                Problem(path, error.StartsWith(field.Path, StringComparison.Ordinal) ? field.Label + error[field.Path.Length..] : error);
            }

            return read;
        }

        var typed = field.Type switch
        {
            FieldType.Choice => MappedWord(field, text),
            FieldType.YesNo when string.Equals(text, field.Key, StringComparison.OrdinalIgnoreCase) => "yes",
            _ => text,
        };
        var (value, problem) = FieldValues.FromInput(field, typed, _settings);
        if (problem is null)
        {
            return value;
        }

        if (field.Type == FieldType.Number && int.TryParse(text.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            // A whole number out of the field's range is taken; the risk's checks bound it.
            return Number(number);
        }

        Problem(path, field.Type switch
        {
            FieldType.Date => $"{Text.Quote(text)} is not a date: write dates as 2025-03-31, 31/03/2025 or 31 Mar 2025",
            FieldType.Choice => $"{Text.Quote(text)} is not one of {Text.OneOf(field.Words)}{(_map.IsExport ? "" : " (a map's values can give other words for them)")}",
            FieldType.YesNo => $"{Text.Quote(text)} must be {field.Key} (or yes) or nothing",
            _ => $"{Text.Quote(text)} is not a whole number",
        });
        return null;
    }

    /// <summary>The register's word the map's values give for a spreadsheet's word (by the field's path without items' places, <c>actions.status</c>), or the word with hyphens as spaces.</summary>
    private string MappedWord(Field field, string text) =>
        _map.Values.TryGetValue(field.Path.Replace("[]", "", StringComparison.Ordinal), out var words)
        && words.FirstOrDefault(w => string.Equals(w.Key, text, StringComparison.OrdinalIgnoreCase)) is { Key: not null } mapped
            ? mapped.Value
            : text.Replace('-', ' ');

    /// <summary>Notes that a choice a risk cannot be without (kind, status) has no value.</summary>
    private void RequireChoice(Field field, object? value)
    {
        if (value is null && field.Type == FieldType.Choice && !field.Clearable && !ReportedWithin(field.Path))
        {
            Problem(field.Path, $"{field.Path} is required: {Text.OneOf(field.Words)}");
        }
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Notes that the cell of <paramref name="column"/> could not be read, as the problem of the field the column feeds (when the map uses the column).</summary>
    public void Unreadable(string column, string message)
    {
        if (_map.Columns.FirstOrDefault(c => string.Equals(c.Value, column, StringComparison.OrdinalIgnoreCase)) is { Key: { } field })
        {
            Problem(field, message);
        }
    }

    /// <summary>Notes a problem found by checking the risk, unless a problem with the same field (or one enclosing or within it) was noted already.</summary>
    public void Issue(string path, string message)
    {
        if (!ReportedWithin(path))
        {
            Problem(path, message);
        }
    }

    private bool ReportedWithin(string path) => _reported.Any(p =>
        p == path
        || p.StartsWith(path + ".", StringComparison.Ordinal) || p.StartsWith(path + "[", StringComparison.Ordinal)
        || path.StartsWith(p + ".", StringComparison.Ordinal) || path.StartsWith(p + "[", StringComparison.Ordinal));

    private void Problem(string field, string message)
    {
        _reported.Add(field);
        var (shown, said) = ById(field, message);
        _problems.Add(new ImportProblem(_row.Number, _map.ColumnOf(field)?.Column, shown, said));
    }

    /// <summary>
    /// An item's path by its id rather than its place (<c>actions[A2].due</c> for <c>actions[1].due</c>),
    /// as the cell's line starts with the id, in the field and the message; unchanged when the id is not unique.
    /// </summary>
    private (string Field, string Message) ById(string field, string message)
    {
        if (ItemPath().Match(field) is not { Success: true } match
            || !_itemIds.TryGetValue(match.Groups[1].Value, out var ids)
            || int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) is var index && index >= ids.Count
            || ids.Count(id => string.Equals(id, ids[index], StringComparison.OrdinalIgnoreCase)) > 1)
        {
            return (field, message);
        }

        var place = match.Groups[1].Value + "[" + match.Groups[2].Value + "]";
        var named = $"{match.Groups[1].Value}[{ids[index]}]";
        return (named + field[place.Length..], message.Replace(place, named, StringComparison.Ordinal));
    }

    /// <summary>
    /// The text the row gives for <paramref name="field"/> (null: empty), with the map's default
    /// for an empty cell, or for a new risk when the file has no column for it. False when the row
    /// does not give the field at all.
    /// </summary>
    private bool Cell(string field, out string? value)
    {
        if (_map.Columns.TryGetValue(field, out var column))
        {
            var cell = _row.Cells.GetValueOrDefault(column)?.Trim();
            value = string.IsNullOrEmpty(cell) ? _map.Defaults.GetValueOrDefault(field) : cell;
            return true;
        }

        value = null;
        return _isNew && _map.Defaults.TryGetValue(field, out value);
    }

    private List<string> Listed(string? cell)
    {
        if (cell is null)
        {
            return [];
        }

        var separators = _map.ListSeparator is { Length: > 0 } separator ? new[] { "\n", separator } : ["\n"];
        return cell.Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private string ObjectiveId(string text) =>
        _settings.Objectives.FirstOrDefault(o =>
            string.Equals(o.Id, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(o.ShortTitle, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(o.Title, text, StringComparison.OrdinalIgnoreCase))?.Id ?? text;

    /// <summary>The login of the person a cell names: by the map's people, then login, name or email in register.yaml.</summary>
    private string? Person(string field, string text)
    {
        if (_map.People.TryGetValue(text, out var alias))
        {
            return alias;
        }

        var byLogin = _settings.FindPerson(text) ?? _settings.People.FirstOrDefault(p => string.Equals(p.Login, text, StringComparison.OrdinalIgnoreCase));
        if (byLogin is not null)
        {
            return byLogin.Login;
        }

        var spaced = Spaces().Replace(text, " ");
        var named = _settings.People.Where(p => string.Equals(p.Name, spaced, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Email, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count == 1)
        {
            return named[0].Login;
        }

        Problem(field, named.Count > 1
            ? $"{Text.Quote(text)} could be {Text.OneOf(named.Select(p => p.Login).ToList())}: give the login, or map the name to one in the map's people"
            : $"unknown person {Text.Quote(text)}: not the login, name or email of anyone in register.yaml's people{(_map.IsExport ? "" : ", nor one of the map's people")}");
        return null;
    }

    /// <summary>Impact and likelihood from one cell: "Major / Likely", "4 x 3", "4x3 = 12", "Major x Likely (12)".</summary>
    private (int?, int?) ParseScore(string field, string text)
    {
        var body = text;
        int? stated = null;
        if (StatedScore().Match(body) is { Success: true } total)
        {
            stated = int.Parse(total.Groups[1].Success ? total.Groups[1].Value : total.Groups[2].Value, CultureInfo.InvariantCulture);
            body = body[..total.Index];
        }

        var split = ScoreSeparator().Match(body);
        if (!split.Success && WordsRunTogether(body.Trim()) is { } words)
        {
            return (words.Impact, words.Likelihood);
        }

        if (!split.Success)
        {
            Problem(field, $"{Text.Quote(text)} is not a score: give impact and likelihood in one cell, such as \"Major / Likely\" or \"4 x 3\"");
            return (null, null);
        }

        var impact = Level(field, body[..split.Index].Trim(), impact: true);
        var likelihood = Level(field, body[(split.Index + split.Length)..].Trim(), impact: false);
        if (impact is { } a && likelihood is { } b && stated is { } s && a * b != s)
        {
            Problem(field, $"{Text.Quote(text)} does not add up: {a} x {b} is {a * b}, not {s}");
            return (null, null);
        }

        return (impact, likelihood);
    }

    /// <summary>
    /// "Major Likely": an impact word and a likelihood word with only a space between, as a merged
    /// cell of two columns reads; the one way of cutting the text into two known words, or null.
    /// </summary>
    private (int Impact, int Likelihood)? WordsRunTogether(string text)
    {
        (int, int)? found = null;
        for (var i = text.IndexOf(' ', StringComparison.Ordinal); i > 0; i = text.IndexOf(' ', i + 1))
        {
            if (Word(text[..i].Trim(), impact: true) is { } impact && Word(text[(i + 1)..].Trim(), impact: false) is { } likelihood)
            {
                if (found is not null)
                {
                    return null;
                }

                found = (impact, likelihood);
            }
        }

        return found;
    }

    /// <summary>The level a word names (the map's word or register.yaml's descriptor), or null.</summary>
    private int? Word(string text, bool impact)
    {
        var words = impact ? _map.ImpactWords : _map.LikelihoodWords;
        if (words.TryGetValue(text, out var mapped))
        {
            return mapped;
        }

        var descriptors = impact ? _settings.Scoring.Impact : _settings.Scoring.Likelihood;
        for (var i = 0; i < descriptors.Count; i++)
        {
            if (string.Equals(descriptors[i], text, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>An impact or likelihood 1-5: a number, "4 Major", the map's word or register.yaml's descriptor.</summary>
    private int? Level(string field, string text, bool impact)
    {
        var what = impact ? "impact" : "likelihood";
        var digits = LeadingNumber().Match(text);
        if (digits.Success)
        {
            var value = int.Parse(digits.Groups[1].Value, CultureInfo.InvariantCulture);
            if (value is >= 1 and <= 5)
            {
                return value;
            }

            Problem(field, $"{what} must be 1-5, found {Text.Quote(text)}");
            return null;
        }

        if (Word(text, impact) is { } level)
        {
            return level;
        }

        var descriptors = impact ? _settings.Scoring.Impact : _settings.Scoring.Likelihood;
        Problem(field, $"{Text.Quote(text)} is not {(impact ? "an" : "a")} {what}: give 1-5 or one of {Text.OneOf(descriptors)}{(_map.IsExport ? "" : " (a map's scores can give other words)")}");
        return null;
    }

    [GeneratedRegex(@"\s*(?:=\s*(\d+)|\(\s*(\d+)\s*\))\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex StatedScore();

    [GeneratedRegex(@"\s*[/×*]\s*|\s+[xX]\s+|(?<=\d)\s*[xX]\s*(?=\d)", RegexOptions.CultureInvariant)]
    private static partial Regex ScoreSeparator();

    [GeneratedRegex(@"\A(\d+)(?:\s+\D.*)?\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"\A([a-z_]+)\[(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPath();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
