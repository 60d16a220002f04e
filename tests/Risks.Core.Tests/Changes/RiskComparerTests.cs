using Risks.Core.Changes;
using Risks.Core.Domain;

namespace Risks.Core.Tests.Changes;

public sealed class RiskComparerTests
{
    private static readonly Risk Before = Samples.Inequalities();

    [Fact]
    public void An_unchanged_risk_has_no_changes()
    {
        RiskComparer.Compare(Before, Samples.Inequalities()).ShouldBeEmpty();
        RiskComparer.Compare(null, null).ShouldBeEmpty();
    }

    [Fact]
    public void A_long_new_action_is_shortened_but_keeps_its_due_date_whole()
    {
        var action = new RiskAction { Id = "A9", Text = "Report the outreach programme's results to the Quality Committee and the board", Due = new DateOnly(2025, 6, 30), Status = ActionStatus.NotStarted };

        var change = RiskComparer.Compare(Before, Before with { Actions = [.. Before.Actions, action] }).ShouldHaveSingleItem();

        change.Description.ShouldEndWith("... (due 2025-06-30)");
        change.Description.ShouldStartWith("action added: Report the outreach");
        change.After.ShouldBe($"{action.Text} (due 2025-06-30)");
    }

    [Fact]
    public void A_likelihood_change_names_the_field_and_both_values()
    {
        var change = RiskComparer.Compare(Before, Before with { Current = new Score(3, 3) }).ShouldHaveSingleItem();

        change.ShouldBe(new FieldChange("current.likelihood", ChangeKind.Changed, "4", "3", "current likelihood 4 -> 3"));
        change.ToString().ShouldBe("current likelihood 4 -> 3");
    }

    [Fact]
    public void A_new_risk_is_one_change_giving_its_current_score()
    {
        var change = RiskComparer.Compare(null, Before).ShouldHaveSingleItem();

        change.ShouldBe(new FieldChange("", ChangeKind.Added, null, "BAF-07", "new risk, current score 12"));
    }

    [Fact]
    public void A_removed_risk_is_one_change()
    {
        RiskComparer.Compare(Before, null).ShouldHaveSingleItem().Description.ShouldBe("risk removed from the register");
    }

    [Fact]
    public void An_action_s_due_date_change_is_named_by_the_action_s_id()
    {
        var after = Before with { Actions = [Before.Actions[0], Before.Actions[1], Before.Actions[2] with { Due = new DateOnly(2025, 6, 30) }] };

        var change = RiskComparer.Compare(Before, after).ShouldHaveSingleItem();

        change.Field.ShouldBe("actions[A3].due");
        change.Description.ShouldBe("action A3 due 2025-04-30 -> 2025-06-30");
        change.Before.ShouldBe("2025-04-30");
        change.After.ShouldBe("2025-06-30");
    }

    [Fact]
    public void An_added_control_is_described_by_its_wording()
    {
        var added = new Control { Id = "C2", Text = "Twice-yearly reports to the board.", Owner = "rjarvis" };

        var change = RiskComparer.Compare(Before, Before with { Controls = [.. Before.Controls, added] }).ShouldHaveSingleItem();

        change.ShouldBe(new FieldChange("controls[C2]", ChangeKind.Added, null, "Twice-yearly reports to the board.", "control added: Twice-yearly reports to the board."));
    }

    [Fact]
    public void A_removed_item_is_described_by_its_wording_and_due_date()
    {
        var change = RiskComparer.Compare(Before, Before with { Actions = [Before.Actions[0], Before.Actions[2]] }).ShouldHaveSingleItem();

        change.Field.ShouldBe("actions[A2]");
        change.Kind.ShouldBe(ChangeKind.Removed);
        change.Description.ShouldBe("action A2 removed: Publish the annual statement. (due 2024-05-31)");
    }

    [Fact]
    public void A_long_item_wording_is_cut_to_its_first_line_and_sixty_characters()
    {
        var text = "Set up a working group to review the data on access and outcomes across every place.\nSecond line.";
        var added = new Gap { Id = "G2", Type = GapType.Assurance, Text = text };

        var change = RiskComparer.Compare(Before, Before with { Gaps = [.. Before.Gaps, added] }).ShouldHaveSingleItem();

        change.Description.ShouldBe("gap added: Set up a working group to review the data on access and o...");
    }

    [Fact]
    public void An_item_changed_in_place_is_not_a_removal_and_an_addition()
    {
        var after = Before with { Controls = [Before.Controls[0] with { Effectiveness = Effectiveness.PartiallyEffective }] };

        RiskComparer.Compare(Before, after).ShouldHaveSingleItem()
            .ShouldBe(new FieldChange("controls[C1].effectiveness", ChangeKind.Changed, "effective", "partially effective", "control C1 effectiveness effective -> partially effective"));
    }

    [Fact]
    public void Items_in_a_new_order_are_one_reordering()
    {
        var after = Before with { Actions = [Before.Actions[2], Before.Actions[0], Before.Actions[1]] };

        RiskComparer.Compare(Before, after).ShouldHaveSingleItem()
            .ShouldBe(new FieldChange("actions", ChangeKind.Reordered, "A1, A2, A3", "A3, A1, A2", "actions reordered"));
    }

    [Fact]
    public void Closing_a_risk_is_one_change_giving_the_reason()
    {
        var after = Before with
        {
            Status = RiskStatus.Closed,
            Closure = new Closure { Date = new DateOnly(2025, 3, 13), Rationale = "The strategy is in place and working.\nMore detail." },
        };

        RiskComparer.Compare(Before, after).ShouldHaveSingleItem()
            .ShouldBe(new FieldChange("status", ChangeKind.Changed, "open", "closed", "closed: The strategy is in place and working."));
    }

    [Fact]
    public void Merging_a_risk_names_where_it_went()
    {
        var after = Before with
        {
            Status = RiskStatus.Merged,
            Closure = new Closure { Date = new DateOnly(2025, 3, 13), Rationale = "Same risk.", MergedInto = "BAF-01" },
        };

        RiskComparer.Compare(Before, after).ShouldHaveSingleItem().Description.ShouldBe("merged into BAF-01: Same risk.");
    }

    [Fact]
    public void Reopening_a_risk_says_what_it_was()
    {
        var closed = Before with { Status = RiskStatus.Closed, Closure = new Closure { Date = new DateOnly(2025, 1, 1), Rationale = "Done." } };

        RiskComparer.Compare(closed, Before).ShouldHaveSingleItem().Description.ShouldBe("reopened (was closed)");
    }

    [Fact]
    public void An_owner_change_uses_people_s_names_and_keeps_the_logins()
    {
        var change = RiskComparer.Compare(Before, Before with { Owner = "etimpson" }, Samples.Settings()).ShouldHaveSingleItem();

        change.ShouldBe(new FieldChange("owner", ChangeKind.Changed, "rjarvis", "etimpson", "owner Rebecca Jarvis -> Emma Timpson"));
    }

    [Fact]
    public void Without_settings_an_owner_change_shows_logins()
    {
        RiskComparer.Compare(Before, Before with { Owner = "etimpson" }).ShouldHaveSingleItem()
            .Description.ShouldBe("owner rjarvis -> etimpson");
    }

    [Fact]
    public void An_added_objective_is_shown_with_its_short_title()
    {
        RiskComparer.Compare(Before, Before with { Objectives = ["SO2", "SO1"] }, Samples.Settings()).ShouldHaveSingleItem()
            .ShouldBe(new FieldChange("objectives", ChangeKind.Added, null, "SO1", "objective added: SO1 (Good quality care)"));
    }

    [Fact]
    public void A_title_change_quotes_both_titles()
    {
        RiskComparer.Compare(Before, Before with { Title = "Health inequalities" }).ShouldHaveSingleItem()
            .Description.ShouldBe("title \"Inequalities\" -> \"Health inequalities\"");
    }

    [Fact]
    public void A_changed_narrative_is_described_without_repeating_it()
    {
        var after = Before with { Narrative = Before.Narrative with { Cause = "A new cause." } };

        RiskComparer.Compare(Before, after).ShouldHaveSingleItem()
            .ShouldBe(new FieldChange("narrative.cause", ChangeKind.Changed, Before.Narrative.Cause, "A new cause.", "cause updated"));
    }

    [Fact]
    public void An_action_update_shows_the_new_update()
    {
        var after = Before with { Actions = [Before.Actions[0] with { Update = "Final testing is complete." }, Before.Actions[1], Before.Actions[2]] };

        RiskComparer.Compare(Before, after).ShouldHaveSingleItem().Description.ShouldBe("action A1 update: Final testing is complete.");
    }

    [Fact]
    public void A_target_score_set_for_the_first_time_gives_its_parts()
    {
        RiskComparer.Compare(Before with { Target = null }, Before).ShouldHaveSingleItem()
            .ShouldBe(new FieldChange("target", ChangeKind.Added, null, "3 x 2 = 6", "target score set to 6 (3 x 2)"));
    }

    [Fact]
    public void A_cleared_review_date_says_what_it_was()
    {
        RiskComparer.Compare(Before, Before with { NextReview = null }).ShouldHaveSingleItem()
            .ShouldBe(new FieldChange("next_review", ChangeKind.Removed, "2025-05-06", null, "next review removed (was 2025-05-06)"));
    }

    [Fact]
    public void Changes_come_in_the_file_s_order()
    {
        var after = Before with
        {
            NextReview = new DateOnly(2025, 7, 1),
            Current = new Score(3, 3),
            Title = "Health inequalities",
            Committees = ["Quality Committee", "Audit Committee"],
        };

        RiskComparer.Compare(Before, after).Select(c => c.Field).ShouldBe(["title", "committees", "current.likelihood", "next_review"]);
    }
}
