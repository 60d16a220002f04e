using Terminal.Gui.App;

namespace Risks.Tui;

/// <summary>
/// Keeping the stack of running windows whole. A dialog whose start fails part-way (an error
/// while it is being set up) is left on the stack as the top window with nothing running it: it
/// takes every key and draws nothing, and the screen looks dead. These end such windows.
/// </summary>
internal static class Sessions
{
    /// <summary>Ends every window above <paramref name="keep"/> on the stack; returns how many were ended.</summary>
    public static int EndAbove(IApplication app, IRunnable keep)
    {
        var ended = 0;
        for (var guard = 0; guard < 64; guard++)
        {
            if (app.SessionStack is not { } stack || !stack.TryPeek(out var top) || top.Runnable is not { } runnable || ReferenceEquals(runnable, keep))
            {
                break;
            }

            app.End(top);
            ended++;
        }

        return ended;
    }

    /// <summary>Ends <paramref name="dialog"/> if it is still on the stack after its run failed.</summary>
    public static void EndIfLeft(IApplication app, IRunnable dialog)
    {
        if (app.SessionStack?.FirstOrDefault(t => ReferenceEquals(t.Runnable, dialog)) is not { } token)
        {
            return;
        }

        // Anything started on top of it went with it.
        while (app.SessionStack.TryPeek(out var top) && !ReferenceEquals(top, token))
        {
            app.End(top);
        }

        app.End(token);
    }
}
