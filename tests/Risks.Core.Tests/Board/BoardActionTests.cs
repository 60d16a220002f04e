using Risks.Core.Board;
using Risks.Core.Domain;

namespace Risks.Core.Tests.Board;

public sealed class BoardActionTests
{
    private static readonly IReadOnlySet<string> Risks = new HashSet<string>(StringComparer.Ordinal) { "BAF-7" };

    private static BoardAction Open() => new()
    {
        Number = 56,
        Meeting = new DateOnly(2025, 1, 16),
        AgendaItem = "12",
        Item = "Primary Care and Alliance Report",
        Action = "Report on Direct Enhanced Services.",
        Leads = ["kbonney"],
        Deadline = new DateOnly(2025, 3, 1),
        Risks = ["BAF-07"],
    };

    [Fact]
    public void An_open_action_past_its_deadline_is_overdue_and_a_closed_one_is_not()
    {
        Open().IsOverdue(Samples.Today).ShouldBeTrue();
        (Open() with { Status = BoardActionStatus.Complete, Closed = Samples.Today, ClosingNote = "Done." }).IsOverdue(Samples.Today).ShouldBeFalse();
    }

    [Fact]
    public void Closing_needs_a_date_and_a_note_and_leads_and_risks_must_exist()
    {
        Open().Problems(Samples.Settings(), Risks).ShouldBeEmpty();

        (Open() with { Status = BoardActionStatus.Closed, Leads = ["ghost"], Risks = ["CRR-999"] }).Problems(Samples.Settings(), Risks).Select(p => p.Message).ShouldBe(
        [
            "lead \"ghost\" is not among register.yaml's people",
            "risk \"CRR-999\" is not in the register",
            "closed is required for a closed action: the date",
            "closing_note is required for a closed action: what was done, or why it is closed",
        ]);
    }

    [Fact]
    public void Its_leads_are_reminded_of_an_open_action_by_its_deadline()
    {
        var digests = Core.Reminders.Reminders.For([], Samples.Settings(), Samples.Today, 14, boardActions: [Open()]);

        digests.ShouldHaveSingleItem().Person.Login.ShouldBe("kbonney");
        digests[0].Body("Org", Samples.Today, 14).ShouldContain("Overdue (1)\n  Board action log\n    - 1 week overdue (1 Mar 2025): board action 56, Primary Care and Alliance Report: Report on Direct Enhanced Services. (risks board-actions update 56 --note ...)\n");
    }
}
