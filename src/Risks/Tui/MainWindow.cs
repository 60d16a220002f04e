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
    private readonly RiskController _risk;
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
        _history = new HistoryController(this);
        _blame = new BlameController(this);
        _compare = new CompareController(this);
        _risk = new RiskController(this, _history, _blame);
        _settings = new SettingsController(this);
        _iterations = new IterationsController(this, _compare);
        _papers = new PapersController(this);
        body.Add(_registerScreen, _heatScreen, _actionsScreen, _risk.View, _settings.View, _history.View, _blame.View, _compare.View);
        Add(_header, body, _message, _hints);

        _registerScreen.Table.Accepted += (_, _) => OpenSelected();
        _actionsScreen.Table.Accepted += (_, _) => OpenSelected();
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

    /// <summary>The screen shown now.</summary>
    public Screen Current { get; private set; }

    /// <summary>The last message shown on the message line, for tests.</summary>
    public string Message => _message.Text;

    public RegisterScreen RegisterScreen => _registerScreen;

    public RiskScreen RiskScreen => _risk.View;

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
                if (_risk.Leave("quitting") && _settings.Leave("quitting"))
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
                _risk.New();
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
                if (Current != Screen.Compare && (!_risk.Showing || _risk.Leave("comparing")))
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
                if (Current != Screen.Settings && (!_risk.Showing || _risk.Leave("opening the settings")))
                {
                    _settings.Open();
                }

                break;
            default:
                if (Current == Screen.Settings)
                {
                    _settings.Execute(command);
                }
                else
                {
                    _risk.Execute(command);
                }

                break;
        }

        SetNeedsDraw();
    }

    private void OpenSelected()
    {
        switch (Current)
        {
            case Screen.Register:
                _risk.Open(_registerScreen.Selected?.Stored);
                break;
            case Screen.Actions:
                var action = _actionsScreen.Selected;
                _risk.Open(action is null ? null : _session.Snapshot.Find(action.Risk.Id), action is null ? null : $"actions[{action.Index}].text");
                break;
            default:
                Say("No risk selected.");
                break;
        }
    }

    private void SwitchTo(Screen screen)
    {
        if ((_risk.Showing && !_risk.Leave("leaving it")) || (Current == Screen.Settings && !_settings.Leave("leaving them")))
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
        _risk.View.Visible = screen == Screen.Risk;
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
                _risk.Shown();
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
            _app.Invoke(_risk.OfferDrafts);
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
            Say(_risk.Editor is { ChangedElsewhere: true } editor && Current == Screen.Risk
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
        _risk.Refresh();
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

}
