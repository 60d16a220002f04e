using Risks.App;
using Risks.Core.Board;
using Risks.Core.Presentation;
using Risks.Storage.Git;

namespace Risks.Tui;

/// <summary>
/// The board log screen's controller: the board's action log and the undertakings in one table,
/// overdue first; each in full with its history; adding, updating, meeting a milestone and
/// closing, each one commit, with the same rules as the CLI (<see cref="TrackedWork"/>).
/// </summary>
internal sealed class BoardLogController : ScreenController
{
    public BoardLogController(IScreenHost host)
        : base(host)
    {
        Log = new BoardLogView(host.Session);
        View.Table.Accepted += (_, _) => host.Execute(UiCommand.Details);
    }

    public override Screen Screen => Screen.BoardLog;

    public override ListScreen View { get; } = new(["Item", "Due", "Lead", "Status", "What"], 2, 8, (0, 14, 14), (1, 11, 19), (2, 8, 14), (3, 7, 11));

    public BoardLogView Log { get; }

    public override void Shown()
    {
        Show();
        View.Table.SetFocus();
        if (Log.Rows.Count == 0)
        {
            Say(Log.ShowFinished ? "No board actions or undertakings yet: n adds one (governance leads)." : "Nothing open: f shows the finished ones; n adds one (governance leads).");
        }
    }

    public override void Refresh()
    {
        Log.Refresh();
        Show(View.SelectedIndex);
    }

    public override void Execute(UiCommand command)
    {
        switch (command)
        {
            case UiCommand.Details:
                Details();
                break;
            case UiCommand.NewItem:
                New();
                break;
            case UiCommand.UpdateItem:
                Update();
                break;
            case UiCommand.MeetMilestone:
                Milestone();
                break;
            case UiCommand.CloseItem:
                Close();
                break;
            case UiCommand.ToggleFinished:
                Log.ToggleFinished();
                Show();
                break;
            case UiCommand.Back:
                Host.Show(Screen.Register);
                break;
        }
    }

    private BoardLogRow? Selected => View.SelectedIndex is var i and >= 0 && i < Log.Rows.Count ? Log.Rows[i] : null;

    private void Show(int select = 0)
    {
        var header = Log.Summary + (Log.Problems.Count > 0 ? $"; {Log.Problems.Count} files cannot be read (risks check)" : "")
            + "\nEnter: in full; n new; u update/evidence; m milestone; c close; f finished";
        var rows = Log.Rows.Select(r => new[] { r.Key, r.Overdue ? $"{r.Due} overdue".TrimStart() : r.Due, r.Lead, r.Status, r.Title }).ToList();
        View.Show(header, rows, i => string.Join('\n', Log.Describe(Log.Rows[i])), select);
    }

    private void Details()
    {
        if (Selected is not { } row)
        {
            Say("Nothing selected: n adds a board action or an undertaking.");
            return;
        }

        Prompts.Read(row.Key, string.Join('\n', Log.Describe(row, history: true)));
    }

    private void New()
    {
        var kind = Prompts.Pick("New", "What to add (governance leads):", [("action", "A board action, from the board's action log"), ("undertaking", "An undertaking given to a regulator")]);
        if (kind is null)
        {
            return;
        }

        var work = Log.Work();
        if (kind == "action")
        {
            Ask(
                "New board action",
                "The action as the minutes give it: its agenda item's title and what is to be done; leads (logins) and risks (ids) separated by commas; the deadline and meeting as dates (30 Apr 2025, 30/04/2025 or 2025-04-30); why, to record with it.",
                [("Agenda item:", ""), ("Action:", ""), ("Leads:", ""), ("Deadline:", ""), ("Meeting date:", ""), ("Item number:", ""), ("Risks:", ""), ("Why:", "")],
                v =>
                {
                    if ((Date(v[3], "Deadline").Error ?? Date(v[4], "Meeting").Error) is { } error)
                    {
                        return TrackedResult.Refused("board action", error);
                    }

                    return work.AddBoardAction(
                        new BoardAction { Item = v[0], Action = v[1], Leads = List(v[2]), Deadline = Date(v[3], "Deadline").Value, Meeting = Date(v[4], "Meeting").Value, AgendaItem = v[5].Length > 0 ? v[5] : null, Risks = List(v[6]) },
                        v[7]);
                });
            return;
        }

        Ask(
            "New undertaking",
            "The undertaking as given to the regulator: what the organisation undertook to do, and the concern and the licence conditions or regulations behind it; leads (logins), risks (ids) and conditions separated by commas; the date it was accepted. Add its milestones next (m).",
            [("Title:", ""), ("Regulator:", ""), ("Undertaking:", ""), ("Concern:", ""), ("Conditions:", ""), ("Given on:", ""), ("Leads:", ""), ("Risks:", ""), ("Why:", "")],
            v => Date(v[5], "Given") is { Error: { } error }
                ? TrackedResult.Refused("undertaking", error)
                : work.AddUndertaking(
                    new Undertaking { Title = v[0], Regulator = v[1], Text = v[2], Concern = v[3].Length > 0 ? v[3] : null, Conditions = List(v[4]), Given = Date(v[5], "Given").Value, Leads = List(v[6]), Risks = List(v[7]) },
                    v[8]));
    }

    private void Update()
    {
        switch (Selected?.Item)
        {
            case BoardAction a:
                var note = Prompts.Form($"Update board action {a.Number}", $"{a.Item}: {a.Action}\nThe update is dated today, {Formats.Date(Session.Today)}.", [("Update:", "")], "_Save update");
                if (note is null)
                {
                    return;
                }

                var status = Prompts.Pick($"Board action {a.Number}", "Where it stands now:", [("open", "open"), ("in_progress", "in progress")], a.Status == BoardActionStatus.InProgress ? 1 : 0, accept: "_Save update");
                if (status is not null)
                {
                    Done(Log.Work().UpdateBoardAction(a.Number, note[0], status == "open" ? BoardActionStatus.Open : BoardActionStatus.InProgress));
                }

                break;
            case Undertaking u:
                Ask(
                    $"Evidence for undertaking {u.Number}",
                    $"{u.Title}: evidence of compliance, dated today, {Formats.Date(Session.Today)}.",
                    [("Evidence (what shows compliance):", ""), ("Reference (a paper, report or minute; optional):", "")],
                    v => Log.Work().AddEvidence(u.Number, v[0], v[1]));
                break;
            default:
                Say("Select a board action or an undertaking first.");
                break;
        }
    }

    private void Milestone()
    {
        if (Selected?.Item is not Undertaking u)
        {
            Say("Milestones belong to undertakings: select one first (board actions have updates: u).");
            return;
        }

        var choices = u.Milestones.Select((m, i) => (Value: (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Label: $"{i + 1}. {m.Text}: {TrackedText.Milestone(m, u.IsOpen, Session.Today)}"))
            .Where((c, i) => u.Milestones[i].Met is null)
            .Append(("add", "Add a milestone (governance leads)"))
            .ToList();
        var chosen = Prompts.Pick($"Undertaking {u.Number} milestones", "Choose a milestone to mark met, or add one:", choices);
        if (chosen is null)
        {
            return;
        }

        if (chosen == "add")
        {
            Ask(
                $"New milestone for undertaking {u.Number}",
                "What is to be done, and by when (30 Apr 2025, 30/04/2025 or 2025-04-30; blank for no date).",
                [("Milestone:", ""), ("Due:", "")],
                v => Date(v[1], "Due") is { Error: { } error } ? TrackedResult.Refused("milestone", error) : Log.Work().AddMilestone(u.Number, v[0], Date(v[1], "Due").Value));
            return;
        }

        var number = int.Parse(chosen, System.Globalization.CultureInfo.InvariantCulture);
        Ask(
            $"Milestone {number} of undertaking {u.Number} met",
            $"{u.Milestones[number - 1].Text}\nThe day it was met, and what shows it (recorded as evidence of compliance).",
            [("Met on:", Formats.Date(Session.Today)), ("Evidence (optional):", ""), ("Reference (optional):", "")],
            v => Date(v[0], "Met on") is { Error: { } error } || v[0].Length == 0
                ? TrackedResult.Refused("milestone", Date(v[0], "Met on").Error ?? "Met on: the day it was met is needed")
                : Log.Work().MilestoneMet(u.Number, number, Date(v[0], "Met on").Value!.Value, v[1], v[2]));
    }

    private void Close()
    {
        switch (Selected?.Item)
        {
            case BoardAction a:
                var how = Prompts.Pick($"Close board action {a.Number}", "Close it as (governance leads):", [("complete", "complete: it was done"), ("closed", "closed: no longer needed")]);
                if (how is not null)
                {
                    Ask($"Close board action {a.Number}", "The closing note: what was done, or why it is closed.", [("Closing note:", "")], v => Log.Work().CloseBoardAction(a.Number, v[0], how == "closed" ? BoardActionStatus.Closed : BoardActionStatus.Complete));
                }

                break;
            case Undertaking u:
                var closeAs = Prompts.Pick($"Close undertaking {u.Number}", "Close it as (governance leads):", [("met", "met: the regulator accepts it is met"), ("closed", "closed: superseded or released")]);
                if (closeAs is not null)
                {
                    Ask($"Close undertaking {u.Number}", "The closing note: how it was met, or why it is closed.", [("Closing note:", "")], v => Log.Work().CloseUndertaking(u.Number, v[0], closeAs == "closed" ? UndertakingStatus.Closed : UndertakingStatus.Met));
                }

                break;
            default:
                Say("Select a board action or an undertaking first.");
                break;
        }
    }

    /// <summary>
    /// Asks with a form until what is typed is saved or the person cancels: a refusal or a broken
    /// rule is shown above the same fields, with what was typed kept.
    /// </summary>
    private void Ask(string title, string note, IReadOnlyList<(string Label, string Value)> fields, Func<IReadOnlyList<string>, TrackedResult> save)
    {
        var values = fields;
        string? problem = null;
        while (Prompts.Form(title, problem is null ? note : $"! {problem}\n{note}", values, "_Save") is { } typed)
        {
            var result = save(typed);
            if (result.Outcome is SaveOutcome.Saved or SaveOutcome.Unchanged || result.Why is TrackedRefusal.NotAllowed or TrackedRefusal.NotFound)
            {
                Done(result);
                return;
            }

            problem = result.Message;
            values = [.. fields.Select((f, i) => (f.Label, typed[i]))];
        }

        Say("Nothing saved.");
    }

    private void Done(TrackedResult result)
    {
        if (result.Outcome is SaveOutcome.Saved)
        {
            // The item saved stays selected (or a new one is selected), wherever it now sorts.
            var key = result.What.StartsWith("board action ", StringComparison.Ordinal) ? "Action " + result.What["board action ".Length..] : "Undertaking " + result.What["undertaking ".Length..];
            Session.Reload();
            Host.Refresh();
            Show(Math.Max(0, Log.Rows.Select(r => r.Key).ToList().IndexOf(key)));
        }

        Say(result.Message);
    }

    private static IReadOnlyList<string> List(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static (DateOnly? Value, string? Error) Date(string text, string label) =>
        text.Length == 0 ? (null, null)
        : Formats.TryParseDate(text, out var date) ? (date, null)
        : (null, $"{label}: '{text}' is not a date: write it as 30 Apr 2025, 30/04/2025 or 2025-04-30");
}
