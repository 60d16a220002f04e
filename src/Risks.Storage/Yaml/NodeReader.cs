using System.Globalization;
using Risks.Core.Domain;
using Risks.Core.Schema;
using Risks.Core.Validation;

namespace Risks.Storage.Yaml;

/// <summary>
/// Typed, positioned reading of one mapping. Every value read records its position under its
/// path in <see cref="SourceMap"/>; a wrong type is a problem at the value; a key nobody asked
/// for is reported by <see cref="Finish"/> with the keys allowed there, so nothing is silently dropped.
/// </summary>
internal sealed class NodeReader
{
    private readonly YMapping _mapping;
    private readonly string _path;
    private readonly Context _context;
    private readonly List<string> _asked = [];
    private readonly List<string> _allowed = [];

    private NodeReader(YMapping mapping, string path, Context context)
    {
        _mapping = mapping;
        _path = path;
        _context = context;
        context.Map[path] = mapping.Position;
    }

    public Position Position => _mapping.Position;

    /// <summary>Whether the mapping gives <paramref name="key"/> at all (even with a wrong value).</summary>
    public bool Has(string key) => _mapping.Find(key) is not null;

    /// <summary>Whether the mapping gives <paramref name="key"/> a list.</summary>
    public bool IsList(string key) => _mapping.Find(key)?.Value is YSequence;

    /// <summary>The full path of a key of this mapping, such as <c>bands[2].rag</c>.</summary>
    public string PathOf(string key) => Join(key);

    /// <summary>Whether a wrong value was already reported at <paramref name="path"/> or inside it.</summary>
    public bool ReportedWithin(string path) =>
        _context.Reported.Any(p => p == path || p.StartsWith(path + ".", StringComparison.Ordinal) || p.StartsWith(path + "[", StringComparison.Ordinal));

    /// <summary>Reports <paramref name="key"/> as required, unless a wrong value for it was reported already.</summary>
    public void Require(string key, string what)
    {
        if (!ReportedWithin(Join(key)))
        {
            Problem(key, $"{Join(key)} is required{(what.Length > 0 ? ": " + what : "")}");
        }
    }

    /// <summary>The keys of this mapping, for mappings keyed by data (such as risk ids).</summary>
    public IReadOnlyList<string> Keys => _mapping.Entries.Select(e => e.Key).ToList();

    /// <summary>The root reader, or null (with a problem) when the document is not a mapping.</summary>
    public static NodeReader? Root(YNode node, string file, List<Problem> problems, Dictionary<string, Position> map)
    {
        var context = new Context(file, problems, map);
        if (node is YMapping mapping)
        {
            return new NodeReader(mapping, "", context);
        }

        context.Problem(node.Position, $"the file must be a mapping of keys to values, found {Describe(node)}");
        return null;
    }

    public string? Text(string key)
    {
        var (node, path) = Get(key);
        if (node is null)
        {
            return null;
        }

        if (node is YScalar scalar)
        {
            return scalar.IsNull ? null : scalar.Value;
        }

        return Wrong(node, path, "text");
    }

    public int? Int(string key)
    {
        var (node, path) = Get(key);
        if (node is not YScalar scalar || scalar.IsNull)
        {
            return node is null or YScalar ? null : Wrong<int?>(node, path, "a whole number");
        }

        if (!scalar.Quoted && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        return Wrong<int?>(node, path, "a whole number");
    }

    public bool? Bool(string key)
    {
        var (node, path) = Get(key);
        if (node is not YScalar scalar || scalar.IsNull)
        {
            return node is null or YScalar ? null : Wrong<bool?>(node, path, "true or false");
        }

        return !scalar.Quoted && scalar.Value is "true" or "false"
            ? scalar.Value == "true"
            : Wrong<bool?>(node, path, "true or false");
    }

    public DateOnly? Date(string key)
    {
        var (node, path) = Get(key);
        if (node is not YScalar scalar || scalar.IsNull)
        {
            return node is null or YScalar ? null : Wrong<DateOnly?>(node, path, "a date (YYYY-MM-DD)");
        }

        if (FieldValues.TryParseIso(scalar.Value, out var date))
        {
            return date;
        }

        return Wrong<DateOnly?>(node, path, "a date (YYYY-MM-DD)");
    }

    public T? Choice<T>(string key) where T : struct, Enum
    {
        var (node, path) = Get(key);
        if (node is not YScalar scalar || scalar.IsNull)
        {
            return node is null or YScalar ? null : Wrong<T?>(node, path, Vocabulary.Choices<T>());
        }

        if (Vocabulary.TryParse<T>(scalar.Value, out var value))
        {
            return value;
        }

        return Wrong<T?>(node, path, Vocabulary.Choices<T>());
    }

    /// <summary>One of <paramref name="words"/>, as the file writes it.</summary>
    public string? Word(string key, IReadOnlyList<string> words)
    {
        var (node, path) = Get(key);
        if (node is not YScalar scalar || scalar.IsNull)
        {
            return node is null or YScalar ? null : Wrong(node, path, Risks.Core.Domain.Text.OneOf(words));
        }

        return words.Contains(scalar.Value, StringComparer.Ordinal) ? scalar.Value : Wrong(node, path, Risks.Core.Domain.Text.OneOf(words));
    }

    /// <summary>A date as the file writes it (YYYY-MM-DD), checked.</summary>

    /// <summary>
    /// Every entry of a mapping keyed by data (such as a risk's <c>custom</c> group): a text for a
    /// scalar, a list for a sequence of texts; anything else is a problem at its position.
    /// </summary>
    public IReadOnlyList<(string Key, string? Text, IReadOnlyList<string>? List)> Values()
    {
        var values = new List<(string, string?, IReadOnlyList<string>?)>(_mapping.Entries.Count);
        foreach (var entry in _mapping.Entries)
        {
            var (node, path) = Get(entry.Key);
            switch (node)
            {
                case YScalar { IsNull: true }:
                    break;
                case YScalar scalar:
                    values.Add((entry.Key, scalar.Value, null));
                    break;
                case YSequence:
                    values.Add((entry.Key, null, Texts(entry.Key)));
                    break;
                default:
                    Wrong(node!, path, "text or a list of texts");
                    break;
            }
        }

        return values;
    }

    /// <summary>A list of one-line texts; a single text is accepted as a list of one.</summary>
    public IReadOnlyList<string> Texts(string key)
    {
        var (node, path) = Get(key);
        switch (node)
        {
            case null:
                return [];
            case YScalar scalar:
                return scalar.IsNull ? [] : [scalar.Value];
            case YSequence sequence:
                var values = new List<string>(sequence.Items.Count);
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var itemPath = $"{path}[{i}]";
                    var item = sequence.Items[i];
                    _context.Map[itemPath] = item.Position;
                    if (item is YScalar { IsNull: false } text)
                    {
                        values.Add(text.Value);
                    }
                    else
                    {
                        Wrong(item, itemPath, "text");
                    }
                }

                return values;
            default:
                Wrong(node, path, "a list of texts");
                return [];
        }
    }

    public NodeReader? Mapping(string key) => Mapping(key, listed: true);

    /// <summary>
    /// A mapping under <paramref name="key"/>; when not <paramref name="listed"/>, the key is allowed
    /// but not named among the keys allowed when another key is unknown.
    /// </summary>
    public NodeReader? Mapping(string key, bool listed)
    {
        var (node, path) = Get(key, listed);
        return node switch
        {
            null => null,
            YScalar { IsNull: true } => null,
            YMapping mapping => new NodeReader(mapping, path, _context),
            _ => Wrong<NodeReader?>(node, path, "a mapping of keys to values"),
        };
    }

    /// <summary>The items of a list of mappings.</summary>
    public IReadOnlyList<NodeReader> Items(string key)
    {
        var (node, path) = Get(key);
        switch (node)
        {
            case null or YScalar { IsNull: true }:
                return [];
            case YSequence sequence:
                var items = new List<NodeReader>(sequence.Items.Count);
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var itemPath = $"{path}[{i}]";
                    if (sequence.Items[i] is YMapping mapping)
                    {
                        items.Add(new NodeReader(mapping, itemPath, _context));
                    }
                    else
                    {
                        Wrong(sequence.Items[i], itemPath, "a mapping of keys to values");
                    }
                }

                return items;
            default:
                Wrong(node, path, "a list");
                return [];
        }
    }

    /// <summary>Finishes the mapping (see <see cref="Finish()"/>) and passes on what was read from it.</summary>
    public T Finish<T>(T value)
    {
        Finish();
        return value;
    }

    /// <summary>Reports every key that was not asked for, naming the keys allowed here.</summary>
    public void Finish()
    {
        foreach (var entry in _mapping.Entries)
        {
            if (!_asked.Contains(entry.Key, StringComparer.Ordinal) && !_allowed.Contains(entry.Key, StringComparer.Ordinal))
            {
                var where = _path.Length == 0 ? "at the top level" : $"in {_path}";
                var near = _asked.FirstOrDefault(k => string.Equals(k, entry.Key, StringComparison.OrdinalIgnoreCase) || string.Equals(k, entry.Key.Replace('-', '_').Replace(' ', '_'), StringComparison.OrdinalIgnoreCase));
                var hint = near is null ? "" : $" (did you mean {near}?)";
                _context.Problem(entry.KeyPosition, $"unknown key {Risks.Core.Domain.Text.Quote(entry.Key)} {where}{hint}; the keys allowed are {Risks.Core.Domain.Text.OneOf(_asked)}");
            }
        }
    }

    public void Problem(string key, string message)
    {
        var path = Join(key);
        _context.Reported.Add(path);
        _context.Problem(_context.Map.TryGetValue(path, out var at) ? at : _mapping.Position, message);
    }

    private (YNode? Node, string Path) Get(string key, bool listed = true)
    {
        (listed ? _asked : _allowed).Add(key);
        var path = Join(key);
        var entry = _mapping.Find(key);
        if (entry is null)
        {
            return (null, path);
        }

        _context.Map[path] = entry.Value.Position;
        return (entry.Value, path);
    }

    private string Join(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    private T? Wrong<T>(YNode node, string path, string expected)
    {
        _context.Reported.Add(path);
        _context.Problem(node.Position, $"{path} must be {expected}, found {Describe(node)}");
        return default;
    }

    private string? Wrong(YNode node, string path, string expected) => Wrong<string>(node, path, expected);

    private static string Describe(YNode node) => node switch
    {
        YScalar { IsNull: true } => "nothing",
        YScalar scalar => Risks.Core.Domain.Text.Quote(scalar.Value),
        YSequence => "a list",
        _ => "a mapping",
    };

    private sealed record Context(string File, List<Problem> Problems, Dictionary<string, Position> Map)
    {
        /// <summary>Paths whose values were reported as wrong.</summary>
        public HashSet<string> Reported { get; } = new(StringComparer.Ordinal);

        public void Problem(Position at, string message) => Problems.Add(new Problem(File, at.Line, at.Column, message));
    }
}
