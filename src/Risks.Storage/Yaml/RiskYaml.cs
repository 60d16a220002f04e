using System.Globalization;
using System.Text.RegularExpressions;
using Risks.Core.Domain;
using Risks.Core.Schema;
using Risks.Core.Validation;

namespace Risks.Storage.Yaml;

/// <summary>A risk file read: the risk when it could be read, its problems, and where each field is.</summary>
public sealed record RiskFile(Risk? Risk, IReadOnlyList<Problem> Problems)
{
    public bool IsValid => Risk is not null && Problems.Count == 0;
}

/// <summary>
/// One risk as YAML, both ways, by walking <see cref="RiskSchema.BuiltIn"/>: each field is written
/// and read by its type, in the schema's key order. What is special has a small named hook below:
/// the id (checked against the file name), the parts without which a risk or group is not made,
/// the order keys are read and named in, and the register's own fields under <c>custom</c>.
/// </summary>
public static partial class RiskYaml
{
    /// <summary>
    /// The fields read before the rest, as the reader always has: so problems come in the order
    /// they did and an unknown key names the keys allowed in the order it did.
    /// </summary>
    private static readonly string[] ReadFirst = ["id", "kind", "title", "narrative", "status", "closure"];

    /// <summary>
    /// The fields the reader cannot do without, by path, with what a missing one is asked for: a
    /// risk with no kind or status (a choice it always has) is not made, nor a group without a part
    /// that starts it (a score's impact and likelihood, a review's date).
    /// </summary>
    private static readonly Dictionary<Field, string> RequiredAtRead = RiskSchema.Flatten(RiskSchema.BuiltIn)
        .Where(f => f.Starts || (f.Type == FieldType.Choice && f.Required == Requirement.Always && !f.Clearable && !f.Path.Contains('[', StringComparison.Ordinal)))
        .ToDictionary<Field, Field, string>(f => f, f => FieldValues.Asked(f)!, ReferenceEqualityComparer.Instance);

    private static readonly IReadOnlyList<Field> ReadOrder =
        [.. ReadFirst.Select(k => RiskSchema.BuiltIn.Single(f => f.Key == k)), .. RiskSchema.BuiltIn.Where(f => !ReadFirst.Contains(f.Key))];

    public static string Write(Risk risk) => YamlWriter.Document(w => WriteFields(w, RiskSchema.BuiltIn, risk));

    private static void WriteFields(YamlWriter w, IReadOnlyList<Field> fields, object owner)
    {
        foreach (var field in fields)
        {
            if (field.Key == RiskSchema.CustomKey && field.Path == RiskSchema.CustomKey)
            {
                WriteCustom(w, ((Risk)owner).Custom);
            }
            else if (field.IsList)
            {
                w.Texts(field.Key, field.List(owner));
            }
            else if (field.IsGroup)
            {
                var group = field.Get(owner);
                w.Mapping(field.Key, group is not null && field.IsEmpty?.Invoke(group) != true, m => WriteFields(m, field.Parts, group!));
            }
            else if (field.Type == FieldType.Items)
            {
                w.Items(field.Key, field.ItemsOf(owner), (m, item) => WriteFields(m, field.Parts, item));
            }
            else if (IsWord(field))
            {
                w.Word(field.Key, field.Text(owner));
            }
            else
            {
                w.Text(field.Key, field.Text(owner));
            }
        }
    }

    /// <summary>Values written as they are: dates, numbers, yes, and the words of a fixed choice.</summary>
    private static bool IsWord(Field field) => field.Type switch
    {
        FieldType.Date or FieldType.Number or FieldType.YesNo => true,
        FieldType.Choice => field.Choices == ChoiceSource.Words && !field.IsCustom,
        _ => false,
    };

    /// <summary>The register's own fields, keys sorted; a number or an ISO date is written plain so it reads back as written.</summary>
    private static void WriteCustom(YamlWriter w, IReadOnlyDictionary<string, CustomValue> values) =>
        w.Mapping(RiskSchema.CustomKey, values.Count > 0, m =>
        {
            foreach (var (key, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (value.Items is { } items)
                {
                    m.Values(key, items, ReadsBackPlain);
                }
                else
                {
                    m.Value(key, value.Text, ReadsBackPlain);
                }
            }
        });

    /// <summary>A number (<c>12</c>, <c>-3.5</c>) or an ISO date, which the reader takes back as the same text when written plain.</summary>
    private static bool ReadsBackPlain(string text) => PlainValue().IsMatch(text);

    [GeneratedRegex(@"\A(-?[0-9]+(\.[0-9]+)?|[0-9]{4}-[0-9]{2}-[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainValue();

    /// <summary>
    /// Reads a risk file's bytes. <paramref name="file"/> is the path shown in messages;
    /// <paramref name="expectedId"/>, when given, is the id the file name says the file holds.
    /// </summary>
    public static RiskFile Read(ReadOnlySpan<byte> bytes, string file, RiskId? expectedId)
    {
        var problems = new List<Problem>();
        var text = SafeText.Decode(bytes, file, problems);
        return text is null ? new RiskFile(null, problems) : Read(text, file, expectedId, problems);
    }

    public static RiskFile Read(string text, string file, RiskId? expectedId) => Read(text, file, expectedId, []);

    private static RiskFile Read(string text, string file, RiskId? expectedId, List<Problem> problems)
    {
        var tree = YamlTreeReader.Read(text, file, problems);
        return tree is null ? new RiskFile(null, problems) : FromTree(tree, file, expectedId, problems);
    }

    /// <summary>Reads a risk from a tree already parsed (and perhaps changed by <see cref="FieldSetter"/>).</summary>
    public static RiskFile FromTree(YNode tree, string file, RiskId? expectedId) => FromTree(tree, file, expectedId, []);

    internal static RiskFile FromTree(YNode tree, string file, RiskId? expectedId, List<Problem> problems)
    {
        var map = new Dictionary<string, Position>(StringComparer.Ordinal);
        var root = NodeReader.Root(tree, file, problems, map);
        if (root is null)
        {
            return new RiskFile(null, problems);
        }

        var risk = Map(root, expectedId);
        root.Finish();
        if (risk is not null)
        {
            // A field whose wrong value was reported while reading is not also reported as missing.
            foreach (var issue in RiskValidator.Validate(risk).Where(i => !(i.IsMissing && root.ReportedWithin(i.Path))))
            {
                problems.Add(Locate(file, map, issue));
            }
        }

        return new RiskFile(problems.Count == 0 ? risk : null, problems);
    }

    /// <summary>Where each field of a file is, by its path.</summary>
    internal static IReadOnlyDictionary<string, Position> PositionsOf(string text, string file)
    {
        var problems = new List<Problem>();
        var map = new Dictionary<string, Position>(StringComparer.Ordinal);
        if (YamlTreeReader.Read(text, file, problems) is { } tree && NodeReader.Root(tree, file, problems, map) is { } root)
        {
            Map(root, expectedId: null);
        }

        return map;
    }

    /// <summary>A field issue placed at its field's position, or the nearest enclosing one.</summary>
    internal static Problem Locate(string file, IReadOnlyDictionary<string, Position> map, FieldIssue issue)
    {
        var path = issue.Path;
        while (true)
        {
            if (map.TryGetValue(path, out var at))
            {
                return new Problem(file, at.Line, at.Column, issue.Message);
            }

            path = FieldPath.Parent(path);
            if (path.Length == 0)
            {
                return new Problem(file, 1, 1, issue.Message);
            }
        }
    }

    private static Risk? Map(NodeReader r, RiskId? expectedId)
    {
        object risk = new Risk { Id = ReadId(r, expectedId), Kind = RiskKind.Operational, Status = RiskStatus.Open };
        foreach (var field in ReadOrder)
        {
            if (field.Key == "id")
            {
                continue;
            }

            if (field.Key == RiskSchema.CustomKey)
            {
                risk = ReadCustom(r, (Risk)risk);
                continue;
            }

            var value = ReadValue(r, field);
            if (value is not null)
            {
                risk = field.SetOnNew(risk, value);
            }
            else if (RequiredAtRead.TryGetValue(field, out var what))
            {
                r.Require(field.Key, what);
            }
        }

        return (Risk)risk;
    }

    /// <summary>The id, checked against the file name; with no usable id the rest of the file is still read, so all its problems are reported at once.</summary>
    private static RiskId ReadId(NodeReader r, RiskId? expectedId)
    {
        var placeholder = expectedId ?? RiskId.Parse("X-0");
        var idText = r.Text("id");
        if (idText is null)
        {
            if (!r.Has("id") && !r.Keys.Any(k => string.Equals(k, "id", StringComparison.OrdinalIgnoreCase)))
            {
                r.Problem("id", expectedId is { } e ? $"id is required: this file's name says {e}" : "id is required");
            }

            return placeholder;
        }

        if (!RiskId.TryParse(idText, out var id))
        {
            r.Problem("id", $"id must be a risk id ({RiskId.Rules}), found {Text.Quote(idText)}");
            return placeholder;
        }

        if (expectedId is { } expected && expected.Value != id.Value)
        {
            r.Problem("id", $"id is {id} but the file name says {expected}; they must match");
        }

        return id;
    }

    /// <summary>A field's value as <see cref="Field.Set"/> takes it, read by the field's type; null when it is not there or is wrong (reported).</summary>
    private static object? ReadValue(NodeReader r, Field field)
    {
        if (field.IsList)
        {
            var list = r.Texts(field.Key);
            return list.Count == 0 ? null : list;
        }

        return field.Type switch
        {
            FieldType.Group or FieldType.Score => ReadGroup(r, field),
            FieldType.Items => ReadItems(r, field),
            // Built-in dates and numbers are passed to Set as they are read (see Field.Set).
            FieldType.Date => r.Date(field.Key),
            FieldType.Number => r.Int(field.Key),
            FieldType.YesNo => r.Bool(field.Key) == true ? "true" : null,
            FieldType.Choice when field.Choices == ChoiceSource.Words && field.Words.Count > 0 => r.Word(field.Key, field.Words),
            _ => r.Text(field.Key),
        };
    }

    /// <summary>A group's parts, or null when it is not there or lacks a part it cannot do without.</summary>
    private static object? ReadGroup(NodeReader r, Field field)
    {
        var m = r.Mapping(field.Key);
        if (m is null)
        {
            return null;
        }

        var missing = new List<Field>();
        var group = ReadParts(m, field, missing);
        var made = true;
        foreach (var part in missing)
        {
            if (RequiredAtRead.TryGetValue(part, out var what))
            {
                m.Require(part.Key, what);
                made = false;
            }
        }

        return made ? group : null;
    }

    private static object? ReadItems(NodeReader r, Field field)
    {
        var items = r.Items(field.Key);
        return items.Count == 0 ? null : items.Select(item => ReadParts(item, field, missing: null)).ToList();
    }

    /// <summary>A new group or item with each of its parts read, its unknown keys reported; the parts not given are added to <paramref name="missing"/>.</summary>
    private static object ReadParts(NodeReader m, Field field, List<Field>? missing)
    {
        var owner = field.Create!();
        foreach (var part in field.Parts)
        {
            if (ReadValue(m, part) is { } value)
            {
                owner = part.SetOnNew(owner, value);
            }
            else
            {
                missing?.Add(part);
            }
        }

        m.Finish();
        return owner;
    }

    /// <summary>
    /// The register's own fields: every key under <c>custom</c>, declared or not, so nothing is
    /// lost; whether the register declares them and allows their values is the register's check.
    /// </summary>
    private static Risk ReadCustom(NodeReader r, Risk risk)
    {
        var m = r.Mapping(RiskSchema.CustomKey, listed: false);
        if (m is null)
        {
            return risk;
        }

        var values = new Dictionary<string, CustomValue>(StringComparer.Ordinal);
        foreach (var (key, text, list) in m.Values())
        {
            if (list is not null)
            {
                values[key] = CustomValue.Of(list);
            }
            else if (text is not null)
            {
                values[key] = CustomValue.Of(text);
            }
        }

        m.Finish();
        return values.Count == 0 ? risk : risk with { Custom = values };
    }
}
