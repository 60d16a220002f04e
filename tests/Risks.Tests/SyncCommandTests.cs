using Microsoft.Extensions.Time.Testing;
using Risks.App;
using Risks.Storage.Git;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>
/// <c>risks sync</c> between two clones of one register kept on a real Git server: a bare
/// repository served by <c>git daemon</c> on 127.0.0.1.
/// </summary>
public sealed class SyncCommandTests : IDisposable
{
    private const string Baf07 = SampleRegister.Baf07;
    private const string Baf01 = SampleRegister.Baf01;

    private readonly TempFolder _temp = new();
    private readonly GitDaemon _server;

    public SyncCommandTests()
    {
        // The first clone is the sample register with the person running the tests as a governance lead.
        A = SampleRegister.CopyTo(_temp.Combine("a"));
        SampleRegister.Join(A, "governance_lead", CliRunner.UserName, CliRunner.UserEmail);
        var served = _temp.Combine("server");
        Directory.CreateDirectory(served);
        Git.Run(_temp.Path, "clone", "--quiet", "--bare", A, Path.Combine(served, "register.git"));
        _server = GitDaemon.Serve(served);
        Git.Run(A, "remote", "add", "origin", _server.Url("register.git"));
        Git.Run(A, "fetch", "--quiet", "origin");
        B = _temp.Combine("b");
        Git.Run(_temp.Path, "clone", "--quiet", _server.Url("register.git"), B);
    }

    private string A { get; }

    private string B { get; }

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    private static CliRunner.Result Set(string clone, string id, string setting, string reason)
    {
        var result = CliRunner.Run(clone, "set", id, setting, "-m", reason);
        result.Code.ShouldBe(0, result.ToString());
        return result;
    }

    private static CliRunner.Result Sync(string clone, int expected = 0)
    {
        var result = CliRunner.Run(clone, "sync");
        result.Code.ShouldBe(expected, result.ToString());
        return result;
    }

    private static string Show(string clone, string path) => Git.Run(clone, "show", $"HEAD:{path}");

    /// <summary>Both clones and the server at one commit, with a linear history and a clean work tree.</summary>
    private void ShouldAgree()
    {
        Git.Head(A).ShouldBe(Git.Head(B));
        Git.Run(_temp.Path, "--git-dir", Path.Combine(_server.Folder, "register.git"), "rev-parse", "main").Trim().ShouldBe(Git.Head(A));
        Git.Run(A, "rev-list", "--min-parents=2", "HEAD").ShouldBeEmpty("history stays linear");
        Git.Status(A).ShouldBeEmpty();
        Git.Status(B).ShouldBeEmpty();
        Git.TryRun(A, "fsck", "--strict").Code.ShouldBe(0);
    }

    [Fact]
    public void Edits_to_different_risks_on_two_clones_merge_automatically_keeping_each_author_and_reason()
    {
        Set(A, "BAF-07", "performance=Outreach reached every PCN", "Monthly update A");
        Set(B, "BAF-01", "performance=Vacancies down to 6%", "Monthly update B");

        var first = Sync(A);
        var second = Sync(B);
        var third = Sync(A);

        first.Out.ShouldBe("Synced with origin: nothing new from it, 1 commit sent.\n");
        second.Out.ShouldBe("Synced with origin: 1 commit received, 1 commit sent.\n");
        third.Out.ShouldBe("Synced with origin: 1 commit received, nothing to send.\n");
        ShouldAgree();
        Show(A, Baf07).ShouldContain("performance: Outreach reached every PCN\n");
        Show(A, Baf01).ShouldContain("performance: Vacancies down to 6%\n");
        File.ReadAllText(Path.Combine(A, Baf01)).ShouldContain("performance: Vacancies down to 6%\n", customMessage: "the work tree follows");
        Git.Run(A, "log", "-2", "--format=%an|%s|%b").ShouldContain("Monthly update B");
        Sync(B).Out.ShouldBe("Up to date with origin.\n");
    }

    [Fact]
    public void Edits_to_different_fields_of_one_risk_merge_field_by_field()
    {
        Set(A, "BAF-07", "current.likelihood=4", "Dashboard delayed");
        Set(B, "BAF-07", "performance=Outreach reached every PCN", "Monthly update");

        Sync(A);
        var merged = Sync(B);
        Sync(A);

        merged.Out.ShouldContain("Merged field by field (both sides changed this risk, in different fields): BAF-07.");
        ShouldAgree();
        var file = Show(A, Baf07);
        file.ShouldContain("current:\n  impact: 3\n  likelihood: 4\n");
        file.ShouldContain("performance: Outreach reached every PCN\n");
        CliRunner.Run(A, "log", "BAF-07").Out.ShouldContain("Monthly update");
    }

    [Fact]
    public void The_same_field_changed_on_both_stops_with_a_conflict_resolved_in_the_ui_and_nothing_is_lost()
    {
        Set(A, "BAF-07", "current.likelihood=4", "Dashboard delayed");
        Set(B, "BAF-07", "current.likelihood=2", "Outreach working");
        var mine = Git.Head(B);
        Sync(A);

        var conflict = Sync(B, expected: 3);

        conflict.Error.ShouldContain("BAF-07: current.likelihood (\"BAF-07 Inequalities: current score 9 -> 6\" by Test User)");
        conflict.Error.ShouldContain("Open each risk in the full-screen register");
        Show(B, Baf07).ShouldContain("likelihood: 4\n", customMessage: "the register holds the remote's version meanwhile");
        Git.Run(B, "for-each-ref", "--format=%(objectname)", "refs/risks/before-sync/").Trim().ShouldBe(mine, "the edit's commit is kept");
        Git.Status(B).ShouldBeEmpty();

        // In the UI: the risk opens with the edit re-applied on theirs and the field named.
        var session = new Session(Register.Open(B, new FakeTimeProvider(CliRunner.Now)), Environment.UserName, new FakeTimeProvider(CliRunner.Now));
        session.PendingEdits.Select(p => p.Id.Value).ShouldBe(["BAF-07"]);
        var editor = RiskEditor.For(session, session.Snapshot.Find("BAF-07")!);
        editor.Overlaps.ShouldBe(["current.likelihood"]);
        editor.Original.Current!.Likelihood.ShouldBe(4);
        editor.Draft.Current!.Likelihood.ShouldBe(2);
        editor.Save("Outreach working; agreed with the SRO").ShouldBeOfType<SaveResult.Saved>();
        session.PendingEdits.ShouldBeEmpty();

        Sync(B).Out.ShouldBe("Synced with origin: nothing new from it, 1 commit sent.\n");
        Sync(A);
        ShouldAgree();
        Show(A, Baf07).ShouldContain("current:\n  impact: 3\n  likelihood: 2\n");
    }

    [Fact]
    public void An_edit_not_yet_committed_that_a_sync_would_overwrite_stops_it_and_changes_nothing()
    {
        Set(A, "BAF-07", "current.likelihood=4", "Dashboard delayed");
        Sync(A);
        var file = Path.Combine(B, Baf07);
        File.AppendAllText(file, "# a note being written\n");
        var head = Git.Head(B);

        var result = CliRunner.Run(B, "sync");

        result.Code.ShouldBe(4, result.ToString());
        result.Error.ShouldBe($"risks: {Baf07} holds an edit not yet committed, and the remote changed it; save or discard it first. Nothing was changed\n");
        Git.Head(B).ShouldBe(head);
        File.ReadAllText(file).ShouldEndWith("# a note being written\n");
    }

    [Fact]
    public void A_push_the_servers_hook_refuses_is_reported_with_its_reason_and_kept_here()
    {
        var hook = Path.Combine(_server.Folder, "register.git", "hooks", "update");
        File.WriteAllText(hook, $"#!/bin/sh\nexec {Paths.ProgramForShell} verify-push \"$1\" \"$2\" \"$3\"\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var file = Path.Combine(B, Baf07);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\nperformance: ", "\nperformance: Tidied. ", StringComparison.Ordinal));
        Git.Run(B, "-c", "user.name=Audit Chair", "-c", "user.email=audit.chair@mse.example", "commit", "-qam", "Tidy");
        var head = Git.Head(B);

        var result = CliRunner.Run(B, "sync");

        result.Code.ShouldBe(4, result.ToString());
        result.Error.ShouldStartWith($"risks: could not push to 'origin': risks: refused {head[..7]} \"Tidy\": {Baf07}: Audit Chair is a reviewer");
        result.Error.ShouldEndWith("the commits are kept here and the next sync tries again\n");
        Git.Head(B).ShouldBe(head);
    }

    [Fact]
    public void A_register_with_no_remote_says_how_to_add_one()
    {
        var lone = SampleRegister.CopyTo(_temp.Combine("lone"));

        var result = CliRunner.Run(lone, "sync");

        result.Code.ShouldBe(4, result.ToString());
        result.Error.ShouldStartWith("risks: the register has no remote to sync with; add one with: git -C ");
    }

    [Fact]
    public void Two_clones_saving_and_syncing_at_once_end_with_every_save_once_in_a_linear_history()
    {
        const int Rounds = 4;

        // Both clones edit BAF-07 too, in different fields, so every sync that meets the other's edit merges it field by field.
        var clones = new[]
        {
            (Clone: A, Edits: new[] { ("BAF-07", "performance"), ("CRR-005", "performance") }),
            (Clone: B, Edits: new[] { ("BAF-01", "performance"), ("BAF-07", "current.rationale") }),
        };

        var failures = clones.AsParallel().WithDegreeOfParallelism(2).SelectMany(c =>
        {
            var problems = new List<string>();
            var name = Path.GetFileName(c.Clone);
            for (var round = 1; round <= Rounds; round++)
            {
                foreach (var (id, field) in c.Edits)
                {
                    var set = RisksProcess.Run(c.Clone, "set", id, $"{field}={name} round {round}", "-m", $"{name} {id} round {round}");
                    if (set.Code != 0)
                    {
                        problems.Add($"set {id} in {name}: {set}");
                    }
                }

                var sync = RisksProcess.Run(c.Clone, "sync");
                if (sync.Code != 0)
                {
                    problems.Add($"sync {name} round {round}: {sync}");
                }
            }

            return problems;
        }).ToList();

        failures.ShouldBeEmpty();
        Sync(A);
        Sync(B);
        Sync(A);
        ShouldAgree();
        Show(A, Baf07).ShouldContain($"performance: a round {Rounds}\n");
        Show(A, Baf07).ShouldContain($"rationale: b round {Rounds}\n");
        foreach (var (clone, edits) in clones)
        {
            foreach (var (id, _) in edits)
            {
                for (var round = 1; round <= Rounds; round++)
                {
                    var reason = $"{Path.GetFileName(clone)} {id} round {round}";
                    Git.Run(A, "log", "--format=%H", $"--grep=^{reason}$").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length
                        .ShouldBe(1, $"the save '{reason}' is in history once");
                }
            }
        }
    }
}
