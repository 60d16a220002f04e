using System.Globalization;
using System.Text.RegularExpressions;

namespace Risks.Core.Domain;

/// <summary>
/// A risk's stable id, such as <c>BAF-07</c> or <c>CRR-058</c>: a prefix of capital letters and
/// digits starting with a letter, a dash, and a number. The grammar admits nothing that could
/// name a path outside the register, so the id is safe to use as a file name.
/// </summary>
public readonly partial record struct RiskId
{
    public const string Rules = "an id is 1-10 capital letters or digits starting with a letter, a dash, and 1-6 digits, such as BAF-07";

    private RiskId(string value, string prefix, int number)
    {
        Value = value;
        Prefix = prefix;
        Number = number;
    }

    public string Value { get; }

    public string Prefix { get; }

    public int Number { get; }

    /// <summary>Ids that differ only in leading zeros (<c>BAF-7</c>, <c>BAF-07</c>) share this key.</summary>
    public string Identity => $"{Prefix}-{Number}";

    public static bool TryParse(string? text, out RiskId id)
    {
        id = default;
        if (text is null)
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        id = new RiskId(text, match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        return true;
    }

    public static RiskId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"\"{text}\" is not a risk id: {Rules}");

    public override string ToString() => Value ?? "";

    [GeneratedRegex(@"\A([A-Z][A-Z0-9]{0,9})-([0-9]{1,6})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
