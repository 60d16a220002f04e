using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Risks.Benchmarks;

/// <summary>One command timed as a person runs it (a fresh process), beside what does the same with Git or the shell.</summary>
internal sealed record CommandRow(string Command, string Note, Stat Ms, long PeakRssKb, string Floor, Stat? FloorMs, string Goal, double? GoalMs);

/// <summary>
/// The commands table: each command of the program a person runs often, run as a fresh process of
/// the program as installed (<c>dotnet publish</c>, ReadyToRun) against a generated register, each
/// time beside its counterpart (the Git CLI, <c>cat</c>, or <c>risks --help</c> as the floor of any
/// command), interleaved so that a change in the machine's load hits both alike; with the goals of
/// the work on speed at 10,000 risks, and whether each is met.
/// </summary>
internal static class CommandsMeasure
{
    public const string Start = "<!-- commands table: written by tests/Risks.Benchmarks (--only-commands); do not edit by hand -->";
    public const string End = "<!-- end of the commands table -->";

    public static (List<CommandRow> Rows, string Setup) Run(string dir, int reps, string risks)
    {
        var setup = Prepare(dir);
        var riskFiles = Shell(dir, "git", "ls-files", "risks").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var path = riskFiles[riskFiles.Length / 2];
        var id = Path.GetFileNameWithoutExtension(path);
        var commitsOfRisk = Shell(dir, "git", "rev-list", "--count", "HEAD", "--", path).Trim();
        var tags = Shell(dir, "git", "tag", "--sort=creatordate").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Two monthly iterations in a row, as a board compares this month's with last month's.
        var (from, to) = (tags[^2], tags[^1]);
        var differ = Shell(dir, "git", "diff", "--name-only", from, to, "--", "risks").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        var cache = Path.Combine(dir, ".git", "risks-cache");
        void NoCache()
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }

        var n = 0;
        void GitEdit() =>
            // The same kind of edit as the risks command made, so git has a change to commit.
            File.WriteAllText(Path.Combine(dir, path), File.ReadAllText(Path.Combine(dir, path)).Replace("performance: Run", "performance: Git run", StringComparison.Ordinal));
        void Relist() =>
            // A run without the cache leaves one without the work tree's files: put them back, untimed, so the next rows find it as a person would.
            Time(dir, [risks, "list", "--format", "csv"]);

        var rows = new List<(string Command, string Note, string[] Args, Action? Before, string Floor, Func<string[]>? FloorArgs, Action? FloorBefore, string Goal, Func<Stat, Stat?, double?> GoalMs)>
        {
            ($"risks show {id}", "", ["show", id], null, "`risks --help`", () => [risks, "--help"], null, "<= 2x `risks --help`", (_, f) => 2 * f!.Median),
            ($"risks set {id} performance=... -m R", "each a real commit", ["set", id, "performance=__N__", "-m", "Benchmark"], null, "`git commit -q -m R -- path` after the same edit", () => ["git", "commit", "-q", "-m", "Benchmark", "--", path], GitEdit, "<= 150 ms", (_, _) => 150),
            ("risks list --format csv", "with the parse cache", ["list", "--format", "csv"], null, "`cat` of every risk file", () => ["sh", "-c", "git ls-files -z risks | xargs -0 cat"], null, "<= 400 ms", (_, _) => 400),
            ("risks list --format csv", "the first run after an upgrade: no parse cache", ["list", "--format", "csv"], NoCache, "`cat` of every risk file", () => ["sh", "-c", "git ls-files -z risks | xargs -0 cat"], null, "(none)", (_, _) => null),
            ($"risks log {id}", $"{commitsOfRisk} commits changed it", ["log", id], null, "`git log -- path` (commit-graph with changed-path filters)", () => ["git", "log", "--format=%H %an %s", "--", path], null, "<= 2x git", (_, f) => 2 * f!.Median),
            ($"risks blame {id}", "", ["blame", id], null, "`git blame --porcelain path`", () => ["git", "blame", "--porcelain", path], null, "<= 1x git", (_, f) => f!.Median),
            ($"risks diff {from} {to}", $"{differ:N0} risk files differ; versions in the parse cache", ["diff", from, to], null, "`git diff --stat`", () => ["git", "diff", "--stat", from, to], null, "<= git + 100 ms", (_, f) => f!.Median + 100),
            ($"risks diff {from} {to}", "no parse cache: every version parsed", ["diff", from, to], NoCache, "`git diff --stat`", () => ["git", "diff", "--stat", from, to], null, "(none)", (_, _) => null),
        };

        var times = rows.Select(_ => (Ms: new List<double>(), Rss: new List<long>(), Floor: new List<double>())).ToList();
        for (var rep = 0; rep <= reps; rep++)
        {
            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                row.Before?.Invoke();
                var args = row.Args.Select(a => a.Replace("__N__", $"Run {++n}", StringComparison.Ordinal)).ToArray();
                var (ms, rss) = Time(dir, [risks, .. args]);
                if (row.FloorArgs is not null)
                {
                    row.FloorBefore?.Invoke();
                    var (floor, _) = Time(dir, row.FloorArgs());
                    if (rep > 0)
                    {
                        times[r].Floor.Add(floor);
                    }
                }

                if (row.Before == NoCache)
                {
                    Relist();
                }

                // One round first, not counted: it warms the page cache and writes the parse cache.
                if (rep > 0)
                {
                    times[r].Ms.Add(ms);
                    times[r].Rss.Add(rss);
                }
            }
        }

        var result = rows.Select((row, r) =>
        {
            var ms = Stat.Of(times[r].Ms);
            var floor = times[r].Floor.Count > 0 ? Stat.Of(times[r].Floor) : null;
            return new CommandRow(row.Command, row.Note, ms, times[r].Rss.Max(), row.Floor, floor, row.Goal, row.GoalMs(ms, floor));
        }).ToList();
        return (result, setup);
    }

    /// <summary>The table and how it was made, in Markdown.</summary>
    public static string Table(List<CommandRow> rows, string setup, int risks, int commits, int reps, double othersShare)
    {
        var d = new StringBuilder();
        d.Append(Start).Append('\n');
        d.Append(CultureInfo.InvariantCulture, $"## Commands as a person runs them ({risks:N0} risks, {commits:N0} commits)\n\n");
        d.Append("Each command is a fresh process of the program as `dotnet publish` installs it (ReadyToRun), run in the register's folder, ");
        d.Append(CultureInfo.InvariantCulture, $"{reps} times after one round not counted (it warms the page cache and writes the parse cache), each time followed at once by its counterpart; ");
        d.Append("median (min-max) wall-clock ms, and the largest peak RSS (GNU `time`'s maximum resident set size) of the command's runs. ");
        d.Append(setup).Append(CultureInfo.InvariantCulture, $" Other processes used {othersShare:P0} of the machine while it ran.\n\n");
        d.Append("| command | time, ms | peak RSS, MB | counterpart | its time, ms | ratio | goal | met |\n");
        d.Append("|---|---:|---:|---|---:|---:|---|---|\n");
        foreach (var r in rows)
        {
            var ratio = r.FloorMs is { } f ? (r.Ms.Median / f.Median).ToString("F1", CultureInfo.InvariantCulture) + "x" : "-";
            var met = r.GoalMs is { } goal ? (r.Ms.Median <= goal ? "met" : $"not met ({goal:N0} ms)") : "-";
            var rssMet = r.PeakRssKb / 1024 <= 200 ? "" : " (over 200 MB)";
            d.Append(CultureInfo.InvariantCulture, $"| `{r.Command}`{(r.Note.Length > 0 ? $" ({r.Note})" : "")} | {Report.Ms(r.Ms)} | {r.PeakRssKb / 1024}{rssMet} | {r.Floor} | {(r.FloorMs is { } fm ? Report.Ms(fm) : "-")} | {ratio} | {r.Goal} | {met} |\n");
        }

        d.Append('\n').Append(End).Append('\n');
        return d.ToString();
    }

    /// <summary>The commands table a document holds, or null.</summary>
    public static string? Section(string document)
    {
        var start = document.IndexOf(Start, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        return start >= 0 && end > start ? document[start..(end + End.Length)] + "\n" : null;
    }

    /// <summary>The document with the commands table put in place of the one it had (or added at its end).</summary>
    public static string Splice(string document, string table)
    {
        var start = document.IndexOf(Start, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        return start >= 0 && end > start
            ? document[..start] + table + document[(end + End.Length)..].TrimStart('\n').Insert(0, "\n")
            : document.TrimEnd('\n') + "\n\n" + table;
    }

    /// <summary>
    /// What the commands need of the register, done once: the person running the benchmark among
    /// its governance leads (every write is made as a person of register.yaml), and a commit-graph
    /// with changed-path filters, which <c>git log -- path</c> uses (the counterpart's best case).
    /// </summary>
    private static string Prepare(string dir)
    {
        var login = Environment.UserName;
        var settings = Path.Combine(dir, "register.yaml");
        if (!File.ReadAllText(settings).Contains($"- login: {login}\n", StringComparison.Ordinal))
        {
            File.AppendAllText(settings, $"  - login: {login}\n    name: Benchmark Runner\n    email: runner@bench.example\n    role: governance_lead\n");
            Shell(dir, "git", "-c", "user.name=Benchmark Runner", "-c", "user.email=runner@bench.example", "commit", "-q", "-m", "The benchmark's runner joins as a governance lead", "--", "register.yaml");
        }

        Shell(dir, "git", "commit-graph", "write", "--reachable", "--changed-paths");
        return $"The person running it is made a governance lead of the register first, and `git commit-graph write --reachable --changed-paths` is run once (as the issue's figures assume).";
    }

    /// <summary>Runs a command in <paramref name="dir"/>, its output thrown away; its wall-clock ms and peak RSS in KB (from GNU time).</summary>
    private static (double Ms, long RssKb) Time(string dir, string[] command)
    {
        var rssFile = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-o", rssFile, "-f", "%M" }.Concat(command))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_PAGER"] = "cat";
        foreach (var who in new[] { "AUTHOR", "COMMITTER" })
        {
            start.Environment[$"GIT_{who}_NAME"] = "Benchmark Runner";
            start.Environment[$"GIT_{who}_EMAIL"] = "runner@bench.example";
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} exited {process.ExitCode}: {error.Result}");
        }

        _ = output.Result;
        var rss = long.TryParse(File.ReadAllText(rssFile).Trim().Split('\n')[^1], CultureInfo.InvariantCulture, out var kb) ? kb : 0;
        File.Delete(rssFile);
        return (watch.Elapsed.TotalMilliseconds, rss);
    }

    private static string Shell(string dir, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} {string.Join(' ', args)}: {error}");
    }
}
