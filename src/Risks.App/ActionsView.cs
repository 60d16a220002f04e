using Risks.Core.Domain;
using Risks.Core.Presentation;

namespace Risks.App;

/// <summary>One action on the actions screen, with the risk it belongs to.</summary>
public sealed record ActionRow(Risk Risk, int Index, RiskAction Action, bool Overdue)
{
    public string Due(DateOnly today) => Action.Due is { } due
        ? Action.IsFinished ? Formats.Date(due) : $"{Formats.Date(due)} ({Formats.Due(due, today)})"
        : "no date";

    /// <summary>The due date for a table column: <c>28 Feb 2025 overdue</c>, <c>30 Jun 2025</c>, <c>no date</c>.</summary>
    public string DueShort(DateOnly today) => Action.Due is { } due
        ? Overdue ? $"{Formats.Date(due)} overdue" : Formats.Date(due)
        : "no date";
}

/// <summary>
/// Every action across the open risks: overdue first (the longest overdue at the top), then open
/// actions by due date, then those with no date; "mine" keeps the actions of the person logged in (as
/// the action's owner, or as the risk's owner when the action has none).
/// </summary>
public sealed class ActionsView
{
    private readonly Session _session;

    private IReadOnlyList<ActionRow>? _rows;

    public ActionsView(Session session)
    {
        _session = session;
    }

    public bool MineOnly { get; private set; }

    public bool ShowFinished { get; private set; }

    /// <summary>The rows, worked out when first asked for after the register was read or a toggle changed, not at each <see cref="Refresh"/>.</summary>
    public IReadOnlyList<ActionRow> Rows => _rows ??= Read();

    public string Summary
    {
        get
        {
            var overdue = Rows.Count(r => r.Overdue);
            var whose = MineOnly ? $"{_session.Settings.NameOf(_session.Login)}'s actions" : "All actions";
            var which = ShowFinished ? "open and finished" : "open";
            return $"{whose} ({which}): {Rows.Count}, {overdue} overdue";
        }
    }

    public void ToggleMine()
    {
        MineOnly = !MineOnly;
        Refresh();
    }

    public void ToggleFinished()
    {
        ShowFinished = !ShowFinished;
        Refresh();
    }

    public string Owner(ActionRow row) => _session.Settings.NameOf(row.Action.Owner ?? row.Risk.Owner);

    /// <summary>Forgets the rows, so they are worked out again from the register as read now when next asked for.</summary>
    public void Refresh() => _rows = null;

    private List<ActionRow> Read()
    {
        var today = _session.Today;
        return _session.Snapshot.Risks
            .Select(s => s.Risk)
            .Where(r => r.Status == RiskStatus.Open)
            .SelectMany(r => r.Actions.Select((a, i) => new ActionRow(r, i, a, a.IsOverdue(today))))
            .Where(r => ShowFinished || !r.Action.IsFinished)
            .Where(r => !MineOnly || (r.Action.Owner ?? r.Risk.Owner) == _session.Login)
            .OrderBy(r => r.Action.IsFinished)
            .ThenByDescending(r => r.Overdue)
            .ThenBy(r => r.Action.Due?.DayNumber ?? int.MaxValue)
            .ThenBy(r => r.Risk.Id.Prefix, StringComparer.Ordinal)
            .ThenBy(r => r.Risk.Id.Number)
            .ThenBy(r => r.Index)
            .ToList();
    }
}
