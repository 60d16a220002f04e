using System.Text;
using System.Text.Json;
using Risks.Cli;
using Risks.Core.Changes;
using Risks.Core.Exchange;
using Risks.Storage.Exchange;
using Risks.Storage.Git;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>'risks export' and 'risks import' on the sample register: the round trip through CSV, a Datix spreadsheet with a map, a messy one, and who may import.</summary>
public sealed class ExchangeCommandTests : RegisterTest
{
    private static readonly string Fixtures = Path.Combine(Paths.RepoRoot, "tests", "Risks.Tests", "Fixtures");

    private static readonly string ExampleMap = Path.Combine(Paths.RepoRoot, "docs", "import-map-example.yaml");

    /// <summary>A file beside the register, named as the commands are given it from the register's folder.</summary>
    private string Beside(string name, string? text = null, string? copyOf = null)
    {
        var path = Temp.Combine(name);
        if (copyOf is not null)
        {
            File.Copy(copyOf, path);
        }
        else if (text is not null)
        {
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }

        return "../" + name;
    }

    private static CsvTable Table(string csv) => RiskCsv.Read(Encoding.UTF8.GetBytes(csv), "export.csv");

    /// <summary>The sample's risks exported, with <paramref name="edit"/> applied to the cells of one risk, every cell quoted.</summary>
    private string EditedExport(string name, string id, Action<Dictionary<string, string>> edit)
    {
        var table = Table(Run("export").Out);
        table.Rows.Count.ShouldBe(SampleRegister.Risks);
        var csv = new StringBuilder(string.Join(",", table.Headers)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            var cells = row.Cells.ToDictionary();
            if (cells["id"] == id)
            {
                edit(cells);
            }

            csv.Append(string.Join(",", table.Headers.Select(h => "\"" + cells[h].Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))).Append("\r\n");
        }

        return Beside(name, csv.ToString());
    }

    [Fact]
    public void Export_writes_every_risk_as_csv_for_excel_to_standard_output()
    {
        var result = Run("export");

        result.Code.ShouldBe(0, result.ToString());
        result.Error.ShouldBeEmpty();
        result.Out.ShouldStartWith("\uFEFFid,kind,title,narrative.cause,");
        result.Out.ShouldContain("\r\nBAF-07,strategic,Inequalities,");
        var table = Table(result.Out);
        table.Headers.ShouldBe(RiskCells.Columns);
        table.Rows.Count.ShouldBe(SampleRegister.Risks);
        var baf07 = table.Rows.Single(r => r.Cells["id"] == "BAF-07").Cells;
        (baf07["current.impact"], baf07["current.likelihood"], baf07["current_score"], baf07["band"]).ShouldBe(("3", "3", "9", "High"));
        baf07["actions"].ShouldStartWith("A1 | ");
    }

    [Fact]
    public void Export_to_a_file_of_an_iteration_or_of_the_actions()
    {
        var result = Run("export", "--at", "2025-01", "--out", "../january.csv");
        var actions = Run("export", "--actions", "-o", "../actions.csv");

        result.Code.ShouldBe(0, result.ToString());
        var path = Temp.Combine("january.csv");
        result.Out.ShouldStartWith($"Wrote 14 risks from iteration 2025-01 (Board, January 2025), for the board of 16 Jan 2025 to {path} (");
        var bytes = File.ReadAllBytes(path);
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        RiskCsv.Read(bytes, "january.csv").Rows.Single(r => r.Cells["id"] == "BAF-07").Cells["current.likelihood"].ShouldBe("4");
        actions.Code.ShouldBe(0, actions.ToString());
        var table = RiskCsv.Read(File.ReadAllBytes(Temp.Combine("actions.csv")), "actions.csv");
        table.Headers.ShouldBe(RiskCells.ActionColumns);
        table.Rows.Count.ShouldBe(Storage.Git.Register.Open(Register).Reader.Load().Risks.Sum(s => s.Risk.Actions.Count));
        actions.Out.ShouldStartWith($"Wrote {table.Rows.Count} actions of 14 risks from the register in the folder to {Temp.Combine("actions.csv")} (");
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void Export_leaves_out_a_file_it_cannot_read_and_says_so()
    {
        SampleRegister.Break(Register);

        var result = Run("export");

        result.Code.ShouldBe(1);
        Table(result.Out).Rows.Count.ShouldBe(SampleRegister.Risks - 3);
        result.Error.ShouldContain("risks: risks/BAF/00/BAF-02.yaml could not be read and is not in the export (run 'risks check' to see why)");
    }

    [Fact]
    public void Exported_and_imported_into_an_empty_register_the_fourteen_risks_are_the_same_in_every_field_and_a_second_import_changes_nothing()
    {
        var export = Run("export", "--out", "../sample.csv");
        export.Code.ShouldBe(0, export.ToString());
        var empty = Temp.Combine("empty");
        CliRunner.Run(Temp.Path, "init", empty, "--name", "Tess Tester", "--email", "tess@example.com").Code.ShouldBe(0);
        File.Copy(Path.Combine(Register, "register.yaml"), Path.Combine(empty, "register.yaml"), overwrite: true);
        SampleRegister.Join(empty, "governance_lead");
        var commits = Git.CommitCount(empty);

        var imported = CliRunner.Run(empty, "import", "../sample.csv", "-m", "The sample register, moved.");

        imported.Code.ShouldBe(0, imported.ToString());
        imported.Error.ShouldBeEmpty();
        imported.OutLines.Length.ShouldBe(15);
        imported.OutLines[6].ShouldBe("new        BAF-07 Inequalities: new risk, current score 9");
        imported.OutLines[^1].ShouldStartWith("Imported 14 risks from sample.csv: 14 new, 0 changed, 0 unchanged [");
        imported.OutLines[^1].ShouldEndWith("] by Tess Tester.");
        Git.CommitCount(empty).ShouldBe(commits + 1);
        Git.Run(empty, "log", "-1", "--format=%an|%s").Trim().ShouldBe("Tess Tester|Imported 14 risks from sample.csv: 14 new, 0 changed");
        Git.Lines(empty, "log", "-1", "--format=%b").Count(l => l.StartsWith("Risk-Id: ", StringComparison.Ordinal)).ShouldBe(14);
        Git.Status(empty).ShouldBeEmpty();

        var before = Storage.Git.Register.Open(Register).Reader.Load();
        var after = Storage.Git.Register.Open(empty).Reader.Load();
        after.Problems.ShouldBeEmpty();
        after.Risks.Select(s => s.Risk.Id).ShouldBe(before.Risks.Select(s => s.Risk.Id));
        foreach (var (original, copy) in before.Risks.Zip(after.Risks))
        {
            RiskComparer.Compare(original.Risk, copy.Risk, before.Settings).ShouldBeEmpty(original.Risk.Id.Value);
            JsonSerializer.Serialize(copy.Risk).ShouldBe(JsonSerializer.Serialize(original.Risk), original.Risk.Id.Value);
            File.ReadAllBytes(Path.Combine(empty, copy.Path)).ShouldBe(File.ReadAllBytes(Path.Combine(Register, original.Path)), original.Path);
        }

        var again = CliRunner.Run(empty, "import", "../sample.csv");

        again.Code.ShouldBe(0, again.ToString());
        again.Out.ShouldBe("Nothing to import from sample.csv: all 14 of its risks are already in the register as the file has them.\n");
        Git.CommitCount(empty).ShouldBe(commits + 1);
    }

    [Fact]
    public void An_edited_export_changes_only_the_risks_edited_in_one_commit_that_their_log_shows()
    {
        SampleRegister.Join(Register, "governance_lead");
        var file = EditedExport("edited.csv", "BAF-07", cells =>
        {
            cells["current.likelihood"] = "2";
            cells["actions"] += "\nA9 | Report to the board | etimpson | 31/07/2025 | not started";
        });
        var head = Git.Head(Register);

        var dry = Run("import", file, "--dry-run");
        Git.Head(Register).ShouldBe(head);
        var result = Run("import", file, "-m", "March board review");

        dry.Code.ShouldBe(0, dry.ToString());
        dry.OutLines.Length.ShouldBe(15);
        dry.OutLines.ShouldContain("changed    BAF-07 Inequalities: current score 9 -> 6 and 1 more change");
        dry.OutLines.ShouldContain("unchanged  BAF-01 Workforce");
        dry.OutLines[^1].ShouldBe("Would import 1 risk from edited.csv: 0 new, 1 changed, 13 unchanged; nothing was written (--dry-run).");
        result.Code.ShouldBe(0, result.ToString());
        result.OutLines[0].ShouldBe("changed    BAF-07 Inequalities: current score 9 -> 6 and 1 more change");
        Git.Lines(Register, "diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD").ShouldBe([SampleRegister.Baf07]);
        var log = Run("log", "BAF-07");
        log.Code.ShouldBe(0, log.ToString());
        var entry = log.Out.Split("\n\n")[1].Split('\n');
        entry[0].ShouldEndWith($"Tess Tester  [{Git.Head(Register)[..7]}]");
        entry[1..].ShouldBe(
        [
            "  Imported 1 risk from edited.csv: 0 new, 1 changed",
            "  Why: March board review",
            "  - current likelihood 3 -> 2",
            "  - action added: Report to the board (due 2025-07-31)",
        ]);
    }

    [Fact]
    public void A_datix_spreadsheet_comes_in_through_the_example_map_and_again_changes_nothing()
    {
        SampleRegister.Join(Register, "governance_lead");
        var file = Beside("datix-register.csv", copyOf: Path.Combine(Fixtures, "datix-register.csv"));
        var map = Beside("map.yaml", copyOf: ExampleMap);

        var result = Run("import", file, "--map", map);
        var again = Run("import", file, "--map", map);

        result.Code.ShouldBe(0, result.ToString());
        result.OutLines.ShouldBe(
        [
            "new        CRR-101 Community nursing vacancies: new risk, current score 9",
            "new        CRR-102 Estates backlog maintenance: new risk, current score 16",
            "new        CRR-103 Discharge delays: new risk, current score 20",
            "new        CRR-104 Digital switchover: new risk, current score 10",
            $"Imported 4 risks from datix-register.csv: 4 new, 0 changed, 0 unchanged [{Git.Head(Register)[..8]}] by Tess Tester.",
        ]);
        again.Out.ShouldBe("Nothing to import from datix-register.csv: all 4 of its risks are already in the register as the file has them.\n");
        var show = Run("show", "CRR-101", "--format", "yaml").Out;
        show.ShouldBe(
            "id: CRR-101\nkind: operational\ntitle: Community nursing vacancies\nnarrative:\n" +
            "  cause: Fewer newly qualified nurses choose community roles.\n" +
            "  event: Community nursing teams cannot fill vacant posts.\n" +
            "  effect: Visits are delayed and patients wait longer at home.\n" +
            "category: Workforce\nstatus: open\nowner: kbonney\nleads:\n  - etimpson\ndirectorate: Community Services\n" +
            "committees:\n  - Quality Committee\n  - Audit Committee\nexternal_refs:\n  - Datix 101\n" +
            "inherent:\n  impact: 4\n  likelihood: 4\ncurrent:\n  impact: 3\n  likelihood: 3\ntarget:\n  impact: 3\n  likelihood: 2\n" +
            "controls:\n  - id: C1\n    text: Monthly vacancy report to the People Board\n  - id: C2\n    text: Agency cap applied to every booking\n" +
            "gaps:\n  - id: G1\n    type: control\n    text: No workforce model for winter\n" +
            "next_review: 2025-06-30\n");
        Run("show", "CRR-103", "--format", "yaml").Out.ShouldContain("status: closed\nclosure:\n  date: 2025-02-28\n  rationale: Merged into the system flow programme.\nowner: gthorpe\n");
    }

    [Fact]
    public void A_messy_spreadsheet_is_refused_whole_with_every_bad_row_named_by_row_and_column()
    {
        SampleRegister.Join(Register, "governance_lead");
        var file = Beside("datix-messy.csv", copyOf: Path.Combine(Fixtures, "datix-messy.csv"));
        var map = Beside("map.yaml", copyOf: ExampleMap);
        var head = Git.Head(Register);

        var result = Run("import", file, "--map", map);

        result.Code.ShouldBe(ExitCodes.Problems, result.ToString());
        result.Out.ShouldBeEmpty();
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "../datix-messy.csv: row 4, column \"Handler\" (owner): unknown person \"J Smith\": not the login, name or email of anyone in register.yaml's people, nor one of the map's people",
            "../datix-messy.csv: row 7, column \"Target rating\" (target): \"4 x 3 = 15\" does not add up: 4 x 3 is 12, not 15",
            "../datix-messy.csv: row 7, column \"Review date\" (next_review): \"31/02/2025\" is not a date: write dates as 2025-03-31, 31/03/2025 or 31 Mar 2025",
            "../datix-messy.csv: row 9, column \"ID\" (id): id is required: the risk's id, such as BAF-07 or a number",
            "../datix-messy.csv: row 10, column \"Status\" (status): \"Pending\" is not one of open, closed or merged (a map's values can give other words for them)",
            "../datix-messy.csv: row 10, column \"Current consequence\" (current.impact): \"Huge\" is not an impact: give 1-5 or one of Negligible, Minor, Moderate, Major or Catastrophic (a map's scores can give other words)",
            "risks: nothing was imported: 6 problems in 4 rows. Fix them, or give --skip-invalid to import the 3 valid rows.",
        ]);
        Git.Head(Register).ShouldBe(head);
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void With_skip_invalid_the_valid_rows_of_a_messy_spreadsheet_are_imported_and_the_others_listed()
    {
        SampleRegister.Join(Register, "governance_lead");
        var file = Beside("datix-messy.csv", copyOf: Path.Combine(Fixtures, "datix-messy.csv"));
        var map = Beside("map.yaml", copyOf: ExampleMap);

        var result = Run("import", file, "--map", map, "--skip-invalid");

        result.Code.ShouldBe(ExitCodes.Problems, result.ToString());
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(6);
        result.OutLines.ShouldBe(
        [
            "new        CRR-105 Pharmacy opening hours: new risk, current score 6",
            "new        CRR-107 Cyber attack: new risk, current score 10",
            "new        CRR-109 Care home capacity: new risk, current score 16",
            $"Imported 3 risks from datix-messy.csv: 3 new, 0 changed, 0 unchanged [{Git.Head(Register)[..8]}] by Tess Tester. 4 rows with problems were skipped (rows 4, 7, 9 and 10).",
        ]);
        Run("show", "CRR-107", "--format", "yaml").Out.ShouldContain("inherent:\n  impact: 4\n  likelihood: 4\n");
        Run("show", "CRR-109", "--format", "yaml").Out.ShouldContain("owner: kbonney\nleads:\n  - etimpson\n  - rjarvis\n");
    }

    [Fact]
    public void A_reviewer_imports_nothing_and_a_risk_owner_may_not_change_others_risks()
    {
        var file = EditedExport("edited.csv", "BAF-07", cells => cells["title"] = "Health inequalities");
        SampleRegister.Join(Register, "reviewer");
        var head = Git.Head(Register);

        var reviewer = Run("import", file);

        reviewer.Code.ShouldBe(ExitCodes.NotAllowed, reviewer.ToString());
        reviewer.Error.ShouldBe("risks: Tess Tester is a reviewer: reviewers read the register but change nothing; ask a governance lead to change your role in register.yaml (row 8 BAF-07)\nNothing was imported.\n");
        var settings = Path.Combine(Register, "register.yaml");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("tess@example.com\n    role: reviewer\n", "tess@example.com\n    role: risk_owner\n", StringComparison.Ordinal));
        Git.Run(Register, "commit", "-qam", "The tester owns risks now");
        head = Git.Head(Register);

        var owner = Run("import", file);
        var unchanged = Run("import", Beside("unchanged.csv", Run("export").Out));

        owner.Code.ShouldBe(ExitCodes.NotAllowed, owner.ToString());
        owner.Error.ShouldStartWith("risks: Tess Tester is a risk owner and may edit only the risks they own or lead; BAF-07 is owned by Rebecca Jarvis (row 8 BAF-07)\n");
        unchanged.Code.ShouldBe(0, unchanged.ToString());
        Git.Head(Register).ShouldBe(head);
    }

    [Fact]
    public void An_edit_not_yet_committed_stops_an_import_that_would_write_its_file()
    {
        SampleRegister.Join(Register, "governance_lead");
        var file = EditedExport("edited.csv", "BAF-07", cells => cells["title"] = "Health inequalities");
        File.WriteAllText(Path.Combine(Register, SampleRegister.Baf07), File.ReadAllText(Path.Combine(Register, SampleRegister.Baf07)).Replace("title: Inequalities", "title: Inequality", StringComparison.Ordinal));

        var result = Run("import", file);

        result.Code.ShouldBe(ExitCodes.Conflict, result.ToString());
        result.Error.ShouldStartWith($"risks: {SampleRegister.Baf07} holds an edit not yet committed (file modified ");
        result.Error.ShouldEndWith("; commit or discard that edit, then import again\nNothing was imported.\n");
        FileText(SampleRegister.Baf07).ShouldContain("title: Inequality\n");
    }

    [Fact]
    public void A_long_file_shows_how_many_rows_have_been_read()
    {
        SampleRegister.Join(Register, "governance_lead");
        var csv = new StringBuilder("id,kind,title,narrative.event,status,owner,current.impact,current.likelihood\n");
        for (var i = 1; i <= 250; i++)
        {
            csv.Append($"R-{i},operational,Risk {i},Something happens.,open,rjarvis,2,3\n");
        }

        var result = Run("import", Beside("long.csv", csv.ToString()), "--dry-run");

        result.Code.ShouldBe(0, result.ToString());
        result.Error.ShouldBe("read 100 of 250 rows\nread 200 of 250 rows\nread 250 of 250 rows\n");
        result.OutLines[^1].ShouldBe("Would import 250 risks from long.csv: 250 new, 0 changed, 0 unchanged; nothing was written (--dry-run).");
    }

    [Fact]
    public void On_a_terminal_progress_is_one_line_written_over_and_short_files_show_none()
    {
        var terminal = new StringWriter();
        var progress = new Commands.RowProgress(terminal, terminal: true, total: 250);
        var quiet = new StringWriter();
        var none = new Commands.RowProgress(quiet, terminal: true, total: 200);

        for (var i = 1; i <= 250; i++)
        {
            progress.Report(i, 250);
            none.Report(Math.Min(i, 200), 200);
        }

        progress.Finish();
        none.Finish();
        terminal.ToString().ShouldBe($"\rread 100 of 250 rows\rread 200 of 250 rows\rread 250 of 250 rows{Environment.NewLine}");
        quiet.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void A_map_with_problems_a_file_of_other_columns_and_a_missing_file_are_refused()
    {
        SampleRegister.Join(Register, "governance_lead");
        var datix = Beside("datix.csv", copyOf: Path.Combine(Fixtures, "datix-register.csv"));

        var badMap = Run("import", datix, "--map", Beside("bad.yaml", "columns:\n  id: ID\n  owner: Risk owner\n  colour: Colour\n"));
        var noMap = Run("import", datix);
        var missing = Run("import", "../nothing.csv");

        badMap.Code.ShouldBe(ExitCodes.Problems);
        badMap.Error.ShouldStartWith("../bad.yaml:4:11: columns names \"colour\", which is not a field; the fields are id, kind, title, ");
        badMap.Error.ShouldEndWith("risks: the map has 1 problem; nothing was imported.\n");
        noMap.Code.ShouldBe(ExitCodes.Problems);
        noMap.Error.ShouldStartWith("../datix.csv: row 1, column \"Description\": not one of the export's columns; to import a spreadsheet with other columns, give a map that says which column is which field\n");
        noMap.Error.ShouldEndWith("risks: ../datix.csv does not have the export's columns; nothing was imported. To import a spreadsheet with columns of its own, give a map (--map MAP.yaml; see docs/import-map-example.yaml).\n");
        missing.Code.ShouldBe(ExitCodes.NotFound);
        missing.Error.ShouldBe("risks: there is no file ../nothing.csv\n");
    }
}
