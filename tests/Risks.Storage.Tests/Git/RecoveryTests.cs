using System.Text;
using System.Text.Json;
using LibGit2Sharp;
using Risks.Core.Domain;
using Risks.Storage.Git;
using Risks.Storage.Yaml;

namespace Risks.Storage.Tests.Git;

/// <summary>
/// What a writer killed part-way leaves, made by hand exactly as it would be, and the next save
/// putting it right: the journal, half-done work-tree files, Git's lock files and temporary files.
/// </summary>
public sealed class RecoveryTests : IDisposable
{
    private readonly TestRegister _register = new();

    public void Dispose() => _register.Dispose();

    private static Risk Risk(string id, string performance) => Samples.Operational() with { Id = RiskId.Parse(id), Performance = performance };

    private string FileOf(string id) => _register.FullPath(RegisterLayout.PathOf(RiskId.Parse(id)));

    private void Journal(string id, byte[] next, byte[]? previous) =>
        File.WriteAllText(
            Path.Combine(_register.Root, ".git", "risks-journal.json"),
            JsonSerializer.Serialize(new[] { new { Path = RegisterLayout.PathOf(RiskId.Parse(id)), Version = BlobId.Of(next), Previous = previous is null ? null : Convert.ToBase64String(previous) } }));

    private void LeaveLocksAndTemporaryFiles(string id)
    {
        var git = Path.Combine(_register.Root, ".git");
        File.WriteAllText(Path.Combine(git, "index.lock"), "");
        File.WriteAllText(Path.Combine(git, "refs", "heads", "main.lock"), "");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(FileOf(id))!, $".{id}.yaml.999999.tmp"), "half");
        Directory.CreateDirectory(Path.Combine(git, "objects", "ab"));
        File.WriteAllText(Path.Combine(git, "objects", "ab", "tmp_object_git2_XyZ"), "half");
    }

    private void ShouldBeClean()
    {
        var git = Path.Combine(_register.Root, ".git");
        File.Exists(Path.Combine(git, "risks-journal.json")).ShouldBeFalse();
        File.Exists(Path.Combine(git, "index.lock")).ShouldBeFalse();
        File.Exists(Path.Combine(git, "refs", "heads", "main.lock")).ShouldBeFalse();
        Directory.EnumerateFiles(_register.Root, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        Directory.EnumerateFiles(git, "tmp_object_git2_*", SearchOption.AllDirectories).ShouldBeEmpty();
        using var repo = new Repository(_register.Root);
        repo.RetrieveStatus().IsDirty.ShouldBeFalse();
        GitSandbox.Git(_register.Root, "fsck", "--full", "--strict").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void A_writer_killed_before_its_journal_was_in_place_leaves_temporary_files_the_next_save_removes()
    {
        _register.SaveNew(Risk("BAF-07", "First."));
        var git = Path.Combine(_register.Root, ".git");
        var journalTemp = Path.Combine(git, ".risks-journal.json.999999.tmp");
        var streamed = Path.Combine(git, "objects", "streamed_git2_AbC");
        var temporaryObject = Path.Combine(git, "objects", "tmp_object_git2_GhI");
        var young = Path.Combine(git, "objects", "streamed_git2_DeF");
        var mine = Path.Combine(git, ".risks-journal.json.1.tmp");
        File.WriteAllText(journalTemp, "[{\"Pa");
        File.WriteAllText(streamed, "half");
        File.SetLastWriteTimeUtc(streamed, DateTime.UtcNow.AddHours(-1));
        File.WriteAllText(temporaryObject, "half");
        File.SetLastWriteTimeUtc(temporaryObject, DateTime.UtcNow.AddMinutes(-11));
        File.WriteAllText(young, "another libgit2 program, at work now");
        File.WriteAllText(mine, "a process that is alive");

        _register.SaveNew(Risk("BAF-08", "Second."));

        File.Exists(journalTemp).ShouldBeFalse("its process is gone");
        File.Exists(streamed).ShouldBeFalse("an hour old");
        File.Exists(temporaryObject).ShouldBeFalse("eleven minutes old");
        File.Exists(young).ShouldBeTrue("it may be another program's, at work");
        File.Exists(mine).ShouldBeTrue("its process (pid 1) is alive");
        File.Delete(young);
        File.Delete(mine);
    }

    [Fact]
    public void A_save_killed_before_its_commit_is_undone_by_the_next_save_and_its_locks_cleared_at_once()
    {
        _register.SaveNew(Risk("R-1", "first"));
        var previous = File.ReadAllBytes(FileOf("R-1"));
        var next = Encoding.UTF8.GetBytes(RiskYaml.Write(Risk("R-1", "never acknowledged")));
        Journal("R-1", next, previous);
        File.WriteAllBytes(FileOf("R-1"), next);
        LeaveLocksAndTemporaryFiles("R-1");
        var commits = _register.CommitCount();

        _register.SaveNew(Risk("R-2", "after the crash"));

        File.ReadAllBytes(FileOf("R-1")).ShouldBe(previous, "the unacknowledged save is undone");
        _register.CommitCount().ShouldBe(commits + 1);
        ShouldBeClean();
    }

    [Fact]
    public void A_reader_after_a_killed_save_reads_what_was_acknowledged_not_the_half_done_write()
    {
        _register.SaveNew(Risk("R-1", "first"));
        var previous = File.ReadAllBytes(FileOf("R-1"));
        var next = Encoding.UTF8.GetBytes(RiskYaml.Write(Risk("R-1", "never acknowledged")));
        Journal("R-1", next, previous);
        File.WriteAllBytes(FileOf("R-1"), next);

        var read = _register.Repo.Reader.Load().Find("R-1")!;

        read.Risk.Performance.ShouldBe("first");
        File.Exists(Path.Combine(_register.Root, ".git", "risks-journal.json")).ShouldBeFalse();
        _register.Repo.Saves.Save(read.Risk with { Performance = "second" }, read.Version, null, TestRegister.Ann).ShouldBeOfType<SaveOutcome.Saved>();
    }

    [Fact]
    public void A_new_risk_killed_before_its_commit_is_removed_again()
    {
        var next = Encoding.UTF8.GetBytes(RiskYaml.Write(Risk("R-9", "never acknowledged")));
        Journal("R-9", next, previous: null);
        Directory.CreateDirectory(Path.GetDirectoryName(FileOf("R-9"))!);
        File.WriteAllBytes(FileOf("R-9"), next);

        _register.SaveNew(Risk("R-2", "after the crash"));

        File.Exists(FileOf("R-9")).ShouldBeFalse();
        ShouldBeClean();
    }

    [Fact]
    public void A_save_killed_after_its_commit_but_before_the_index_keeps_the_commit_and_mends_the_index()
    {
        _register.SaveNew(Risk("R-1", "first"));
        var previous = File.ReadAllBytes(FileOf("R-1"));
        var stored = _register.Repo.Reader.Load().Find("R-1")!;
        _register.Repo.Saves.Save(Risk("R-1", "acknowledged"), stored.Version, null, TestRegister.Ann).ShouldBeOfType<SaveOutcome.Saved>();
        var landed = File.ReadAllBytes(FileOf("R-1"));
        using (var repo = new Repository(_register.Root))
        {
            // The index as it was before the save.
            repo.Index.Replace(repo.Head.Tip.Parents.First().Tree);
            repo.Index.Write();
        }

        Journal("R-1", landed, previous);
        File.WriteAllText(Path.Combine(_register.Root, ".git", "index.lock"), "");

        _register.SaveNew(Risk("R-2", "after the crash"));

        File.ReadAllBytes(FileOf("R-1")).ShouldBe(landed);
        _register.Repo.Reader.Load().Find("R-1")!.Risk.Performance.ShouldBe("acknowledged");
        ShouldBeClean();
    }

    [Fact]
    public void Without_a_journal_a_fresh_git_lock_may_be_a_person_s_git_and_is_left_alone_until_old()
    {
        _register.SaveNew(Risk("R-1", "first"));
        var lockFile = Path.Combine(_register.Root, ".git", "index.lock");
        File.WriteAllText(lockFile, "");
        var before = File.ReadAllBytes(FileOf("R-1"));
        var stored = _register.Repo.Reader.Load().Find("R-1")!;

        var busy = Should.Throw<RegisterException>(() => _register.Repo.Saves.Save(Risk("R-1", "second"), stored.Version, null, TestRegister.Ann));

        busy.Message.ShouldStartWith("a git command is at work on the register (.git/index.lock was made ");
        File.Exists(lockFile).ShouldBeTrue();
        File.ReadAllBytes(FileOf("R-1")).ShouldBe(before, "nothing was written");
        File.SetLastWriteTimeUtc(lockFile, DateTime.UtcNow.AddMinutes(-2));
        _register.Repo.Saves.Save(Risk("R-1", "second"), stored.Version, null, TestRegister.Ann).ShouldBeOfType<SaveOutcome.Saved>();
        ShouldBeClean();
    }
}
