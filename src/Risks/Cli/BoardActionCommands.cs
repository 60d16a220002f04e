using System.CommandLine;
using Risks.Core.Board;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Storage.Git;

namespace Risks.Cli;

internal sealed partial class Commands
{
    /// <summary><c>risks board-actions list</c>: the board's action log, open ones first with the overdue at the top.</summary>
    public int BoardActionList(bool all, ParseResult parse)
    {
        var register = Open(parse);
        var (actions, problems) = register.BoardActions.List();
        problems.ToList().ForEach(p => Error.WriteLine(p));
        var today = context.Today;
        // Only register.yaml is read, for the leads' names: not the risks.
        var settings = register.SettingsFile.Read().Stored?.Settings ?? new RegisterSettings();
        var shown = actions.Where(a => all || a.Action.IsOpen)
            .OrderBy(a => a.Action.IsOverdue(today) ? 0 : a.Action.IsOpen ? 1 : 2)
            .ThenBy(a => a.Action.Deadline ?? DateOnly.MaxValue)
            .ThenBy(a => a.Action.Number)
            .ToList();
        foreach (var stored in shown)
        {
            var a = stored.Action;
            var due = a.Deadline is { } deadline ? $"due {Formats.Date(deadline)}{(a.IsOpen ? $" ({Formats.Due(deadline, today)})" : "")}" : "no deadline";
            var state = a.IsOpen ? Vocabulary.Phrase(a.Status) : $"{Vocabulary.Phrase(a.Status)} {Formats.Date(a.Closed)}";
            Out.WriteLine($"{a.Number,4}  {a.Item}: {Core.Domain.Text.Brief(a.Action, 70)}");
            Out.WriteLine($"      {(a.Leads.Count == 0 ? "no lead" : string.Join(", ", a.Leads.Select(settings.NameOf)))}; {due}; {state}{(a.IsOverdue(today) ? "; OVERDUE" : "")}");
        }

        var open = actions.Count(a => a.Action.IsOpen);
        Error.WriteLine($"{Core.Domain.Text.Count(actions.Count, "board action")}: {open} open, {actions.Count(a => a.Action.IsOverdue(today))} overdue{(all ? "" : " (--all shows the complete and closed too)")}.");
        return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Problems;
    }

    /// <summary><c>risks board-actions add</c>: a new action in the log (governance leads), numbered next unless given.</summary>
    public int BoardActionAdd(int? number, string item, string action, string? meeting, string? agendaItem, string[] leads, string? deadline, string[] risks, string? reason, ParseResult parse)
    {
        var register = Open(parse);
        var gate = Gate(register);
        if (Refused(gate.Access.KeepBoardLog("add board actions")) is { } refused)
        {
            return refused;
        }

        if (!TryDate("--meeting", meeting, out var meetingDate) || !TryDate("--deadline", deadline, out var deadlineDate))
        {
            return ExitCodes.Usage;
        }

        var (existing, _) = register.BoardActions.List();
        var next = number ?? (existing.Count == 0 ? 1 : existing.Max(a => a.Action.Number) + 1);
        var added = new BoardAction
        {
            Number = next,
            Meeting = meetingDate,
            AgendaItem = string.IsNullOrWhiteSpace(agendaItem) ? null : agendaItem.Trim(),
            Item = item.Trim(),
            Action = action.Trim(),
            Leads = leads,
            Deadline = deadlineDate,
            Risks = risks,
        };
        return SaveBoardAction(register, gate, added, null, $"Board action {next} added: {Core.Domain.Text.Brief(added.Item, 60)}", reason);
    }

    /// <summary><c>risks board-actions update N --note TEXT</c>: a dated update (its leads or a governance lead), and optionally its status (open or in progress).</summary>
    public int BoardActionUpdate(int number, string note, string? status, ParseResult parse)
    {
        var register = Open(parse);
        if (FindBoardAction(register, number) is not { } stored)
        {
            return ExitCodes.NotFound;
        }

        var gate = Gate(register);
        if (Refused(gate.Access.UpdateBoardAction(stored.Action)) is { } refused)
        {
            return refused;
        }

        var changed = stored.Action with { Updates = [.. stored.Action.Updates, new BoardActionUpdate(context.Today, note.Trim())] };
        if (status is not null)
        {
            if (!Vocabulary.TryParse<BoardActionStatus>(status, out var parsed) || parsed is not (BoardActionStatus.Open or BoardActionStatus.InProgress))
            {
                Error.WriteLine("risks: --status is open or in_progress here; a governance lead closes an action with 'risks board-actions close'");
                return ExitCodes.Usage;
            }

            changed = changed with { Status = parsed };
        }

        return SaveBoardAction(register, gate, changed, stored.Version, $"Board action {number} updated", note);
    }

    /// <summary><c>risks board-actions close N --note TEXT [--as complete|closed]</c>: governance leads; the closing note is required.</summary>
    public int BoardActionClose(int number, string note, string how, ParseResult parse)
    {
        var register = Open(parse);
        if (FindBoardAction(register, number) is not { } stored)
        {
            return ExitCodes.NotFound;
        }

        var gate = Gate(register);
        if (Refused(gate.Access.KeepBoardLog("close board actions")) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            Error.WriteLine("risks: closing a board action needs a closing note (--note): what was done, or why it is closed");
            return ExitCodes.Usage;
        }

        var status = how == "closed" ? BoardActionStatus.Closed : BoardActionStatus.Complete;
        var closed = stored.Action with { Status = status, Closed = context.Today, ClosingNote = note.Trim() };
        return SaveBoardAction(register, gate, closed, stored.Version, $"Board action {number} {Vocabulary.Word(status)}", note);
    }

    private StoredBoardAction? FindBoardAction(Register register, int number)
    {
        var (actions, _) = register.BoardActions.List();
        if (actions.FirstOrDefault(a => a.Action.Number == number) is { } found)
        {
            return found;
        }

        Error.WriteLine($"risks: there is no board action {number} ({BoardActions.PathOf(number)}); 'risks board-actions list --all' lists them");
        return null;
    }

    private int SaveBoardAction(Register register, Risks.App.Gate gate, BoardAction action, string? version, string headline, string? reason)
    {
        var snapshot = register.Reader.Load();
        var ids = snapshot.Risks.Select(r => r.Risk.Id.Identity).ToHashSet(StringComparer.Ordinal);
        return Report($"board action {action.Number}", register.BoardActions.Save(action, version, headline, reason, gate.Author!, snapshot.Settings, ids), gate.Author);
    }

    private bool TryDate(string option, string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (Formats.TryParseDate(text, out var parsed))
        {
            date = parsed;
            return true;
        }

        Error.WriteLine($"risks: {option}: '{text}' is not a date: write it as 2025-03-13, 13/03/2025 or 13 Mar 2025");
        return false;
    }
}
