using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary><c>risks set --from</c>: changes to several risks from a file or standard input, one commit, all or nothing.</summary>
public sealed class SetFromTests : RegisterTest
{
    private string[] ChangedFiles(string commit = "HEAD") =>
        Git.Lines(Register, "diff-tree", "--no-commit-id", "--name-only", "-r", commit);

    [Fact]
    public void Changes_to_several_risks_are_one_commit_with_a_line_and_a_trailer_for_each()
    {
        Join();
        var head = Git.Head(Register);
        File.WriteAllText(Path.Combine(Temp.Path, "changes.txt"), """
            # March updates
            BAF-07 current.likelihood=4
            BAF-01 performance=Vacancy rate down to 7%

            BAF-07 committees+=Audit Committee
            """);

        var result = Run("set", "--from", Path.Combine(Temp.Path, "changes.txt"), "-m", "March updates");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldStartWith("Saved 2 risks changed: BAF-07, BAF-01 [");
        Git.Run(Register, "rev-parse", "HEAD~1").Trim().ShouldBe(head);
        ChangedFiles().Order().ShouldBe([SampleRegister.Baf01, SampleRegister.Baf07]);
        var body = Git.Run(Register, "log", "-1", "--format=%B");
        body.ShouldContain("March updates");
        body.ShouldContain("- BAF-07 Inequalities: ");
        body.ShouldContain("Risk-Id: BAF-07\nRisk-Id: BAF-01");
        FileText(SampleRegister.Baf07).ShouldContain("likelihood: 4");
        FileText(SampleRegister.Baf07).ShouldContain("Audit Committee");
        FileText(SampleRegister.Baf01).ShouldContain("Vacancy rate down to 7%");
    }

    [Fact]
    public void Any_problem_anywhere_is_said_by_line_and_nothing_is_saved()
    {
        Join();
        var head = Git.Head(Register);
        var before = FileText(SampleRegister.Baf07);

        var result = CliRunner.Run(Register, null, interactive: false, input: "BAF-07 current.likelihood=4\nBAF-01 current.likelihood=9\nBAF-99 title=Nobody\nBAF-07 colour=red\n", "set", "--from", "-", "-m", "Bad batch");

        result.Code.ShouldBe(4, result.ToString());
        result.Error.ShouldContain("stdin:2: BAF-01 would not be valid: current likelihood must be 1-5, found 9");
        result.Error.ShouldContain("stdin:3: there is no risk BAF-99 in the register");
        result.Error.ShouldContain("stdin:4: BAF-07: ");
        result.Error.ShouldEndWith("risks: nothing was saved\n");
        Git.Head(Register).ShouldBe(head);
        FileText(SampleRegister.Baf07).ShouldBe(before);
    }

    [Fact]
    public void A_version_given_for_a_risk_that_has_moved_on_saves_nothing()
    {
        Join();
        var read = Git.Run(Register, "hash-object", SampleRegister.Baf07).Trim();
        Run("set", "BAF-07", "performance=Meanwhile", "-m", "Meanwhile").Code.ShouldBe(0);
        var head = Git.Head(Register);

        var result = CliRunner.Run(Register, null, interactive: false, input: $"BAF-01 performance=Fine\nBAF-07@{read} performance=Stale\n", "set", "--from", "-", "-m", "Stale batch");

        result.Code.ShouldBe(3, result.ToString());
        result.Error.ShouldStartWith("risks: nothing was saved: ");
        Git.Head(Register).ShouldBe(head);
        FileText(SampleRegister.Baf01).ShouldNotContain("performance: Fine");
    }

    [Fact]
    public void From_and_an_id_together_or_neither_are_usage_errors()
    {
        Join();

        Run("set", "BAF-07", "--from", "-", "-m", "x").Code.ShouldBe(2);
        var neither = Run("set", "-m", "x");
        neither.Code.ShouldBe(2);
        neither.Error.ShouldBe("risks: risks set needs the risk's ID and at least one FIELD=VALUE (or --from FILE for several risks)\n");
    }
}
