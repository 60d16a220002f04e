namespace Risks.Core.Domain;

/// <summary>Small helpers for the register's sentences.</summary>
public static class Text
{
    /// <summary><c>a, b or c</c>.</summary>
    public static string OneOf(IReadOnlyList<string> words) => Join(words, "or");

    /// <summary><c>a, b and c</c>.</summary>
    public static string All(IReadOnlyList<string> words) => Join(words, "and");

    /// <summary><c>1 change</c>, <c>3 changes</c>: a count with its noun, singular or plural.</summary>
    public static string Count(int count, string noun) =>
        count == 1 ? $"1 {noun}" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} {noun}s";

    /// <summary>A value as a message shows it: text in double quotes, cut at 60 characters.</summary>
    public static string Quote(string value)
    {
        var shown = value.Length > 60 ? value[..57] + "..." : value;
        return "\"" + shown.Replace("\n", "\\n") + "\"";
    }

    /// <summary>The first line of a text, cut to <paramref name="max"/> characters, for one-line summaries.</summary>
    public static string Brief(string value, int max = 60)
    {
        var line = value.Split('\n', 2)[0].Trim();
        return line.Length > max ? line[..(max - 3)].TrimEnd() + "..." : line;
    }

    private static string Join(IReadOnlyList<string> words, string last) => words.Count switch
    {
        0 => "",
        1 => words[0],
        _ => string.Join(", ", words.Take(words.Count - 1)) + $" {last} " + words[^1],
    };
}
