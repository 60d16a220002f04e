using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Risks.Core.Domain;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;
using Text = Risks.Core.Domain.Text;
using Risks.Core.Exchange;
using Risks.Core.Presentation;
using Risks.Core.Schema;
using Risks.Storage.Files;
using Sheet = Risks.Core.Exchange.Sheet;

namespace Risks.Storage.Exchange;

/// <summary>
/// Sheets written as an Excel workbook (.xlsx) with the Open XML SDK: typed cells (a date column's
/// ISO dates as dates, shown as 13 Mar 2025; a number column's numbers as numbers; anything else,
/// and any cell that is not what its column holds, as text, so no value changes on the way), a
/// frozen header row with filters, band colours on the banded cells, and column widths to fit.
/// The workbook depends only on the sheets and the time given, so the same register makes the same file.
/// </summary>
public static class WorkbookWriter
{
    /// <summary>The most characters a spreadsheet cell holds.</summary>
    public const int CellLimit = 32767;

    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;
    private const uint DateStyle = 3;
    private const uint NumberStyle = 4;
    private const uint DateFormat = 164;

    private static readonly Rag[] Rags = [Rag.Green, Rag.Yellow, Rag.Amber, Rag.Red];

    /// <summary>
    /// Writes <paramref name="sheets"/> to <paramref name="output"/>, titled <paramref name="title"/> and
    /// stamped with <paramref name="stamp"/>. Throws <see cref="InvalidDataException"/>, naming the
    /// sheet, row and column, for a cell longer than a spreadsheet holds.
    /// </summary>
    public static void Write(IReadOnlyList<Sheet> sheets, string title, string author, DateTimeOffset stamp, Stream output)
    {
        CheckLengths(sheets);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var book = document.AddWorkbookPart();
            book.Workbook = new Workbook();
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var strings = new SharedStrings();
            var entries = new Sheets();
            var names = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                var part = book.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet, strings);
                entries.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = book.GetIdOfPart(part) });
                names.Append(new DefinedName($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(Range(sheet))}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
            }

            book.Workbook.Append(new BookViews(new WorkbookView()), entries, names);
            var table = book.AddNewPart<SharedStringTablePart>();
            table.SharedStringTable = strings.Table();
            document.PackageProperties.Title = title;
            document.PackageProperties.Creator = author;
            document.PackageProperties.Created = stamp.UtcDateTime;
            document.PackageProperties.Modified = stamp.UtcDateTime;
        }

        OpenXmlFile.Repack(buffer, output, stamp);
    }

    private static void CheckLengths(IReadOnlyList<Sheet> sheets)
    {
        foreach (var sheet in sheets)
        {
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                var cells = sheet.Rows[r].Cells;
                for (var c = 0; c < cells.Count; c++)
                {
                    if (cells[c].Length > CellLimit)
                    {
                        throw new InvalidDataException($"sheet \"{sheet.Name}\", row {r + 2}, column \"{sheet.Columns[c].Header}\" ({cells[0]}): {cells[c].Length:N0} characters, more than the {CellLimit:N0} a spreadsheet cell holds; shorten it, or export as CSV");
                    }
                }
            }
        }
    }

    private static Worksheet Worksheet(Sheet sheet, SharedStrings strings)
    {
        var data = new SheetData();
        data.Append(new Row(sheet.Columns.Select((c, i) => strings.Cell(Reference(i, 1), c.Header, HeaderStyle))) { RowIndex = 1 });
        var banded = sheet.Columns.Select(c => sheet.BandedColumns.Contains(c.Header, StringComparer.Ordinal)).ToList();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = sheet.Rows[r];
            var number = (uint)(r + 2);
            var cells = new Row { RowIndex = number };
            for (var c = 0; c < sheet.Columns.Count; c++)
            {
                var text = c < row.Cells.Count ? row.Cells[c] : "";
                if (text.Length > 0)
                {
                    var band = banded[c] && row.Band is { } b ? b.Rag : (Rag?)null;
                    cells.Append(Cell(Reference(c, number), text, sheet.Columns[c].Kind, band, strings));
                }
            }

            data.Append(cells);
        }

        var view = new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }, new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) })
        { WorkbookViewId = 0 };
        return new Worksheet(
            new SheetViews(view),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            new Columns(sheet.Columns.Select((c, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Width(sheet, i), CustomWidth = true })),
            data,
            new AutoFilter { Reference = Range(sheet) });
    }

    /// <summary>A cell of the kind its column holds when its text is that kind's, as the text gives it back; text otherwise.</summary>
    private static Cell Cell(string reference, string text, CellKind kind, Rag? band, SharedStrings strings)
    {
        if (kind == CellKind.Date && FieldValues.TryParseIso(text, out var date))
        {
            return new Cell { CellReference = reference, StyleIndex = Styled(DateStyle, band), CellValue = new CellValue(WorkbookCells.Serial(date).ToString(CultureInfo.InvariantCulture)) };
        }

        if (kind == CellKind.Number && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && number.ToString("R", CultureInfo.InvariantCulture) == text)
        {
            return new Cell { CellReference = reference, StyleIndex = Styled(NumberStyle, band), CellValue = new CellValue(text) };
        }

        return strings.Cell(reference, text, Styled(TextStyle, band));
    }

    /// <summary>The style of a cell: its kind's, or, in a band, the banded one of its kind (text or number).</summary>
    private static uint Styled(uint style, Rag? band) =>
        band is { } rag ? 5 + ((uint)Array.IndexOf(Rags, rag) * 2) + (style == NumberStyle ? 1U : 0U) : style;

    private static Stylesheet Styles()
    {
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid }));
        foreach (var rag in Rags)
        {
            fills.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = "FF" + BandColours.Hex(rag) }) { PatternType = PatternValues.Solid }));
        }

        var top = new Alignment { Vertical = VerticalAlignmentValues.Top };
        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { ApplyAlignment = true },
            new CellFormat((Alignment)top.CloneNode(true)) { NumberFormatId = DateFormat, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat((Alignment)top.CloneNode(true)) { ApplyAlignment = true });
        for (var i = 0; i < Rags.Length; i++)
        {
            var font = BandColours.WhiteText(Rags[i]) ? 2U : 0U;
            var fill = (uint)(3 + i);
            formats.Append(new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { FontId = font, FillId = fill, ApplyFont = true, ApplyFill = true, ApplyAlignment = true });
            formats.Append(new CellFormat((Alignment)top.CloneNode(true)) { FontId = font, FillId = fill, ApplyFont = true, ApplyFill = true, ApplyAlignment = true });
        }

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "d mmm yyyy" }),
            new Fonts(Font(bold: false, white: false), Font(bold: true, white: false), Font(bold: false, white: true)),
            fills,
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
            new CellStyleFormats(new CellFormat()),
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }

    private static Font Font(bool bold, bool white)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = 10 });
        font.Append(white ? new Color { Rgb = "FFFFFFFF" } : new Color { Theme = 1 });
        font.Append(new FontName { Val = "Arial" });
        font.Append(new FontFamilyNumbering { Val = 2 });
        return font;
    }

    /// <summary>A column's width in characters: its longest line (header or cell), at least 8 and at most 60; text longer wraps.</summary>
    private static double Width(Sheet sheet, int column)
    {
        var longest = sheet.Columns[column].Header.Length;
        foreach (var row in sheet.Rows)
        {
            if (column < row.Cells.Count)
            {
                foreach (var line in row.Cells[column].Split('\n'))
                {
                    longest = Math.Max(longest, sheet.Columns[column].Kind == CellKind.Date ? 11 : line.Length);
                }
            }
        }

        return Math.Clamp(longest + 2, 8, 60);
    }

    private static string Range(Sheet sheet) => $"A1:{Reference(Math.Max(0, sheet.Columns.Count - 1), (uint)(sheet.Rows.Count + 1))}";

    private static string Absolute(string range) => string.Join(":", range.Split(':').Select(r => "$" + string.Concat(r.TakeWhile(char.IsAsciiLetter)) + "$" + string.Concat(r.SkipWhile(char.IsAsciiLetter))));

    private static string Reference(int column, uint row) => WorkbookCells.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>The workbook's shared strings: each distinct text once, in the order first written.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];

        public Cell Cell(string reference, string text, uint style)
        {
            if (!_index.TryGetValue(text, out var index))
            {
                index = _texts.Count;
                _index[text] = index;
                _texts.Add(text);
            }

            return new Cell { CellReference = reference, DataType = CellValues.SharedString, StyleIndex = style, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };
        }

        public SharedStringTable Table()
        {
            var table = new SharedStringTable { Count = (uint)_texts.Count, UniqueCount = (uint)_texts.Count };
            foreach (var text in _texts)
            {
                var escaped = WorkbookCells.Escape(text);
                table.Append(new SharedStringItem(new CellText(escaped) { Space = escaped.Trim().Length == escaped.Length && !escaped.Contains('\n', StringComparison.Ordinal) ? null : SpaceProcessingModeValues.Preserve }));
            }

            return table;
        }
    }
}
