using Risks.App;
using Risks.Storage.Git;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Risks.Tui;

/// <summary>
/// The one window: a header naming the register and the person, the current screen, and a status
/// bar of key hints. Every key of <see cref="KeyMap"/> is handled here, in one place, before the
/// focused view sees it (so a table's type-to-search never swallows a command letter).
/// </summary>
internal sealed partial class MainWindow : Window, IScreenHost
{
    private readonly IApplication _app;
    private readonly Session _session;
    private readonly Prompts _prompts;
    private readonly RegisterView _register;
    private readonly HeatMapView _heat;
    private readonly ActionsView _actions;
    private readonly RegisterScreen _registerScreen;
    private readonly HeatMapScreen _heatScreen;
    private readonly ActionsScreen _actionsScreen;
    private readonly RiskScreen _riskScreen;
    private readonly SettingsController _settings;
    private readonly View _body;
    private readonly HistoryController _history;
    private readonly BlameController _blame;
    private readonly CompareController _compare;
    private readonly IterationsController _iterations;
    private readonly PapersController _papers;
    private readonly Label _header;
    private readonly Label _message;
    private readonly HintBar _hints;
    private readonly object? _watch;
    private Screen _returnTo = Screen.Register;

    public MainWindow(IApplication app, Session session)
    {
        _app = app;
        _session = session;
        _prompts = new Prompts(app);
        BorderStyle = Terminal.Gui.Drawing.LineStyle.None;
        Width = Dim.Fill();
        Height = Dim.Fill();

        _register = new RegisterView(session);
        _heat = new HeatMapView(session, _register);
        _actions = new ActionsView(session);
        _header = new Label { HotKeySpecifier = Texts.NoHotKey, X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
        _message = new Label { HotKeySpecifier = Texts.NoHotKey, X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 1 };
        _hints = new HintBar(command => Execute(command)) { Y = Pos.AnchorEnd(1) };
        var body = _body = new View { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(2), CanFocus = true };
        _registerScreen = new RegisterScreen(_register);
        _heatScreen = new HeatMapScreen(_heat, () => Execute(UiCommand.FilterToCell));
        _actionsScreen = new ActionsScreen(_actions, () => _session.Today);
        _riskScreen = new RiskScreen(MovementLine);
        _settings = new SettingsController(this);
        _history = new HistoryController(this);
        _blame = new BlameController(this);
        _compare = new CompareController(this);
        _iterations = new IterationsController(this, _compare);
        _papers = new PapersController(this);
        body.Add(_registerScreen, _heatScreen, _actionsScreen, _riskScreen, _settings.View, _history.View, _blame.View, _compare.View);
        Add(_header, body, _message, _hints);

        _registerScreen.Table.Accepted += (_, _) => OpenSelected();
        _actionsScreen.Table.Accepted += (_, _) => OpenSelected();
        _riskScreen.Table.Accepted += (_, _) => Execute(UiCommand.EditField);
        app.Keyboard.KeyDown += OnKeyDown;
        DrawComplete += StartBaselineAfterFirstFrame;
        _watch = app.AddTimeout(WatchEvery, () =>
        {
            Watch();
            return true;
        });
        Show(Screen.Register);
    }

    /// <summary>How often the register is checked for saves made by others.</summary>
    public static readonly TimeSpan WatchEvery = TimeSpan.FromSeconds(3);

    /// <summary>"Reduced from 12 since the January 2025 report; trend ▅▄▃ (12, 12, 9)".</summary>
    private string MovementLine(Core.Domain.Risk risk)
    {
        var movement = _session.MovementOf(risk) ?? (_session.BaselineKnown ? "no iterations yet to compare with" : "reading the last iteration...");
        var trail = _session.Trail(risk);
        var trend = trail.Count > 1 ? $"; trend {Core.Presentation.Sparkline.Of(trail)} ({Core.Presentation.Sparkline.Describe(trail)})" : "";
        return $"{movement}{trend}";
    }

    /// <summary>On the risk screen or one of its own (its history, who changed what), where its unsaved edits still belong.</summary>
    private bool OnRisk => Current is Screen.Risk or Screen.History or Screen.Blame;

    /// <summary>The screen shown now.</summary>
    public Screen Current { get; private set; }

    /// <summary>The last message shown on the message line, for tests.</summary>
    public string Message => _message.Text;

    public RegisterScreen RegisterScreen => _registerScreen;

    public RiskScreen RiskScreen => _riskScreen;

    public SettingsScreen SettingsScreen => _settings.View;

    /// <summary>The hints the bar at the bottom shows now.</summary>
    public IReadOnlyList<Risks.App.KeyBinding> Hints => _hints.Shown;

    public ActionsScreen ActionsScreen => _actionsScreen;

    public HeatMapView HeatMap => _heat;

    Session IScreenHost.Session => _session;

    Prompts IScreenHost.Prompts => _prompts;

    void IScreenHost.Show(Screen screen) => Show(screen);

    void IScreenHost.Say(string text) => Say(text);

    void IScreenHost.Refresh() => Refresh();

    void IScreenHost.UpdateHeader() => UpdateHeader();

    void IScreenHost.WhenBaselineLoaded() => WhenBaselineLoaded();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _app.Keyboard.KeyDown -= OnKeyDown;
            DrawComplete -= StartBaselineAfterFirstFrame;
            if (_watch is not null)
            {
                _app.RemoveTimeout(_watch);
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>For someone who may not change a field: a long text is shown whole, to read and scroll; the reason is said.</summary>
    private void ReadOnly(FieldRow row, string reason)
    {
        if (row.Kind is FieldKind.LongText or FieldKind.Lines && row.Raw.Length > 0)
        {
            var name = row.FullLabel.Length > 0 ? row.FullLabel : row.Label;
            _prompts.Read(char.ToUpperInvariant(name[0]) + name[1..] + " (read only)", row.Raw);
        }

        Say(reason);
    }

    /// <summary>After an unexpected error: the current screen shown again, focused and whole.</summary>
    internal void AfterError() => Show(Current);

    /// <summary>Runs a command as its key would.</summary>
    public void Execute(UiCommand command)
    {
        Say("");
        switch (command)
        {
            case UiCommand.Help:
                _prompts.Help(Current);
                break;
            case UiCommand.Quit:
                if (LeaveRisk("quitting") && _settings.Leave("quitting"))
                {
                    _app.RequestStop(this);
                }

                break;
            case UiCommand.ShowRegister:
                SwitchTo(Screen.Register);
                break;
            case UiCommand.ShowHeatMap:
                SwitchTo(Screen.HeatMap);
                break;
            case UiCommand.ShowActions:
                SwitchTo(Screen.Actions);
                break;
            case UiCommand.Reload:
                Reload();
                break;
            case UiCommand.Open:
                OpenSelected();
                break;
            case UiCommand.Filter:
                _registerScreen.FilterBox.SetFocus();
                Say("Type to filter; Enter or Down goes back to the table.");
                break;
            case UiCommand.ClearFilters:
                _register.ClearFilters();
                _registerScreen.Update();
                break;
            case UiCommand.Sort:
                _register.SortByNext();
                _registerScreen.Update();
                break;
            case UiCommand.ReverseSort:
                _register.Reverse();
                _registerScreen.Update();
                break;
            case UiCommand.ToggleStrategic:
                _register.ToggleStrategic();
                _registerScreen.Update();
                break;
            case UiCommand.ToggleOperational:
                _register.ToggleOperational();
                _registerScreen.Update();
                break;
            case UiCommand.ToggleClosed:
                _register.ToggleClosed();
                _registerScreen.Update();
                break;
            case UiCommand.NewRisk:
                NewRisk();
                break;
            case UiCommand.NextBasis:
                _heat.NextBasis();
                _heatScreen.SetNeedsDraw();
                break;
            case UiCommand.CellUp or UiCommand.CellDown or UiCommand.CellLeft or UiCommand.CellRight:
                _heat.Move(
                    command switch { UiCommand.CellLeft => -1, UiCommand.CellRight => 1, _ => 0 },
                    command switch { UiCommand.CellUp => 1, UiCommand.CellDown => -1, _ => 0 });
                _heatScreen.SetNeedsDraw();
                break;
            case UiCommand.FilterToCell:
                _heat.FilterRegister();
                _registerScreen.Update();
                Show(Screen.Register);
                Say($"Filtered to {_heat.Basis.ToString().ToLowerInvariant()} {_heat.Selected}; x clears the filters.");
                break;
            case UiCommand.ToggleMine:
                _actions.ToggleMine();
                _actionsScreen.Update();
                break;
            case UiCommand.ToggleFinished:
                _actions.ToggleFinished();
                _actionsScreen.Update();
                break;
            case UiCommand.ShowCompare:
                if (Current != Screen.Compare && (!OnRisk || LeaveRisk("comparing")))
                {
                    _compare.Open();
                }

                break;
            case UiCommand.CompareFrom or UiCommand.CompareTo:
                _compare.Execute(command);
                break;
            case UiCommand.Iterations:
                _iterations.Open();
                break;
            case UiCommand.Export:
                _papers.Export();
                break;
            case UiCommand.ShowHistory or UiCommand.ShowBlame:
                if (_riskScreen.Editor is not { IsNew: false } saved)
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

                break;
            case UiCommand.ViewVersion or UiCommand.ShowPatch:
                _history.Execute(command);
                break;
            case UiCommand.Details:
                if (Current == Screen.Blame)
                {
                    _blame.Execute(command);
                }
                else if (Current == Screen.Compare)
                {
                    _compare.Execute(command);
                }

                break;
            case UiCommand.Back:
                Show(Current == Screen.Compare ? Screen.Register : Screen.Risk);
                break;
            case UiCommand.ShowSettings:
                if (Current != Screen.Settings && (!OnRisk || LeaveRisk("opening the settings")))
                {
                    _settings.Open();
                }

                break;
            case UiCommand.GoToSection or UiCommand.FirstRow or UiCommand.LastRow or UiCommand.NextSection or UiCommand.PreviousSection when Current == Screen.Risk:
                Move(_riskScreen, command);
                break;
            default:
                if (Current == Screen.Settings)
                {
                    _settings.Execute(command);
                }
                else
                {
                    ExecuteOnRisk(command);
                }

                break;
        }

        SetNeedsDraw();
    }

    private void ExecuteOnRisk(UiCommand command)
    {
        if (_riskScreen.Editor is not { } editor)
        {
            return;
        }

        var row = _riskScreen.Selected;
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

                Report(editor.AddItem(list, row.Item, out var added), () => _riskScreen.Update($"{list}[{added}].text"));
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
                    Report(editor.RemoveItem(from, index), () => _riskScreen.Update());
                }

                break;
            case UiCommand.MoveUp or UiCommand.MoveDown:
                if (row?.List is not { } within || row.Item is not { } at)
                {
                    Say("Select a control, gap, assurance or action to move it.");
                    break;
                }

                var field = row.Path[(row.Path.IndexOf(']', StringComparison.Ordinal) + 1)..];
                Report(editor.MoveItem(within, at, command == UiCommand.MoveUp ? -1 : 1, out var to), () => _riskScreen.Update($"{within}[{to}]{field}"));
                break;
            case UiCommand.Save:
                Save(editor);
                break;
            case UiCommand.Discard:
                if (editor.IsDirty && Ask("Undo all", "Throw away every unsaved edit to this risk?", "Throw away", "_Keep") == 0)
                {
                    editor.Discard();
                    _riskScreen.Update();
                }

                break;
            case UiCommand.CloseRisk:
                if (LeaveRisk("closing it"))
                {
                    Show(_returnTo);
                }

                break;
        }
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

        EditLoop(_riskScreen, row, editor.Edit, "w or Ctrl+S saves.");
    }

    /// <summary>
    /// Edits <paramref name="row"/> in its dialog until <paramref name="edit"/> takes what was
    /// typed or chosen; a refused input opens the dialog again on what was typed, with the reason.
    /// </summary>
    private void EditLoop(FieldScreen screen, FieldRow row, Func<string, string, string?> edit, string then)
    {
        string? error = null;
        while (true)
        {
            var input = _prompts.Edit(row, error);
            if (input is null)
            {
                return;
            }

            error = edit(row.Path, input);
            if (error is null)
            {
                screen.Update(row.Path);
                var issues = screen.Selected?.Issues ?? [];
                var name = row.FullLabel.Length > 0 ? row.FullLabel : row.Label;
                Say(issues.Count > 0 ? "! " + issues[0] : $"{char.ToUpperInvariant(name[0])}{name[1..]} changed; {then}");
                return;
            }

            row = row with { Raw = input };
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
            _prompts.Tell("Cannot save yet", "Fix the fields marked ! first:\n" + string.Join('\n', editor.Issues.Take(10).Select(i => "- " + i.Message)));
            return;
        }

        string? problem = null;
        while (true)
        {
            var reason = _prompts.Save(editor, problem);
            if (reason is null)
            {
                Say("Not saved; your edits are still here.");
                return;
            }

            var result = editor.Save(reason);
            switch (result)
            {
                case SaveResult.Saved saved:
                    Refresh();
                    Say($"Saved as commit {saved.Commit[..7]}: {saved.Headline}");
                    return;
                case SaveResult.Unchanged:
                    Refresh();
                    Say("Nothing to save: the risk is already as edited.");
                    return;
                case SaveResult.NeedsReason needs:
                    problem = "! " + needs.Message;
                    continue;
                case SaveResult.NotAllowed refused:
                    Say("Cannot save: " + refused.Reason);
                    return;
                case SaveResult.Invalid invalid:
                    _prompts.Tell("Not saved", string.Join('\n', invalid.Problems.Take(10)));
                    _riskScreen.Update();
                    return;
                case SaveResult.Conflict conflict:
                    Refresh();
                    if (_prompts.Conflict(conflict))
                    {
                        var overlaps = editor.Reapply();
                        _riskScreen.Update();
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

    private void NewRisk()
    {
        var permission = _session.Gate.Create();
        if (!permission.Allowed)
        {
            Say(permission.Reason);
            return;
        }

        if (!LeaveRisk("adding a new one"))
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
        var prefix = _session.Snapshot.Risks.Where(s => (s.Risk.Kind == Core.Domain.RiskKind.Strategic) == strategic)
            .GroupBy(s => s.Risk.Id.Prefix).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? (strategic ? "BAF" : "RISK");
        var editor = RiskEditor.New(_session, strategic ? Core.Domain.RiskKind.Strategic : Core.Domain.RiskKind.Operational, prefix);
        _returnTo = Current;
        _riskScreen.Open(editor);
        Show(Screen.Risk);
        Say($"New risk {editor.Id}: fill in the fields marked !, then save with w or Ctrl+S.");
    }

    private void OpenSelected()
    {
        var stored = Current switch
        {
            Screen.Register => _registerScreen.Selected?.Stored,
            Screen.Actions => _actionsScreen.Selected is { } action ? _session.Snapshot.Find(action.Risk.Id) : null,
            _ => null,
        };
        if (stored is null)
        {
            Say("No risk selected.");
            return;
        }

        _returnTo = Current;
        var actionIndex = Current == Screen.Actions ? _actionsScreen.Selected?.Index : null;
        var editor = RiskEditor.For(_session, stored);
        _riskScreen.Open(editor);
        if (actionIndex is { } i)
        {
            _riskScreen.Update($"actions[{i}].text");
        }

        Show(Screen.Risk);
        SayRestored(editor);
    }

    /// <summary>Leaving the risk screen: asks first when there are unsaved edits. Returns whether to go on.</summary>
    private bool LeaveRisk(string doing)
    {
        if (_riskScreen.Editor is not { IsDirty: true } editor || !editor.Permission.Allowed)
        {
            _riskScreen.Editor?.Discard();
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
                Show(Screen.Risk);
                return false;
        }
    }

    private void SwitchTo(Screen screen)
    {
        if ((OnRisk && !LeaveRisk("leaving it")) || (Current == Screen.Settings && !_settings.Leave("leaving them")))
        {
            return;
        }

        Show(screen);
    }

    private void Show(Screen screen)
    {
        Current = screen;
        _registerScreen.Visible = screen == Screen.Register;
        _heatScreen.Visible = screen == Screen.HeatMap;
        _actionsScreen.Visible = screen == Screen.Actions;
        _riskScreen.Visible = screen == Screen.Risk;
        _settings.View.Visible = screen == Screen.Settings;
        _history.View.Visible = screen == Screen.History;
        _blame.View.Visible = screen == Screen.Blame;
        _compare.View.Visible = screen == Screen.Compare;
        switch (screen)
        {
            case Screen.History:
                _history.Shown();
                break;
            case Screen.Blame:
                _blame.Shown();
                break;
            case Screen.Compare:
                _compare.Shown();
                break;
            case Screen.Register:
                _registerScreen.Update();
                _registerScreen.Table.SetFocus();
                break;
            case Screen.HeatMap:
                _heatScreen.SetFocus();
                break;
            case Screen.Actions:
                _actionsScreen.Update();
                _actionsScreen.Table.SetFocus();
                break;
            case Screen.Risk:
                _riskScreen.Table.SetFocus();
                break;
            case Screen.Settings:
                _settings.Shown();
                break;
        }

        UpdateHeader();
        _hints.Screen = screen;
        SetNeedsDraw();
    }

    private void UpdateHeader()
    {
        var baseline = _session.Baseline is { } b ? $"trend since {b.Name}"
            : !_session.BaselineKnown ? "reading the last iteration"
            : _session.BaselineProblem ?? "no iterations yet";
        _header.Text = $"{KeyMap.Title(Current)} | {_session.Access.Describe()} | {baseline} | {_session.Settings.Organisation}";
        SetNeedsDraw();
    }

    private void Reload()
    {
        _session.Reload();
        WhenBaselineLoaded();
        Refresh();
        Say(_session.Snapshot.InvalidFiles.Count > 0
            ? $"Read again: {_session.Snapshot.Risks.Count} risks; {_session.Snapshot.InvalidFiles.Count} files cannot be read (risks check lists why)."
            : $"Read again: {_session.Snapshot.Risks.Count} risks.");
    }

    /// <summary>The last iteration is read once the first frame is drawn, so the person sees the register at once.</summary>
    private void StartBaselineAfterFirstFrame(object? sender, EventArgs e)
    {
        DrawComplete -= StartBaselineAfterFirstFrame;
        WhenBaselineLoaded();
        if (_session.Drafts().Count > 0)
        {
            _app.Invoke(OfferDrafts);
        }

        if (_session.PendingEdits.Count > 0)
        {
            _app.Invoke(() => _prompts.Tell(
                "Edits to re-apply after a sync",
                "Both you and someone on the remote changed the same fields, so the register holds their version and yours waits here:\n"
                + string.Join('\n', _session.PendingEdits.Select(p => $"- {p.Id}: {string.Join(", ", p.Fields)} ({p.By}, \"{p.Subject}\")"))
                + "\n\nOpen each risk: your edit is re-applied on theirs. Check the fields named, then save (or discard)."));
        }
    }

    /// <summary>
    /// On starting, the person's unsaved edits from a session that stopped before saving them:
    /// choosing one opens its risk with the edits back on screen; "Later" leaves them kept (each
    /// also comes back whenever its risk is opened).
    /// </summary>
    internal void OfferDrafts()
    {
        var drafts = _session.Drafts();
        if (drafts.Count == 0)
        {
            return;
        }

        var choices = drafts.Select(d => (d.Id.Value, DraftLabel(d))).ToList();
        var picked = _prompts.Pick(
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

    private string DraftLabel(Storage.Git.Draft draft)
    {
        var title = draft.Mine.Title.Length > 0 ? draft.Mine.Title : "(no title yet)";
        var what = draft.IsNew ? "new risk" : Core.Domain.Text.Count(Core.Changes.RiskComparer.Compare(draft.Base, draft.Mine, _session.Settings).Count, "change");
        return $"{draft.Id} {title}: {what}, kept {Core.Presentation.Formats.Moment(draft.Kept)}";
    }

    private void OpenDraft(Storage.Git.Draft draft)
    {
        if (OnRisk && !LeaveRisk("opening your kept edits"))
        {
            return;
        }

        var editor = RiskEditor.Restore(_session, draft);
        _returnTo = Screen.Register;
        _riskScreen.Open(editor);
        Show(Screen.Risk);
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

    /// <summary>Once the last iteration is read (in the background), the trends and the header are filled in.</summary>
    private void WhenBaselineLoaded()
    {
        var loading = _session.BaselineLoaded;
        if (loading.IsCompleted)
        {
            return;
        }

        loading.ContinueWith(
            _ => _app.Invoke(() =>
            {
                Refresh();
                UpdateHeader();
            }),
            TaskScheduler.Default);
        _session.TrailLoaded.ContinueWith(_ => _app.Invoke(Refresh), TaskScheduler.Default);
    }

    /// <summary>
    /// Reads the register again when someone else has committed since it was read, keeping
    /// whatever is being edited (a save then re-applies it on their version). Not while a dialog is open.
    /// </summary>
    internal void Watch()
    {
        if (!ReferenceEquals(_app.TopRunnableView, this))
        {
            return;
        }

        try
        {
            if (!_session.ChangedOnDisk())
            {
                return;
            }

            _session.Reload();
            WhenBaselineLoaded();
            Refresh();
            Say(_riskScreen.Editor is { ChangedElsewhere: true } editor && Current == Screen.Risk
                ? $"Someone else saved {editor.Id} just now; your unsaved edits are kept and a save re-applies them on theirs."
                : "The register was updated: someone else saved.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LibGit2Sharp.LibGit2SharpException or RegisterException)
        {
            Say($"Could not check for saves by others: {ex.Message}");
        }
    }

    private void Refresh()
    {
        _register.Refresh();
        _actions.Refresh();
        _registerScreen.Update();
        _actionsScreen.Update();
        _riskScreen.Update();
    }

    private void OnKeyDown(object? sender, Key key)
    {
        if (!ReferenceEquals(_app.TopRunnableView, this) || key.Handled)
        {
            return;
        }

        if (_registerScreen.FilterBox.HasFocus)
        {
            // Typing in the filter: letters type; Enter, Down and Esc go back to the table.
            if (key == Key.Enter || key == Key.CursorDown || key == Key.Esc)
            {
                _registerScreen.Table.SetFocus();
                key.Handled = true;
                return;
            }

            if (!(key.IsCtrl || (key.KeyCode >= Terminal.Gui.Drivers.KeyCode.F1 && key.KeyCode <= Terminal.Gui.Drivers.KeyCode.F12)))
            {
                return;
            }
        }

        if (KeyNames.Find(Current, key) is not { } binding)
        {
            return;
        }

        key.Handled = true;
        try
        {
            Execute(binding.Command);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LibGit2Sharp.LibGit2SharpException or RegisterException or TimeoutException)
        {
            _prompts.Tell("Could not do that", ex.Message);
        }
    }

    /// <summary>
    /// Asks a question. The last button is the default (Enter), so it is always the safe answer;
    /// a choice that throws something away has no letter, so typing never presses it.
    /// </summary>
    private int? Ask(string title, string message, params string[] buttons) => _prompts.Ask(title, message, buttons);

    private void Report(string? error, Action then)
    {
        if (error is not null)
        {
            Say(error);
            return;
        }

        then();
    }

    /// <summary>Says <paramref name="text"/> on the message line, which takes a second line when the text needs it.</summary>
    private void Say(string text)
    {
        var width = Frame.Width > 0 ? Frame.Width : 80;
        var lines = text.Length > width ? 2 : 1;
        _message.Text = text;
        _message.Height = lines;
        _message.Y = Pos.AnchorEnd(1 + lines);
        _body.Height = Dim.Fill(1 + lines);
        SetNeedsLayout();
    }

    /// <summary>Moving on a field screen: Home, End, the next or previous section, and the menu of sections (each numbered; a number, or Enter, goes there).</summary>
    private void Move(FieldScreen fields, UiCommand command)
    {
        switch (command)
        {
            case UiCommand.NextSection:
                fields.NextSection(1);
                break;
            case UiCommand.PreviousSection:
                fields.NextSection(-1);
                break;
            case UiCommand.FirstRow:
                fields.Select(0);
                break;
            case UiCommand.LastRow:
                fields.Select(fields.Rows.Count - 1);
                break;
            default:
                var sections = fields.Sections;
                var at = sections.Select((s, n) => (s.Row, n)).LastOrDefault(x => x.Row <= fields.SelectedIndex).n;
                var chosen = _prompts.Menu("Go to section", [.. sections.Select(s => s.Heading.Label)], at);
                if (chosen is { } n)
                {
                    fields.Select(sections[n].Row);
                }

                break;
        }
    }
}
