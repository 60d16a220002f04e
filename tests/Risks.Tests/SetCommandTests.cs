using System.Text.Json;
using Risks.Tests.Support;

namespace Risks.Tests;

public sealed class SetCommandTests : RegisterTest
{
    private const string Baf07 = SampleRegister.Baf07;

    private string[] ChangedFiles(string commit = "HEAD") =>
        Git.Lines(Register, "diff-tree", "--no-commit-id", "--name-only", "-r", commit);

    [Fact]
    public void Set_makes_one_commit_touching_only_the_risk_by_the_git_config_identity()
    {
        Join();
        var head = Git.Head(Register);

        var result = Run("set", "BAF-07", "current.likelihood=4", "-m", "Dashboard delayed");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldStartWith("Saved BAF-07 Inequalities: current score 9 -> 12 [");
        result.Out.ShouldContain($"] by {CliRunner.UserName}");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 2);
        Git.Run(Register, "rev-parse", "HEAD~1").Trim().ShouldBe(head);
        ChangedFiles().ShouldBe([Baf07]);
        Git.Run(Register, "log", "-1", "--format=%an <%ae>").Trim().ShouldBe($"{CliRunner.UserName} <{CliRunner.UserEmail}>");
        Git.Run(Register, "log", "-1", "--format=%cn <%ce>").Trim().ShouldBe($"{CliRunner.UserName} <{CliRunner.UserEmail}>");
        Git.Run(Register, "log", "-1", "--format=%aI").Trim().ShouldBe("2025-03-20T10:00:00+00:00");
        Git.Run(Register, "log", "-1", "--format=%s").Trim().ShouldBe("BAF-07 Inequalities: current score 9 -> 12");
        var body = Git.Run(Register, "log", "-1", "--format=%b");
        body.ShouldContain("Dashboard delayed");
        body.TrimEnd('\n').Split('\n')[^1].ShouldBe("Risk-Id: BAF-07");
        Git.Status(Register).ShouldBeEmpty();
        FileText(Baf07).ShouldContain("current:\n  impact: 3\n  likelihood: 4\n");
        Git.Run(Register, "diff", "HEAD~1", "--numstat").Trim().ShouldBe($"1\t1\t{Baf07}");
    }

    [Fact]
    public void Set_is_seen_by_show_afterwards()
    {
        Join();
        Run("set", "BAF-07", "current.likelihood=4", "-m", "Dashboard delayed").Code.ShouldBe(0);

        var shown = Run("show", "BAF-07");

        shown.Out.ShouldContain("3 x 4 = 12");
        shown.Out.ShouldContain("likelihood 4 Likely");
    }

    [Fact]
    public void Setting_what_is_already_there_saves_nothing()
    {
        Join();
        Run("set", "BAF-07", "current.likelihood=4", "-m", "Dashboard delayed").Code.ShouldBe(0);
        var head = Git.Head(Register);

        var again = Run("set", "BAF-07", "current.likelihood=4", "-m", "Dashboard delayed");

        again.Code.ShouldBe(0, again.ToString());
        again.Out.ShouldContain("nothing to save");
        Git.Head(Register).ShouldBe(head);
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void Set_out_of_range_exits_1_and_changes_nothing()
    {
        Join();
        var before = FileBytes(Baf07);

        var result = Run("set", "BAF-07", "current.likelihood=9", "-m", "x");

        result.Code.ShouldBe(1);
        result.Error.ShouldContain("current likelihood must be 1-5, found 9");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 1);
        FileBytes(Baf07).ShouldBe(before);
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void Set_of_a_wrong_type_exits_1_naming_the_field()
    {
        Join();

        var result = Run("set", "BAF-07", "current.impact=high", "-m", "x");

        result.Code.ShouldBe(1);
        result.Error.ShouldContain("current.impact");
        result.Error.ShouldContain("high");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 1);
    }

    [Fact]
    public void Set_creates_an_action_and_adds_a_committee_in_one_commit()
    {
        Join();

        var result = Run(
            "set", "BAF-07",
            "actions[A9].text=Publish the inequalities dashboard.",
            "actions[A9].owner=etimpson",
            "actions[A9].due=2025-06-30",
            "actions[A9].status=not_started",
            "committees+=Finance Committee",
            "-m", "New action agreed at the committee");

        result.Code.ShouldBe(0, result.ToString());
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 2);
        ChangedFiles().ShouldBe([Baf07]);
        var body = Git.Run(Register, "log", "-1", "--format=%B");
        body.ShouldContain("- committee added: Finance Committee");
        body.ShouldContain("- action added: Publish the inequalities dashboard. (due 2025-06-30)");
        FileText(Baf07).ShouldContain(
            "  - id: A9\n    text: Publish the inequalities dashboard.\n    owner: etimpson\n    due: 2025-06-30\n    status: not_started\n");
        FileText(Baf07).ShouldContain("  - Population Health Improvement Board\n  - Finance Committee\nobjectives:");

        using var json = JsonDocument.Parse(Run("show", "BAF-07", "--format", "json").Out);
        var action = json.RootElement.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "A9");
        action.GetProperty("due").GetString().ShouldBe("2025-06-30");
        action.GetProperty("owner").GetString().ShouldBe("etimpson");
        json.RootElement.GetProperty("committees").EnumerateArray().Select(c => c.GetString()).ShouldContain("Finance Committee");
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void Set_removes_from_a_list_and_clears_a_field()
    {
        Join();

        var result = Run("set", "BAF-07", "committees-=Audit Committee", "directorate=", "-m", "Tidy up");

        result.Code.ShouldBe(0, result.ToString());
        FileText(Baf07).ShouldNotContain("Audit Committee");
        FileText(Baf07).ShouldNotContain("directorate:");
        Run("check").Code.ShouldBe(0);
    }

    [Fact]
    public void Set_of_an_unknown_field_exits_1_naming_it_and_the_allowed_keys()
    {
        Join();
        var before = FileBytes(Baf07);

        var result = Run("set", "BAF-07", "currnt.likelihood=3", "-m", "x");

        result.Code.ShouldBe(1);
        result.Error.ShouldContain("unknown key \"currnt\"");
        result.Error.ShouldContain("the keys allowed are");
        result.Error.ShouldContain("current");
        result.Error.ShouldContain("inherent");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 1);
        FileBytes(Baf07).ShouldBe(before);
    }

    [Fact]
    public void Set_of_an_unknown_owner_exits_1_and_commits_nothing()
    {
        Join();

        var result = Run("set", "BAF-07", "owner=nobody", "-m", "x");

        result.Code.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("nobody");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 1);
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void Set_without_a_message_is_a_usage_error()
    {
        Join();

        var result = Run("set", "BAF-07", "current.likelihood=4");

        result.Code.ShouldBe(2);
        result.Error.ShouldContain("--message");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 1);
    }

    [Theory]
    [InlineData("current.likelihood")]
    [InlineData("actions[A1]=x")]
    [InlineData("current..likelihood=3")]
    public void Set_with_a_malformed_setting_is_a_usage_error(string setting)
    {
        Join();

        var result = Run("set", "BAF-07", setting, "-m", "x");

        result.Code.ShouldBe(2, result.ToString());
        result.Error.ShouldStartWith("risks: ");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 1);
    }

    [Fact]
    public void Set_of_an_unknown_risk_exits_4_and_of_a_malformed_id_exits_2()
    {
        Join();

        Run("set", "BAF-99", "current.likelihood=4", "-m", "x").Code.ShouldBe(4);
        var malformed = Run("set", "../x", "current.likelihood=4", "-m", "x");
        malformed.Code.ShouldBe(2);
        malformed.Error.ShouldContain("\"../x\" is not a risk id");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 1);
    }

    [Fact]
    public void Set_by_a_login_not_among_the_people_exits_6_whatever_git_config_says_and_commits_nothing()
    {
        Git.SetIdentity(Register, "The Chief Executive", "ceo@example.com");
        var before = FileBytes(Baf07);

        var result = Run("set", "BAF-07", "current.likelihood=4", "-m", "Dashboard delayed");

        result.Code.ShouldBe(6, result.ToString());
        result.Error.ShouldBe($"risks: your login '{Environment.UserName}' is not among register.yaml's people, so the register is read-only for you; a governance lead can add you\n");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits);
        FileBytes(Baf07).ShouldBe(before);
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void Set_can_repair_a_committed_file_that_cannot_be_read()
    {
        Join();
        SampleRegister.Break(Register);
        Git.Run(Register, "commit", "-q", "-a", "-m", "Broken by hand");
        Run("check").Code.ShouldBe(1);

        var result = Run("set", "BAF-07", "current.impact=3", "-m", "Repair the impact");

        result.Code.ShouldBe(0, result.ToString());
        ChangedFiles().ShouldBe([Baf07]);
        FileText(Baf07).ShouldContain("current:\n  impact: 3\n  likelihood: 3\n");
        Git.Status(Register).ShouldBeEmpty();
        var check = Run("check");
        check.OutLines.ShouldNotContain(l => l.StartsWith(Baf07, StringComparison.Ordinal));
        check.OutLines.Length.ShouldBe(2); // BAF-01 and BAF-02 are still broken
    }

    [Fact]
    public void Set_can_repair_a_broken_edit_in_the_work_tree()
    {
        Join();
        SampleRegister.Break(Register);

        var result = Run("set", "BAF-07", "current.impact=3", "current.likelihood=4", "-m", "Repair and raise");

        result.Code.ShouldBe(0, result.ToString());
        Git.Run(Register, "log", "-1", "--format=%s").Trim().ShouldBe("BAF-07 Inequalities: current score 9 -> 12");
        Git.Run(Register, "status", "--porcelain", "--", Baf07).ShouldBeEmpty();
        Run("check").OutLines.Length.ShouldBe(2);
    }

    [Fact]
    public void Set_that_restores_the_committed_content_makes_no_empty_commit()
    {
        Join();
        SampleRegister.Break(Register);
        var head = Git.Head(Register);

        var result = Run("set", "BAF-07", "current.impact=3", "-m", "Repair");

        result.Code.ShouldBe(0, result.ToString());
        Git.Run(Register, "status", "--porcelain", "--", Baf07).ShouldBeEmpty();
        Git.Run(Register, "rev-parse", "HEAD^{tree}").ShouldNotBe(Git.Run(Register, "rev-parse", "HEAD~1^{tree}"), "an empty commit was made");
        Git.Head(Register).ShouldBe(head);
    }

    [Fact]
    public void Repairing_a_committed_unreadable_file_is_not_called_a_new_risk()
    {
        Join();
        SampleRegister.Break(Register);
        Git.Run(Register, "commit", "-q", "-a", "-m", "Broken by hand");

        Run("set", "BAF-07", "current.impact=3", "-m", "Repair the impact").Code.ShouldBe(0);

        Git.Run(Register, "log", "-1", "--format=%s").ShouldNotContain("new risk");
    }

    [Fact]
    public void Set_finds_an_id_written_without_its_leading_zero_as_show_does()
    {
        Join();
        Run("show", "BAF-7").Code.ShouldBe(0);

        var result = Run("set", "BAF-7", "current.likelihood=4", "-m", "Dashboard delayed");

        result.Code.ShouldBe(0, result.ToString());
        FileText(Baf07).ShouldContain("current:\n  impact: 3\n  likelihood: 4\n");
    }
}
