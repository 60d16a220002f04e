using Risks.Core.Changes;
using Risks.Core.Domain;

namespace Risks.Core.Tests.Changes;

public sealed class RiskMergeTests
{
    private static readonly Risk Original = Samples.Inequalities() with
    {
        Controls = [new Control { Id = "C1", Text = "Dashboard" }, new Control { Id = "C2", Text = "Programme board" }],
        Actions =
        [
            new RiskAction { Id = "A1", Text = "Publish the dashboard", Due = new DateOnly(2025, 4, 30), Status = ActionStatus.InProgress },
            new RiskAction { Id = "A2", Text = "Agree ambitions", Due = new DateOnly(2025, 5, 31), Status = ActionStatus.NotStarted },
        ],
    };

    [Fact]
    public void With_no_edits_of_mine_theirs_stands()
    {
        var theirs = Original with { Title = "Health inequalities", Actions = [Original.Actions[0]] };

        var result = RiskMerge.Reapply(Original, Original, theirs);

        result.Merged.ShouldBeSameAs(theirs);
        result.Overlaps.ShouldBeEmpty();
    }

    [Fact]
    public void With_no_edits_of_theirs_mine_stand()
    {
        var mine = Original with { Current = new Score(3, 2), Leads = ["etimpson", "kbonney"] };

        var result = RiskMerge.Reapply(Original, mine, Original);

        RiskComparer.Compare(mine, result.Merged).ShouldBeEmpty();
        result.Merged.Leads.ShouldBe(["etimpson", "kbonney"]);
        result.Overlaps.ShouldBeEmpty();
    }

    [Fact]
    public void Edits_to_different_fields_both_survive()
    {
        var mine = Original with { Current = new Score(3, 2) };
        var theirs = Original with { Performance = "Uptake 71%", Current = new Score(2, 4) };

        var result = RiskMerge.Reapply(Original, mine, theirs);

        result.Merged.Performance.ShouldBe("Uptake 71%");
        result.Merged.Current.ShouldBe(new Score(2, 2), "their impact and my likelihood are different fields");
        result.Overlaps.ShouldBeEmpty();
    }

    [Fact]
    public void The_same_field_changed_by_both_takes_mine_and_is_reported()
    {
        var mine = Original with { Title = "Mine", Narrative = Original.Narrative with { Cause = "My cause" } };
        var theirs = Original with { Title = "Theirs", Narrative = Original.Narrative with { Effect = "Their effect" } };

        var result = RiskMerge.Reapply(Original, mine, theirs);

        result.Merged.Title.ShouldBe("Mine");
        result.Merged.Narrative.Cause.ShouldBe("My cause");
        result.Merged.Narrative.Effect.ShouldBe("Their effect");
        result.Overlaps.ShouldBe(["title"]);
    }

    [Fact]
    public void The_same_change_made_by_both_is_no_overlap()
    {
        var mine = Original with { Directorate = "Public Health" };

        RiskMerge.Reapply(Original, mine, mine).Overlaps.ShouldBeEmpty();
    }

    [Fact]
    public void Lists_of_names_merge_additions_and_removals_from_both()
    {
        var mine = Original with { Committees = ["Audit Committee", "Board"] };
        var theirs = Original with { Committees = ["Quality Committee", "Finance Committee"] };

        var result = RiskMerge.Reapply(Original, mine, theirs);

        result.Merged.Committees.ShouldBe(["Finance Committee", "Audit Committee", "Board"]);
    }

    [Fact]
    public void Actions_merge_by_id_property_by_property()
    {
        var mine = Original with { Actions = [Original.Actions[0] with { Due = new DateOnly(2025, 6, 30) }, Original.Actions[1]] };
        var theirs = Original with { Actions = [Original.Actions[0] with { Status = ActionStatus.Complete, Completed = new DateOnly(2025, 3, 20) }, Original.Actions[1]] };

        var result = RiskMerge.Reapply(Original, mine, theirs);

        var action = result.Merged.Actions[0];
        action.Due.ShouldBe(new DateOnly(2025, 6, 30));
        action.Status.ShouldBe(ActionStatus.Complete);
        action.Completed.ShouldBe(new DateOnly(2025, 3, 20));
        result.Overlaps.ShouldBeEmpty();
    }

    [Fact]
    public void An_action_added_by_both_with_the_same_id_keeps_both_under_different_ids()
    {
        var mine = Original with { Actions = [.. Original.Actions, new RiskAction { Id = "A3", Text = "Mine", Status = ActionStatus.NotStarted }] };
        var theirs = Original with { Actions = [.. Original.Actions, new RiskAction { Id = "A3", Text = "Theirs", Status = ActionStatus.NotStarted }] };

        var result = RiskMerge.Reapply(Original, mine, theirs);

        result.Merged.Actions.Select(a => (a.Id, a.Text)).ShouldBe([("A1", "Publish the dashboard"), ("A2", "Agree ambitions"), ("A3", "Theirs"), ("A4", "Mine")]);
    }

    [Fact]
    public void An_action_I_removed_but_they_changed_is_kept_and_reported()
    {
        var mine = Original with { Actions = [Original.Actions[1]] };
        var theirs = Original with { Actions = [Original.Actions[0] with { Update = "Half done" }, Original.Actions[1]] };

        var result = RiskMerge.Reapply(Original, mine, theirs);

        result.Merged.Actions.Select(a => a.Id).ShouldBe(["A1", "A2"]);
        result.Merged.Actions[0].Update.ShouldBe("Half done");
        result.Overlaps.ShouldBe(["actions[A1]"]);
    }

    [Fact]
    public void An_action_I_removed_and_they_left_alone_goes()
    {
        var mine = Original with { Actions = [Original.Actions[1]] };
        var theirs = Original with { Title = "Theirs", Actions = [Original.Actions[0], Original.Actions[1], new RiskAction { Id = "A3", Text = "New", Status = ActionStatus.NotStarted }] };

        var result = RiskMerge.Reapply(Original, mine, theirs);

        result.Merged.Actions.Select(a => a.Id).ShouldBe(["A2", "A3"]);
    }

    [Fact]
    public void My_reordering_stands_when_they_did_not_reorder()
    {
        var mine = Original with { Controls = [Original.Controls[1], Original.Controls[0]] };
        var theirs = Original with { Controls = [Original.Controls[0], Original.Controls[1] with { Text = "Programme board, monthly" }] };

        var result = RiskMerge.Reapply(Original, mine, theirs);

        result.Merged.Controls.Select(c => c.Id).ShouldBe(["C2", "C1"]);
        result.Merged.Controls[0].Text.ShouldBe("Programme board, monthly");
    }

    [Fact]
    public void A_score_cleared_by_me_and_changed_by_them_is_an_overlap_on_the_whole_score()
    {
        var mine = Original with { Target = null };
        var theirs = Original with { Target = new Score(1, 1) };

        var result = RiskMerge.Reapply(Original, mine, theirs);

        result.Merged.Target.ShouldBeNull();
        result.Overlaps.ShouldBe(["target"]);
    }
}
