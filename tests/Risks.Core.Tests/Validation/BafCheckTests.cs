using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Core.Tests.Validation;

public sealed class BafCheckTests
{
    /// <summary>BAF-07 with every rule kept: its gap has an open action with an owner and a date, and its score (12) is above SO2's tolerance (9) with open actions.</summary>
    private static Risk Kept()
    {
        var risk = Samples.Inequalities();
        return risk with { Actions = [risk.Actions[0] with { Gap = "G1" }, risk.Actions[1]] };
    }

    private static IReadOnlyList<(string Rule, string Path, string Message)> Run(params Risk[] risks) => Run(Samples.Settings(), risks);

    private static IReadOnlyList<(string Rule, string Path, string Message)> Run(RegisterSettings settings, params Risk[] risks) =>
        [.. BafCheck.Run(risks, settings, Samples.Today).Select(f => (f.Rule, f.Path, f.Message))];

    [Fact]
    public void A_risk_that_keeps_every_rule_has_no_findings()
    {
        Run(Kept()).ShouldBeEmpty();
    }

    [Fact]
    public void Rule_ids_are_unique_and_each_says_what_it_asks()
    {
        BafCheck.Rules.Select(r => r.Id).ShouldBeUnique();
        BafCheck.Rules.ShouldAllBe(r => r.Asks.Length > 0 && System.Text.RegularExpressions.Regex.IsMatch(r.Id, "^[a-z]+(-[a-z]+)*$"));
    }

    [Fact]
    public void A_strategic_risk_needs_current_and_target_scores_a_target_date_a_known_owner_and_a_committee()
    {
        var risk = Kept() with { Current = null, Target = null, TargetDate = null, Owner = "ghost", Committees = [] };

        Run(risk).ShouldBe(
        [
            ("current-score", "current", "BAF-07 has no current score"),
            ("target-score", "target", "BAF-07 has no target score"),
            ("target-date", "target_date", "BAF-07 has no target date"),
            ("owner", "owner", "BAF-07 has owner \"ghost\", who is not one of the register's people"),
            ("committee", "committees", "BAF-07 has no committee overseeing it"),
        ]);
    }

    [Fact]
    public void An_operational_risk_is_not_held_to_the_strategic_rules()
    {
        Run(Samples.Operational()).ShouldBeEmpty();
    }

    [Fact]
    public void A_gap_needs_an_open_action_with_an_owner_and_a_due_date()
    {
        var risk = Samples.Inequalities();

        Run(risk).ShouldContain(("gap-action", "gaps[0]", "BAF-07 gap G1 has no open action to close it (an action with gap: G1)"));

        var finished = risk with { Actions = [risk.Actions[1] with { Gap = "G1" }] };
        Run(finished).ShouldContain(("gap-action", "gaps[0]", "BAF-07 gap G1 has no open action to close it (an action with gap: G1)"));

        var undated = risk with { Actions = [risk.Actions[0] with { Gap = "G1", Due = null }] };
        Run(undated).ShouldContain(("gap-action", "gaps[0]", "BAF-07 gap G1 has no open action with both an owner and a due date (A1 lack one)"));
    }

    [Fact]
    public void An_overdue_review_is_found_with_how_late_it_is()
    {
        Run(Kept() with { NextReview = new DateOnly(2025, 2, 20) })
            .ShouldBe([("review-overdue", "next_review", "BAF-07 was due for review on 20 Feb 2025 (3 weeks overdue)")]);
    }

    [Fact]
    public void A_score_above_tolerance_needs_an_open_action_or_a_recorded_acceptance()
    {
        var risk = Kept();
        var noActions = risk with { Gaps = [], Actions = [risk.Actions[1]] };

        Run(noActions).ShouldBe([("above-tolerance", "current", "BAF-07 scores 12, above the tolerance of SO2 (9), with no open action and no recorded acceptance (tolerance_acceptance with a date and a reason)")]);

        var accepted = noActions with { ToleranceAcceptance = new Acceptance { Date = new DateOnly(2025, 1, 30), By = "Board", Reason = "National funding decides the pace." } };
        Run(accepted).ShouldBeEmpty();

        var undated = noActions with { ToleranceAcceptance = new Acceptance { Reason = "National funding decides the pace." } };
        Run(undated).Select(f => f.Rule).ShouldBe(["above-tolerance"]);
    }

    [Fact]
    public void A_high_operational_risk_must_be_linked_with_the_baf_or_say_why_not()
    {
        var high = Samples.Operational("CRR-090") with { Current = new Score(4, 4) };

        Run(Kept(), high).ShouldBe([("high-risk-linked", "current", "CRR-090 scores 16 and is not linked with any strategic risk; link it (linked_risks) or say why it is not on the BAF (not_on_baf)")]);
        Run(Kept() with { LinkedRisks = ["CRR-90"] }, high).ShouldBeEmpty();
        Run(Kept(), high with { LinkedRisks = ["BAF-07"] }).ShouldBeEmpty();
        Run(Kept(), high with { NotOnBaf = "Held by the provider's board." }).ShouldBeEmpty();
        Run(Kept(), high with { Current = new Score(3, 4) }).ShouldBeEmpty();
    }

    [Fact]
    public void An_action_past_due_that_is_not_started_is_found()
    {
        var risk = Kept();
        var late = risk with { Actions = [.. risk.Actions, new RiskAction { Id = "A4", Text = "Start.", Owner = "etimpson", Due = new DateOnly(2025, 3, 1), Status = ActionStatus.NotStarted }] };

        Run(late).ShouldBe([("action-not-started", "actions[2].status", "BAF-07 action A4 was due on 1 Mar 2025 (1 week overdue) and is still not started")]);
    }

    [Fact]
    public void Closed_risks_are_not_checked()
    {
        Run(Samples.Inequalities() with { Status = RiskStatus.Closed, Current = null }).ShouldBeEmpty();
    }

    [Fact]
    public void A_register_turns_rules_off_or_lowers_them_to_warnings()
    {
        var settings = Samples.Settings() with
        {
            BafCheck = new BafCheckSettings
            {
                Rules = new Dictionary<string, RuleSeverity>(StringComparer.Ordinal) { ["target-score"] = RuleSeverity.Off, ["committee"] = RuleSeverity.Warning },
            },
        };

        var findings = BafCheck.Run([Kept() with { Target = null, TargetDate = null, Committees = [] }], settings, Samples.Today);

        findings.Select(f => (f.Rule, f.Severity)).ShouldBe([("target-date", RuleSeverity.Error), ("committee", RuleSeverity.Warning)]);
    }

    [Fact]
    public void Findings_come_in_the_order_of_the_risks_given()
    {
        var first = Kept() with { Id = RiskId.Parse("BAF-01"), Committees = [] };
        var second = Kept() with { Current = null };

        BafCheck.Run([first, second], Samples.Settings(), Samples.Today).Select(f => f.Risk.Value).ShouldBe(["BAF-01", "BAF-07"]);
    }
}
