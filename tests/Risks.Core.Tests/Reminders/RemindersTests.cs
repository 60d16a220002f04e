using Risks.Core.Domain;
using Risks.Core.Reminders;

namespace Risks.Core.Tests.Reminders;

public sealed class RemindersTests
{
    // Samples.Today is 13 Mar 2025; BAF-07 (owner rjarvis) is next reviewed on 6 May 2025; its actions are etimpson's:
    // A1 due 30 Jun 2025 in progress, A2 complete, A3 due 30 Apr 2025 not started.
    private static IReadOnlyList<Digest> For(int days, params Risk[] risks) =>
        Core.Reminders.Reminders.For(risks, Samples.Settings(), Samples.Today, days);

    [Fact]
    public void Each_person_gets_what_is_theirs_within_the_window_and_nobody_gets_an_empty_one()
    {
        var digests = For(60, Samples.Inequalities());

        digests.Select(d => d.Person.Login).ShouldBe(["rjarvis", "etimpson"]);
        digests[0].Items.ShouldHaveSingleItem().Kind.ShouldBe(ReminderKind.Review);
        digests[1].Items.Select(i => i.ItemId).ShouldBe(["A3"], "A1 is due after the window and A2 is complete");
        For(7, Samples.Inequalities()).ShouldBeEmpty();
    }

    [Fact]
    public void Overdue_items_come_first_and_the_subject_and_body_say_how_late_each_is()
    {
        var risk = Samples.Inequalities() with { NextReview = new DateOnly(2025, 2, 20) };
        risk = risk with { Actions = [.. risk.Actions, new RiskAction { Id = "A4", Text = "Chase.", Owner = "rjarvis", Due = new DateOnly(2025, 3, 16), Status = ActionStatus.InProgress }] };

        var digest = For(14, risk).Single(d => d.Person.Login == "rjarvis");

        digest.Items.Select(i => (i.Kind, i.IsOverdue(Samples.Today))).ShouldBe([(ReminderKind.Review, true), (ReminderKind.Action, false)]);
        digest.Subject("Org", Samples.Today).ShouldBe("Risks: 1 overdue and 1 due soon (Org)");
        var body = digest.Body("Org", Samples.Today, 14);
        body.ShouldContain("Overdue (1)\n  BAF-07 Inequalities\n    - 3 weeks overdue (20 Feb 2025): review the risk\n");
        body.ShouldContain("Due in the next 14 days (1)\n  BAF-07 Inequalities\n    - in 3 days (16 Mar 2025): action A4, Chase.\n");
    }

    [Fact]
    public void Closed_risks_and_finished_or_unowned_actions_are_not_reminded_of()
    {
        var risk = Samples.Inequalities();
        For(365, risk with { Status = RiskStatus.Closed }).ShouldBeEmpty();
        For(365, risk with { NextReview = null, Actions = [risk.Actions[1], risk.Actions[0] with { Owner = null }] }).ShouldBeEmpty();
    }

    [Fact]
    public void When_the_register_requires_sign_off_the_owner_is_reminded_of_a_risk_waiting_for_theirs()
    {
        var settings = Samples.Settings() with { RequireSignOff = true };
        var risk = Samples.Inequalities();

        var digest = Core.Reminders.Reminders.For([risk], settings, Samples.Today, 7, signOffWaiting: _ => "not signed off").ShouldHaveSingleItem();

        digest.Person.Login.ShouldBe("rjarvis");
        digest.Body("Org", Samples.Today, 7).ShouldContain("    - today (13 Mar 2025): sign it off for the board (not signed off; risks signoff BAF-07)\n");
        Core.Reminders.Reminders.For([risk], settings, Samples.Today, 7, signOffWaiting: _ => null).ShouldBeEmpty("signed off and holding");
        Core.Reminders.Reminders.For([risk], Samples.Settings(), Samples.Today, 7, signOffWaiting: _ => "not signed off").ShouldBeEmpty("the register does not ask for sign-off");
    }

    [Fact]
    public void Only_the_person_asked_for()
    {
        Core.Reminders.Reminders.For([Samples.Inequalities()], Samples.Settings(), Samples.Today, 60, only: "etimpson")
            .Select(d => d.Person.Login).ShouldBe(["etimpson"]);
    }
}
