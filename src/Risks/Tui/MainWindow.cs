using Risks.App;
using Risks.Storage.Git;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Risks.Tui;

/// <summary>
/// The one window, the shell around the screens: a header naming the register and the person, the
/// current screen, the message line and a bar of key hints. Every key of <see cref="KeyMap"/> is
/// taken here, before the focused view sees it (so a table's type-to-search never swallows a
/// command letter): the keys of every screen (switching screens, reloading, help, quitting) are
/// run here, the rest by the current screen's controller. It also watches for saves by others
/// and reads the last iteration in the background.
/// </summary>
internal sealed class MainWindow : Window, IScreenHost
{
    private readonly IApplication _app;
    private readonly Session _session;
    private readonly Prompts _prompts;
    private readonly RegisterController _register;
    private readonly HeatMapController _heat;
    private readonly ActionsController _actions;
    private readonly RiskController _risk;
    private readonly SettingsController _settings;
    private readonly CompareController _compare;
    private readonly BoardLogController _boardLog;
    private readonly IReadOnlyList<ScreenController> _screens;
    private readonly View _body;
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

        _header = new Label { HotKeySpecifier = Texts.NoHotKey, X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
        _message = new Label { HotKeySpecifier = Texts.NoHotKey, X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 1 };
        _hints = new HintBar(command => Execute(command)) { Y = Pos.AnchorEnd(1) };
        var body = _body = new View { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(2), CanFocus = true };
        // The register is drawn before its BAF rules are checked; they are checked once the first frame is drawn.
        session.CheckRulesLater = true;
        var history = new HistoryController(this);
        var blame = new BlameController(this);
        _compare = new CompareController(this);
        _risk = new RiskController(this, history, blame);
        _settings = new SettingsController(this);
        _register = new RegisterController(this, _risk, new IterationsController(this, _compare), new PapersController(this));
        _heat = new HeatMapController(this, _register);
        _actions = new ActionsController(this, _risk);
        _boardLog = new BoardLogController(this);
        _screens = [_register, _heat, _actions, _risk, _settings, history, blame, _compare, _boardLog];
        body.Add([.. _screens.Select(s => s.View)]);
        Add(_header, body, _message, _hints);

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

    public RegisterScreen RegisterScreen => _register.View;

    public RiskScreen RiskScreen => _risk.View;

    public SettingsScreen SettingsScreen => _settings.View;

    /// <summary>The hints the bar at the bottom shows now.</summary>
    public IReadOnlyList<Risks.App.KeyBinding> Hints => _hints.Shown;

    public ActionsScreen ActionsScreen => _actions.View;

    /// <summary>The board log screen's rows, for tests.</summary>
    public BoardLogView BoardLog => _boardLog.Log;

    public ListScreen BoardLogScreen => _boardLog.View;

    public HeatMapView HeatMap => _heat.Map;

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

    /// <summary>Runs a command as its key would: one of every screen's here, the rest by the current screen's controller.</summary>
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
            case UiCommand.ShowBoardLog:
                SwitchTo(Screen.BoardLog);
                break;
            case UiCommand.Reload:
                Reload();
                break;
            case UiCommand.ShowCompare:
                if (Current != Screen.Compare && (!_risk.Showing || _risk.Leave("comparing")))
                {
                    _compare.Open();
                }

                break;
            case UiCommand.ShowSettings:
                if (Current != Screen.Settings && (!_risk.Showing || _risk.Leave("opening the settings")))
                {
                    _settings.Open();
                }

                break;
            default:
                ControllerOf(Current).Execute(command);
                break;
        }

        SetNeedsDraw();
    }

    private ScreenController ControllerOf(Screen screen) => _screens.First(s => s.Screen == screen);

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
        foreach (var each in _screens)
        {
            each.View.Visible = each.Screen == screen;
        }

        ControllerOf(screen).Shown();
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
        Task.Run(() =>
        {
            try
            {
                _session.CheckRules();
            }
            finally
            {
                // From now on each new read of the register is checked as it is shown.
                _session.CheckRulesLater = false;
            }
        }).ContinueWith(_ => _app.Invoke(_register.Refresh), TaskScheduler.Default); // only the register shows them
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
        foreach (var screen in _screens)
        {
            screen.Refresh();
        }
    }

    private void OnKeyDown(object? sender, Key key)
    {
        if (!ReferenceEquals(_app.TopRunnableView, this) || key.Handled)
        {
            return;
        }

        if (ControllerOf(Current).Intercepts(key))
        {
            return;
        }

        if (KeyNames.Find(Current, key) is not { } binding)
        {
            // Esc is the application's quit key so that it cancels dialogs (TerminalApp.Run); on a screen that gives it no
            // meaning of its own it does nothing, or it would end the program without the checks Ctrl+Q makes.
            key.Handled = key == Key.Esc;
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
