using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Git;
using Risks.Storage.Yaml;

namespace Risks.Benchmarks;

/// <summary>
/// What a command must do to meet its goal: take at most <see cref="Factor"/> times its
/// counterpart's time, or its counterpart's time plus <see cref="PlusMs"/>, or at most
/// <see cref="AtMostMs"/> whatever the counterpart takes. Judged on medians.
/// </summary>
internal sealed record Goal(string Text, double? Factor = null, double? PlusMs = null, double? AtMostMs = null)
{
    /// <summary>The most the command may take, given its counterpart's median.</summary>
    public double LimitMs(double counterpartMs) => AtMostMs ?? (Factor is { } f ? f * counterpartMs : counterpartMs + (PlusMs ?? 0));

    public static Goal Times(double factor, string counterpart) => new(FormattableString.Invariant($"<= {factor:0.#}x {counterpart}"), Factor: factor);

    public static Goal Plus(double ms, string counterpart) => new(FormattableString.Invariant($"<= {counterpart} + {ms:N0} ms"), PlusMs: ms);

    public static Goal AtMost(double ms) => new(FormattableString.Invariant($"<= {ms:N0} ms"), AtMostMs: ms);
}

/// <summary>
/// One row of the commands table: a <c>risks</c> command and its counterpart, run in turn as fresh
/// processes; times in ms and peak RSS in kB, one of each per counted repetition.
/// </summary>
internal sealed record CommandSeries(
    string Command,
    string Case,
    string Counterpart,
    Goal Goal,
    List<double> Ms,
    List<long> PeakRssKb,
    List<double> CounterpartMs,
    List<long> CounterpartPeakRssKb);

/// <summary>Everything the commands measurement found at one size.</summary>
internal sealed record CommandsResult(
    string Program,
    int Reps,
    List<CommandSeries> Series,
    string DiffFrom,
    string DiffTo,
    int DiffFiles,
    double CommitGraphMs,
    string Login,
    bool LoginAdded,
    string LoadBefore,
    string LoadAfter,
    double OthersShare);

/// <summary>
/// Each command of the issue "Every command fast at 10,000 risks" as a person runs it: the
/// published program (<c>risks ...</c>, compiled to native code) in the register's folder, a fresh process each
/// time, beside the git CLI (or <c>risks --help</c>, or <c>cat</c>) doing the nearest thing, in the
/// same run. For each row, one round not counted, then <c>reps</c> rounds of the risks command
/// followed by its counterpart, so a change in the machine's load hits both alike. Every process is
/// run under GNU time (<c>/usr/bin/time -f "%e %M"</c>) for its peak RSS; the wall time is the
/// benchmark's own stopwatch around it. Any exit code other than 0, or an output that is not what
/// the command gives, fails the benchmark.
/// </summary>
internal static partial class CommandsMeasure
{
    public const string Time = "/usr/bin/time";

    /// <summary>The limit on any command's peak RSS.</summary>
    public const double PeakRssGoalMb = 200;

    /// <summary>The reason every commit made here gives.</summary>
    public const string Reason = "Benchmark: a save from the command line";

    public const string CacheUsual = "parse cache present (the usual case)";

    public const string CacheRemoved = "parse cache removed before each run (the first run after an upgrade)";

    public const string CatCommand = "find risks -type f -name '*.yaml' -exec cat {} +";

    public const string GitLogFormat = "%H%n%an <%ae>%n%aI%n%B";

    /// <summary>Runs every row on the register at <paramref name="dir"/> with the published program <paramref name="risksProgram"/>.</summary>
    public static CommandsResult Run(string dir, string risksProgram, string workDir, int reps, int riskCount)
    {
        if (!File.Exists(Time))
        {
            throw new InvalidOperationException($"{Time} (GNU time) is needed for each command's peak RSS and is not installed");
        }

        if (!File.Exists(risksProgram))
        {
            throw new InvalidOperationException($"{risksProgram} was not published");
        }

        var home = Path.Combine(workDir, "commands-home");
        if (Directory.Exists(home))
        {
            Directory.Delete(home, recursive: true);
        }

        Directory.CreateDirectory(home);
        var runner = new Runner(dir, risksProgram, home);
        var login = Environment.UserName;
        var added = EnsureGovernanceLead(runner, login);
        CpuSample.WaitForQuiet(0.10, TimeSpan.FromMinutes(3));
        var loadBefore = Machine.LoadAverage();
        var before = CpuSample.Now();
        try
        {
            var picks = HistoryMeasure.Picks(riskCount, 3 * (reps + 1));
            RiskId Pick(int i) => picks[i % picks.Count];
            var series = new List<CommandSeries>();
            var help = new Side(runner.Risks("--help"), Expect("--help", "Usage"));

            // show: every field of one risk, against the program doing nothing but start (its help).
            Side Show(int i) => new Side(runner.Risks("show", Pick(i).Value), Expect("show", $"{Pick(i).Value}"));
            series.Add(Series(runner, reps, "`risks show ID`", CacheUsual, "`risks --help`", Goal.Times(2, "`risks --help`"), Show, _ => help));
            series.Add(Series(runner, reps, "`risks show ID`", CacheRemoved, "`risks --help`", Goal.Times(2, "`risks --help`"), i => RemovingCache(dir, Show(i)), _ => help));

            // list: every risk as CSV, against reading every risk file.
            var riskBytes = Directory.EnumerateFiles(Path.Combine(dir, RegisterLayout.RisksFolder), "*.yaml", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            var list = new Side(runner.Risks("list", "--format", "csv"), output => CsvRows(output) == riskCount ? null : $"`risks list --format csv` gave {CsvRows(output)} rows of {Content.Prefix} risks, expected {riskCount}");
            var cat = new Side(runner.Shell(CatCommand), output => output.Length == riskBytes ? null : $"`{CatCommand}` wrote {output.Length} bytes, expected {riskBytes} (the risk files' sizes)");
            series.Add(Series(runner, reps, "`risks list --format csv`", CacheUsual, $"`{CatCommand}`", Goal.AtMost(400), _ => list, _ => cat));
            series.Add(Series(runner, reps, "`risks list --format csv`", CacheRemoved, $"`{CatCommand}`", Goal.AtMost(400), _ => RemovingCache(dir, list), _ => cat));

            // log and blame of one risk, against git's own, after git's commit-graph with changed-path filters (as the issue's figures assume).
            var graph = Stopwatch.StartNew();
            runner.Git("commit-graph", "write", "--reachable", "--changed-paths");
            var commitGraphMs = graph.Elapsed.TotalMilliseconds;
            series.Add(Series(runner, reps, "`risks log ID`", CacheUsual, $"`git log --format={GitLogFormat} -- PATH`", Goal.Times(2, "git"),
                i => new Side(runner.Risks("log", Pick(i).Value), NotEmpty("log")),
                i => new Side(runner.GitCommand("log", $"--format={GitLogFormat}", "--", RegisterLayout.PathOf(Pick(i))), NotEmpty("git log"))));
            series.Add(Series(runner, reps, "`risks blame ID`", CacheUsual, "`git blame --porcelain PATH`", Goal.Times(1, "git"),
                i => new Side(runner.Risks("blame", Pick(i).Value), NotEmpty("blame")),
                i => new Side(runner.GitCommand("blame", "--porcelain", RegisterLayout.PathOf(Pick(i))), NotEmpty("git blame"))));

            // diff of the last two monthly iterations, against git's diff --stat of their tags.
            var tags = runner.Git("tag", "--list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(t => MonthTag().IsMatch(t)).Order(StringComparer.Ordinal).ToList();
            if (tags.Count < 2)
            {
                throw new InvalidOperationException($"the register has {tags.Count} monthly tags; the diff needs two");
            }

            var (from, to) = (tags[^2], tags[^1]);
            var differ = runner.Git("diff", "--name-only", from, to, "--", RegisterLayout.RisksFolder).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            series.Add(Series(runner, reps, $"`risks diff {from} {to}`", CacheUsual, $"`git diff --stat {from} {to}`", Goal.Plus(100, "git"),
                _ => new Side(runner.Risks("diff", from, to), NotEmpty("diff")),
                _ => new Side(runner.GitCommand("diff", "--stat", from, to), Expect("git diff --stat", "files changed"))));

            // set: a real commit each time, each of a different risk; against editing another risk's file and committing it with git.
            series.Add(Series(runner, reps, "`risks set ID current.likelihood=N -m R`", CacheUsual, "`git commit -q -m R -- PATH` (the file edited first, not timed)", Goal.AtMost(150),
                i => Commit(runner, Pick(reps + 1 + i), (id, value) => runner.Risks("set", id.Value, $"current.likelihood={value}", "-m", Reason)),
                i => Commit(runner, Pick((2 * (reps + 1)) + i), (id, value) =>
                {
                    var path = Path.Combine(dir, RegisterLayout.PathOf(id));
                    File.WriteAllText(path, CurrentLikelihood().Replace(File.ReadAllText(path), m => m.Groups[1].Value + value.ToString(CultureInfo.InvariantCulture), 1));
                    return runner.GitCommand("commit", "-q", "-m", Reason, "--", RegisterLayout.PathOf(id));
                })));

            var others = CpuSample.OthersShare(before, CpuSample.Now());
            return new CommandsResult(risksProgram, reps, series, from, to, differ, commitGraphMs, login, added, loadBefore, Machine.LoadAverage(), others);
        }
        finally
        {
            if (added)
            {
                RemovePerson(runner, login);
            }
        }
    }

    /// <summary>Removes the folder the commands ran in (their HOME).</summary>
    public static void Clean(string workDir)
    {
        var home = Path.Combine(workDir, "commands-home");
        if (Directory.Exists(home))
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>
    /// One round not counted, then <paramref name="reps"/> rounds of <paramref name="risks"/> then
    /// <paramref name="counterpart"/>, each a function of the round (0 is the one not counted) that
    /// does any untimed preparation and gives the process to time and the check of its output.
    /// </summary>
    private static CommandSeries Series(Runner runner, int reps, string command, string cacheCase, string counterpartName, Goal goal, Func<int, Side> risks, Func<int, Side> counterpart)
    {
        Console.WriteLine($"    {command}, {cacheCase}; against {counterpartName}");
        var series = new CommandSeries(command, cacheCase, counterpartName, goal, [], [], [], []);
        for (var i = 0; i <= reps; i++)
        {
            var (ms, rss) = runner.Timed(risks(i));
            var (theirMs, theirRss) = runner.Timed(counterpart(i));
            if (i > 0)
            {
                series.Ms.Add(ms);
                series.PeakRssKb.Add(rss);
                series.CounterpartMs.Add(theirMs);
                series.CounterpartPeakRssKb.Add(theirRss);
            }
        }

        Console.WriteLine($"      {Report.Ms(Stat.Of(series.Ms))} ms against {Report.Ms(Stat.Of(series.CounterpartMs))} ms; peak RSS {Stat.Of(series.PeakRssKb.Select(k => k / 1024.0).ToList()).Max:N0} MB at most");
        return series;
    }

    /// <summary>
    /// A save of <paramref name="id"/>'s current likelihood to a value it does not have (1 becomes 2,
    /// 2 becomes 3, 3 becomes 2, 4 becomes 5, 5 becomes 4), made by <paramref name="save"/>; checked to have
    /// made a commit that changes that risk's file.
    /// </summary>
    private static Side Commit(Runner runner, RiskId id, Func<RiskId, int, Invocation> save)
    {
        var path = RegisterLayout.PathOf(id);
        var match = CurrentLikelihood().Match(File.ReadAllText(Path.Combine(runner.Dir, path)));
        if (!match.Success)
        {
            throw new InvalidOperationException($"{path}: no current likelihood to change");
        }

        var now = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var value = now switch { 1 => 2, 5 => 4, _ when now % 2 == 0 => now + 1, _ => now - 1 };
        var head = runner.Git("rev-parse", "HEAD").Trim();
        return new Side(save(id, value), _ =>
        {
            var after = runner.Git("rev-parse", "HEAD").Trim();
            if (after == head)
            {
                return $"no commit was made (HEAD is still {head[..10]})";
            }

            var changed = runner.Git("diff-tree", "--no-commit-id", "--name-only", "-r", head, after).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return changed.SequenceEqual([path]) ? null : $"the commit {after[..10]} changes {string.Join(", ", changed)}, not {path} alone";
        });
    }

    /// <summary>
    /// Makes <paramref name="login"/> (who runs the benchmark) a governance lead in register.yaml,
    /// committed with git, so <c>risks set</c> may write (it writes as the Unix login's person);
    /// true when it was added, false when register.yaml already named them.
    /// </summary>
    private static bool EnsureGovernanceLead(Runner runner, string login)
    {
        var (settings, problems) = ReadSettings(runner.Dir);
        if (settings.FindPerson(login) is { } person)
        {
            return person.Role == Role.GovernanceLead
                ? false
                : throw new InvalidOperationException($"{SettingsYaml.FileName}: {login} is a {person.Role}, not a governance lead; risks set would be refused");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{SettingsYaml.FileName} has problems: {problems[0]}");
        }

        var runnerPerson = new Person { Login = login, Name = UserEnvironment.GitName, Email = UserEnvironment.GitEmail, Role = Role.GovernanceLead, JobTitle = "Runs the benchmark" };
        WriteSettings(runner, settings with { People = [.. settings.People, runnerPerson] }, $"Benchmark: {login} made a governance lead to time risks set");
        return true;
    }

    private static void RemovePerson(Runner runner, string login)
    {
        var (settings, _) = ReadSettings(runner.Dir);
        WriteSettings(runner, settings with { People = [.. settings.People.Where(p => p.Login != login)] }, $"Benchmark: {login} removed again after timing risks set");
    }

    private static (RegisterSettings Settings, IReadOnlyList<Problem> Problems) ReadSettings(string dir)
    {
        var (settings, problems) = SettingsYaml.Read(File.ReadAllBytes(Path.Combine(dir, SettingsYaml.FileName)));
        return settings is null
            ? throw new InvalidOperationException($"{SettingsYaml.FileName} cannot be read: {string.Join("; ", problems)}")
            : (settings, problems);
    }

    private static void WriteSettings(Runner runner, RegisterSettings settings, string message)
    {
        File.WriteAllText(Path.Combine(runner.Dir, SettingsYaml.FileName), SettingsYaml.Write(settings));
        runner.Git("commit", "-q", "-m", message, "--", SettingsYaml.FileName);
    }

    /// <summary>The same, with the parse cache removed first (not timed).</summary>
    private static Side RemovingCache(string dir, Side side)
    {
        Benchmarks.Measure.RemoveParseCache(dir);
        return side;
    }

    private static Func<byte[], string?> Expect(string what, string text) =>
        output => Encoding.UTF8.GetString(output).Contains(text, StringComparison.Ordinal) ? null : $"the output of {what} does not hold \"{text}\"";

    private static Func<byte[], string?> NotEmpty(string what) => output => output.Length > 0 ? null : $"{what} wrote nothing";

    /// <summary>Rows of the CSV naming a generated risk (the first field is the id).</summary>
    private static int CsvRows(byte[] output) =>
        Encoding.UTF8.GetString(output).Split('\n').Count(line => line.StartsWith(Content.Prefix + "-", StringComparison.Ordinal));

    /// <summary>The current score's likelihood line of a risk file as RiskYaml writes it: group 1 up to the value, group 2 the value.</summary>
    [GeneratedRegex(@"(^current:\n  impact: \d+\n  likelihood: )(\d+)$", RegexOptions.Multiline)]
    private static partial Regex CurrentLikelihood();

    /// <summary>The generated register's monthly iterations: 2021-01 ... 2025-12.</summary>
    [GeneratedRegex(@"\A\d{4}-\d{2}\z")]
    private static partial Regex MonthTag();

    /// <summary>A program and its arguments, run in the register's folder.</summary>
    internal sealed record Invocation(string File, string[] Args)
    {
        public override string ToString() => $"{System.IO.Path.GetFileName(File)} {string.Join(' ', Args)}";
    }

    /// <summary>One process to time, and the check of its standard output (null when it is as it should be).</summary>
    internal sealed record Side(Invocation What, Func<byte[], string?> Check);

    /// <summary>Runs processes in the register's folder with a person's environment (see <see cref="UserEnvironment"/>).</summary>
    private sealed class Runner(string dir, string program, string home)
    {
        private readonly Dictionary<string, string> _env = UserEnvironment.WithGitIdentity(home);
        private readonly string _timeFile = System.IO.Path.Combine(home, "time.txt");

        public string Dir => dir;

        public Invocation Risks(params string[] args) => new(program, args);

        public Invocation GitCommand(params string[] args) => new("git", args);

        public Invocation Shell(string command) => new("/bin/sh", ["-c", command]);

        /// <summary>Runs git untimed (for setting up and checking) and gives its output; fails unless it exits 0.</summary>
        public string Git(params string[] args)
        {
            var (code, output, error, _) = Start(GitCommand(args), timed: false);
            return code == 0 ? Encoding.UTF8.GetString(output) : throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({code}): {error.Trim()}");
        }

        /// <summary>Runs <paramref name="side"/> under GNU time: its wall time (ms) and peak RSS (kB); fails unless it exits 0 and its output passes the check.</summary>
        public (double Ms, long PeakRssKb) Timed(Side side)
        {
            var (code, output, error, ms) = Start(side.What, timed: true);
            var lines = File.ReadAllLines(_timeFile).Where(l => l.Length > 0).ToList();
            if (code != 0)
            {
                throw new InvalidOperationException($"`{side.What}` in {dir} failed with exit code {code}: {error.Trim()}");
            }

            if (side.Check(output) is { } problem)
            {
                throw new InvalidOperationException($"`{side.What}` in {dir}: {problem}");
            }

            var fields = lines.Count > 0 ? lines[^1].Split(' ') : [];
            return fields.Length == 2 && long.TryParse(fields[1], CultureInfo.InvariantCulture, out var kb)
                ? (ms, kb)
                : throw new InvalidOperationException($"{Time} wrote \"{string.Join(" / ", lines)}\" for `{side.What}`, not \"SECONDS KB\"");
        }

        private (int Code, byte[] Output, string Error, double Ms) Start(Invocation what, bool timed)
        {
            var start = new ProcessStartInfo(timed ? Time : what.File)
            {
                WorkingDirectory = dir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment.Clear();
            foreach (var (name, value) in _env)
            {
                start.Environment[name] = value;
            }

            if (timed)
            {
                foreach (var arg in new[] { "-f", "%e %M", "-o", _timeFile, what.File })
                {
                    start.ArgumentList.Add(arg);
                }
            }

            foreach (var arg in what.Args)
            {
                start.ArgumentList.Add(arg);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {what}");
            var errors = process.StandardError.ReadToEndAsync();
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            watch.Stop();
            return (process.ExitCode, output.ToArray(), errors.Result, watch.Elapsed.TotalMilliseconds);
        }
    }
}
