using System.Text.RegularExpressions;
using LibGit2Sharp;

using Risks.Storage.Files;

namespace Risks.Storage.Git;

/// <summary>
/// Putting right what a writer killed part-way left, under the register's lock: finishing or
/// undoing its write as its journal says, and clearing the lock and temporary files it left.
/// </summary>
internal sealed partial class Recovery
{
    private static readonly TimeSpan StaleGitLock = TimeSpan.FromSeconds(60);

    /// <summary>Ten minutes: no blob of a register file takes libgit2 that long to write.</summary>
    private static readonly TimeSpan StaleObject = TimeSpan.FromMinutes(10);

    private readonly RegisterStore _store;

    public Recovery(RegisterStore store) => _store = store;

    private string Root => _store.Root;

    private string GitDir => _store.GitDir;

    /// <summary>
    /// Finishes or undoes the write a dead process left, as its journal says. A file whose new
    /// version reached HEAD keeps it; any other goes back to what it held before, since that write
    /// was never reported as saved. Git's lock files and the temporary files of that write are
    /// removed at once: the journal proves their owner is dead. Without a journal, Git lock files
    /// are removed only once old, as they may be a person's own git command at work.
    /// </summary>
    public void Recover()
    {
        var entries = SaveJournal.Read(GitDir);
        if (entries is null)
        {
            // A writer killed before its journal was in place leaves only temporary files: the journal's own, and libgit2's objects.
            RemoveOrphanTemporaryFiles(GitDir);
            RemoveLibgit2TemporaryObjects(StaleObject, SearchOption.TopDirectoryOnly);
            ClearGitLocks(StaleGitLock);
            if (GitLocks().FirstOrDefault(File.Exists) is { } busy)
            {
                throw new RegisterException(
                    $"a git command is at work on the register ({Path.GetRelativePath(Root, busy)} was made {(DateTime.UtcNow - File.GetLastWriteTimeUtc(busy)).TotalSeconds:0} s ago); nothing was written; try again in a moment (a lock left by a git command that died is cleared after {StaleGitLock.TotalSeconds:0} s)");
            }

            return;
        }

        ClearGitLocks(TimeSpan.Zero);
        PutBack(entries, rebuildIndex: true);
    }

    /// <summary>
    /// Gives each file in the journal the version HEAD holds when the write reached it, else what it
    /// held before; removes the write's temporary files and the journal.
    /// </summary>
    public void PutBack(IReadOnlyList<SaveJournal.Entry> entries, bool rebuildIndex)
    {
        using (var repo = _store.Open())
        {
            var head = repo.Head.Tip;
            foreach (var entry in entries)
            {
                var file = Path.Combine(Root, entry.Path);
                var committed = head?[entry.Path] is { TargetType: TreeEntryTargetType.Blob } blob ? (Blob)blob.Target : null;
                var bytes = committed?.Sha == entry.Version
                    ? (committed is null ? null : GitObjects.BytesOf(committed))
                    : entry.Previous;
                if (bytes is null)
                {
                    File.Delete(file);
                }
                else if (!Same(entry.Path, bytes))
                {
                    AtomicFile.Write(file, bytes);
                }

                RemoveOrphanTemporaryFiles(Path.GetDirectoryName(file)!);
            }

            if (rebuildIndex && head is not null)
            {
                // The program never stages anything, so the index is HEAD's tree.
                repo.Index.Replace(head.Tree);
                repo.Index.Write();
            }
        }

        RemoveOrphanTemporaryFiles(GitDir);
        RemoveLibgit2TemporaryObjects(TimeSpan.Zero, SearchOption.AllDirectories);
        SaveJournal.Clear(GitDir);
    }

    /// <summary>
    /// Removes the temporary object files libgit2 writes while making a blob (<c>tmp_object_git2_*</c>,
    /// <c>streamed_git2_*</c>) that are older than <paramref name="age"/>. Only called while this
    /// program's lock is held, so no save of ours is making them; another libgit2 program might be,
    /// hence the age when no journal proves their writer dead. A save writes its journal before any
    /// object, so without a journal only the objects folder itself is looked in (a streamed blob's
    /// file), not its 256 subfolders, which would cost every save a walk of them.
    /// </summary>
    private void RemoveLibgit2TemporaryObjects(TimeSpan age, SearchOption where)
    {
        var objects = Path.Combine(GitDir, "objects");
        if (!Directory.Exists(objects))
        {
            return;
        }

        foreach (var pattern in new[] { "tmp_object_git2_*", "streamed_git2_*" })
        {
            foreach (var temp in Directory.EnumerateFiles(objects, pattern, where))
            {
                try
                {
                    if (age == TimeSpan.Zero || DateTime.UtcNow - File.GetLastWriteTimeUtc(temp) >= age)
                    {
                        File.Delete(temp);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
    }

    /// <summary>Whether the work tree's file holds <paramref name="bytes"/>; anything there that is not a file to read (a pipe, say) does not.</summary>
    private bool Same(string path, byte[] bytes)
    {
        try
        {
            return SafeFile.ReadIfThere(Root, path) is { } onDisk && onDisk.AsSpan().SequenceEqual(bytes);
        }
        catch (UnreadableFileException)
        {
            return false;
        }
    }

    /// <summary>Removes Git's lock files older than <paramref name="age"/> (by the file system's clock). Only called while this program's lock is held.</summary>
    private void ClearGitLocks(TimeSpan age)
    {
        foreach (var name in GitLocks())
        {
            var file = new FileInfo(name);
            if (file.Exists && (age == TimeSpan.Zero || DateTime.UtcNow - file.LastWriteTimeUtc >= age))
            {
                file.Delete();
            }
        }
    }

    /// <summary>The lock files Git and libgit2 make while changing the index, HEAD and refs.</summary>
    private IEnumerable<string> GitLocks() =>
        new[] { "index.lock", "HEAD.lock", "packed-refs.lock" }
            .Select(name => Path.Combine(GitDir, name))
            .Concat(Directory.Exists(Path.Combine(GitDir, "refs")) ? Directory.EnumerateFiles(Path.Combine(GitDir, "refs"), "*.lock", SearchOption.AllDirectories) : []);

    /// <summary>Removes the temporary files (<c>.NAME.PID.tmp</c>) of processes that no longer exist.</summary>
    private static void RemoveOrphanTemporaryFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp"))
        {
            var match = TemporaryName().Match(Path.GetFileName(file));
            if (match.Success && !Directory.Exists($"/proc/{match.Groups["pid"].Value}"))
            {
                File.Delete(file);
            }
        }
    }

    [GeneratedRegex(@"\A\..+\.(?<pid>[0-9]+)\.tmp\z")]
    private static partial Regex TemporaryName();
}
