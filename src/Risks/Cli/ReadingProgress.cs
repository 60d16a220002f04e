using Risks.Storage.Git;

namespace Risks.Cli;

/// <summary>
/// A line on the terminal, rewritten in place, saying how far a long read of the register has got
/// ("Reading 4,000 of 10,000 risk files"), so a person starting the full-screen
/// register on a large one the first time (before its parse cache is written) sees it at work
/// rather than a blank screen. Nothing is shown for a read that ends within half a second, nor
/// when the terminal is not there to show it; the line is cleared when the read ends.
/// </summary>
/// <param name="terminal">Where to show it; null to show nothing.</param>
/// <param name="quiet">How long a read may take before it is shown: by default half a second.</param>
internal sealed class ReadingProgress(TextWriter? terminal, TimeSpan? quiet = null) : IProgress<LoadProgress>, IDisposable
{
    private readonly TimeSpan _quiet = quiet ?? TimeSpan.FromMilliseconds(500);

    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private bool _shown;

    public void Report(LoadProgress value)
    {
        if (terminal is null || _watch.Elapsed < _quiet)
        {
            return;
        }

        lock (_lock)
        {
            // Short enough for an 80-column terminal, so the line never wraps and \r rewrites it.
            terminal.Write($"\rReading {value.Done:N0} of {value.Total:N0} risk files (a first read; later starts are quicker)");
            terminal.Flush();
            _shown = true;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_shown && terminal is not null)
            {
                // Back to the start of the line and clear it, so the full-screen register starts on a clean terminal.
                terminal.Write("\r\u001b[2K");
                terminal.Flush();
            }
        }
    }
}
