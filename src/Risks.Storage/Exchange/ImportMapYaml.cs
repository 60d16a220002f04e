using Risks.Core.Domain;
using Risks.Core.Exchange;
using Risks.Core.Validation;
using Risks.Storage.Yaml;

namespace Risks.Storage.Exchange;

/// <summary>
/// An import map file (see docs/import-map-example.yaml), read with the register's own guarded
/// YAML reader, so every problem is reported as <c>map.yaml:LINE:COLUMN: message</c>.
/// </summary>
public static class ImportMapYaml
{
    /// <summary>
    /// Reads a map; null with its problems when it cannot be used. With <paramref name="settings"/>,
    /// the logins it gives people must be among register.yaml's people.
    /// </summary>
    public static (ImportMap? Map, IReadOnlyList<Problem> Problems) Read(ReadOnlySpan<byte> bytes, string file, RegisterSettings? settings = null)
    {
        var problems = new List<Problem>();
        var text = SafeText.Decode(bytes, file, problems);
        var tree = text is null ? null : YamlTreeReader.Read(text, file, problems);
        if (tree is null || NodeReader.Root(tree, file, problems, new Dictionary<string, Position>(StringComparer.Ordinal)) is not { } r)
        {
            return (null, problems);
        }

        var columns = Columns(r, settings);
        var ids = r.Mapping("ids");
        var prefix = ids?.Text("prefix");
        var digits = ids?.Int("digits") ?? 3;
        if (ids is not null)
        {
            if (prefix is not null && !RiskId.TryParse($"{prefix}-1", out _))
            {
                ids.Problem("prefix", $"ids.prefix must be the start of a risk id ({RiskId.Rules}), found {Text.Quote(prefix)}");
            }

            if (digits is < 1 or > 6)
            {
                ids.Problem("digits", $"ids.digits must be 1-6, found {digits}");
            }

            ids.Finish();
        }

        var separator = r.Text("list_separator");
        var values = Values(r);
        var scores = r.Mapping("scores");
        var map = new ImportMap
        {
            Columns = columns,
            Defaults = Defaults(r, values),
            ImpactWords = ScoreWords(scores, "impact"),
            LikelihoodWords = ScoreWords(scores, "likelihood"),
            People = People(r, settings),
            Values = values,
            IdPrefix = prefix,
            IdDigits = digits,
            ListSeparator = separator,
        };
        scores?.Finish();
        r.Finish();
        return (problems.Count == 0 ? map : null, problems);
    }

    private static Dictionary<string, string> Columns(NodeReader r, RegisterSettings? settings)
    {
        // A column can feed any field a map names, or one of the register's own fields (custom.cqc_domain).
        var fields = ImportMap.Fields.Concat(RiskCells.FieldColumnsFor(settings).Skip(RiskCells.FieldColumns.Count)).ToList();
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var m = r.Mapping("columns");
        if (m is null)
        {
            r.Require("columns", "which column feeds each field, such as id: Risk ID");
            return columns;
        }

        foreach (var field in m.Keys)
        {
            var column = m.Text(field);
            if (!fields.Contains(field, StringComparer.Ordinal))
            {
                m.Problem(field, $"columns names {Text.Quote(field)}, which is not a field; the fields are {Text.OneOf(fields)}");
            }
            else if (string.IsNullOrWhiteSpace(column))
            {
                m.Problem(field, $"columns.{field} must be a column's header, found nothing");
            }
            else if (ScorePart(field) is { } part && columns.Keys.Any(k => ScorePart(k) is { } other && other.Whole == part.Whole && other.IsPart != part.IsPart))
            {
                m.Problem(field, $"columns gives {part.Whole} both in one cell and in parts ({field}); give one or the other");
            }
            else
            {
                columns[field] = column;
            }
        }

        if (!columns.ContainsKey("id") && !m.Has("id"))
        {
            m.Require("id", "the column that holds each risk's id");
        }

        m.Finish();
        return columns;
    }

    /// <summary>For a field of a score (<c>current</c>, <c>current.impact</c>, ...), the whole score's name and whether the field is a part of it.</summary>
    private static (string Whole, bool IsPart)? ScorePart(string field)
    {
        var whole = field.Split('.')[0];
        return whole is "inherent" or "current" or "target" && !field.EndsWith(".rationale", StringComparison.Ordinal) ? (whole, field != whole) : null;
    }

    private static Dictionary<string, string> Defaults(NodeReader r, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> values)
    {
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r.Mapping("defaults") is not { } m)
        {
            return defaults;
        }

        foreach (var field in m.Keys)
        {
            var value = m.Text(field);
            if (!ImportMap.Fields.Contains(field, StringComparer.Ordinal) || field == "id")
            {
                m.Problem(field, $"defaults names {Text.Quote(field)}, which is not a field a default can be given for; the fields are {Text.OneOf(ImportMap.Fields.Skip(1).ToList())}");
            }
            else if (value is null)
            {
                m.Problem(field, $"defaults.{field} must be a value, found nothing");
            }
            else if (ImportMap.ChoiceFields.TryGetValue(field, out var words)
                && !words.Contains(value, StringComparer.Ordinal)
                && !(values.TryGetValue(field, out var own) && own.ContainsKey(value)))
            {
                m.Problem(field, $"defaults.{field} must be {Text.OneOf(words)}, found {Text.Quote(value)}");
            }
            else
            {
                defaults[field] = value;
            }
        }

        m.Finish();
        return defaults;
    }

    private static Dictionary<string, int> ScoreWords(NodeReader? scores, string part)
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (scores?.Mapping(part) is { } m)
        {
            foreach (var word in m.Keys)
            {
                var value = m.Int(word);
                if (value is null or < 1 or > 5)
                {
                    m.Problem(word, $"scores.{part}.{word} must be a whole number 1-5{(value is null ? "" : $", found {value}")}");
                }
                else if (!words.TryAdd(word.Trim(), value.Value))
                {
                    m.Problem(word, $"scores.{part} gives {Text.Quote(word)} twice (words are matched whatever their case)");
                }
            }

            m.Finish();
        }

        return words;
    }

    private static Dictionary<string, string> People(NodeReader r, RegisterSettings? settings)
    {
        var people = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (r.Mapping("people") is not { } m)
        {
            return people;
        }

        foreach (var name in m.Keys)
        {
            var login = m.Text(name);
            if (login is null || !Rules.IsLogin(login))
            {
                m.Problem(name, $"people.{name} must be a login ({Rules.LoginRules}), found {(login is null ? "nothing" : Text.Quote(login))}");
            }
            else if (settings is not null && settings.FindPerson(login) is null)
            {
                m.Problem(name, $"people.{name} names {login}, who is not among register.yaml's people");
            }
            else if (!people.TryAdd(name.Trim(), login))
            {
                m.Problem(name, $"people gives {Text.Quote(name)} twice (names are matched whatever their case)");
            }
        }

        m.Finish();
        return people;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Values(NodeReader r)
    {
        var values = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (r.Mapping("values") is not { } m)
        {
            return values;
        }

        foreach (var field in m.Keys)
        {
            if (!ImportMap.ChoiceFields.TryGetValue(field, out var allowed))
            {
                m.Mapping(field);
                m.Problem(field, $"values names {Text.Quote(field)}, which is not a field of choices; they are {Text.OneOf(ImportMap.ChoiceFields.Keys.ToList())}");
                continue;
            }

            if (m.Mapping(field) is not { } words)
            {
                continue;
            }

            var own = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var word in words.Keys)
            {
                var value = words.Text(word);
                if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
                {
                    words.Problem(word, $"values.{field}.{word} must be {Text.OneOf(allowed)}, found {(value is null ? "nothing" : Text.Quote(value))}");
                }
                else if (!own.TryAdd(word.Trim(), value))
                {
                    words.Problem(word, $"values.{field} gives {Text.Quote(word)} twice (words are matched whatever their case)");
                }
            }

            words.Finish();
            values[field] = own;
        }

        m.Finish();
        return values;
    }
}
