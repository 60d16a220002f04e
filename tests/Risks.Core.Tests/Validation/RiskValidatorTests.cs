using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Core.Tests.Validation;

public sealed class RiskValidatorTests
{
    private static IReadOnlyList<FieldIssue> Issues(Risk risk) => RiskValidator.Validate(risk);

    private static void ShouldReportExactly(Risk risk, params (string Path, string Message)[] expected) =>
        Issues(risk).Select(i => (i.Path, i.Message)).ShouldBe(expected);

    [Fact]
    public void The_samples_are_valid()
    {
        Issues(Samples.Operational()).ShouldBeEmpty();
        Issues(Samples.Inequalities()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(7, 3, "current.impact", "current impact must be 1-5, found 7")]
    [InlineData(0, 3, "current.impact", "current impact is required: a whole number 1-5")]
    [InlineData(3, 6, "current.likelihood", "current likelihood must be 1-5, found 6")]
    [InlineData(3, -1, "current.likelihood", "current likelihood must be 1-5, found -1")]
    public void A_current_score_part_outside_one_to_five_is_reported_with_its_range(int impact, int likelihood, string path, string message)
    {
        ShouldReportExactly(Samples.Operational() with { Current = new Score(impact, likelihood) }, (path, message));
    }

    [Fact]
    public void Inherent_and_target_scores_are_range_checked_too()
    {
        ShouldReportExactly(
            Samples.Operational() with { Inherent = new Score(6, 1), Target = new Score(1, 9) },
            ("inherent.impact", "inherent impact must be 1-5, found 6"),
            ("target.likelihood", "target likelihood must be 1-5, found 9"));
    }

    [Fact]
    public void A_missing_title_is_reported()
    {
        ShouldReportExactly(Samples.Operational() with { Title = "" }, ("title", "title is required"));
        ShouldReportExactly(Samples.Operational() with { Title = "   " }, ("title", "title is required"));
    }

    [Fact]
    public void A_missing_owner_is_reported()
    {
        ShouldReportExactly(Samples.Operational() with { Owner = "" }, ("owner", "owner is required"));
    }

    [Fact]
    public void A_strategic_risk_without_a_current_score_is_reported()
    {
        ShouldReportExactly(
            Samples.Inequalities() with { Current = null },
            ("current", "current score is required for a strategic risk: its impact and likelihood, each 1-5"));
    }

    [Fact]
    public void An_operational_risk_may_have_no_score_yet()
    {
        Issues(Samples.Operational() with { Current = null }).ShouldBeEmpty();
    }

    [Fact]
    public void A_gap_needs_its_kind_and_an_action_its_status()
    {
        ShouldReportExactly(
            Samples.Operational() with
            {
                Gaps = [new Gap { Id = "G1", Text = "No survey." }],
                Actions = [new RiskAction { Id = "A1", Text = "Survey the sites." }],
            },
            ("gaps[0].type", "gap G1 type is required: control or assurance"),
            ("actions[0].status", "action A1 status is required: not_started, in_progress, complete or cancelled"));
    }

    [Fact]
    public void A_missing_event_is_reported()
    {
        ShouldReportExactly(
            Samples.Operational() with { Narrative = new Narrative { Cause = "Why." } },
            ("narrative.event", "event is required"));
    }

    [Fact]
    public void A_strategic_risk_must_name_an_objective()
    {
        ShouldReportExactly(
            Samples.Inequalities() with { Objectives = [] },
            ("objectives", "objectives must name at least one strategic objective for a strategic risk"));
        Issues(Samples.Operational() with { Objectives = [] }).ShouldBeEmpty();
    }

    [Fact]
    public void Two_items_with_the_same_id_are_reported_at_the_second()
    {
        var risk = Samples.Inequalities();
        risk = risk with { Actions = [.. risk.Actions, risk.Actions[0] with { Text = "Again." }] };

        ShouldReportExactly(risk, ("actions[3].id", "action 4 id A1 is already used by the first of the actions"));
    }

    [Fact]
    public void Item_ids_differing_only_in_case_are_the_same_id()
    {
        var risk = Samples.Inequalities();
        risk = risk with { Controls = [.. risk.Controls, risk.Controls[0] with { Id = "c1" }] };

        ShouldReportExactly(risk, ("controls[1].id", "control 2 id c1 is already used by the first of the controls"));
    }

    [Theory]
    [InlineData("C 1")]
    [InlineData("-C1")]
    [InlineData("C1.2")]
    [InlineData("C123456789012345678901")]
    public void An_item_id_that_breaks_the_rules_is_reported(string id)
    {
        var risk = Samples.Inequalities();
        risk = risk with { Controls = [risk.Controls[0] with { Id = id }] };

        ShouldReportExactly(risk, ("controls[0].id", $"control 1 id must be {Rules.ItemIdRules}, found \"{id}\""));
    }

    [Fact]
    public void An_item_without_an_id_is_reported()
    {
        var risk = Samples.Inequalities();
        risk = risk with { Gaps = [risk.Gaps[0] with { Id = "" }] };

        ShouldReportExactly(risk, ("gaps[0].id", "gap 1 id is required (letters, digits and dashes, at most 20 characters, such as A3)"));
    }

    [Fact]
    public void An_item_without_text_is_reported()
    {
        var risk = Samples.Inequalities();
        risk = risk with { Assurances = [risk.Assurances[0] with { Text = "" }] };

        ShouldReportExactly(risk, ("assurances[0].text", "assurance S1 text is required"));
    }

    [Fact]
    public void A_complete_action_needs_its_completed_date()
    {
        var risk = Samples.Inequalities();
        risk = risk with { Actions = [risk.Actions[0] with { Status = ActionStatus.Complete, Completed = null }] };

        ShouldReportExactly(risk, ("actions[0].completed", "action A1 completed is required when the action is complete: the date it was done"));
    }

    [Fact]
    public void Only_a_complete_action_has_a_completed_date()
    {
        var risk = Samples.Inequalities();
        risk = risk with { Actions = [risk.Actions[0] with { Status = ActionStatus.InProgress, Completed = new DateOnly(2025, 1, 1) }] };

        ShouldReportExactly(risk, ("actions[0].completed", "action A1 completed is only for a complete action; status is in_progress"));
    }

    [Fact]
    public void A_closed_risk_needs_its_closure_date_and_rationale()
    {
        ShouldReportExactly(
            Samples.Operational() with { Status = RiskStatus.Closed },
            ("closure.date", "closure date is required for a closed risk"),
            ("closure.rationale", "closure reason is required for a closed risk: say why it was closed"));
    }

    [Fact]
    public void A_closed_risk_with_date_and_rationale_is_valid()
    {
        var risk = Samples.Operational() with
        {
            Status = RiskStatus.Closed,
            Closure = new Closure { Date = new DateOnly(2025, 3, 1), Rationale = "Mitigated." },
        };

        Issues(risk).ShouldBeEmpty();
    }

    [Fact]
    public void A_merged_risk_needs_the_risk_it_was_merged_into()
    {
        ShouldReportExactly(
            Samples.Operational() with
            {
                Status = RiskStatus.Merged,
                Closure = new Closure { Date = new DateOnly(2025, 3, 1), Rationale = "Same as CRR-018." },
            },
            ("closure.merged_into", "merged into is required for a merged risk: the id of the risk it was merged into"));
    }

    [Fact]
    public void A_merged_risk_cannot_be_merged_into_itself_or_a_non_id()
    {
        var merged = Samples.Operational("CRR-058") with
        {
            Status = RiskStatus.Merged,
            Closure = new Closure { Date = new DateOnly(2025, 3, 1), Rationale = "Duplicate.", MergedInto = "CRR-58" },
        };

        ShouldReportExactly(merged, ("closure.merged_into", "merged into must name another risk, not this one"));
        ShouldReportExactly(
            merged with { Closure = merged.Closure! with { MergedInto = "../x" } },
            ("closure.merged_into", $"merged into must be a risk id ({RiskId.Rules}), found \"../x\""));
    }

    [Fact]
    public void An_open_risk_has_no_closure()
    {
        ShouldReportExactly(
            Samples.Operational() with { Closure = new Closure { Rationale = "Why." } },
            ("closure", "closure is only for a closed or merged risk; status is open"));
    }

    [Fact]
    public void A_title_of_more_than_one_line_is_reported()
    {
        ShouldReportExactly(Samples.Operational() with { Title = "Workforce\ninstability" }, ("title", "title must be one line"));
    }

    [Fact]
    public void A_title_over_two_hundred_characters_is_reported()
    {
        Issues(Samples.Operational() with { Title = new string('x', 200) }).ShouldBeEmpty();
        ShouldReportExactly(
            Samples.Operational() with { Title = new string('x', 201) },
            ("title", "title must be at most 200 characters, found 201"));
    }

    [Fact]
    public void Multi_line_text_is_allowed_where_the_format_allows_it()
    {
        var risk = Samples.Inequalities() with
        {
            Narrative = new Narrative { Cause = "a\nb", Event = "c\nd", Effect = "e\nf" },
            Performance = "g\nh",
        };

        Issues(risk).ShouldBeEmpty();
    }

    [Theory]
    [InlineData('\u0007', "U+0007")]
    [InlineData('\r', "U+000D")]
    [InlineData('\u0085', "U+0085")]
    [InlineData('\u202E', "U+202E")]
    [InlineData('\u2066', "U+2066")]
    [InlineData('\uFEFF', "U+FEFF")]
    public void A_control_or_bidi_character_is_reported_by_code_point(char bad, string shown)
    {
        ShouldReportExactly(
            Samples.Operational() with { Title = $"Work{bad}force" },
            ("title", $"title must not hold the control character {shown}"));
        ShouldReportExactly(
            Samples.Operational() with { Narrative = new Narrative { Event = $"Staff{bad} leave." } },
            ("narrative.event", $"event must not hold the control character {shown}"));
    }

    [Fact]
    public void Tab_is_allowed_in_text()
    {
        Issues(Samples.Operational() with { Narrative = new Narrative { Event = "a\tb" } }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("R Jarvis")]
    [InlineData("RJarvis")]
    [InlineData("1jarvis")]
    [InlineData("../root")]
    public void An_owner_that_is_not_a_unix_login_is_reported(string login)
    {
        ShouldReportExactly(
            Samples.Operational() with { Owner = login },
            ("owner", $"owner must be {Rules.LoginRules}, found \"{login}\""));
    }

    [Fact]
    public void Logins_in_leads_items_and_reviews_are_checked()
    {
        var risk = Samples.Inequalities();
        risk = risk with
        {
            Leads = ["etimpson", "Bad Lead"],
            Controls = [risk.Controls[0] with { Owner = "C.Owner" }],
            LastReviewed = new Review(new DateOnly(2025, 3, 4), "By Someone"),
        };

        Issues(risk).Select(i => i.Path).ShouldBe(["leads[1]", "controls[0].owner", "last_reviewed.by"]);
    }

    [Fact]
    public void A_repeated_lead_is_reported()
    {
        ShouldReportExactly(
            Samples.Operational() with { Leads = ["etimpson", "etimpson"] },
            ("leads[1]", "lead 2 repeats \"etimpson\""));
    }

    [Fact]
    public void A_linked_risk_must_be_a_risk_id_and_not_the_risk_itself()
    {
        ShouldReportExactly(
            Samples.Operational("CRR-058") with { LinkedRisks = ["Datix 18", "CRR-58"] },
            ("linked_risks[0]", $"linked risk 1 must be a risk id ({RiskId.Rules}), found \"Datix 18\"; put references to other systems in external_refs"),
            ("linked_risks[1]", "linked risk 2 links the risk to itself"));
    }

    [Fact]
    public void A_target_date_needs_a_target_score()
    {
        ShouldReportExactly(
            Samples.Operational() with { TargetDate = new DateOnly(2026, 3, 31) },
            ("target_date", "target date needs a target score (a target impact and likelihood)"));
    }

    [Fact]
    public void An_assurance_line_of_defence_must_be_one_to_three()
    {
        var risk = Samples.Inequalities();
        risk = risk with { Assurances = [risk.Assurances[0] with { Line = 4 }] };

        ShouldReportExactly(risk, ("assurances[0].line", "assurance S1 line of defence must be 1, 2 or 3, found 4"));
    }

    [Fact]
    public void A_one_line_list_entry_may_not_be_empty_or_span_lines()
    {
        ShouldReportExactly(
            Samples.Operational() with { Committees = ["Audit Committee", "", "Quality\nCommittee"] },
            ("committees[1]", "committee 2 is required"),
            ("committees[2]", "committee 3 must be one line"));
    }

    [Fact]
    public void A_text_over_sixty_four_kib_is_reported()
    {
        Issues(Samples.Operational() with { Performance = new string('x', 64 * 1024) }).ShouldBeEmpty();
        ShouldReportExactly(
            Samples.Operational() with { Performance = new string('x', 65 * 1024) },
            ("performance", "performance must be at most 65,536 characters (64 KiB), found 66,560"));
    }

    [Fact]
    public void A_text_just_over_the_limit_is_not_reported_as_being_at_the_limit()
    {
        var issue = Issues(Samples.Operational() with { Performance = new string('x', (64 * 1024) + 1) }).ShouldHaveSingleItem();

        issue.Message.ShouldBe("performance must be at most 65,536 characters (64 KiB), found 65,537");
    }
}
