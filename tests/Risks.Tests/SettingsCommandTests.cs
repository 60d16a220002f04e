using System.Text.Json;
using System.Text.RegularExpressions;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary><c>risks settings show</c> and <c>risks settings set</c> on a copy of the sample register.</summary>
public sealed partial class SettingsCommandTests : RegisterTest
{
    private string[] ChangedFiles(string commit = "HEAD") =>
        Git.Lines(Register, "diff-tree", "--no-commit-id", "--name-only", "-r", commit);

    private void ShouldBeUntouched(string head, byte[] before)
    {
        Git.Head(Register).ShouldBe(head);
        FileBytes("register.yaml").ShouldBe(before);
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void Show_gives_every_setting_section_by_section()
    {
        var result = Run("settings", "show");

        result.Code.ShouldBe(0, result.ToString());
        var text = result.Out;
        text.ShouldStartWith("Organisation: Mid and South Essex Integrated Care Board\n\nStrategic objectives (7)\n");
        text.ShouldContain("""
              SO2  Reduce health inequalities
                   Narrow health inequalities across mid and south Essex in how people
                   reach and experience our services and in the outcomes they achieve.
                   Appetite: minimal; tolerance: 9
            """.ReplaceLineEndings("\n"));
        text.ShouldContain("\nPeople and roles (16)\n");
        result.OutLines.ShouldContain(l => Regex.IsMatch(l, @"^  kbonney +Kathy Bonney +risk owner +kathy\.bonney@mse\.example +Interim Chief People Officer$"));
        result.OutLines.ShouldContain(l => Regex.IsMatch(l, @"^  soconnor +Sara O'Connor +governance lead "));
        text.ShouldContain("\nCategories: Workforce; Quality; Performance; Finance; Strategy; Partnerships\n");
        text.ShouldContain("\nScoring words\n  Impact:      1 Negligible, 2 Minor, 3 Moderate, 4 Major, 5 Catastrophic\n  Likelihood:  1 Rare, 2 Unlikely, 3 Possible, 4 Likely, 5 Almost certain\n");
        text.ShouldContain("\nRAG bands (4)\n  Low       green   1-3\n  Moderate  yellow  4-6\n  High      amber   8-12\n  Extreme   red     15-25\n");
        text.ShouldContain("\nPartner organisations' red risks (14)\n");
        result.OutLines.ShouldContain(l => Regex.IsMatch(l, @"^  1 +MSEFT +25 +28 Feb 2025 +Financial sustainability$"));
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public void Show_as_yaml_is_register_yaml_and_as_json_has_its_keys()
    {
        var yaml = Run("settings", "show", "--format", "yaml");
        var json = Run("settings", "show", "--format", "json");

        yaml.Code.ShouldBe(0, yaml.ToString());
        yaml.Out.ShouldBe(FileText("register.yaml"));
        json.Code.ShouldBe(0, json.ToString());
        using var document = JsonDocument.Parse(json.Out);
        var root = document.RootElement;
        root.GetProperty("organisation").GetString().ShouldBe("Mid and South Essex Integrated Care Board");
        var so2 = root.GetProperty("objectives").EnumerateArray().Single(o => o.GetProperty("id").GetString() == "SO2");
        (so2.GetProperty("appetite").GetString(), so2.GetProperty("tolerance").GetInt32(), so2.GetProperty("retired").GetBoolean()).ShouldBe(("minimal", 9, false));
        root.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("login").GetString() == "kbonney").GetProperty("role").GetString().ShouldBe("risk_owner");
        root.GetProperty("scoring").GetProperty("impact").EnumerateArray().Select(w => w.GetString()).ShouldBe(["Negligible", "Minor", "Moderate", "Major", "Catastrophic"]);
        root.GetProperty("bands").EnumerateArray().Select(b => $"{b.GetProperty("name").GetString()} {b.GetProperty("rag").GetString()} {b.GetProperty("min").GetInt32()}-{b.GetProperty("max").GetInt32()}")
            .ShouldBe(["Low green 1-3", "Moderate yellow 4-6", "High amber 8-12", "Extreme red 15-25"]);
        root.GetProperty("categories").GetArrayLength().ShouldBe(6);
        root.GetProperty("partner_risks")[0].GetProperty("reported").GetString().ShouldBe("2025-02-28");
    }

    [Fact]
    public void Set_changes_several_settings_as_one_commit_of_register_yaml_by_the_governance_lead()
    {
        Join();
        var head = Git.Head(Register);

        var result = Run(
            "settings", "set",
            "organisation=Mid and South Essex ICB",
            "objectives[SO2].tolerance=12",
            "categories+=Estates",
            "scoring.likelihood[5]=Almost certain to happen",
            "-m", "Agreed at the board workshop");

        result.Code.ShouldBe(0, result.ToString());
        result.OutLines[0].ShouldStartWith("Saved Settings: organisation \"Mid and South Essex Integrated Care Board\" -> \"Mid and South Essex ICB\" and 3 more changes [");
        result.OutLines[0].ShouldEndWith($"] by {CliRunner.UserName}");
        result.Error.ShouldBeEmpty();
        Git.Run(Register, "rev-parse", "HEAD~1").Trim().ShouldBe(head);
        ChangedFiles().ShouldBe(["register.yaml"]);
        Git.Run(Register, "log", "-1", "--format=%an <%ae>|%cn <%ce>|%aI").Trim().ShouldBe($"{CliRunner.UserName} <{CliRunner.UserEmail}>|{CliRunner.UserName} <{CliRunner.UserEmail}>|2025-03-20T10:00:00+00:00");
        Git.Run(Register, "log", "-1", "--format=%B").TrimEnd('\n').ShouldBe("""
            Settings: organisation "Mid and South Essex Integrated Care Board" -> "Mid and South Essex ICB" and 3 more changes

            Agreed at the board workshop

            - organisation "Mid and South Essex Integrated Care Board" -> "Mid and South Essex ICB"
            - objective SO2 tolerance 9 -> 12
            - likelihood 5 word "Almost certain" -> "Almost certain to happen"
            - category Estates added
            """.ReplaceLineEndings("\n"));
        var yaml = FileText("register.yaml");
        yaml.ShouldStartWith("organisation: Mid and South Essex ICB\n");
        yaml.ShouldContain("  - id: SO2\n");
        yaml.ShouldContain("    appetite: minimal\n    tolerance: 12\n");
        yaml.ShouldContain("    - Likely\n    - Almost certain to happen\n");
        yaml.ShouldContain("  - Partnerships\n  - Estates\npeople:");
        Git.Status(Register).ShouldBeEmpty();
        Run("check").Code.ShouldBe(0);
    }

    [Fact]
    public void Set_is_all_or_nothing_and_a_bad_setting_exits_2_naming_it()
    {
        Join();
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var badValue = Run("settings", "set", "organisation=Another", "objectives[SO2].tolerance=30", "-m", "x");
        var badPath = Run("settings", "set", "organisation=Another", "objectives[SO2].colour=blue", "-m", "x");
        var noItem = Run("settings", "set", "organisation=Another", "objectives[SO9]=", "-m", "x");
        var notASetting = Run("settings", "set", "organisation", "-m", "x");

        (badValue.Code, badValue.Error).ShouldBe((2, "risks: objectives[SO2].tolerance must be a score 1-25, found \"30\"\n"));
        badPath.Code.ShouldBe(2);
        badPath.Error.ShouldStartWith("risks: objectives[SO2].colour: an objective has id, title, short_title, appetite, tolerance and retired");
        (noItem.Code, noItem.Error).ShouldBe((2, "risks: objectives[SO9]=: there is no objective SO9\n"));
        notASetting.Code.ShouldBe(2);
        notASetting.Error.ShouldStartWith("risks: \"organisation\" is not a setting: write FIELD=VALUE");
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void Set_whose_result_is_not_valid_exits_1_listing_each_problem_in_words()
    {
        Join();
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var result = Run("settings", "set", "objectives[SO8].short_title=Digital services", "people[kbonney].email=kathy", "bands[High].min=9", "-m", "x");

        result.Code.ShouldBe(1, result.ToString());
        result.Error.ShouldBe("""
            risks: register.yaml was not changed:
              - objective SO8 title is required
              - bands must give every possible score one band: no band covers the score 8
              - person kbonney email must be an email address, found "kathy"

            """.ReplaceLineEndings("\n"));
        IndexPath().IsMatch(result.Error).ShouldBeFalse("problems are told in words, not by index paths such as objectives[7]");
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void Set_that_would_leave_risks_naming_what_is_gone_exits_1_naming_them()
    {
        Join();
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var result = Run("settings", "set", "categories-=Quality", "objectives[SO2]=", "-m", "Tidy up");

        result.Code.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("  - objective SO2 is named by BAF-05, BAF-06, BAF-07 and BAF-08: retire it instead");
        result.Error.ShouldContain("  - category Quality is used by BAF-02, BAF-07, BAF-08 and CRR-005: change their category first");
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void Set_needs_a_reason()
    {
        Join();
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var none = Run("settings", "set", "organisation=Another");
        var blank = Run("settings", "set", "organisation=Another", "-m", " ");

        none.Code.ShouldBe(2);
        none.Error.ShouldContain("--message");
        (blank.Code, blank.Error).ShouldBe((2, "risks: a change of settings needs a reason: say why, for the register's history (-m REASON)\n"));
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void Set_to_what_is_already_there_saves_nothing_and_exits_0()
    {
        Join();
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var result = Run("settings", "set", "objectives[SO2].tolerance=9", "categories+=Estates", "categories-=Estates", "-m", "x");

        (result.Code, result.Out).ShouldBe((0, "Nothing to save: register.yaml already says that.\n"));
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void Set_in_a_shared_register_over_an_edit_not_yet_committed_exits_3_and_keeps_the_edit()
    {
        Join();
        Git.Run(Register, "config", "core.sharedRepository", "group");
        var head = Git.Head(Register);
        File.WriteAllText(Path.Combine(Register, "register.yaml"), FileText("register.yaml").Replace("tolerance: 9\n", "tolerance: 10\n", StringComparison.Ordinal));
        var edited = FileBytes("register.yaml");

        var result = Run("settings", "set", "categories+=Estates", "-m", "x");

        result.Code.ShouldBe(3, result.ToString());
        result.Error.ShouldStartWith("risks: not saved: register.yaml holds an edit not yet committed");
        Git.Head(Register).ShouldBe(head);
        FileBytes("register.yaml").ShouldBe(edited);
    }

    [Fact]
    public void Set_on_a_register_yaml_laid_out_by_hand_saves_and_says_the_layout_is_now_the_programs()
    {
        Join();
        File.WriteAllText(Path.Combine(Register, "register.yaml"), "# Kept by corporate governance\n" + FileText("register.yaml"));
        Git.Run(Register, "commit", "-qam", "A comment");

        var result = Run("settings", "set", "categories+=Estates", "-m", "Estates risks");

        result.Code.ShouldBe(0, result.ToString());
        result.Error.ShouldContain("register.yaml is now laid out as the program writes it");
        FileText("register.yaml").ShouldStartWith("organisation: ");
        Git.Run(Register, "log", "-1", "--format=%s").Trim().ShouldBe("Settings: category Estates added");
    }

    [Fact]
    public void A_register_yaml_that_cannot_be_read_is_neither_shown_nor_changed()
    {
        Join();
        File.WriteAllText(Path.Combine(Register, "register.yaml"), FileText("register.yaml").Replace("tolerance: 9\n", "tolerance: nine\n", StringComparison.Ordinal));
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var show = Run("settings", "show");
        var set = Run("settings", "set", "categories+=Estates", "-m", "x");

        show.Code.ShouldBe(1, show.ToString());
        show.Out.ShouldBeEmpty();
        show.Error.ShouldStartWith("risks: register.yaml cannot be read:\n  register.yaml:");
        show.Error.ShouldContain("nine");
        set.Code.ShouldBe(1, set.ToString());
        set.Error.ShouldStartWith("risks: register.yaml cannot be read, so it cannot be changed here: register.yaml:");
        Git.Head(Register).ShouldBe(head);
        FileBytes("register.yaml").ShouldBe(before);
    }

    [Theory]
    [InlineData("settings", "show", "--format", "yaml")]
    [InlineData("settings", "set", "<settings>", "objectives[ID].title")]
    [InlineData("objectives", "add", "--appetite", "averse, minimal, cautious, open or eager")]
    [InlineData("objectives", "remove", "retire", "--message")]
    [InlineData("objectives", "unretire", "<id>", "--message")]
    [InlineData("people", "add", "--role", "governance_lead, risk_owner or reviewer")]
    [InlineData("people", "remove", "reviewer", "<login>")]
    [InlineData("partners", "add", "--organisation", "--reported")]
    [InlineData("partners", "remove", "<number>", "--message")]
    public void Help_says_what_each_settings_command_takes(string command, string subcommand, string first, string second)
    {
        var result = Run(command, subcommand, "--help");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain(first);
        result.Out.ShouldContain(second);
    }

    [Fact]
    public void Root_help_lists_the_settings_commands()
    {
        var result = Run("--help");

        foreach (var command in new[] { "settings", "objectives", "people", "partners" })
        {
            result.OutLines.ShouldContain(l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal), command);
        }
    }

    [GeneratedRegex(@"[a-z_]+\[\d+\]")]
    private static partial Regex IndexPath();
}
