using System.Text.RegularExpressions;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary><c>risks partners</c>: partner organisations' red risks listed, added, edited and removed, each change one commit of register.yaml.</summary>
public sealed class PartnersCommandTests : RegisterTest
{
    private void ShouldBeUntouched(string head, byte[] before)
    {
        Git.Head(Register).ShouldBe(head);
        FileBytes("register.yaml").ShouldBe(before);
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void List_numbers_each_partner_risk()
    {
        var result = Run("partners", "list");

        result.Code.ShouldBe(0, result.ToString());
        result.OutLines[0].ShouldMatch(@"^No\. +Organisation +Score +Reported +Title$");
        result.OutLines[1].ShouldMatch(@"^1 +MSEFT +25 +28 Feb 2025 +Financial sustainability$");
        result.OutLines.ShouldContain(l => Regex.IsMatch(l, @"^11 +EPUT +20 +28 Feb 2025 +Capital resource for essential works and transformation programmes$"));
        result.OutLines[^1].ShouldBe("14 partner risks.");
    }

    [Fact]
    public void Add_makes_one_commit_with_the_partner_risk_at_the_end()
    {
        Join();

        var result = Run("partners", "add", "--organisation", "EPUT", "--title", "Digital resilience", "--score", "16", "--reported", "13 Mar 2025", "-m", "EPUT's March board");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldStartWith("Saved Settings: partner risk added: EPUT: Digital resilience (16, reported 13 Mar 2025) [");
        Git.Lines(Register, "diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD").ShouldBe(["register.yaml"]);
        Git.Run(Register, "log", "-1", "--format=%an <%ae>%n%B").TrimEnd('\n')
            .ShouldBe($"{CliRunner.UserName} <{CliRunner.UserEmail}>\nSettings: partner risk added: EPUT: Digital resilience (16, reported 13 Mar 2025)\n\nEPUT's March board");
        FileText("register.yaml").ShouldEndWith("  - organisation: EPUT\n    title: Digital resilience\n    score: 16\n    reported: 2025-03-13\n");
        Run("partners", "list").OutLines.ShouldContain(l => Regex.IsMatch(l, @"^15 +EPUT +16 +13 Mar 2025 +Digital resilience$"));
    }

    [Fact]
    public void Add_refuses_a_bad_score_or_date_naming_its_option()
    {
        Join();
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var score = Run("partners", "add", "--organisation", "EPUT", "--title", "Digital resilience", "--score", "30", "-m", "x");
        var date = Run("partners", "add", "--organisation", "EPUT", "--title", "Digital resilience", "--score", "16", "--reported", "31/02/2025", "-m", "x");

        (score.Code, score.Error).ShouldBe((2, "risks: --score must be a score 1-25, found \"30\"\n"));
        (date.Code, date.Error).ShouldBe((2, "risks: --reported must be a date (YYYY-MM-DD, or as 30 Jun 2025 or 30/06/2025), found \"31/02/2025\"\n"));
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void Edit_and_remove_name_a_partner_risk_by_its_number()
    {
        Join();

        var edit = Run("partners", "edit", "3", "--score", "16", "--reported", "2025-03-27", "-m", "MSEFT rescored it");
        var afterEdit = FileText("register.yaml");
        var remove = Run("partners", "remove", "1", "-m", "Closed by MSEFT");

        edit.Code.ShouldBe(0, edit.ToString());
        afterEdit.ShouldContain("  - organisation: MSEFT\n    title: Workforce instability\n    score: 16\n    reported: 2025-03-27\n");
        remove.Code.ShouldBe(0, remove.ToString());
        Git.Run(Register, "log", "-1", "--format=%s").Trim().ShouldBe("Settings: partner risk removed: MSEFT: Financial sustainability (25, reported 28 Feb 2025, February 2025 BAF report to the Trust Board)");
        Run("partners", "list").OutLines[1].ShouldMatch(@"^1 +MSEFT +25 +28 Feb 2025 +Constrained capital funding programme$");
    }

    [Fact]
    public void A_number_there_is_not_exits_4()
    {
        Join();
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var edit = Run("partners", "edit", "15", "--score", "16", "-m", "x");
        var remove = Run("partners", "remove", "0", "-m", "x");
        var word = Run("partners", "remove", "first", "-m", "x");

        (edit.Code, edit.Error).ShouldBe((4, "risks: there is no partner risk 15: they are numbered 1 to 14 ('risks partners list' lists them)\n"));
        remove.Code.ShouldBe(4);
        word.Code.ShouldBe(2);
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void A_partner_risk_names_its_source_and_the_paper_groups_them_by_organisation()
    {
        Join("governance_lead");

        var added = Run("partners", "add", "--organisation", "EPUT", "--title", "Digital resilience", "--score", "16", "--reported", "2025-03-05", "--source", "March 2025 BAF report to the Trust Board", "-m", "From EPUT's March papers");

        added.Code.ShouldBe(0, added.ToString());
        FileText("register.yaml").ShouldContain("  - organisation: EPUT\n    title: Digital resilience\n    score: 16\n    reported: 2025-03-05\n    source: March 2025 BAF report to the Trust Board\n");
        var paper = Run("report", "--format", "markdown").Out;
        paper.ShouldContain("| MSEFT | Financial sustainability | 25 | February 2025 BAF report to the Trust Board, 28 Feb 2025 |\n|  | Constrained capital funding programme | 25 |  |\n");
        paper.ShouldContain("| Digital resilience | 16 | March 2025 BAF report to the Trust Board, 5 Mar 2025 |");
    }
}
