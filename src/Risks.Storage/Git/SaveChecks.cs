using LibGit2Sharp;

namespace Risks.Storage.Git;

/// <summary>
/// The checks a save of one file (a risk, or register.yaml) makes under the lock before it writes:
/// that the file is still the version that was read, and, when the content to save is what is
/// committed already, putting the file back as committed instead of committing.
/// </summary>
internal static class SaveChecks
{
    /// <summary>
    /// Under the lock: null when the file at <paramref name="path"/> is still the version that was
    /// read (and, in a shared register, holds no edit nobody committed), otherwise the conflict,
    /// saying who changed it and when. Nothing is written either way.
    /// </summary>
    public static SaveOutcome.Conflict? StillAsRead(RegisterStore store, Commit head, string path, string? currentVersion, string? committed, string? expectedVersion)
    {
        if (!string.Equals(currentVersion, expectedVersion, StringComparison.Ordinal))
        {
            return DescribeConflict(store, head, path, currentVersion, committed, expectedVersion);
        }

        if (currentVersion is not null && currentVersion != committed && SharedRegister.IsShared(store.Root))
        {
            // In a folder many people can write to, an edit nobody committed is nobody's to pass off as their own.
            var modified = File.GetLastWriteTime(Path.Combine(store.Root, path));
            return new SaveOutcome.Conflict(
                $"{path} holds an edit not yet committed (file modified {modified:yyyy-MM-dd HH:mm}), and in a shared register a save does not take in an edit someone else may have made; commit it (git commit {path}) or discard it (git checkout -- {path}), then try again",
                null,
                modified,
                currentVersion);
        }

        return null;
    }

    /// <summary>The content to save is what is committed already: the file is put back as committed, and no commit is needed.</summary>
    public static void PutBackCommitted(RegisterStore store, Repository repo, string path, byte[] content, string version, string? currentVersion)
    {
        if (version != currentVersion)
        {
            AtomicFile.Write(Path.Combine(store.Root, path), content);
            repo.Index.Add(path);
            repo.Index.Write();
        }
    }

    private static SaveOutcome.Conflict DescribeConflict(RegisterStore store, Commit head, string path, string? current, string? committed, string? expected)
    {
        if (current is not null && current != committed)
        {
            var modified = File.GetLastWriteTime(Path.Combine(store.Root, path));
            return new SaveOutcome.Conflict(
                $"{path} has changed since it was read: it holds an edit not yet committed (file modified {modified:yyyy-MM-dd HH:mm}); commit or discard that edit, then try again",
                null,
                modified,
                current);
        }

        if (expected is null && current is not null)
        {
            var by = LastChange(head, path, current);
            return new SaveOutcome.Conflict(
                $"{path} already exists{Who(by)}; choose another id or edit that risk",
                by?.Author.Name,
                by?.Author.When,
                current);
        }

        var change = current is null ? null : LastChange(head, path, current);
        var what = current is null ? "removed" : "changed";
        return new SaveOutcome.Conflict(
            $"{path} was {what} by someone else since it was read{Who(change)}; reload it and apply your edit again",
            change?.Author.Name,
            change?.Author.When,
            current);
    }

    private static string Who(Commit? commit) =>
        commit is null ? "" : $": {commit.Author.Name} saved it on {commit.Author.When:yyyy-MM-dd} at {commit.Author.When:HH:mm} ({commit.MessageShort})";

    /// <summary>The commit that gave <paramref name="path"/> its current version, walking first parents back from HEAD.</summary>
    private static Commit? LastChange(Commit head, string path, string version)
    {
        var commit = head;
        for (var steps = 0; commit is not null && steps < 10_000; steps++)
        {
            var parent = commit.Parents.FirstOrDefault();
            if (commit[path]?.Target.Sha == version && parent?[path]?.Target.Sha != version)
            {
                return commit;
            }

            commit = parent;
        }

        return null;
    }
}
