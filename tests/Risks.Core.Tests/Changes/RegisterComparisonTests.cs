using Risks.Core.Changes;
using Risks.Core.Domain;

namespace Risks.Core.Tests.Changes;

public sealed class RegisterComparisonTests
{
    private static readonly RegisterSettings Settings = Samples.Settings();

    /// <summary>BAF-07, current score 3 x 4 = 12 (High).</summary>
    private static readonly Risk Before = Samples.Inequalities();

    private static RiskComparison One(Risk? before, Risk? after, RegisterSettings? settings = null) =>
        RegisterComparison.Of([(before, after)], [], settings ?? Settings).Risks.ShouldHaveSingleItem();

    [Fact]
    public void A_risk_not_there_before_is_new_with_its_score_and_band()
    {
        var risk = One(null, Before);

        risk.Kind.ShouldBe(RiskMovementKind.New);
        risk.Id.ShouldBe(Before.Id);
        risk.ScoreBefore.ShouldBeNull();
        risk.ScoreAfter.ShouldBe(12);
        risk.BandBefore.ShouldBeNull();
        risk.BandAfter.ShouldNotBeNull().Name.ShouldBe("High");
        risk.Latest.ShouldBe(Before);
    }

    [Fact]
    public void A_reopened_risk_counts_as_new()
    {
        One(Before with { Status = RiskStatus.Closed }, Before).Kind.ShouldBe(RiskMovementKind.New);
    }

    [Fact]
    public void An_open_risk_gone_closed_or_merged_is_closed()
    {
        var gone = One(Before, null);
        gone.Kind.ShouldBe(RiskMovementKind.Closed);
        gone.ScoreBefore.ShouldBe(12);
        gone.ScoreAfter.ShouldBeNull();
        gone.Latest.ShouldBe(Before);
        gone.Title.ShouldBe("Inequalities");

        One(Before, Before with { Status = RiskStatus.Closed, Closure = new Closure { Rationale = "Absorbed." } }).Kind.ShouldBe(RiskMovementKind.Closed);
        One(Before, Before with { Status = RiskStatus.Merged, Current = new Score(5, 5) }).Kind.ShouldBe(RiskMovementKind.Closed);
    }

    [Fact]
    public void A_score_moving_into_a_higher_band_is_escalated_and_into_a_lower_one_de_escalated()
    {
        var up = One(Before, Before with { Current = new Score(4, 4) });
        up.Kind.ShouldBe(RiskMovementKind.Escalated);
        up.BandBefore.ShouldNotBeNull().Name.ShouldBe("High");
        up.BandAfter.ShouldNotBeNull().Name.ShouldBe("Extreme");

        One(Before, Before with { Current = new Score(3, 2) }).Kind.ShouldBe(RiskMovementKind.DeEscalated);
    }

    [Fact]
    public void A_score_moving_within_its_band_is_up_down_or_unchanged()
    {
        One(Before with { Current = new Score(3, 3) }, Before).Kind.ShouldBe(RiskMovementKind.ScoreUp);
        One(Before, Before with { Current = new Score(3, 3) }).Kind.ShouldBe(RiskMovementKind.ScoreDown);
        One(Before, Before with { Current = new Score(4, 3) }).Kind.ShouldBe(RiskMovementKind.ScoreUnchanged);
        One(Before, Before with { Title = "Health inequalities" }).Kind.ShouldBe(RiskMovementKind.ScoreUnchanged);
    }

    [Fact]
    public void Bands_come_from_the_register_s_own_scheme()
    {
        var settings = Settings with { Bands = new BandScheme([new Band("Watch", Rag.Yellow, 1, 12), new Band("Act", Rag.Red, 13, 25)]) };

        One(Before, Before with { Current = new Score(2, 3) }, settings).Kind.ShouldBe(RiskMovementKind.ScoreDown);
        var escalated = One(Before, Before with { Current = new Score(3, 5) }, settings);
        escalated.Kind.ShouldBe(RiskMovementKind.Escalated);
        escalated.BandAfter.ShouldNotBeNull().Name.ShouldBe("Act");
    }

    [Fact]
    public void The_changes_are_the_comparer_s()
    {
        var after = Before with { Current = new Score(3, 3), Owner = "etimpson" };

        One(Before, after).Changes.ShouldBe(RiskComparer.Compare(Before, after, Settings));
    }

    [Fact]
    public void A_change_of_owner_is_noted()
    {
        One(Before, Before with { Owner = "etimpson" }).OwnerChanged.ShouldBeTrue();
        One(Before, Before with { Leads = ["kbonney"] }).OwnerChanged.ShouldBeFalse();
    }

    [Fact]
    public void Items_added_removed_and_changed_are_each_counted_once()
    {
        var after = Before with
        {
            Controls = [.. Before.Controls, new Control { Id = "C2", Text = "Quarterly reports to the board." }],
            Gaps = [Before.Gaps[0] with { Text = "Capacity for prevention work in primary care." }],
            Actions = [Before.Actions[0], Before.Actions[2] with { Due = new DateOnly(2025, 6, 30), Text = "Implement the funded programmes in full." }],
        };

        var items = One(Before, after).Items;

        items.Select(i => (i.List, i.Item, i.Kind)).ShouldBe(
        [
            ("controls", "C2", ItemChangeKind.Added),
            ("gaps", "G1", ItemChangeKind.Changed),
            ("actions", "A2", ItemChangeKind.Removed),
            ("actions", "A3", ItemChangeKind.Changed),
        ], ignoreOrder: true);
        items.Single(i => i.Item == "A3").Changes.Select(c => c.Field).ShouldBe(["actions[A3].text", "actions[A3].due"], ignoreOrder: true);
    }

    [Fact]
    public void Reordering_items_changes_none_of_them()
    {
        var reordered = Before with { Actions = [.. Before.Actions.Reverse()] };

        var risk = One(Before, reordered);

        risk.Changes.ShouldNotBeEmpty();
        risk.Items.ShouldBeEmpty();
    }

    [Fact]
    public void Prose_edits_carry_their_word_diffs_and_other_fields_do_not()
    {
        var after = Before with
        {
            Title = "Health inequalities",
            Narrative = Before.Narrative with { Cause = "Groups at most risk are not identified early." },
            Performance = "Two of five programmes funded.",
            Current = new Score(3, 4) { Rationale = "Based on CRR-018." },
            Actions = [Before.Actions[0] with { Update = "Pilot in Thurrock." }, Before.Actions[1], Before.Actions[2] with { Due = new DateOnly(2025, 6, 30) }],
        };

        var compared = One(Before, after);
        compared.NarrativeEditCount.ShouldBe(4);
        var narrative = compared.Narrative;

        narrative.Select(n => n.Change.Field).ShouldBe(["narrative.cause", "current.rationale", "performance", "actions[A1].update"]);
        var cause = narrative[0].Words;
        cause.ShouldContain(new WordSpan(SpanKind.Removed, "consistently"));
        cause.ShouldContain(new WordSpan(SpanKind.Added, "early"));
        WordDiff.Text(cause).ShouldBe("Groups at most risk are not identified [-consistently-]{+early+}.");
        narrative.Single(n => n.Change.Field == "performance").Words.ShouldBe([new WordSpan(SpanKind.Added, "Two of five programmes funded.")]);
    }

    [Fact]
    public void Risks_that_compare_the_same_join_the_unchanged_and_all_are_in_id_order()
    {
        var comparison = RegisterComparison.Of(
            [
                (Samples.Operational("CRR-058"), Samples.Operational("CRR-058") with { Title = "Workforce" }),
                (Samples.Operational("BAF-10"), Samples.Operational("BAF-10")),
                (null, Samples.Operational("BAF-2")),
                (Samples.Operational("ACR-1"), null),
                (null, null),
            ],
            [RiskId.Parse("CRR-100"), RiskId.Parse("BAF-9"), RiskId.Parse("CRR-99")],
            Settings);

        comparison.Risks.Select(r => r.Id.Value).ShouldBe(["ACR-1", "BAF-2", "CRR-058"]);
        comparison.Unchanged.Select(r => r.Value).ShouldBe(["BAF-9", "BAF-10", "CRR-99", "CRR-100"]);
    }

    [Fact]
    public void The_counts_add_up_the_movements_items_and_edits()
    {
        var operational = Samples.Operational("CRR-001");
        var comparison = RegisterComparison.Of(
            [
                (null, Samples.Operational("CRR-002")),
                (operational, null),
                (Before, Before with { Current = new Score(4, 4), Owner = "etimpson" }),
                (Samples.Operational("CRR-003"), Samples.Operational("CRR-003") with { Current = new Score(3, 3), Narrative = new Narrative { Event = "Staff leave faster than we can recruit." } }),
                (Samples.Operational("CRR-004"), Samples.Operational("CRR-004") with { Current = new Score(2, 2) }),
                (
                    Samples.Operational("CRR-005"),
                    Samples.Operational("CRR-005") with
                    {
                        Owner = "rjarvis",
                        Controls = [new Control { Id = "C1", Text = "Rota review." }],
                        Actions = [new RiskAction { Id = "A1", Text = "Recruit.", Due = new DateOnly(2025, 6, 30), Status = ActionStatus.NotStarted }],
                    }
                ),
                (
                    Before with { Id = RiskId.Parse("BAF-08") },
                    Before with { Id = RiskId.Parse("BAF-08"), Actions = [Before.Actions[0] with { Text = "Launch the tool." }], Gaps = [] }
                ),
                (Samples.Operational("CRR-006"), Samples.Operational("CRR-006")),
            ],
            [RiskId.Parse("CRR-007"), RiskId.Parse("CRR-008")],
            Settings);

        comparison.Counts.ShouldBe(new ComparisonCounts(
            New: 1,
            Closed: 1,
            Escalated: 1,
            DeEscalated: 1,
            ScoreUp: 1,
            ScoreDown: 2,
            ScoreUnchanged: 5,
            Unscored: 0,
            OwnerChanged: 2,
            ItemsAdded: 2,
            ItemsRemoved: 3,
            ItemsChanged: 1,
            NarrativeEdits: 2));
        comparison.Counts.Compared.ShouldBe(comparison.Risks.Count + comparison.Unchanged.Count);
    }

    [Fact]
    public void A_score_that_fell_into_a_lower_band_counts_as_down_and_as_de_escalated_and_one_that_rose_into_a_higher_as_up_and_escalated()
    {
        var comparison = RegisterComparison.Of(
            [
                (Before, Before with { Current = new Score(3, 2) }),
                (Before with { Id = RiskId.Parse("BAF-08") }, Before with { Id = RiskId.Parse("BAF-08"), Current = new Score(3, 3) }),
                (Before with { Id = RiskId.Parse("BAF-09") }, Before with { Id = RiskId.Parse("BAF-09"), Current = new Score(5, 4) }),
            ],
            [RiskId.Parse("BAF-10")],
            Settings);

        var fell = comparison.Risks[0];
        fell.Kind.ShouldBe(RiskMovementKind.DeEscalated);
        fell.Direction.ShouldBe(ScoreDirection.Down);
        comparison.Risks[1].Direction.ShouldBe(ScoreDirection.Down);
        comparison.Risks[2].Direction.ShouldBe(ScoreDirection.Up);
        var c = comparison.Counts;
        (c.ScoreDown, c.DeEscalated, c.ScoreUp, c.Escalated, c.ScoreUnchanged, c.Unscored).ShouldBe((2, 1, 1, 1, 1, 0));
        c.Compared.ShouldBe(4);
    }

    [Fact]
    public void A_risk_with_a_current_score_on_one_side_only_is_unscored_neither_up_nor_down_and_still_adds_up()
    {
        var comparison = RegisterComparison.Of(
            [
                (Before, Before with { Current = null }),
                (Before with { Id = RiskId.Parse("BAF-08"), Current = null }, Before with { Id = RiskId.Parse("BAF-08") }),
                (Before with { Id = RiskId.Parse("BAF-09"), Current = null }, Before with { Id = RiskId.Parse("BAF-09"), Current = null, Title = "Health inequalities" }),
            ],
            [],
            Settings);

        comparison.Risks.Select(r => r.Kind).ShouldBe([RiskMovementKind.Unscored, RiskMovementKind.Unscored, RiskMovementKind.ScoreUnchanged]);
        comparison.Risks.Select(r => r.Direction).ShouldBe([null, null, ScoreDirection.Unchanged]);
        var c = comparison.Counts;
        (c.ScoreUp, c.ScoreDown, c.ScoreUnchanged, c.Unscored).ShouldBe((0, 0, 1, 2));
        c.Compared.ShouldBe(3);
    }

    [Fact]
    public void New_and_closed_risks_have_no_score_direction()
    {
        One(null, Before).Direction.ShouldBeNull();
        One(Before, null).Direction.ShouldBeNull();
    }
}
