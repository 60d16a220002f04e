namespace Risks.Storage.Yaml;

/// <summary>A position in a file, 1-based.</summary>
public readonly record struct Position(int Line, int Column)
{
    public static Position Start { get; } = new(1, 1);
}

/// <summary>
/// A YAML document as plain data: mappings, sequences and scalars with their positions. Built
/// by <see cref="YamlTreeReader"/>, which refuses what the register does not allow (anchors,
/// aliases, tags, duplicate keys, deep nesting), so everything downstream walks a small, safe tree.
/// </summary>
public abstract record YNode(Position Position);

public sealed record YScalar(Position Position, string Value, bool Quoted) : YNode(Position)
{
    /// <summary>A plain empty value or <c>~</c>/<c>null</c>: YAML's null.</summary>
    public bool IsNull => !Quoted && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");
}

public sealed record YSequence(Position Position, List<YNode> Items) : YNode(Position);

public sealed record YMapping(Position Position, List<YEntry> Entries) : YNode(Position)
{
    public YEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }
}

public sealed record YEntry(string Key, Position KeyPosition, YNode Value);
