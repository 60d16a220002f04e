using System.Text.RegularExpressions;
using Risks.Tests.Support;

namespace Risks.Tests;

public sealed partial class EditCommandTests : RegisterTest
{
    private const string Baf07 = SampleRegister.Baf07;

    [GeneratedRegex(@"kept at (?<path>\S+\.yaml)")]
    private static partial Regex KeptAt();

    /// <summary>Writes an executable shell script into the test's folder and returns its path.</summary>
    private string Script(string name, string body)
    {
        var path = Temp.Combine(name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>The sed editor: raises BAF-07's current likelihood from 3 to 4.</summary>
    private string RaiseLikelihood() => Script("raise.sh", "sed -i 's/^  likelihood: 3$/  likelihood: 4/' \"$1\"");

    private static Dictionary<string, string> Editor(string command) => new() { ["EDITOR"] = command };

    /// <summary>Removes the copy that 'edit' kept in the temporary folder, returning its text.</summary>
    private static string TakeKeptCopy(string message)
    {
        var match = KeptAt().Match(message);
        match.Success.ShouldBeTrue(message);
        var path = match.Groups["path"].Value;
        File.Exists(path).ShouldBeTrue(path);
        var text = File.ReadAllText(path);
        TempFolder.DeleteQuietly(Path.GetDirectoryName(path)!);
        return text;
    }

    [Fact]
    public void Edit_with_an_editor_commits_the_change_with_the_reason()
    {
        Join();

        var result = RunWith(Editor(RaiseLikelihood()), "edit", "BAF-07", "-m", "Dashboard delayed");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("Saved BAF-07 Inequalities: current score 9 -> 12");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 2);
        Git.Run(Register, "log", "-1", "--format=%an | %s").Trim().ShouldBe($"{CliRunner.UserName} | BAF-07 Inequalities: current score 9 -> 12");
        Git.Run(Register, "log", "-1", "--format=%b").ShouldContain("Dashboard delayed");
        Git.Lines(Register, "diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD").ShouldBe([Baf07]);
        FileText(Baf07).ShouldContain("current:\n  impact: 3\n  likelihood: 4\n");
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void Edit_prefers_VISUAL_to_EDITOR()
    {
        Join();
        var variables = new Dictionary<string, string> { ["VISUAL"] = RaiseLikelihood(), ["EDITOR"] = Script("fail.sh", "exit 3") };

        var result = RunWith(variables, "edit", "BAF-07", "-m", "Dashboard delayed");

        result.Code.ShouldBe(0, result.ToString());
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 2);
    }

    [Fact]
    public void Edit_asks_for_a_reason_at_a_terminal()
    {
        Join();

        var result = CliRunner.Run(Register, Editor(RaiseLikelihood()), interactive: true, input: "Dashboard delayed\n", "edit", "BAF-07");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("Reason for the change: ");
        Git.Run(Register, "log", "-1", "--format=%b").ShouldContain("Dashboard delayed");
    }

    [Fact]
    public void Edit_without_a_reason_and_no_terminal_keeps_the_edit_and_commits_nothing()
    {
        Join();
        var before = FileBytes(Baf07);

        var result = RunWith(Editor(RaiseLikelihood()), "edit", "BAF-07");

        result.Code.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("a reason is needed (-m)");
        TakeKeptCopy(result.Error).ShouldContain("  likelihood: 4\n");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 1);
        FileBytes(Baf07).ShouldBe(before);
    }

    [Fact]
    public void Edit_that_changes_nothing_commits_nothing()
    {
        Join();

        var result = RunWith(Editor("true"), "edit", "BAF-07", "-m", "x");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("BAF-07 not changed.");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 1);
    }

    [Fact]
    public void Edit_to_invalid_yaml_without_a_terminal_exits_1_commits_nothing_and_says_where_the_edit_is()
    {
        Join();
        var before = FileBytes(Baf07);
        var editor = Script("break.sh", "printf 'id: BAF-07\\ntitle: [not closed\\n' > \"$1\"");

        var result = RunWith(Editor(editor), "edit", "BAF-07", "-m", "x");

        result.Code.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("Nothing was saved. Your edit is kept at ");
        result.Error.ShouldContain("BAF-07.yaml:");
        TakeKeptCopy(result.Error).ShouldBe("id: BAF-07\ntitle: [not closed\n");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 1);
        FileBytes(Baf07).ShouldBe(before);
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void Edit_to_an_invalid_value_reports_it_at_the_kept_copy()
    {
        Join();
        var editor = Script("seven.sh", "sed -i 's/^  likelihood: 3$/  likelihood: 7/' \"$1\"");

        var result = RunWith(Editor(editor), "edit", "BAF-07", "-m", "x");

        result.Code.ShouldBe(1, result.ToString());
        result.Error.ShouldContain(":37:15: current likelihood must be 1-5, found 7");
        TakeKeptCopy(result.Error).ShouldContain("  likelihood: 7\n");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 1);
    }

    [Fact]
    public void Edit_whose_editor_fails_exits_70_and_keeps_the_copy()
    {
        Join();

        var result = RunWith(Editor(Script("fail.sh", "exit 3")), "edit", "BAF-07", "-m", "x");

        result.Code.ShouldBe(70, result.ToString());
        result.Error.ShouldContain("exited with 3");
        TakeKeptCopy(result.Error);
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 1);
    }

    [Fact]
    public void Edit_with_no_editor_set_is_a_usage_error()
    {
        Join();

        var result = Run("edit", "BAF-07", "-m", "x");

        result.Code.ShouldBe(2);
        result.Error.ShouldContain("set $EDITOR (or $VISUAL)");
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 1);
    }

    [Fact]
    public void Edit_of_an_unknown_or_malformed_id()
    {
        Run("edit", "BAF-99", "-m", "x").Code.ShouldBe(4);
        Run("edit", "../x", "-m", "x").Code.ShouldBe(2);
    }
}
