using System.Diagnostics;
using System.Text;

namespace Risks.Benchmarks;

/// <summary>
/// Reads a tmux pane's screen over one control-mode connection (<c>tmux -C attach-session</c>,
/// read-only, without the pane's output and without changing its size) instead of starting a
/// <c>tmux capture-pane</c> process for every read. On two cores, a process started every 10 ms
/// takes enough of the machine to slow the program being timed by a fifth: reading the screen
/// this way costs the tmux server a moment and starts nothing.
/// </summary>
internal sealed class TmuxScreen : IDisposable
{
    private readonly Process _client;
    private readonly string _target;

    public TmuxScreen(string socket, string target)
    {
        _target = target;
        var start = new ProcessStartInfo("tmux")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-L", socket, "-C", "attach-session", "-t", target, "-f", "no-output,read-only,ignore-size" })
        {
            start.ArgumentList.Add(arg);
        }

        _client = Process.Start(start)!;
        _client.StandardInput.AutoFlush = true;
    }

    /// <summary>The screen as <c>capture-pane -p</c> gives it, or null once the connection has ended (the session is gone).</summary>
    public string? Capture()
    {
        _client.StandardInput.WriteLine($"capture-pane -p -t {_target}");
        var screen = new StringBuilder();
        var inReply = false;
        while (_client.StandardOutput.ReadLine() is { } line)
        {
            if (!inReply)
            {
                // Notifications (%session-changed, %exit and the like) come only outside a reply.
                if (line.StartsWith("%exit", StringComparison.Ordinal))
                {
                    return null;
                }

                inReply = line.StartsWith("%begin ", StringComparison.Ordinal);
                continue;
            }

            if (line.StartsWith("%end ", StringComparison.Ordinal) || line.StartsWith("%error ", StringComparison.Ordinal))
            {
                return line.StartsWith("%end ", StringComparison.Ordinal) ? screen.ToString() : null;
            }

            screen.Append(line).Append('\n');
        }

        return null;
    }

    public void Dispose()
    {
        try
        {
            _client.StandardInput.Close();
            if (!_client.WaitForExit(2000))
            {
                _client.Kill();
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
        }

        _client.Dispose();
    }
}
