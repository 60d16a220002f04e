using Risks.Core.Domain;
using Risks.Core.Schema;

namespace Risks.Core.Tests.Schema;

/// <summary>Readers set a field of a record they have just made in place where the field allows it; the result is the record a copy would give.</summary>
public sealed class InPlaceTests
{
    [Theory]
    [InlineData("title")]
    [InlineData("owner")]
    [InlineData("category")]
    [InlineData("current")]
    [InlineData("controls[].text")]
    [InlineData("controls")]
    [InlineData("actions[].due")]
    [InlineData("closure")]
    [InlineData("id")]
    [InlineData("kind")]
    [InlineData("narrative")]
    [InlineData("current.impact")]
    [InlineData("last_reviewed.date")]
    public void A_field_whose_set_only_puts_the_value_in_one_property_is_set_in_place(string path)
    {
        Field(path).Assign.ShouldNotBeNull();
    }

    [Fact]
    public void A_status_is_set_in_place_only_while_there_is_no_closure_or_completed_date_that_its_set_would_clear()
    {
        var risk = Samples.Operational() with { Closure = null };
        Field("status").Assign!(risk, "closed").ShouldBeTrue();
        risk.Status.ShouldBe(RiskStatus.Closed);
        var closing = Samples.Operational() with { Status = RiskStatus.Closed, Closure = new Closure() };
        Field("status").Assign!(closing, "open").ShouldBeFalse();
        ((Risk)Field("status").SetOnNew(closing, "open")).Closure.ShouldBeNull();

        var action = new RiskAction { Id = "A1", Status = ActionStatus.NotStarted };
        Field("actions[].status").Assign!(action, "in_progress").ShouldBeTrue();
        action.Status.ShouldBe(ActionStatus.InProgress);
        var done = new RiskAction { Id = "A2", Status = ActionStatus.Complete, Completed = new DateOnly(2025, 6, 1) };
        Field("actions[].status").Assign!(done, "in_progress").ShouldBeFalse();
        ((RiskAction)Field("actions[].status").SetOnNew(done, "in_progress")).Completed.ShouldBeNull();
    }

    [Fact]
    public void A_field_whose_set_gives_a_default_when_there_is_no_value_leaves_that_to_the_set()
    {
        var score = new Score(3, 4);
        Field("current.impact").Assign!(score, null).ShouldBeFalse();
        ((Score)Field("current.impact").SetOnNew(score, null)).ShouldBe(new Score(0, 4));
        score.Impact.ShouldBe(3);

        var risk = Samples.Inequalities();
        risk.Kind.ShouldBe(RiskKind.Strategic);
        Field("kind").Assign!(risk, "not a kind").ShouldBeFalse();
        ((Risk)Field("kind").SetOnNew(risk, "not a kind")).Kind.ShouldBe(RiskKind.Operational);
        Field("narrative").Assign!(risk, null).ShouldBeFalse();
        ((Risk)Field("narrative").SetOnNew(risk, null)).Narrative.ShouldBe(new Narrative());
        Field("narrative").Assign!(risk, new Narrative { Cause = "Demand." }).ShouldBeTrue();
        risk.Narrative.Cause.ShouldBe("Demand.");
    }

    [Fact]
    public void Every_field_of_a_risk_or_item_set_in_place_gives_what_its_copying_set_gives_and_changes_nothing_else()
    {
        var source = Samples.Inequalities();
        var target = Samples.Operational();
        Check(RiskSchema.BuiltIn, source, target);
        Check(Field("controls").Parts, new Control { Id = "C1", Text = "Weekly staffing huddle.", Owner = "kbonney" }, new Control { Id = "C2", Text = "Bank staff.", Owner = null });
        Check(
            Field("actions").Parts,
            new RiskAction { Id = "A1", Text = "Recruit.", Owner = "kbonney", Due = new DateOnly(2025, 3, 31), Status = ActionStatus.InProgress, Update = "Two posts filled." },
            new RiskAction { Id = "A2", Text = "Review.", Owner = "rjarvis", Due = new DateOnly(2025, 6, 30), Status = ActionStatus.Complete, Completed = new DateOnly(2025, 6, 1) });
        RiskSchema.Flatten(RiskSchema.BuiltIn).Count(f => f.Assign is not null).ShouldBeGreaterThan(30);
    }

    private static void Check(IReadOnlyList<Field> fields, object source, object target)
    {
        foreach (var field in fields.Where(f => f.Assign is not null))
        {
            var value = field.Get(source);
            var copied = field.Set(target, value);
            var fresh = field.Set(target, field.Get(target));
            var inPlace = field.Assign!(field.Set(target, field.Get(target)), value);
            var assigned = field.SetOnNew(fresh, value);
            if (inPlace)
            {
                assigned.ShouldBeSameAs(fresh, field.Path);
            }

            foreach (var other in fields)
            {
                Value(other.Get(assigned)).ShouldBe(Value(other.Get(copied)), $"{other.Path} after {field.Path} was set");
            }
        }
    }

    /// <summary>A value to compare: a list by its entries, as records compare lists by reference.</summary>
    private static object? Value(object? value) => value is System.Collections.IEnumerable list and not string ? string.Join("|", list.Cast<object>()) : value;

    private static Field Field(string path) => RiskSchema.Flatten(RiskSchema.BuiltIn).Single(f => f.Path == path);
}
