
using Risks.Core.Changes;
using Risks.Core.Domain;

namespace Risks.Core.Tests.Changes;

public sealed class SignOffsTests
{
    private static readonly SignOff ByRebecca = new() { By = "rjarvis", Date = new DateOnly(2025, 3, 3), Version = new string('a', 40) };

    [Fact]
    public void A_sign_off_holds_until_a_material_field_changes()
    {
        var signed = Samples.Inequalities();
        var current = signed with { SignOff = ByRebecca, Performance = "Better.", NextReview = new DateOnly(2025, 6, 1) };

        var holds = SignOffs.Of(current, signed, Samples.Settings());

        holds.Status.ShouldBe(SignOffStatus.Current, "performance and the review date are not material");
        holds.Describe(Samples.Settings()).ShouldBe("Signed off by Rebecca Jarvis on 3 Mar 2025");

        var rescored = current with { Current = new Score(3, 3), Actions = [.. current.Actions.Skip(1)] };
        var lapsed = SignOffs.Of(rescored, signed, Samples.Settings());

        lapsed.Status.ShouldBe(SignOffStatus.Lapsed);
        lapsed.Describe(Samples.Settings()).ShouldBe("signed off by Rebecca Jarvis on 3 Mar 2025; changed since (current likelihood and action A1)");
    }

    [Fact]
    public void No_sign_off_or_a_version_that_cannot_be_found()
    {
        SignOffs.Of(Samples.Inequalities(), null).Status.ShouldBe(SignOffStatus.None);
        SignOffs.Of(Samples.Inequalities() with { SignOff = ByRebecca }, null).ChangedSince.ShouldBe(["the version signed cannot be found"]);
    }

    [Fact]
    public void The_schema_marks_scores_controls_gaps_assurances_and_actions_as_material()
    {
        SignOffs.MaterialKeys.Order(StringComparer.Ordinal).ShouldBe(["actions", "assurances", "controls", "current", "gaps", "inherent", "target"]);
    }

    [Fact]
    public void The_owner_or_a_person_given_the_right_may_sign_off_and_only_in_their_own_name()
    {
        var settings = Samples.Settings() with
        {
            People = [.. Samples.Settings().People, new Person { Login = "chair", Name = "Board Chair", Role = Role.Reviewer, SignsOff = true }],
        };
        var risk = Samples.Inequalities();

        Risks.Core.Access.Access.For(settings, "rjarvis").SignOff(risk).Allowed.ShouldBeTrue("the owner");
        Risks.Core.Access.Access.For(settings, "chair").SignOff(risk).Allowed.ShouldBeTrue("signs_off: true, though a reviewer");
        Risks.Core.Access.Access.For(settings, "kbonney").SignOff(risk).Reason.ShouldBe("only BAF-07's owner (Rebecca Jarvis) or someone with signs_off: true in register.yaml may sign it off");

        var byChair = risk with { SignOff = ByRebecca with { By = "chair" } };
        Risks.Core.Access.Access.For(settings, "chair").Save(risk, byChair).Allowed.ShouldBeTrue("a reviewer who may sign off may save the sign-off alone");
        Risks.Core.Access.Access.For(settings, "chair").Save(risk, byChair with { Title = "Changed" }).Allowed.ShouldBeFalse("but nothing more");
        Risks.Core.Access.Access.For(settings, "rjarvis").Save(risk, byChair).Reason.ShouldBe("a sign-off is made by the person it names; chair must sign BAF-07 off themselves");
    }

    [Fact]
    public void A_sign_off_commit_says_so_in_its_headline()
    {
        var before = Samples.Inequalities();
        var after = before with { SignOff = ByRebecca };

        ChangeSummary.Headline(before, after, RiskComparer.Compare(before, after)).ShouldBe("BAF-07 Inequalities: signed off by rjarvis");
        RiskComparer.Compare(before, after, Samples.Settings()).Select(c => c.Description).ShouldBe(["signed off by Rebecca Jarvis on 2025-03-03"], "one event, as a comparison of iterations shows it");
        RiskComparer.Compare(after, before, Samples.Settings()).Select(c => c.Description).ShouldBe(["sign-off removed"]);
    }
}
