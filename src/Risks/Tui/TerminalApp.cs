using Risks.App;
using Terminal.Gui.App;
using Terminal.Gui.Input;

namespace Risks.Tui;

/// <summary>
/// Starts the full-screen UI on a session and always gives the terminal back: on quit, on an
/// error in a handler (logged and shown, and the UI carries on), and on a crash (logged, and the
/// terminal restored before the message is printed).
/// </summary>
internal static class TerminalApp
{
    /// <summary>Where unexpected errors are written: $XDG_STATE_HOME/risks/risks.log (else ~/.local/state).</summary>
    public static string LogFile(Func<string, string?> variable)
    {
        var state = variable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state))
        {
            state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        }

        return Path.Combine(state, "risks", "risks.log");
    }

    /// <summary>Runs the UI until the person quits. Returns the exit code.</summary>
    public static int Run(Session session, string logFile, TextWriter error)
    {
        // Esc cancels a dialog; the main window ignores Esc (it is ambiguous on Unix terminals) and quits on Ctrl+Q.
#pragma warning disable CS0618 // the default quit key is only settable through this process-wide setting
        Application.SetDefaultKeyBinding(Command.Quit, new PlatformKeyBinding { All = [Key.Q.WithCtrl, Key.Esc] });
#pragma warning restore CS0618
        try
        {
            using var app = Application.Create();
            app.Init();
            using var window = new MainWindow(app, session);
            app.Run(window, ex => Recover(app, window, logFile, ex));
            return 0;
        }
        catch (Exception ex)
        {
            Log(logFile, ex);
            error.WriteLine($"risks: unexpected error: {ex.Message} (details in {logFile})");
            return 70;
        }
    }

    /// <summary>
    /// After an error in a handler: logs it, ends any dialog it left half started (which would
    /// otherwise take every key and draw nothing), says what happened, and redraws the whole
    /// screen, so the program goes on with the person's edits (and their draft) as they were.
    /// </summary>
    internal static bool Recover(IApplication app, MainWindow window, string logFile, Exception ex)
    {
        Log(logFile, ex);
        Sessions.EndAbove(app, window);
        Terminal.Gui.Views.MessageBox.ErrorQuery(
            app,
            "Unexpected error",
            $"{ex.Message}\n\nNothing was saved by the failed step; your unsaved edits are still on screen (and kept as a draft).\nDetails are in {logFile}.",
            "_OK");
        Sessions.EndAbove(app, window);
        window.AfterError();
        app.LayoutAndDraw(true);
        return true;
    }

    private static void Log(string logFile, Exception ex)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
            File.AppendAllText(logFile, $"{DateTimeOffset.Now:O} {ex}\n\n");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
