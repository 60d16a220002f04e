using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>The board's action log from the command line, on a copy of the sample register (on 20 Mar 2025).</summary>
public sealed class BoardActionCommandTests : RegisterTest
{
    private string[] Add(params string[] extra) =>
        ["board-actions", "add", "--item", "EDI High Impact Actions", "--action", "Give a regular assurance report from the People Board on the high impact actions.", "--meeting", "14 Nov 2024", "--agenda-item", "7", "--lead", "kbonney", "--deadline", "2025-04-30", "--risk", "BAF-01", .. extra];

    [Fact]
    public void A_governance_lead_adds_updates_and_closes_an_action_each_as_a_commit_in_the_history()
    {
        Join("governance_lead");

        var added = Run(Add("--number", "60", "-m", "From the November minutes"));

        added.Code.ShouldBe(0, added.ToString());
        FileText("board-actions/60.yaml").ShouldBe("""
            number: 60
            meeting: 2024-11-14
            agenda_item: "7"
            item: EDI High Impact Actions
            action: Give a regular assurance report from the People Board on the high impact actions.
            leads:
              - kbonney
            deadline: 2025-04-30
            status: open
            risks:
              - BAF-01

            """.ReplaceLineEndings("\n"));
        Git.Run(Register, "log", "-1", "--format=%s").Trim().ShouldBe("Board action 60 added: EDI High Impact Actions");

        Run("board-actions", "update", "60", "--note", "Report to be prepared for the May board.", "--status", "in_progress").Code.ShouldBe(0);
        Run("board-actions", "close", "60", "--note", "Reported to the May board.").Code.ShouldBe(0);

        var list = Run("board-actions", "list", "--all");
        list.Out.ShouldContain("  60  EDI High Impact Actions: Give a regular assurance report");
        list.Out.ShouldContain("Kathy Bonney; due 30 Apr 2025; complete 20 Mar 2025");
        FileText("board-actions/60.yaml").ShouldContain("updates:\n  - date: 2025-03-20\n    text: Report to be prepared for the May board.\nclosed: 2025-03-20\nclosing_note: Reported to the May board.\n");
        Git.Lines(Register, "log", "--format=%s", "--", "board-actions/60.yaml").ShouldBe(["Board action 60 complete", "Board action 60 updated", "Board action 60 added: EDI High Impact Actions"]);
    }

    [Fact]
    public void A_lead_is_reminded_of_their_action()
    {
        Join("governance_lead");
        Run(Add()).Code.ShouldBe(0);

        var remind = Run("remind", "--dry-run", "--to", "kbonney", "--days", "60");

        remind.Out.ShouldContain("  Board action log\n");
        remind.Out.ShouldContain("    - in 1 month (30 Apr 2025): board action 57, EDI High Impact Actions: Give a regular assurance report from the People Board on... (risks board-actions update 57 --note ...)\n");

        Run("board-actions", "update", "57", "--note", "Drafted.").Code.ShouldBe(0, "a governance lead updates any action");
    }

    [Fact]
    public void A_reviewer_may_not_add_a_board_action()
    {
        Join("reviewer");

        var refused = Run(Add());

        refused.Code.ShouldBe(6, refused.ToString());
        refused.Error.ShouldBe($"risks: {CliRunner.UserName} is a reviewer: reviewers read the register but change nothing; ask a governance lead to change your role in register.yaml\n");
    }

    [Fact]
    public void A_lead_not_among_the_people_or_a_risk_not_in_the_register_is_refused_and_check_names_a_bad_file()
    {
        Join("governance_lead");

        var refused = Run(Add("--lead", "nobody", "--risk", "BAF-99"));

        refused.Code.ShouldBe(1, refused.ToString());
        refused.Error.ShouldBe("risks: board action 57 was not saved:\n  lead \"nobody\" is not among register.yaml's people\n  risk \"BAF-99\" is not in the register\n");

        Directory.CreateDirectory(Path.Combine(Register, "board-actions"));
        File.WriteAllText(Path.Combine(Register, "board-actions", "7.yaml"), "number: 7\nitem: Estates\naction: Survey.\nleads:\n  - ghost\nstatus: complete\n");
        var check = Run("check");

        check.Code.ShouldBe(1);
        check.OutLines.ShouldBe(
        [
            "board-actions/7.yaml:1:1: closed is required for a complete action: the date",
            "board-actions/7.yaml:1:1: closing_note is required for a complete action: what was done, or why it is closed",
            "board-actions/7.yaml:5:5: lead \"ghost\" is not among register.yaml's people",

        ]);
    }

    [Fact]
    public void The_risks_an_item_may_name_come_from_the_files_names_as_a_whole_load_gives_them_broken_files_and_all()
    {
        SampleRegister.Break(Register);
        var register = Storage.Git.Register.Open(Register);

        var named = register.Reader.RiskIdentities();

        named.Order(StringComparer.Ordinal).ShouldBe(register.Reader.Load().Identities().Order(StringComparer.Ordinal));
        named.Count.ShouldBe(SampleRegister.Risks);
    }
}
