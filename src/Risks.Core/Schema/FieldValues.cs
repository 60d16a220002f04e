using System.Globalization;
using Risks.Core.Domain;
using Risks.Core.Presentation;

namespace Risks.Core.Schema;

/// <summary>
/// A field's value between its three forms, by the field's type, in one place: as the file holds
/// it (<c>2025-06-30</c>, <c>partially_effective</c>), as a person types it (<c>30 Jun 2025</c>,
/// <c>partially effective</c>, <c>4 Major</c>), and as the screen and papers show it.
/// </summary>
public static class FieldValues
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseIso(string text) =>
        TryParseIso(text, out var date) ? date : throw new FormatException($"'{text}' is not a date as YYYY-MM-DD");

    /// <summary>
    /// A date as a file holds it, <c>2025-06-30</c>: four digits, two and two, each a real day; nothing
    /// else (no spaces, no other forms). Read by hand, not by the framework's parser, which sets up
    /// the culture's collation the first time (a fifth of <c>risks show</c>'s own work, measured).
    /// </summary>
    public static bool TryParseIso(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..], out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;

        static bool TryDigits(ReadOnlySpan<char> digits, out int value)
        {
            value = 0;
            foreach (var c in digits)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return true;
        }
    }

    /// <summary>
    /// What is wrong with a value as a file holds it, or null when it is a value the field takes:
    /// "a date (YYYY-MM-DD)". Only the form is checked; whether a person or objective exists is the register's check.
    /// </summary>
    public static string? Expected(Field field, string value, RegisterSettings? settings = null) => field.Type switch
    {
        FieldType.Date when !TryParseIso(value, out _) => "a date (YYYY-MM-DD)",
        FieldType.Number when !IsNumber(field, value) => NumberRule(field),
        FieldType.Choice when ChoicesOf(field, settings) is { Count: > 0 } words && !words.Contains(value, StringComparer.Ordinal) => Text.OneOf(words),
        FieldType.YesNo when value is not ("true" or "false") => "true or false",
        _ => null,
    };

    /// <summary>What a missing value of the field is asked for, or null when its name says enough: "a whole number 1-5", "control or assurance".</summary>
    public static string? Asked(Field field) => field.Asks ?? field.Type switch
    {
        FieldType.Choice when field.Words.Count > 0 => Text.OneOf(field.Words),
        FieldType.Number => NumberRule(field),
        _ => null,
    };

    /// <summary>"a whole number 1-5", "a number".</summary>
    public static string NumberRule(Field field) =>
        field.Min is { } min && field.Max is { } max ? $"a whole number {min}-{max}" : field.IsCustom ? "a number" : "a whole number";

    /// <summary>The values a choice takes: its words, or the register's categories.</summary>
    public static IReadOnlyList<string> ChoicesOf(Field field, RegisterSettings? settings) =>
        field.Choices == ChoiceSource.Categories ? settings?.Categories ?? [] : field.Words;

    /// <summary>
    /// The file's form of what a person typed for a field of one value, or why it cannot be taken.
    /// A blank gives null (clearing the field). Dates are taken as 2025-06-30, 30 Jun 2025 or 30/06/2025;
    /// choices by their word or phrase, in any case; numbers by their first word ("4 Major").
    /// </summary>
    public static (string? Value, string? Error) FromInput(Field field, string input, RegisterSettings? settings = null)
    {
        var text = input.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (field.Type != FieldType.LongText)
        {
            text = OneLine(text);
        }

        if (text.Length == 0)
        {
            return (null, null);
        }

        switch (field.Type)
        {
            case FieldType.Date:
                var (date, notDate) = DateFromInput(field.Path, text);
                return (date is { } d ? Iso(d) : null, notDate);
            case FieldType.Number when field.IsCustom:
                return IsNumber(field, text) ? (text, null) : (null, $"{field.Path} must be {NumberRule(field)}, found {Text.Quote(text)}");
            case FieldType.Number:
                var (number, notNumber) = WholeFromInput(field.Path, text.Split(' ')[0], field.Min ?? int.MinValue, field.Max ?? int.MaxValue, text, field.Min is null || field.Max is null ? NumberRule(field) : null);
                return (number?.ToString(CultureInfo.InvariantCulture), notNumber);
            case FieldType.YesNo:
                var (yes, notYesNo) = YesNoFromInput(field.Path, text);
                return (yes is { } y ? (y ? "true" : "false") : null, notYesNo);
            case FieldType.Choice:
                var words = ChoicesOf(field, settings);
                return words.Count == 0 ? (text, null) : WordFromInput(field.Path, text, words);
            default:
                return (text, null);
        }
    }

    /// <summary>A date as a person types it: 2025-06-30, 30 Jun 2025 or 30/06/2025; null for a blank.</summary>
    public static (DateOnly? Value, string? Error) DateFromInput(string path, string input)
    {
        var text = input.Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        return Formats.TryParseDate(text, out var date)
            ? (date, null)
            : (null, $"{path} must be a date (YYYY-MM-DD, or as 30 Jun 2025 or 30/06/2025), found {Text.Quote(text)}");
    }

    /// <summary>
    /// A whole number from <paramref name="min"/> to <paramref name="max"/> as a person types it; null for a blank.
    /// The error says <paramref name="rule"/> ("a score 1-25") or the range, and quotes <paramref name="typed"/> (by default the text).
    /// </summary>
    public static (int? Value, string? Error) WholeFromInput(string path, string input, int min, int max, string? typed = null, string? rule = null)
    {
        var text = input.Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? (n, null)
            : (null, $"{path} must be {rule ?? Range(min, max)}, found {Text.Quote(typed ?? text)}");
    }

    /// <summary>Yes or no as a person types it (yes, y, true; no, n, false; in any case); null for a blank.</summary>
    public static (bool? Value, string? Error) YesNoFromInput(string path, string input) => input.Trim().ToLowerInvariant() switch
    {
        "" => (null, null),
        "yes" or "true" or "y" => (true, null),
        "no" or "false" or "n" => (false, null),
        _ => (null, $"{path} must be yes or no, found {Text.Quote(input.Trim())}"),
    };

    /// <summary>One of <paramref name="words"/> as a person types it: the word, or its phrase (spaces for underscores), in any case; null for a blank.</summary>
    public static (string? Value, string? Error) WordFromInput(string path, string input, IReadOnlyList<string> words)
    {
        var text = input.Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        var found = words.FirstOrDefault(w => string.Equals(w, text, StringComparison.Ordinal))
            ?? words.FirstOrDefault(w => string.Equals(w, text.Replace(' ', '_'), StringComparison.OrdinalIgnoreCase))
            ?? words.FirstOrDefault(w => string.Equals(w.Replace('_', ' '), text, StringComparison.OrdinalIgnoreCase));
        return found is not null ? (found, null) : (null, $"{path} must be {Text.OneOf(words)}, found {Text.Quote(text)}");
    }

    /// <summary>A list as typed, one value per line, blank lines left out.</summary>
    public static IReadOnlyList<string> ListFromInput(string input) =>
        input.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A value of one field as people read it: <c>30 Jun 2025</c>, <c>partially effective</c>, a person's name, <c>yes</c>.</summary>
    public static string Show(Field field, string? value, RegisterSettings? settings = null)
    {
        if (string.IsNullOrEmpty(value))
        {
            return field.Type == FieldType.YesNo ? "no" : "";
        }

        return field.Type switch
        {
            FieldType.Date when TryParseIso(value, out var d) => Formats.Date(d),
            FieldType.Choice when field.Choices == ChoiceSource.Words && !field.IsCustom => value.Replace('_', ' '),
            FieldType.YesNo => value == "true" ? "yes" : "no",
            FieldType.Person => settings?.NameOf(value) ?? value,
            _ => value,
        };
    }

    /// <summary>A field's value on <paramref name="owner"/> as people read it, a list's entries joined by "; "; blank when it has none.</summary>
    public static string Show(Field field, object? owner, RegisterSettings? settings)
    {
        if (owner is null)
        {
            return "";
        }

        return field.IsList
            ? string.Join("; ", field.List(owner).Select(v => Show(field, v, settings)))
            : Show(field, field.Text(owner), settings);
    }

    private static bool IsNumber(Field field, string text)
    {
        if (field.IsCustom)
        {
            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            && (field.Min is not { } min || n >= min)
            && (field.Max is not { } max || n <= max);
    }

    /// <summary>"1-5"; "1, 2 or 3" for a short range.</summary>
    public static string Range(int min, int max) =>
        max - min < 3 ? Text.OneOf(Enumerable.Range(min, max - min + 1).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList()) : $"{min}-{max}";

    private static string OneLine(string text) =>
        text.Contains('\n', StringComparison.Ordinal) ? string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) : text;
}
