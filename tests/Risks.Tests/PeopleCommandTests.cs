using System.Text.RegularExpressions;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary><c>risks people</c>: list, add, edit and remove, each change one commit of register.yaml; nobody named on a risk vanishes, and the last governance lead stays.</summary>
public sealed class PeopleCommandTests : RegisterTest
{
    private static string Me => Environment.UserName;

    private void ShouldBeUntouched(string head, byte[] before)
    {
        Git.Head(Register).ShouldBe(head);
        FileBytes("register.yaml").ShouldBe(before);
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void List_gives_each_person_with_their_role_and_how_many_risks_name_them()
    {
        var result = Run("people", "list");

        result.Code.ShouldBe(0, result.ToString());
        result.OutLines[0].ShouldMatch(@"^Login +Name +Role +Risks +Email +Job title$");
        result.OutLines.ShouldContain(l => Regex.IsMatch(l, @"^rjarvis +Rebecca Jarvis +risk owner +[1-9]\d* +rebecca\.jarvis@mse\.example +Alliance Director, South-East Essex$"));
        result.OutLines.ShouldContain(l => Regex.IsMatch(l, @"^tabell +Tom Abell +reviewer +0 +tom\.abell@mse\.example +Chief Executive$"));
        result.OutLines.ShouldContain("16 people: 2 governance leads, 12 risk owners and 2 reviewers.");
    }

    [Fact]
    public void Add_makes_one_commit_with_the_person_and_their_role()
    {
        Join();
        var head = Git.Head(Register);

        var result = Run("people", "add", "hetester", "--name", "Helen Tester", "--role", "risk_owner", "--email", "helen.tester@mse.example", "--job-title", "Head of Digital", "-m", "New digital lead");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldStartWith("Saved Settings: Helen Tester (hetester) added: risk owner [");
        Git.Run(Register, "rev-parse", "HEAD~1").Trim().ShouldBe(head);
        Git.Lines(Register, "diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD").ShouldBe(["register.yaml"]);
        Git.Run(Register, "log", "-1", "--format=%an <%ae>%n%B").TrimEnd('\n')
            .ShouldBe($"{CliRunner.UserName} <{CliRunner.UserEmail}>\nSettings: Helen Tester (hetester) added: risk owner\n\nNew digital lead");
        FileText("register.yaml").ShouldContain("  - login: hetester\n    name: Helen Tester\n    email: helen.tester@mse.example\n    role: risk_owner\n    job_title: Head of Digital\npartner_risks:");
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void Add_refuses_a_login_there_already_is_a_bad_login_and_a_bad_role_naming_its_option()
    {
        Join();
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var again = Run("people", "add", "kbonney", "--name", "K B", "--role", "reviewer", "-m", "x");
        var badLogin = Run("people", "add", "Helen T", "--name", "Helen Tester", "--role", "reviewer", "-m", "x");
        var badRole = Run("people", "add", "hetester", "--name", "Helen Tester", "--role", "boss", "-m", "x");
        var badEmail = Run("people", "add", "hetester", "--name", "Helen Tester", "--role", "reviewer", "--email", "helen", "-m", "x");
        var noRole = Run("people", "add", "hetester", "--name", "Helen Tester", "-m", "x");

        (again.Code, again.Error).ShouldBe((2, "risks: Kathy Bonney (kbonney) is already among the people\n"));
        badLogin.Code.ShouldBe(2);
        badLogin.Error.ShouldStartWith("risks: a person's login must be a Unix login");
        (badRole.Code, badRole.Error).ShouldBe((2, "risks: --role must be governance_lead, risk_owner or reviewer, found \"boss\"\n"));
        (badEmail.Code, badEmail.Error).ShouldBe((1, "risks: register.yaml was not changed:\n  - person hetester email must be an email address, found \"helen\"\n"));
        noRole.Code.ShouldBe(2);
        noRole.Error.ShouldContain("--role");
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void Edit_changes_a_role_at_once_and_clears_a_field_given_empty()
    {
        Join();

        var result = Run("people", "edit", "kbonney", "--role", "governance lead", "--job-title", "", "-m", "Kathy now keeps the register");

        result.Code.ShouldBe(0, result.ToString());
        Git.Run(Register, "log", "-1", "--format=%s").Trim().ShouldBe("Settings: Kathy Bonney (kbonney) role risk owner -> governance lead and 1 more change");
        FileText("register.yaml").ShouldContain("  - login: kbonney\n    name: Kathy Bonney\n    email: kathy.bonney@mse.example\n    role: governance_lead\n  - login:");
    }

    [Fact]
    public void Edit_or_remove_of_someone_not_among_the_people_exits_4()
    {
        Join();
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var edit = Run("people", "edit", "nobody", "--name", "No One", "-m", "x");
        var remove = Run("people", "remove", "nobody", "-m", "x");
        var nothing = Run("people", "edit", "kbonney", "-m", "x");

        (edit.Code, edit.Error).ShouldBe((4, "risks: there is no person nobody among the people ('risks people list' lists them)\n"));
        remove.Code.ShouldBe(4);
        (nothing.Code, nothing.Error).ShouldBe((2, "risks: say what to change: --name, --role, --email or --job-title\n"));
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void Remove_of_someone_named_on_risks_is_refused_naming_where()
    {
        Join();
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var result = Run("people", "remove", "rjarvis", "-m", "Left the ICB");

        result.Code.ShouldBe(1, result.ToString());
        result.Error.ShouldStartWith("risks: register.yaml was not changed:\n  - Rebecca Jarvis (rjarvis) is named on BAF-07 (owner), ");
        result.Error.ShouldContain("give those to someone else first, or change their role to reviewer instead");
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void Remove_of_someone_named_on_no_risk_takes_them_out()
    {
        Join();

        var result = Run("people", "remove", "tabell", "-m", "Left the ICB");

        result.Code.ShouldBe(0, result.ToString());
        Git.Run(Register, "log", "-1", "--format=%s").Trim().ShouldBe("Settings: Tom Abell (tabell) removed");
        FileText("register.yaml").ShouldNotContain("tabell");
    }

    [Fact]
    public void The_last_governance_lead_can_be_neither_demoted_nor_removed()
    {
        Join();
        Run("settings", "set", "people[soconnor].role=reviewer", "people[nadams].role=reviewer", "-m", "Hand over to the tester").Code.ShouldBe(0);
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var demote = Run("people", "edit", Me, "--role", "risk_owner", "-m", "x");
        var remove = Run("people", "remove", Me, "-m", "x");

        const string Problem = "risks: register.yaml was not changed:\n  - the register needs at least one governance lead, or nobody could change its settings again: make someone else a governance lead first\n";
        (demote.Code, demote.Error).ShouldBe((1, Problem));
        (remove.Code, remove.Error).ShouldBe((1, Problem));
        ShouldBeUntouched(head, before);
    }
}
