using Microsoft.Extensions.Time.Testing;
using Risks.App;
using Risks.Storage.Git;
using Risks.Tests.Support;
using Risks.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using Terminal.Gui.Views;

namespace Risks.Tests.Tui;

/// <summary>
/// The main window on a copy of the sample register, drawn by the real ANSI driver with no
/// terminal at 80x24 (or another size), with keys injected as a person would type them.
/// </summary>
internal sealed class Headless : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly IApplication _app;
    private readonly SessionToken _token;

    public Headless(string login = "soconnor", int width = 80, int height = 24, Func<string, string>? register = null)
    {
        Root = (register ?? (folder => SampleRegister.CopyTo(folder)))(Path.Combine(_folder.Path, "register"));
        Session = new Session(Register.Open(Root, Clock), login, Clock);
        Session.BaselineLoaded.Wait();

        // As with the baseline, the BAF rules are checked before the window is made, so every screen is drawn as it is
        // once they are known (the window checks them after its first frame; RegisterViewTests cover the moment before).
        Session.CheckRules();
        _app = Application.Create(new VirtualTimeProvider());
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(width, height);
        Window = new MainWindow(_app, Session);
        _token = _app.Begin(Window)!;
        Draw();
    }

    /// <summary>The UI on a new, empty register, as 'risks init' makes it: Helen Tester (hetester) its only person, a governance lead.</summary>
    public static Headless OnNewRegister(int width = 80, int height = 24) =>
        new("hetester", width, height, folder =>
        {
            var settings = new Core.Domain.RegisterSettings
            {
                Organisation = "Northfield Community Health NHS Trust",
                People = [new Core.Domain.Person { Login = "hetester", Name = "Helen Tester", Email = "helen.tester@northfield.example", Role = Core.Domain.Role.GovernanceLead }],
            };
            return Register.Init(folder, settings, new Author("Helen Tester", "helen.tester@northfield.example", "hetester")).Root;
        });

    public string Root { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 20, 10, 0, 0, TimeSpan.Zero));

    public Session Session { get; }

    public MainWindow Window { get; }

    public IApplication App => _app;

    /// <summary>The screen as text, one line per row.</summary>
    public string Screen
    {
        get
        {
            Draw();
            return _app.Driver!.ToString()!;
        }
    }

    public void Press(params Key[] keys)
    {
        foreach (var key in keys)
        {
            _app.InjectKey(key);
        }

        Draw();
    }

    public void Type(string text)
    {
        foreach (var c in text)
        {
            _app.InjectKey(new Key(c));
        }

        Draw();
    }

    /// <summary>
    /// Presses <paramref name="key"/>, which opens a dialog, and answers each dialog that opens
    /// with the next of <paramref name="answers"/> (keys injected while it is the top view).
    /// </summary>
    public void PressWithDialogs(Key key, params Action<Headless, Dialog>[] answers) =>
        WithDialogs(() => _app.InjectKey(key), answers);

    /// <summary>
    /// Runs <paramref name="action"/>, which opens dialogs, answering each that opens with the next
    /// of <paramref name="answers"/>; a step limit stops a dialog that never closes.
    /// </summary>
    public void WithDialogs(Action action, params Action<Headless, Dialog>[] answers)
    {
        var queue = new Queue<Action<Headless, Dialog>>(answers);
        var steps = 0;
        void OnIteration(object? sender, EventArgs<IApplication?> e)
        {
            if (++steps > 500)
            {
                _app.RequestStop();
                return;
            }

            if (_app.TopRunnableView is Dialog dialog && queue.Count > 0)
            {
                queue.Dequeue()(this, dialog);
            }
        }

        _app.Iteration += OnIteration;
        try
        {
            action();
        }
        finally
        {
            _app.Iteration -= OnIteration;
        }

        queue.ShouldBeEmpty("every expected dialog should have opened");
        Draw();
    }

    /// <summary>Every view inside <paramref name="view"/>, at any depth.</summary>
    public static IEnumerable<Terminal.Gui.ViewBase.View> All(Terminal.Gui.ViewBase.View view) =>
        view.SubViews.SelectMany(v => All(v).Prepend(v));

    /// <summary>Everything a dialog says: its title, its text and its labels' texts.</summary>
    public static string Said(Dialog dialog) =>
        string.Join('\n', new[] { dialog.Title, dialog.Text }.Concat(All(dialog).OfType<Label>().Select(l => l.Text)).Where(t => !string.IsNullOrEmpty(t)));

    public void Dispose()
    {
        _app.End(_token);
        Window.Dispose();
        _app.Dispose();
        _folder.Dispose();
    }

    private void Draw() => _app.LayoutAndDraw(false);
}
