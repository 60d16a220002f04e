using System.Diagnostics;

namespace Risks.Tests.Support;

/// <summary>
/// The real program in a real terminal: tmux at a given size, keys sent one at a time as a
/// person types them, and the screen read back as text. Each instance has its own tmux server.
/// </summary>
internal sealed class Tmux : IDisposable
{
    private readonly string _socket = $"risks-e2e-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <param name="program">The program run with <paramref name="risksArgs"/>: by default this build of risks; another (ssh) for a session opened elsewhere.</param>
    public Tmux(string workingDirectory, IReadOnlyList<string> risksArgs, int width = 80, int height = 24, IReadOnlyDictionary<string, string>? variables = null, IReadOnlyList<string>? program = null)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = TestEnvironment.Home,
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["TERM"] = "xterm-256color",
            ["LANG"] = "C.UTF-8",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = TestEnvironment.GlobalConfigFile,
            ["XDG_CONFIG_HOME"] = Path.Combine(TestEnvironment.Home, ".config"),
            ["XDG_STATE_HOME"] = Path.Combine(TestEnvironment.Home, ".state"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var name in new[] { "DOTNET_ROOT", "USER", "LOGNAME" })
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                env[name] = value;
            }
        }

        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        var command = string.Join(' ', new[] { "env", "-i" }.Concat(env.Select(e => Quote($"{e.Key}={e.Value}"))).Concat((program ?? Paths.Program).Select(Quote)).Concat(risksArgs.Select(Quote)));
        // The shell prints the exit code once the program has ended and the terminal is back.
        Run("new-session", "-d", "-s", "e2e", "-x", $"{width}", "-y", $"{height}", "-c", workingDirectory, $"{command}; echo \"{Exited}$?]\"; sleep 600");
    }

    /// <summary>tmux is on the PATH.</summary>
    public static bool Available => ChildProcess.Run("tmux", ["-V"], null, TimeSpan.FromSeconds(10)).Code == 0;

    /// <summary>The screen as text.</summary>
    public string Screen => Run("capture-pane", "-t", "e2e", "-p");

    /// <summary>Sends keys in tmux's names (<c>Enter</c>, <c>C-q</c>, <c>Down</c>), one at a time.</summary>
    public void Send(params string[] keys)
    {
        foreach (var key in keys)
        {
            Run("send-keys", "-t", "e2e", key);
            Thread.Sleep(120);
        }
    }

    public void Type(string text)
    {
        Run("send-keys", "-t", "e2e", "-l", text);
        Thread.Sleep(200);
    }

    /// <summary>Waits until <paramref name="text"/> is on screen; fails with the screen if it does not appear in time.</summary>
    public string WaitFor(string text, int seconds = 20)
    {
        var until = Stopwatch.StartNew();
        string screen;
        while (!(screen = Screen).Contains(text, StringComparison.Ordinal))
        {
            if (until.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new ShouldAssertException($"\"{text}\" did not appear within {seconds} s; the screen was:\n{screen}");
            }

            Thread.Sleep(100);
        }

        return screen;
    }

    /// <summary>Waits until <paramref name="text"/> is no longer on screen (a dialog closed); fails with the screen if it stays.</summary>
    public void WaitForGone(string text, int seconds = 20)
    {
        var until = Stopwatch.StartNew();
        string screen;
        while ((screen = Screen).Contains(text, StringComparison.Ordinal))
        {
            if (until.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new ShouldAssertException($"\"{text}\" was still on screen after {seconds} s:\n{screen}");
            }

            Thread.Sleep(100);
        }
    }

    private const string Exited = "[risks exited with ";

    /// <summary>The program's exit code once it has ended, or null while it runs.</summary>
    public int? ExitCode
    {
        get
        {
            var screen = Screen;
            var at = screen.IndexOf(Exited, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            var rest = screen[(at + Exited.Length)..];
            return int.TryParse(rest[..rest.IndexOf(']', StringComparison.Ordinal)], out var code) ? code : null;
        }
    }

    public int WaitForExit(int seconds = 15)
    {
        var until = Stopwatch.StartNew();
        while (true)
        {
            if (ExitCode is { } code)
            {
                return code;
            }

            if (until.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new ShouldAssertException($"the program did not end within {seconds} s; the screen was:\n{Screen}");
            }

            Thread.Sleep(100);
        }
    }

    /// <summary>Kills the program with SIGKILL, as a crash or a dropped session would end it: no handler runs, nothing is tidied.</summary>
    public void Kill()
    {
        var shell = Run("display-message", "-p", "-t", "e2e", "#{pane_pid}").Trim();
        ChildProcess.Run("pkill", ["-KILL", "-P", shell], null, TimeSpan.FromSeconds(10));
    }

    public void Dispose() => ChildProcess.Run("tmux", ["-L", _socket, "kill-server"], null, TimeSpan.FromSeconds(10));

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private string Run(params string[] args)
    {
        var (code, output, error) = ChildProcess.Run("tmux", ["-L", _socket, .. args], null, TimeSpan.FromSeconds(20));
        code.ShouldBe(0, $"tmux {string.Join(' ', args)}: {error}");
        return output;
    }
}
