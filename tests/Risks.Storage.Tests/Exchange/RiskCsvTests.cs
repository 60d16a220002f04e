using System.Text;
using Risks.Core.Domain;
using Risks.Core.Exchange;
using Risks.Storage.Exchange;
using Risks.Storage.Tests.Git;
using Risks.Storage.Yaml;

namespace Risks.Storage.Tests.Exchange;

public sealed class RiskCsvTests
{
    private static readonly DateOnly Today = new(2025, 3, 20);

    private static readonly RegisterSettings Settings = new()
    {
        Organisation = "Test",
        Objectives = [new Objective { Id = "SO2", Title = "Narrow inequalities." }, new Objective { Id = "SO7", Title = "Partnership." }],
        People = new[] { "rjarvis", "etimpson", "pgreen" }.Select(l => new Person { Login = l, Name = l.ToUpperInvariant(), Role = Role.RiskOwner }).ToList(),
    };

    private static string Csv(Action<TextWriter> write)
    {
        var text = new StringWriter();
        write(text);
        return text.ToString();
    }

    private static CsvTable ReadBack(string text) => RiskCsv.Read(Encoding.UTF8.GetBytes(text), "risks.csv");

    [Fact]
    public void Risks_are_written_for_excel_with_a_byte_order_mark_crlf_rows_and_quoted_line_breaks()
    {
        var csv = Csv(w => RiskCsv.WriteRisks(w, [Samples.Operational()], Settings, Today));

        csv[0].ShouldBe('\uFEFF');
        csv.ShouldStartWith("\uFEFFid,kind,title,narrative.cause,narrative.event,");
        csv.Split("\r\n").Length.ShouldBe(3);
        var row = csv.Split("\r\n")[1];
        row.ShouldStartWith("BAF-07,operational,Inequalities,,Something happens.,,,,open,");
        Csv(w => RiskCsv.WriteRisks(w, [Samples.Full()], Settings, Today)).ShouldContain("\"Inequalities strategy\nData analytics\nyes\"");
    }

    [Fact]
    public void Every_field_of_a_risk_written_and_read_back_is_the_same_and_so_is_its_file()
    {
        var risk = Samples.Full() with { Title = "=HYPERLINK(\"http://x.example\")", Directorate = "'=not a formula", Performance = "- first\n- second" };

        var table = ReadBack(Csv(w => RiskCsv.WriteRisks(w, [risk], Settings, Today)));

        table.Problems.ShouldBeEmpty();
        table.Headers.ShouldBe(RiskCells.Columns);
        table.Rows.Single().Cells["title"].ShouldBe(risk.Title);
        var linked = new[] { Samples.Operational("BAF-01"), Samples.Operational("CRR-018") };
        var read = RiskImport.Read(table.Headers, table.Rows, ImportMap.Export, Settings, linked);
        read.Problems.ShouldBeEmpty();
        RiskYaml.Write(read.Risks.Single().Risk).ShouldBe(RiskYaml.Write(risk));
    }

    [Fact]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_written_with_a_leading_quote()
    {
        var risk = Samples.Operational() with { Title = "=1+1", Directorate = "@SUM(A1)", Narrative = new Narrative { Event = "-2 beds", Cause = "'+x" } };

        var row = Csv(w => RiskCsv.WriteRisks(w, [risk], Settings, Today)).Split("\r\n")[1];

        row.ShouldStartWith("BAF-07,operational,'=1+1,''+x,'-2 beds,");
        row.ShouldContain(",'@SUM(A1),");
    }

    [Fact]
    public void Actions_are_written_one_row_each_with_their_risk_and_whether_they_are_overdue()
    {
        var csv = Csv(w => RiskCsv.WriteActions(w, [Samples.Full()], Settings, Today));

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("risk_id,risk_title,id,text,owner,owner_name,due,status,completed,update,overdue");
        lines[1].ShouldBe("BAF-07,Inequalities,A1,Launch the digital impact assessment tool.,etimpson,ETIMPSON,2025-06-30,in_progress,,\"Final testing complete.\nRevisions requested before launch.\",no");
        lines.ShouldContain("BAF-07,Inequalities,A2,Publish the health inequalities annual statement.,etimpson,ETIMPSON,2024-05-31,complete,2024-05-20,,no");
    }

    [Fact]
    public void Rows_are_numbered_as_a_spreadsheet_numbers_them_with_empty_lines_and_cells_over_several_lines()
    {
        var table = ReadBack("\uFEFFid,title\r\nA-1,\"two\r\nlines\"\r\n\r\n,\r\nA-2,x\r\nA-3\r\n");

        table.Problems.ShouldBeEmpty();
        table.Headers.ShouldBe(["id", "title"]);
        table.Rows.Select(r => (r.Number, r.Cells["id"], r.Cells["title"])).ShouldBe(
            [(2, "A-1", "two\nlines"), (3, "", ""), (4, "", ""), (5, "A-2", "x"), (6, "A-3", "")]);
    }

    [Fact]
    public void A_file_that_is_not_utf8_or_whose_quotes_never_close_or_with_cells_past_the_header_is_refused()
    {
        RiskCsv.Read([.. "id,title\r\nA-1,caf"u8, 0xE9, .. "\r\n"u8], "risks.csv").Problems
            .ShouldBe(["risks.csv:2:8: file is not valid UTF-8 (byte 0xE9); save it as UTF-8; in Excel, save as \"CSV UTF-8 (Comma delimited)\""]);
        ReadBack("id,title\r\nA-1,\"open\r\nA-2,x\r\n").Problems
            .ShouldBe(["risks.csv: row 2: a quoted cell is never closed (a \" with no closing \"), so the rest of the file would be read into it"]);
        var shifted = ReadBack("id,title\r\nA-1,x,,\r\nA-2,Smith, J,\r\n");
        shifted.Problems.ShouldBe(["risks.csv: row 3: cell 3 holds \" J\", but the header has only 2 columns; is a comma missing its quotes?"]);
        shifted.Rows.ShouldBeEmpty();
    }

    [Fact]
    public void A_file_is_written_whole_as_utf8_with_one_byte_order_mark()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "risks.csv");
        File.WriteAllText(path, "old");

        var size = Risks.Storage.Files.OutputFile.Write(path, w => RiskCsv.WriteRisks(w, [Samples.Operational()], Settings, Today));

        var bytes = File.ReadAllBytes(path);
        size.ShouldBe(bytes.Length);
        bytes[..4].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'i' });
        Directory.GetFiles(folder.Path).ShouldBe([path]);
    }

    [Fact]
    public void A_file_in_a_folder_that_does_not_exist_is_refused_naming_the_folder_and_nothing_is_made()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "missing", "risks.csv");

        var refused = Should.Throw<DirectoryNotFoundException>(() => Risks.Storage.Files.OutputFile.Write(path, w => w.Write("x")));

        refused.Message.ShouldBe($"cannot write {path}: there is no folder {Path.Combine(folder.Path, "missing")}");
        Directory.Exists(Path.Combine(folder.Path, "missing")).ShouldBeFalse();
    }
}
