using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;
using LibGit2Sharp;
using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.Storage.Tests.Git;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkerProcesses
{
    /// <summary>Tests that start processes run alone, so they are neither slowed by nor slow the rest.</summary>
    public const string Name = "Worker processes";
}

/// <summary>
/// Several processes saving into one register at once, each with its own <see cref="Register"/>,
/// and processes killed with SIGKILL in the middle of saving: every save acknowledged must be in
/// history exactly once, on a linear history, and the repository must stay sound. Sized for CI;
/// with <c>RISKS_STRESS=long</c> the longer run (8 x 250 saves, 200 kills) whose figures are in
/// docs/reliability.md.
/// </summary>
[Collection(WorkerProcesses.Name)]
public sealed class ConcurrentSaveTests(ITestOutputHelper output) : IDisposable
{
    private static readonly bool Long = Environment.GetEnvironmentVariable("RISKS_STRESS") == "long";
    private static readonly int Workers = 8;
    private static readonly int Saves = Long ? 250 : 50;
    private static readonly int Kills = Long ? 200 : 50;
    private static readonly TimeSpan WorkerTimeout = TimeSpan.FromMinutes(Long ? 30 : 3);

    private readonly TestRegister _register = new(TestRegister.DefaultSettings() with
    {
        People = [new Person { Login = "owner", Name = "Risk Owner", Email = "owner@mse.example", Role = Role.RiskOwner }],
    });

    public void Dispose() => _register.Dispose();

    private static string[] WorkerNames() => Enumerable.Range(1, Workers).Select(i => $"W{i}").ToArray();

    private static Risk Shared(string id) => new()
    {
        Id = RiskId.Parse(id),
        Kind = RiskKind.Operational,
        Title = "Shared",
        Narrative = new Narrative { Event = "Everyone edits this risk." },
        Owner = "owner",
        Current = new Score(3, 3),
    };

    /// <summary>Every commit after the first touches one risk file and ends with its trailer; history is linear; the work tree is clean; fsck is clean.</summary>
    private List<CommitInfo> ShouldBeSound()
    {
        var history = _register.History();
        history.ShouldAllBe(c => c.Parents <= 1);
        history[^1].Parents.ShouldBe(0);
        using (var repo = new Repository(_register.Root))
        {
            repo.Commits.Count().ShouldBe(history.Count, "every commit is on the first-parent line");
            repo.RetrieveStatus().IsDirty.ShouldBeFalse();
        }

        foreach (var commit in history.SkipLast(1))
        {
            commit.Touched.Count.ShouldBe(1, commit.Subject);
            commit.Message.ShouldEndWith($"Risk-Id: {RegisterLayout.Parse(commit.Touched[0])!.Value.Id}\n");
        }

        GitSandbox.Git(_register.Root, "fsck", "--full", "--strict").ExitCode.ShouldBe(0);
        return history;
    }

    /// <summary>How many commits carry each reason line.</summary>
    private static Dictionary<string, int> Reasons(List<CommitInfo> history) =>
        history.SelectMany(c => c.Message.Split('\n').Skip(2).Take(1))
            .Where(line => line.Length > 0)
            .GroupBy(line => line, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    [Fact]
    public void Eight_processes_saving_new_risks_at_once_all_land_once_on_a_linear_history()
    {
        var timer = Stopwatch.StartNew();

        var outputs = RunWorkers(WorkerNames().Select(w => new[] { _register.Root, w, Saves.ToString(CultureInfo.InvariantCulture) }));

        outputs.ShouldAllBe(o => o.EndsWith($"saved {Saves} conflicts 0", StringComparison.Ordinal));
        var history = ShouldBeSound();
        history.Count.ShouldBe(1 + (Workers * Saves));
        var reasons = Reasons(history);
        foreach (var worker in WorkerNames())
        {
            for (var i = 1; i <= Saves; i++)
            {
                reasons.GetValueOrDefault($"new {worker}-{i}").ShouldBe(1, $"{worker}-{i}");
            }
        }

        _register.Repo.Reader.Load().Risks.Count.ShouldBe(Workers * Saves);
        output.WriteLine($"{Workers} x {Saves} new risks: {timer.Elapsed.TotalSeconds:0.0} s, {Workers * Saves / timer.Elapsed.TotalSeconds:0.0} saves/s");
    }

    [Fact]
    public void Eight_processes_editing_the_same_risk_lose_no_edit()
    {
        _register.SaveNew(Shared("S-1"));
        var timer = Stopwatch.StartNew();

        var outputs = RunWorkers(WorkerNames().Select(w => new[] { _register.Root, w, Saves.ToString(CultureInfo.InvariantCulture), "S-1" }));

        outputs.ShouldAllBe(o => o.Contains($"saved {Saves} conflicts ", StringComparison.Ordinal));
        var history = ShouldBeSound();
        history.Count.ShouldBe(1 + 1 + (Workers * Saves));
        history.SkipLast(1).ShouldAllBe(c => c.Touched.Single() == RegisterLayout.PathOf(RiskId.Parse("S-1")));
        var reasons = Reasons(history);
        foreach (var worker in WorkerNames())
        {
            for (var i = 1; i <= Saves; i++)
            {
                reasons.GetValueOrDefault($"edit {i} by {worker}").ShouldBe(1, $"edit {i} by {worker}");
            }
        }

        // Each edit added its key to what it read: a save made over another's without a conflict would have lost that key.
        var keys = _register.Repo.Reader.Load().Find("S-1")!.Risk.Performance!.Split(' ');
        keys.Length.ShouldBe(Workers * Saves);
        keys.ShouldBe(WorkerNames().SelectMany(w => Enumerable.Range(1, Saves).Select(i => $"{w}.{i}")), ignoreOrder: true);
        var retried = outputs.Sum(o => int.Parse(o.Split(' ')[^1], CultureInfo.InvariantCulture));
        output.WriteLine($"{Workers} x {Saves} edits of one risk: {timer.Elapsed.TotalSeconds:0.0} s, {Workers * Saves / timer.Elapsed.TotalSeconds:0.0} saves/s, {retried} conflicts re-read and re-applied");
    }

    [Fact]
    public void Processes_killed_in_the_middle_of_saving_lose_no_acknowledged_save_and_block_no_later_one()
    {
        string[] ids = ["K-1", "K-2", "K-3"];
        foreach (var id in ids)
        {
            _register.SaveNew(Shared(id));
        }

        var random = new Random(20251123);
        var acknowledged = new List<string>();
        var timer = Stopwatch.StartNew();
        var halfDone = 0;
        for (var kill = 1; kill <= Kills; kill++)
        {
            var (process, lines) = StartWorker([_register.Root, $"K{kill}", "loop", string.Join(',', ids)]);
            using (process)
            {
                // Once the worker is saving (its first save acknowledged, however long a busy machine
                // takes to start it), at a random moment within the next few saves.
                var started = Stopwatch.StartNew();
                while (!process.HasExited && started.Elapsed < TimeSpan.FromSeconds(60))
                {
                    lock (lines)
                    {
                        if (lines.Count > 0)
                        {
                            break;
                        }
                    }

                    Thread.Sleep(5);
                }

                process.HasExited.ShouldBeFalse($"worker {kill} stopped by itself");
                Thread.Sleep(random.Next(0, 250));
                process.Kill();
                process.WaitForExit();
                lock (lines)
                {
                    acknowledged.AddRange(lines.Where(l => l.StartsWith("ack ", StringComparison.Ordinal)).Select(l => l[4..]));
                }
            }

            // No risk file is ever half written, whatever the moment of the kill.
            foreach (var id in ids)
            {
                var path = RegisterLayout.PathOf(RiskId.Parse(id));
                var read = Risks.Storage.Yaml.RiskYaml.Read(File.ReadAllBytes(_register.FullPath(path)), path, RiskId.Parse(id));
                read.Problems.ShouldBeEmpty($"{path} after kill {kill}");
            }

            halfDone += File.Exists(Path.Combine(_register.Root, ".git", "risks-journal.json")) ? 1 : 0;
        }

        // The next save after all that is not blocked, and puts right what the last kill left.
        var last = _register.Repo.Reader.Load().Find("K-1")!;
        _register.Repo.Saves.Save(last.Risk with { Performance = $"{last.Risk.Performance} after-the-kills" }, last.Version, "after the kills", TestRegister.Ann).ShouldBeOfType<SaveOutcome.Saved>();

        var history = ShouldBeSound();
        var reasons = Reasons(history);
        acknowledged.Count.ShouldBeGreaterThan(Kills, "the workers should have saved between kills");
        foreach (var reason in acknowledged)
        {
            reasons.GetValueOrDefault(reason).ShouldBe(1, $"acknowledged save '{reason}'");
        }

        // Each edit added its key (worker.N) to what it read, so every acknowledged edit's key is in its risk's file.
        var kept = _register.Repo.Reader.Load().Risks.SelectMany(r => (r.Risk.Performance ?? "").Split(' ')).ToHashSet(StringComparer.Ordinal);
        foreach (var reason in acknowledged.Where(r => r.StartsWith("edit ", StringComparison.Ordinal)))
        {
            var parts = reason.Split(' ');
            kept.ShouldContain($"{parts[3]}.{parts[1]}", $"the edit '{reason}' was saved over");
        }

        var unacknowledged = history.Count - 1 - ids.Length - 1 - acknowledged.Count;
        unacknowledged.ShouldBeInRange(0, Kills, "a save can land with its acknowledgement lost to the kill, at most one per kill");
        output.WriteLine($"{Kills} kills: {timer.Elapsed.TotalSeconds:0.0} s, {acknowledged.Count} saves acknowledged, {unacknowledged} landed but killed before acknowledging, {halfDone} kills left a write half done (put right by the next save)");
    }

    /// <summary>Starts a worker, collecting its output lines as they come.</summary>
    private static (Process Process, List<string> Lines) StartWorker(string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepoPaths.SaveWorkerDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        GitSandbox.Apply(start);
        var lines = new List<string>();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, lines);
    }

    /// <summary>Starts one worker per argument list at once, waits for all, and returns what each printed.</summary>
    private static List<string> RunWorkers(IEnumerable<string[]> argumentLists)
    {
        var dll = RepoPaths.SaveWorkerDll;
        File.Exists(dll).ShouldBeTrue($"the save worker is not built at {dll}");
        var processes = new List<(Process Process, Task<string> Output, Task<string> Error)>();
        try
        {
            foreach (var arguments in argumentLists)
            {
                var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                start.ArgumentList.Add(dll);
                foreach (var argument in arguments)
                {
                    start.ArgumentList.Add(argument);
                }

                GitSandbox.Apply(start);
                var process = Process.Start(start)!;
                processes.Add((process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync()));
            }

            var deadline = Stopwatch.StartNew();
            foreach (var (process, _, error) in processes)
            {
                var left = WorkerTimeout - deadline.Elapsed;
                process.WaitForExit(left > TimeSpan.Zero ? left : TimeSpan.Zero).ShouldBeTrue($"a worker did not finish within {WorkerTimeout.TotalMinutes} minutes");
                process.ExitCode.ShouldBe(0, error.Result);
            }

            return processes.Select(p => p.Output.Result.Trim()).ToList();
        }
        finally
        {
            foreach (var (process, _, _) in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }
        }
    }

    /// <summary>The dotnet host running these tests, so workers run on the same runtime.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
