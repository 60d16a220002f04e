using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Core.Tests.Validation;

public sealed class RegisterValidatorTests
{
    private static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal) { "BAF-7", "CRR-18" };

    private static IEnumerable<(string Path, string Message)> Check(Risk risk, RegisterSettings? settings = null) =>
        RegisterValidator.CrossCheck(risk, settings ?? Samples.Settings(), Known).Select(i => (i.Path, i.Message));

    [Fact]
    public void A_risk_that_names_only_known_things_passes()
    {
        Check(Samples.Inequalities() with { Category = "quality" }).ShouldBeEmpty();
    }

    [Fact]
    public void An_owner_not_among_the_people_is_reported()
    {
        Check(Samples.Inequalities() with { Owner = "zsmith" })
            .ShouldBe([("owner", "owner names zsmith, who is not among register.yaml's people")]);
    }

    [Fact]
    public void Every_login_a_risk_names_is_checked()
    {
        var risk = Samples.Inequalities();
        risk = risk with
        {
            Leads = ["etimpson", "nobody"],
            Controls = [risk.Controls[0] with { Owner = "ghost" }],
            Actions = [risk.Actions[0] with { Owner = "phantom" }],
            LastReviewed = new Review(new DateOnly(2025, 3, 4), "stranger"),
        };

        Check(risk).Select(i => i.Path).ShouldBe(["leads[1]", "controls[0].owner", "actions[0].owner", "last_reviewed.by"]);
    }

    [Fact]
    public void An_unknown_objective_is_reported_with_the_known_ones()
    {
        Check(Samples.Inequalities() with { Objectives = ["SO2", "SO9"] })
            .ShouldBe([("objectives[1]", "objective 2 must be one of register.yaml's objectives (SO1 or SO2), found \"SO9\"")]);
    }

    [Fact]
    public void An_unknown_category_is_reported_with_the_known_ones()
    {
        Check(Samples.Inequalities() with { Category = "Finance" })
            .ShouldBe([("category", "category must be one of register.yaml's categories (Workforce or Quality), found \"Finance\"")]);
    }

    [Fact]
    public void Any_category_is_accepted_when_the_register_lists_none()
    {
        Check(Samples.Inequalities() with { Category = "Finance" }, Samples.Settings() with { Categories = [] }).ShouldBeEmpty();
    }

    [Fact]
    public void A_linked_risk_missing_from_the_register_is_reported()
    {
        Check(Samples.Inequalities() with { LinkedRisks = ["CRR-018", "CRR-099"] })
            .ShouldBe([("linked_risks[1]", "linked risk 2 names CRR-099, which is not in the register")]);
    }

    [Fact]
    public void A_linked_risk_is_found_whatever_its_leading_zeros()
    {
        Check(Samples.Inequalities() with { LinkedRisks = ["CRR-18", "CRR-0018"] }).ShouldBeEmpty();
    }

    [Fact]
    public void A_merge_into_a_risk_missing_from_the_register_is_reported()
    {
        var risk = Samples.Inequalities() with
        {
            Status = RiskStatus.Merged,
            Closure = new Closure { Date = new DateOnly(2025, 3, 1), Rationale = "Same.", MergedInto = "BAF-99" },
        };

        Check(risk).ShouldBe([("closure.merged_into", "merged into names BAF-99, which is not in the register")]);
    }
}
