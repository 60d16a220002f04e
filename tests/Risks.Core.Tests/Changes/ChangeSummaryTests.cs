using Risks.Core.Changes;
using Risks.Core.Domain;

namespace Risks.Core.Tests.Changes;

public sealed class ChangeSummaryTests
{
    private static readonly Risk Before = Samples.Inequalities();

    private static string Headline(Risk? before, Risk after, RegisterSettings? settings = null) =>
        ChangeSummary.Headline(before, after, RiskComparer.Compare(before, after, settings));

    [Fact]
    public void A_likelihood_change_is_headlined_as_the_score_change()
    {
        Headline(Before, Before with { Current = new Score(3, 3) }).ShouldBe("BAF-07 Inequalities: current score 12 -> 9");
    }

    [Fact]
    public void Both_parts_changing_are_one_score_change()
    {
        Headline(Before, Before with { Current = new Score(4, 4) }).ShouldBe("BAF-07 Inequalities: current score 12 -> 16");
    }

    [Fact]
    public void A_score_with_new_parts_but_the_same_value_shows_the_parts()
    {
        Headline(Before, Before with { Current = new Score(4, 3) }).ShouldBe("BAF-07 Inequalities: current score 12 (3 x 4 -> 4 x 3)");
    }

    [Fact]
    public void A_new_risk_is_headlined_as_new_with_its_score()
    {
        Headline(null, Before).ShouldBe("BAF-07 Inequalities: new risk, current score 12");
    }

    [Fact]
    public void An_action_due_change_alone_is_the_headline()
    {
        var after = Before with { Actions = [Before.Actions[0], Before.Actions[1], Before.Actions[2] with { Due = new DateOnly(2025, 6, 30) }] };

        Headline(Before, after).ShouldBe("BAF-07 Inequalities: action A3 due 2025-04-30 -> 2025-06-30");
    }

    [Fact]
    public void Closing_is_the_headline_whatever_else_changed()
    {
        var after = Before with
        {
            Status = RiskStatus.Closed,
            Closure = new Closure { Date = new DateOnly(2025, 3, 13), Rationale = "Mitigated." },
            Current = new Score(3, 1),
        };

        Headline(Before, after).ShouldBe("BAF-07 Inequalities: closed: Mitigated. and 1 more change");
    }

    [Fact]
    public void Other_changes_are_counted_after_the_main_one()
    {
        var after = Before with
        {
            Committees = ["Quality Committee", "Audit Committee"],
            Current = new Score(3, 3),
            Actions = [Before.Actions[0], Before.Actions[1], Before.Actions[2] with { Due = new DateOnly(2025, 6, 30) }],
        };

        Headline(Before, after).ShouldBe("BAF-07 Inequalities: current score 12 -> 9 and 2 more changes");
    }

    [Fact]
    public void One_other_change_is_counted_in_the_singular()
    {
        Headline(Before, Before with { Current = new Score(3, 3), NextReview = new DateOnly(2025, 7, 1) })
            .ShouldBe("BAF-07 Inequalities: current score 12 -> 9 and 1 more change");
    }

    [Fact]
    public void The_current_score_comes_before_the_target_and_inherent_scores()
    {
        Headline(Before, Before with { Inherent = new Score(5, 4), Target = new Score(2, 2), Current = new Score(3, 3) })
            .ShouldBe("BAF-07 Inequalities: current score 12 -> 9 and 2 more changes");
        Headline(Before, Before with { Inherent = new Score(5, 4), Target = new Score(2, 2) })
            .ShouldBe("BAF-07 Inequalities: target score 6 -> 4 and 1 more change");
    }

    [Fact]
    public void Without_a_score_change_an_owner_change_leads()
    {
        Headline(Before, Before with { Committees = ["Audit Committee"], Owner = "etimpson" }, Samples.Settings())
            .ShouldBe("BAF-07 Inequalities: owner Rebecca Jarvis -> Emma Timpson and 2 more changes");
    }

    [Fact]
    public void Otherwise_the_first_change_leads()
    {
        Headline(Before, Before with { Committees = ["Quality Committee", "Audit Committee"], NextReview = new DateOnly(2025, 7, 1) })
            .ShouldBe("BAF-07 Inequalities: committee added: Audit Committee and 1 more change");
    }

    [Fact]
    public void No_changes_are_headlined_as_no_change()
    {
        ChangeSummary.Headline(Before, Before, []).ShouldBe("BAF-07 Inequalities: no change");
    }

    [Fact]
    public void A_risk_without_a_title_is_headlined_by_its_id()
    {
        var untitled = Before with { Title = "" };

        Headline(untitled, untitled with { Current = new Score(3, 3) }).ShouldBe("BAF-07: current score 12 -> 9");
    }
}
