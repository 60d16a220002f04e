using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Core.Exchange;

/// <summary>
/// One row of a spreadsheet: its number as the spreadsheet shows it (in a CSV file the header is
/// row 1), its cells by column header, and why any cell could not be read (a workbook's cell showing
/// an error), by column header: such a cell is empty in <see cref="Cells"/>, and its problem is the row's.
/// </summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Cells, IReadOnlyDictionary<string, string>? Unreadable = null);

/// <summary>
/// A problem with a row of a spreadsheet: the row as the spreadsheet numbers it, the column
/// (null when no column feeds the field), the field by its path in the file, and what is wrong.
/// </summary>
public sealed record ImportProblem(int Row, string? Column, string Field, string Message)
{
    /// <summary><c>row 7, column "Owner" (owner): unknown person "J Smith": ...</c></summary>
    public override string ToString()
    {
        var where = Column is null ? $"row {Row}" : $"row {Row}, column \"{Column}\"";
        return Field.Length > 0 ? $"{where} ({Field}): {Message}" : $"{where}: {Message}";
    }
}

/// <summary>A risk read from a row.</summary>
public sealed record ImportedRisk(int Row, Risk Risk);

/// <summary>
/// A spreadsheet read: the risks of the rows that are valid, every problem of the others, how
/// many rows were read and how many of them were blank (and skipped).
/// </summary>
public sealed record ImportRead(IReadOnlyList<ImportedRisk> Risks, IReadOnlyList<ImportProblem> Problems, int Rows, int BlankRows)
{
    /// <summary>The rows with problems, in order (row 1 is the header).</summary>
    public IReadOnlyList<int> InvalidRows => Problems.Select(p => p.Row).Distinct().Order().ToList();
}

/// <summary>
/// Turns the rows of a spreadsheet into risks, as a map says: every row is read and checked as
/// <c>risks check</c> checks a file (against register.yaml, and with links allowed to risks of the
/// same spreadsheet), and every problem is named by row, column and field.
/// </summary>
public static class RiskImport
{
    /// <summary>
    /// Reads <paramref name="rows"/>. <paramref name="existing"/> are the register's risks: a row
    /// with one of their ids changes that risk, keeping the fields the row does not give.
    /// <paramref name="progress"/> is told after each row how many of how many have been read.
    /// <paramref name="headerRow"/> is the header's row (a workbook's may have title rows above it).
    /// </summary>
    public static ImportRead Read(IReadOnlyList<string> headers, IReadOnlyList<ImportRow> rows, ImportMap map, RegisterSettings settings, IEnumerable<Risk> existing, Action<int, int>? progress = null, int headerRow = 1)
    {
        var headerProblems = CheckHeaders(headers, map, headerRow);
        if (headerProblems.Count > 0)
        {
            return new ImportRead([], headerProblems, rows.Count, 0);
        }

        var given = Within(map, headers);
        var registered = existing.ToDictionary(r => r.Id.Identity, StringComparer.Ordinal);
        var read = new List<(int Row, Risk Risk, RowReader Reader)>();
        var failed = new List<RowReader>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var blank = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Cells.Values.All(string.IsNullOrWhiteSpace))
            {
                blank++;
            }
            else
            {
                var reader = new RowReader(row, given, settings);
                foreach (var (column, problem) in row.Unreadable ?? new Dictionary<string, string>())
                {
                    reader.Unreadable(column, problem);
                }

                if (reader.Id() is { } id)
                {
                    var before = registered.GetValueOrDefault(id.Identity);
                    var risk = reader.Read(id, before);
                    Check(reader, risk, before, firstRow.TryGetValue(id.Identity, out var first) ? first : null);
                    firstRow.TryAdd(id.Identity, row.Number);
                    read.Add((row.Number, risk, reader));
                }
                else
                {
                    failed.Add(reader);
                }
            }

            progress?.Invoke(i + 1, rows.Count);
        }

        CrossCheck(read, registered.Keys, settings);
        var problems = read.SelectMany(r => r.Reader.Problems).Concat(failed.SelectMany(r => r.Problems)).OrderBy(p => p.Row).ToList();
        var valid = read.Where(r => r.Reader.Problems.Count == 0).Select(r => new ImportedRisk(r.Row, r.Risk)).ToList();
        return new ImportRead(valid, problems, rows.Count, blank);
    }

    /// <summary>
    /// Problems with the header row: a column given twice; for <see cref="ImportMap.Export"/> (or <see cref="ImportMap.ExportFor"/>), a
    /// column that is not the export's or no id column; for another map, a column it names that
    /// the file does not have.
    /// </summary>
    public static IReadOnlyList<ImportProblem> CheckHeaders(IReadOnlyList<string> headers, ImportMap map, int headerRow = 1)
    {
        var problems = new List<ImportProblem>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim();
            if (header.Length > 0 && !seen.TryAdd(header, i))
            {
                problems.Add(new ImportProblem(headerRow, header, "", $"the column is given twice (columns {seen[header] + 1} and {i + 1}); give each column once"));
            }
        }

        if (map.IsExport)
        {
            // The export's columns, and those of the register's own fields, which the map has.
            var columns = RiskCells.Columns.Concat(map.Columns.Values).ToList();
            foreach (var header in seen.Keys.Where(h => !columns.Contains(h, StringComparer.OrdinalIgnoreCase)))
            {
                problems.Add(new ImportProblem(headerRow, header, "", "not one of the export's columns; to import a spreadsheet with other columns, give a map that says which column is which field"));
            }

            if (!seen.ContainsKey("id"))
            {
                problems.Add(new ImportProblem(headerRow, null, "id", "there is no id column: the export's columns start with id"));
            }

            return problems;
        }

        foreach (var (field, column) in map.Columns)
        {
            if (!seen.ContainsKey(column.Trim()))
            {
                problems.Add(new ImportProblem(headerRow, column, field, $"the map names this column for {field}, but the file has no such column; its columns are {Text.All(seen.Keys.ToList())}"));
            }
        }

        return problems;
    }

    /// <summary>The map with only the columns the file has, each spelt as the file's header.</summary>
    private static ImportMap Within(ImportMap map, IReadOnlyList<string> headers)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, column) in map.Columns)
        {
            if (headers.FirstOrDefault(h => string.Equals(h.Trim(), column.Trim(), StringComparison.OrdinalIgnoreCase)) is { } header)
            {
                columns[field] = header;
            }
        }

        return map with { Columns = columns };
    }

    /// <summary>The rules one risk keeps on its own, and its id against the rows before and the register.</summary>
    private static void Check(RowReader reader, Risk risk, Risk? registered, int? firstRow)
    {
        if (firstRow is { } first)
        {
            reader.Issue("id", $"{risk.Id} is on row {first} already{(risk.Id.Value == registered?.Id.Value ? "" : " (ids that differ only in leading zeros are one id)")}; give each risk once");
        }
        else if (registered is not null && registered.Id.Value != risk.Id.Value)
        {
            reader.Issue("id", $"{risk.Id} is the register's {registered.Id} (ids that differ only in leading zeros are one id); write it as {registered.Id}");
        }

        foreach (var issue in RiskValidator.Validate(risk))
        {
            reader.Issue(issue.Path, issue.Message);
        }
    }

    /// <summary>
    /// People, objectives, categories and links against register.yaml and the risks there will be:
    /// the register's and the valid rows'. A row found invalid here may break links to it from
    /// others, so this runs until no more rows are found invalid.
    /// </summary>
    private static void CrossCheck(List<(int Row, Risk Risk, RowReader Reader)> read, IEnumerable<string> registered, RegisterSettings settings)
    {
        while (true)
        {
            var valid = read.Where(r => r.Reader.Problems.Count == 0).ToList();
            var known = registered.Concat(valid.Select(r => r.Risk.Id.Identity)).ToHashSet(StringComparer.Ordinal);
            var found = false;
            foreach (var (_, risk, reader) in valid)
            {
                foreach (var issue in RegisterValidator.CrossCheck(risk, settings, known))
                {
                    reader.Issue(issue.Path, issue.Message);
                    found = true;
                }
            }

            if (!found)
            {
                return;
            }
        }
    }
}
