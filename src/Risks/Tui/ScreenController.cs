using Risks.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace Risks.Tui;

/// <summary>
/// What a screen's controller may ask of the window it runs in: the session, the dialogs, the
/// message line, which screen is shown, and reading the register again.
/// </summary>
internal interface IScreenHost
{
    Session Session { get; }

    Prompts Prompts { get; }

    /// <summary>The screen shown now.</summary>
    Screen Current { get; }

    /// <summary>Shows <paramref name="screen"/>, focused, without asking about unsaved edits.</summary>
    void Show(Screen screen);

    /// <summary>Says <paramref name="text"/> on the message line.</summary>
    void Say(string text);

    /// <summary>Runs a command as its key would.</summary>
    void Execute(UiCommand command);

    /// <summary>Every screen drawn again from the register as read now.</summary>
    void Refresh();

    /// <summary>The header line written again (the person, the baseline, the organisation).</summary>
    void UpdateHeader();

    /// <summary>Once the last iteration is read (in the background), the trends and the header are filled in.</summary>
    void WhenBaselineLoaded();
}

/// <summary>
/// The base of every controller, of a screen or of a dialog opened from one: the window it runs
/// in, and the ways it speaks to the person.
/// </summary>
internal abstract class Controller(IScreenHost host)
{
    protected IScreenHost Host => host;

    protected Session Session => host.Session;

    protected Prompts Prompts => host.Prompts;

    protected void Say(string text) => host.Say(text);

    /// <summary>
    /// Asks a question. The last button is the default (Enter), so it is always the safe answer;
    /// a choice that throws something away has no letter, so typing never presses it.
    /// </summary>
    protected int? Ask(string title, string message, params string[] buttons) => host.Prompts.Ask(title, message, buttons);

    /// <summary>Says <paramref name="error"/> if there is one, else does <paramref name="then"/>.</summary>
    protected void Report(string? error, Action then)
    {
        if (error is not null)
        {
            Say(error);
            return;
        }

        then();
    }
}

/// <summary>
/// One screen's controller: the view it shows, what happens when it is shown, and the commands
/// of its keys in <see cref="KeyMap"/> (the keys every screen shares are run by the window).
/// </summary>
internal abstract class ScreenController(IScreenHost host) : Controller(host)
{
    /// <summary>The screen this controls.</summary>
    public abstract Screen Screen { get; }

    /// <summary>The screen's view, shown only while it is the current screen.</summary>
    public abstract View View { get; }

    /// <summary>Just made the current screen: brings it up to date where it needs it, and focuses it.</summary>
    public abstract void Shown();

    /// <summary>Runs one of this screen's commands.</summary>
    public abstract void Execute(UiCommand command);

    /// <summary>
    /// Whether the screen takes <paramref name="key"/> itself, before the key map sees it (such as
    /// letters typed into a text field); marks it handled when it did something with it.
    /// </summary>
    public virtual bool Intercepts(Key key) => false;

    /// <summary>After the register is read again: the screen drawn again from it.</summary>
    public virtual void Refresh()
    {
    }
}
