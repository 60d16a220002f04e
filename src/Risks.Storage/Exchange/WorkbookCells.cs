using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Risks.Storage.Exchange;

/// <summary>How a workbook writes what a cell holds: dates as day numbers, columns as letters, and characters XML cannot hold as <c>_xHHHH_</c>.</summary>
public static partial class WorkbookCells
{
    /// <summary>Day 0 of a workbook's day numbers (the 1900 system, as spreadsheets count from 1 March 1900 on).</summary>
    private static readonly DateOnly Epoch = new(1899, 12, 30);

    /// <summary>The days between the 1900 and 1904 systems.</summary>
    private const int Days1904 = 1462;

    /// <summary>The day number of <paramref name="date"/> in the 1900 system.</summary>
    public static int Serial(DateOnly date) => date.DayNumber - Epoch.DayNumber;

    /// <summary>
    /// The date a day number stands for (a fraction is the time of day, and is dropped), or null
    /// when it is no date a spreadsheet shows: before 1 Mar 1900 (where the 1900 system counts a day
    /// that never was) or after 9999.
    /// </summary>
    public static DateOnly? Date(double serial, bool system1904)
    {
        var days = Math.Floor(serial) + (system1904 ? Days1904 : 0);
        return days < 61 || days > 2958465 ? null : Epoch.AddDays((int)days);
    }

    /// <summary>The letters of a column by its place from 0: A, ..., Z, AA, ...</summary>
    public static string ColumnName(int column)
    {
        var name = new StringBuilder();
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return name.ToString();
    }

    /// <summary>A cell reference's column from 0 (<c>C7</c> is 2) and row from 1, or null when it is not a reference.</summary>
    public static (int Column, int Row)? Place(string reference)
    {
        var letters = 0;
        var column = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[letters]) - 'A' + 1);
            letters++;
        }

        return letters > 0 && int.TryParse(reference.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 0
            ? (column - 1, row)
            : null;
    }

    /// <summary>Text as a workbook stores it: a character XML cannot hold (a control character), and an underscore that would otherwise read as such an escape, as <c>_xHHHH_</c>.</summary>
    public static string Escape(string text)
    {
        if (!NeedsEscape(text))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < 0x20 && c is not '\n' and not '\t') || c == '\uFFFE' || c == '\uFFFF' || (c == '_' && EscapedAt().IsMatch(text, i)))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>Text as the cell holds it: each <c>_xHHHH_</c> the character it stands for, and a carriage return (with or without its line feed) a line feed.</summary>
    public static string Unescape(string text)
    {
        if (text.Contains("_x", StringComparison.Ordinal))
        {
            text = Escaped().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
        }

        return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
    }

    private static bool NeedsEscape(string text)
    {
        foreach (var c in text)
        {
            if ((c < 0x20 && c is not '\n' and not '\t') || c is '\uFFFE' or '\uFFFF')
            {
                return true;
            }
        }

        return text.Contains("_x", StringComparison.Ordinal) && Escaped().IsMatch(text);
    }

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escaped();

    [GeneratedRegex("\\G_x[0-9A-Fa-f]{4}_")]
    private static partial Regex EscapedAt();
}
