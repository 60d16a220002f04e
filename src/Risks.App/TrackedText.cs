using Risks.Core.Board;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Storage.Git;

namespace Risks.App;

/// <summary>
/// Board actions and undertakings in words, the same in the CLI and on screen: the one-line
/// summary a list gives, and the item in full with its history.
/// </summary>
public static class TrackedText
{
    /// <summary>Board actions as the log lists them: open first, the overdue at the top, then by deadline.</summary>
    public static IEnumerable<BoardAction> InLogOrder(IEnumerable<BoardAction> actions, DateOnly today) =>
        actions.OrderBy(a => a.IsOverdue(today) ? 0 : a.IsOpen ? 1 : 2).ThenBy(a => a.Deadline ?? DateOnly.MaxValue).ThenBy(a => a.Number);

    /// <summary>Undertakings open first, those with an overdue milestone at the top, then by their next milestone.</summary>
    public static IEnumerable<Undertaking> InLogOrder(IEnumerable<Undertaking> undertakings, DateOnly today) =>
        undertakings.OrderBy(u => u.IsOverdue(today) ? 0 : u.IsOpen ? 1 : 2).ThenBy(u => u.Next?.Due ?? DateOnly.MaxValue).ThenBy(u => u.Number);

    /// <summary>"due 30 Apr 2025 (2 weeks overdue)", "no deadline", "due 30 Apr 2025" once finished.</summary>
    public static string Due(DateOnly? due, bool open, DateOnly today) =>
        due is { } d ? $"due {Formats.Date(d)}{(open ? $" ({Formats.Due(d, today)})" : "")}" : "no deadline";

    /// <summary>"open", "in progress", "complete 1 Apr 2025".</summary>
    public static string State(BoardAction a) => a.IsOpen ? Vocabulary.Phrase(a.Status) : $"{Vocabulary.Phrase(a.Status)} {Formats.Date(a.Closed)}";

    public static string State(Undertaking u) => u.IsOpen ? Vocabulary.Phrase(u.Status) : $"{Vocabulary.Phrase(u.Status)} {Formats.Date(u.Closed)}";

    /// <summary>An undertaking's next step: "next: Review complete, due 31 Jan 2021 (3 weeks overdue)", or where it stands.</summary>
    public static string NextStep(Undertaking u, DateOnly today) => u.Next is { } next
        ? $"next: {Text.Brief(next.Text, 50)}, {Due(next.Due, true, today)}"
        : u.IsOpen ? "no milestone with a date to come" : State(u);

    public static IReadOnlyList<string> Lines(BoardAction a, RegisterSettings settings, DateOnly today)
    {
        var from = string.Join(", ", new[] { a.AgendaItem is { } n ? $"item {n}" : null, a.Meeting is { } m ? $"board of {Formats.Date(m)}" : null }.OfType<string>());
        var lines = new List<string>
        {
            $"Board action {a.Number}: {a.Item}{(from.Length > 0 ? $" ({from})" : "")}",
            $"Action: {a.Action}",
            $"Leads: {TrackedRules.Names(a.Leads, settings)}; {Due(a.Deadline, a.IsOpen, today)}; {State(a)}{(a.IsOverdue(today) ? "; OVERDUE" : "")}",
        };
        if (a.Risks.Count > 0)
        {
            lines.Add($"Risks: {string.Join(", ", a.Risks)}");
        }

        lines.Add(a.Updates.Count == 0 ? "No updates yet." : "Updates:");
        lines.AddRange(a.Updates.Select(u => $"- {Formats.Date(u.Date)}: {u.Text}"));
        if (a.ClosingNote is { } note)
        {
            lines.Add($"Closing note ({Formats.Date(a.Closed)}): {note}");
        }

        return lines;
    }

    public static IReadOnlyList<string> Lines(Undertaking u, RegisterSettings settings, DateOnly today)
    {
        var lines = new List<string>
        {
            $"Undertaking {u.Number}: {u.Title} (to {u.Regulator}{(u.Given is { } g ? $", given {Formats.Date(g)}" : "")})",
        };
        if (u.Concern is { } concern)
        {
            lines.Add($"Concern: {concern}");
        }

        if (u.Conditions.Count > 0)
        {
            lines.Add($"Licence conditions or regulations: {string.Join(", ", u.Conditions)}");
        }

        lines.Add($"Undertaking: {u.Text}");
        lines.Add($"Leads: {TrackedRules.Names(u.Leads, settings)}; {State(u)}; {u.MilestoneCount}{(u.IsOverdue(today) ? "; OVERDUE" : "")}");
        if (u.Risks.Count > 0)
        {
            lines.Add($"Risks: {string.Join(", ", u.Risks)}");
        }

        lines.Add(u.Milestones.Count == 0 ? "No milestones yet." : "Milestones:");
        lines.AddRange(u.Milestones.Select((m, i) => $"{i + 1}. {m.Text}: {Milestone(m, u.IsOpen, today)}"));
        lines.Add(u.Evidence.Count == 0 ? "No evidence of compliance yet." : "Evidence of compliance:");
        lines.AddRange(u.Evidence.Select(e => $"- {(e.Date is { } d ? Formats.Date(d) + ": " : "")}{e.Text}{(e.Reference is { } r ? $" ({r})" : "")}"));
        if (u.ClosingNote is { } note)
        {
            lines.Add($"Closing note ({Formats.Date(u.Closed)}): {note}");
        }

        return lines;
    }

    /// <summary>"met 28 Jan 2021", "due 31 Jan 2021 (3 weeks overdue)", "no date".</summary>
    public static string Milestone(UndertakingMilestone m, bool open, DateOnly today) =>
        m.Met is { } met ? $"met {Formats.Date(met)}{(m.Due is { } due ? $" (due {Formats.Date(due)})" : "")}"
        : m.Due is { } d ? Due(d, open, today)
        : "no date";

    /// <summary>An item's history, newest first: "13 Mar 2025 14:02, Sarah O'Connor: Board action 54 updated", why, and what changed.</summary>
    public static IReadOnlyList<string> History(IReadOnlyList<TrackedVersion> versions)
    {
        var lines = new List<string> { versions.Count == 0 ? "No commits yet." : $"History ({Text.Count(versions.Count, "commit")}, newest first):" };
        foreach (var v in versions)
        {
            lines.Add($"{Formats.Moment(v.Revision.When)}, {v.Revision.Author}: {v.Revision.Headline} [{v.Revision.Id[..8]}]");
            if (v.Revision.Reason is { } why)
            {
                lines.Add($"  Why: {why.ReplaceLineEndings(" ")}");
            }

            lines.AddRange(v.Changes.Select(c => "  - " + c));
        }

        return lines;
    }
}
