using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Risks.Benchmarks;

/// <summary>The machine the figures were measured on.</summary>
internal sealed record Machine(int Cpus, string CpuModel, long MemTotalKb, string DotnetSdk, string Runtime, string GitVersion, string Os, DateTimeOffset When, string Code)
{
    public string OneLine =>
        $"{Cpus} CPUs ({CpuModel}), {MemTotalKb / 1048576.0:F1} GiB, .NET SDK {DotnetSdk} (runtime {Runtime}), {GitVersion}, {Os}, {When:yyyy-MM-dd HH:mm} UTC; {Code}";

    public static Machine Describe()
    {
        var memTotal = File.ReadLines("/proc/meminfo").Where(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault();
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        return new Machine(
            int.TryParse(Command("nproc"), CultureInfo.InvariantCulture, out var n) ? n : Environment.ProcessorCount,
            cpu,
            memTotal,
            Command("dotnet", "--version"),
            RuntimeInformation.FrameworkDescription,
            Command("git", "--version"),
            RuntimeInformation.OSDescription,
            DateTimeOffset.UtcNow,
            CodeVersion());
    }

    /// <summary>The load average over 1, 5 and 15 minutes, as <c>uptime</c> gives it (from /proc/loadavg).</summary>
    public static string LoadAverage()
    {
        var fields = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        return fields.Length >= 3 ? $"{fields[0]}, {fields[1]}, {fields[2]}" : "unknown";
    }

    /// <summary>The commit measured, and whether src/ held changes not yet committed.</summary>
    private static string CodeVersion()
    {
        if (Report.RepositoryRoot() is not { } root)
        {
            return "unknown";
        }

        var head = Command("git", "-C", root, "log", "-1", "--format=%h %s");
        var changed = Command("git", "-C", root, "status", "--porcelain", "--", "src").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return changed == 0 ? $"commit {head}" : $"commit {head}, with uncommitted changes to {changed} files in src/";
    }

    private static string Command(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}

internal static partial class Report
{
    /// <summary>Targets: the goals this register's design was set against.</summary>
    private const double LoadTargetMs = 1_500;
    private const double SaveTargetMs = 10;
    private const double LooseTargetKb = 10;
    private const double HistoryTargetMs = 50;
    private const double BlameTargetMs = 100;
    private const double CompareTargetMs = 300;
    private const double FirstFrameGoalMs = 1_000;
    private const double FirstFrameFirstTimeGoalMs = 2_500;

    public static string Ms(Stat s, int decimals = 0)
    {
        var f = "N" + decimals.ToString(CultureInfo.InvariantCulture);
        return $"{s.Median.ToString(f, CultureInfo.InvariantCulture)} ({s.Min.ToString(f, CultureInfo.InvariantCulture)}-{s.Max.ToString(f, CultureInfo.InvariantCulture)})";
    }

    private static string Mb(long kb) => (kb / 1024.0).ToString("N0", CultureInfo.InvariantCulture);

    private static Stat S(IEnumerable<double> values) => Stat.Of(values.ToList());

    public static string Table(IReadOnlyList<SizeResult> results)
    {
        var text = new StringBuilder();
        text.Append("| measurement | ").Append(string.Join(" | ", results.Select(r => $"{r.Risks:N0} risks / {r.Commits:N0} commits"))).Append(" |\n");
        text.Append("|---|").Append(string.Concat(results.Select(_ => "---:|"))).Append('\n');

        void Row(string name, Func<SizeResult, string> cell) =>
            text.Append("| ").Append(name).Append(" | ").Append(string.Join(" | ", results.Select(cell))).Append(" |\n");

        Row("commits in history (with the initial import) / annotated tags", r => r.Generated is { } g ? $"{g.TotalCommits:N0} / {g.Tags}" : "(reused)");
        Row("average risk file, KB", r => r.Generated is { } g ? (g.AverageFileBytes / 1024).ToString("N1", CultureInfo.InvariantCulture) : "(reused)");
        Row(".git after `git gc`, MB", r => r.Generated is { } g ? (g.GitBytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) : "(reused)");
        Row("generation, s (fast-import stream / gc / reset --hard / validate)", r => r.Generated is { } g
            ? FormattableString.Invariant($"{g.TotalSeconds:N0} ({g.StreamSeconds:N1} / {g.GcSeconds:N1} / {g.CheckoutSeconds:N1} / {g.ValidateSeconds:N1})")
            : "(reused)");
        void ColdRows(string which, Func<SizeResult, List<ColdLoad>> jit, Func<SizeResult, List<ColdLoad>?> readyToRun)
        {
            Row($"**cold load, {which}: `Load()` in a fresh process**, ms", r => Ms(S(jit(r).Select(c => c.LoadMs))));
            Row($"cold load, {which}: whole process (start, open, load, exit), ms", r => Ms(S(jit(r).Select(c => c.ProcessMs))));
            Row($"cold load, {which}: peak RSS (VmHWM) of that process, MB", r => $"{Mb((long)S(jit(r).Select(c => (double)c.PeakRssKb)).Median)} ({Mb(jit(r).Min(c => c.PeakRssKb))}-{Mb(jit(r).Max(c => c.PeakRssKb))})");
            Row($"cold load, {which}: risk files parsed by `Load()`, median (max)", r => FormattableString.Invariant($"{S(jit(r).Select(c => (double)c.Parsed)).Median:N0} ({jit(r).Max(c => c.Parsed):N0})"));
            if (results.Any(r => readyToRun(r) is not null))
            {
                Row($"**cold load, {which}, ReadyToRun build: `Load()`**, ms", r => readyToRun(r) is { } c ? Ms(S(c.Select(x => x.LoadMs))) : "-");
                Row($"cold load, {which}, ReadyToRun build: whole process, ms", r => readyToRun(r) is { } c ? Ms(S(c.Select(x => x.ProcessMs))) : "-");
                Row($"cold load, {which}, ReadyToRun build: risk files parsed, median (max)", r => readyToRun(r) is { } c ? FormattableString.Invariant($"{S(c.Select(x => (double)x.Parsed)).Median:N0} ({c.Max(x => x.Parsed):N0})") : "-");
            }
        }

        ColdRows("parse cache present", r => r.Cold, r => r.ColdReadyToRun);
        ColdRows("parse cache removed before each", r => r.ColdNoCache, r => r.ColdNoCacheReadyToRun);

        Row("first `Load()` in the measuring process (one run), ms", r => r.InProcess.FirstLoadMs.ToString("N0", CultureInfo.InvariantCulture));
        Row("**warm load: `Load()` again, same process** (cache hits: read + hash), ms", r => Ms(S(r.InProcess.WarmLoadMs)));
        Row("`Load()` parsing every file again (cache emptied, JIT warm), ms", r => Ms(S(r.InProcess.ParseAllLoadMs)));
        Row("&nbsp;&nbsp;part: list the files, ms", r => Ms(S(r.InProcess.EnumerateMs), 1));
        Row("&nbsp;&nbsp;part: read + blob id of every file (2 threads), ms", r => Ms(S(r.InProcess.ReadAndHashMs), 1));
        Row("&nbsp;&nbsp;part: `RiskYaml.Read` of every file (2 threads), ms", r => Ms(S(r.InProcess.ParseMs)));
        Row("&nbsp;&nbsp;of that, YamlDotNet's scanner and parser alone (decode + every event, no tree), ms", r => Ms(S(r.InProcess.YamlEventsMs)));
        Row("&nbsp;&nbsp;part: cross-check every risk against register.yaml, ms", r => Ms(S(r.InProcess.CrossCheckMs), 1));
        Row("peak RSS of the measuring process after first + warm loads, MB", r => Mb(r.InProcess.PeakRssAfterLoadsKb));
        Row("RSS / managed heap after those loads, MB", r => $"{Mb(r.InProcess.RssAfterLoadsKb)} / {Mb(r.InProcess.ManagedAfterLoadsKb)}");
        Row("peak RSS after the parse-everything loads too, MB", r => Mb(r.InProcess.PeakRssAfterParseAllKb));
        Row("**save: `Save()` of one edited risk**, ms", r => Ms(S(r.InProcess.SaveMs), 1));
        Row("first save in the process (not in the median), ms", r => r.InProcess.FirstSaveMs.ToString("N1", CultureInfo.InvariantCulture));
        Row("**loose objects written per save**, KB (objects)", r =>
            FormattableString.Invariant($"{(r.InProcess.LooseBytesAfter - r.InProcess.LooseBytesBefore) / 1024.0 / r.InProcess.Saves:N1} ({r.InProcess.LooseObjectsAdded / (double)r.InProcess.Saves:N1})"));
        Row(".git/index, KB (read and rewritten by every save)", r => (r.InProcess.IndexBytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture));
        foreach (var part in results[0].InProcess.SaveParts.Keys)
        {
            Row($"&nbsp;&nbsp;save part: {part}, ms", r => r.InProcess.SaveParts.TryGetValue(part, out var t) ? Ms(S(t), 1) : "-");
        }

        Row("CPU used by other processes while measuring, % of the machine", r => (r.OthersShare * 100).ToString("N0", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>The history, blame and comparison figures, one column per size (null when no size measured them).</summary>
    public static string? HistoryTable(IReadOnlyList<SizeResult> all, Options options)
    {
        if (all.FirstOrDefault(r => r.History is not null)?.History is not { } first)
        {
            return null;
        }

        return SizeTable(all, r => r.History, Row =>
        {
            var trail = first.TrailIterations;
            Row("change index: commits indexed / `.git/risks/changes.idx`, MB", h => FormattableString.Invariant($"{h.IndexedCommits:N0} / {h.IndexFileBytes / 1048576.0:N1}"));
            Row("**change index built from nothing with the git program** (`git log --raw -c`), ms", h => Ms(S(h.BuildMs)));
            Row("change index built from nothing with LibGit2Sharp's trees (no git program; one run), ms", h => h.FallbackBuildMs is { } ms
                ? FormattableString.Invariant($"{ms:N0}{(h.FallbackSame ? "" : " (**a different index**)")}")
                : FormattableString.Invariant($"not measured (over {options.FallbackUpTo:N0} commits)"));
            Row("**first `History()` in a new process, changes.idx on disk** (open, read the index, JIT, parse), ms", h => Ms(S(h.FirstHistoryMs)));
            Row("&nbsp;&nbsp;then reading changes.idx again in that process and ordering the commits, ms", h => Ms(S(h.ReadIndexMs)));
            Row(FormattableString.Invariant($"commits in a risk's history, mean (max) over {first.Picked} risks"), h => FormattableString.Invariant($"{h.VersionsMean:N1} ({h.VersionsMax})"));
            Row("**`History()` of one risk, index in memory, parse cache warm**, ms", h => Ms(S(h.HistoryWarmMs), 1));
            Row("`History()` of one risk, index in memory, parse cache emptied, ms", h => Ms(S(h.HistoryColdMs), 1));
            Row("**`Blame()` of one risk, index in memory, parse cache warm**, ms", h => Ms(S(h.BlameWarmMs), 1));
            Row("`Blame()` of one risk, index in memory, parse cache emptied, ms", h => Ms(S(h.BlameColdMs), 1));
            Row("iterations a month apart: risks that differ (field changes)", h => FormattableString.Invariant($"{h.MonthFrom} to {h.MonthTo}: {h.MonthRisks:N0} ({h.MonthFieldChanges:N0})"));
            Row("**`Compare()` of iterations a month apart, parse cache warm**, ms", h => Ms(S(h.MonthWarmMs)));
            Row("`Compare()` of iterations a month apart after a `Load()` (the versions at HEAD parsed), ms", h => Ms(S(h.MonthAfterLoadMs)));
            Row("`Compare()` of iterations a month apart, parse cache emptied, ms", h => Ms(S(h.MonthColdMs)));
            Row("iterations 12 months apart: risks that differ (field changes)", h => FormattableString.Invariant($"{h.YearFrom} to {h.MonthTo}: {h.YearRisks:N0} ({h.YearFieldChanges:N0})"));
            Row("`Compare()` of iterations 12 months apart, parse cache warm, ms", h => Ms(S(h.YearWarmMs)));
            Row("`Compare()` of iterations 12 months apart, parse cache emptied, ms", h => Ms(S(h.YearColdMs)));
            Row(FormattableString.Invariant($"`ScoresAt()` of the last {trail} iterations after a `Load()` (as the register screen, in the background), ms"), h => Ms(S(h.ScoresAfterLoadMs)));
            Row(FormattableString.Invariant($"`ScoresAt()` of the last {trail} iterations, parse cache emptied, ms"), h => Ms(S(h.ScoresColdMs)));
            Row("git CLI: `git commit-graph write --reachable --changed-paths` (one run), ms", h => h.CommitGraphMs.ToString("N0", CultureInfo.InvariantCulture));
            Row("git CLI: `git log --format=%H -- PATH` of one risk (a new git process each), ms", h => Ms(S(h.GitLogMs)));
            Row("&nbsp;&nbsp;risks whose `git log` lists the same number of commits as `History()`", h => FormattableString.Invariant($"{h.GitLogAgrees} of {h.Picked}"));
        });
    }

    public static string? PapersTable(IReadOnlyList<SizeResult> all)
    {
        return SizeTable(all, r => r.Papers, Row =>
        {
            Row("paper of the last iteration: strategic risks / rows outside appetite or target / HTML, KB", p => FormattableString.Invariant($"{p.StrategicRisks:N0} / {p.OutsideRows:N0} / {p.PaperBytes / 1024:N0}"));
            Row("**BAF paper of the last iteration, as HTML, in a new process** (open, load at the tag and the one before, render), ms", p => Ms(S(p.PaperMs)));
            Row("**CSV export of every risk, in a new process** (open, load, write), ms", p => Ms(S(p.ExportMs)));
            Row("&nbsp;&nbsp;the CSV file, KB", p => FormattableString.Invariant($"{p.CsvBytes / 1024:N0}"));
            Row("**import of that CSV into an empty register** (read, check every row, one commit; one run), ms", p => FormattableString.Invariant($"{p.ImportedRisks:N0} risks: {p.ImportMs:N0}"));
            Row("the same import again, which finds nothing to do (one run), ms", p => p.ReimportMs.ToString("N0", CultureInfo.InvariantCulture));
        });
    }

    /// <summary>
    /// A table with a column per size that measured <paramref name="part"/> (null when none did):
    /// <paramref name="rows"/> adds each row by its name and how a size's part gives its cell.
    /// </summary>
    private static string? SizeTable<T>(IReadOnlyList<SizeResult> all, Func<SizeResult, T?> part, Action<Action<string, Func<T, string>>> rows)
        where T : class
    {
        var results = all.Where(r => part(r) is not null).ToList();
        if (results.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append("| measurement | ").Append(string.Join(" | ", results.Select(r => $"{r.Risks:N0} risks / {r.Commits:N0} commits"))).Append(" |\n");
        text.Append("|---|").Append(string.Concat(results.Select(_ => "---:|"))).Append('\n');
        rows((name, cell) => text.Append("| ").Append(name).Append(" | ").Append(string.Join(" | ", results.Select(r => cell(part(r)!)))).Append(" |\n"));
        return text.ToString();
    }

    /// <summary>How the paper and CSV figures were measured, and their table.</summary>
    public static string PapersSection(IReadOnlyList<SizeResult> results)
    {
        var d = new StringBuilder();
        d.Append("## Board papers and spreadsheets\n\n");
        if (PapersTable(results) is not { } table)
        {
            d.Append("Not measured in this run (`--no-papers`).\n\n");
            return d.ToString();
        }

        d.Append("The work of `risks report`, `risks export` and `risks import` on the same registers, after the history figures.\n");
        d.Append("The paper and the export each run in a fresh process, timed inside it from opening the register to the result\n");
        d.Append("(so the runtime's own start is not in it, but the JIT is), one run first not counted; the median and (min-max)\n");
        d.Append("are over the repetitions. The paper is of the last iteration: the register read at its tag and at the iteration\n");
        d.Append("before (for the movement sentences), then the HTML. The generated register's strategic risks are one in twenty,\n");
        d.Append("so its paper is far longer than a real board's. The import reads the exported CSV into a new register with the same\n");
        d.Append("register.yaml, checks every row and commits every risk in one commit; then the same file again, which must make no commit.\n\n");
        d.Append(table).Append('\n');
        return d.ToString();
    }

    /// <summary>How the history figures were measured, and their table.</summary>
    public static string HistorySection(IReadOnlyList<SizeResult> results, Options options)
    {
        var d = new StringBuilder();
        d.Append("## History, blame and comparisons\n\n");
        if (HistoryTable(results, options) is not { } table)
        {
            d.Append("Not measured in this run (`--no-history`).\n\n");
            return d.ToString();
        }

        var first = results.First(r => r.History is not null).History!;
        d.Append("`RegisterHistory.Of`, `Blame`, `RegisterComparisons.Compare` and `ScoresAt` on the same registers, after the saves above (so HEAD\n");
        d.Append("is a few commits past the last iteration), in children of their own, with the wait for a quiet machine and the\n");
        d.Append("count of other processes' CPU of the table above:\n\n");
        d.Append("- **Change index from nothing:** `.git/risks/changes.idx` deleted and the copy in memory dropped\n");
        d.Append("  (`ChangeIndex.ForgetAll`), then the index brought up to HEAD, which reads every commit's changed risk files and\n");
        d.Append(FormattableString.Invariant($"  writes the file again; {options.Reps} times with the git program (the default), and, at sizes of at most\n"));
        d.Append(FormattableString.Invariant($"  {options.FallbackUpTo:N0} commits (`--fallback-up-to C`), once before those with LibGit2Sharp's trees, the fallback where git\n"));
        d.Append("  is not installed (`ChangeIndex.UseGitProgram` off), checked to index the same commits and file changes.\n");
        d.Append("- **First history in a new process:** a fresh `dotnet` process that finds changes.idx on disk and calls `History()`\n");
        d.Append(FormattableString.Invariant($"  once, for one of the picked risks; {options.Reps} processes after one not counted. Timed inside the process, so the\n"));
        d.Append("  runtime's own start is not in it. Then the process forgets the index and reads it again, timed alone.\n");
        d.Append(FormattableString.Invariant($"- **History and blame of one risk:** {first.Picked} risks picked at random (fixed seed), with the index in memory and\n"));
        d.Append("  the JIT warm (one other risk first); for each, one call with the parsed-risk cache emptied (every version of\n");
        d.Append("  its file read from the object database and parsed) and then one with it warm. The median and (min-max)\n");
        d.Append(FormattableString.Invariant($"  are over the {first.Picked} risks. `Blame()` is `History()` plus the field blame of its versions.\n"));
        d.Append("- **Comparisons:** `Compare(from, to)` of the last iteration with the one before it and with the one 12 months\n");
        d.Append(FormattableString.Invariant($"  before, every risk that differs compared field by field; {options.Reps} times with the parsed-risk cache emptied before\n"));
        d.Append(FormattableString.Invariant($"  each, then {options.Reps} times with it warm (the same comparison again); for a month apart also {options.Reps} times after a\n"));
        d.Append("  `Load()` that is not timed, with the cache emptied before it, as in the program, which loads the register first.\n");
        d.Append(FormattableString.Invariant($"- **Past scores:** `ScoresAt()` of the last {first.TrailIterations} iterations, after a `Load()` that is not timed (as the\n"));
        d.Append("  register screen reads them for its trend sparklines, in the background once the register is on screen;\n");
        d.Append("  the screen reads the last 5, so this is a little more than it does),\n");
        d.Append("  and with the cache emptied.\n");
        d.Append("- **For reference, the git CLI:** `git commit-graph write --reachable --changed-paths`, then `git log --format=%H -- PATH`\n");
        d.Append("  for each picked risk, timed from starting the git process to its end.\n\n");
        d.Append(table).Append('\n');
        return d.ToString();
    }

    public static string Document(IReadOnlyList<SizeResult> results, FirstFrames firstFrames, Machine machine, Options options, TimeSpan runTime, string loadBefore, string loadAfter)
    {
        var d = new StringBuilder();
        d.Append("# Performance\n\n");
        d.Append("Figures from the on-demand benchmark in `tests/Risks.Benchmarks`, measured on a generated register; the\n");
        d.Append("benchmark writes this file, so every figure here is one it measured.\n\n");

        d.Append("## How to run it\n\n");
        d.Append("From the repository root:\n\n```\ndotnet run -c Release --project tests/Risks.Benchmarks\n```\n\n");
        d.Append("That generates a register of 1,000 risks with 10,000 commits and one of 10,000 risks with 50,000 commits\n");
        d.Append("under `/tmp/risks-bench`, measures both, prints the table and rewrites this file. Options:\n");
        d.Append("`--risks N --commits C` (one size only; the doc is then written only with `--doc PATH`),\n");
        d.Append("`--sizes 1000x10000,10000x50000`, `--dir DIR`, `--keep` (keep the registers), `--reuse` (measure\n");
        d.Append("registers kept by an earlier run instead of generating them), `--reps 7`, `--saves 25`, `--no-r2r`, `--startup-runs 7`,\n");
        d.Append("`--no-startup`, `--fallback-up-to 50000` (see History, blame and comparisons), `--no-history`, `--no-papers`, `--no-commands`\n");
        d.Append("(see Each command as a person runs it), `--doc PATH`, `--no-doc`. Generating 10,000 risks and 50,000 commits takes under a\n");
        d.Append("minute on this machine; `--reuse` with a fixed `--dir` measures the same register again without it.\n");
        d.Append(FormattableString.Invariant($"This run used {options.Reps} repetitions and {options.Saves} saves per size and took {runTime.TotalMinutes:N1} minutes in all.\n\n"));

        d.Append("## What is measured\n\n");
        d.Append("- **The register.** `register.yaml` (one objective, nine people) and N risks `CRR-00001`... of ~2-3 KB\n");
        d.Append("  each (narrative, 3-5 controls, gaps, assurances, dated actions), written with `RiskYaml.Write` at\n");
        d.Append("  `RegisterLayout.PathOf(id)`, so 100 per folder. History: the settings commit, one commit per folder\n");
        d.Append("  entering its 100 risks, then C commits over five years each changing 1-3 risks (a change of current\n");
        d.Append("  likelihood or an action update, with the product's message and a `Risk-Id:` trailer per risk), and an\n");
        d.Append("  annotated tag at the end of each month (`2021-01` ... `2025-12`). It is written with `git fast-import`,\n");
        d.Append("  then `git gc` and `git reset --hard`, and checked by loading it with `RegisterReader.Load()`:\n");
        d.Append("  N risks, no problems, every file the version generated.\n");
        d.Append("- **Cold load:** `dotnet Risks.Benchmarks.dll --child-load DIR`, a new process that opens the register\n");
        d.Append("  and calls `Load()` once. Reported: `Load()` timed inside the child, the child's whole life as timed by\n");
        d.Append("  the parent (runtime start, JIT, load, exit), the child's peak RSS (VmHWM from /proc/self/status), and how\n");
        d.Append("  many risk files its `Load()` parsed. One round of children before the timed ones is not counted (it warms\n");
        d.Append("  the page cache). Each cold load runs twice over, interleaved: the ordinary JIT build that `dotnet run` made\n");
        d.Append("  (`TieredPGO=false`, as the product), and a **ReadyToRun** build of the same code, as the installed tool is\n");
        d.Append("  to be published (`dotnet publish -r linux-x64 -p:PublishReadyToRun=true`, made from a copy of the sources\n");
        d.Append("  under the benchmark's folder so the repository's bin/ and obj/ are left alone; `--no-r2r` skips it).\n");
        d.Append("  And each series twice: **parse cache present**, the usual case, where each child finds the\n");
        d.Append("  `.git/risks-cache/parsed.bin` its build's previous child left (the uncounted round writes the first);\n");
        d.Append("  the cache holds one build's parsed risks only (another build's is ignored and written anew), so each\n");
        d.Append("  build's cache is moved aside between its children and back before its next one (renames, not timed);\n");
        d.Append("  and **parse cache removed before each** child, as the first run after an upgrade finds it, so every\n");
        d.Append("  file is parsed and the cache written again.\n");
        d.Append("- **In-process figures** come from one more child (`--child-measure DIR`), so the garbage of generation\n");
        d.Append("  does not skew them: the first `Load()`; **warm** `Load()` repeated (every file is read and hashed again\n");
        d.Append("  but found in the parsed-risk cache by blob id); `Load()` with that cache emptied before each run (every\n");
        d.Append("  file parsed again, JIT warm; the cache is a private static, emptied by reflection); the parts of a load\n");
        d.Append("  done as `Load()` does them; then the peak RSS after the loads.\n");
        d.Append("- **Save:** `Save()` of an edited risk (alternately a change of current likelihood and an action update),\n");
        d.Append("  with the settings (so people, objectives and links are checked) and the version just read as the\n");
        d.Append("  expected version; each save edits a different risk, spread over the folders. The first save is timed\n");
        d.Append("  apart. **Loose objects per save** is the growth of `.git/objects` outside `pack/` over the timed saves,\n");
        d.Append("  divided by their number. After the timed saves, the steps of a save's commit\n");
        d.Append("  (`RegisterStore.CommitFiles`) are repeated one by one with LibGit2Sharp and timed, to show where\n");
        d.Append("  a save's time goes (\"save part\" rows; the rest of `Save()` is validation, reading the file on disk and\n");
        d.Append("  comparing with the committed version).\n");
        d.Append("- Times are the median and (min-max) of the repetitions, in ms. The page cache is warm throughout.\n");
        d.Append("- Before each size is measured the benchmark waits (up to 3 minutes) until other processes use less\n");
        d.Append("  than 10% of the machine, and it reports how much CPU they used while it measured (from /proc/stat,\n");
        d.Append("  less its own and its children's time): a build or test run alongside inflates every figure.\n\n");

        d.Append("## Machine\n\n");
        d.Append(FormattableString.Invariant($"- `nproc`: {machine.Cpus} ({machine.CpuModel})\n"));
        d.Append(FormattableString.Invariant($"- MemTotal (/proc/meminfo): {machine.MemTotalKb:N0} kB ({machine.MemTotalKb / 1048576.0:N1} GiB)\n"));
        d.Append(FormattableString.Invariant($"- `dotnet --version`: {machine.DotnetSdk} ({machine.Runtime})\n"));
        d.Append(FormattableString.Invariant($"- {machine.GitVersion}; {machine.Os}\n"));
        d.Append(FormattableString.Invariant($"- Date: {machine.When:yyyy-MM-dd HH:mm} UTC\n"));
        d.Append($"- Code measured: {machine.Code}\n");
        d.Append($"- Load average (1, 5, 15 min, as `uptime` gives it; the benchmark's own processes count in it) when the run began: {loadBefore}; when it ended: {loadAfter}\n\n");

        d.Append(CommandsSection(results, firstFrames));

        d.Append("## Results\n\n");
        d.Append(Table(results)).Append('\n');

        d.Append(HistorySection(results, options));
        d.Append(PapersSection(results));

        d.Append("## Against the goals\n\n");
        d.Append(Reading(results)).Append('\n');

        d.Append(FirstFrameSection(firstFrames, results));
        return d.ToString();
    }

    /// <summary>The section on start-up to first frame: how it was measured, a table per register, and what the UI adds to a cold load.</summary>
    public static string FirstFrameSection(FirstFrames f, IReadOnlyList<SizeResult> results)
    {
        var d = new StringBuilder();
        d.Append("## Start-up to first frame\n\n");
        if (f.Skipped is { } skipped)
        {
            d.Append(FormattableString.Invariant($"Start-up to first frame was {skipped}.\n"));
            return d.ToString();
        }

        d.Append("How long a person waits after typing `risks` until the register is on screen.\n\n");
        d.Append("- **Program:** `risks` published as it is installed: `dotnet publish src/Risks -c Release`, compiled to native code ahead of time\n");
        d.Append("  (NativeAOT), from a copy of the sources as for the benchmark's own ReadyToRun build, and run as `risks --register PATH`,\n");
        d.Append("  which becomes `risks-ui`, the full-screen program published beside it (`execv`: the same process), so the time includes both starts.\n");
        d.Append(FormattableString.Invariant($"- **Terminal:** a new tmux session ({f.TmuxVersion}) at 80x24, `TERM=xterm-256color`, a HOME of its own, on the machine under Machine above.\n"));
        d.Append("- **Time:** the wall time from starting the session (`tmux new-session -d`) until the register screen's bottom line, the\n");
        d.Append(FormattableString.Invariant($"  counts line (\"N of N risks: ...\"), is on screen as `tmux capture-pane -p` gives it, asked every {FirstFrames.PollMs} ms over one tmux\n"));
        d.Append(FormattableString.Invariant($"  control-mode connection (`tmux -C`; no process started per poll), so a figure may be up to ~{FirstFrames.PollMs + 2} ms late.\n"));
        d.Append(FormattableString.Invariant($"- **Peak RSS:** VmHWM of the pane's process (`risks`, which has become `risks-ui`), read {FirstFrames.SettleMs} ms after the first frame,\n"));
        d.Append(FormattableString.Invariant($"  and again once the program has gone idle: under {FirstFrames.IdleShare:P0} of one core over {FirstFrames.IdleMs:N0} ms (utime and stime in `/proc/PID/stat`;\n"));
        d.Append("  an idle program still uses a few per cent for its input loop), its background reads done (the last iteration, for\n");
        d.Append("  each risk's movement, and the scores behind the trend sparklines). \"Idle after\" is when that quiet stretch began, from the start of the run.\n");
        d.Append("- Then Ctrl+Q is sent; the program must end with exit code 0, and each run's tmux server is killed afterwards.\n");
        d.Append(FormattableString.Invariant($"  One warm-up run, then {f.Runs} timed runs per register: median (max), and the fastest.\n"));
        d.Append("- The sample register is built with `risks demo PATH --no-ui`, which lists the person running it among its people, so it\n");
        d.Append("  opens for editing; that person is not among the generated registers' people, so those open read-only. The generated\n");
        d.Append("  registers are measured after the figures above (whose saves add a few commits), with their own wait for a quiet\n");
        d.Append("  machine; the CPU used by other processes is counted as above, less the tmux server's and the program's.\n");
        d.Append("  Each generated register is measured twice: first with the parse cache (`.git/risks-cache`) that the program's\n");
        d.Append("  previous run left, the usual case (the warm-up run leaves it for the first timed run), then with the cache\n");
        d.Append("  removed before each run, warm-up included, as the very first time the program opens the register (or the\n");
        d.Append("  first time after an upgrade, since a cache written by another build is not used).\n");
        d.Append("- `--startup-runs N` sets the number of timed runs (default 7); `--no-startup` skips this measurement.\n\n");

        d.Append("| register | risks | **first frame**, ms: median (max) | fastest, ms | peak RSS at the first frame, MB: median (max) | idle after, ms: median (max) | **peak RSS once idle**, MB: median (max) | progress line seen, runs | CPU used by other processes, % of the machine |\n");
        d.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in f.Results)
        {
            if (r.Failure is { } failure || r.Ms.Count == 0)
            {
                d.Append(FormattableString.Invariant($"| {r.Register} | {(r.Risks > 0 ? r.Risks.ToString("N0", CultureInfo.InvariantCulture) : "-")} | failed: {OneLine(r.Failure ?? "no runs")} | - | - | - | - | - | - |\n"));
                continue;
            }

            var ms = S(r.Ms);
            var rss = S(r.PeakRssKb.Select(k => (double)k));
            var idle = r.SettledMs is { Count: > 0 } settledMs ? S(settledMs) : null;
            var settled = S(r.StartPeakRssKb.Select(k => (double)k));
            d.Append(FormattableString.Invariant(
                $"| {r.Register} | {r.Risks:N0} | {ms.Median:N0} ({ms.Max:N0}) | {ms.Min:N0} | {Mb((long)rss.Median)} ({Mb((long)rss.Max)}) | {(idle is null ? "-" : FormattableString.Invariant($"{idle.Median:N0} ({idle.Max:N0})"))} | {Mb((long)settled.Median)} ({Mb((long)settled.Max)}) | {r.ProgressShown} of {r.Ms.Count} | {r.OthersShare * 100:N0} |\n"));
        }

        var largest = results.Count == 0 ? null : results.MaxBy(r => r.Risks);
        foreach (var removed in new[] { false, true })
        {
            var frame = largest is null ? null : GeneratedFrame(f, largest.Risks, removed);
            var cold = largest is null ? null : (f.ReadyToRun, removed) switch
            {
                (true, false) => largest.ColdReadyToRun,
                (true, true) => largest.ColdNoCacheReadyToRun,
                (false, false) => largest.Cold,
                (false, true) => largest.ColdNoCache,
            };
            if (frame is null || cold is null)
            {
                continue;
            }

            var first = S(frame.Ms).Median;
            var process = S(cold.Select(c => c.ProcessMs)).Median;
            var goal = removed ? FirstFrameFirstTimeGoalMs : FirstFrameGoalMs;
            d.Append('\n');
            d.Append(FormattableString.Invariant(
                $"At {largest!.Risks:N0} risks, {(removed ? "with the parse cache removed before each run (the very first time)" : "with the parse cache present (the usual case)")}, the first frame is on screen after {first:N0} ms (median), **{(FirstFrameMet(frame) ? "met" : "not met")}** against the goal of at most {goal:N0} ms{(removed ? FormattableString.Invariant($" the very first time, with progress shown (the progress line was seen before the first frame in {frame.ProgressShown} of {frame.Ms.Count} runs)") : "")}; "));
            d.Append(FormattableString.Invariant(
                $"a whole cold-load process of the benchmark's {(f.ReadyToRun ? "ReadyToRun" : "JIT")} build (start, open, `Load()`, exit) in the same case takes {process:N0} ms in the table above, so about {first - process:N0} ms go on what the program does besides `Load()`: its command line, the session, Terminal.Gui's start, building the screens and the first draw"));
            var small = f.Results.FirstOrDefault(r => r.Failure is null && r.Ms.Count > 0 && !r.Register.StartsWith("generated", StringComparison.Ordinal));
            d.Append(small is null || removed ? ".\n" : FormattableString.Invariant($" (the {small.Risks:N0}-risk sample takes {S(small.Ms).Median:N0} ms in all).\n"));
        }

        d.Append("\nThe progress line is the one the program writes while a long first read goes on (\"Reading N of M risk files\"), looked for in\n");
        d.Append("each poll of the screen before the counts line; the program shows it only when the read takes over half a second.\n");
        d.Append(FormattableString.Invariant($"The very first time is met when the median is within {FirstFrameFirstTimeGoalMs:N0} ms and the line was seen in every run, or when every\n"));
        d.Append(FormattableString.Invariant($"run was on screen within the usual {FirstFrameGoalMs:N0} ms (too quick a start for progress to be shown or needed).\n"));

        var busiest = f.Results.Where(r => r.Failure is null).MaxBy(r => r.OthersShare);
        if (busiest is { OthersShare: > 0.10 })
        {
            d.Append(FormattableString.Invariant($"\n**Caveat:** other processes used {busiest.OthersShare:P0} of the machine while the {busiest.Risks:N0}-risk register was measured, so its figures are higher than on an idle machine.\n"));
        }

        return d.ToString();
    }

    /// <summary>
    /// Whether a first frame meets its goal: within <see cref="FirstFrameGoalMs"/> with the parse
    /// cache present; the very first time (cache removed), within <see cref="FirstFrameFirstTimeGoalMs"/>
    /// with the read's progress seen in every run, unless every run was on screen within the usual goal (a start that quick
    /// leaves no frozen screen to explain, and the program shows no progress for a read that ends within half a second).
    /// Judged on the median.
    /// </summary>
    public static bool FirstFrameMet(FirstFrame frame) => frame.CacheRemoved
        ? S(frame.Ms).Median <= FirstFrameFirstTimeGoalMs && (frame.ProgressShown == frame.Ms.Count || frame.Ms.Max() <= FirstFrameGoalMs)
        : S(frame.Ms).Median <= FirstFrameGoalMs;

    /// <summary>The first-frame figures of the generated register of <paramref name="risks"/> risks, with the parse cache present or removed; null when not measured or failed.</summary>
    public static FirstFrame? GeneratedFrame(FirstFrames f, int risks, bool cacheRemoved) =>
        f.Results.FirstOrDefault(r => r.Failure is null && r.Ms.Count > 0 && r.Risks == risks && r.CacheRemoved == cacheRemoved && r.Register.StartsWith("generated", StringComparison.Ordinal));

    private static string OneLine(string text) => text.Split('\n')[0].Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>The figures read against the goals: load of 10,000 risks in ~1-1.5 s, saves of a few ms, small loose objects per save.</summary>
    private static string Reading(IReadOnlyList<SizeResult> results)
    {
        var text = new StringBuilder();
        var largest = results.MaxBy(r => r.Risks)!;
        var n = FormattableString.Invariant($"{largest.Risks:N0}");
        var warm = S(largest.InProcess.WarmLoadMs).Median;
        var parseAll = S(largest.InProcess.ParseAllLoadMs).Median;
        var save = S(largest.InProcess.SaveMs).Median;
        var index = largest.InProcess.SaveParts.Where(p => p.Key.StartsWith("Index.", StringComparison.Ordinal)).Sum(p => S(p.Value).Median);
        var loose = (largest.InProcess.LooseBytesAfter - largest.InProcess.LooseBytesBefore) / 1024.0 / largest.InProcess.Saves;
        string Verdict(bool met) => met ? "**met**" : "**not met**";

        text.Append(FormattableString.Invariant(
            $"- **Load of {n} risks within ~1-1.5 s** (the design goal, taken as at most {LoadTargetMs:N0} ms; a plain YamlDotNet load was measured at 1.1 s for load + parse in a warm process and 1.45-1.58 s for a cold open with ReadyToRun), in a fresh process:\n"));
        void Case(string which, List<ColdLoad> jit, List<ColdLoad>? readyToRun)
        {
            var load = S(jit.Select(c => c.LoadMs)).Median;
            var process = S(jit.Select(c => c.ProcessMs)).Median;
            text.Append(FormattableString.Invariant(
                $"  - {which}: with the JIT build, `Load()` takes {load:N0} ms, {Verdict(load <= LoadTargetMs)}, and the whole process {process:N0} ms, {Verdict(process <= LoadTargetMs)}"));
            if (readyToRun is not null)
            {
                var r2rLoad = S(readyToRun.Select(c => c.LoadMs)).Median;
                var r2rProcess = S(readyToRun.Select(c => c.ProcessMs)).Median;
                text.Append(FormattableString.Invariant(
                    $"; with ReadyToRun, as the tool is installed, `Load()` takes {r2rLoad:N0} ms, {Verdict(r2rLoad <= LoadTargetMs)}, and the whole process {r2rProcess:N0} ms, {Verdict(r2rProcess <= LoadTargetMs)}"));
            }

            text.Append(FormattableString.Invariant($" ({S(jit.Select(c => (double)c.Parsed)).Median:N0} files parsed).\n"));
        }

        Case("with the parse cache present (the usual case)", largest.Cold, largest.ColdReadyToRun);
        Case("with the parse cache removed (the first run after an upgrade)", largest.ColdNoCache, largest.ColdNoCacheReadyToRun);
        var coldLoad = S(largest.ColdNoCache.Select(c => c.LoadMs)).Median;
        if (largest.ColdNoCacheReadyToRun is { } built)
        {
            var saved = 1 - (S(built.Select(c => c.LoadMs)).Median / coldLoad);
            text.Append(FormattableString.Invariant($"  With the cache removed, ReadyToRun takes {saved:P0} off the cold `Load()` at {n} risks"));
            text.Append(string.Concat(results.Where(r => r != largest && r.ColdNoCacheReadyToRun is not null).Select(r =>
                FormattableString.Invariant($" ({1 - (S(r.ColdNoCacheReadyToRun!.Select(c => c.LoadMs)).Median / S(r.ColdNoCache.Select(c => c.LoadMs)).Median):P0} at {r.Risks:N0})"))));
            text.Append(saved < 0.25 ? ", so most of a large cold load without the cache is the work of parsing, not compiling.\n" : ".\n");
        }

        text.Append(FormattableString.Invariant(
            $"  With the JIT warm, a load that parses every file takes {parseAll:N0} ms, {Verdict(parseAll <= LoadTargetMs)}, and done apart, as `Load()` does them, `RiskYaml.Read` of every file takes {S(largest.InProcess.ParseMs).Median:N0} ms against {S(largest.InProcess.ReadAndHashMs).Median:N0} ms for reading and hashing them, so parsing is nearly all of it, and YamlDotNet's scanner and parser alone, building nothing, take {S(largest.InProcess.YamlEventsMs).Median:N0} ms of that; a reload served from the parsed-risk cache takes {warm:N0} ms.\n"));
        text.Append(FormattableString.Invariant(
            $"- **Each save a few ms** (taken here as at most {SaveTargetMs:N0} ms; a bare blob + tree + commit was measured at 3.9 ms for blob + tree + commit and 9.7 ms with the index, at 10,000 sharded): "));
        text.Append(FormattableString.Invariant($"the median save at {n} risks takes {save:N1} ms, {Verdict(save <= SaveTargetMs)}"));
        text.Append(string.Concat(results.Where(r => r != largest).Select(r => FormattableString.Invariant($" ({S(r.InProcess.SaveMs).Median:N1} ms at {r.Risks:N0})"))));
        text.Append(FormattableString.Invariant(
            $". Updating `.git/index` ({largest.InProcess.IndexBytes / 1024.0:N0} KB at {n} risks, loaded and rewritten whole by `Index.Add` and `Index.Write`) takes {index:N1} ms of it in the save-part rows.\n"));
        text.Append(FormattableString.Invariant(
            $"- **Loose objects per save small, because no folder holds more than 100 risks** (measured before: 6 KB sharded against 242 KB for one flat folder of 10,000): "));
        text.Append(FormattableString.Invariant($"{loose:N1} KB per save at {n} risks, {Verdict(loose <= LooseTargetKb)} (taken as at most {LooseTargetKb:N0} KB).\n"));
        var peak = S(largest.Cold.Select(c => (double)c.PeakRssKb)).Median / 1024.0;
        var peakNoCache = S(largest.ColdNoCache.Select(c => (double)c.PeakRssKb)).Median / 1024.0;
        text.Append(FormattableString.Invariant($"- **Memory:** a cold process that loads {n} risks peaks at {peak:N0} MB RSS with the parse cache and {peakNoCache:N0} MB without it (medians; a plain YamlDotNet full load was measured at 125 MB).\n"));
        if (results.Where(r => r.History is not null).MaxBy(r => r.Risks) is { History: { } h } measured)
        {
            text.Append(HistoryReading(measured, h, Verdict));
        }

        var busiest = results.MaxBy(r => r.OthersShare)!;
        text.Append(busiest.OthersShare > 0.10
            ? FormattableString.Invariant($"- **Caveat:** other processes used {busiest.OthersShare:P0} of the machine while {busiest.Risks:N0} risks were measured, so those figures are higher than on an idle machine.\n")
            : FormattableString.Invariant($"- Other processes used at most {busiest.OthersShare:P0} of the machine while measuring.\n"));
        return text.ToString();
    }

    /// <summary>The history figures of the largest register read against the targets: history within 50 ms, blame within 100 ms, a month's comparison within 300 ms.</summary>
    private static string HistoryReading(SizeResult size, HistoryResult h, Func<bool, string> verdict)
    {
        var text = new StringBuilder();
        var at = FormattableString.Invariant($"{size.Risks:N0} risks and {size.Commits:N0} commits");
        string Against(IReadOnlyCollection<double> times, double target, int decimals)
        {
            var s = S(times);
            var over = times.Count(t => t > target);
            var f = "N" + decimals.ToString(CultureInfo.InvariantCulture);
            return FormattableString.Invariant(
                $"{s.Median.ToString(f, CultureInfo.InvariantCulture)} ms (max {s.Max.ToString(f, CultureInfo.InvariantCulture)}), {verdict(s.Median <= target)} ({(over == 0 ? FormattableString.Invariant($"all {times.Count} within it") : FormattableString.Invariant($"{over} of the {times.Count} over {target:N0} ms"))})");
        }

        var firstCall = S(h.FirstHistoryMs).Median;
        var read = S(h.ReadIndexMs).Median;
        var build = S(h.BuildMs).Median;
        text.Append(FormattableString.Invariant($"- **History of one risk within {HistoryTargetMs:N0} ms** (at {at}; medians over {h.Picked} risks, the change index in memory): with the parsed-risk cache warm, "));
        text.Append(Against(h.HistoryWarmMs, HistoryTargetMs, 1)).Append("; with it emptied, so every version of the file is read and parsed, ");
        text.Append(Against(h.HistoryColdMs, HistoryTargetMs, 1)).Append(".\n");
        text.Append(FormattableString.Invariant($"- **Field-level blame within {BlameTargetMs:N0} ms** (the same way): with the cache warm, "));
        text.Append(Against(h.BlameWarmMs, BlameTargetMs, 1)).Append("; with it emptied, ");
        text.Append(Against(h.BlameColdMs, BlameTargetMs, 1)).Append(".\n");
        text.Append(FormattableString.Invariant($"- **The first call in a new process:** the first `History()` in a new process, with changes.idx on disk, takes {firstCall:N0} ms, {verdict(firstCall <= HistoryTargetMs)} against the {HistoryTargetMs:N0} ms target; "));
        text.Append(FormattableString.Invariant($"reading the index file and ordering its commits, timed again in the same process with the JIT warm, takes {read:N0} ms. "));
        text.Append(FormattableString.Invariant($"Without changes.idx, building the index from nothing with the git program takes {build / 1000:N1} s"));
        text.Append(h.FallbackBuildMs is { } fallback
            ? FormattableString.Invariant($", and with LibGit2Sharp's trees (no git program) {fallback / 1000:N1} s.\n")
            : "; the LibGit2Sharp fallback (no git program) was not timed at this size.\n");
        var monthWarm = S(h.MonthWarmMs).Median;
        var monthCold = S(h.MonthColdMs).Median;
        var monthAfterLoad = S(h.MonthAfterLoadMs).Median;
        text.Append(FormattableString.Invariant($"- **A comparison of two monthly iterations with all field changes within {CompareTargetMs:N0} ms** ({h.MonthFrom} to {h.MonthTo}: {h.MonthRisks:N0} risks differ, {h.MonthFieldChanges:N0} field changes): "));
        text.Append(FormattableString.Invariant($"{monthWarm:N0} ms with the parsed-risk cache warm (the same comparison made before), {verdict(monthWarm <= CompareTargetMs)}; {monthAfterLoad:N0} ms after a `Load()` alone (the versions at HEAD parsed), {verdict(monthAfterLoad <= CompareTargetMs)}; and {monthCold:N0} ms with the cache emptied, {verdict(monthCold <= CompareTargetMs)}. The program also reads the last iterations in the background once the register is on screen, which parses more of these versions; a comparison after that is not timed here. "));
        text.Append(FormattableString.Invariant($"Twelve months apart ({h.YearRisks:N0} risks differ) it takes {S(h.YearWarmMs).Median:N0} ms warm and {S(h.YearColdMs).Median:N0} ms with the cache emptied.\n"));
        text.Append(FormattableString.Invariant($"- The past scores of the last {h.TrailIterations} iterations (no target; read in the background for the sparklines) take {S(h.ScoresAfterLoadMs).Median:N0} ms after a `Load()` and {S(h.ScoresColdMs).Median:N0} ms from nothing. "));
        text.Append(FormattableString.Invariant($"For reference, `git log -- PATH` of one risk with changed-path filters takes {S(h.GitLogMs).Median:N0} ms as a process of its own.\n"));
        return text.ToString();
    }

    /// <summary>docs/performance.md of the repository holding the current folder (or this program), found by its Risks.sln.</summary>
    public static string? DefaultDocPath()
    {
        if (RepositoryRoot() is { } root)
        {
            return Path.Combine(root, "docs", "performance.md");
        }

        Console.Error.WriteLine("Risks.sln not found above the current folder; docs/performance.md not written (give --doc PATH)");
        return null;
    }

    /// <summary>The folder holding Risks.sln, above the current folder or this program.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Risks.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
