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
    public void List_shows_the_iterations_oldest_first_with_board_date_commit_who_cut_them_when_and_title()
    {
        var result = CliRunner.Run(Register, "iteration", "list");

        result.Code.ShouldBe(0, result.ToString());
        var lines = result.Out.TrimEnd().Split('\n');
        lines.Length.ShouldBe(3);
        lines[0].ShouldBe("Name     Board date   Commit   Cut by         Cut on       Title");
        lines[1].ShouldStartWith("2025-01  16 Jan 2025  ");
        lines[1].ShouldEndWith("  Sara O'Connor  16 Jan 2025  Board, January 2025");
        lines[2].ShouldStartWith("2025-03  13 Mar 2025  ");
        lines[2].ShouldEndWith("  Sara O'Connor  13 Mar 2025  Board, 13 March 2025");
    }

    [Fact]
    public void A_governance_lead_cuts_an_iteration_as_an_annotated_tag_by_them_for_today_s_board_by_default()
    {
        Join("governance_lead");

        var result = CliRunner.Run(Register, "iteration", "create", "2025-04", "--title", "Board 10 April 2025");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldStartWith("Cut iteration 2025-04: \"Board 10 April 2025\", for the board of 20 Mar 2025, cut by Tess Tester on ");
        Git.Run(Register, "cat-file", "-t", "2025-04").Trim().ShouldBe("tag");
        Git.Run(Register, "for-each-ref", "--format=%(taggername)|%(contents:subject)", "refs/tags/2025-04").Trim().ShouldBe("Tess Tester|Board 10 April 2025");
        Git.Run(Register, "for-each-ref", "--format=%(contents:body)", "refs/tags/2025-04").Trim().ShouldBe("Board-Date: 2025-03-20");
        Git.Run(Register, "rev-parse", "2025-04^{commit}").Trim().ShouldBe(Git.Head(Register));
        CliRunner.Run(Register, "iteration", "list").OutLines[^1].ShouldStartWith("2025-04  20 Mar 2025  ");
    }

    [Theory]
    [InlineData("2025-04-10")]
    [InlineData("10/04/2025")]
    [InlineData("10 Apr 2025")]
    [InlineData("10 April 2025")]
    public void The_board_date_is_given_as_dates_are_typed_and_kept_in_the_tag_as_an_iso_trailer(string typed)
    {
        Join("governance_lead");

        var result = CliRunner.Run(Register, "iteration", "create", "2025-04", "--title", "Board 10 April 2025", "--board-date", typed);

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldStartWith("Cut iteration 2025-04: \"Board 10 April 2025\", for the board of 10 Apr 2025, cut by Tess Tester on 20 Mar 2025 at commit ");
        Git.Run(Register, "for-each-ref", "--format=%(contents:body)", "refs/tags/2025-04").Trim().ShouldBe("Board-Date: 2025-04-10");
        Git.Run(Register, "for-each-ref", "--format=%(trailers:key=Board-Date,valueonly)", "refs/tags/2025-04").Trim().ShouldBe("2025-04-10");
        var list = CliRunner.Run(Register, "iteration", "list").OutLines;
        list[^1].ShouldStartWith("2025-04  10 Apr 2025  ");
        list[^1].ShouldContain("  Tess Tester    20 Mar 2025  Board 10 April 2025");
    }

    [Theory]
    [InlineData("31/02/2025")]
    [InlineData("next Thursday")]
    [InlineData("2025-13-01")]
    [InlineData("")]
    public void A_board_date_that_is_not_a_date_is_refused_naming_the_option_and_nothing_is_cut(string typed)
    {
        Join("governance_lead");

        var result = CliRunner.Run(Register, "iteration", "create", "2025-04", "--board-date", typed);

        result.Code.ShouldBe(2, result.ToString());
        result.Error.ShouldBe($"risks: --board-date: '{typed}' is not a date: write the day of the board meeting as 2025-03-13, 13/03/2025 or 13 Mar 2025\n");
        result.Out.ShouldBeEmpty();
        Git.Run(Register, "tag").Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["2025-01", "2025-03"]);
    }

    [Fact]
    public void Help_for_create_names_the_board_date_option()
    {
        var result = CliRunner.Run(Register, "iteration", "create", "--help");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("--board-date");
        result.Out.ShouldContain("The day of the board meeting it is for");
    }

    [Fact]
    public void An_existing_name_is_a_conflict_naming_who_cut_it()
    {
        Join("governance_lead");

        var result = CliRunner.Run(Register, "iteration", "create", "2025-03");

        result.Code.ShouldBe(3, result.ToString());
        result.Error.ShouldContain("there is already an iteration called '2025-03'");
        result.Error.ShouldContain("\"Board, 13 March 2025\", for the board of 13 Mar 2025, cut by Sara O'Connor on 13 Mar 2025 at commit ");
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
