using System.Text.RegularExpressions;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary><c>risks fields</c>: the register's own fields listed, added, edited, retired, unretired and removed, each change one commit of register.yaml.</summary>
public sealed class FieldsCommandTests : RegisterTest
{
    private string LastCommit() => Git.Run(Register, "log", "-1", "--format=%an <%ae>%n%B").TrimEnd('\n');

    private CliRunner.Result AddCqcDomain() =>
        Run("fields", "add", "cqc_domain", "--label", "CQC domain", "--type", "choice", "--choices", "Safe,Effective,Caring,Responsive,Well-led", "--required-for", "strategic", "--help-text", "The CQC key question this risk bears on.", "--paper", "-m", "Board asked for CQC domains");

    [Fact]
    public void Add_makes_one_commit_with_the_field_in_register_yaml()
    {
        Join();
        var head = Git.Head(Register);

        var result = AddCqcDomain();

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldStartWith("Saved Settings: custom field cqc_domain added: CQC domain [");
        Git.Run(Register, "rev-parse", "HEAD~1").Trim().ShouldBe(head);
        Git.Lines(Register, "diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD").ShouldBe(["register.yaml"]);
        LastCommit().ShouldBe($"{CliRunner.UserName} <{CliRunner.UserEmail}>\nSettings: custom field cqc_domain added: CQC domain\n\nBoard asked for CQC domains");
        FileText("register.yaml").ShouldContain("custom_fields:\n  - key: cqc_domain\n    label: CQC domain\n    type: choice\n    choices:\n      - Safe\n      - Effective\n      - Caring\n      - Responsive\n      - Well-led\n    required_for: strategic\n    help: The CQC key question this risk bears on.\n    paper: true\n");
        var list = Run("fields", "list");
        list.OutLines[0].ShouldMatch(@"^Key +Label +Type +Choices +Required for +Paper +Risks +Retired$");
        list.OutLines.ShouldContain(l => Regex.IsMatch(l, @"^cqc_domain +CQC domain +choice +Safe, Effective, Caring, Responsive, Well-led +strategic +yes +0$"));
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void A_field_required_of_risks_that_have_no_value_yet_is_added_with_a_note_and_check_lists_them()
    {
        Join();

        var result = AddCqcDomain();

        result.Code.ShouldBe(0, result.ToString());
        result.Error.ShouldContain("risks: note: BAF-07: CQC domain is required for a strategic risk");
        var check = Run("check");
        check.Code.ShouldNotBe(0, check.ToString());
        check.Out.ShouldContain("BAF-07.yaml:1:1: CQC domain is required for a strategic risk");
        Run("set", "BAF-07", "custom.cqc_domain=well-led", "-m", "Agreed at the quality committee").Code.ShouldBe(0);
        FileText("risks/BAF/00/BAF-07.yaml").ShouldEndWith("custom:\n  cqc_domain: Well-led\n");
    }

    [Fact]
    public void Help_on_add_is_the_command_s_help_and_changes_nothing()
    {
        Join();
        var head = Git.Head(Register);

        var result = Run("fields", "add", "--help");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("--help-text");
        result.Out.ShouldContain("--required-for");
        Git.Head(Register).ShouldBe(head);
    }

    [Fact]
    public void Add_refuses_a_bad_key_type_or_one_there_already_is()
    {
        Join();
        AddCqcDomain().Code.ShouldBe(0);
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var again = Run("fields", "add", "cqc_domain", "--label", "Again", "--type", "text", "-m", "x");
        var badKey = Run("fields", "add", "CQC Domain", "--label", "CQC", "--type", "text", "-m", "x");
        var badType = Run("fields", "add", "source", "--label", "Source", "--type", "colour", "-m", "x");

        (again.Code, again.Error).ShouldBe((2, "risks: there is already a custom field cqc_domain (CQC domain)\n"));
        badKey.Code.ShouldBe(2);
        badKey.Error.ShouldStartWith("risks: a field's key must be lower case letters, digits and underscores");
        (badType.Code, badType.Error).ShouldBe((2, "risks: --type must be text, long_text, date, number, choice, person or list, found \"colour\"\n"));
        Git.Head(Register).ShouldBe(head);
        FileBytes("register.yaml").ShouldBe(before);
    }

    [Fact]
    public void Edit_retire_and_unretire_each_make_a_commit_in_the_boards_words()
    {
        Join();
        AddCqcDomain().Code.ShouldBe(0);

        var edit = Run("fields", "edit", "cqc_domain", "--label", "CQC key question", "--required-for", "", "-m", "Wording agreed");
        var retire = Run("fields", "retire", "cqc_domain", "-m", "No longer reported");
        var retired = FileText("register.yaml");
        var unretire = Run("fields", "unretire", "cqc_domain", "-m", "Reported again");
        var missing = Run("fields", "edit", "colour", "--label", "Colour", "-m", "x");

        edit.Code.ShouldBe(0, edit.ToString());
        retire.Code.ShouldBe(0, retire.ToString());
        unretire.Code.ShouldBe(0, unretire.ToString());
        Git.Lines(Register, "log", "-3", "--format=%s").ShouldBe([
            "Settings: custom field cqc_domain back in use",
            "Settings: custom field cqc_domain retired",
            "Settings: custom field cqc_domain label CQC domain -> CQC key question and 1 more change",
        ]);
        retired.ShouldContain("    paper: true\n    retired: true\n");
        FileText("register.yaml").ShouldNotContain("retired:");
        (missing.Code, missing.Error).ShouldBe((4, "risks: there is no custom field colour ('risks fields list' lists them)\n"));
    }

    [Fact]
    public void Remove_of_a_field_risks_hold_values_for_is_refused_naming_them_and_one_without_goes()
    {
        Join();
        AddCqcDomain().Code.ShouldBe(0);
        var file = Path.Combine(Register, "risks", "BAF", "00", "BAF-07.yaml");
        var text = File.ReadAllText(file);
        File.AppendAllText(file, "custom:\n  cqc_domain: Well-led\n");
        Git.Run(Register, "-c", "user.name=Test", "-c", "user.email=test@example.nhs.uk", "commit", "-qam", "CQC domain");
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var refused = Run("fields", "remove", "cqc_domain", "-m", "Not needed");

        refused.Code.ShouldBe(1, refused.ToString());
        refused.Error.ShouldBe("risks: register.yaml was not changed:\n  - custom field cqc_domain (CQC domain) has values on BAF-07: retire it instead (the values stay on those risks but it is no longer offered), or clear it on them first\n");
        Git.Head(Register).ShouldBe(head);
        FileBytes("register.yaml").ShouldBe(before);

        File.WriteAllText(file, text);
        Git.Run(Register, "-c", "user.name=Test", "-c", "user.email=test@example.nhs.uk", "commit", "-qam", "CQC domain cleared");
        var removed = Run("fields", "remove", "cqc_domain", "-m", "Not needed");
        removed.Code.ShouldBe(0, removed.ToString());
        Git.Lines(Register, "log", "-1", "--format=%s").ShouldBe(["Settings: custom field cqc_domain removed"]);
        FileText("register.yaml").ShouldNotContain("custom_fields");
    }
}
