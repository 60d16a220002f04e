using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>Undertakings from the command line, on a copy of the sample register (on 20 Mar 2025), and board actions and undertakings in diff and the paper.</summary>
public sealed class UndertakingCommandTests : RegisterTest
{
    [Fact]
    public void A_governance_lead_adds_an_undertaking_and_its_milestone_a_lead_meets_it_and_the_history_shows_each_commit()
    {
        Join("governance_lead");

        var added = Run("undertakings", "add", "--title", "Maternity services", "--regulator", "NHS Improvement", "--undertaking", "Produce and deliver an updated maternity improvement plan.", "--condition", "FT4(5)(a)", "--given", "2021-01-11", "--lead", "gthorpe", "--risk", "BAF-08", "-m", "Given in January 2021");
        added.Code.ShouldBe(0, added.ToString());
        added.Out.ShouldStartWith("Saved Undertaking 3 added: Maternity services [");
        Run("undertakings", "milestone", "3", "--text", "Plan approved by the trust board", "--due", "30 Nov 2020").Code.ShouldBe(0);
        var met = Run("undertakings", "met", "3", "1", "--on", "2020-11-26", "--evidence", "Plan approved", "--reference", "Trust board, 26 Nov 2020");
        met.Code.ShouldBe(0, met.ToString());

        FileText("undertakings/3.yaml").ShouldBe("""
            number: 3
            title: Maternity services
            regulator: NHS Improvement
            given: 2021-01-11
            conditions:
              - FT4(5)(a)
            undertaking: Produce and deliver an updated maternity improvement plan.
            leads:
              - gthorpe
            status: open
            milestones:
              - text: Plan approved by the trust board
                due: 2020-11-30
                met: 2020-11-26
            evidence:
              - date: 2020-11-26
                text: Plan approved
                reference: Trust board, 26 Nov 2020

            """.ReplaceLineEndings("\n") + "risks:\n  - BAF-08\n");
        var show = Run("undertakings", "show", "3");
        show.Out.ShouldContain("1. Plan approved by the trust board: met 26 Nov 2020 (due 30 Nov 2020)\n");
        show.Out.ShouldContain("History (3 commits, newest first):\n");
        show.Out.ShouldContain("  - milestone 1 met: 26 Nov 2020 (added)\n");

        var refused = Run("undertakings", "met", "3", "4");
        refused.Code.ShouldBe(2);
        refused.Error.ShouldBe("risks: undertaking 3 has one milestone, 1; there is no milestone 4\n");
        Run("undertakings", "close", "3", "--note", "The regulator confirmed the plan is delivered.").Code.ShouldBe(0);
        Git.Lines(Register, "log", "--format=%s", "--", "undertakings/3.yaml").ShouldBe(["Undertaking 3 met", "Undertaking 3: milestone 1 met", "Undertaking 3: milestone 1 added", "Undertaking 3 added: Maternity services"]);
        Run("undertakings", "list").Out.ShouldNotContain("Maternity services");
        Run("undertakings", "list", "--all").Out.ShouldContain("Maternity services");
    }

    [Fact]
    public void A_risk_owner_who_leads_an_undertaking_adds_evidence_but_may_not_close_it_and_a_reviewer_may_do_neither()
    {
        Join("risk_owner");
        Run("undertakings", "evidence", "2", "--text", "Trajectory on track").Code.ShouldBe(6, "the owner does not lead undertaking 2");

        File.WriteAllText(Path.Combine(Register, "undertakings", "2.yaml"), FileText("undertakings/2.yaml").Replace("  - msweeting\n", $"  - msweeting\n  - {Environment.UserName}\n", StringComparison.Ordinal));
        Git.Run(Register, "commit", "-qam", "lead added");

        var evidence = Run("undertakings", "evidence", "2", "--text", "Trajectory on track", "--reference", "SOAG, March 2025");
        evidence.Code.ShouldBe(0, evidence.ToString());
        FileText("undertakings/2.yaml").ShouldContain("  - date: 2025-03-20\n    text: Trajectory on track\n    reference: SOAG, March 2025\n");
        var close = Run("undertakings", "close", "2", "--note", "Done");
        close.Code.ShouldBe(6);
        close.Error.ShouldStartWith("risks: only governance leads may close undertakings;");

        Join("reviewer");
        Run("undertakings", "evidence", "2", "--text", "More").Code.ShouldBe(6);
    }

    [Fact]
    public void Leads_are_reminded_of_milestones_due_and_check_places_a_bad_undertaking_at_its_line()
    {
        var remind = Run("remind", "--dry-run", "--to", "msweeting");
        remind.Out.ShouldContain("  Undertakings to regulators\n    - 3 years overdue (31 Mar 2021): undertaking 2 to NHS Improvement, Elective backlog: milestone 2, No more than 6,900 patients waiting over 52 weeks (risks undertakings met 2 2)\n");

        File.WriteAllText(Path.Combine(Register, "undertakings", "4.yaml"), "number: 4\ntitle: Quality\nundertaking: Improve.\nleads:\n  - ghost\nmilestones:\n  - due: 2025-06-30\n");
        var check = Run("check");
        check.Code.ShouldBe(1);
        check.OutLines.ShouldBe(
        [
            "undertakings/4.yaml:7:5: milestones[0].text is required: what the milestone is",
        ]);
        File.WriteAllText(Path.Combine(Register, "undertakings", "4.yaml"), "number: 4\ntitle: Quality\nundertaking: Improve.\nleads:\n  - ghost\n");
        Run("check").OutLines.ShouldBe(
        [
            "undertakings/4.yaml:1:1: regulator is required: who the undertaking was given to",
            "undertakings/4.yaml:5:5: lead \"ghost\" is not among register.yaml's people",
        ]);
    }

    [Fact]
    public void Diff_between_the_sample_iterations_lists_the_board_actions_that_changed_and_the_paper_has_both_sections()
    {
        var diff = Run("diff", "2025-01", "2025-03");
        diff.Out.ShouldContain("\nBoard action 54 (EDI High Impact Actions), changed\n  - status: open → in progress\n  - update 1 (3 Mar 2025): A report is planned for the May 2025 board meeting, and the 2025/26 board work plan now schedules... (added)\n");
        diff.Out.ShouldContain("\nBoard action 56 (Primary Care and Alliance Report), added\n");
        diff.Out.ShouldNotContain("Undertaking");
        Run("diff", "2025-01", "2025-03", "--format", "json").Out.ShouldContain("\"kind\": \"board action\"");

        var paper = Run("report", "--at", "2025-03", "--format", "markdown").Out;
        paper.ShouldContain("## Board action log: open actions");
        paper.ShouldContain("| 54 | **EDI High Impact Actions**");
        paper.ShouldContain("## Undertakings to regulators");
        paper.ShouldContain("**2. No more than 6,900 patients waiting over 52 weeks: due 31 Mar 2021, overdue**");
    }
}
