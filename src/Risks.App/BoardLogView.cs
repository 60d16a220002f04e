using Risks.Core.Board;
using Risks.Core.Domain;
using Risks.Core.Presentation;

namespace Risks.App;

/// <summary>One row of the board log screen: a board action or an undertaking, as the table shows it.</summary>
public sealed record BoardLogRow(ITrackedItem Item, string Key, string Due, string Lead, string Status, string Title, bool Overdue)
{
    public BoardAction? Action => Item as BoardAction;

    public Undertaking? Undertaking => Item as Undertaking;
}

/// <summary>
/// The board log screen's rows: the board's open actions (overdue first, then by deadline), then
/// the open undertakings (those with a milestone overdue first); "finished" adds the complete,
/// met and closed ones. Each row is described in full by <see cref="TrackedText"/>.
/// </summary>
public sealed class BoardLogView
{
    private readonly Session _session;

    public BoardLogView(Session session)
    {
        _session = session;
        Refresh();
    }

    public bool ShowFinished { get; private set; }

    public IReadOnlyList<BoardLogRow> Rows { get; private set; } = [];

    /// <summary>Files under board-actions/ or undertakings/ that cannot be read, each with why.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string Summary
    {
        get
        {
            var actions = Rows.Count(r => r.Action is { IsOpen: true });
            var undertakings = Rows.Count(r => r.Undertaking is { IsOpen: true });
            var overdue = Rows.Count(r => r.Overdue);
            return $"Board actions open: {actions}; undertakings open: {undertakings}; overdue: {overdue}{(ShowFinished ? "; finished ones shown too" : "")}";
        }
    }

    public void ToggleFinished()
    {
        ShowFinished = !ShowFinished;
        Refresh();
    }

    public void Refresh()
    {
        var today = _session.Today;
        var settings = _session.Settings;
        var (actions, actionProblems) = _session.Register.BoardActions.List();
        var (undertakings, undertakingProblems) = _session.Register.Undertakings.List();
        Problems = [.. actionProblems.Concat(undertakingProblems).Select(p => p.ToString())];
        string Leads(IReadOnlyList<string> logins) => logins.Count == 0 ? "" : string.Join(", ", logins.Select(settings.NameOf));
        Rows =
        [
            .. TrackedText.InLogOrder(actions.Select(a => a.Item), today).Where(a => ShowFinished || a.IsOpen).Select(a => new BoardLogRow(
                a, $"Action {a.Number}", a.Deadline is { } d ? Formats.Date(d) : "", Leads(a.Leads), TrackedText.State(a), $"{a.Item}: {a.Action}".ReplaceLineEndings(" "), a.IsOverdue(today))),
            .. TrackedText.InLogOrder(undertakings.Select(u => u.Item), today).Where(u => ShowFinished || u.IsOpen).Select(u => new BoardLogRow(
                u, $"Undertaking {u.Number}", u.Next?.Due is { } d ? Formats.Date(d) : "", Leads(u.Leads), u.IsOpen ? $"{u.Milestones.Count(m => m.Met is not null)}/{u.Milestones.Count} met" : TrackedText.State(u), $"{u.Title} (to {u.Regulator}): {u.Text}".ReplaceLineEndings(" "), u.IsOverdue(today))),
        ];
    }

    /// <summary>The row in full: every field, then (when asked) every commit that changed it.</summary>
    public IReadOnlyList<string> Describe(BoardLogRow row, bool history = false)
    {
        var settings = _session.Settings;
        var today = _session.Today;
        var lines = row.Item switch
        {
            BoardAction a => TrackedText.Lines(a, settings, today),
            Undertaking u => TrackedText.Lines(u, settings, today),
            _ => [],
        };
        if (!history)
        {
            return lines;
        }

        var versions = row.Item is BoardAction
            ? _session.Register.BoardActions.History(row.Item.Number, settings)
            : _session.Register.Undertakings.History(row.Item.Number, settings);
        return [.. lines, "", .. TrackedText.History(versions)];
    }

    /// <summary>The changes to board actions and undertakings, for the person logged in, on the register as read now.</summary>
    public TrackedWork Work() =>
        new(_session.Register, _session.Gate, _session.Settings, _session.Snapshot.Identities(), _session.Today);
}
