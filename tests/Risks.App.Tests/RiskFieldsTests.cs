using Risks.Core.Domain;

namespace Risks.App.Tests;

public sealed class RiskFieldsTests
{
    private static readonly Risk Risk = new()
    {
        Id = RiskId.Parse("CRR-001"),
        Title = "Staffing",
        Owner = "kbonney",
        Current = new Score(3, 4),
        Actions = [new RiskAction { Id = "A1", Text = "Recruit", Status = ActionStatus.InProgress }],
    };

    [Theory]
    [InlineData("2025-06-30")]
    [InlineData("30 Jun 2025")]
    [InlineData("30 June 2025")]
    [InlineData("30/06/2025")]
    [InlineData(" 30/6/2025 ")]
    public void Dates_are_read_as_people_in_the_UK_type_them(string typed)
    {
        var (risk, error) = RiskFields.Set(Risk, "actions[0].due", typed);

        error.ShouldBeNull();
        risk!.Actions[0].Due.ShouldBe(new DateOnly(2025, 6, 30));
    }

    [Fact]
    public void A_blank_clears_an_optional_field()
    {
        var (risk, _) = RiskFields.Set(Risk with { Directorate = "Nursing" }, "directorate", "  ");
        risk!.Directorate.ShouldBeNull();
    }

    [Fact]
    public void Choices_take_the_register_words_or_phrases()
    {
        RiskFields.Set(Risk, "actions[0].status", "not started").Risk!.Actions[0].Status.ShouldBe(ActionStatus.NotStarted);
        RiskFields.Set(Risk, "response", "treat").Risk!.Response.ShouldBe(RiskResponse.Treat);
        RiskFields.Set(Risk, "response", "ignore").Error.ShouldBe("response must be treat, tolerate, transfer, terminate or take, found \"ignore\"");
    }

    [Fact]
    public void Lists_take_one_entry_per_line()
    {
        var (risk, _) = RiskFields.Set(Risk, "committees", "Quality Committee\r\n\r\n Audit Committee \n");
        risk!.Committees.ShouldBe(["Quality Committee", "Audit Committee"]);
    }

    [Fact]
    public void A_score_part_on_a_risk_without_that_score_starts_it()
    {
        var (risk, _) = RiskFields.Set(Risk, "target.impact", "2");
        risk!.Target.ShouldBe(new Score(2, 0));

        RiskFields.Set(risk, "target.likelihood", "").Risk!.Target.ShouldBeNull();
    }

    [Fact]
    public void Completing_an_action_keeps_its_date_and_reopening_clears_it()
    {
        var done = RiskFields.Set(Risk, "actions[0].status", "complete").Risk!;
        done = RiskFields.Set(done, "actions[0].completed", "1 Apr 2025").Risk!;
        done.Actions[0].Completed.ShouldBe(new DateOnly(2025, 4, 1));

        RiskFields.Set(done, "actions[0].status", "in_progress").Risk!.Actions[0].Completed.ShouldBeNull();
    }

    [Fact]
    public void Added_items_take_the_next_id_of_their_list()
    {
        var (risk, index) = RiskFields.AddItem(Risk, "actions", null, new DateOnly(2025, 3, 20));

        index.ShouldBe(1);
        risk.Actions[1].Id.ShouldBe("A2");
        RiskFields.AddItem(risk, "controls", null, new DateOnly(2025, 3, 20)).Risk.Controls[0].Id.ShouldBe("C1");
        RiskFields.AddItem(risk, "actions", -1, new DateOnly(2025, 3, 20)).Index.ShouldBe(0);
    }

    [Fact]
    public void A_missing_item_or_unknown_field_is_named()
    {
        RiskFields.Set(Risk, "actions[4].due", "2025-01-01").Error.ShouldBe("actions[4] does not exist");
        RiskFields.Set(Risk, "colour", "red").Error.ShouldBe("colour is not a field of a risk");
    }

    [Fact]
    public void Every_editable_row_can_be_set_to_its_own_value()
    {
        var settings = new RegisterSettings
        {
            People = [new Person { Login = "kbonney", Name = "Kate Bonney", Role = Role.RiskOwner }],
            Objectives = [new Objective { Id = "SO1", ShortTitle = "Quality" }],
        };
        var full = Risk with
        {
            Inherent = new Score(4, 4) { Rationale = "Before controls" },
            Target = new Score(2, 2),
            Controls = [new Control { Id = "C1", Text = "Rota", Owner = "kbonney", Effectiveness = Effectiveness.Effective }],
            Gaps = [new Gap { Id = "G1", Text = "No bank staff", Type = GapType.Assurance }],
            Assurances = [new Assurance { Id = "S1", Text = "Audit", Line = 3, Source = AssuranceSource.Independent, Rating = AssuranceRating.Limited, Key = true, Date = new DateOnly(2025, 1, 1) }],
            LastReviewed = new Review(new DateOnly(2025, 2, 1), "kbonney"),
            NextReview = new DateOnly(2025, 5, 1),
        };

        foreach (var row in RiskFields.Rows(full, settings, []).Where(r => r.IsEditable))
        {
            var (risk, error) = RiskFields.Set(full, row.Path, row.Raw);
            error.ShouldBeNull(row.Path);
            risk.ShouldNotBeNull();
            Core.Changes.RiskComparer.Compare(full, risk, settings).ShouldBeEmpty(row.Path);
        }
    }
}
