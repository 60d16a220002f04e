using System.Text.Json;
using Risks.Tests.Support;

namespace Risks.Tests;

public sealed class ListCommandTests : RegisterTest
{
    private static readonly string[] AllIds =
    [
        "BAF-01", "BAF-02", "BAF-03", "BAF-04", "BAF-05", "BAF-06", "BAF-07", "BAF-08",
        "CRR-005", "CRR-007", "CRR-018", "CRR-026", "CRR-053", "CRR-058",
    ];

    /// <summary>The ids at the start of the table's rows, in order.</summary>
    private static List<string> Ids(CliRunner.Result result) =>
        result.Out.Split('\n').Skip(1).TakeWhile(l => l.Length > 0).Select(l => l.Split(' ')[0]).ToList();

    private static string Summary(CliRunner.Result result) => result.OutLines[^1];

    /// <summary>
    /// In fresh processes, as a person runs them: once the parse cache is written, a table or CSV reads
    /// the risks from it without their prose, so a condition on a prose field must read them whole
    /// (every sample risk has a cause, so none has none; read without prose, all 14 would seem to).
    /// </summary>
    [Fact]
    public void A_fresh_process_listing_from_the_cache_meets_a_condition_on_prose_as_the_files_hold_it()
    {
        string[] Listed(params string[] args)
        {
            var (code, output, error) = ChildProcess.Run(Paths.Program[0], [.. Paths.Program.Skip(1), .. args], Register, TimeSpan.FromSeconds(120));
            code.ShouldBe(0, error);
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0])];
        }

        Listed("list", "--format", "csv").ShouldBe(AllIds);
        Listed("list", "--format", "csv").ShouldBe(AllIds);
        Listed("list", "--format", "csv", "--where", "narrative.cause=").ShouldBeEmpty();
        Listed("list", "--format", "csv", "--where", "owner=rjarvis").ShouldBe(["BAF-07"]);
        Listed("list", "--format", "csv", "--where", "actions[].update=").Length.ShouldBeLessThan(AllIds.Length);
    }

    [Fact]
    public void List_shows_a_table_of_all_14_risks_and_the_band_counts()
    {
        var result = Run("list");

        result.Code.ShouldBe(0, result.ToString());
        result.Error.ShouldBeEmpty();
        var lines = result.OutLines;
        lines[0].ShouldStartWith("ID");
        lines[0].ShouldContain("Title");
        lines[0].ShouldContain("Owner");
        lines[0].ShouldContain("Current");
        lines[0].ShouldContain("Band");
        Ids(result).ShouldBe(AllIds);
        lines.Single(l => l.StartsWith("BAF-07 ", StringComparison.Ordinal)).ShouldContain("Rebecca Jarvis");
        lines.Single(l => l.StartsWith("BAF-07 ", StringComparison.Ordinal)).ShouldContain("3 x 3 = 9");
        lines.Single(l => l.StartsWith("BAF-07 ", StringComparison.Ordinal)).ShouldContain("High");
        Summary(result).ShouldStartWith("14 risks: 11 extreme (red), 2 high (amber), 1 moderate (yellow)");
    }

    [Fact]
    public void List_table_humanises_review_dates_against_the_clock()
    {
        var result = Run("list");

        // On 20 March 2025 BAF-07's next review (6 May 2025) is still ahead.
        var baf07 = result.OutLines.Single(l => l.StartsWith("BAF-07 ", StringComparison.Ordinal));
        baf07.ShouldNotContain("overdue");
        baf07.ShouldContain("3 open");
        Summary(result).ShouldBe("14 risks: 11 extreme (red), 2 high (amber), 1 moderate (yellow); 1 overdue action");
        // The one overdue action: CRR-005's A1, due 28 February 2025 and still in progress.
        result.OutLines.Single(l => l.StartsWith("CRR-005 ", StringComparison.Ordinal)).ShouldContain("1 open, 1 overdue");
    }

    [Theory]
    [InlineData("--kind", "strategic", 8)]
    [InlineData("--kind", "operational", 6)]
    [InlineData("--band", "extreme", 11)]
    [InlineData("--band", "Extreme", 11)]
    [InlineData("--band", "high", 2)]
    [InlineData("--owner", "rjarvis", 1)]
    [InlineData("--owner", "etimpson", 2)]
    [InlineData("--objective", "SO2", 4)]
    [InlineData("--status", "all", 14)]
    [InlineData("--status", "open", 14)]
    [InlineData("--status", "closed", 0)]
    public void List_filters(string option, string value, int count)
    {
        var result = Run("list", option, value);

        result.Code.ShouldBe(0, result.ToString());
        Ids(result).Count.ShouldBe(count, result.Out);
        Summary(result).ShouldStartWith(count == 1 ? "1 risk" : $"{count} risks");
    }

    [Fact]
    public void List_filters_pick_the_right_risks()
    {
        Ids(Run("list", "--kind", "strategic")).ShouldBe(AllIds.Where(id => id.StartsWith("BAF", StringComparison.Ordinal)));
        Ids(Run("list", "--kind", "operational")).ShouldBe(AllIds.Where(id => id.StartsWith("CRR", StringComparison.Ordinal)));
        Ids(Run("list", "--owner", "rjarvis")).ShouldBe(["BAF-07"]);
        Ids(Run("list", "--objective", "SO2")).ShouldBe(["BAF-05", "BAF-06", "BAF-07", "BAF-08"]);
        Ids(Run("list", "--band", "extreme")).ShouldNotContain("BAF-07");
        Ids(Run("list", "--band", "high")).ShouldBe(["BAF-07", "CRR-018"]);
        Ids(Run("list", "--kind", "strategic", "--band", "high")).ShouldBe(["BAF-07"]);
    }

    [Fact]
    public void List_refuses_an_unknown_kind_with_a_usage_error()
    {
        var result = Run("list", "--kind", "tactical");

        result.Code.ShouldBe(2);
        result.Error.ShouldContain("tactical");
    }

    [Fact]
    public void List_as_csv_has_a_header_and_one_row_per_risk()
    {
        var result = Run("list", "--format", "csv");

        result.Code.ShouldBe(0, result.ToString());
        var lines = result.OutLines;
        lines.Length.ShouldBe(15);
        var header = lines[0].Split(',');
        header[0].ShouldBe("id");
        header.ShouldContain("current_score");
        header.ShouldContain("band");
        lines.Skip(1).Select(l => l.Split(',')[0]).ShouldBe(AllIds);
        lines.Single(l => l.StartsWith("BAF-07,", StringComparison.Ordinal)).ShouldContain(",rjarvis,Rebecca Jarvis,3,3,9,High,amber,");
    }

    [Fact]
    public void List_as_json_has_14_items_with_derived_bands()
    {
        var result = Run("list", "--format", "json");

        result.Code.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var items = json.RootElement.EnumerateArray().ToList();
        items.Count.ShouldBe(14);
        items.Select(i => i.GetProperty("id").GetString()).ShouldBe(AllIds);
        items.ShouldAllBe(i => i.GetProperty("derived").GetProperty("band").GetString()!.Length > 0);
        var baf07 = items.Single(i => i.GetProperty("id").GetString() == "BAF-07");
        baf07.GetProperty("derived").GetProperty("band").GetString().ShouldBe("High");
        baf07.GetProperty("derived").GetProperty("rag").GetString().ShouldBe("amber");
        baf07.GetProperty("derived").GetProperty("current_score").GetInt32().ShouldBe(9);
        baf07.GetProperty("owner_name").GetString().ShouldBe("Rebecca Jarvis");
    }

    [Fact]
    public void List_finds_the_register_from_a_folder_inside_it()
    {
        var result = CliRunner.Run(Path.Combine(Register, "risks", "BAF", "00"), "list");

        result.Code.ShouldBe(0, result.ToString());
        Ids(result).Count.ShouldBe(14);
    }

    [Fact]
    public void List_uses_the_register_option_before_or_after_the_command()
    {
        var elsewhere = Temp.Combine("elsewhere");
        Directory.CreateDirectory(elsewhere);

        var after = CliRunner.Run(elsewhere, "list", "--register", Register);
        var before = CliRunner.Run(elsewhere, "-r", Register, "list");
        var relative = CliRunner.Run(elsewhere, "list", "--register", "../register");

        foreach (var result in new[] { after, before, relative })
        {
            result.Code.ShouldBe(0, result.ToString());
            Ids(result).Count.ShouldBe(14);
        }
    }

    [Fact]
    public void List_uses_RISKS_REGISTER()
    {
        var elsewhere = Temp.Combine("elsewhere");
        Directory.CreateDirectory(elsewhere);

        var result = CliRunner.Run(elsewhere, new Dictionary<string, string> { ["RISKS_REGISTER"] = Register }, "list");

        result.Code.ShouldBe(0, result.ToString());
        Ids(result).Count.ShouldBe(14);
    }

    [Fact]
    public void List_with_no_register_exits_4_and_says_how_to_name_or_make_one()
    {
        var elsewhere = Temp.Combine("elsewhere");
        Directory.CreateDirectory(elsewhere);

        var result = CliRunner.Run(elsewhere, "list");

        result.Code.ShouldBe(4);
        result.Out.ShouldBeEmpty();
        result.Error.ShouldContain($"no register in {elsewhere}");
        result.Error.ShouldContain("--register");
        result.Error.ShouldContain("RISKS_REGISTER");
        result.Error.ShouldContain("risks init");
    }

    [Fact]
    public void List_with_a_register_option_that_is_not_a_register_exits_4()
    {
        var elsewhere = Temp.Combine("elsewhere");
        Directory.CreateDirectory(elsewhere);

        var result = CliRunner.Run(Register, "list", "--register", elsewhere);

        result.Code.ShouldBe(4);
        result.Error.ShouldContain("is not a register");
    }
}
