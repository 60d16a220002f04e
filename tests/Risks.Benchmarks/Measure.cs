using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Git;
using Risks.Storage.Yaml;

namespace Risks.Benchmarks;

/// <summary>Median, minimum and maximum of a set of repetitions.</summary>
internal sealed record Stat(double Median, double Min, double Max, int Count)
{
    public static Stat Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Stat(median, sorted[0], sorted[^1], sorted.Length);
    }
}

/// <summary>What one cold-load child reported; <paramref name="Parsed"/> is how many risk files its <c>Load()</c> parsed (none when the parse cache served them all).</summary>
internal sealed record ColdLoad(double LoadMs, double ProcessMs, long PeakRssKb, int Parsed);

/// <summary>What the measuring child reported, all times in milliseconds.</summary>
internal sealed record InProcess(
    double FirstLoadMs,
    List<double> WarmLoadMs,
    List<double> ParseAllLoadMs,
    long PeakRssAfterLoadsKb,
    long RssAfterLoadsKb,
    long ManagedAfterLoadsKb,
    long PeakRssAfterParseAllKb,
    List<double> EnumerateMs,
    List<double> ReadAndHashMs,
    List<double> ParseMs,
    List<double> YamlEventsMs,
    List<double> CrossCheckMs,
    List<double> SaveMs,
    double FirstSaveMs,
    long LooseBytesBefore,
    long LooseBytesAfter,
    int LooseObjectsAdded,
    int Saves,
    long IndexBytes,
    Dictionary<string, List<double>> SaveParts);

internal static class Measure
{
    public const string ResultMarker = "RESULT ";

    /// <summary>
    /// <c>--child-load DIR</c>: a fresh process that opens the register and loads it once, then
    /// prints the time of <c>Load()</c>, how many files it parsed and its own peak RSS (VmHWM).
    /// </summary>
    public static int ChildLoad(string dir)
    {
        var watch = Stopwatch.StartNew();
        var register = Register.Open(dir);
        var snapshot = register.Reader.Load();
        watch.Stop();
        if (snapshot.Problems.Count > 0)
        {
            Console.Error.WriteLine($"{snapshot.Problems.Count} problems, first: {snapshot.Problems[0]}");
            return 1;
        }

        Console.WriteLine($"{ResultMarker}load_ms={watch.Elapsed.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture)} risks={snapshot.Risks.Count} parsed={register.Reader.LastLoad.Parsed} vmhwm_kb={ProcStatus("VmHWM")}");
        return 0;
    }

    /// <summary>
    /// Runs <paramref name="reps"/> cold loads of each build in <paramref name="dlls"/>, each in a new
    /// process, interleaved (JIT, ReadyToRun, JIT, ...) so a change in the machine's load hits both
    /// alike; one round first is not counted (it warms the page cache).
    /// </summary>
    /// <remarks>
    /// The parse cache holds the parsed risks of one build only (a cache written by another build
    /// is ignored and written anew), so when <paramref name="withCache"/> each build keeps its own
    /// cache between its children: it is moved aside after each child and back before that build's
    /// next one (renames, not timed), and each child finds the cache its build's previous child
    /// left, the first round's included, as a person running the same program again does.
    /// Otherwise the cache is removed before each child, as the first run after an upgrade finds it.
    /// </remarks>
    public static List<ColdLoad>[] ColdLoads(string dir, int reps, int riskCount, IReadOnlyList<string> dlls, bool withCache)
    {
        var results = dlls.Select(_ => new List<ColdLoad>()).ToArray();
        var cache = ParseCacheFolder(dir);
        var kept = dlls.Select((_, d) => Path.Combine(dir, ".git", $"risks-bench-cache-{d}")).ToArray();
        void Remove(string folder)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        foreach (var folder in kept.Append(cache))
        {
            Remove(folder);
        }

        try
        {
            for (var i = 0; i <= reps; i++)
            {
                for (var d = 0; d < dlls.Count; d++)
                {
                    Remove(cache);
                    if (withCache && Directory.Exists(kept[d]))
                    {
                        Directory.Move(kept[d], cache);
                    }

                    var (output, ms) = RunSelf(dlls[d], "--child-load", dir);
                    if (withCache && Directory.Exists(cache))
                    {
                        Directory.Move(cache, kept[d]);
                    }

                    var fields = Fields(output);
                    if (int.Parse(fields["risks"], CultureInfo.InvariantCulture) != riskCount)
                    {
                        throw new InvalidOperationException($"the cold load child loaded {fields["risks"]} risks, expected {riskCount}");
                    }

                    if (i > 0)
                    {
                        results[d].Add(new ColdLoad(
                            double.Parse(fields["load_ms"], CultureInfo.InvariantCulture),
                            ms,
                            long.Parse(fields["vmhwm_kb"], CultureInfo.InvariantCulture),
                            int.Parse(fields["parsed"], CultureInfo.InvariantCulture)));
                    }
                }
            }
        }
        finally
        {
            foreach (var folder in kept)
            {
                Remove(folder);
            }
        }

        return results;
    }

    /// <summary>This benchmark's own dll (the JIT build that dotnet run built).</summary>
    public static string OwnDll => typeof(Measure).Assembly.Location;

    /// <summary>Runs the in-process measurements in a process of their own, so generation's garbage does not skew them.</summary>
    public static InProcess InProcessMeasurements(string dir, int reps, int saves)
    {
        var (output, _) = RunSelf(OwnDll, "--child-measure", dir, "--reps", reps.ToString(CultureInfo.InvariantCulture), "--saves", saves.ToString(CultureInfo.InvariantCulture));
        var line = output.Split('\n').Single(l => l.StartsWith(ResultMarker, StringComparison.Ordinal));
        return JsonSerializer.Deserialize<InProcess>(line[ResultMarker.Length..]) ?? throw new InvalidOperationException("no result from the measuring child");
    }

    /// <summary>
    /// <c>--child-measure DIR</c>: in one process, the first load, warm loads (cache hits), loads
    /// that parse every file again (cache emptied), the parts of a load, and saves.
    /// </summary>
    public static int ChildMeasure(string dir, int reps, int saves)
    {
        var register = Register.Open(dir);
        var watch = Stopwatch.StartNew();
        var snapshot = register.Reader.Load();
        var firstLoad = watch.Elapsed.TotalMilliseconds;
        var riskCount = snapshot.Risks.Count;
        Check(snapshot, riskCount);

        var warm = Repeat(reps, () => Check(register.Reader.Load(), riskCount));
        var peakAfterLoads = ProcStatus("VmHWM");
        var rssAfterLoads = ProcStatus("VmRSS");
        var managed = GC.GetTotalMemory(forceFullCollection: true) / 1024;

        var parseAll = Repeat(reps, () => Check(register.Reader.Load(), riskCount), before: () => ForgetParsed(dir));
        var peakAfterParseAll = ProcStatus("VmHWM");

        // The parts of a load, done as Load() does them (see RegisterReader.Load), for where the time goes.
        var files = new List<string>();
        var enumerate = Repeat(reps, () => files = Directory.EnumerateFiles(Path.Combine(dir, RegisterLayout.RisksFolder), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Where(RegisterLayout.IsRiskFile).Order(StringComparer.Ordinal).ToList());
        var bytes = new byte[files.Count][];
        var versions = new string[files.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var readAndHash = Repeat(reps, () => Parallel.For(0, files.Count, parallel, i =>
        {
            bytes[i] = File.ReadAllBytes(Path.Combine(dir, files[i]));
            versions[i] = BlobId.Of(bytes[i]);
        }));
        var parsed = new Risk?[files.Count];
        var parse = Repeat(reps, () => Parallel.For(0, files.Count, parallel, i => parsed[i] = RiskYaml.Read(bytes[i], files[i], RegisterLayout.Parse(files[i])!.Value.Id).Risk));
        var events = Repeat(reps, () => Parallel.For(0, files.Count, parallel, i =>
        {
            var parser = new YamlDotNet.Core.Parser(new YamlDotNet.Core.Scanner(new StringReader(System.Text.Encoding.UTF8.GetString(bytes[i])), skipComments: true));
            while (parser.MoveNext())
            {
            }
        }));
        var known = parsed.Select(r => r!.Id.Identity).ToHashSet(StringComparer.Ordinal);
        var crossCheck = Repeat(reps, () =>
        {
            foreach (var risk in parsed)
            {
                if (RegisterValidator.CrossCheck(risk!, snapshot.Settings, known).Count > 0)
                {
                    throw new InvalidOperationException($"{risk!.Id} fails the cross-check");
                }
            }
        });

        // Saves: each edits a different risk (spread over the folders) with the version just read as the expected version.
        var author = new Author("Benchmark Governance Lead", "bench@bench.example", Content.GovernanceLead);
        snapshot = register.Reader.Load();
        var step = Math.Max(1, riskCount / (saves + 1));
        var targets = Enumerable.Range(0, saves + 1).Select(i => snapshot.Risks[(i * step + 37) % riskCount]).ToList();
        var day = DateOnly.FromDateTime(DateTime.Today);
        // Seeded from HEAD, so a run on a register kept by an earlier run (--reuse) on the same day makes other edits, not the same ones again.
        var rng = new Random(int.Parse(register.Reader.HeadCommit()![..7], System.Globalization.NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        double Save(StoredRisk stored, int i)
        {
            // A random edit can leave the risk as it was (a score set to its own value): then another edit, untimed as no commit was made.
            SaveOutcome outcome;
            Stopwatch time;
            var tries = 0;
            do
            {
                var edited = (i + tries) % 2 == 0 ? Content.ScoreChange(stored.Risk, rng, day) : Content.ActionUpdate(stored.Risk, rng, day);
                time = Stopwatch.StartNew();
                outcome = register.Saves.Save(edited, stored.Version, "Benchmark edit", author, snapshot.Settings);
                time.Stop();
            }
            while (outcome is SaveOutcome.Unchanged && ++tries < 10);

            if (outcome is not SaveOutcome.Saved)
            {
                throw new InvalidOperationException($"saving {stored.Risk.Id} gave {outcome}");
            }

            return time.Elapsed.TotalMilliseconds;
        }

        var firstSave = Save(targets[0], 0);
        var (looseBefore, objectsBefore) = LooseObjects(dir);
        var saveMs = targets.Skip(1).Select((t, i) => Save(t, i + 1)).ToList();
        var (looseAfter, objectsAfter) = LooseObjects(dir);
        var indexBytes = new FileInfo(Path.Combine(dir, ".git", "index")).Length;
        var saveParts = SaveParts.Measure(dir, snapshot.Risks, saves);

        var result = new InProcess(firstLoad, warm, parseAll, peakAfterLoads, rssAfterLoads, managed, peakAfterParseAll,
            enumerate, readAndHash, parse, events, crossCheck, saveMs, firstSave, looseBefore, looseAfter, objectsAfter - objectsBefore, saves,
            indexBytes, saveParts);
        Console.WriteLine(ResultMarker + JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>Bytes and count of loose objects: everything under .git/objects except pack/ and info/.</summary>
    public static (long Bytes, int Count) LooseObjects(string dir)
    {
        var objects = new DirectoryInfo(Path.Combine(dir, ".git", "objects"));
        var loose = objects.EnumerateDirectories().Where(d => d.Name.Length == 2).SelectMany(d => d.EnumerateFiles()).ToList();
        return (loose.Sum(f => f.Length), loose.Count);
    }

    /// <summary>A line of /proc/self/status in kB, such as VmHWM (peak RSS).</summary>
    public static long ProcStatus(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    /// <summary>
    /// Empties the product's parse caches, the one in memory and the one under .git, so a load can
    /// be timed with every file parsed again.
    /// </summary>
    public static void ForgetParsed(string dir)
    {
        ParsedVersions.Forget();
        RemoveParseCache(dir);
    }

    /// <summary>Removes the register's parse cache on disk (<c>.git/risks-cache</c>), as a fresh process finds it the first time, or after an upgrade.</summary>
    public static void RemoveParseCache(string dir)
    {
        var folder = ParseCacheFolder(dir);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The folder of the register's parse cache: <c>.git/risks-cache</c>.</summary>
    public static string ParseCacheFolder(string dir) => Path.GetDirectoryName(Risks.Storage.Cache.ParseCache.PathIn(Path.Combine(dir, ".git")))!;

    private static void Check(RegisterSnapshot snapshot, int riskCount)
    {
        if (snapshot.Problems.Count > 0 || snapshot.Risks.Count != riskCount)
        {
            throw new InvalidOperationException($"load gave {snapshot.Risks.Count} risks and {snapshot.Problems.Count} problems");
        }
    }

    public static List<double> Repeat(int reps, Action action, Action? before = null)
    {
        var times = new List<double>(reps);
        for (var i = 0; i < reps; i++)
        {
            before?.Invoke();
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    /// <summary>Runs this benchmark's own dll in a new process (<c>dotnet Risks.Benchmarks.dll ...</c>); its output and wall time in ms.</summary>
    public static (string Output, double Ms) RunSelf(string dll, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the child process");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"child {string.Join(' ', args)} failed ({process.ExitCode}): {errors.Result}{output}");
        }

        return (output, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The <c>dotnet</c> host this benchmark runs under (or the one on the PATH).</summary>
    public static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    public static Dictionary<string, string> Fields(string output)
    {
        var line = output.Split('\n').Single(l => l.StartsWith(ResultMarker, StringComparison.Ordinal));
        return line[ResultMarker.Length..].Trim().Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
    }
}
