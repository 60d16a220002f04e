using System.Text.Json;
using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Core.Exchange;

namespace Risks.Core.Tests.Exchange;

public sealed class RiskImportTests
{
    private static readonly RegisterSettings Settings = Samples.Settings();

    /// <summary>Risks already in the register, so links to them hold.</summary>
    private static readonly Risk[] Registered = [Samples.Operational("CRR-018"), Samples.Operational("BAF-01") with { Owner = "etimpson" }];

    /// <summary>A merged strategic risk with every field given, and texts that hold the cell encoding's own characters.</summary>
    internal static Risk Full() => Samples.Inequalities() with
    {
        Narrative = new Narrative { Cause = "First line,\nsecond line | with a bar.", Event = "Outcomes do not improve.", Effect = "The gap widens." },
        KeyElements = ["Inequalities strategy", "Data analytics"],
        Category = "Quality",
        Status = RiskStatus.Merged,
        Closure = new Closure { Date = new DateOnly(2025, 3, 13), Rationale = "Tracked with the system risk.\nControls moved with it.", MergedInto = "BAF-01" },
        Directorate = "South East Alliance",
        LeadRemits = [new LeadRemit { Id = "R1", Lead = "etimpson", Text = "Population health | data, with \\ kept" }],
        ExternalRefs = ["Datix 18", "12"],
        NotOnBaf = "Held on the provider's register.\nReviewed each quarter.",
        Inherent = new Score(4, 4) { Rationale = "Before any control." },
        Current = new Score(3, 4) { Rationale = "Based on risk 18." },
        Target = new Score(3, 2) { Rationale = "2025-03-13" },
        Response = RiskResponse.Treat,
        Performance = "Three places lag.\n\nThe dashboard is complete.",
        Trajectory = Trajectory.Improving,
        ToleranceAcceptance = new Acceptance { Date = new DateOnly(2025, 1, 30), By = "Quality Committee", Reason = "National funding sets the pace." },
        Controls =
        [
            new Control { Id = "C1", Text = "Board | co-ordination, with C:\\notes and \\n kept.", Owner = "rjarvis", Effectiveness = Effectiveness.PartiallyEffective },
            new Control { Id = "C2", Text = "Equality impact assessments." },
        ],
        Gaps = [new Gap { Id = "G1", Type = GapType.Control, Text = "Capacity." }, new Gap { Id = "G2", Type = GapType.Assurance, Text = "BI resource\nis limited." }],
        Assurances =
        [
            new Assurance { Id = "S1", Text = "Internal audit.", Line = 3, Source = AssuranceSource.Independent, Rating = AssuranceRating.Substantial, Outcome = AssuranceOutcome.Positive, Key = true, Date = new DateOnly(2025, 2, 14) },
            new Assurance { Id = "S2", Text = "Dashboard metrics.", Line = 2, Source = AssuranceSource.Internal, Rating = AssuranceRating.Limited, Outcome = AssuranceOutcome.Negative },
        ],
        Actions =
        [
            .. Samples.Inequalities().Actions.Select((a, i) => i == 0 ? a with { Gap = "G2" } : a),
            new RiskAction { Id = "A4", Text = "Keep the dashboard current.", Status = ActionStatus.Cancelled, Update = "Superseded.\nSee A1." },
        ],
    };

    private static ImportRow Row(int number, Risk risk) =>
        new(number, RiskCells.Columns.Zip(RiskCells.Row(risk, Settings, Samples.Today)).ToDictionary(p => p.First, p => p.Second));

    private static ImportRow Row(int number, params (string Column, string Value)[] cells) =>
        new(number, cells.ToDictionary(c => c.Column, c => c.Value));

    private static string Json(Risk risk) => JsonSerializer.Serialize(risk);

    [Fact]
    public void A_risk_exported_as_a_row_and_read_back_is_the_same_risk_field_for_field()
    {
        var risk = Full();

        var read = RiskImport.Read(RiskCells.Columns, [Row(2, risk)], ImportMap.Export, Settings, Registered);

        read.Problems.ShouldBeEmpty();
        var back = read.Risks.ShouldHaveSingleItem();
        back.Row.ShouldBe(2);
        RiskComparer.Compare(risk, back.Risk, Settings).ShouldBeEmpty();
        Json(back.Risk).ShouldBe(Json(risk));
    }

    [Fact]
    public void The_export_has_a_column_for_every_field_a_map_can_name_except_whole_scores()
    {
        RiskCells.FieldColumns.ShouldBe(ImportMap.Fields.Where(f => f is not ("inherent" or "current" or "target")));
        RiskCells.Row(Full(), Settings, Samples.Today).Count.ShouldBe(RiskCells.Columns.Count);
    }

    [Fact]
    public void Derived_columns_read_in_the_spreadsheet_and_are_ignored_on_the_way_back()
    {
        var cells = RiskCells.Columns.Zip(RiskCells.Row(Samples.Inequalities(), Settings, Samples.Today)).ToDictionary(p => p.First, p => p.Second);

        (cells["current_score"], cells["band"], cells["target_score"], cells["overdue_actions"]).ShouldBe(("12", "High", "6", "0"));
        cells["current_score"] = "25";
        RiskImport.Read(RiskCells.Columns, [new ImportRow(2, cells)], ImportMap.Export, Settings, Registered).Risks.Single().Risk.Current!.Value.ShouldBe(12);
    }

    [Fact]
    public void A_column_missing_from_an_export_keeps_the_registers_value_and_an_empty_cell_clears_it()
    {
        var registered = Samples.Inequalities() with { Directorate = "South East Alliance", Performance = "On track." };

        var read = RiskImport.Read(["id", "current.likelihood", "performance"], [Row(2, ("id", "BAF-07"), ("current.likelihood", "2"), ("performance", ""))], ImportMap.Export, Settings, [registered, .. Registered]);

        read.Problems.ShouldBeEmpty();
        var risk = read.Risks.Single().Risk;
        RiskComparer.Compare(registered, risk, Settings).Select(c => c.Description).ShouldBe(["current likelihood 4 -> 2", "performance removed"]);
    }

    [Fact]
    public void A_file_that_is_not_the_exports_is_refused_at_its_header()
    {
        var problems = RiskImport.CheckHeaders(["Title", "title", "Notes"], ImportMap.Export);

        problems.Select(p => p.ToString()).ShouldBe(
        [
            "row 1, column \"title\": the column is given twice (columns 1 and 2); give each column once",
            "row 1, column \"Notes\": not one of the export's columns; to import a spreadsheet with other columns, give a map that says which column is which field",
            "row 1 (id): there is no id column: the export's columns start with id",
        ]);
    }

    [Fact]
    public void A_column_the_map_names_must_be_in_the_file()
    {
        var map = new ImportMap { Columns = new Dictionary<string, string> { ["id"] = "Ref", ["owner"] = "Risk owner" } };

        RiskImport.CheckHeaders(["ref", "Owner"], map).Select(p => p.ToString()).ShouldBe(
            ["row 1, column \"Risk owner\" (owner): the map names this column for owner, but the file has no such column; its columns are ref and Owner"]);
    }

    private static readonly ImportMap Sheet = new()
    {
        Columns = new Dictionary<string, string>
        {
            ["id"] = "Ref",
            ["title"] = "Title",
            ["narrative.event"] = "Description",
            ["owner"] = "Owner",
            ["inherent"] = "Initial",
            ["current.impact"] = "Consequence",
            ["current.likelihood"] = "Likelihood",
            ["target"] = "Target",
            ["next_review"] = "Review",
            ["status"] = "Status",
            ["controls"] = "Controls",
            ["actions"] = "Actions",
            ["linked_risks"] = "Linked",
        },
        Defaults = new Dictionary<string, string> { ["kind"] = "operational", ["status"] = "open" },
        ImpactWords = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Severe"] = 4 },
        LikelihoodWords = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Almost Certain"] = 5, ["Probable"] = 4 },
        People = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["R Jarvis"] = "rjarvis" },
        Values = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["status"] = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Live"] = "open" } },
        IdPrefix = "CRR",
    };

    private static readonly string[] SheetHeaders = ["Ref", "Title", "Description", "Owner", "Initial", "Consequence", "Likelihood", "Target", "Review", "Status", "Controls", "Actions", "Linked"];

    private static ImportRow SheetRow(int number, string id, string owner = "R Jarvis", string initial = "Major / Likely", string consequence = "Moderate", string likelihood = "Probable", string target = "4 x 2", string review = "30/06/2025", string status = "Live", string controls = "", string actions = "", string linked = "") =>
        Row(number, ("Ref", id), ("Title", $"Risk {id}"), ("Description", "Something happens."), ("Owner", owner), ("Initial", initial), ("Consequence", consequence),
            ("Likelihood", likelihood), ("Target", target), ("Review", review), ("Status", status), ("Controls", controls), ("Actions", actions), ("Linked", linked));

    [Fact]
    public void A_spreadsheets_words_become_the_registers_values()
    {
        var read = RiskImport.Read(SheetHeaders, [SheetRow(2, "18", owner: "rebecca.jarvis@MSE.example", controls: "Monthly monitoring\nC7 | Weekly huddle | Emma Timpson | Partially effective\nQuarterly audit", actions: "A1 | Recruit | etimpson | 31 Jul 2025 | In progress")], Sheet, Settings, []);

        read.Problems.ShouldBeEmpty();
        var risk = read.Risks.Single().Risk;
        risk.Id.Value.ShouldBe("CRR-018");
        (risk.Kind, risk.Status, risk.Owner).ShouldBe((RiskKind.Operational, RiskStatus.Open, "rjarvis"));
        (risk.Inherent, risk.Current, risk.Target).ShouldBe((new Score(4, 4), new Score(3, 4), new Score(4, 2)));
        risk.NextReview.ShouldBe(new DateOnly(2025, 6, 30));
        risk.Controls.Select(c => (c.Id, c.Text, c.Owner, c.Effectiveness)).ShouldBe(
            [("C8", "Monthly monitoring", null, null), ("C7", "Weekly huddle", "etimpson", Effectiveness.PartiallyEffective), ("C9", "Quarterly audit", null, null)]);
        risk.Actions.Single().ShouldBe(new RiskAction { Id = "A1", Text = "Recruit", Owner = "etimpson", Due = new DateOnly(2025, 7, 31), Status = ActionStatus.InProgress });
    }

    [Theory]
    [InlineData("Major / Likely", 4, 4)]
    [InlineData("4 x 3", 4, 3)]
    [InlineData("4x3 = 12", 4, 3)]
    [InlineData("Catastrophic x Almost certain", 5, 5)]
    [InlineData("Severe/Almost Certain (20)", 4, 5)]
    [InlineData("4 Major * 2 Unlikely", 4, 2)]
    [InlineData("Major Likely", 4, 4)]
    [InlineData("catastrophic almost certain", 5, 5)]
    [InlineData("Severe Rare", 4, 1)]
    public void A_whole_score_in_one_cell_is_read_in_the_ways_spreadsheets_write_it(string cell, int impact, int likelihood)
    {
        var read = RiskImport.Read(SheetHeaders, [SheetRow(2, "18", initial: cell)], Sheet, Settings, []);

        read.Problems.ShouldBeEmpty();
        read.Risks.Single().Risk.Inherent.ShouldBe(new Score(impact, likelihood));
    }

    [Fact]
    public void Every_problem_of_every_row_is_named_by_row_column_and_field()
    {
        var rows = new[]
        {
            SheetRow(2, "5", owner: "J Smith"),
            SheetRow(3, "", initial: ""),
            SheetRow(4, "6", initial: "Major", review: "31/02/2025"),
            SheetRow(5, "7", initial: "4 x 3 = 15", consequence: "Severe", likelihood: "Often"),
            SheetRow(6, "8", target: "", status: "Archived", actions: "A1 | Close out | rjarvis |  | complete\nA2 | Report | kbonney | soon"),
            SheetRow(7, "R12", consequence: "7"),
        };

        var read = RiskImport.Read(SheetHeaders, rows, Sheet, Settings, []);

        read.Risks.ShouldBeEmpty();
        read.Problems.Select(p => p.ToString()).ShouldBe(
        [
            "row 2, column \"Owner\" (owner): unknown person \"J Smith\": not the login, name or email of anyone in register.yaml's people, nor one of the map's people",
            "row 3, column \"Ref\" (id): id is required: the risk's id, such as BAF-07 or a number",
            "row 4, column \"Initial\" (inherent): \"Major\" is not a score: give impact and likelihood in one cell, such as \"Major / Likely\" or \"4 x 3\"",
            "row 4, column \"Review\" (next_review): \"31/02/2025\" is not a date: write dates as 2025-03-31, 31/03/2025 or 31 Mar 2025",
            "row 5, column \"Initial\" (inherent): \"4 x 3 = 15\" does not add up: 4 x 3 is 12, not 15",
            "row 5, column \"Likelihood\" (current.likelihood): \"Often\" is not a likelihood: give 1-5 or one of Rare, Unlikely, Possible, Likely or Almost certain (a map's scores can give other words)",
            "row 6, column \"Status\" (status): \"Archived\" is not one of open, closed or merged (a map's values can give other words for them)",
            "row 6, column \"Actions\" (actions[A2].due): \"soon\" is not a date: write dates as 2025-03-31, 31/03/2025 or 31 Mar 2025",
            "row 6, column \"Actions\" (actions[A1].completed): action A1 completed is required when the action is complete: the date it was done",
            "row 7, column \"Ref\" (id): \"R12\" is not a risk id: an id is 1-10 capital letters or digits starting with a letter, a dash, and 1-6 digits, such as BAF-07",
        ]);
        read.InvalidRows.ShouldBe([2, 3, 4, 5, 6, 7]);
    }

    [Fact]
    public void Blank_rows_are_skipped_and_counted_and_later_rows_keep_their_numbers()
    {
        var blank = Row(3, SheetHeaders.Select(h => (h, "  ")).ToArray());

        var read = RiskImport.Read(SheetHeaders, [SheetRow(2, "18"), blank, SheetRow(4, "19", owner: "Nobody")], Sheet, Settings, []);

        (read.Rows, read.BlankRows).ShouldBe((3, 1));
        read.Risks.Select(r => r.Row).ShouldBe([2]);
        read.Problems.Single().Row.ShouldBe(4);
    }

    [Fact]
    public void A_risk_may_link_to_another_row_but_not_to_one_that_is_invalid_nor_to_nothing()
    {
        var rows = new[]
        {
            SheetRow(2, "18", linked: "CRR-019"),
            SheetRow(3, "19"),
            SheetRow(4, "20", linked: "CRR-021"),
            SheetRow(5, "21", owner: "Nobody"),
            SheetRow(6, "22", linked: "CRR-020"),
            SheetRow(7, "23", linked: "CRR-099"),
        };

        var read = RiskImport.Read(SheetHeaders, rows, Sheet, Settings, []);

        read.Risks.Select(r => r.Risk.Id.Value).ShouldBe(["CRR-018", "CRR-019"]);
        read.Problems.Select(p => (p.Row, p.Field)).ShouldBe([(4, "linked_risks[0]"), (5, "owner"), (6, "linked_risks[0]"), (7, "linked_risks[0]")]);
        read.Problems[^1].Message.ShouldBe("linked risk 1 names CRR-099, which is not in the register");
    }

    [Fact]
    public void The_same_risk_twice_is_reported_at_its_second_row_and_an_id_spelt_otherwise_than_the_registers_is_refused()
    {
        var read = RiskImport.Read(SheetHeaders, [SheetRow(2, "CRR-18"), SheetRow(3, "CRR-018"), SheetRow(4, "BAF-1")], Sheet, Settings, Registered);

        read.Problems.Select(p => p.ToString()).ShouldBe(
        [
            "row 2, column \"Ref\" (id): CRR-18 is the register's CRR-018 (ids that differ only in leading zeros are one id); write it as CRR-018",
            "row 3, column \"Ref\" (id): CRR-018 is on row 2 already; give each risk once",
            "row 4, column \"Ref\" (id): BAF-1 is the register's BAF-01 (ids that differ only in leading zeros are one id); write it as BAF-01",
        ]);
    }

    [Fact]
    public void A_row_for_a_registered_risk_changes_only_the_fields_the_map_gives_and_defaults_fill_only_new_risks()
    {
        var registered = Samples.Inequalities() with { Id = RiskId.Parse("CRR-018"), Kind = RiskKind.Strategic };

        var read = RiskImport.Read(SheetHeaders, [SheetRow(2, "18", status: "")], Sheet, Settings, [registered]);

        read.Problems.ShouldBeEmpty();
        var risk = read.Risks.Single().Risk;
        risk.Kind.ShouldBe(RiskKind.Strategic);
        risk.Objectives.ShouldBe(registered.Objectives);
        risk.Assurances.ShouldBe(registered.Assurances);
        risk.Status.ShouldBe(RiskStatus.Open);
        risk.Controls.ShouldBeEmpty();
        risk.Title.ShouldBe("Risk 18");
    }

    [Fact]
    public void A_check_on_a_field_with_no_column_is_named_by_row_and_field()
    {
        var map = Sheet with { Defaults = new Dictionary<string, string> { ["kind"] = "strategic" } };

        var read = RiskImport.Read(SheetHeaders, [SheetRow(2, "18")], map, Settings, []);

        read.Problems.Select(p => p.ToString()).ShouldBe(["row 2 (objectives): objectives must name at least one strategic objective for a strategic risk"]);
    }

    [Fact]
    public void Progress_is_told_after_every_row()
    {
        var seen = new List<(int, int)>();

        RiskImport.Read(SheetHeaders, [SheetRow(2, "18"), SheetRow(3, "19")], Sheet, Settings, [], (read, all) => seen.Add((read, all)));

        seen.ShouldBe([(1, 2), (2, 2)]);
    }
}
