namespace Risks.Core.Validation;

/// <summary>
/// A problem with one field, named by its path in the file (<c>current.impact</c>,
/// <c>actions[2].due</c>); storage turns the path into a file, line and column.
/// </summary>
public sealed record FieldIssue(string Path, string Message)
{
    /// <summary>The issue is that the field has no value (as opposed to a wrong one).</summary>
    public bool IsMissing { get; init; }

    public override string ToString() => Message;
}

/// <summary>The grammar of field paths: <c>actions[2].due</c> lies within <c>actions[2]</c>, within <c>actions</c>.</summary>
public static class FieldPath
{
    /// <summary>The path that encloses <paramref name="path"/>, or "" for a top-level field.</summary>
    public static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut > 0 ? path[..cut] : "";
    }

    /// <summary>A path with its items unnamed, as the schema declares it: <c>actions[A3].due</c> and <c>actions[2].due</c> are <c>actions[].due</c>.</summary>
    public static string Template(string path)
    {
        if (!path.Contains('[', StringComparison.Ordinal))
        {
            return path;
        }

        var builder = new System.Text.StringBuilder(path.Length);
        var inside = false;
        foreach (var c in path)
        {
            if (c == '[')
            {
                inside = true;
                builder.Append(c);
            }
            else if (c == ']')
            {
                inside = false;
                builder.Append(c);
            }
            else if (!inside)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
