using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Risks.Cli;
using Risks.Core.Presentation;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>
/// 'risks export --format xlsx' and 'risks import' of a workbook on the sample register: typed cells
/// and the sheet's furniture, the round trip into an empty register byte for byte, and a messy
/// workbook (title rows, merged cells, formulas, an error, dates as numbers and text, a hidden sheet).
/// </summary>
public sealed class WorkbookCommandTests : RegisterTest
{
    private static readonly string Fixtures = Path.Combine(Paths.RepoRoot, "tests", "Risks.Tests", "Fixtures");

    private static readonly string ExampleMap = Path.Combine(Paths.RepoRoot, "docs", "import-map-example.yaml");

    /// <summary>The messy workbook, zipped from its parts in Fixtures/register-messy.xlsx.d beside the register; the name as the commands are given it.</summary>
    private string MessyWorkbook()
    {
        var path = Temp.Combine("register-messy.xlsx");
        ZipFile.CreateFromDirectory(Path.Combine(Fixtures, "register-messy.xlsx.d"), path);
        return "../register-messy.xlsx";
    }

    private string Map()
    {
        File.Copy(ExampleMap, Temp.Combine("map.yaml"), overwrite: true);
        return "../map.yaml";
    }

    /// <summary>An empty register with the sample's register.yaml, the runner a governance lead in it.</summary>
    private string EmptyRegister()
    {
        var empty = Temp.Combine("empty");
        CliRunner.Run(Temp.Path, "init", empty, "--name", "Tess Tester", "--email", "tess@example.com").Code.ShouldBe(0);
        File.Copy(Path.Combine(Register, "register.yaml"), Path.Combine(empty, "register.yaml"), overwrite: true);
        SampleRegister.Join(empty, "governance_lead");
        return empty;
    }

    [Fact]
    public void The_workbook_has_typed_cells_a_frozen_header_with_filters_band_colours_and_widths()
    {
        var result = Run("export", "--format", "xlsx", "--out", "../sample.xlsx");

        result.Code.ShouldBe(0, result.ToString());
        var path = Temp.Combine("sample.xlsx");
        result.Out.ShouldStartWith($"Wrote 14 risks from the register in the folder to {path} (");
        result.Out.ShouldEndWith("KB), with sheets of risks, actions, board actions and undertakings.\n");
        using var book = SpreadsheetDocument.Open(path, false);
        var part = book.WorkbookPart!;
        var sheets = part.Workbook!.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).ShouldBe(["Risks", "Actions", "Board actions", "Undertakings"]);
        var strings = part.SharedStringTablePart!.SharedStringTable!.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        var formats = part.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        var fills = part.WorkbookStylesPart.Stylesheet.Fills!.Elements<Fill>().ToList();
        var risks = (WorksheetPart)part.GetPartById(sheets[0].Id!);
        var worksheet = risks.Worksheet!;
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : c.CellValue!.Text;

        var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        rows.Count.ShouldBe(15);
        var header = rows[0].Elements<Cell>().Select(Text).ToList();
        header.ShouldBe(Core.Exchange.RiskCells.Columns);
        var baf07 = rows.Single(r => Text(r.Elements<Cell>().First()) == "BAF-07").Elements<Cell>()
            .ToDictionary(c => header[Storage.Exchange.WorkbookCells.Place(c.CellReference!.Value!)!.Value.Column], c => c);

        var review = baf07["next_review"];
        review.DataType.ShouldBeNull("a date is a number with a date format, not text");
        review.CellValue!.Text.ShouldBe(Storage.Exchange.WorkbookCells.Serial(new DateOnly(2025, 5, 6)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var dateFormat = formats[(int)review.StyleIndex!.Value].NumberFormatId!.Value;
        part.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == dateFormat).FormatCode!.Value.ShouldBe("d mmm yyyy");
        (baf07["current.impact"].DataType, baf07["current.impact"].CellValue!.Text).ShouldBe((null, "3"));
        (baf07["current_score"].DataType, baf07["current_score"].CellValue!.Text).ShouldBe((null, "9"));
        Text(baf07["band"]).ShouldBe("High");
        Text(baf07["title"]).ShouldBe("Inequalities");
        Text(baf07["actions"]).ShouldStartWith("A1 | ");
        var bandFill = fills[(int)formats[(int)baf07["band"].StyleIndex!.Value].FillId!.Value].PatternFill!.ForegroundColor!.Rgb!.Value;
        bandFill.ShouldBe("FF" + BandColours.Hex(Core.Domain.Rag.Amber), "High is the amber band");
        formats[(int)baf07["current_score"].StyleIndex!.Value].FillId!.Value.ShouldBe(formats[(int)baf07["band"].StyleIndex!.Value].FillId!.Value);

        var pane = worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        (pane.State!.Value, pane.TopLeftCell!.Value, pane.VerticalSplit!.Value).ShouldBe((PaneStateValues.Frozen, "A2", 1.0));
        worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value.ShouldBe($"A1:{Storage.Exchange.WorkbookCells.ColumnName(header.Count - 1)}15");
        var widths = worksheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value).ToList();
        widths.Count.ShouldBe(header.Count);
        widths.ShouldAllBe(w => w >= 8 && w <= 60);
        widths[header.IndexOf("narrative.cause")].ShouldBe(60, "long text is as wide as a column gets, and wraps");

        var boardActions = (WorksheetPart)part.GetPartById(sheets[2].Id!);
        var numbers = boardActions.Worksheet!.GetFirstChild<SheetData>()!.Elements<Row>().Skip(1).Select(r => r.Elements<Cell>().First()).ToList();
        numbers.Select(c => (c.DataType, c.CellValue!.Text)).ShouldBe([(null, "54"), (null, "56")]);
        var undertakings = (WorksheetPart)part.GetPartById(sheets[3].Id!);
        undertakings.Worksheet!.GetFirstChild<SheetData>()!.Elements<Row>().Count().ShouldBe(3);
    }

    [Fact]
    public void A_workbook_of_an_iteration_is_the_same_file_every_time_and_needs_a_file_to_go_to()
    {
        var first = Run("export", "--format", "xlsx", "--at", "2025-03", "-o", "../a.xlsx");
        var second = Run("export", "--format", "xlsx", "--at", "2025-03", "-o", "../b.xlsx");
        var screen = Run("export", "--format", "xlsx");
        var actions = Run("export", "--format", "xlsx", "--actions", "-o", "../c.xlsx");

        first.Code.ShouldBe(0, first.ToString());
        second.Code.ShouldBe(0, second.ToString());
        File.ReadAllBytes(Temp.Combine("a.xlsx")).ShouldBe(File.ReadAllBytes(Temp.Combine("b.xlsx")));
        screen.Code.ShouldBe(ExitCodes.Usage);
        screen.Error.ShouldBe("risks: a workbook is written to a file, not to the screen: give --out FILE.xlsx\n");
        actions.Code.ShouldBe(ExitCodes.Usage);
        actions.Error.ShouldBe("risks: --actions is for CSV; a workbook has a sheet of risks and a sheet of actions already\n");
        File.Exists(Temp.Combine("c.xlsx")).ShouldBeFalse();
    }

    [Fact]
    public void Exported_as_a_workbook_and_imported_into_an_empty_register_every_risk_file_is_the_same_byte_for_byte()
    {
        Run("export", "--format", "xlsx", "--out", "../sample.xlsx").Code.ShouldBe(0);
        var empty = EmptyRegister();
        var commits = Git.CommitCount(empty);

        var imported = CliRunner.Run(empty, "import", "../sample.xlsx", "-m", "The sample register, moved.");
        var again = CliRunner.Run(empty, "import", "../sample.xlsx");

        imported.Code.ShouldBe(0, imported.ToString());
        imported.Error.ShouldBeEmpty();
        imported.OutLines[^1].ShouldStartWith("Imported 14 risks from sample.xlsx (sheet \"Risks\"): 14 new, 0 changed, 0 unchanged [");
        Git.CommitCount(empty).ShouldBe(commits + 1);
        var before = Storage.Git.Register.Open(Register).Reader.Load();
        var after = Storage.Git.Register.Open(empty).Reader.Load();
        after.Problems.ShouldBeEmpty();
        after.Risks.Select(s => s.Path).ShouldBe(before.Risks.Select(s => s.Path));
        foreach (var risk in before.Risks)
        {
            File.ReadAllBytes(Path.Combine(empty, risk.Path)).ShouldBe(File.ReadAllBytes(Path.Combine(Register, risk.Path)), risk.Path);
        }

        again.Code.ShouldBe(0, again.ToString());
        again.Out.ShouldBe("Nothing to import from sample.xlsx (sheet \"Risks\"): all 14 of its risks are already in the register as the file has them.\n");
        Git.CommitCount(empty).ShouldBe(commits + 1);
    }

    [Fact]
    public void A_messy_workbook_is_refused_whole_with_each_problem_named_by_sheet_row_and_column()
    {
        SampleRegister.Join(Register, "governance_lead");
        var head = Git.Head(Register);

        var result = Run("import", MessyWorkbook(), "--map", Map());

        result.Code.ShouldBe(ExitCodes.Problems, result.ToString());
        result.Out.ShouldBeEmpty();
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "../register-messy.xlsx: 1 hidden sheet (\"Lookups\") was not read; name one with --sheet to read it",
            "../register-messy.xlsx: sheet \"Register\", the header is row 3; rows 1-2 above it were not read",
            "../register-messy.xlsx: sheet \"Register\", row 7 (\"Closed risks\") is one cell merged across the columns, a title, and was not read",
            "../register-messy.xlsx: sheet \"Register\", row 9, column \"Current consequence\" (current.impact): the cell shows the error #N/A (from the formula =VLOOKUP(M9,Lookups!A:B,2,FALSE)); put the value itself in the cell",
            "../register-messy.xlsx: sheet \"Register\", row 9, column \"Review date\" (next_review): \"31.02.2025\" is not a date: write dates as 2025-03-31, 31/03/2025 or 31 Mar 2025",
            "../register-messy.xlsx: sheet \"Register\", row 10, column \"Current likelihood\" (current.likelihood): the cell holds a formula (=N10/2) with no value saved for it; open the workbook in Excel or LibreOffice and save it, so the value is saved",
            "risks: nothing was imported: 3 problems in 2 rows. Fix them, or give --skip-invalid to import the 4 valid rows.",
        ]);
        Git.Head(Register).ShouldBe(head);
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void The_valid_rows_of_a_messy_workbook_come_in_with_merged_cells_formulas_and_dates_as_numbers_or_text_read()
    {
        SampleRegister.Join(Register, "governance_lead");

        var dry = Run("import", MessyWorkbook(), "--map", Map(), "--skip-invalid", "--dry-run");
        var result = Run("import", "../register-messy.xlsx", "--map", "../map.yaml", "--skip-invalid");

        dry.OutLines[^1].ShouldBe("Would import 4 risks from register-messy.xlsx (sheet \"Register\"): 4 new, 0 changed, 0 unchanged; nothing was written (--dry-run). 2 rows with problems were skipped (rows 9 and 10).");
        result.Code.ShouldBe(ExitCodes.Problems, result.ToString());
        result.OutLines.ShouldBe(
        [
            "new        CRR-111 Ward staffing: new risk, current score 9",
            "new        CRR-112 Sepsis screening: new risk, current score 9",
            "new        CRR-113 Car park resurfacing: new risk, current score 4",
            "new        CRR-116 Outpatient letters backlog: new risk, current score 9",
            $"Imported 4 risks from register-messy.xlsx (sheet \"Register\"): 4 new, 0 changed, 0 unchanged [{Git.Head(Register)[..8]}] by Tess Tester. 2 rows with problems were skipped (rows 9 and 10).",
        ]);
        var ward = Run("show", "CRR-111", "--format", "yaml").Out;
        ward.ShouldContain("owner: kbonney\ndirectorate: Medicine\n");
        ward.ShouldContain("inherent:\n  impact: 4\n  likelihood: 4\ncurrent:\n  impact: 3\n  likelihood: 3\n", Case.Sensitive, "Major / Likely, and a likelihood that is a formula's saved value");
        ward.ShouldContain("controls:\n  - id: C1\n    text: Daily staffing huddle\n  - id: C2\n    text: Roster approval six weeks ahead\n");
        ward.ShouldEndWith("next_review: 2025-06-30\n", Case.Sensitive, "a date formatted as a date");
        var sepsis = Run("show", "CRR-112", "--format", "yaml").Out;
        sepsis.ShouldContain("directorate: Medicine\n", Case.Sensitive, "the directorate's cell is merged over rows 4 and 5");
        sepsis.ShouldEndWith("next_review: 2025-07-31\n", Case.Sensitive, "a date as text");
        Run("show", "CRR-113", "--format", "yaml").Out.ShouldContain("status: closed\nclosure:\n  date: 2025-02-28\n  rationale: The car park was resurfaced.\n");
        Run("show", "CRR-116", "--format", "yaml").Out.ShouldEndWith("next_review: 2025-07-31\n", Case.Sensitive, "a bare number in a date column is a spreadsheet's day number");
    }

    [Fact]
    public void A_sheet_is_named_with_sheet_and_other_files_are_told_apart()
    {
        SampleRegister.Join(Register, "governance_lead");
        var workbook = MessyWorkbook();
        var map = Map();
        File.WriteAllText(Temp.Combine("old.xls"), "not read");
        File.WriteAllText(Temp.Combine("plain.csv"), "id,title\n");
        File.WriteAllBytes(Temp.Combine("broken.xlsx"), [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);

        var missing = Run("import", workbook, "--map", map, "--sheet", "Risks 2025");
        var hidden = Run("import", workbook, "--map", map, "--sheet", "lookups");
        var xls = Run("import", "../old.xls");
        var csv = Run("import", "../plain.csv", "--sheet", "Risks");
        var broken = Run("import", "../broken.xlsx");

        missing.Code.ShouldBe(ExitCodes.Problems);
        missing.Error.ShouldBe("../register-messy.xlsx: the workbook has no sheet \"Risks 2025\"; its sheets are \"Lookups\" (hidden) and \"Register\"\nrisks: nothing was imported.\n");
        hidden.Code.ShouldBe(ExitCodes.Problems);
        hidden.Error.ShouldContain("../register-messy.xlsx: sheet \"Lookups\", row 1, column \"ID\" (id): the map names this column for id, but the file has no such column; its columns are Rating and Score\n");
        xls.Code.ShouldBe(ExitCodes.Problems);
        xls.Error.ShouldBe("risks: ../old.xls is an Excel 97-2003 workbook (.xls), which cannot be read; in Excel, save it as \"Excel Workbook (*.xlsx)\" and import that\n");
        csv.Code.ShouldBe(ExitCodes.Usage);
        csv.Error.ShouldBe("risks: --sheet is for a workbook (.xlsx), and ../plain.csv is not one\n");
        broken.Code.ShouldBe(ExitCodes.Problems);
        broken.Error.ShouldStartWith("../broken.xlsx: not an Excel workbook (.xlsx) that can be read (");
        broken.Error.ShouldEndWith("); in Excel, save it as \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited)\"\nrisks: nothing was imported.\n");
    }
}
