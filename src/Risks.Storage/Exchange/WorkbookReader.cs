using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Risks.Core.Domain;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;
using Text = Risks.Core.Domain.Text;
using Risks.Core.Exchange;

namespace Risks.Storage.Exchange;

/// <summary>
/// A sheet of a workbook read for an import: its name, the row its header is on, the header's
/// columns (one per column from A, blank where the header is), its rows after the header as the
/// workbook numbers them, each cell as text; why it could not be read at all, if it could not; and notes
/// on what was passed over (hidden sheets, title rows).
/// </summary>
public sealed record WorkbookTable(string Sheet, int HeaderRow, IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes)
{
    /// <summary>Where a problem of a row is, before its row: <c>sheet "Risks", </c>.</summary>
    public string Where => $"sheet \"{Sheet}\", ";
}

/// <summary>
/// Reads a sheet of an Excel workbook (.xlsx) with the Open XML SDK into rows of text, as an import
/// reads a CSV file's: shared and inline strings as their text; numbers as the workbook holds them
/// (3, 2.5); a cell formatted as a date, or a bare number in a column that feeds a date, as the ISO
/// date; a formula as the value the workbook saved for it; TRUE and FALSE as yes and no. A cell
/// merged over several rows gives its value to each of them; a row whose only content is one cell
/// merged across the columns (a section title) is passed over, as are title rows above the header.
/// A cell showing an error (#N/A) or a formula with no saved value is empty, with the problem noted in its row.
/// </summary>
public static class WorkbookReader
{
    /// <summary>How many rows from the top are looked at for the header.</summary>
    private const int HeaderSearch = 30;

    /// <summary>
    /// Reads the sheet <paramref name="sheetName"/> (any case), or, when none is named, the first
    /// visible sheet with a row <paramref name="headerScore"/> scores above 0 (the first visible
    /// sheet when none has). The header is the row of the highest score among the first rows (the
    /// first non-blank row if none scores). <paramref name="dateColumns"/> are the headers of columns that feed dates.
    /// </summary>
    public static WorkbookTable Read(byte[] bytes, string file, string? sheetName, Func<IReadOnlyList<string>, int> headerScore, IReadOnlySet<string> dateColumns)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FormatException or System.Xml.XmlException or ArgumentException)
        {
            return Failed(sheetName, $"{file}: not an Excel workbook (.xlsx) that can be read ({e.Message.TrimEnd('.')}); in Excel, save it as \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited)\"");
        }

        using (document)
        {
            try
            {
                return Read(document, file, sheetName, headerScore, dateColumns);
            }
            catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FormatException or InvalidOperationException)
            {
                return Failed(sheetName, $"{file}: the workbook cannot be read ({e.Message.TrimEnd('.')}); open it in Excel or LibreOffice and save it again as .xlsx");
            }
        }
    }

    private static WorkbookTable Failed(string? sheet, string problem) => new(sheet ?? "", 0, [], [], [problem], []);

    private static WorkbookTable Read(SpreadsheetDocument document, string file, string? sheetName, Func<IReadOnlyList<string>, int> headerScore, IReadOnlySet<string> dateColumns)
    {
        var book = document.WorkbookPart ?? throw new InvalidDataException("it has no workbook part");
        var sheets = (book.Workbook?.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>() ?? [])
            .Select(s => (Name: s.Name?.Value ?? "", Hidden: s.State is { } state && state.Value != SheetStateValues.Visible, Part: s.Id?.Value is { } id ? book.GetPartById(id) as WorksheetPart : null))
            .ToList();
        var worksheets = sheets.Where(s => s.Part is not null).ToList();
        if (worksheets.Count == 0)
        {
            return Failed(sheetName, $"{file}: the workbook has no sheets of cells");
        }

        var context = new Context(book);
        var notes = new List<string>();
        (string Name, bool Hidden, WorksheetPart? Part) chosen;
        Grid? grid = null;
        if (sheetName is not null)
        {
            chosen = worksheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), sheetName.Trim(), StringComparison.OrdinalIgnoreCase));
            if (chosen.Part is null)
            {
                return Failed(sheetName, $"{file}: the workbook has no sheet \"{sheetName}\"; its sheets are {Text.All(worksheets.Select(s => $"\"{s.Name}\"{(s.Hidden ? " (hidden)" : "")}").ToList())}");
            }
        }
        else
        {
            var visible = worksheets.Where(s => !s.Hidden).ToList();
            chosen = visible.Count > 0 ? visible[0] : worksheets[0];
            foreach (var candidate in visible)
            {
                var read = new Grid(candidate.Part!, context);
                if (read.HeaderRow(headerScore).Score > 0)
                {
                    (chosen, grid) = (candidate, read);
                    break;
                }
            }

            var passed = worksheets.Where(s => s.Hidden && s.Name != chosen.Name).Select(s => $"\"{s.Name}\"").ToList();
            if (passed.Count > 0)
            {
                notes.Add($"{file}: {Text.Count(passed.Count, "hidden sheet")} ({Text.All(passed)}) {(passed.Count == 1 ? "was" : "were")} not read; name one with --sheet to read it");
            }
        }

        grid ??= new Grid(chosen.Part!, context);
        var (header, score) = grid.HeaderRow(headerScore);
        var headers = grid.Texts(header).Select(h => string.Join(' ', h.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))).ToList();
        var where = $"{file}: sheet \"{chosen.Name}\", ";
        if (header > 1)
        {
            notes.Add($"{where}the header is row {header}{(score == 0 ? " (the first row with anything in it)" : "")}; {(header == 2 ? "row 1 above it was" : $"rows 1-{header - 1} above it were")} not read");
        }

        var rows = new List<ImportRow>();
        var dates = headers.Select(h => h.Length > 0 && dateColumns.Contains(h)).ToList();
        for (var number = header + 1; number <= grid.LastRow; number++)
        {
            if (grid.IsTitle(number, header) is { } title)
            {
                notes.Add($"{where}row {number} ({Text.Quote(title)}) is one cell merged across the columns, a title, and was not read");
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var column = 0; column < headers.Count; column++)
            {
                if (headers[column].Length == 0)
                {
                    continue;
                }

                var (text, problem) = grid.Value(number, column, dates[column]);
                if (cells.TryAdd(headers[column], text) && problem is not null)
                {
                    unreadable[headers[column]] = problem;
                }
            }

            rows.Add(new ImportRow(number, cells, unreadable.Count > 0 ? unreadable : null));
        }

        return new WorkbookTable(chosen.Name, header, headers, rows, [], notes);
    }

    /// <summary>The workbook's shared strings, number formats and date system, which every sheet's cells refer to.</summary>
    private sealed class Context
    {
        private static readonly HashSet<uint> BuiltInDates = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

        public Context(WorkbookPart book)
        {
            Strings = (book.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>() ?? []).Select(Plain).ToList();
            var stylesheet = book.WorkbookStylesPart?.Stylesheet;
            var custom = (stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
                .Where(f => f.NumberFormatId?.Value is not null)
                .GroupBy(f => f.NumberFormatId!.Value)
                .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "");
            DateStyles = (stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
                .Select(f => f.NumberFormatId?.Value is { } id && (BuiltInDates.Contains(id) || (custom.TryGetValue(id, out var code) && IsDateFormat(code))))
                .ToList();
            System1904 = book.Workbook?.WorkbookProperties?.Date1904?.Value == true;
        }

        public IReadOnlyList<string> Strings { get; }

        public IReadOnlyList<bool> DateStyles { get; }

        public bool System1904 { get; }

        /// <summary>A string item's text: its runs' text, without the phonetic guides some East Asian text carries.</summary>
        public static string Plain(DocumentFormat.OpenXml.OpenXmlElement item) =>
            WorkbookCells.Unescape(string.Concat(item.Descendants<CellText>().Where(t => t.Ancestors<PhoneticRun>().FirstOrDefault() is null).Select(t => t.Text)));

        /// <summary>
        /// Whether a number format shows a date: outside quotes, escapes and [brackets] it has days
        /// or years, or months without hours or seconds (in h:mm the m is minutes).
        /// </summary>
        private static bool IsDateFormat(string code)
        {
            var letters = new HashSet<char>();
            var inQuotes = false;
            var inBrackets = false;
            for (var i = 0; i < code.Length; i++)
            {
                var c = char.ToLowerInvariant(code[i]);
                if (c == '"')
                {
                    inQuotes = !inQuotes;
                }
                else if (inQuotes)
                {
                    continue;
                }
                else if (c is '\\' or '_' or '*')
                {
                    i++;
                }
                else if (c == '[')
                {
                    inBrackets = true;
                }
                else if (c == ']')
                {
                    inBrackets = false;
                }
                else if (!inBrackets)
                {
                    letters.Add(c);
                }
            }

            return letters.Contains('d') || letters.Contains('y') || (letters.Contains('m') && !letters.Contains('h') && !letters.Contains('s'));
        }
    }

    /// <summary>One sheet's cells by row and column, and its merged ranges.</summary>
    private sealed class Grid
    {
        private readonly Context _context;
        private readonly Dictionary<(int Row, int Column), Cell> _cells = [];

        /// <summary>The columns of each row that hold something.</summary>
        private readonly Dictionary<int, List<int>> _filled = [];

        /// <summary>Each cell a merge covers, its first cell aside, with the merge's first cell: looked up, not searched for, in a sheet of thousands of rows.</summary>
        private readonly Dictionary<(int Row, int Column), (int Row, int Column)> _covered = [];

        /// <summary>For each row, the merges across two columns or more that cover it (as a section title is).</summary>
        private readonly Dictionary<int, List<(int Column1, int Row1, int Column2)>> _across = [];

        public Grid(WorksheetPart part, Context context)
        {
            _context = context;
            var worksheet = part.Worksheet ?? throw new InvalidDataException("a sheet has no cells part");
            var rowNumber = 0;
            foreach (var row in worksheet.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
            {
                rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
                var column = -1;
                foreach (var cell in row.Elements<Cell>())
                {
                    column = cell.CellReference?.Value is { } reference && WorkbookCells.Place(reference) is { } place ? place.Column : column + 1;
                    _cells[(rowNumber, column)] = cell;
                    if (!IsEmpty(cell))
                    {
                        (_filled.TryGetValue(rowNumber, out var filled) ? filled : _filled[rowNumber] = []).Add(column);
                        LastRow = Math.Max(LastRow, rowNumber);
                        LastColumn = Math.Max(LastColumn, column);
                    }
                }
            }

            foreach (var merge in worksheet.Elements<MergeCells>().SelectMany(m => m.Elements<MergeCell>()))
            {
                var ends = (merge.Reference?.Value ?? "").Split(':');
                if (ends.Length == 2 && WorkbookCells.Place(ends[0]) is { } from && WorkbookCells.Place(ends[1]) is { } to && to.Row >= from.Row && to.Column >= from.Column)
                {
                    // Only what lies within the cells in use matters: a merge of a whole sheet is not a billion cells.
                    for (var r = from.Row; r <= Math.Min(to.Row, LastRow); r++)
                    {
                        for (var c = from.Column; c <= Math.Min(to.Column, LastColumn); c++)
                        {
                            if ((r, c) != (from.Row, from.Column))
                            {
                                _covered.TryAdd((r, c), (from.Row, from.Column));
                            }
                        }

                        if (to.Column > from.Column)
                        {
                            (_across.TryGetValue(r, out var across) ? across : _across[r] = []).Add((from.Column, from.Row, to.Column));
                        }
                    }
                }
            }
        }

        /// <summary>The last row with anything in it.</summary>
        public int LastRow { get; }

        /// <summary>The last column with anything in it, from 0.</summary>
        public int LastColumn { get; } = -1;

        /// <summary>The row the header is on, with its score: the best of the first rows with anything in them, the first of those when none scores.</summary>
        public (int Row, int Score) HeaderRow(Func<IReadOnlyList<string>, int> score)
        {
            (int Row, int Score) best = (0, -1);
            var seen = 0;
            for (var row = 1; row <= LastRow && seen < HeaderSearch; row++)
            {
                var texts = Texts(row);
                if (texts.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                seen++;
                var found = score(texts);
                if (found > best.Score)
                {
                    best = (row, found);
                }
            }

            return best.Row == 0 ? (1, 0) : best;
        }

        /// <summary>The row's cells as text, one per column from A to the last column.</summary>
        public IReadOnlyList<string> Texts(int row) =>
            Enumerable.Range(0, LastColumn + 1).Select(c => Value(row, c, date: false).Text).ToList();

        /// <summary>The text of a row whose only content is one cell merged across columns (a section title), or null.</summary>
        public string? IsTitle(int row, int header)
        {
            var filled = _filled.GetValueOrDefault(row) ?? [];
            foreach (var (c1, r1, c2) in _across.GetValueOrDefault(row) ?? [])
            {
                if (r1 > header && filled.All(c => c >= c1 && c <= c2))
                {
                    return Raw(r1, c1).Text;
                }
            }

            return null;
        }

        /// <summary>
        /// The text of a cell, taking a merge into account: a cell merged over rows below the first
        /// takes the first's value in the merge's first column, and nothing in its others.
        /// </summary>
        public (string Text, string? Problem) Value(int row, int column, bool date)
        {
            if (_covered.TryGetValue((row, column), out var first))
            {
                return column == first.Column && row > first.Row ? Raw(first.Row, first.Column, date) : ("", null);
            }

            return Raw(row, column, date);
        }

        private (string Text, string? Problem) Raw(int row, int column, bool date = false)
        {
            if (!_cells.TryGetValue((row, column), out var cell))
            {
                return ("", null);
            }

            var value = cell.CellValue?.Text;
            var type = cell.DataType?.Value;
            if (type == CellValues.SharedString)
            {
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _context.Strings.Count
                    ? (_context.Strings[index], null)
                    : ("", $"the cell refers to text {Text.Quote(value ?? "")} that the workbook does not have; open it in Excel or LibreOffice and save it again");
            }

            if (type == CellValues.InlineString)
            {
                return (cell.InlineString is { } inline ? Context.Plain(inline) : WorkbookCells.Unescape(value ?? ""), null);
            }

            if (value is null)
            {
                return cell.CellFormula is { } formula
                    ? ("", $"the cell holds a formula (={formula.Text}) with no value saved for it; open the workbook in Excel or LibreOffice and save it, so the value is saved")
                    : ("", null);
            }

            if (type == CellValues.String)
            {
                return (WorkbookCells.Unescape(value), null);
            }

            if (type == CellValues.Boolean)
            {
                return (value.Trim() == "1" ? "yes" : "no", null);
            }

            if (type == CellValues.Error)
            {
                return ("", $"the cell shows the error {value}{(cell.CellFormula is { } f ? $" (from the formula ={f.Text})" : "")}; put the value itself in the cell");
            }

            if (type == CellValues.Date)
            {
                return (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when) ? when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value, null);
            }

            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return (value, null);
            }

            var style = (int)(cell.StyleIndex?.Value ?? 0);
            if ((date || (style < _context.DateStyles.Count && _context.DateStyles[style])) && WorkbookCells.Date(number, _context.System1904) is { } day)
            {
                return (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
            }

            return (Math.Abs(number) < 1e15 && number == Math.Floor(number)
                ? ((long)number).ToString(CultureInfo.InvariantCulture)
                : number.ToString("G15", CultureInfo.InvariantCulture), null);
        }

        private static bool IsEmpty(Cell cell) =>
            cell.CellValue is null && cell.CellFormula is null && cell.InlineString is null;
    }
}
