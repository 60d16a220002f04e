using Risks.App;
using Risks.Storage.Git;

namespace Risks.Tui;

/// <summary>
/// The risk screen's controller: opening a risk (or a new one, or edits kept from last time),
/// editing its fields and lists, saving it with a reason, and asking before unsaved edits are left.
/// </summary>
internal sealed class RiskController : FieldController
{
    private readonly HistoryController _history;
    private readonly BlameController _blame;
    private Screen _returnTo = Screen.Register;

    public RiskController(IScreenHost host, HistoryController history, BlameController blame)
        : base(host)
    {
        _history = history;
        _blame = blame;
        View = new RiskScreen(MovementLine);
        View.Table.Accepted += (_, _) => host.Execute(UiCommand.EditField);
    }

    public override Screen Screen => Screen.Risk;

    public override RiskScreen View { get; }

    /// <summary>The risk open now, if any.</summary>
    public RiskEditor? Editor => View.Editor;

    /// <summary>On the risk screen or one of its own (its history, who changed what), where its unsaved edits still belong.</summary>
    public bool Showing => Host.Current is Screen.Risk or Screen.History or Screen.Blame;

    public override void Refresh() => View.Update();

    public override void Execute(UiCommand command)
    {
        if (Navigate(command))
        {
            return;
        }

        if (command is UiCommand.ShowHistory or UiCommand.ShowBlame)
        {
            if (Editor is not { IsNew: false } saved)
            {
                Say("A new risk has no history until it is saved.");
            }
            else if (command == UiCommand.ShowHistory)
            {
                _history.Open(saved);
            }
            else
            {
                _blame.Open(saved);
            }

            return;
        }

        if (Editor is not { } editor)
        {
            return;
        }

        var row = View.Selected;
        if (command is UiCommand.AddItem or UiCommand.RemoveItem or UiCommand.MoveUp or UiCommand.MoveDown && !editor.Permission.Allowed)
        {
            Say(editor.Permission.Reason);
            return;
        }

        switch (command)
        {
            case UiCommand.EditField:
                EditField(editor, row);
                break;
            case UiCommand.AddItem:
                if (row?.List is not { } list)
                {
                    Say("Select a control, gap, assurance or action (or its heading) to add another after it.");
                    break;
                }

                Report(editor.AddItem(list, row.Item, out var added), () => View.Update($"{list}[{added}].text"));
                if (added >= 0)
                {
                    Say("Added; Enter edits its text.");
                }

                break;
            case UiCommand.RemoveItem:
                if (row?.List is not { } from || row.Item is not { } index)
                {
                    Say("Select a control, gap, assurance or action to remove it.");
                    break;
                }

                if (Ask("Remove", $"Remove {Core.Domain.FieldNames.Label($"{from}[{index}]", editor.Draft)}? It goes when you save.", "Remove", "_Keep") == 0)
                {
                    Report(editor.RemoveItem(from, index), () => View.Update());
                }

                break;
            case UiCommand.MoveUp or UiCommand.MoveDown:
                if (row?.List is not { } within || row.Item is not { } at)
                {
                    Say("Select a control, gap, assurance or action to move it.");
                    break;
                }

                var field = row.Path[(row.Path.IndexOf(']', StringComparison.Ordinal) + 1)..];
                Report(editor.MoveItem(within, at, command == UiCommand.MoveUp ? -1 : 1, out var to), () => View.Update($"{within}[{to}]{field}"));
                break;
            case UiCommand.Save:
                Save(editor);
                break;
            case UiCommand.SignOff:
                SignOff(editor);
                break;
            case UiCommand.Discard:
                if (editor.IsDirty && Ask("Undo all", "Throw away every unsaved edit to this risk?", "Throw away", "_Keep") == 0)
                {
                    editor.Discard();
                    View.Update();
                }

                break;
            case UiCommand.CloseRisk:
                if (Leave("closing it"))
                {
                    Host.Show(_returnTo);
                }

                break;
        }
    }

    /// <summary>
    /// Opens <paramref name="stored"/> from the screen shown now (closing it goes back there), on
    /// <paramref name="selectPath"/> if given; with none, says that no risk is selected.
    /// </summary>
    public void Open(StoredRisk? stored, string? selectPath = null)
    {
        if (stored is null)
        {
            Say("No risk selected.");
            return;
        }

        _returnTo = Host.Current;
        var editor = RiskEditor.For(Session, stored);
        View.Open(editor);
        if (selectPath is not null)
        {
            View.Update(selectPath);
        }

        Host.Show(Screen.Risk);
        SayRestored(editor);
    }

    /// <summary>Adds a new risk (governance leads): asks which kind, and opens it with the id it will have.</summary>
    public void New()
    {
        var permission = Session.Gate.Create();
        if (!permission.Allowed)
        {
            Say(permission.Reason);
            return;
        }

        if (!Leave("adding a new one"))
        {
            return;
        }

        var kind = Ask(
            "New risk",
            "Which kind of risk?\n\nStrategic: on the Board Assurance Framework, threatening a strategic objective.\nOperational: on the corporate or a directorate's register.",
            "_Strategic (BAF)",
            "_Operational",
            "_Cancel");
        if (kind is not (0 or 1))
        {
            return;
        }

        var strategic = kind == 0;
        var prefix = Session.Snapshot.Risks.Where(s => (s.Risk.Kind == Core.Domain.RiskKind.Strategic) == strategic)
            .GroupBy(s => s.Risk.Id.Prefix).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? (strategic ? "BAF" : "RISK");
        var editor = RiskEditor.New(Session, strategic ? Core.Domain.RiskKind.Strategic : Core.Domain.RiskKind.Operational, prefix);
        _returnTo = Host.Current;
        View.Open(editor);
        Host.Show(Screen.Risk);
        Say($"New risk {editor.Id}: fill in the fields marked !, then save with w or Ctrl+S.");
    }

    /// <summary>Leaving the risk screen: asks first when there are unsaved edits. Returns whether to go on.</summary>
    public bool Leave(string doing)
    {
        if (Editor is not { IsDirty: true } editor || !editor.Permission.Allowed)
        {
            Editor?.Discard();
            return true;
        }

        var answer = Ask("Unsaved edits", $"{editor.Id} has {Core.Domain.Text.Count(editor.Changes.Count, "unsaved change")}. Save before {doing}?", "_Save", "Discard", "_Keep editing");
        switch (answer)
        {
            case 0:
                Save(editor);
                return !editor.IsDirty;
            case 1:
                editor.Discard();
                return true;
            default:
                Host.Show(Screen.Risk);
                return false;
        }
    }

    /// <summary>
    /// On starting, the person's unsaved edits from a session that stopped before saving them:
    /// choosing one opens its risk with the edits back on screen; "Later" leaves them kept (each
    /// also comes back whenever its risk is opened).
    /// </summary>
    public void OfferDrafts()
    {
        var drafts = Session.Drafts();
        if (drafts.Count == 0)
        {
            return;
        }

        var choices = drafts.Select(d => (d.Id.Value, DraftLabel(d))).ToList();
        var picked = Prompts.Pick(
            "Unsaved edits kept from last time",
            "The program stopped before these edits were saved. Choose one to open it with your edits back on screen, then save (w) or throw them away (u). Cancel keeps them for later: each comes back when you open its risk.",
            choices,
            accept: "_Open");
        if (picked is null || drafts.FirstOrDefault(d => d.Id.Value == picked) is not { } draft)
        {
            return;
        }

        OpenDraft(draft);
    }

    private string DraftLabel(Draft draft)
    {
        var title = draft.Mine.Title.Length > 0 ? draft.Mine.Title : "(no title yet)";
        var what = draft.IsNew ? "new risk" : Core.Domain.Text.Count(Core.Changes.RiskComparer.Compare(draft.Base, draft.Mine, Session.Settings).Count, "change");
        return $"{draft.Id} {title}: {what}, kept {Core.Presentation.Formats.Moment(draft.Kept)}";
    }

    private void OpenDraft(Draft draft)
    {
        if (Showing && !Leave("opening your kept edits"))
        {
            return;
        }

        var editor = RiskEditor.Restore(Session, draft);
        _returnTo = Screen.Register;
        View.Open(editor);
        Host.Show(Screen.Risk);
        SayRestored(editor);
    }

    private void SayRestored(RiskEditor editor)
    {
        if (editor.Restored is not { } draft)
        {
            return;
        }

        var renamed = editor.Id != draft.Id ? $" (now {editor.Id}: {draft.Id} was taken meanwhile)" : "";
        var overlaps = editor.Overlaps.Count > 0 ? $" Someone saved it meanwhile; yours replaced theirs in {string.Join(", ", editor.Overlaps)}." : "";
        Say($"Your edits to {draft.Id}{renamed} from {Core.Presentation.Formats.Moment(draft.Kept)} are back; w saves, u throws them away.{overlaps}");
    }

    private void EditField(RiskEditor editor, FieldRow? row)
    {
        if (row is null || !row.IsEditable)
        {
            Say(row?.Kind == FieldKind.Heading && row.List is not null ? "a adds an item to this list." : "This line is worked out from other fields; edit those.");
            return;
        }

        if (!editor.Permission.Allowed)
        {
            ReadOnly(row, editor.Permission.Reason);
            return;
        }

        EditLoop(row, editor.Edit, "w or Ctrl+S saves.");
    }

    private void SignOff(RiskEditor editor)
    {
        var permission = Session.Access.SignOff(editor.Original);
        if (!permission.Allowed)
        {
            Say("Cannot sign off: " + permission.Reason);
            return;
        }

        if (editor.IsNew || editor.IsDirty)
        {
            Say("Save or undo your edits first: a sign-off names the version saved.");
            return;
        }

        var answer = Prompts.Form("Sign off", $"Sign {editor.Id} off for the board as it is saved now. A later change to its scores, controls, gaps, assurances or actions makes the sign-off lapse.", [("Note (optional):", "")], "_Sign off");
        if (answer is null)
        {
            Say("Not signed off.");
            return;
        }

        switch (editor.SignOff(answer[0]))
        {
            case SaveResult.Saved saved:
                Host.Refresh();
                View.Update();
                Say($"Signed off as commit {saved.Commit[..7]}: {saved.Headline}");
                break;
            case SaveResult.Unchanged:
                Say("Already signed off by you as it stands.");
                break;
            case SaveResult.NotAllowed refused:
                Say("Cannot sign off: " + refused.Reason);
                break;
            case SaveResult.Invalid invalid:
                Prompts.Tell("Not signed off", string.Join('\n', invalid.Problems.Take(10)));
                break;
        }
    }

    private void Save(RiskEditor editor)
    {
        if (!editor.Permission.Allowed)
        {
            Say("Cannot save: " + editor.Permission.Reason);
            return;
        }

        if (!editor.IsDirty)
        {
            Say("Nothing to save: no edits since it was opened.");
            return;
        }

        if (editor.Issues.Count > 0)
        {
            Prompts.Tell("Cannot save yet", "Fix the fields marked ! first:\n" + string.Join('\n', editor.Issues.Take(10).Select(i => "- " + i.Message)));
            return;
        }

        string? problem = null;
        while (true)
        {
            var reason = Prompts.Save(editor, problem);
            if (reason is null)
            {
                Say("Not saved; your edits are still here.");
                return;
            }

            var result = editor.Save(reason);
            switch (result)
            {
                case SaveResult.Saved saved:
                    Host.Refresh();
                    Say($"Saved as commit {saved.Commit[..7]}: {saved.Headline}");
                    return;
                case SaveResult.Unchanged:
                    Host.Refresh();
                    Say("Nothing to save: the risk is already as edited.");
                    return;
                case SaveResult.NeedsReason needs:
                    problem = "! " + needs.Message;
                    continue;
                case SaveResult.NotAllowed refused:
                    Say("Cannot save: " + refused.Reason);
                    return;
                case SaveResult.Invalid invalid:
                    Prompts.Tell("Not saved", string.Join('\n', invalid.Problems.Take(10)));
                    View.Update();
                    return;
                case SaveResult.Conflict conflict:
                    Host.Refresh();
                    if (Prompts.Conflict(conflict))
                    {
                        var overlaps = editor.Reapply();
                        View.Update();
                        Say(overlaps.Count == 0
                            ? "Your edits are now on top of theirs; check them and save again."
                            : $"Your edits are on top of theirs; yours replaced theirs in {string.Join(", ", overlaps)}. Check and save again.");
                    }
                    else
                    {
                        Say("Not saved; your edits are still here. Save again to re-apply them on the newer version.");
                    }

                    return;
            }
        }
    }

    /// <summary>"Reduced from 12 since the January 2025 report; trend ▅▄▃ (12, 12, 9)".</summary>
    private string MovementLine(Core.Domain.Risk risk)
    {
        var movement = Session.MovementOf(risk) ?? (Session.BaselineKnown ? "no iterations yet to compare with" : "reading the last iteration...");
        var trail = Session.Trail(risk);
        var trend = trail.Count > 1 ? $"; trend {Core.Presentation.Sparkline.Of(trail)} ({Core.Presentation.Sparkline.Describe(trail)})" : "";
        return $"{movement}{trend}";
    }
}
