using Microsoft.Extensions.Time.Testing;
using Risks.Storage.Git;
using Risks.Tests.Support;

namespace Risks.Tests;

public sealed class ConflictTests : RegisterTest
{
    private const string Baf07 = SampleRegister.Baf07;

    [Fact]
    public void A_save_of_a_stale_version_after_a_set_is_a_conflict_naming_the_other_author()
    {
        var register = Storage.Git.Register.Open(Register, new FakeTimeProvider(CliRunner.Now));
        var snapshot = register.Reader.Load();
        var stale = snapshot.Find("BAF-07").ShouldNotBeNull();
        Join(name: "Other Person", email: "other@example.com");
        Run("set", "BAF-07", "current.likelihood=4", "-m", "Dashboard delayed").Code.ShouldBe(0);
        var head = Git.Head(Register);
        var after = FileBytes(Baf07);

        var outcome = register.Saves.Save(
            stale.Risk with { Performance = "My stale edit." },
            stale.Version,
            "mine",
            new Author("Me", "me@example.com", "me"),
            snapshot.Settings);

        var conflict = outcome.ShouldBeOfType<SaveOutcome.Conflict>();
        conflict.By.ShouldBe("Other Person");
        conflict.Message.ShouldContain("Other Person");
        conflict.Message.ShouldContain("BAF-07 Inequalities: current score 9 -> 12");
        conflict.Message.ShouldContain("risks/BAF/00/BAF-07.yaml was changed by someone else since it was read");
        Git.Head(Register).ShouldBe(head);
        FileBytes(Baf07).ShouldBe(after);
    }

    [Fact]
    public void Set_on_a_risk_with_an_uncommitted_hand_edit_commits_both()
    {
        Join();
        var file = Path.Combine(Register, Baf07);
        File.WriteAllText(file, File.ReadAllText(file).Replace("directorate: South East Alliance\n", "directorate: South-East Essex Alliance\n", StringComparison.Ordinal));

        var result = Run("set", "BAF-07", "current.likelihood=4", "-m", "Dashboard delayed");

        result.Code.ShouldBe(0, result.ToString());
        var committed = Git.Run(Register, "show", $"HEAD:{Baf07}");
        committed.ShouldContain("directorate: South-East Essex Alliance\n");
        committed.ShouldContain("current:\n  impact: 3\n  likelihood: 4\n");
        var body = Git.Run(Register, "log", "-1", "--format=%B");
        body.ShouldContain("current likelihood 3 -> 4");
        body.ShouldContain("South-East Essex Alliance");
        Git.Status(Register).ShouldBeEmpty();
        Git.CommitCount(Register).ShouldBe(SampleRegister.Commits + 2);
    }

    [Fact]
    public void A_hand_edit_on_another_risk_is_left_alone_by_a_set()
    {
        Join();
        var other = Path.Combine(Register, SampleRegister.Baf01);
        File.AppendAllText(other, "# a note being written\n");

        Run("set", "BAF-07", "current.likelihood=4", "-m", "Dashboard delayed").Code.ShouldBe(0);

        Git.Lines(Register, "diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD").ShouldBe([Baf07]);
        Git.Status(Register).Trim().ShouldBe($"M {SampleRegister.Baf01}");
        File.ReadAllText(other).ShouldEndWith("# a note being written\n");
    }
}
