using Risks.Core.Access;
using Risks.Core.Board;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Storage.Git;

namespace Risks.App;

/// <summary>Why a change to a tracked item was not tried: the item is not there, the person may not, or what was asked cannot be done.</summary>
public enum TrackedRefusal { None, NotFound, NotAllowed, BadRequest }

/// <summary>What a change to a tracked item came to: refused (with why), or a save's outcome.</summary>
public sealed record TrackedResult(string What, SaveOutcome? Outcome, string? Refusal = null, TrackedRefusal Why = TrackedRefusal.None)
{
    public static TrackedResult Refused(string what, string why) => new(what, null, why, TrackedRefusal.BadRequest);

    public static TrackedResult NotAllowed(string what, string why) => new(what, null, why, TrackedRefusal.NotAllowed);

    public static TrackedResult Missing(string what, string message) => new(what, null, message, TrackedRefusal.NotFound);

    /// <summary>A sentence for the message line: what was saved, or why not.</summary>
    public string Message => (Refusal, Outcome) switch
    {
        ({ } refusal, _) => refusal,
        (_, SaveOutcome.Saved saved) => $"Saved: {saved.Headline}",
        (_, SaveOutcome.Unchanged) => $"{What} is already like that; nothing to save.",
        (_, SaveOutcome.Conflict conflict) => $"Not saved: {conflict.Message}",
        (_, SaveOutcome.Invalid invalid) => $"{What} was not saved: {string.Join("; ", invalid.Problems)}",
        _ => "",
    };
}

/// <summary>
/// Every change to the board's action log and the undertakings, one commit each, for the CLI and
/// the UI alike: who may make it (by their role as committed), what the new version is, and the
/// commit's first line. Governance leads add, change and close items; an item's leads add its
/// updates, mark its milestones met and add its evidence.
/// </summary>
public sealed class TrackedWork(Register register, Gate gate, RegisterSettings settings, IReadOnlySet<string> riskIdentities, DateOnly today)
{
    /// <summary>For the register as the work tree holds it now.</summary>
    public static TrackedWork For(Register register, string login, DateOnly today)
    {
        // The risks' ids from their files' names: the items name risks, and reading 10,000 of them to check a name would be waste.
        var (settings, _) = register.Reader.ReadSettings();
        return new TrackedWork(register, Gate.For(register.Reader, login), settings ?? new RegisterSettings(), register.Reader.RiskIdentities(), today);
    }

    public DateOnly Today => today;

    public Gate Gate => gate;

    public TrackedResult AddBoardAction(BoardAction draft, string? reason)
    {
        var items = register.BoardActions;
        var number = draft.Number > 0 ? draft.Number : Next(items);
        var what = $"board action {number}";
        if (Denied(gate.Access.KeepBoardLog("add board actions"), what) is { } refused)
        {
            return refused;
        }

        var added = draft with { Number = number, Status = BoardActionStatus.Open };
        return Save(items, added, null, $"Board action {number} added: {Text.Brief(added.Item, 60)}", reason, what);
    }

    /// <summary>A dated update on a board action (its leads or a governance lead), and optionally open or in progress.</summary>
    public TrackedResult UpdateBoardAction(int number, string note, BoardActionStatus? status = null)
    {
        var items = register.BoardActions;
        if (Find(items, number, out var what) is not { } stored)
        {
            return Missing(items, number, what);
        }

        if (Denied(gate.Access.UpdateTracked(stored.Item, items.Kind.Noun), what) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return TrackedResult.Refused(what, "an update needs its text: what has been done, or where it stands");
        }

        if (!stored.Item.IsOpen)
        {
            return TrackedResult.Refused(what, $"{what} is {Vocabulary.Word(stored.Item.Status)}; a governance lead can add it again as a new action");
        }

        var changed = stored.Item with { Updates = [.. stored.Item.Updates, new BoardActionUpdate(today, note.Trim())], Status = status ?? stored.Item.Status };
        return Save(items, changed, stored.Version, $"Board action {number} updated", note, what);
    }

    /// <summary>Closes a board action as complete or closed, with its closing note (governance leads).</summary>
    public TrackedResult CloseBoardAction(int number, string note, BoardActionStatus how)
    {
        var items = register.BoardActions;
        if (Find(items, number, out var what) is not { } stored)
        {
            return Missing(items, number, what);
        }

        if (Denied(gate.Access.KeepBoardLog("close board actions"), what) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return TrackedResult.Refused(what, "closing a board action needs a closing note: what was done, or why it is closed");
        }

        var closed = stored.Item with { Status = how, Closed = today, ClosingNote = note.Trim() };
        return Save(items, closed, stored.Version, $"Board action {number} {Vocabulary.Word(how)}", note, what);
    }

    public TrackedResult AddUndertaking(Undertaking draft, string? reason)
    {
        var items = register.Undertakings;
        var number = draft.Number > 0 ? draft.Number : Next(items);
        var what = $"undertaking {number}";
        if (Denied(gate.Access.KeepBoardLog("add undertakings"), what) is { } refused)
        {
            return refused;
        }

        var added = draft with { Number = number, Status = UndertakingStatus.Open };
        return Save(items, added, null, $"Undertaking {number} added: {Text.Brief(added.Title, 60)}", reason, what);
    }

    /// <summary>Adds a milestone to an undertaking (governance leads).</summary>
    public TrackedResult AddMilestone(int number, string text, DateOnly? due)
    {
        var items = register.Undertakings;
        if (Find(items, number, out var what) is not { } stored)
        {
            return Missing(items, number, what);
        }

        if (Denied(gate.Access.KeepBoardLog("add milestones to undertakings"), what) is { } refused)
        {
            return refused;
        }

        var changed = stored.Item with { Milestones = [.. stored.Item.Milestones, new UndertakingMilestone(text.Trim(), due, null)] };
        return Save(items, changed, stored.Version, $"Undertaking {number}: milestone {changed.Milestones.Count} added", null, what);
    }

    /// <summary>Marks milestone <paramref name="milestone"/> (from 1) met on <paramref name="on"/>, with the evidence of it if given (its leads or a governance lead).</summary>
    public TrackedResult MilestoneMet(int number, int milestone, DateOnly on, string? evidence, string? reference)
    {
        var items = register.Undertakings;
        if (Find(items, number, out var what) is not { } stored)
        {
            return Missing(items, number, what);
        }

        if (Denied(gate.Access.UpdateTracked(stored.Item, items.Kind.Noun), what) is { } refused)
        {
            return refused;
        }

        var u = stored.Item;
        if (milestone < 1 || milestone > u.Milestones.Count)
        {
            return TrackedResult.Refused(what, u.Milestones.Count == 0 ? $"{what} has no milestones" : u.Milestones.Count == 1 ? $"{what} has one milestone, 1; there is no milestone {milestone}" : $"{what} has milestones 1 to {u.Milestones.Count}; there is no milestone {milestone}");
        }

        if (on > today)
        {
            return TrackedResult.Refused(what, $"a milestone is met on a day that has come; {Formats.Date(on)} is still to come");
        }

        var milestones = u.Milestones.ToList();
        milestones[milestone - 1] = milestones[milestone - 1] with { Met = on };
        var changed = u with
        {
            Milestones = milestones,
            Evidence = string.IsNullOrWhiteSpace(evidence) ? u.Evidence : [.. u.Evidence, new UndertakingEvidence(on, evidence.Trim(), string.IsNullOrWhiteSpace(reference) ? null : reference.Trim())],
        };
        return Save(items, changed, stored.Version, $"Undertaking {number}: milestone {milestone} met", evidence, what);
    }

    /// <summary>Adds evidence of compliance, dated today (its leads or a governance lead).</summary>
    public TrackedResult AddEvidence(int number, string text, string? reference)
    {
        var items = register.Undertakings;
        if (Find(items, number, out var what) is not { } stored)
        {
            return Missing(items, number, what);
        }

        if (Denied(gate.Access.UpdateTracked(stored.Item, items.Kind.Noun), what) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return TrackedResult.Refused(what, "evidence needs its text: what shows compliance");
        }

        var changed = stored.Item with { Evidence = [.. stored.Item.Evidence, new UndertakingEvidence(today, text.Trim(), string.IsNullOrWhiteSpace(reference) ? null : reference.Trim())] };
        return Save(items, changed, stored.Version, $"Undertaking {number}: evidence added", text, what);
    }

    /// <summary>Closes an undertaking as met or closed, with its closing note (governance leads).</summary>
    public TrackedResult CloseUndertaking(int number, string note, UndertakingStatus how)
    {
        var items = register.Undertakings;
        if (Find(items, number, out var what) is not { } stored)
        {
            return Missing(items, number, what);
        }

        if (Denied(gate.Access.KeepBoardLog("close undertakings"), what) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return TrackedResult.Refused(what, "closing an undertaking needs a closing note: how it was met, or why it is closed");
        }

        var closed = stored.Item with { Status = how, Closed = today, ClosingNote = note.Trim() };
        return Save(items, closed, stored.Version, $"Undertaking {number} {Vocabulary.Word(how)}", note, what);
    }

    private static int Next<T>(TrackedItems<T> items)
        where T : class, ITrackedItem
    {
        var (existing, _) = items.List();
        return existing.Count == 0 ? 1 : existing.Max(a => a.Item.Number) + 1;
    }

    private static Stored<T>? Find<T>(TrackedItems<T> items, int number, out string what)
        where T : class, ITrackedItem
    {
        what = $"{items.Kind.Noun} {number}";
        return items.List().Items.FirstOrDefault(a => a.Item.Number == number);
    }

    private static TrackedResult Missing<T>(TrackedItems<T> items, int number, string what)
        where T : class, ITrackedItem =>
        TrackedResult.Missing(what, $"there is no {what} ({items.PathOf(number)})");

    private static TrackedResult? Denied(Permission permission, string what) =>
        permission.Allowed ? null : TrackedResult.NotAllowed(what, permission.Reason);

    private TrackedResult Save<T>(TrackedItems<T> items, T item, string? version, string headline, string? reason, string what)
        where T : class, ITrackedItem =>
        gate.Author is not { } author
            ? TrackedResult.NotAllowed(what, "you are not among register.yaml's people, so cannot save")
            : new TrackedResult(what, items.Save(item, version, headline, reason, author, settings, riskIdentities));
}
