using System.Text.RegularExpressions;
using Risks.Core.Domain;
using Risks.Core.Schema;

namespace Risks.Storage.Yaml;

/// <summary>
/// Applies <c>path=value</c> settings to a risk file's tree, with fields named by their path in
/// the file: <c>current.likelihood=3</c>, <c>actions[A3].due=2025-06-30</c> (a list item by its
/// id, created when missing), <c>committees+=Audit Committee</c> and <c>committees-=...</c> for
/// lists, and <c>path=</c> to clear a field. The result is read and checked like any file.
/// The path must name a field of the risk's schema on the register (<see cref="RiskSchema.For"/>,
/// so <c>custom.cqc_domain</c> when the register declares it), and a value is taken as a person
/// types it (<see cref="FieldValues.FromInput"/>: <c>30 Jun 2025</c>, <c>not started</c>).
/// </summary>
public static partial class FieldSetter
{
    public const string Syntax = "FIELD=VALUE, FIELD+=VALUE or FIELD-=VALUE, with FIELD a path in the file such as current.likelihood or actions[A3].due";

    /// <summary>
    /// Applies one setting, checked against the fields of a risk on a register with
    /// <paramref name="settings"/> (the built-in fields alone when null); returns an error
    /// message, or null when it was applied.
    /// </summary>
    public static string? Apply(YMapping root, string setting, RegisterSettings? settings = null)
    {
        var match = Setting().Match(setting);
        if (!match.Success)
        {
            return $"\"{setting}\" is not a setting: write {Syntax}";
        }

        var path = match.Groups["path"].Value;
        var op = match.Groups["op"].Value;
        var value = match.Groups["value"].Value;
        var segments = Segments().Matches(path).Select(m => (Name: m.Groups["name"].Value, Item: m.Groups["item"].Success ? m.Groups["item"].Value : null)).ToList();
        if (string.Join(".", segments.Select(s => s.Item is null ? s.Name : $"{s.Name}[{s.Item}]")) != path)
        {
            return $"\"{path}\" is not a field path: name keys with dots and list items by id, such as actions[A3].due";
        }

        if (Unknown(segments, settings, clearing: op == "=" && value.Length == 0) is { } unknown)
        {
            return unknown;
        }

        if (value.Length > 0 && op != "-=" && RiskSchema.Find(path, settings) is { HasParts: false } field)
        {
            // A value as a person types it, in the file's form; one that cannot be taken is left as
            // given, so reading the result names what is wrong with it, at its field.
            var (typed, error) = FieldValues.FromInput(field, value, settings);
            if (error is null && typed is not null)
            {
                value = typed;
            }
        }

        var mapping = root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var (name, item) = segments[i];
            var child = Child(mapping, name, item, create: op == "=" && value.Length > 0, out var error);
            if (error is not null)
            {
                return error;
            }

            if (child is null)
            {
                return null; // clearing or removing from something that is not there: nothing to do
            }

            mapping = child;
        }

        var (last, lastItem) = segments[^1];
        if (lastItem is not null)
        {
            return op == "=" && value.Length == 0
                ? RemoveItem(mapping, last, lastItem)
                : $"\"{path}\" names a whole list item: set its fields ({path}.text=...), or write {path}= to remove it";
        }

        return op switch
        {
            "+=" => AddToList(mapping, last, value),
            "-=" => RemoveFromList(mapping, last, value),
            _ => SetScalar(mapping, last, value),
        };
    }

    /// <summary>Whether a setting adds to or takes from a list (<c>+=</c>, <c>-=</c>), which holds for any version of the risk, not only the one read.</summary>
    public static bool ChangesList(string setting) =>
        Setting().Match(setting) is { Success: true } match && match.Groups["op"].Value is "+=" or "-=";

    /// <summary>
    /// Why a well-formed setting names no field of a risk on a register with <paramref name="settings"/>
    /// (naming the keys allowed where its path goes astray), or null when it names one or is not well formed.
    /// </summary>
    public static string? UnknownField(string setting, RegisterSettings? settings)
    {
        var match = Setting().Match(setting);
        if (!match.Success)
        {
            return null;
        }

        var segments = Segments().Matches(match.Groups["path"].Value).Select(m => (Name: m.Groups["name"].Value, Item: m.Groups["item"].Success ? m.Groups["item"].Value : null)).ToList();
        return Unknown(segments, settings, clearing: match.Groups["op"].Value == "=" && match.Groups["value"].Value.Length == 0);
    }

    /// <summary>
    /// Why a path names no field of a risk, naming the keys allowed where it goes astray; null when
    /// it names one (or goes into a field of one value, which applying reports). A key under
    /// <c>custom</c> that the register does not declare may still be cleared.
    /// </summary>
    private static string? Unknown(List<(string Name, string? Item)> segments, RegisterSettings? settings, bool clearing)
    {
        IReadOnlyList<Field> fields = RiskSchema.For(settings);
        var where = "at the top level";
        foreach (var (name, _) in segments)
        {
            var field = fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.Ordinal));
            if (field is null)
            {
                if (clearing && where == $"in {RiskSchema.CustomKey}")
                {
                    return null;
                }

                var keys = fields.Select(f => f.Key).ToList();
                var near = keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase) || string.Equals(k, name.Replace('-', '_'), StringComparison.OrdinalIgnoreCase));
                return keys.Count == 0
                    ? $"unknown key {Text.Quote(name)} {where}: register.yaml declares no custom_fields"
                    : $"unknown key {Text.Quote(name)} {where}{(near is null ? "" : $" (did you mean {near}?)")}; the keys allowed are {Text.OneOf(keys)}";
            }

            if (!field.HasParts)
            {
                return null;
            }

            fields = field.Parts;
            where = $"in {field.Path}";
        }

        return null;
    }

    private static YMapping? Child(YMapping mapping, string name, string? item, bool create, out string? error)
    {
        error = null;
        var entry = mapping.Find(name);
        if (item is null)
        {
            switch (entry?.Value)
            {
                case YMapping child:
                    return child;
                case null or YScalar { IsNull: true }:
                    if (!create)
                    {
                        return null;
                    }

                    var made = new YMapping(Position.Start, []);
                    Put(mapping, name, made);
                    return made;
                default:
                    error = $"{name} is not a mapping of fields";
                    return null;
            }
        }

        YSequence sequence;
        switch (entry?.Value)
        {
            case YSequence s:
                sequence = s;
                break;
            case null or YScalar { IsNull: true }:
                if (!create)
                {
                    return null;
                }

                sequence = new YSequence(Position.Start, []);
                Put(mapping, name, sequence);
                break;
            default:
                error = $"{name} is not a list";
                return null;
        }

        var found = sequence.Items.OfType<YMapping>().FirstOrDefault(m => m.Find("id")?.Value is YScalar id && id.Value == item);
        if (found is null && create)
        {
            found = new YMapping(Position.Start, [new YEntry("id", Position.Start, Plain(item))]);
            sequence.Items.Add(found);
        }

        return found;
    }

    private static string? SetScalar(YMapping mapping, string name, string value)
    {
        if (mapping.Find(name)?.Value is YSequence or YMapping && value.Length > 0)
        {
            return $"{name} holds a list or fields: use {name}+=VALUE and {name}-=VALUE for lists, or set its fields";
        }

        if (value.Length == 0)
        {
            mapping.Entries.RemoveAll(e => e.Key == name);
        }
        else
        {
            Put(mapping, name, Plain(value));
        }

        return null;
    }

    private static string? AddToList(YMapping mapping, string name, string value)
    {
        switch (mapping.Find(name)?.Value)
        {
            case null or YScalar { IsNull: true }:
                Put(mapping, name, new YSequence(Position.Start, [Plain(value)]));
                return null;
            case YSequence sequence:
                if (!sequence.Items.Any(i => i is YScalar s && s.Value == value))
                {
                    sequence.Items.Add(Plain(value));
                }

                return null;
            default:
                return $"{name} is not a list: use {name}=VALUE";
        }
    }

    private static string? RemoveFromList(YMapping mapping, string name, string value)
    {
        if (mapping.Find(name)?.Value is not YSequence sequence)
        {
            return $"{name} is not a list holding {Text.Quote(value)}";
        }

        var removed = sequence.Items.RemoveAll(i => i is YScalar s && s.Value == value);
        return removed == 0 ? $"{name} does not hold {Text.Quote(value)}" : null;
    }

    private static string? RemoveItem(YMapping mapping, string name, string item)
    {
        if (mapping.Find(name)?.Value is not YSequence sequence)
        {
            return $"{name} has no item {item}";
        }

        var removed = sequence.Items.RemoveAll(i => i is YMapping m && m.Find("id")?.Value is YScalar id && id.Value == item);
        return removed == 0 ? $"{name} has no item {item}" : null;
    }

    private static void Put(YMapping mapping, string name, YNode value)
    {
        var index = mapping.Entries.FindIndex(e => e.Key == name);
        var entry = new YEntry(name, index >= 0 ? mapping.Entries[index].KeyPosition : Position.Start, value);
        if (index >= 0)
        {
            mapping.Entries[index] = entry;
        }
        else
        {
            mapping.Entries.Add(entry);
        }
    }

    /// <summary>A value as given; one that YAML would read as null (<c>~</c>, <c>null</c>) stays the text it is.</summary>
    private static YScalar Plain(string value) =>
        new(Position.Start, value, Quoted: value is "~" or "null" or "Null" or "NULL");

    [GeneratedRegex(@"\A(?<path>[a-z_][a-z_0-9]*(\[[A-Za-z0-9-]+\])?(\.[a-z_][a-z_0-9]*(\[[A-Za-z0-9-]+\])?)*)(?<op>\+=|-=|=)(?<value>.*)\z", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Setting();

    [GeneratedRegex(@"(?<name>[a-z_][a-z_0-9]*)(\[(?<item>[A-Za-z0-9-]+)\])?", RegexOptions.CultureInvariant)]
    private static partial Regex Segments();
}
