using System.Globalization;
using System.Text;
using CsvHelper;
using Risks.Core.Domain;
using Risks.Core.Exchange;
using Risks.Core.Validation;
using Risks.Storage.Yaml;

namespace Risks.Storage.Exchange;

/// <summary>A CSV file read: its header, its rows by number, and why it could not be read, if it could not.</summary>
public sealed record CsvTable(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> Problems);

/// <summary>
/// The register as CSV for spreadsheets, both ways: UTF-8 with a byte order mark (so Excel reads
/// it as UTF-8), RFC 4180 quoting, CRLF between rows. A text that a spreadsheet would run as a
/// formula (starting with <c>= + - @</c>) is written with a leading <c>'</c>, which reading removes.
/// </summary>
public static class RiskCsv
{
    private const string FormulaStarts = "=+-@\t";

    private static readonly CsvWriterOptions WriterOptions = new() { FormatProvider = CultureInfo.InvariantCulture };

    /// <summary>
    /// Writes one row per risk, with <see cref="RiskCells.ColumnsFor"/>. It starts with U+FEFF: give a
    /// writer that writes no byte order mark of its own (<see cref="Files.OutputFile.Write"/>, <c>Console.Out</c>).
    /// </summary>
    public static void WriteRisks(TextWriter output, IEnumerable<Risk> risks, RegisterSettings settings, DateOnly today) =>
        Write(output, RiskCells.ColumnsFor(settings), risks.Select(r => RiskCells.Row(r, settings, today)));

    /// <summary>Writes one row per action of the risks, with <see cref="RiskCells.ActionColumns"/>; starts with U+FEFF as <see cref="WriteRisks"/> does.</summary>
    public static void WriteActions(TextWriter output, IEnumerable<Risk> risks, RegisterSettings settings, DateOnly today) =>
        Write(output, RiskCells.ActionColumns, risks.SelectMany(r => RiskCells.ActionRows(r, settings, today)));

    /// <summary>
    /// Reads a CSV file's bytes: the first row is the header; each row after it is numbered as a
    /// spreadsheet numbers it (the header is row 1, an empty line is a row) and holds its cells by
    /// header, with line ends as LF. A file that is not UTF-8, or whose quoting never closes, has problems and no rows.
    /// </summary>
    public static CsvTable Read(ReadOnlySpan<byte> bytes, string file)
    {
        var found = new List<Problem>();
        if (SafeText.Utf8(bytes, file, found) is not { } text)
        {
            return new CsvTable([], [], found.ConvertAll(p => $"{p}; in Excel, save as \"CSV UTF-8 (Comma delimited)\""));
        }

        var problems = new List<string>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            SkipEmptyLines = false,
            OnMalformedRecord = record =>
            {
                if (record.Reason == CsvMalformedReason.UnterminatedQuote)
                {
                    problems.Add($"{file}: row {record.RecordNumber}: a quoted cell is never closed (a \" with no closing \"), so the rest of the file would be read into it");
                }
            },
        };
        using var reader = CsvReader.FromText(text, options);
        var headers = reader.Headers.Select(h => h.Trim()).ToList();
        var rows = new List<ImportRow>();
        while (reader.Read())
        {
            var number = checked((int)reader.RowNumber + 1);
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                cells.TryAdd(headers[i], Unprotect(reader.GetString(i).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')));
            }

            for (var i = headers.Count; i < reader.FieldCount; i++)
            {
                if (!string.IsNullOrWhiteSpace(reader.GetString(i)))
                {
                    problems.Add($"{file}: row {number}: cell {i + 1} holds {Text.Quote(reader.GetString(i))}, but the header has only {headers.Count} columns; is a comma missing its quotes?");
                    break;
                }
            }

            rows.Add(new ImportRow(number, cells));
        }

        return problems.Count > 0 ? new CsvTable(headers, [], problems) : new CsvTable(headers, rows, []);
    }

    private static void Write(TextWriter output, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        output.Write('\uFEFF');
        using var csv = CsvWriter.Create(output, WriterOptions, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column);
        }

        csv.EndRecord();
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(Protect(cell));
            }

            csv.EndRecord();
        }

        csv.Flush();
    }

    /// <summary>
    /// A cell a spreadsheet will not run as a formula: a leading <c>'</c> before text that looks
    /// like one, and before a <c>'</c> that <see cref="Unprotect"/> would otherwise remove, so reading gives the text back.
    /// </summary>
    private static string Protect(string cell) => NeedsMark(cell) ? "'" + cell : cell;

    private static string Unprotect(string cell) => cell.Length > 1 && cell[0] == '\'' && NeedsMark(cell[1..]) ? cell[1..] : cell;

    private static bool NeedsMark(string cell) =>
        cell.Length > 0 && (FormulaStarts.Contains(cell[0], StringComparison.Ordinal) || (cell[0] == '\'' && NeedsMark(cell[1..])));
}
