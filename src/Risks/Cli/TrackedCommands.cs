using System.CommandLine;
using Risks.App;
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
        var settings = SettingsOnly(register);
        foreach (var a in TrackedText.InLogOrder(actions.Select(s => s.Item), today).Where(a => all || a.IsOpen))
        {
            Out.WriteLine($"{a.Number,4}  {a.Item}: {Core.Domain.Text.Brief(a.Action, 70)}");
            Out.WriteLine($"      {(a.Leads.Count == 0 ? "no lead" : string.Join(", ", a.Leads.Select(settings.NameOf)))}; {TrackedText.Due(a.Deadline, a.IsOpen, today)}; {TrackedText.State(a)}{(a.IsOverdue(today) ? "; OVERDUE" : "")}");
        }

        var open = actions.Count(a => a.Item.IsOpen);
        Error.WriteLine($"{Core.Domain.Text.Count(actions.Count, "board action")}: {open} open, {actions.Count(a => a.Item.IsOverdue(today))} overdue{(all ? "" : " (--all shows the complete and closed too)")}.");
        return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Problems;
    }

    /// <summary><c>risks board-actions show N</c>: one action in full, and every commit that changed it.</summary>
    public int BoardActionShow(int number, ParseResult parse)
    {
        var register = Open(parse);
        return ShowTracked(register, register.BoardActions, number, a => TrackedText.Lines(a, SettingsOnly(register), context.Today));
    }

    /// <summary><c>risks board-actions add</c>: a new action in the log (governance leads), numbered next unless given.</summary>
    public int BoardActionAdd(int? number, string item, string action, string? meeting, string? agendaItem, string[] leads, string? deadline, string[] risks, string? reason, ParseResult parse)
    {
        if (!TryDate("--meeting", meeting, out var meetingDate) || !TryDate("--deadline", deadline, out var deadlineDate))
        {
            return ExitCodes.Usage;
        }

        var added = new BoardAction
        {
            Number = number ?? 0,
            Meeting = meetingDate,
            AgendaItem = string.IsNullOrWhiteSpace(agendaItem) ? null : agendaItem.Trim(),
            Item = item.Trim(),
            Action = action.Trim(),
            Leads = leads,
            Deadline = deadlineDate,
            Risks = risks,
        };
        return Tracked(parse, work => work.AddBoardAction(added, reason));
    }

    /// <summary><c>risks board-actions update N --note TEXT</c>: a dated update (its leads or a governance lead), and optionally its status (open or in progress).</summary>
    public int BoardActionUpdate(int number, string note, string? status, ParseResult parse)
    {
        BoardActionStatus? parsed = null;
        if (status is not null)
        {
            if (!Vocabulary.TryParse<BoardActionStatus>(status, out var value) || value is not (BoardActionStatus.Open or BoardActionStatus.InProgress))
            {
                Error.WriteLine("risks: --status is open or in_progress here; a governance lead closes an action with 'risks board-actions close'");
                return ExitCodes.Usage;
            }

            parsed = value;
        }

        return Tracked(parse, work => work.UpdateBoardAction(number, note, parsed));
    }

    /// <summary><c>risks board-actions close N --note TEXT [--as complete|closed]</c>: governance leads; the closing note is required.</summary>
    public int BoardActionClose(int number, string note, string how, ParseResult parse) =>
        Tracked(parse, work => work.CloseBoardAction(number, note, how == "closed" ? BoardActionStatus.Closed : BoardActionStatus.Complete));

    /// <summary><c>risks undertakings list</c>: open undertakings, those with an overdue milestone first.</summary>
    public int UndertakingList(bool all, ParseResult parse)
    {
        var register = Open(parse);
        var (undertakings, problems) = register.Undertakings.List();
        problems.ToList().ForEach(p => Error.WriteLine(p));
        var today = context.Today;
        var settings = SettingsOnly(register);
        foreach (var u in TrackedText.InLogOrder(undertakings.Select(s => s.Item), today).Where(u => all || u.IsOpen))
        {
            Out.WriteLine($"{u.Number,4}  {u.Title} (to {u.Regulator}): {Core.Domain.Text.Brief(u.Text, 60)}");
            Out.WriteLine($"      {(u.Leads.Count == 0 ? "no lead" : string.Join(", ", u.Leads.Select(settings.NameOf)))}; {u.MilestoneCount}; {TrackedText.NextStep(u, today)}{(u.IsOverdue(today) ? "; OVERDUE" : "")}");
        }

        Error.WriteLine($"{Core.Domain.Text.Count(undertakings.Count, "undertaking")}: {undertakings.Count(u => u.Item.IsOpen)} open, {undertakings.Count(u => u.Item.IsOverdue(today))} with a milestone overdue{(all ? "" : " (--all shows the met and closed too)")}.");
        return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Problems;
    }

    /// <summary><c>risks undertakings show N</c>: one undertaking in full, and every commit that changed it.</summary>
    public int UndertakingShow(int number, ParseResult parse)
    {
        var register = Open(parse);
        return ShowTracked(register, register.Undertakings, number, u => TrackedText.Lines(u, SettingsOnly(register), context.Today));
    }

    /// <summary><c>risks undertakings add</c>: a new undertaking (governance leads), numbered next unless given.</summary>
    public int UndertakingAdd(int? number, string title, string regulator, string undertaking, string? concern, string[] conditions, string? given, string[] leads, string[] risks, string? reason, ParseResult parse)
    {
        if (!TryDate("--given", given, out var givenDate))
        {
            return ExitCodes.Usage;
        }

        var added = new Undertaking
        {
            Number = number ?? 0,
            Title = title.Trim(),
            Regulator = regulator.Trim(),
            Given = givenDate,
            Concern = string.IsNullOrWhiteSpace(concern) ? null : concern.Trim(),
            Conditions = [.. conditions.Select(c => c.Trim())],
            Text = undertaking.Trim(),
            Leads = leads,
            Risks = risks,
        };
        return Tracked(parse, work => work.AddUndertaking(added, reason));
    }

    /// <summary><c>risks undertakings milestone N --text T [--due DATE]</c>: a milestone added (governance leads).</summary>
    public int UndertakingMilestone(int number, string text, string? due, ParseResult parse) =>
        TryDate("--due", due, out var dueDate) ? Tracked(parse, work => work.AddMilestone(number, text, dueDate)) : ExitCodes.Usage;

    /// <summary><c>risks undertakings met N K [--on DATE] [--evidence TEXT] [--reference REF]</c>: milestone K met (its leads or a governance lead).</summary>
    public int UndertakingMet(int number, int milestone, string? on, string? evidence, string? reference, ParseResult parse) =>
        TryDate("--on", on, out var onDate) ? Tracked(parse, work => work.MilestoneMet(number, milestone, onDate ?? work.Today, evidence, reference)) : ExitCodes.Usage;

    /// <summary><c>risks undertakings evidence N --text T [--reference REF]</c>: evidence of compliance, dated today.</summary>
    public int UndertakingEvidence(int number, string text, string? reference, ParseResult parse) =>
        Tracked(parse, work => work.AddEvidence(number, text, reference));

    /// <summary><c>risks undertakings close N --note TEXT [--as met|closed]</c>: governance leads; the closing note is required.</summary>
    public int UndertakingClose(int number, string note, string how, ParseResult parse) =>
        Tracked(parse, work => work.CloseUndertaking(number, note, how == "closed" ? UndertakingStatus.Closed : UndertakingStatus.Met));

    private static RegisterSettings SettingsOnly(Register register) => register.SettingsFile.Read().Stored?.Settings ?? new RegisterSettings();

    private int ShowTracked<T>(Register register, TrackedItems<T> items, int number, Func<T, IReadOnlyList<string>> lines)
        where T : class, ITrackedItem
    {
        var (all, _) = items.List();
        if (all.FirstOrDefault(a => a.Item.Number == number) is not { } stored)
        {
            Error.WriteLine($"risks: there is no {items.Kind.Noun} {number} ({items.PathOf(number)}); 'risks {items.Kind.Folder} list --all' lists them");
            return ExitCodes.NotFound;
        }

        lines(stored.Item).ToList().ForEach(Out.WriteLine);
        Out.WriteLine();
        TrackedText.History(items.History(number, SettingsOnly(register))).ToList().ForEach(Out.WriteLine);
        return ExitCodes.Ok;
    }

    /// <summary>Runs one change to a board action or undertaking, as the person running the program, and reports it.</summary>
    private int Tracked(ParseResult parse, Func<TrackedWork, TrackedResult> change)
    {
        var register = Open(parse);
        var work = TrackedWork.For(register, context.Login, context.Today);
        var result = change(work);
        if (result.Refusal is { } refusal)
        {
            Error.WriteLine($"risks: {refusal}{(result.Why == TrackedRefusal.NotFound ? $"; 'risks {(result.What.StartsWith("board", StringComparison.Ordinal) ? "board-actions" : "undertakings")} list --all' lists them" : "")}");
            return result.Why switch
            {
                TrackedRefusal.NotFound => ExitCodes.NotFound,
                TrackedRefusal.NotAllowed => ExitCodes.NotAllowed,
                _ => ExitCodes.Usage,
            };
        }

        return Report(result.What, result.Outcome, work.Gate.Author);
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
