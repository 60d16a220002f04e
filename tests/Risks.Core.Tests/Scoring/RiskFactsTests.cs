using Risks.Core.Domain;
using Risks.Core.Scoring;

namespace Risks.Core.Tests.Scoring;

public sealed class RiskFactsTests
{
    private static readonly DateOnly Today = Samples.Today;

    [Fact]
    public void Scores_and_band_follow_from_the_assessments()
    {
        var facts = RiskFacts.Of(Samples.Inequalities(), Samples.Settings(), Today);

        facts.CurrentScore.ShouldBe(12);
        facts.TargetScore.ShouldBe(6);
        facts.InherentScore.ShouldBe(16);
        facts.Band.ShouldNotBeNull().Name.ShouldBe("High");
        facts.Band.Rag.ShouldBe(Rag.Amber);
    }

    [Fact]
    public void The_band_comes_from_the_register_s_own_scheme()
    {
        var settings = Samples.Settings() with
        {
            Bands = new BandScheme([new Band("Watch", Rag.Yellow, 1, 12), new Band("Act", Rag.Red, 13, 25)]),
        };

        RiskFacts.Of(Samples.Inequalities(), settings, Today).Band.ShouldNotBeNull().Name.ShouldBe("Watch");
    }

    [Fact]
    public void A_risk_without_a_current_score_has_no_band()
    {
        var facts = RiskFacts.Of(Samples.Inequalities() with { Current = null }, Samples.Settings(), Today);

        facts.CurrentScore.ShouldBeNull();
        facts.Band.ShouldBeNull();
        facts.AboveTolerance.ShouldBeFalse();
        facts.OutsideTarget.ShouldBeFalse();
    }

    [Fact]
    public void A_current_score_above_an_objective_s_tolerance_names_that_objective()
    {
        // SO2 tolerates 9; the current score is 12.
        var facts = RiskFacts.Of(Samples.Inequalities(), Samples.Settings(), Today);

        facts.AboveTolerance.ShouldBeTrue();
        facts.AboveToleranceOf.Select(o => o.Id).ShouldBe(["SO2"]);
    }

    [Fact]
    public void A_current_score_equal_to_the_tolerance_is_within_it()
    {
        var risk = Samples.Inequalities() with { Current = new Score(3, 3) };

        RiskFacts.Of(risk, Samples.Settings(), Today).AboveTolerance.ShouldBeFalse();
    }

    [Fact]
    public void Only_the_objectives_whose_tolerance_is_exceeded_are_named()
    {
        // SO1 tolerates 12, SO2 tolerates 9: a score of 12 is above SO2's only.
        var risk = Samples.Inequalities() with { Objectives = ["SO1", "SO2", "SO9"] };

        RiskFacts.Of(risk, Samples.Settings(), Today).AboveToleranceOf.Select(o => o.Id).ShouldBe(["SO2"]);
    }

    [Fact]
    public void An_objective_without_a_tolerance_is_never_exceeded()
    {
        var settings = Samples.Settings() with { Objectives = [new Objective { Id = "SO2", Title = "t" }] };

        RiskFacts.Of(Samples.Inequalities() with { Current = new Score(5, 5) }, settings, Today).AboveTolerance.ShouldBeFalse();
    }

    [Fact]
    public void A_current_score_above_the_target_score_is_outside_target()
    {
        RiskFacts.Of(Samples.Inequalities(), Samples.Settings(), Today).OutsideTarget.ShouldBeTrue();
        RiskFacts.Of(Samples.Inequalities() with { Current = new Score(2, 3) }, Samples.Settings(), Today).OutsideTarget.ShouldBeFalse();
        RiskFacts.Of(Samples.Inequalities() with { Target = null }, Samples.Settings(), Today).OutsideTarget.ShouldBeFalse();
    }

    [Fact]
    public void The_target_date_is_missed_only_once_it_has_passed_with_the_target_not_reached()
    {
        var risk = Samples.Inequalities() with { TargetDate = new DateOnly(2025, 3, 12) };

        RiskFacts.Of(risk, Samples.Settings(), Today).TargetDateMissed.ShouldBeTrue();
        RiskFacts.Of(risk with { TargetDate = Today }, Samples.Settings(), Today).TargetDateMissed.ShouldBeFalse();
        RiskFacts.Of(risk with { Current = new Score(3, 2) }, Samples.Settings(), Today).TargetDateMissed.ShouldBeFalse();
    }

    [Fact]
    public void Actions_due_before_today_and_not_finished_are_overdue()
    {
        var risk = Samples.Inequalities() with
        {
            Actions =
            [
                Action("A1", new DateOnly(2025, 3, 12), ActionStatus.InProgress),
                Action("A2", new DateOnly(2025, 3, 12), ActionStatus.NotStarted),
                Action("A3", Today, ActionStatus.NotStarted),
                Action("A4", new DateOnly(2025, 3, 14), ActionStatus.NotStarted),
                Action("A5", new DateOnly(2024, 1, 1), ActionStatus.Complete) with { Completed = new DateOnly(2024, 2, 1) },
                Action("A6", new DateOnly(2024, 1, 1), ActionStatus.Cancelled),
                Action("A7", null, ActionStatus.InProgress),
            ],
        };

        var facts = RiskFacts.Of(risk, Samples.Settings(), Today);

        facts.OverdueActions.Select(a => a.Id).ShouldBe(["A1", "A2"]);
        facts.OpenActions.Select(a => a.Id).ShouldBe(["A1", "A2", "A3", "A4", "A7"]);
    }

    [Fact]
    public void A_review_is_overdue_once_its_date_has_passed()
    {
        var risk = Samples.Inequalities();

        RiskFacts.Of(risk with { NextReview = new DateOnly(2025, 3, 12) }, Samples.Settings(), Today).ReviewOverdue.ShouldBeTrue();
        RiskFacts.Of(risk with { NextReview = Today }, Samples.Settings(), Today).ReviewOverdue.ShouldBeFalse();
        RiskFacts.Of(risk with { NextReview = null }, Samples.Settings(), Today).ReviewOverdue.ShouldBeFalse();
    }

    [Theory]
    [InlineData(RiskStatus.Closed)]
    [InlineData(RiskStatus.Merged)]
    public void A_closed_or_merged_risk_has_nothing_overdue(RiskStatus status)
    {
        var risk = Samples.Inequalities() with
        {
            Status = status,
            NextReview = new DateOnly(2024, 1, 1),
            TargetDate = new DateOnly(2024, 1, 1),
            Actions = [Action("A1", new DateOnly(2024, 1, 1), ActionStatus.InProgress)],
        };

        var facts = RiskFacts.Of(risk, Samples.Settings(), Today);

        facts.OverdueActions.ShouldBeEmpty();
        facts.ReviewOverdue.ShouldBeFalse();
        facts.TargetDateMissed.ShouldBeFalse();
    }

    private static RiskAction Action(string id, DateOnly? due, ActionStatus status) =>
        new() { Id = id, Text = "Do " + id, Due = due, Status = status };
}
