using System.Diagnostics;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>The built program run as a real process, as a person or a script would run it.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Demo_then_git_log_shows_the_history_in_board_words_by_the_owners()
    {
        var target = _temp.Combine("x");

        var demo = RisksProcess.Run(_temp.Path, "demo", target, "--no-ui");

        demo.Code.ShouldBe(0, demo.ToString());
        demo.Out.ShouldContain("14 risks, 35 commits, iterations 2025-01 and 2025-03");
        var log = Git.Lines(target, "log", "--format=%an | %s");
        log.Length.ShouldBe(35);
        log.ShouldContain("Rebecca Jarvis | BAF-07 Inequalities: current score 12 -> 9 and 5 more changes");
        log[^1].ShouldBe("Sara O'Connor | Register created for Mid and South Essex Integrated Care Board");
        Git.Run(target, "cat-file", "-t", "2025-01").Trim().ShouldBe("tag");
    }

    [Fact]
    public void Help_of_the_real_program_is_named_risks()
    {
        var result = RisksProcess.Run(_temp.Path, "set", "--help");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("risks set [<id> [<settings>...]] [options]");
    }

    [Fact]
    public void Check_of_a_broken_copy_exits_1_while_list_exits_0()
    {
        var register = SampleRegister.CopyTo(_temp.Combine("register"));
        var broken = SampleRegister.Break(register);

        var check = RisksProcess.Run(register, "check");
        var list = RisksProcess.Run(register, "list");

        check.Code.ShouldBe(1, check.ToString());
        check.OutLines.Length.ShouldBe(3);
        check.OutLines.ShouldContain($"risks/BAF/00/BAF-07.yaml:{broken.ImpactLine}:{broken.ImpactColumn}: current impact must be 1-5, found 7");
        list.Code.ShouldBe(0, list.ToString());
        list.OutLines[^1].ShouldStartWith("11 risks: ");
        list.Error.ShouldContain("3 files could not be read");
    }

    [Fact]
    public void The_person_is_the_unix_login_not_USER_LOGNAME_or_git_config_as_a_process()
    {
        var register = SampleRegister.CopyTo(_temp.Combine("register"));
        Git.SetIdentity(register, "Rebecca Jarvis", "rebecca.jarvis@example.com");
        var variables = new Dictionary<string, string> { ["USER"] = "rjarvis", ["LOGNAME"] = "rjarvis" };

        var result = RisksProcess.Run(register, variables, "set", "BAF-07", "current.likelihood=4", "-m", "x");

        result.Code.ShouldBe(6, result.ToString());
        result.Error.ShouldContain($"your login '{Environment.UserName}' is not among register.yaml's people");
        Git.CommitCount(register).ShouldBe(SampleRegister.Commits);
    }

    [Fact]
    public void Four_processes_setting_their_own_risks_at_once_make_40_commits_in_a_linear_history()
    {
        var register = SampleRegister.CopyTo(_temp.Combine("register"));
        SampleRegister.Join(register, "governance_lead", CliRunner.UserName, CliRunner.UserEmail);
        string[] risks = ["BAF-01", "BAF-05", "CRR-005", "CRR-058"];
        const int Runs = 10;
        var timer = Stopwatch.StartNew();

        var failures = risks.AsParallel().WithDegreeOfParallelism(risks.Length).SelectMany(id =>
            Enumerable.Range(1, Runs)
                .Select(n => (n, result: RisksProcess.Run(register, "set", id, $"performance=run {n} of {id}", "-m", $"Run {n}")))
                .Where(r => r.result.Code != 0)
                .Select(r => $"{id} run {r.n}: {r.result}")
                .ToList())
            .ToList();

        failures.ShouldBeEmpty();
        Git.CommitCount(register).ShouldBe(SampleRegister.Commits + 1 + (risks.Length * Runs));
        Git.Run(register, "rev-list", "--min-parents=2", "--count", "HEAD").Trim().ShouldBe("0");
        var fsck = Git.TryRun(register, "fsck", "--full", "--strict");
        fsck.Code.ShouldBe(0, fsck.Error);
        fsck.Error.ShouldNotContain("error");
        Git.Status(register).ShouldBeEmpty();

        var newest = Git.Lines(register, "log", $"-{risks.Length * Runs}", "--format=%(trailers:key=Risk-Id,valueonly)");
        newest.GroupBy(id => id).Select(g => $"{g.Key} x {g.Count()}").Order(StringComparer.Ordinal)
            .ShouldBe(risks.Select(id => $"{id} x {Runs}"));
        foreach (var id in risks)
        {
            var messages = Git.Lines(register, "log", $"--grep=Risk-Id: {id}$", "--format=%b", "-n", Runs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            messages.Count(m => m.StartsWith("Run ", StringComparison.Ordinal)).ShouldBe(Runs);
            var show = CliRunner.Run(register, "show", id, "--format", "json");
            show.Out.ShouldContain($"\"performance\": \"run {Runs} of {id}\"");
        }

        CliRunner.Run(register, "check").Code.ShouldBe(0);
        timer.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
    }
}
