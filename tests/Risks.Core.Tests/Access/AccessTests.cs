using Risks.Core.Domain;

namespace Risks.Core.Tests.Access;

public sealed class AccessTests
{
    private static readonly RegisterSettings Settings = new()
    {
        People =
        [
            new Person { Login = "lead", Name = "Grace Lead", Role = Role.GovernanceLead },
            new Person { Login = "rjarvis", Name = "Rebecca Jarvis", Role = Role.RiskOwner },
            new Person { Login = "etimpson", Name = "Emma Timpson", Role = Role.RiskOwner },
            new Person { Login = "kbonney", Name = "Kathy Bonney", Role = Role.RiskOwner },
            new Person { Login = "audit", Name = "Audit Chair", Role = Role.Reviewer },
        ],
    };

    private static readonly Risk Baf07 = Samples.Inequalities();

    private static Core.Access.Access As(string login) => Core.Access.Access.For(Settings, login);

    [Fact]
    public void Governance_leads_edit_every_risk_add_risks_and_cut_iterations()
    {
        var lead = As("lead");

        lead.Edit(Baf07).Allowed.ShouldBeTrue();
        lead.Edit(Samples.Operational()).Allowed.ShouldBeTrue();
        lead.Create().Allowed.ShouldBeTrue();
        lead.CutIteration().Allowed.ShouldBeTrue();
        lead.Describe().ShouldBe("Grace Lead (lead), governance lead");
    }

    [Fact]
    public void Risk_owners_edit_the_risks_they_own_or_lead_and_nothing_else()
    {
        As("rjarvis").Edit(Baf07).Allowed.ShouldBeTrue();
        As("etimpson").Edit(Baf07).Allowed.ShouldBeTrue("a lead of the risk may edit it");

        var refused = As("kbonney").Edit(Baf07);
        refused.Allowed.ShouldBeFalse();
        refused.Reason.ShouldBe("Kathy Bonney is a risk owner and may edit only the risks they own or lead; BAF-07 is owned by Rebecca Jarvis");
    }

    [Fact]
    public void Risk_owners_cannot_add_risks_or_cut_iterations()
    {
        As("rjarvis").Create().Reason.ShouldBe("only governance leads may add risks; Rebecca Jarvis is a risk owner");
        As("rjarvis").CutIteration().Reason.ShouldBe("only governance leads may cut or remove iterations; Rebecca Jarvis is a risk owner");
    }

    [Fact]
    public void Reviewers_write_nothing_and_are_told_how_that_changes()
    {
        var reviewer = As("audit");

        reviewer.Edit(Baf07).Allowed.ShouldBeFalse();
        reviewer.Edit(Baf07).Reason.ShouldBe("Audit Chair is a reviewer: reviewers read the register but change nothing; ask a governance lead to change your role in register.yaml");
        reviewer.Create().Allowed.ShouldBeFalse();
        reviewer.CutIteration().Allowed.ShouldBeFalse();
    }

    [Fact]
    public void A_login_not_among_the_people_reads_only()
    {
        var stranger = As("someone");

        stranger.Person.ShouldBeNull();
        stranger.Role.ShouldBeNull();
        stranger.Describe().ShouldBe("someone (not among register.yaml's people)");
        stranger.Edit(Baf07).Reason.ShouldBe("your login 'someone' is not among register.yaml's people, so the register is read-only for you; a governance lead can add you");
        stranger.Create().Allowed.ShouldBeFalse();
    }

    [Fact]
    public void Logins_are_matched_exactly()
    {
        As("RJarvis").Edit(Baf07).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void A_save_must_be_allowed_for_the_risk_as_it_was_and_as_it_will_be()
    {
        As("rjarvis").Save(Baf07, Baf07 with { Performance = "Better" }).Allowed.ShouldBeTrue();
        As("rjarvis").Save(null, Baf07).Reason.ShouldBe("only governance leads may add risks; Rebecca Jarvis is a risk owner");
        As("rjarvis").Save(Baf07, Baf07 with { Owner = "kbonney", Leads = [] }).Reason
            .ShouldBe("Rebecca Jarvis is a risk owner and may not give BAF-07 to Kathy Bonney; only a governance lead may change who owns a risk");
        As("kbonney").Save(Baf07, Baf07 with { Owner = "kbonney" }).Allowed.ShouldBeFalse("an owner may not take on a risk that is not theirs");
        As("lead").Save(Baf07, Baf07 with { Owner = "kbonney" }).Allowed.ShouldBeTrue();
        As("audit").Save(Baf07, Baf07).Allowed.ShouldBeFalse();
        As("lead").ChangeSettings().Allowed.ShouldBeTrue();
        As("rjarvis").ChangeSettings().Reason.ShouldBe("only governance leads may change the register's settings (its people and their roles, objectives, categories, scoring words, bands and partner risks); Rebecca Jarvis is a risk owner");
    }
}
