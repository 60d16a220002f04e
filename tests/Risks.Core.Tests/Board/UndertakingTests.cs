using Risks.Core.Board;
using Risks.Core.Domain;

namespace Risks.Core.Tests.Board;

public sealed class UndertakingTests
{
    private static readonly IReadOnlySet<string> Risks = new HashSet<string>(StringComparer.Ordinal) { "BAF-7" };

    private static Undertaking Backlog() => new()
    {
        Number = 2,
        Title = "Elective backlog",
        Regulator = "NHS Improvement",
        Conditions = ["FT4(5)(a)"],
        Text = "Reduce the 52-week backlog.",
        Leads = ["kbonney"],
        Milestones =
        [
            new UndertakingMilestone("Trajectory submitted", new DateOnly(2025, 1, 31), new DateOnly(2025, 1, 28)),
            new UndertakingMilestone("Backlog below 6,900", new DateOnly(2025, 3, 1), null),
            new UndertakingMilestone("Backlog cleared", new DateOnly(2025, 9, 30), null),
        ],
        Risks = ["BAF-07"],
    };

    [Fact]
    public void A_milestone_not_met_by_its_date_makes_an_open_undertaking_overdue_and_the_next_is_the_earliest_not_met()
    {
        var u = Backlog();

        u.Overdue(Samples.Today).Select(m => m.Text).ShouldBe(["Backlog below 6,900"]);
        u.Next!.Text.ShouldBe("Backlog below 6,900");
        u.MilestoneCount.ShouldBe("1 of 3 milestones met");
        (u with { Status = UndertakingStatus.Met, Closed = Samples.Today, ClosingNote = "Met." }).IsOverdue(Samples.Today).ShouldBeFalse();
    }

    [Fact]
    public void An_undertaking_names_its_regulator_and_what_was_undertaken_and_closing_needs_a_date_and_a_note()
    {
        Backlog().Problems(Samples.Settings(), Risks).ShouldBeEmpty();

        (Backlog() with { Regulator = "", Text = " ", Status = UndertakingStatus.Met, Milestones = [new UndertakingMilestone("", null, null)], Leads = ["ghost"] })
            .Problems(Samples.Settings(), Risks).Select(p => $"{p.Path}: {p.Message}").ShouldBe(
            [
                "leads[0]: lead \"ghost\" is not among register.yaml's people",
                "regulator: regulator is required: who the undertaking was given to",
                "undertaking: undertaking is required: what the organisation undertook to do",
                "milestones[0].text: a milestone says what is to be done by its date",
                "closed: closed is required for a met undertaking: the date",
                "closing_note: closing_note is required for a met undertaking: what was done, or why it is closed",
            ]);
    }

    [Fact]
    public void Two_versions_are_compared_fact_by_fact_in_the_boards_words()
    {
        var before = Backlog();
        var after = before with
        {
            Milestones = [before.Milestones[0], before.Milestones[1] with { Met = new DateOnly(2025, 3, 10) }, before.Milestones[2]],
            Evidence = [new UndertakingEvidence(new DateOnly(2025, 3, 10), "Backlog at 6,850.", "SOAG minutes")],
            Leads = [],
        };

        TrackedChanges.Describe(before, after, Samples.Settings()).ShouldBe(
        [
            "milestone 2 met: 10 Mar 2025 (added)",
            "evidence 1: 10 Mar 2025: Backlog at 6,850. (SOAG minutes) (added)",
            "leads removed (was Kathy Bonney)",
        ]);
        TrackedChanges.Describe(null, before, Samples.Settings()).ShouldContain("title: Elective backlog (added)");
    }

    [Fact]
    public void Each_lead_is_reminded_of_the_milestones_due_and_not_met()
    {
        var digest = Core.Reminders.Reminders.For([], Samples.Settings(), Samples.Today, 14, undertakings: [Backlog()]).ShouldHaveSingleItem();

        digest.Person.Login.ShouldBe("kbonney");
        digest.Items.ShouldHaveSingleItem().What.ShouldBe("undertaking 2 to NHS Improvement, Elective backlog: milestone 2, Backlog below 6,900 (risks undertakings met 2 2)");
        digest.Items[0].Group.ShouldBe("Undertakings to regulators");
    }
}
