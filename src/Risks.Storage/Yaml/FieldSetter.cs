using System.Text.RegularExpressions;
using Risks.Core.Domain;

namespace Risks.Storage.Yaml;

/// <summary>
/// Applies <c>path=value</c> settings to a risk file's tree, with fields named by their path in
/// the file: <c>current.likelihood=3</c>, <c>actions[A3].due=2025-06-30</c> (a list item by its
/// id, created when missing), <c>committees+=Audit Committee</c> and <c>committees-=...</c> for
/// lists, and <c>path=</c> to clear a field. The result is read and checked like any file.
/// </summary>
public static partial class FieldSetter
{
    public const string Syntax = "FIELD=VALUE, FIELD+=VALUE or FIELD-=VALUE, with FIELD a path in the file such as current.likelihood or actions[A3].due";

    /// <summary>Applies one setting; returns an error message, or null when it was applied.</summary>
    public static string? Apply(YMapping root, string setting)
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
