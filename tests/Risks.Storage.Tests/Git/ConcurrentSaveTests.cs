using System.Diagnostics;
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
/// Several processes saving into one register at once, each with its own <see cref="RegisterRepository"/>:
/// every save must land, as one commit on a linear history, and the repository must stay sound.
/// </summary>
[Collection(WorkerProcesses.Name)]
public sealed class ConcurrentSaveTests : IDisposable
{
    private static readonly TimeSpan WorkerTimeout = TimeSpan.FromMinutes(3);

    private readonly TestRegister _register = new(TestRegister.DefaultSettings() with
    {
        People = [new Person { Login = "owner", Name = "Risk Owner", Email = "owner@mse.example", Role = Role.RiskOwner }],
    });

    public void Dispose() => _register.Dispose();

    [Fact]
    public void Four_processes_saving_a_hundred_new_risks_each_all_land_on_a_linear_history()
    {
        var workers = new[] { "W1", "W2", "W3", "W4" };

        var outputs = RunWorkers(workers.Select(w => new[] { _register.Root, w, "100" }));

        outputs.ShouldAllBe(output => output == "saved 100 conflicts 0");
        var history = _register.History();
        history.Count.ShouldBe(1 + 400);
        history.ShouldAllBe(c => c.Parents <= 1);
        history[^1].Parents.ShouldBe(0);
        using (var repo = new Repository(_register.Root))
        {
            repo.Commits.Count().ShouldBe(history.Count);
            var head = repo.Head.Tip;
            foreach (var worker in workers)
            {
                for (var i = 1; i <= 100; i++)
                {
                    head[RegisterLayout.PathOf(RiskId.Parse($"{worker}-{i}"))].ShouldNotBeNull($"{worker}-{i} is missing from HEAD");
                }
            }

            repo.RetrieveStatus().IsDirty.ShouldBeFalse();
        }

        foreach (var commit in history.SkipLast(1))
        {
            commit.Touched.Count.ShouldBe(1, commit.Subject);
            commit.Message.ShouldEndWith($"Risk-Id: {RegisterLayout.Parse(commit.Touched[0])!.Value.Id}\n");
        }

        history.SkipLast(1).Select(c => c.Touched.Single()).Distinct().Count().ShouldBe(400);
        _register.Repo.Load().Risks.Count.ShouldBe(400);
        GitSandbox.Git(_register.Root, "fsck", "--full", "--strict").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Four_processes_editing_the_same_risk_lose_no_edit()
    {
        var risk = new Risk
        {
            Id = RiskId.Parse("S-1"),
            Kind = RiskKind.Operational,
            Title = "Shared",
            Narrative = new Narrative { Event = "Everyone edits this risk." },
            Owner = "owner",
            Current = new Score(3, 3),
        };
        _register.SaveNew(risk);
        var workers = new[] { "W1", "W2", "W3", "W4" };

        var outputs = RunWorkers(workers.Select(w => new[] { _register.Root, w, "25", "S-1" }));

        outputs.ShouldAllBe(output => output.StartsWith("saved 25 conflicts ", StringComparison.Ordinal));
        var history = _register.History();
        history.Count.ShouldBe(1 + 1 + 100);
        history.ShouldAllBe(c => c.Parents <= 1);
        foreach (var commit in history.SkipLast(1))
        {
            commit.Touched.ShouldBe([RegisterLayout.PathOf(risk.Id)], commit.Subject);
        }

        var reasons = history.SelectMany(c => c.Message.Split('\n')).Where(line => line.StartsWith("edit ", StringComparison.Ordinal)).ToList();
        reasons.Count.ShouldBe(100);
        foreach (var worker in workers)
        {
            for (var i = 1; i <= 25; i++)
            {
                reasons.Count(line => line == $"edit {i} by {worker}").ShouldBe(1, $"edit {i} by {worker}");
            }
        }

        var last = _register.Repo.Load().Find("S-1").ShouldNotBeNull();
        last.Risk.Performance.ShouldBe(history[0].Message.Split('\n').Single(l => l.StartsWith("edit 25 by ", StringComparison.Ordinal))["edit 25 by ".Length..] + " edit 25");
        using (var repo = new Repository(_register.Root))
        {
            repo.RetrieveStatus().IsDirty.ShouldBeFalse();
        }

        GitSandbox.Git(_register.Root, "fsck", "--full", "--strict").ExitCode.ShouldBe(0);
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
