using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Risks.Benchmarks;

/// <summary>Start-up to first frame on one register: the timed runs (the warm-up run is not among them).</summary>
/// <param name="CacheRemoved">Whether the register's parse cache was removed before each run, as the very first time the program opens it.</param>
/// <param name="ProgressShown">In how many of the timed runs the first read's progress line ("Reading N of M risk files") was seen before the first frame.</param>
/// <param name="SettledPeakRssKb">The peak RSS once the program had gone idle after the first frame, its background reads (the last iteration, the trend sparklines) done.</param>
/// <param name="SettledMs">When the program went idle, from the start of each run.</param>
internal sealed record FirstFrame(string Register, int Risks, List<double> Ms, List<long> PeakRssKb, double OthersShare, string? Failure, bool CacheRemoved = false, int ProgressShown = 0, List<long>? SettledPeakRssKb = null, List<double>? SettledMs = null)
{
    /// <summary>The peak RSS over the whole start, background reads included: once idle where measured, else at the first frame.</summary>
    public List<long> StartPeakRssKb => SettledPeakRssKb is { Count: > 0 } settled ? settled : PeakRssKb;
}

/// <summary>
/// Start-up to first frame as a person at a terminal sees it: the published <c>risks</c> program,
/// run with <c>--register</c> inside tmux at 80x24, timed from starting the tmux session until the
/// register screen's counts line ("... of N risks: ...") is on screen, read back with
/// <c>capture-pane -p</c> every <see cref="PollMs"/> ms over one tmux control-mode connection
/// (<see cref="TmuxScreen"/>). Then Ctrl+Q, and the program must
/// end with exit code 0; the tmux server (one per run, on a socket of its own) is killed in any case.
/// </summary>
internal sealed partial class FirstFrames
{
    public const int PollMs = 10;

    /// <summary>How long after the first frame the peak RSS is read first.</summary>
    public const int SettleMs = 250;

    /// <summary>
    /// How long the program must use under <see cref="IdleShare"/> of one core to count as idle, its
    /// background reads done; the peak RSS is read again then, just before Ctrl+Q.
    /// </summary>
    public const int IdleMs = 1_000;

    /// <summary>The share of one core under which the program counts as idle.</summary>
    public const double IdleShare = 0.10;

    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);

    private readonly string? _risks;
    private readonly string _home = "";
    private readonly string _tmuxConf = "";

    private FirstFrames(string? skipped, string? risks, string home, string? tmux, bool readyToRun, int runs)
    {
        Skipped = skipped;
        _risks = risks;
        _home = home;
        _tmuxConf = Path.Combine(home, "tmux.conf");
        TmuxVersion = tmux;
        ReadyToRun = readyToRun;
        Runs = runs;
    }

    /// <summary>Why the measurement was not made (tmux missing, --no-startup, the publish failed), or null.</summary>
    public string? Skipped { get; }

    public string? TmuxVersion { get; }

    public bool ReadyToRun { get; }

    public int Runs { get; }

    public List<FirstFrame> Results { get; } = [];

    /// <summary>
    /// Finds tmux and makes the home the program runs with; <paramref name="risks"/> is the
    /// program published by <see cref="Benchmarks.ReadyToRun.PublishRisks"/>, or null with the
    /// reason in <paramref name="publishFailure"/>.
    /// </summary>
    public static FirstFrames Prepare(string workDir, int runs, bool readyToRun, bool skip, string? risks, string? publishFailure)
    {
        var home = Path.Combine(workDir, "startup-home");
        if (skip)
        {
            return new FirstFrames("not measured in this run (`--no-startup`)", null, home, null, readyToRun, runs);
        }

        var tmux = TmuxVersionOrNull();
        if (tmux is null)
        {
            Console.WriteLine("  start-up to first frame: tmux is not installed; skipped");
            return new FirstFrames("not measured: tmux is not installed on this machine", null, home, null, readyToRun, runs);
        }

        if (risks is null)
        {
            Console.WriteLine($"  start-up to first frame: {publishFailure}; skipped");
            return new FirstFrames($"not measured: publishing `risks` failed ({publishFailure?.Split('\n')[0]})", null, home, tmux, readyToRun, runs);
        }

        if (Directory.Exists(home))
        {
            Directory.Delete(home, recursive: true);
        }

        Directory.CreateDirectory(home);
        // A dead pane stays, so the program's exit code can be read and a failure's screen shown.
        File.WriteAllText(Path.Combine(home, "tmux.conf"), "set -g remain-on-exit on\n");
        return new FirstFrames(null, risks, home, tmux, readyToRun, runs);
    }

    /// <summary>Builds the sample register with <c>risks demo PATH --no-ui</c> and measures it.</summary>
    public void MeasureDemo(string workDir)
    {
        if (_risks is null)
        {
            return;
        }

        var demo = Path.Combine(workDir, "demo");
        if (Directory.Exists(demo))
        {
            Directory.Delete(demo, recursive: true);
        }

        var start = new ProcessStartInfo(_risks) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment.Clear();
        foreach (var (variable, value) in Environment())
        {
            start.Environment[variable] = value;
        }

        foreach (var arg in new[] { "demo", demo, "--no-ui" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        const string name = "the sample register (`risks demo PATH --no-ui`)";
        if (process.ExitCode != 0)
        {
            Results.Add(new FirstFrame(name, 0, [], [], 0, $"`risks demo` failed ({process.ExitCode}): {(errors.Result + output).Trim()}"));
            return;
        }

        Measure(demo, name, null);
    }

    /// <summary>
    /// One warm-up run and <see cref="Runs"/> timed runs on <paramref name="register"/>, once other
    /// processes are quiet; <paramref name="risks"/> is the count the counts line must show, if known.
    /// With <paramref name="removeCache"/>, the register's parse cache is removed before each run
    /// (the first time the program opens the register, or the first time after an upgrade);
    /// otherwise each run finds the cache the one before it left.
    /// </summary>
    public void Measure(string register, string name, int? risks, bool removeCache = false)
    {
        if (_risks is null)
        {
            return;
        }

        Console.WriteLine($"  start-up to first frame in tmux at 80x24, {Runs} runs after a warm-up: {name}...");
        CpuSample.WaitForQuiet(0.10, TimeSpan.FromMinutes(3));
        var before = CpuSample.Now();
        long theirs = 0;
        var times = new List<double>();
        var peaks = new List<long>();
        var settledPeaks = new List<long>();
        var settledMs = new List<double>();
        var shown = risks ?? 0;
        var progress = 0;
        try
        {
            for (var i = 0; i <= Runs; i++)
            {
                if (removeCache)
                {
                    Benchmarks.Measure.RemoveParseCache(register);
                }

                var run = Once(register, risks);
                theirs += run.Ticks;
                shown = run.Risks;
                if (i > 0)
                {
                    times.Add(run.Ms);
                    peaks.Add(run.PeakRssKb);
                    settledPeaks.Add(run.SettledPeakRssKb);
                    settledMs.Add(run.SettledMs);
                    progress += run.SawProgress ? 1 : 0;
                }
            }
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"  start-up to first frame failed: {e.Message}");
            Results.Add(new FirstFrame(name, shown, times, peaks, 0, e.Message, removeCache));
            return;
        }

        var others = CpuSample.OthersShare(before, CpuSample.Now(), theirs);
        Results.Add(new FirstFrame(name, shown, times, peaks, others, null, removeCache, progress, settledPeaks, settledMs));
        Console.WriteLine($"  first frame {Report.Ms(Stat.Of(times))} ms, peak RSS {Stat.Of(peaks.Select(p => p / 1024.0).ToList()).Median:N0} MB then and {Stat.Of(settledPeaks.Select(p => p / 1024.0).ToList()).Max:N0} MB at most once idle (after {Stat.Of(settledMs).Median:N0} ms), the first read's progress seen in {progress} of {times.Count} runs; other processes used {others:P0} of the machine meanwhile");
    }

    /// <summary>Removes the published program, its home and the sample register.</summary>
    public void Clean(string workDir)
    {
        foreach (var dir in new[] { "risks-build", "startup-home", "demo" })
        {
            var path = Path.Combine(workDir, dir);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    /// <summary>
    /// One run: the time to the counts line, the program's peak RSS (VmHWM) <see cref="SettleMs"/>
    /// ms later and again once it has gone idle (<see cref="WaitForIdle"/>), when that was, and the CPU ticks of the program (up to Ctrl+Q) and the tmux server, so they are not
    /// counted as other processes' use of the machine.
    /// </summary>
    private (double Ms, int Risks, long PeakRssKb, long Ticks, bool SawProgress, long SettledPeakRssKb, double SettledMs) Once(string register, int? risks)
    {
        var socket = $"risks-bench-{System.Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        var command = "exec env -i " + string.Join(' ', Environment().Select(e => Quote($"{e.Key}={e.Value}"))) + " " + Quote(_risks!) + " --register " + Quote(register);
        try
        {
            var watch = Stopwatch.StartNew();
            Tmux(socket, "-f", _tmuxConf, "new-session", "-d", "-s", "bench", "-x", "80", "-y", "24", command);
            using var reader = new TmuxScreen(socket, "bench");
            Match counts;
            var polls = 0;
            var sawProgress = false;
            string screen;
            while (!(counts = CountsLine().Match(screen = reader.Capture() ?? Tmux(socket, "capture-pane", "-p", "-t", "bench"))).Success)
            {
                sawProgress |= ProgressLine().IsMatch(screen);
                if (watch.Elapsed > FrameTimeout || (++polls % 25 == 0 && Ended(socket, 0) is not null))
                {
                    throw new InvalidOperationException($"the counts line did not appear ({(Ended(socket, 0) is { } code ? $"the program ended with exit code {code}" : $"not within {FrameTimeout.TotalSeconds:N0} s")}); the screen was:\n{Tmux(socket, "capture-pane", "-p", "-t", "bench").TrimEnd()}");
                }

                Thread.Sleep(PollMs);
            }

            var ms = watch.Elapsed.TotalMilliseconds;
            var total = int.Parse(counts.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            if (risks is { } expected && total != expected)
            {
                throw new InvalidOperationException($"the counts line shows {total} risks, expected {expected}: {counts.Value}");
            }

            var pid = int.Parse(Tmux(socket, "display", "-p", "-t", "bench", "#{pane_pid}").Trim(), CultureInfo.InvariantCulture);
            var server = int.Parse(Tmux(socket, "display", "-p", "#{pid}").Trim(), CultureInfo.InvariantCulture);
            Thread.Sleep(SettleMs);
            var comm = File.ReadAllText($"/proc/{pid}/comm").Trim();
            // risks becomes the full-screen program published beside it (execv: the same process, another name).
            if (comm != Path.GetFileName(_risks) && comm != "risks-ui")
            {
                throw new InvalidOperationException($"the pane's process is {comm}, not {Path.GetFileName(_risks)} or risks-ui");
            }

            var peak = ProcStatusKb(pid, "VmHWM");
            var settledMs = WaitForIdle(pid, watch);
            var settledPeak = ProcStatusKb(pid, "VmHWM");
            var programTicks = CpuTicks(pid);
            Tmux(socket, "send-keys", "-t", "bench", "C-q");
            var quit = Stopwatch.StartNew();
            int? exit;
            while ((exit = Ended(socket, pid)) is null)
            {
                if (quit.Elapsed > ExitTimeout)
                {
                    throw new InvalidOperationException($"the program did not end within {ExitTimeout.TotalSeconds:N0} s of Ctrl+Q (pane {Tmux(socket, "display", "-p", "-t", "bench", "dead #{pane_dead}, status #{pane_dead_status}, signal #{pane_dead_signal}").Trim()}; process {pid} {(File.Exists($"/proc/{pid}/status") ? string.Join(", ", File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("State:", StringComparison.Ordinal) || l.StartsWith("Threads:", StringComparison.Ordinal))) : "gone")}); the screen was:\n{Tmux(socket, "capture-pane", "-p", "-t", "bench").TrimEnd()}");
                }

                Thread.Sleep(PollMs);
            }

            if (exit != 0)
            {
                throw new InvalidOperationException($"the program ended with exit code {exit} after Ctrl+Q; the screen was:\n{Tmux(socket, "capture-pane", "-p", "-t", "bench").TrimEnd()}");
            }

            return (ms, total, peak, programTicks + CpuTicks(server), sawProgress, settledPeak, settledMs);
        }
        finally
        {
            TryKillServer(socket);
        }
    }

    /// <summary>
    /// Waits until the program is idle: under <see cref="IdleShare"/> of one core over <see cref="IdleMs"/>
    /// (utime and stime, read every <see cref="PollMs"/> ms; an idle Terminal.Gui program is never at
    /// zero, its input loop uses a few per cent); returns when that quiet stretch began, as
    /// <paramref name="watch"/> gives it.
    /// </summary>
    private static double WaitForIdle(int pid, Stopwatch watch)
    {
        var from = watch.Elapsed;
        var windowStart = from;
        var windowTicks = CpuTicks(pid);
        while (true)
        {
            if (watch.Elapsed - from > IdleTimeout)
            {
                throw new InvalidOperationException($"the program did not go idle within {IdleTimeout.TotalSeconds:N0} s of its first frame");
            }

            Thread.Sleep(PollMs);
            var span = watch.Elapsed - windowStart;
            if (span < TimeSpan.FromMilliseconds(IdleMs))
            {
                continue;
            }

            var ticks = CpuTicks(pid);
            var busyMs = (ticks - windowTicks) * 1000.0 / ClockTicksPerSecond;
            if (busyMs <= IdleShare * span.TotalMilliseconds)
            {
                return windowStart.TotalMilliseconds;
            }

            windowStart = watch.Elapsed;
            windowTicks = ticks;
        }
    }

    /// <summary>The kernel's clock ticks per second (USER_HZ), in which /proc gives CPU times.</summary>
    private const double ClockTicksPerSecond = 100;

    /// <summary>
    /// The program's exit code once it has ended (a signal is given as 128 + its number), or null
    /// while it runs. The pane stays after its program ends (remain-on-exit), so tmux gives the exit
    /// status; but tmux 3.3a now and then misses the SIGCHLD when clients are polling it, and the
    /// ended program stays a zombie that tmux never reaps, so a zombie's exit status is read from
    /// /proc instead (the exit_code field of /proc/PID/stat).
    /// </summary>
    private static int? Ended(string socket, int pid)
    {
        var fields = Tmux(socket, "display", "-p", "-t", "bench", "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}").Trim().Split('|');
        if (fields.Length == 3 && fields[0] == "1")
        {
            if (int.TryParse(fields[1], CultureInfo.InvariantCulture, out var code))
            {
                return code;
            }

            if (int.TryParse(fields[2], CultureInfo.InvariantCulture, out var signal))
            {
                return 128 + signal;
            }
        }

        if (pid <= 0)
        {
            return null;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var after = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the command: state is field 3 (index 0), exit_code field 52 (index 49), a wait status.
            if (after[0] != "Z" || after.Length < 50 || !int.TryParse(after[49], CultureInfo.InvariantCulture, out var status))
            {
                return null;
            }

            return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The program's environment: as a person's, with a home of its own (see <see cref="UserEnvironment"/>).</summary>
    private Dictionary<string, string> Environment() => UserEnvironment.Variables(_home);

    private static string? TmuxVersionOrNull()
    {
        try
        {
            var (code, output, _) = Run("tmux", ["-V"]);
            return code == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string Tmux(string socket, params string[] args)
    {
        var (code, output, error) = Run("tmux", ["-L", socket, .. args]);
        return code == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed ({code}): {error.Trim()}");
    }

    private static void TryKillServer(string socket)
    {
        try
        {
            Run("tmux", ["-L", socket, "kill-server"]);
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }

    private static (int Code, string Output, string Error) Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }

    private static long ProcStatusKb(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// utime + stime of a process, in clock ticks; 0 if it is gone. Its children's are left out: the
    /// tmux server does not always reap the program (see <see cref="Ended"/>), so the program's own
    /// time is read while it still runs, just before Ctrl+Q.
    /// </summary>
    private static long CpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the command: state is field 3, so utime and stime (fields 14 and 15) are at 11 and 12.
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>The register screen's bottom line: "14 of 14 risks: 11 Extreme, 2 High, ..."; group 1 is the register's total.</summary>
    [GeneratedRegex(@"\d[\d,]* of (\d[\d,]*) risks:")]
    private static partial Regex CountsLine();

    /// <summary>The line a long first read shows before the register screen: "Reading 4,000 of 10,000 risk files ...".</summary>
    [GeneratedRegex(@"Reading \d[\d,]* of \d[\d,]* risk files")]
    private static partial Regex ProgressLine();
}
