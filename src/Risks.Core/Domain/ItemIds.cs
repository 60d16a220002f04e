using System.Globalization;

namespace Risks.Core.Domain;

/// <summary>
/// The ids of a risk's controls, gaps, assurances and actions, and its leads' remits: a letter per
/// list and a number (<c>C1</c>, <c>G2</c>, <c>S3</c>, <c>A4</c>, <c>R1</c>), as the board papers number them.
/// </summary>
public static class ItemIds
{
    /// <summary>The lists of items, by their name in the file, with the letter their ids start with.</summary>
    public static IReadOnlyDictionary<string, string> Letters { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["lead_remits"] = "R",
        ["controls"] = "C",
        ["gaps"] = "G",
        ["assurances"] = "S",
        ["actions"] = "A",
    };

    /// <summary>The next id after the highest of <paramref name="used"/> that starts with <paramref name="letter"/>: <c>A4</c> after <c>A3</c>.</summary>
    public static string Next(string letter, IEnumerable<string> used)
    {
        var highest = used
            .Where(id => id.StartsWith(letter, StringComparison.OrdinalIgnoreCase))
            .Select(id => int.TryParse(id.AsSpan(letter.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return $"{letter}{highest + 1}";
    }
}
