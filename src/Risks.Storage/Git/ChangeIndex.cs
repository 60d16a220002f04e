using System.Collections.Concurrent;
using System.Text;
using LibGit2Sharp;
using Risks.Storage.Files;

namespace Risks.Storage.Git;

/// <summary>
/// Which risk files each commit changed, for every commit reachable from HEAD: the one walk that
/// history, blame, dates and comparisons are answered from, instead of LibGit2Sharp's path
/// queries, which take minutes on a large register. A commit's changes are a fact of the commit
/// (its tree against its parents' trees), so an entry never goes stale: the index only grows,
/// by the commits made since it was last brought up to date. It is kept in
/// <c>.git/risks/changes.idx</c> so that a new process does not walk the history again; the file
/// is only a cache (deleted or damaged, it is rebuilt) and is replaced whole, never edited in place.
/// Commits made outside the program (plain <c>git commit</c>) are indexed exactly as the
/// program's own: by their trees, not their messages.
/// </summary>
internal sealed class ChangeIndex
{
    private static readonly ConcurrentDictionary<string, ChangeIndex> Open = new(StringComparer.Ordinal);

    private readonly string _gitDir;
    private readonly string _file;
    private readonly object _gate = new();
    private readonly Dictionary<ObjectId, IndexedCommit> _commits = [];
    private Reachable? _reachable;

    /// <summary>The head the file's commits were last ordered from, and that order: a new process starts from it instead of walking every commit.</summary>
    private Ordered? _saved;

    /// <summary>Whether every commit of the file is held in <see cref="_commits"/> (needed only when the index is to grow).</summary>
    private bool _loaded;

    private ChangeIndex(string gitDir)
    {
        _gitDir = gitDir;
        _file = Path.Combine(gitDir, "risks", "changes.idx");
    }

    /// <summary>Whether to read new commits with the git program when it is installed (tests turn it off to check the fallback gives the same index).</summary>
    internal static bool UseGitProgram { get; set; } = true;

    /// <summary>The index of the repository whose Git folder is <paramref name="gitDir"/>, shared by everything in this process.</summary>
    public static ChangeIndex For(string gitDir) => Open.GetOrAdd(Path.GetFullPath(gitDir), dir => new ChangeIndex(dir));

    /// <summary>Forgets the copies held in memory, so the next use reads the file again (for tests and the benchmark).</summary>
    public static void ForgetAll() => Open.Clear();

    /// <summary>
    /// Brings the index up to <paramref name="head"/> and returns every commit reachable from it,
    /// newest first (by committer date, parents always after their children), with the commits
    /// that changed each risk file.
    /// </summary>
    public Reachable From(Repository repo, Commit head)
    {
        lock (_gate)
        {
            if (_reachable is { } known && known.Head == head.Id)
            {
                return known;
            }

            if (!_loaded)
            {
                // The usual case, nothing committed since the file was written: answered from its bytes.
                var file = ChangeIndexFile.TryOpen(_gitDir, _file);
                if (file is not null && file.Head == head.Id)
                {
                    return _reachable = file;
                }

                _loaded = true;
                _saved = file?.Load(_commits);
            }

            var added = Add(repo, head);
            var ordered = Extend(_reachable as Ordered ?? _saved, head.Id) ?? Walk(head.Id);
            _reachable = ordered;
            if (added > 0 || _saved?.Head != head.Id)
            {
                Write(ordered);
            }

            return ordered;
        }
    }

    /// <summary>Indexes every commit reachable from <paramref name="head"/> that is not yet indexed; returns how many.</summary>
    private int Add(Repository repo, Commit head)
    {
        if (_commits.ContainsKey(head.Id))
        {
            return 0;
        }

        // Git's own log reads 50,000 commits' changes in seconds, where comparing trees through
        // LibGit2Sharp takes minutes; the library is the fallback where no git program is installed.
        return (UseGitProgram ? GitLog.TryRead(repo.Info.WorkingDirectory ?? repo.Info.Path, head.Sha, Tips(), _commits) : null) ?? AddByTrees(repo, head);
    }

    /// <summary>The indexed commits no other indexed commit has as parent: everything indexed is reachable from these.</summary>
    private List<string> Tips()
    {
        var parents = new HashSet<ObjectId>(_commits.Values.SelectMany(c => c.Parents));
        return _commits.Keys.Where(id => !parents.Contains(id)).Select(id => id.Sha).ToList();
    }

    private int AddByTrees(Repository repo, Commit head)
    {
        var added = 0;
        var pending = new Stack<Commit>();
        pending.Push(head);
        while (pending.Count > 0)
        {
            var commit = pending.Pop();
            if (_commits.ContainsKey(commit.Id))
            {
                continue;
            }

            var parents = commit.Parents.ToArray();
            _commits[commit.Id] = new IndexedCommit(commit.Id, parents.Select(p => p.Id).ToArray(), commit.Committer.When.ToUnixTimeSeconds(), ChangesOf(repo, commit, parents));
            added++;
            foreach (var parent in parents)
            {
                if (!_commits.ContainsKey(parent.Id))
                {
                    pending.Push(parent);
                }
            }
        }

        return added;
    }

    /// <summary>
    /// The risk files <paramref name="commit"/> changed. Against its only parent (or nothing, for
    /// the first commit); for a merge, only the files that differ from every parent, as
    /// <c>git log</c> shows a merge, so a change made on a branch is counted once, at its own commit.
    /// </summary>
    private static FileChange[] ChangesOf(Repository repo, Commit commit, Commit[] parents)
    {
        if (parents.Length == 0)
        {
            return Compare(repo, null, commit.Tree);
        }

        var first = Compare(repo, parents[0].Tree, commit.Tree);
        if (parents.Length == 1 || first.Length == 0)
        {
            return first;
        }

        var changed = first.ToList();
        foreach (var other in parents.Skip(1))
        {
            var paths = Compare(repo, other.Tree, commit.Tree).Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
            changed.RemoveAll(c => !paths.Contains(c.Path));
        }

        return [.. changed];
    }

    private static FileChange[] Compare(Repository repo, Tree? before, Tree after)
    {
        var changes = new List<FileChange>();
        using var diff = repo.Diff.Compare<TreeChanges>(before, after, [RegisterLayout.RisksFolder + "/"], new CompareOptions { Similarity = SimilarityOptions.None, IncludeUnmodified = false });
        foreach (var change in diff)
        {
            if (change.Status is ChangeKind.Renamed or ChangeKind.Copied)
            {
                // Not asked for (no similarity detection): listed for completeness as a removal and an addition.
                Add(changes, change.OldPath, change.OldOid, null);
                Add(changes, change.Path, null, change.Oid);
                continue;
            }

            var old = change.Status == ChangeKind.Added ? null : change.OldOid;
            var now = change.Status == ChangeKind.Deleted ? null : change.Oid;
            if (change.OldMode == Mode.Directory || change.Mode == Mode.Directory)
            {
                continue;
            }

            Add(changes, change.Status == ChangeKind.Deleted ? change.OldPath : change.Path, old, now);
        }

        return [.. changes];
    }

    private static void Add(List<FileChange> changes, string path, ObjectId? before, ObjectId? after)
    {
        if (RegisterLayout.IsRiskFile(path))
        {
            changes.Add(new FileChange(path, before is null || before == ObjectId.Zero ? null : before, after is null || after == ObjectId.Zero ? null : after));
        }
    }

    private Ordered Walk(ObjectId head)
    {
        // Newest first by committer date, but never a parent before a child (dates can be wrong).
        var children = new Dictionary<ObjectId, int>();
        var seen = new HashSet<ObjectId> { head };
        var stack = new Stack<ObjectId>();
        stack.Push(head);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            foreach (var parent in _commits[id].Parents)
            {
                children[parent] = children.GetValueOrDefault(parent) + 1;
                if (_commits.ContainsKey(parent) && seen.Add(parent))
                {
                    stack.Push(parent);
                }
            }
        }

        var order = new List<IndexedCommit>(seen.Count);
        var ready = new PriorityQueue<IndexedCommit, long>();
        ready.Enqueue(_commits[head], -_commits[head].When);
        while (ready.TryDequeue(out var commit, out _))
        {
            order.Add(commit);
            foreach (var parent in commit.Parents)
            {
                if (_commits.TryGetValue(parent, out var next) && (children[parent] -= 1) == 0)
                {
                    ready.Enqueue(next, -next.When);
                }
            }
        }

        return new Ordered(head, order);
    }

    /// <summary>
    /// The commits reachable from <paramref name="head"/> when it only adds commits on top of
    /// <paramref name="known"/>'s head (the usual case: saves since): the new ones, newest first,
    /// then the known order. Null when history went another way (a reset, a merge of another
    /// line), which takes a whole walk.
    /// </summary>
    private Ordered? Extend(Ordered? known, ObjectId head)
    {
        if (known is null || known.Contains(head))
        {
            return known?.Head == head ? known : null;
        }

        var added = new List<IndexedCommit>();
        var seen = new HashSet<ObjectId> { head };
        var stack = new Stack<ObjectId>();
        stack.Push(head);
        while (stack.Count > 0)
        {
            var commit = _commits[stack.Pop()];
            added.Add(commit);
            if (added.Count > 500)
            {
                return null;
            }

            foreach (var parent in commit.Parents)
            {
                if (known.Contains(parent))
                {
                    if (parent != known.Head)
                    {
                        return null;
                    }
                }
                else if (_commits.ContainsKey(parent) && seen.Add(parent))
                {
                    stack.Push(parent);
                }
            }
        }

        // Few commits: children before parents, newest first.
        var ordered = new List<IndexedCommit>(added.Count + known.Commits.Count);
        var remaining = added.ToDictionary(c => c.Id);
        while (remaining.Count > 0)
        {
            var next = remaining.Values
                .Where(c => !remaining.Values.Any(other => other.Parents.Contains(c.Id)))
                .MaxBy(c => c.When)!;
            ordered.Add(next);
            remaining.Remove(next.Id);
        }

        ordered.AddRange(known.Commits);
        return new Ordered(head, ordered);
    }

    /// <summary>Writes every commit, those reachable from <paramref name="reachable"/>'s head first and in its order.</summary>
    private void Write(Ordered reachable)
    {
        try
        {
            ChangeIndexFile.Write(_file, reachable, _commits);
            _saved = reachable;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only a cache: a register this person may read but not write is still indexed, in memory.
        }
    }

    /// <summary>
    /// Reads commits and their changed files with <c>git log --raw -c</c> (for a merge, <c>-c</c>
    /// lists only the files that differ from every parent, as this index counts them).
    /// </summary>
    private static class GitLog
    {
        /// <summary>How many commits were added, or null when git could not be run (not installed, or failed).</summary>
        public static int? TryRead(string root, string head, IReadOnlyList<string> exclude, Dictionary<ObjectId, IndexedCommit> into)
        {
            var start = new System.Diagnostics.ProcessStartInfo("git")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                StandardOutputEncoding = new UTF8Encoding(false),
                UseShellExecute = false,
            };
            // Whose the register is was checked on opening it: a shared register may be another person's, which git would refuse.
            foreach (var argument in new[] { "-c", $"safe.directory={root.TrimEnd('/')}", "-c", "core.quotepath=off", "log", "--format=%x01%H %P %ct", "--raw", "-c", "--no-abbrev", "--no-renames", "-z", "--stdin" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["GIT_TERMINAL_PROMPT"] = "0";
            System.Diagnostics.Process? process;
            try
            {
                process = System.Diagnostics.Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }

            if (process is null)
            {
                return null;
            }

            using (process)
            {
                var errors = process.StandardError.ReadToEndAsync();
                try
                {
                    process.StandardInput.WriteLine(head);
                    foreach (var tip in exclude)
                    {
                        process.StandardInput.WriteLine("^" + tip);
                    }

                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // git stopped before reading what it was asked (it refused the repository): read the commits here instead.
                    process.WaitForExit();
                    return null;
                }

                var read = Parse(process.StandardOutput);
                process.WaitForExit();
                _ = errors.Result;
                if (process.ExitCode != 0)
                {
                    return null;
                }

                foreach (var commit in read)
                {
                    into[commit.Id] = commit;
                }

                return read.Count;
            }
        }

        private static List<IndexedCommit> Parse(TextReader output)
        {
            var commits = new List<IndexedCommit>();
            string? header = null;
            var changes = new List<FileChange>();
            string? meta = null;
            foreach (var raw in Tokens(output))
            {
                var token = raw.TrimStart('\n');
                if (meta is not null)
                {
                    AddChange(changes, meta, raw);
                    meta = null;
                }
                else if (token.StartsWith('\u0001'))
                {
                    Flush();
                    header = token[1..];
                }
                else if (token.StartsWith(':'))
                {
                    meta = token;
                }
            }

            Flush();
            return commits;

            void Flush()
            {
                if (header is null)
                {
                    return;
                }

                var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var parents = parts[1..^1].Select(p => new ObjectId(p)).ToArray();
                commits.Add(new IndexedCommit(new ObjectId(parts[0]), parents, long.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture), [.. changes]));
                changes.Clear();
                header = null;
            }
        }

        /// <summary>One raw line (<c>:100644 100644 OLD NEW M</c>, or for a merge one mode and id per parent) and its path.</summary>
        private static void AddChange(List<FileChange> changes, string meta, string path)
        {
            if (!RegisterLayout.IsRiskFile(path))
            {
                return;
            }

            var parents = meta.TakeWhile(c => c == ':').Count();
            var fields = meta[parents..].Split(' ');
            var ids = fields.Skip(parents + 1).Take(parents + 1).ToArray();
            changes.Add(new FileChange(path, Id(ids[0]), Id(ids[^1])));
        }

        private static ObjectId? Id(string sha) => sha.All(c => c == '0') ? null : new ObjectId(sha);

        /// <summary>The output split at NUL characters.</summary>
        private static IEnumerable<string> Tokens(TextReader reader)
        {
            var buffer = new char[65536];
            var current = new StringBuilder();
            int count;
            while ((count = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (var i = 0; i < count; i++)
                {
                    if (buffer[i] == '\0')
                    {
                        yield return current.ToString();
                        current.Clear();
                    }
                    else
                    {
                        current.Append(buffer[i]);
                    }
                }
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
            }
        }
    }

    /// <summary>One changed risk file: its version before and after (null: not there).</summary>
    internal sealed record FileChange(string Path, ObjectId? Before, ObjectId? After);

    internal sealed record IndexedCommit(ObjectId Id, ObjectId[] Parents, long When, FileChange[] Changes);

    /// <summary>The commits reachable from one head, newest first, and which of them changed each risk.</summary>
    internal abstract class Reachable
    {
        public abstract ObjectId Head { get; }

        /// <summary>How many commits are reachable from the head.</summary>
        public abstract int Count { get; }

        /// <summary>How many changes to risk files those commits hold.</summary>
        public abstract int ChangeCount { get; }

        /// <summary>
        /// The commits that changed the file of the risk with <paramref name="identity"/> (see
        /// <c>RiskId.Identity</c>), newest first, each with that change: under every spelling of its
        /// id the file has had (BAF-7.yaml and BAF-07.yaml are one risk).
        /// </summary>
        public abstract IEnumerable<(IndexedCommit Commit, FileChange Change)> Touching(string identity);

        /// <summary>
        /// The newest commit on the first-parent line from the head (the line a register's saves
        /// make) committed at or before <paramref name="end"/>; null if the register is younger.
        /// </summary>
        public abstract ObjectId? LastOnOrBefore(DateTimeOffset end);
    }

    /// <summary>The reachable commits held as objects, as when the index has just grown.</summary>
    internal sealed class Ordered : Reachable
    {
        private readonly List<IndexedCommit> order;
        private readonly Dictionary<ObjectId, int> positions;
        private readonly Dictionary<string, List<int>> byPath = new(StringComparer.Ordinal);

        public Ordered(ObjectId head, List<IndexedCommit> order)
        {
            Head = head;
            this.order = order;
            positions = new Dictionary<ObjectId, int>(order.Count);
            for (var i = 0; i < order.Count; i++)
            {
                positions[order[i].Id] = i;
                foreach (var change in order[i].Changes)
                {
                    if (!byPath.TryGetValue(change.Path, out var list))
                    {
                        byPath[change.Path] = list = [];
                    }

                    list.Add(i);
                }
            }
        }

        public bool Contains(ObjectId id) => positions.ContainsKey(id);

        public override ObjectId Head { get; }

        public override int Count => order.Count;

        public override int ChangeCount => order.Sum(c => c.Changes.Length);

        public IReadOnlyList<IndexedCommit> Commits => order;

        private Dictionary<string, List<string>>? _pathsOfRisk;

        public override IEnumerable<(IndexedCommit Commit, FileChange Change)> Touching(string identity)
        {
            _pathsOfRisk ??= byPath.Keys
                .Select(p => (Path: p, Place: RegisterLayout.Parse(p)))
                .Where(p => p.Place is not null)
                .GroupBy(p => p.Place!.Value.Id.Identity, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Path).ToList(), StringComparer.Ordinal);
            if (!_pathsOfRisk.TryGetValue(identity, out var paths))
            {
                return [];
            }

            return paths
                .SelectMany(path => byPath[path].Select(position => (Position: position, Path: path)))
                .OrderBy(p => p.Position)
                .Select(p => (order[p.Position], order[p.Position].Changes.First(c => c.Path == p.Path)));
        }

        public override ObjectId? LastOnOrBefore(DateTimeOffset end)
        {
            var limit = end.ToUnixTimeSeconds();
            var at = Head;
            while (positions.TryGetValue(at, out var position))
            {
                var commit = order[position];
                if (commit.When <= limit)
                {
                    return at;
                }

                if (commit.Parents.Length == 0)
                {
                    return null;
                }

                at = commit.Parents[0];
            }

            return null;
        }
    }
}
