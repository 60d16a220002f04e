using System.Globalization;
using System.Text.RegularExpressions;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Schema;
using Risks.Core.Validation;

namespace Risks.Core.Exchange;

/// <summary>
/// Reads one spreadsheet row into a risk, field by field, as the map says, noting every cell it
/// cannot read with its column and field. A field the row does not give (no column in the file,
/// no default) keeps the existing risk's value, or is empty for a new risk.
/// </summary>
internal sealed partial class RowReader
{
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
            Problem("id", $"id is required: the risk's id, such as BAF-07{(_map.IdPrefix is null ? "" : " or a number")}");
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

    /// <summary>The risk the row gives, on top of <paramref name="existing"/> (the register's risk with this id, if any).</summary>
    public Risk Read(RiskId id, Risk? existing)
    {
        _isNew = existing is null;
        var e = existing;
        var closureDate = Date("closure.date", e?.Closure?.Date);
        var closureRationale = Plain("closure.rationale", e?.Closure?.Rationale);
        var mergedInto = Given("closure.merged_into", e?.Closure?.MergedInto, v => v?.ToUpperInvariant());
        var risk = new Risk
        {
            Id = id,
            Kind = Required("kind", e?.Kind),
            Title = Plain("title", e?.Title) ?? "",
            Narrative = new Narrative
            {
                Cause = Plain("narrative.cause", e?.Narrative.Cause),
                Event = Plain("narrative.event", e?.Narrative.Event),
                Effect = Plain("narrative.effect", e?.Narrative.Effect),
            },
            KeyElements = Given("key_elements", e?.KeyElements ?? [], Listed),
            Category = Given("category", e?.Category, v => v is null ? null : _settings.Categories.FirstOrDefault(c => string.Equals(c, v, StringComparison.OrdinalIgnoreCase)) ?? v),
            Status = Required("status", e?.Status),
            Closure = closureDate is null && closureRationale is null && mergedInto is null
                ? null
                : new Closure { Date = closureDate, Rationale = closureRationale, MergedInto = mergedInto },
            Owner = Given("owner", e?.Owner, v => v is null ? null : Person("owner", v)) ?? "",
            Leads = Given("leads", e?.Leads ?? [], v => People("leads", v)),
            Directorate = Plain("directorate", e?.Directorate),
            Committees = Given("committees", e?.Committees ?? [], Listed),
            Objectives = Given("objectives", e?.Objectives ?? [], v => Listed(v).Select(ObjectiveId).ToList()),
            LinkedRisks = Given("linked_risks", e?.LinkedRisks ?? [], v => Listed(v).Select(l => l.ToUpperInvariant()).ToList()),
            ExternalRefs = Given("external_refs", e?.ExternalRefs ?? [], Listed),
            Inherent = Score("inherent", e?.Inherent),
            Current = Score("current", e?.Current),
            Target = Score("target", e?.Target),
            TargetDate = Date("target_date", e?.TargetDate),
            Response = Choice("response", e?.Response),
            Performance = Plain("performance", e?.Performance),
            Trajectory = Choice("trajectory", e?.Trajectory),
            Controls = Items("controls", "C", e?.Controls ?? [], 4, line => new Control
            {
                Id = line.Id,
                Text = line.Text(1),
                Owner = line.Person(2, "owner"),
                Effectiveness = line.Choice<Effectiveness>(3, "effectiveness"),
            }),
            Gaps = Items("gaps", "G", e?.Gaps ?? [], 3, line => new Gap
            {
                Id = line.Id,
                Type = line.Choice<GapType>(1, "type") ?? GapType.Control,
                Text = line.Text(2),
            }),
            Assurances = Items("assurances", "S", e?.Assurances ?? [], 8, line => new Assurance
            {
                Id = line.Id,
                Text = line.Text(1),
                Line = line.Number(2, "line"),
                Source = line.Choice<AssuranceSource>(3, "source"),
                Rating = line.Choice<AssuranceRating>(4, "rating"),
                Outcome = line.Choice<AssuranceOutcome>(5, "outcome"),
                Key = line.Flag(6, "key"),
                Date = line.Date(7, "date"),
            }),
            Actions = Items("actions", "A", e?.Actions ?? [], 7, line => new RiskAction
            {
                Id = line.Id,
                Text = line.Text(1),
                Owner = line.Person(2, "owner"),
                Due = line.Date(3, "due"),
                Status = line.Choice<ActionStatus>(4, "status") ?? ActionStatus.NotStarted,
                Completed = line.Date(5, "completed"),
                Update = line.Part(6),
            }),
            LastReviewed = Review(e?.LastReviewed),
            NextReview = Date("next_review", e?.NextReview),
            Custom = Custom(e?.Custom),
        };
        return risk;
    }

    /// <summary>
    /// The register's own fields: each declared one the row gives read from its cell as a person
    /// would type it (a choice as one of its values, a date as 31 Mar 2025, a list one per line),
    /// the others kept as they are, undeclared keys too.
    /// </summary>
    private IReadOnlyDictionary<string, CustomValue> Custom(IReadOnlyDictionary<string, CustomValue>? current)
    {
        var values = new Dictionary<string, CustomValue>(current ?? new Dictionary<string, CustomValue>(), StringComparer.Ordinal);
        foreach (var field in RiskSchema.CustomParts(_settings))
        {
            if (!Cell(field.Path, out var cell))
            {
                continue;
            }

            values.Remove(field.Key);
            if (field.IsList)
            {
                var entries = Listed(cell);
                if (entries.Count > 0)
                {
                    values[field.Key] = CustomValue.Of(entries);
                }

                continue;
            }

            var (value, error) = FieldValues.FromInput(field, cell ?? "", _settings);
            if (error is not null)
            {
                Problem(field.Path, error.StartsWith(field.Path, StringComparison.Ordinal) ? field.Label + error[field.Path.Length..] : error);
            }
            else if (value is not null)
            {
                values[field.Key] = CustomValue.Of(field.Type == FieldType.Person ? Person(field.Path, value) ?? value : value);
            }
        }

        return values;
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

    /// <summary>The field read from its cell with <paramref name="read"/>, or <paramref name="current"/> when the row does not give it.</summary>
    private T Given<T>(string field, T current, Func<string?, T> read) => Cell(field, out var value) ? read(value) : current;

    private string? Plain(string field, string? current) => Given(field, current, v => v);

    private DateOnly? Date(string field, DateOnly? current) => Given(field, current, v => v is null ? null : ParseDate(field, v));

    private T? Choice<T>(string field, T? current) where T : struct, Enum =>
        Given(field, current, v => v is null ? null : ParseChoice<T>(field, field, v));

    private T Required<T>(string field, T? current) where T : struct, Enum
    {
        var value = Choice(field, current);
        if (value is null && !ReportedWithin(field))
        {
            Problem(field, $"{field} is required: {Vocabulary.Choices<T>()}");
        }

        return value ?? default;
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

    private List<string> People(string field, string? cell) =>
        Listed(cell).Select((name, i) => Person($"{field}[{i}]", name)).OfType<string>().ToList();

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

    private DateOnly? ParseDate(string field, string text)
    {
        if (Formats.TryParseDate(text, out var date))
        {
            return date;
        }

        Problem(field, $"{Text.Quote(text)} is not a date: write dates as 2025-03-31, 31/03/2025 or 31 Mar 2025");
        return null;
    }

    private T? ParseChoice<T>(string valuesKey, string field, string text) where T : struct, Enum
    {
        var word = _map.Values.TryGetValue(valuesKey, out var words) && words.FirstOrDefault(w => string.Equals(w.Key, text, StringComparison.OrdinalIgnoreCase)) is { Key: not null } mapped
            ? mapped.Value
            : text.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        if (Vocabulary.TryParse<T>(word, out var value))
        {
            return value;
        }

        Problem(field, $"{Text.Quote(text)} is not one of {Vocabulary.Choices<T>()}{(_map.IsExport ? "" : " (a map's values can give other words for them)")}");
        return null;
    }

    private Score? Score(string part, Score? current)
    {
        var given = false;
        int? impact = current?.Impact, likelihood = current?.Likelihood;
        var rationale = current?.Rationale;
        if (Cell(part, out var whole))
        {
            given = true;
            (impact, likelihood) = whole is null ? (null, null) : ParseScore(part, whole);
        }

        if (Cell(part + ".impact", out var i))
        {
            given = true;
            impact = i is null ? null : Level(part + ".impact", i, impact: true);
        }

        if (Cell(part + ".likelihood", out var l))
        {
            given = true;
            likelihood = l is null ? null : Level(part + ".likelihood", l, impact: false);
        }

        if (Cell(part + ".rationale", out var r))
        {
            given = true;
            rationale = r;
        }

        if (!given)
        {
            return current;
        }

        if (impact is { } a && likelihood is { } b)
        {
            return new Score(a, b) { Rationale = rationale };
        }

        if (!ReportedWithin(part) && (impact, likelihood, rationale) != (null, null, null))
        {
            var missing = impact is null ? "impact" : "likelihood";
            Problem($"{part}.{missing}", impact is null && likelihood is null
                ? $"{part}.rationale needs a score: {part}.impact and {part}.likelihood"
                : $"{part}.{missing} is required with the {(impact is null ? "likelihood" : "impact")}: a score is impact and likelihood, each 1-5");
        }

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

    private Review? Review(Review? current)
    {
        var date = Date("last_reviewed.date", current?.Date);
        var by = Given("last_reviewed.by", current?.By, v => v is null ? null : Person("last_reviewed.by", v));
        if (date is { } d)
        {
            return new Review(d, by ?? "");
        }

        if (by is not null && !ReportedWithin("last_reviewed"))
        {
            Problem("last_reviewed.date", "last_reviewed.date is required with last_reviewed.by: the date of the review");
        }

        return null;
    }

    /// <summary>
    /// The items a cell lists, one per line (see <see cref="ItemCells"/>). A line without a bar is
    /// an item's text alone and gets the next free id.
    /// </summary>
    private IReadOnlyList<T> Items<T>(string list, string letter, IReadOnlyList<T> current, int parts, Func<ItemLine, T> build)
    {
        if (!Cell(list, out var cell))
        {
            return current;
        }

        var lines = cell is null ? [] : ItemCells.Split(cell);
        var used = lines.Where(l => l.Count > 1).Select(l => l[0]).ToList();
        var ids = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            ids.Add(line.Count > 1 ? line[0] : ItemIds.Next(letter, used));
            used.Add(ids[^1]);
        }

        _itemIds[list] = ids;
        var items = new List<T>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Count > parts)
            {
                Problem($"{list}[{i}]", $"the line has {lines[i].Count} parts separated by |, but {ItemNoun(list)} has at most {parts} ({ItemCells.Line(PartNames(list))}); write a bar within a text as \\|");
            }

            items.Add(build(new ItemLine(this, $"{list}[{i}]", list, ids[i], lines[i])));
        }

        return items;
    }

    private static string ItemNoun(string list) => list switch
    {
        "controls" => "a control",
        "gaps" => "a gap",
        "assurances" => "an assurance",
        _ => "an action",
    };

    /// <summary>The parts of an item's line, in order, as the format document names them.</summary>
    internal static string[] PartNames(string list) => list switch
    {
        "controls" => ["id", "text", "owner", "effectiveness"],
        "gaps" => ["id", "type", "text"],
        "assurances" => ["id", "text", "line", "source", "rating", "outcome", "key", "date"],
        _ => ["id", "text", "owner", "due", "status", "completed", "update"],
    };

    /// <summary>One line of a cell of items: its parts, read with the item's path (<c>actions[2].due</c>) for any problem.</summary>
    private sealed class ItemLine(RowReader reader, string path, string list, string id, IReadOnlyList<string> parts)
    {
        public string Id => id;

        /// <summary>The line is the item's text alone, without a bar.</summary>
        private bool TextOnly => parts.Count == 1;

        public string? Part(int index) => !TextOnly && index < parts.Count && parts[index].Length > 0 ? parts[index] : null;

        public string Text(int index) => TextOnly ? parts[0] : Part(index) ?? "";

        public string? Person(int index, string name) => Part(index) is { } text ? reader.Person($"{path}.{name}", text) : null;

        public DateOnly? Date(int index, string name) => Part(index) is { } text ? reader.ParseDate($"{path}.{name}", text) : null;

        public T? Choice<T>(int index, string name) where T : struct, Enum =>
            Part(index) is { } text ? reader.ParseChoice<T>($"{list}.{name}", $"{path}.{name}", text) : null;

        public int? Number(int index, string name)
        {
            if (Part(index) is not { } text)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            reader.Problem($"{path}.{name}", $"{Risks.Core.Domain.Text.Quote(text)} is not a whole number");
            return null;
        }

        public bool Flag(int index, string name)
        {
            var text = Part(index)?.ToLowerInvariant();
            switch (text)
            {
                case null or "no" or "false" or "n":
                    return false;
                case RiskCells.KeyWord or "yes" or "true" or "y":
                    return true;
                default:
                    reader.Problem($"{path}.{name}", $"{Risks.Core.Domain.Text.Quote(Part(index)!)} must be {RiskCells.KeyWord} (or yes) or nothing");
                    return false;
            }
        }
    }

    [GeneratedRegex(@"\s*(?:=\s*(\d+)|\(\s*(\d+)\s*\))\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex StatedScore();

    [GeneratedRegex(@"\s*[/×*]\s*|\s+[xX]\s+|(?<=\d)\s*[xX]\s*(?=\d)", RegexOptions.CultureInvariant)]
    private static partial Regex ScoreSeparator();

    [GeneratedRegex(@"\A(\d+)(?:\s+\D.*)?\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"\A(controls|gaps|assurances|actions)\[(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPath();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
