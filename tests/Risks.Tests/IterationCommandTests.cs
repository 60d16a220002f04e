using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>'risks iteration create|list|remove': the board's iterations as annotated tags, cut only by governance leads.</summary>
public sealed class IterationCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public IterationCommandTests()
    {
        Register = SampleRegister.CopyTo(_temp.Combine("register"));
    }

    private string Register { get; }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void List_shows_the_iterations_oldest_first_with_date_author_and_title()
    {
        var result = CliRunner.Run(Register, "iteration", "list");

        result.Code.ShouldBe(0, result.ToString());
        var lines = result.Out.TrimEnd().Split('\n');
        lines.Length.ShouldBe(2);
        lines[0].ShouldStartWith("2025-01  ");
        lines[1].ShouldStartWith("2025-03  13 Mar 2025  ");
        lines[1].ShouldEndWith("13 March 2025");
    }

    [Fact]
    public void A_governance_lead_cuts_an_iteration_as_an_annotated_tag_by_them()
    {
        Join("governance_lead");

        var result = CliRunner.Run(Register, "iteration", "create", "2025-04", "--title", "Board 10 April 2025");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldStartWith("Cut iteration 2025-04: \"Board 10 April 2025\", cut by Tess Tester on ");
        Git.Run(Register, "cat-file", "-t", "2025-04").Trim().ShouldBe("tag");
        Git.Run(Register, "for-each-ref", "--format=%(taggername)|%(contents:subject)", "refs/tags/2025-04").Trim().ShouldBe("Tess Tester|Board 10 April 2025");
        Git.Run(Register, "rev-parse", "2025-04^{commit}").Trim().ShouldBe(Git.Head(Register));
        CliRunner.Run(Register, "iteration", "list").Out.ShouldContain("2025-04");
    }

    [Fact]
    public void An_existing_name_is_a_conflict_naming_who_cut_it()
    {
        Join("governance_lead");

        var result = CliRunner.Run(Register, "iteration", "create", "2025-03");

        result.Code.ShouldBe(3, result.ToString());
        result.Error.ShouldContain("there is already an iteration called '2025-03'");
        result.Error.ShouldContain("13 Mar 2025");
    }

    [Theory]
    [InlineData("march 2025")]
    [InlineData("-x")]
    [InlineData("a..b")]
    [InlineData("x.lock")]
    public void A_name_git_cannot_take_is_refused(string name)
    {
        Join("governance_lead");

        var result = CliRunner.Run(Register, "iteration", "create", name);

        result.Code.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("cannot name an iteration");
    }

    [Theory]
    [InlineData("risk_owner", "only governance leads may cut or remove iterations")]
    [InlineData("reviewer", "reviewers read the register but change nothing")]
    public void Others_may_not_cut_or_remove_iterations(string role, string why)
    {
        Join(role);

        var create = CliRunner.Run(Register, "iteration", "create", "2025-04");
        var remove = CliRunner.Run(Register, "iteration", "remove", "2025-03");

        create.Code.ShouldBe(6, create.ToString());
        create.Error.ShouldContain(why);
        remove.Code.ShouldBe(6, remove.ToString());
        Git.Run(Register, "tag").Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["2025-01", "2025-03"]);
    }

    [Fact]
    public void Someone_not_among_the_people_may_not_cut_one()
    {
        var result = CliRunner.Run(Register, "iteration", "create", "2025-04");

        result.Code.ShouldBe(6, result.ToString());
        result.Error.ShouldContain("is not among register.yaml's people");
    }

    [Fact]
    public void A_role_written_into_register_yaml_but_not_committed_gives_no_right()
    {
        var file = Path.Combine(Register, "register.yaml");
        var text = File.ReadAllText(file);
        var at = text.IndexOf("people:\n", StringComparison.Ordinal) + "people:\n".Length;
        File.WriteAllText(file, text.Insert(at, $"  - login: {Environment.UserName}\n    name: Self Promoted\n    role: governance_lead\n"));

        var result = CliRunner.Run(Register, "iteration", "create", "2025-04");

        result.Code.ShouldBe(6, result.ToString());
        result.Error.ShouldContain($"your login '{Environment.UserName}' is not among register.yaml's people");
        Git.Run(Register, "tag").Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["2025-01", "2025-03"]);
    }

    [Fact]
    public void An_unreadable_committed_register_yaml_is_reported_and_nothing_is_cut()
    {
        Join("governance_lead");
        File.AppendAllText(Path.Combine(Register, "register.yaml"), "organisation: twice\n");
        Git.Run(Register, "commit", "-qam", "Break register.yaml");

        var result = CliRunner.Run(Register, "iteration", "create", "2025-04");

        result.Code.ShouldBe(6, result.ToString());
        result.Error.ShouldStartWith("risks: register.yaml as committed cannot be read (register.yaml:");
        result.Error.ShouldContain("so nobody's role is known and nothing can be saved");
        Git.Run(Register, "tag").Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["2025-01", "2025-03"]);
    }

    [Fact]
    public void A_governance_lead_removes_an_iteration_and_the_history_stays()
    {
        Join("governance_lead");
        var commits = Git.CommitCount(Register);

        var result = CliRunner.Run(Register, "iteration", "remove", "2025-01");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldStartWith("Removed iteration 2025-01");
        Git.Run(Register, "tag").Trim().ShouldBe("2025-03");
        Git.CommitCount(Register).ShouldBe(commits);
        CliRunner.Run(Register, "iteration", "remove", "2025-01").Code.ShouldBe(4);
    }

    /// <summary>Adds the person running the tests to register.yaml's people with <paramref name="role"/>, as a hand commit.</summary>
    private void Join(string role) => SampleRegister.Join(Register, role);
}
