using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LibGit2Sharp;
using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.Benchmarks;

/// <summary>What the history measurements reported, all times in milliseconds.</summary>
internal sealed record HistoryResult(
    int IndexedCommits,
    long IndexFileBytes,
    List<double> BuildMs,
    double? FallbackBuildMs,
    bool FallbackSame,
    List<double> FirstHistoryMs,
    List<double> ReadIndexMs,
    int Picked,
    double VersionsMean,
    int VersionsMax,
    List<double> HistoryColdMs,
    List<double> HistoryWarmMs,
    List<double> BlameColdMs,
    List<double> BlameWarmMs,
    string MonthFrom,
    string MonthTo,
    int MonthRisks,
    int MonthFieldChanges,
    List<double> MonthColdMs,
    List<double> MonthWarmMs,
    List<double> MonthAfterLoadMs,
    string YearFrom,
    int YearRisks,
    int YearFieldChanges,
    List<double> YearColdMs,
    List<double> YearWarmMs,
    int TrailIterations,
    List<double> ScoresColdMs,
    List<double> ScoresAfterLoadMs,
    double CommitGraphMs,
    List<double> GitLogMs,
    int GitLogAgrees);

/// <summary>
/// The register's history features (<c>RegisterHistory.Of</c>, <c>Blame</c>,
/// <c>Compare</c>, <c>ScoresAt</c>) and the change index they are answered from, measured in
/// children of their own: one (<c>--child-history</c>) for the index builds and everything done
/// with the index in memory, and one per repetition (<c>--child-first-history</c>) for the first
/// history call of a new process that finds <c>.git/risks/changes.idx</c> on disk.
/// </summary>
internal static class HistoryMeasure
{
    /// <summary>How many risks the history and blame figures are taken over, picked at random with a fixed seed.</summary>
    public const int PickCount = 50;

    /// <summary>How many iterations the past scores are read for (the trend sparklines read the last few in the background).</summary>
    public const int TrailIterations = 6;

    private const int Seed = 20240601;

    /// <summary>Runs the history child, then <paramref name="reps"/> first-history children (one more first, not counted, as for the cold loads).</summary>
    public static HistoryResult Run(string dir, int reps, int riskCount, bool fallback)
    {
        var (output, _) = Measure.RunSelf(Measure.OwnDll, "--child-history", dir, fallback ? "fallback" : "no-fallback", "--reps", reps.ToString(CultureInfo.InvariantCulture));
        var line = output.Split('\n').Single(l => l.StartsWith(Measure.ResultMarker, StringComparison.Ordinal));
        var result = JsonSerializer.Deserialize<HistoryResult>(line[Measure.ResultMarker.Length..]) ?? throw new InvalidOperationException("no result from the history child");

        var picks = Picks(riskCount, PickCount);
        for (var i = 0; i <= reps; i++)
        {
            var (first, _) = Measure.RunSelf(Measure.OwnDll, "--child-first-history", dir, picks[i % picks.Count].Value);
            var fields = Measure.Fields(first);
            if (i > 0)
            {
                result.FirstHistoryMs.Add(double.Parse(fields["first_ms"], CultureInfo.InvariantCulture));
                result.ReadIndexMs.Add(double.Parse(fields["read_ms"], CultureInfo.InvariantCulture));
            }
        }

        return result;
    }

    /// <summary>
    /// <c>--child-first-history DIR ID</c>: a new process that finds the change index on disk and
    /// asks for one risk's history: the whole first <c>History()</c> call (opening the repository,
    /// reading <c>changes.idx</c>, JIT, parsing the risk's versions); then, the in-memory index
    /// forgotten, reading the index file again alone.
    /// </summary>
    public static int ChildFirstHistory(string dir, string id)
    {
        if (!File.Exists(IndexFile(dir)))
        {
            Console.Error.WriteLine($"{IndexFile(dir)} does not exist; the history child builds it first");
            return 1;
        }

        var register = Register.Open(dir);
        var watch = Stopwatch.StartNew();
        var versions = register.History.Of(RiskId.Parse(id)).Count;
        var first = watch.Elapsed.TotalMilliseconds;

        ChangeIndex.ForgetAll();
        using var repo = new Repository(dir);
        watch.Restart();
        var indexed = ChangeIndex.For(Path.Combine(dir, ".git")).From(repo, repo.Head.Tip).Count;
        var read = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine(FormattableString.Invariant($"{Measure.ResultMarker}first_ms={first:F2} read_ms={read:F2} versions={versions} commits={indexed}"));
        return 0;
    }

    /// <summary>
    /// <c>--child-history DIR fallback|no-fallback --reps N</c>: the change index built from
    /// nothing (by LibGit2Sharp's trees once, with <c>fallback</c>, then by the git program each
    /// repetition); then, with the index in memory, history and blame of <see cref="PickCount"/>
    /// risks with the parsed-risk cache emptied and warm, comparisons of iterations a month and a
    /// year apart, past scores over the last <see cref="TrailIterations"/> iterations, and for
    /// reference <c>git log -- PATH</c> of the same risks after a commit-graph with changed-path filters.
    /// </summary>
    public static int ChildHistory(string dir, bool fallback, int reps)
    {
        var register = Register.Open(dir);
        var riskCount = register.Reader.Load().Risks.Count;

        // The change index from nothing: no changes.idx and no copy in memory.
        double? fallbackMs = null;
        (int Commits, int Changes) fallbackIndex = default;
        if (fallback)
        {
            ChangeIndex.UseGitProgram = false;
            try
            {
                fallbackMs = BuildFromNothing(dir, out fallbackIndex);
            }
            finally
            {
                ChangeIndex.UseGitProgram = true;
            }
        }

        (int Commits, int Changes) gitIndex = default;
        var build = new List<double>(reps);
        for (var i = 0; i < reps; i++)
        {
            build.Add(BuildFromNothing(dir, out gitIndex));
        }

        var fallbackSame = fallback && fallbackIndex == gitIndex;
        if (fallback && !fallbackSame)
        {
            Console.Error.WriteLine($"the LibGit2Sharp fallback indexed {fallbackIndex.Commits} commits with {fallbackIndex.Changes} file changes, the git program {gitIndex.Commits} with {gitIndex.Changes}");
        }

        var indexBytes = new FileInfo(IndexFile(dir)).Length;

        // With the index in memory. One risk not among those timed goes first, so the JIT is warm.
        var picks = Picks(riskCount, PickCount + 1);
        var warmUp = picks[^1];
        picks.RemoveAt(picks.Count - 1);
        _ = register.History.Of(warmUp);
        _ = register.History.Blame(warmUp);
        var historyCold = new List<double>();
        var historyWarm = new List<double>();
        var blameCold = new List<double>();
        var blameWarm = new List<double>();
        var versions = new Dictionary<RiskId, int>();
        foreach (var id in picks)
        {
            Measure.ForgetParsed(dir);
            historyCold.Add(Time(() => versions[id] = register.History.Of(id).Count));
            historyWarm.Add(Time(() => register.History.Of(id)));
        }

        foreach (var id in picks)
        {
            Measure.ForgetParsed(dir);
            blameCold.Add(Time(() => register.History.Blame(id)));
            blameWarm.Add(Time(() => register.History.Blame(id)));
        }

        // Comparisons of iterations: the last two, and the last with the one a year before.
        var iterations = register.Iterations.All();
        if (iterations.Count < 13)
        {
            throw new InvalidOperationException($"the register has {iterations.Count} iterations; the comparisons need at least 13");
        }

        var to = iterations[^1].Name;
        var month = iterations[^2].Name;
        var year = iterations[^13].Name;
        _ = register.Comparisons.Compare(iterations[^3].Name, month);
        var monthCold = Measure.Repeat(reps, () => register.Comparisons.Compare(month, to), before: () => Measure.ForgetParsed(dir));
        var monthWarm = Measure.Repeat(reps, () => register.Comparisons.Compare(month, to));
        var monthAfterLoad = Measure.Repeat(reps, () => register.Comparisons.Compare(month, to), before: () =>
        {
            Measure.ForgetParsed(dir);
            _ = register.Reader.Load();
        });
        var yearCold = Measure.Repeat(reps, () => register.Comparisons.Compare(year, to), before: () => Measure.ForgetParsed(dir));
        var yearWarm = Measure.Repeat(reps, () => register.Comparisons.Compare(year, to));
        var monthDiff = register.Comparisons.Compare(month, to).Comparison;
        var yearDiff = register.Comparisons.Compare(year, to).Comparison;

        // Past scores, as the register screen reads them for its sparklines: after Load() (the
        // versions at HEAD parsed), and with nothing parsed.
        var trail = iterations.TakeLast(TrailIterations).ToList();
        var scoresAfterLoad = Measure.Repeat(reps, () => register.Comparisons.ScoresAt(trail), before: () =>
        {
            Measure.ForgetParsed(dir);
            _ = register.Reader.Load();
        });
        var scoresCold = Measure.Repeat(reps, () => register.Comparisons.ScoresAt(trail), before: () => Measure.ForgetParsed(dir));

        // For reference: git's own path-limited log, with changed-path filters in the commit-graph.
        var graph = Stopwatch.StartNew();
        Git.Run(dir, "commit-graph", "write", "--reachable", "--changed-paths");
        var commitGraph = graph.Elapsed.TotalMilliseconds;
        var gitLog = new List<double>();
        var agrees = 0;
        foreach (var id in picks)
        {
            var output = "";
            gitLog.Add(Time(() => output = Git.Run(dir, "log", "--format=%H", "--", RegisterLayout.PathOf(id))));
            agrees += output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == versions[id] ? 1 : 0;
        }

        var result = new HistoryResult(
            gitIndex.Commits, indexBytes, build, fallbackMs, fallbackSame, [], [],
            picks.Count, versions.Values.Average(), versions.Values.Max(), historyCold, historyWarm, blameCold, blameWarm,
            month, to, monthDiff.Risks.Count, monthDiff.Risks.Sum(r => r.Changes.Count), monthCold, monthWarm, monthAfterLoad,
            year, yearDiff.Risks.Count, yearDiff.Risks.Sum(r => r.Changes.Count), yearCold, yearWarm,
            trail.Count, scoresCold, scoresAfterLoad, commitGraph, gitLog, agrees);
        Console.WriteLine(Measure.ResultMarker + JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary><paramref name="count"/> different risks of 1..<paramref name="riskCount"/>, picked with a fixed seed.</summary>
    public static List<RiskId> Picks(int riskCount, int count)
    {
        var rng = new Random(Seed);
        var numbers = new List<int>();
        while (numbers.Count < Math.Min(count, riskCount))
        {
            var n = rng.Next(1, riskCount + 1);
            if (!numbers.Contains(n))
            {
                numbers.Add(n);
            }
        }

        return numbers.Select(Content.IdOf).ToList();
    }

    private static string IndexFile(string dir) => Path.Combine(dir, ".git", "risks", "changes.idx");

    /// <summary>Deletes changes.idx, forgets the index held in memory and times bringing it up to HEAD (which writes the file again).</summary>
    private static double BuildFromNothing(string dir, out (int Commits, int Changes) built)
    {
        if (File.Exists(IndexFile(dir)))
        {
            File.Delete(IndexFile(dir));
        }

        ChangeIndex.ForgetAll();
        using var repo = new Repository(dir);
        var head = repo.Head.Tip;
        var watch = Stopwatch.StartNew();
        var reachable = ChangeIndex.For(Path.Combine(dir, ".git")).From(repo, head);
        var ms = watch.Elapsed.TotalMilliseconds;
        if (!File.Exists(IndexFile(dir)))
        {
            throw new InvalidOperationException($"building the change index did not write {IndexFile(dir)}");
        }

        built = (reachable.Count, reachable.ChangeCount);
        return ms;
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }
}
