using System.Text;
using LibGit2Sharp;
using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Storage.Yaml;

using Risks.Storage.Files;

namespace Risks.Storage.Git;

/// <summary>What a sync did.</summary>
/// <param name="Received">Commits that came from the remote.</param>
/// <param name="Replayed">Commits made here that were put on top of the remote's (their authors and dates kept).</param>
/// <param name="MergedFields">Risks both sides changed, in different fields, that were merged field by field.</param>
/// <param name="Conflicts">Risks both sides changed in the same field: kept as edits to resolve (see <see cref="PendingEdit"/>).</param>
/// <param name="Pushed">Commits the remote received.</param>
/// <param name="Kept">A ref holding the branch as it was before the sync rewrote it, or null when it did not.</param>
public sealed record SyncOutcome(int Received, int Replayed, IReadOnlyList<string> MergedFields, IReadOnlyList<PendingEdit> Conflicts, int Pushed, string? Kept)
{
    public bool UpToDate => Received == 0 && Replayed == 0 && Pushed == 0 && Conflicts.Count == 0;
}

/// <summary>
/// A risk both this register and the remote changed in the same field, left by a sync for a person
/// to resolve: the version both started from, this side's version and the fields in conflict. The
/// register holds the remote's version meanwhile; the edit is re-applied on top of it in the UI.
/// </summary>
public sealed record PendingEdit(RiskId Id, Risk? Base, Risk Mine, IReadOnlyList<string> Fields, string By, string Subject, DateTimeOffset When);

/// <summary>
/// Bringing this register and a remote copy of it together (fetch, replay the commits made here
/// on top of the remote's, push), and the edits a sync left for a person to resolve.
/// </summary>
public sealed class RegisterSync
{
    private const string PendingFolder = "risks-pending";
    private const int SyncAttempts = 5;

    private readonly RegisterStore _store;

    internal RegisterSync(RegisterStore store) => _store = store;

    private string Root => _store.Root;

    private string GitDir => _store.GitDir;

    /// <summary>The register's remotes, by name.</summary>
    public IReadOnlyList<string> Remotes()
    {
        using var repo = _store.Open();
        return repo.Network.Remotes.Select(r => r.Name).ToList();
    }

    /// <summary>
    /// Brings this register and <paramref name="remote"/> together: fetches, puts the commits made
    /// here on top of the remote's (a risk both changed is merged field by field; a field both
    /// changed differently is left as a <see cref="PendingEdit"/> and the remote's version kept),
    /// then pushes. History stays linear and every commit keeps its author. Nothing made here is
    /// lost: before its branch is rewritten it is kept under <c>refs/risks/before-sync/</c>.
    /// A push the remote refuses because it moved meanwhile is retried.
    /// </summary>
    public SyncOutcome Run(string remote, Author syncer, Action<string>? progress = null)
    {
        var branch = BranchName();
        var received = 0;
        var replayed = 0;
        var merged = new List<string>();
        var conflicts = new List<PendingEdit>();
        string? kept = null;
        for (var attempt = 1; ; attempt++)
        {
            progress?.Invoke($"fetching from {remote}");
            var fetched = GitTransport.Fetch(Root, remote, branch);
            if (!fetched.Ok)
            {
                throw new RegisterException($"could not fetch from '{remote}': {fetched.Said}");
            }

            Integration step;
            using (_store.Lock())
            {
                step = Integrate(remote, branch, syncer);
            }

            received += step.Received;
            replayed = step.Replayed;
            merged.AddRange(step.Merged.Except(merged));
            conflicts.AddRange(step.Conflicts);
            kept ??= step.Kept;
            // Pushed even with no new commits: iterations cut here go too, and git sends nothing when there is nothing.
            progress?.Invoke(step.ToPush == 0 ? $"pushing iterations to {remote}" : $"pushing {step.ToPush} commit{(step.ToPush == 1 ? "" : "s")} to {remote}");
            var pushed = GitTransport.Push(Root, remote, branch);
            if (pushed.Ok)
            {
                return new SyncOutcome(received, replayed, merged, conflicts, step.ToPush, kept);
            }

            if (!MovedMeanwhile(pushed) || attempt == SyncAttempts)
            {
                throw new RegisterException($"could not push to '{remote}': {RefusalOf(pushed)}; the commits are kept here and the next sync tries again");
            }
        }
    }

    /// <summary>The edits a sync left to resolve, oldest first; anything there that is not a file to read (a named pipe, say) is passed over.</summary>
    public IReadOnlyList<PendingEdit> PendingEdits()
    {
        var folder = Path.Combine(GitDir, PendingFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var edits = new List<PendingEdit>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            if (!RiskId.TryParse(Path.GetFileNameWithoutExtension(file), out var id)
                || SafeFile.Read(GitDir, Path.GetRelativePath(GitDir, file), SafeFile.MaxKeptEditBytes).Bytes is not { } bytes
                || System.Text.Json.JsonSerializer.Deserialize(bytes, StorageJson.Default.StoredPending) is not { } stored
                || RiskYaml.Read(stored.Mine, file, id).Risk is not { } mine)
            {
                continue;
            }

            var original = stored.Base is null ? null : RiskYaml.Read(stored.Base, file, id).Risk;
            edits.Add(new PendingEdit(id, original, mine, stored.Fields, stored.By, stored.Subject, stored.When));
        }

        return edits.OrderBy(e => e.When).ToList();
    }

    /// <summary>Forgets a pending edit once it has been saved (or deliberately dropped; its commit stays under refs/risks/before-sync/).</summary>
    public void ResolvePending(RiskId id) => File.Delete(Path.Combine(GitDir, PendingFolder, id.Value + ".json"));

    /// <summary>A pending edit as kept in <c>.git/risks-pending/ID.json</c>: the risks as their YAML text.</summary>
    internal sealed record StoredPending(string Mine, string? Base, IReadOnlyList<string> Fields, string By, string Subject, DateTimeOffset When);

    private sealed record Integration(int Received, int Replayed, IReadOnlyList<string> Merged, IReadOnlyList<PendingEdit> Conflicts, int ToPush, string? Kept);

    /// <summary>One step of a sync, under the register's lock: moves the branch and the work tree to the remote's commits plus ours.</summary>
    private Integration Integrate(string remote, string branch, Author syncer)
    {
        using var repo = _store.Open();
        var local = repo.Head.Tip ?? throw new RegisterException($"{Root} has no commits");
        var theirs = (repo.Refs[$"refs/remotes/{remote}/{branch}"]?.ResolveToDirectReference()?.Target as Commit);
        if (theirs is null)
        {
            // The remote has no branch yet: everything here is for it.
            return new Integration(0, 0, [], [], CountCommits(repo, local, null), null);
        }

        if (local.Sha == theirs.Sha)
        {
            return new Integration(0, 0, [], [], 0, null);
        }

        var common = repo.ObjectDatabase.FindMergeBase(local, theirs)
            ?? throw new RegisterException($"this register and '{remote}' have no history in common; they are different registers");
        if (common.Sha == theirs.Sha)
        {
            return new Integration(0, 0, [], [], CountCommits(repo, local, theirs), null);
        }

        var received = CountCommits(repo, theirs, common);
        var ours = FirstParentsSince(local, common);
        CheckWorkTree(repo, local, common, theirs);
        var tip = theirs;
        var mergedFields = new List<string>();
        var pending = new Dictionary<string, PendingEdit>(StringComparer.Ordinal);
        var replayed = 0;
        foreach (var commit in ours)
        {
            var parent = commit.Parents.First();
            var tree = TreeDefinition.From(tip.Tree);
            var changed = false;
            foreach (var change in repo.Diff.Compare<TreeChanges>(parent.Tree, commit.Tree))
            {
                var path = change.Path;
                var mineId = commit[path]?.Target.Id;
                if (pending.TryGetValue(path, out var open))
                {
                    // A later edit of a risk already in conflict joins that conflict.
                    pending[path] = open with { Mine = RiskAt(repo, commit, path) ?? open.Mine };
                    continue;
                }

                var ancestorId = parent[path]?.Target.Id;
                var theirsId = tip[path]?.Target.Id;
                if (theirsId == ancestorId)
                {
                    changed |= Put(tree, path, mineId);
                    continue;
                }

                if (theirsId == mineId)
                {
                    continue;
                }

                var ancestor = RiskAt(repo, parent, path);
                var mine = RiskAt(repo, commit, path);
                var current = RiskAt(repo, tip, path);
                if (!RegisterLayout.IsRiskFile(path) || mine is null || current is null || (ancestorId is not null && ancestor is null))
                {
                    throw new RegisterException(
                        $"{path} was changed both here ({commit.Sha[..7]} \"{commit.MessageShort}\") and on '{remote}' in a way that cannot be merged field by field; nothing was changed. Resolve it with git (the branch '{remote}/{branch}' holds theirs)");
                }

                var merge = ancestor is null ? new Risks.Core.Changes.MergeResult(mine, RiskComparer.Compare(current, mine).Select(c => c.Field).Distinct().ToList()) : RiskMerge.Reapply(ancestor, mine, current);
                if (merge.Overlaps.Count > 0)
                {
                    pending[path] = new PendingEdit(mine.Id, ancestor, mine, merge.Overlaps, commit.Author.Name, commit.MessageShort, commit.Author.When);
                    continue;
                }

                var content = Encoding.UTF8.GetBytes(RiskYaml.Write(merge.Merged));
                using var stream = new MemoryStream(content, writable: false);
                tree.Add(path, repo.ObjectDatabase.CreateBlob(stream), Mode.NonExecutableFile);
                changed = true;
                mergedFields.Add(mine.Id.Value);
            }

            if (!changed)
            {
                continue;
            }

            var newTree = repo.ObjectDatabase.CreateTree(tree);
            if (newTree.Sha == tip.Tree.Sha)
            {
                continue;
            }

            var committer = new Signature(syncer.Name, syncer.Email, _store.Clock.GetLocalNow());
            tip = repo.ObjectDatabase.CreateCommit(commit.Author, committer, commit.Message, newTree, [tip], prettifyMessage: false);
            replayed++;
        }

        // Keep the branch as it was, so nothing made here can be lost whatever happens next.
        var kept = $"refs/risks/before-sync/{_store.Clock.GetUtcNow():yyyyMMdd-HHmmss}-{local.Sha[..8]}";
        if (ours.Count > 0 && repo.Refs[kept] is null)
        {
            repo.Refs.Add(kept, local.Id);
        }

        foreach (var edit in pending.Values)
        {
            WritePending(edit);
        }

        MoveTo(repo, branch, local, tip, $"sync: {received} from {remote}, {replayed} replayed");
        return new Integration(received, replayed, mergedFields.Distinct().ToList(), pending.Values.ToList(), replayed, ours.Count > 0 ? kept : null);
    }

    /// <summary>
    /// Refuses to go on when a file the sync would change holds an edit not yet committed: that edit
    /// would otherwise be overwritten. The person commits or discards it and syncs again.
    /// </summary>
    private void CheckWorkTree(Repository repo, Commit local, Commit common, Commit theirs)
    {
        var touched = repo.Diff.Compare<TreeChanges>(common.Tree, theirs.Tree).Select(c => c.Path);
        var dirty = new List<string>();
        foreach (var path in touched)
        {
            var onDisk = SafeFile.ReadIfThere(Root, path) is { } bytes ? BlobId.Of(bytes) : null;
            if (onDisk != local[path]?.Target.Sha)
            {
                dirty.Add(path);
            }
        }

        if (dirty.Count > 0)
        {
            throw new RegisterException(
                $"{string.Join(", ", dirty)} {(dirty.Count == 1 ? "holds an edit" : "hold edits")} not yet committed, and the remote changed {(dirty.Count == 1 ? "it" : "them")}; save or discard {(dirty.Count == 1 ? "it" : "them")} first. Nothing was changed");
        }
    }

    /// <summary>Moves the branch from <paramref name="from"/> to <paramref name="to"/> and brings the work tree and index along, file by file.</summary>
    private void MoveTo(Repository repo, string branch, Commit from, Commit to, string why)
    {
        if (from.Sha == to.Sha)
        {
            return;
        }

        var changes = repo.Diff.Compare<TreeChanges>(from.Tree, to.Tree).ToList();
        SaveJournal.Write(GitDir, changes.SelectMany(c => c.Status == LibGit2Sharp.ChangeKind.Renamed ? [c.Path, c.OldPath] : new[] { c.Path }).Select(path =>
        {
            return new SaveJournal.Entry(path, to[path]?.Target.Sha, SafeFile.ReadIfThere(Root, path));
        }).ToList());
        foreach (var change in changes)
        {
            var file = Path.Combine(Root, change.Path);
            if (to[change.Path] is { TargetType: TreeEntryTargetType.Blob } entry)
            {
                AtomicFile.Write(file, GitObjects.BytesOf((Blob)entry.Target));
            }
            else if (File.Exists(file))
            {
                File.Delete(file);
            }

            if (change.Status == LibGit2Sharp.ChangeKind.Renamed && File.Exists(Path.Combine(Root, change.OldPath)))
            {
                File.Delete(Path.Combine(Root, change.OldPath));
            }
        }

        repo.Refs.UpdateTarget(repo.Refs[$"refs/heads/{branch}"], to.Id, why);
        repo.Index.Replace(to.Tree);
        repo.Index.Write();
        SaveJournal.Clear(GitDir);
    }

    private static bool Put(TreeDefinition tree, string path, ObjectId? blob)
    {
        if (blob is null)
        {
            tree.Remove(path);
        }
        else
        {
            tree.Add(path, blob, Mode.NonExecutableFile);
        }

        return true;
    }

    private static Risk? RiskAt(Repository repo, Commit commit, string path) =>
        commit[path] is { TargetType: TreeEntryTargetType.Blob } entry && RegisterLayout.IsRiskFile(path)
            ? ParsedVersions.Parse(GitObjects.BytesOf((Blob)entry.Target), path, entry.Target.Sha).Risk
            : null;

    /// <summary>The commits from <paramref name="since"/> (not included) to <paramref name="tip"/>, following first parents, oldest first.</summary>
    private static List<Commit> FirstParentsSince(Commit tip, Commit since)
    {
        var commits = new List<Commit>();
        for (var c = tip; c is not null && c.Sha != since.Sha; c = c.Parents.FirstOrDefault())
        {
            commits.Add(c);
        }

        commits.Reverse();
        return commits;
    }

    private static int CountCommits(Repository repo, Commit tip, Commit? since) =>
        repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = tip, ExcludeReachableFrom = since }).Count();

    private string BranchName()
    {
        using var repo = _store.Open();
        return repo.Refs.Head is SymbolicReference symbolic && symbolic.TargetIdentifier.StartsWith("refs/heads/", StringComparison.Ordinal)
            ? symbolic.TargetIdentifier["refs/heads/".Length..]
            : throw new RegisterException("the register is not on a branch (HEAD is detached); check out its branch with git first");
    }

    /// <summary>
    /// Whether a push was refused only because the server's branch moved since the fetch (someone
    /// else pushed first, or at the same moment): worth fetching and trying again, unlike a refusal
    /// by the server's hook.
    /// </summary>
    private static bool MovedMeanwhile(GitTransport.Result pushed) =>
        new[] { "[rejected]", "(fetch first)", "(non-fast-forward)", "(failed to update ref)", "cannot lock ref" }
            .Any(sign => pushed.Output.Contains(sign, StringComparison.Ordinal) || pushed.Error.Contains(sign, StringComparison.Ordinal));

    private static string RefusalOf(GitTransport.Result pushed)
    {
        var lines = pushed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith('!'))
            .Select(l => l.Split('\t').Last().Trim())
            .ToList();
        var remote = pushed.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("remote:", StringComparison.Ordinal))
            .Select(l => l["remote:".Length..].Trim())
            .Where(l => l.Length > 0)
            .ToList();
        return string.Join("; ", remote.Concat(lines).DefaultIfEmpty(pushed.Said));
    }

    private void WritePending(PendingEdit edit)
    {
        var folder = Path.Combine(GitDir, PendingFolder);
        Directory.CreateDirectory(folder);
        var stored = new StoredPending(RiskYaml.Write(edit.Mine), edit.Base is null ? null : RiskYaml.Write(edit.Base), edit.Fields, edit.By, edit.Subject, edit.When);
        AtomicFile.Write(Path.Combine(folder, edit.Id.Value + ".json"), System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(stored, StorageJson.Default.StoredPending));
    }
}
