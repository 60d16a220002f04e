using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Risks.Core.Domain;

namespace Risks.Core.Validation;

/// <summary>The shared rules for values: lengths, characters and name formats.</summary>
public static partial class Rules
{
    public const int MaxLineLength = 200;

    public const int MaxTextLength = 64 * 1024;

    public const string ItemIdRules = "letters, digits and dashes, at most 20 characters, such as A3";

    public const string LoginRules = "a Unix login: lower-case letters, digits, '_', '.' or '-', starting with a letter or '_'";

    public const string CustomKeyRules = "lower-case letters, digits and '_', starting with a letter, such as cqc_domain";

    /// <summary>Whether a text may be the key of a register's own field under <c>custom</c>.</summary>
    public static bool IsCustomKey(string value) => CustomKey().IsMatch(value);

    public static bool IsItemId(string value) => ItemId().IsMatch(value);

    public static bool IsLogin(string value) => Login().IsMatch(value);

    /// <summary>The first character a value may not hold, with its index: controls other than tab and line feed, and bidi overrides.</summary>
    public static (int Index, char Char)? ForbiddenCharacter(string value) =>
        IndexOfForbidden(value) is var i and >= 0 ? (i, value[i]) : null;

    /// <summary>Where the first character a value may not hold is (see <see cref="ForbiddenCharacter"/>), or -1.</summary>
    public static int IndexOfForbidden(ReadOnlySpan<char> text) => text.IndexOfAny(Forbidden);

    public static bool IsForbidden(char c) =>
        (c < 0x20 && c != '\t' && c != '\n')
        || (c >= 0x7F && c <= 0x9F)
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E' || c == '\u200F' || c == '\u061C'
        || c == '\uFEFF';

    /// <summary>Every character <see cref="IsForbidden"/>, for a search of a whole text at once.</summary>
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(IsForbidden).ToArray());

    public static string Describe(char c) => $"U+{(int)c:X4}";

    /// <summary>Checks a text value: not too long, no forbidden character, one line unless <paramref name="multiLine"/>.</summary>
    public static void CheckText(ICollection<FieldIssue> issues, string path, string? value, bool multiLine)
    {
        if (value is null)
        {
            return;
        }

        if (ForbiddenCharacter(value) is { } bad)
        {
            issues.Add(new FieldIssue(path, $"{path} must not hold the control character {Describe(bad.Char)}"));
        }

        if (!multiLine && value.Contains('\n', StringComparison.Ordinal))
        {
            issues.Add(new FieldIssue(path, $"{path} must be one line"));
        }
        else if (!multiLine && value.Length > MaxLineLength)
        {
            issues.Add(new FieldIssue(path, $"{path} must be at most {MaxLineLength} characters, found {value.Length}"));
        }
        else if (value.Length > MaxTextLength)
        {
            issues.Add(new FieldIssue(path, $"{path} must be at most {MaxTextLength:N0} characters ({MaxTextLength / 1024} KiB), found {value.Length:N0}"));
        }
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9-]{0,19}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ItemId();

    [GeneratedRegex(@"\A[a-z][a-z0-9_]{0,39}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CustomKey();

    [GeneratedRegex(@"\A[a-z_][a-z0-9_.-]{0,31}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Login();
}
