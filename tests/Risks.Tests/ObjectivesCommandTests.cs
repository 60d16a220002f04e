using System.Text.RegularExpressions;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary><c>risks objectives</c>: list, add, edit, retire, unretire and remove, each change one commit of register.yaml.</summary>
public sealed class ObjectivesCommandTests : RegisterTest
{
    private string LastCommit() => Git.Run(Register, "log", "-1", "--format=%an <%ae>%n%B").TrimEnd('\n');

    private void ShouldBeUntouched(string head, byte[] before)
    {
        Git.Head(Register).ShouldBe(head);
        FileBytes("register.yaml").ShouldBe(before);
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void List_gives_each_objective_with_its_appetite_tolerance_and_the_risks_that_name_it()
    {
        var result = Run("objectives", "list");

        result.Code.ShouldBe(0, result.ToString());
        result.OutLines[0].ShouldMatch(@"^ID +Short title +Appetite +Tolerance +Risks +Retired$");
        result.OutLines.ShouldContain(l => Regex.IsMatch(l, @"^SO2 +Reduce health inequalities +minimal +9 +4$"));
        result.OutLines.ShouldContain("7 objectives.");
    }

    [Fact]
    public void Add_makes_one_commit_with_the_objective_in_register_yaml()
    {
        Join();
        var head = Git.Head(Register);

        var result = Run("objectives", "add", "SO8", "--title", "Make the most of digital services", "--short-title", "Digital services", "--appetite", "open", "--tolerance", "12", "-m", "Board approved the digital strategy");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldStartWith("Saved Settings: objective SO8 added: Digital services [");
        Git.Run(Register, "rev-parse", "HEAD~1").Trim().ShouldBe(head);
        Git.Lines(Register, "diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD").ShouldBe(["register.yaml"]);
        LastCommit().ShouldBe($"{CliRunner.UserName} <{CliRunner.UserEmail}>\nSettings: objective SO8 added: Digital services\n\nBoard approved the digital strategy");
        FileText("register.yaml").ShouldContain("    tolerance: 15\n  - id: SO8\n    title: Make the most of digital services\n    short_title: Digital services\n    appetite: open\n    tolerance: 12\nscoring:");
        Run("objectives", "list").OutLines.ShouldContain(l => Regex.IsMatch(l, @"^SO8 +Digital services +open +12 +0$"));
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void Add_refuses_an_id_there_already_is_and_a_bad_value_naming_its_option()
    {
        Join();
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var again = Run("objectives", "add", "SO2", "--title", "Again", "-m", "x");
        var badId = Run("objectives", "add", "SO 8", "--title", "Digital", "-m", "x");
        var appetite = Run("objectives", "add", "SO8", "--title", "Digital", "--appetite", "hungry", "-m", "x");
        var tolerance = Run("objectives", "add", "SO8", "--title", "Digital", "--tolerance", "30", "-m", "x");
        var noTitle = Run("objectives", "add", "SO8", "-m", "x");

        (again.Code, again.Error).ShouldBe((2, "risks: there is already an objective SO2\n"));
        badId.Code.ShouldBe(2);
        badId.Error.ShouldStartWith("risks: an objective's id must be letters, digits and dashes");
        (appetite.Code, appetite.Error).ShouldBe((2, "risks: --appetite must be averse, minimal, cautious, open or eager, found \"hungry\"\n"));
        (tolerance.Code, tolerance.Error).ShouldBe((2, "risks: --tolerance must be a score 1-25, found \"30\"\n"));
        noTitle.Code.ShouldBe(2);
        noTitle.Error.ShouldContain("--title");
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void Edit_changes_the_fields_given_and_clears_those_given_empty()
    {
        Join();

        var result = Run("objectives", "edit", "SO2", "--tolerance", "12", "--short-title", "", "-m", "Board workshop");

        result.Code.ShouldBe(0, result.ToString());
        LastCommit().ShouldBe($"""
            {CliRunner.UserName} <{CliRunner.UserEmail}>
            Settings: objective SO2 short title cleared (was Reduce health inequalities) and 1 more change

            Board workshop

            - objective SO2 short title cleared (was Reduce health inequalities)
            - objective SO2 tolerance 9 -> 12
            """.ReplaceLineEndings("\n"));
        FileText("register.yaml").ShouldContain("  - id: SO2\n    title: Narrow health inequalities across mid and south Essex in how people reach and experience our services and in the outcomes they achieve.\n    appetite: minimal\n    tolerance: 12\n");
    }

    [Fact]
    public void Edit_of_an_objective_there_is_not_exits_4_and_with_nothing_to_change_exits_2()
    {
        Join();
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var missing = Run("objectives", "edit", "SO9", "--title", "Digital", "-m", "x");
        var nothing = Run("objectives", "edit", "SO2", "-m", "x");

        (missing.Code, missing.Error).ShouldBe((4, "risks: there is no objective SO9 ('risks objectives list' lists them)\n"));
        (nothing.Code, nothing.Error).ShouldBe((2, "risks: say what to change: --title, --short-title, --appetite or --tolerance\n"));
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void Retire_keeps_the_objective_marked_retired_and_unretire_brings_it_back()
    {
        Join();

        var retire = Run("objectives", "retire", "SO2", "-m", "Merged into SO1 by the board");
        var yaml = FileText("register.yaml");
        var list = Run("objectives", "list");
        var again = Run("objectives", "retire", "SO2", "-m", "x");
        var unretire = Run("objectives", "unretire", "SO2", "-m", "Board changed its mind");

        retire.Code.ShouldBe(0, retire.ToString());
        retire.Out.ShouldStartWith("Saved Settings: objective SO2 retired [");
        yaml.ShouldContain("    appetite: minimal\n    tolerance: 9\n    retired: true\n  - id: SO3\n");
        list.OutLines.ShouldContain(l => Regex.IsMatch(l, @"^SO2 +Reduce health inequalities +minimal +9 +4 +retired$"));
        list.OutLines.ShouldContain("7 objectives, 1 retired.");
        (again.Code, again.Out).ShouldBe((0, "Nothing to save: register.yaml already says that.\n"));
        unretire.Code.ShouldBe(0, unretire.ToString());
        Git.Lines(Register, "log", "-2", "--format=%s").ShouldBe(["Settings: objective SO2 back in use", "Settings: objective SO2 retired"]);
        FileText("register.yaml").ShouldNotContain("retired:");
        Run("check").Code.ShouldBe(0);
    }

    [Fact]
    public void Remove_of_an_objective_risks_name_is_refused_naming_them_and_suggesting_retire()
    {
        Join();
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var result = Run("objectives", "remove", "SO2", "-m", "x");

        result.Code.ShouldBe(1, result.ToString());
        result.Error.ShouldBe("risks: register.yaml was not changed:\n  - objective SO2 is named by BAF-05, BAF-06, BAF-07 and BAF-08: retire it instead (it stays on those risks but is no longer offered), or take it off them first\n");
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void Remove_of_an_objective_no_risk_names_takes_it_out()
    {
        Join();
        Run("objectives", "add", "SO8", "--title", "Digital services", "-m", "Digital strategy").Code.ShouldBe(0);

        var result = Run("objectives", "remove", "SO8", "-m", "Folded into SO6");
        var missing = Run("objectives", "remove", "SO8", "-m", "x");

        result.Code.ShouldBe(0, result.ToString());
        Git.Run(Register, "log", "-1", "--format=%s").Trim().ShouldBe("Settings: objective SO8 removed");
        FileText("register.yaml").ShouldNotContain("SO8");
        missing.Code.ShouldBe(4);
    }
}
