
namespace Risks.Core.Domain;

/// <summary>
/// A risk's stable id, such as <c>BAF-07</c> or <c>CRR-058</c>: a prefix of capital letters and
/// digits starting with a letter, a dash, and a number. The grammar admits nothing that could
/// name a path outside the register, so the id is safe to use as a file name.
/// </summary>
public readonly record struct RiskId
{
    public const string Rules = "an id is 1-10 capital letters or digits starting with a letter, a dash, and 1-6 digits, such as BAF-07";

    private RiskId(string value, string prefix, int number, string identity)
    {
        Value = value;
        Prefix = prefix;
        Number = number;
        _identity = identity;
    }

    private readonly string? _identity;

    public string Value { get; }

    public string Prefix { get; }

    public int Number { get; }

    /// <summary>Ids that differ only in leading zeros (<c>BAF-7</c>, <c>BAF-07</c>) share this key.</summary>
    public string Identity => _identity ?? $"{Prefix}-{Number}";

    public static bool TryParse(string? text, out RiskId id)
    {
        id = default;
        var dash = text?.IndexOf('-') ?? -1;
        if (text is null || dash is < 1 or > 10 || !char.IsAsciiLetterUpper(text[0]) || text.Length - dash - 1 is < 1 or > 6)
        {
            return false;
        }

        for (var i = 1; i < dash; i++)
        {
            if (!char.IsAsciiLetterUpper(text[i]) && !char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        var number = 0;
        for (var i = dash + 1; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            number = (number * 10) + (text[i] - '0');
        }

        var prefix = text[..dash];
        // Written without leading zeros, the id is its own identity: no second string for it.
        var identity = text[dash + 1] != '0' || text.Length == dash + 2 ? text : $"{prefix}-{number}";
        id = new RiskId(text, prefix, number, identity);
        return true;
    }

    public static RiskId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"\"{text}\" is not a risk id: {Rules}");

    public override string ToString() => Value ?? "";
}
