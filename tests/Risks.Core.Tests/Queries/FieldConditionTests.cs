using Risks.Core.Domain;
using Risks.Core.Queries;

namespace Risks.Core.Tests.Queries;

public sealed class FieldConditionTests
{
    private static readonly RegisterSettings Settings = Samples.Settings() with
    {
        CustomFields = [new CustomField { Key = "cqc_domain", Label = "CQC domain", Type = CustomFieldType.Choice, Choices = ["Safe", "Well-led"] }],
    };

    private static readonly Risk WellLed = Samples.Inequalities() with
    {
        Custom = new Dictionary<string, CustomValue>(StringComparer.Ordinal) { ["cqc_domain"] = CustomValue.Of("Well-led") },
    };

    private static FieldCondition Parse(string text) => FieldCondition.Parse(text, Settings).Condition.ShouldNotBeNull();

    [Fact]
    public void A_field_of_the_register_s_own_matches_its_value_in_any_case()
    {
        Parse("custom.cqc_domain=well-led").Matches(WellLed).ShouldBeTrue();
        Parse("custom.cqc_domain=Safe").Matches(WellLed).ShouldBeFalse();
        Parse("custom.cqc_domain=").Matches(Samples.Inequalities()).ShouldBeTrue();
    }

    [Fact]
    public void Built_in_fields_lists_and_parts_of_items_match_as_typed()
    {
        Parse("owner=Rebecca Jarvis").Matches(WellLed).ShouldBe(WellLed.Owner == "rjarvis");
        Parse("objectives=SO2").Matches(WellLed).ShouldBe(WellLed.Objectives.Contains("SO2"));
        Parse("actions[].due=30 Apr 2025").Matches(WellLed).ShouldBeTrue();
        Parse("current.likelihood=4").Matches(WellLed).ShouldBeTrue();
    }

    [Fact]
    public void A_value_the_field_does_not_take_or_an_unknown_field_is_refused()
    {
        FieldCondition.Parse("custom.cqc_domain=Kind", Settings).Error.ShouldBe("custom.cqc_domain must be Safe or Well-led, found \"Kind\"");
        FieldCondition.Parse("colour=red", Settings).Error!.ShouldStartWith("\"colour\" is not a field");
        FieldCondition.Parse("cqc_domain", Settings).Error!.ShouldContain("is not FIELD=VALUE");
    }
}
