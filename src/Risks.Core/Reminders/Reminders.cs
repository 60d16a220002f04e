using Risks.Core.Domain;
using Risks.Core.Presentation;

namespace Risks.Core.Reminders;

/// <summary>What a reminder is about.</summary>
public enum ReminderKind { Review, Action, SignOff, BoardAction, Milestone }

/// <summary>One thing a person is to do by a date: review a risk they own, an action they own, sign off a risk they own, or a board action or an undertaking's milestone they lead (no risk then).</summary>
public sealed record ReminderItem(ReminderKind Kind, RiskId? Risk, string RiskTitle, string? ItemId, string What, DateOnly Due)
{
    /// <summary>What the item is grouped under in the email: the risk ("BAF-07 Inequalities"), the board's action log, or the undertakings.</summary>
    public string Group => Risk is { } risk ? $"{risk} {RiskTitle}" : Kind == ReminderKind.Milestone ? "Undertakings to regulators" : "Board action log";

    public bool IsOverdue(DateOnly today) => Due < today;
}

/// <summary>One person's reminder: everything of theirs due within the window or overdue, overdue first, each soonest first.</summary>
public sealed record Digest(Person Person, IReadOnlyList<ReminderItem> Items)
{
    public int Overdue(DateOnly today) => Items.Count(i => i.IsOverdue(today));

    /// <summary><c>Risks: 2 overdue and 1 due soon (Mid and South Essex ICB)</c>.</summary>
    public string Subject(string organisation, DateOnly today)
    {
        var overdue = Overdue(today);
        var soon = Items.Count - overdue;
        var parts = new List<string>();
        if (overdue > 0)
        {
            parts.Add($"{overdue} overdue");
        }

        if (soon > 0)
        {
            parts.Add($"{soon} due soon");
        }

        return $"Risks: {Text.All(parts)}{(organisation.Length > 0 ? $" ({organisation})" : "")}";
    }

    /// <summary>The email's text: a greeting, the items grouped as overdue and due soon, and how to act on each.</summary>
    public string Body(string organisation, DateOnly today, int days)
    {
        var lines = new List<string>
        {
            $"Dear {Person.Name},",
            "",
            $"This is what the {(organisation.Length > 0 ? organisation + " " : "")}risk register has for you on {Formats.Date(today)}.",
        };
        Section(lines, "Overdue", Items.Where(i => i.IsOverdue(today)).ToList(), today);
        Section(lines, $"Due in the next {Text.Count(days, "day")}", Items.Where(i => !i.IsOverdue(today)).ToList(), today);
        lines.Add("");
        lines.Add("To act on one, open the risk in the full-screen register (run risks, type its id after /");
        lines.Add("and press Enter), or from a shell: risks show ID, then risks set or risks edit.");
        lines.Add("Board actions and undertakings are on the board log screen (key 6), or each line above");
        lines.Add("gives the command.");
        lines.Add("You get one such email a day at most, while something of yours is due.");
        return string.Join('\n', lines) + "\n";
    }

    private static void Section(List<string> lines, string heading, IReadOnlyList<ReminderItem> items, DateOnly today)
    {
        if (items.Count == 0)
        {
            return;
        }

        lines.Add("");
        lines.Add($"{heading} ({items.Count})");
        foreach (var group in items.GroupBy(i => i.Group))
        {
            lines.Add($"  {group.Key}");
            foreach (var item in group)
            {
                lines.Add($"    - {Formats.Due(item.Due, today)} ({Formats.Date(item.Due)}): {item.What}");
            }
        }
    }
}

/// <summary>
/// The reminders a register owes its people on a day: for each person with an email, the reviews
/// of the open risks they own and the unfinished actions they own that are overdue or due within
/// <c>days</c>. Nobody gets a reminder with nothing in it.
/// </summary>
public static class Reminders
{
    /// <summary>How far ahead a reminder looks unless told otherwise.</summary>
    public const int DefaultDays = 14;

    /// <param name="signOffWaiting">
    /// When register.yaml requires sign-off before an iteration is cut: whether a strategic risk
    /// still waits for its owner's sign-off (none, or lapsed), with the day it is wanted by (the
    /// next board date if known, else today). Null when the register does not ask for sign-off.
    /// </param>
    /// <param name="boardActions">The board's action log: each open action with a deadline in the window is its leads' to do.</param>
    /// <param name="undertakings">The undertakings: each milestone not met, of an open undertaking, with a date in the window is its leads' to do.</param>
    public static IReadOnlyList<Digest> For(IEnumerable<Risk> risks, RegisterSettings settings, DateOnly today, int days, string? only = null, Func<Risk, string?>? signOffWaiting = null, IEnumerable<Board.BoardAction>? boardActions = null, IEnumerable<Board.Undertaking>? undertakings = null)
    {
        var horizon = today.AddDays(days);
        var items = new List<(string Login, ReminderItem Item)>();

        // With one person asked for, only their items are made (the register screen asks for the person logged in, over every risk).
        bool Wanted(string login) => only is null || string.Equals(login, only, StringComparison.Ordinal);
        foreach (var risk in risks.Where(r => r.Status == RiskStatus.Open))
        {
            if (risk.NextReview is { } next && next <= horizon && risk.Owner.Length > 0 && Wanted(risk.Owner))
            {
                items.Add((risk.Owner, new ReminderItem(ReminderKind.Review, risk.Id, risk.Title, null, "review the risk", next)));
            }

            if (settings.RequireSignOff && risk.Kind == RiskKind.Strategic && risk.Owner.Length > 0 && Wanted(risk.Owner) && signOffWaiting?.Invoke(risk) is { } why)
            {
                items.Add((risk.Owner, new ReminderItem(ReminderKind.SignOff, risk.Id, risk.Title, null, $"sign it off for the board ({why}; risks signoff {risk.Id})", today)));
            }

            foreach (var action in risk.Actions.Where(a => !a.IsFinished && a.Due is { } due && due <= horizon && !string.IsNullOrEmpty(a.Owner) && Wanted(a.Owner)))
            {
                items.Add((action.Owner!, new ReminderItem(ReminderKind.Action, risk.Id, risk.Title, action.Id, $"action {action.Id}, {Text.Brief(action.Text, 70)}", action.Due!.Value)));
            }
        }

        foreach (var action in (boardActions ?? []).Where(a => a.IsOpen && a.Deadline is { } deadline && deadline <= horizon))
        {
            foreach (var lead in action.Leads.Where(Wanted))
            {
                items.Add((lead, new ReminderItem(ReminderKind.BoardAction, null, "", action.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), $"board action {action.Number}, {Text.Brief(action.Item, 40)}: {Text.Brief(action.Action, 60)} (risks board-actions update {action.Number} --note ...)", action.Deadline!.Value)));
            }
        }

        foreach (var undertaking in (undertakings ?? []).Where(u => u.IsOpen))
        {
            for (var i = 0; i < undertaking.Milestones.Count; i++)
            {
                var milestone = undertaking.Milestones[i];
                if (milestone.Met is not null || milestone.Due is not { } due || due > horizon)
                {
                    continue;
                }

                var number = undertaking.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                foreach (var lead in undertaking.Leads.Where(Wanted))
                {
                    items.Add((lead, new ReminderItem(ReminderKind.Milestone, null, "", $"{number}.{i + 1}", $"undertaking {number} to {undertaking.Regulator}, {Text.Brief(undertaking.Title, 40)}: milestone {i + 1}, {Text.Brief(milestone.Text, 60)} (risks undertakings met {number} {i + 1})", due)));
                }
            }
        }

        return
        [
            .. settings.People
                .Where(p => only is null || p.Login == only)
                .Select(p => new Digest(p, [.. items.Where(i => i.Login == p.Login).Select(i => i.Item)
                    .OrderBy(i => i.IsOverdue(today) ? 0 : 1).ThenBy(i => i.Due).ThenBy(i => i.Group, StringComparer.Ordinal).ThenBy(i => i.Kind)]))
                .Where(d => d.Items.Count > 0),
        ];
    }
}
