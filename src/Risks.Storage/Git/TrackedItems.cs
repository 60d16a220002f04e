using System.Globalization;
using System.Text;
using LibGit2Sharp;
using Risks.Core.Board;
using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Files;
using Risks.Storage.Yaml;

namespace Risks.Storage.Git;

/// <summary>A tracked item as the work tree (or a commit) holds it, with the version of its file (its blob id).</summary>
public sealed record Stored<T>(T Item, string Path, string Version)
    where T : ITrackedItem;

/// <summary>One commit that changed a tracked item's file: who, when and why, and the item's facts that changed.</summary>
public sealed record TrackedVersion(Revision Revision, IReadOnlyList<string> Changes);

/// <summary>A tracked item that differs between two versions of the register: added, removed or changed, and its facts that changed.</summary>
public sealed record TrackedDiff(string Noun, int Number, string Title, ItemChangeKind Kind, IReadOnlyList<string> Changes)
{
    /// <summary>"Board action 54 (EDI High Impact Actions), changed".</summary>
    public string Heading => $"{char.ToUpperInvariant(Noun[0])}{Noun[1..]} {Number} ({Title}), {Kind.ToString().ToLowerInvariant()}";
}

/// <summary>How one kind of tracked item is kept: its folder, its name, and its file both ways.</summary>
public sealed record TrackedKind<T>(
    string Folder,
    string Noun,
    Func<T, string> Write,
    TrackedKind<T>.Reader Read,
    Func<byte[], string, FieldIssue, Problem> Locate)
    where T : class, ITrackedItem
{
    public delegate (T? Item, IReadOnlyList<Problem> Problems) Reader(ReadOnlySpan<byte> bytes, string file);

    public string PathOf(int number) => $"{Folder}/{number.ToString(CultureInfo.InvariantCulture)}.yaml";

    public bool Holds(string path) => path.StartsWith(Folder + "/", StringComparison.Ordinal);

    /// <summary>Each item of this kind that differs between two trees, by number; a file that cannot be read on a side counts as absent there.</summary>
    internal IReadOnlyList<TrackedDiff> Between(Repository repo, Tree older, Tree newer, RegisterSettings settings)
    {
        var diffs = new List<TrackedDiff>();
        using var changes = repo.Diff.Compare<TreeChanges>(older, newer, [Folder + "/"], new LibGit2Sharp.CompareOptions { Similarity = SimilarityOptions.None });
        foreach (var change in changes)
        {
            T? Side(ObjectId id, string path, bool exists) =>
                exists && repo.Lookup<Blob>(id) is { } blob ? ReadFile(GitObjects.BytesOf(blob), path).Item : null;

            var before = Side(change.OldOid, change.OldPath, change.OldExists);
            var after = Side(change.Oid, change.Path, change.Exists);
            if ((after ?? before) is not { } item)
            {
                continue;
            }

            var kind = before is null ? ItemChangeKind.Added : after is null ? ItemChangeKind.Removed : ItemChangeKind.Changed;
            var lines = TrackedChanges.Describe(before, after, settings);
            if (kind != ItemChangeKind.Changed || lines.Count > 0)
            {
                diffs.Add(new TrackedDiff(Noun, item.Number, item.Title, kind, kind == ItemChangeKind.Changed ? lines : []));
            }
        }

        return [.. diffs.OrderBy(d => d.Number)];
    }

    /// <summary>Reads one file of this kind: the item, or the problems that stop it being read (a misnamed file among them).</summary>
    public (T? Item, IReadOnlyList<Problem> Problems) ReadFile(ReadOnlySpan<byte> bytes, string path)
    {
        var (item, problems) = Read(bytes, path);
        if (item is not null && PathOf(item.Number) != path)
        {
            return (null, [new Problem(path, 1, 1, $"{Noun} {item.Number} belongs at {PathOf(item.Number)}; a {Noun}'s file is named by its number")]);
        }

        return (item, problems);
    }
}

/// <summary>The kinds of tracked item a register keeps.</summary>
public static class TrackedKinds
{
    public static TrackedKind<BoardAction> BoardActions { get; } = new("board-actions", "board action", BoardActionYaml.Write, BoardActionYaml.Read, (b, f, i) => BoardActionYaml.Locate(b, f, i));

    public static TrackedKind<Undertaking> Undertakings { get; } = new("undertakings", "undertaking", UndertakingYaml.Write, UndertakingYaml.Read, (b, f, i) => UndertakingYaml.Locate(b, f, i));
}

/// <summary>
/// A kind of tracked item (the board's action log, the undertakings): one file per item under its
/// folder, named by its number (<c>board-actions/54.yaml</c>), each change a commit by the person
/// who made it, as risks are.
/// </summary>
public sealed class TrackedItems<T>
    where T : class, ITrackedItem
{
    private readonly RegisterStore _store;

    internal TrackedItems(RegisterStore store, TrackedKind<T> kind)
    {
        _store = store;
        Kind = kind;
    }

    public TrackedKind<T> Kind { get; }

    public string PathOf(int number) => Kind.PathOf(number);

    /// <summary>Every item the work tree holds, by number, and the problems of the files that cannot be read (each at its line).</summary>
    public (IReadOnlyList<Stored<T>> Items, IReadOnlyList<Problem> Problems) List()
    {
        _store.SettleUnfinishedWrite();
        var items = new List<Stored<T>>();
        var problems = new List<Problem>();
        var folder = Path.Combine(_store.Root, Kind.Folder);
        if (!Directory.Exists(folder))
        {
            return (items, problems);
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var path = $"{Kind.Folder}/{Path.GetFileName(file)}";
            var (bytes, refusal) = SafeFile.Read(_store.Root, path);
            if (bytes is null)
            {
                problems.Add(new Problem(path, 1, 1, refusal!));
                continue;
            }

            Add(items, problems, bytes, path);
        }

        return ([.. items.OrderBy(a => a.Item.Number)], problems);
    }

    /// <summary>Every item as committed at <paramref name="revision"/> (a tag, a commit), by number, and the problems of the files that cannot be read.</summary>
    public (IReadOnlyList<Stored<T>> Items, IReadOnlyList<Problem> Problems) ListAt(string revision)
    {
        using var repo = _store.Open();
        var commit = GitObjects.Resolve(repo, revision) ?? throw new ArgumentException($"'{revision}' is not a commit of the register", nameof(revision));
        return In(commit.Tree);
    }

    internal (IReadOnlyList<Stored<T>> Items, IReadOnlyList<Problem> Problems) In(Tree tree)
    {
        var items = new List<Stored<T>>();
        var problems = new List<Problem>();
        if (tree[Kind.Folder] is { TargetType: TreeEntryTargetType.Tree } folder)
        {
            foreach (var entry in ((Tree)folder.Target).Where(e => e.TargetType == TreeEntryTargetType.Blob && e.Name.EndsWith(".yaml", StringComparison.Ordinal)).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                Add(items, problems, GitObjects.BytesOf((Blob)entry.Target), $"{Kind.Folder}/{entry.Name}");
            }
        }

        return ([.. items.OrderBy(a => a.Item.Number)], problems);
    }

    /// <summary>The item in <paramref name="commit"/>'s tree at <paramref name="path"/>, or null when it is not there or cannot be read.</summary>
    internal T? At(Commit commit, string path) =>
        commit[path] is { TargetType: TreeEntryTargetType.Blob } entry ? Kind.ReadFile(GitObjects.BytesOf((Blob)entry.Target), path).Item : null;

    /// <summary>The problems of every item against the register's people and risks, each placed at its line.</summary>
    public IReadOnlyList<Problem> Check(IEnumerable<Stored<T>> items, RegisterSettings settings, IReadOnlySet<string> riskIdentities) =>
        [.. items.SelectMany(a => a.Item.Problems(settings, riskIdentities).Select(issue => Kind.Locate(SafeFile.ReadIfThere(_store.Root, a.Path) ?? [], a.Path, issue)))
            .OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)];

    /// <summary>
    /// Every commit on HEAD's history that changed item <paramref name="number"/>'s file, newest
    /// first: who, when, why, and the facts it changed.
    /// </summary>
    public IReadOnlyList<TrackedVersion> History(int number, RegisterSettings settings)
    {
        var path = PathOf(number);
        using var repo = _store.Open();
        var versions = new List<TrackedVersion>();
        var head = _store.Tip(repo);
        // The items' files are few and small: walking first parents and comparing one tree entry
        // each is quick, and needs no index of its own.
        for (Commit? commit = head; commit is not null; commit = commit.Parents.FirstOrDefault())
        {
            var parent = commit.Parents.FirstOrDefault();
            var now = commit[path]?.Target.Id;
            var was = parent?[path]?.Target.Id;
            if (now == was)
            {
                continue;
            }

            var message = CommitMessage.Parse(commit.Message);
            var before = parent is null ? null : At(parent, path);
            var after = At(commit, path);
            IReadOnlyList<string> changes = now is not null && after is null ? ["the file was changed and could not be read"] : TrackedChanges.Describe(before, after, settings);
            versions.Add(new TrackedVersion(new Revision(commit.Sha, commit.Author.Name, commit.Author.Email, commit.Author.When, message.Headline, message.Reason), changes));
        }

        return versions;
    }

    /// <summary>
    /// Saves an item as one commit (<paramref name="expectedVersion"/> null for a new one),
    /// refused when its file changed since it was read, or when it breaks a rule.
    /// </summary>
    public SaveOutcome Save(T item, string? expectedVersion, string headline, string? reason, Author author, RegisterSettings settings, IReadOnlySet<string> riskIdentities, DateTimeOffset? when = null)
    {
        var problems = item.Problems(settings, riskIdentities);
        if (problems.Count > 0)
        {
            return new SaveOutcome.Invalid([.. problems.Select(p => p.Message)]);
        }

        var path = PathOf(item.Number);
        var content = Encoding.UTF8.GetBytes(Kind.Write(item));
        var version = BlobId.Of(content);
        using var held = _store.Lock();
        var onDisk = SafeFile.ReadIfThere(_store.Root, path);
        var currentVersion = onDisk is null ? null : BlobId.Of(onDisk);
        using var repo = _store.Open();
        var head = _store.Tip(repo);
        var committed = head[path]?.Target.Sha;
        if (expectedVersion is null && currentVersion is not null)
        {
            return new SaveOutcome.Conflict($"there is already a {Kind.Noun} {item.Number} ({path})", null, null, currentVersion);
        }

        if (SaveChecks.StillAsRead(_store, head, path, currentVersion, committed, expectedVersion) is { } changed)
        {
            return changed;
        }

        if (version == committed)
        {
            return new SaveOutcome.Unchanged();
        }

        var message = new StringBuilder(headline).Append('\n');
        if (!string.IsNullOrWhiteSpace(reason))
        {
            message.Append('\n').Append(reason.Trim()).Append('\n');
        }

        var commit = _store.CommitFiles([(path, content)], message.ToString(), author, when);
        return new SaveOutcome.Saved(commit, version, headline, []);
    }

    private void Add(List<Stored<T>> items, List<Problem> problems, byte[] bytes, string path)
    {
        var (item, read) = Kind.ReadFile(bytes, path);
        problems.AddRange(read);
        if (item is not null)
        {
            items.Add(new Stored<T>(item, path, BlobId.Of(bytes)));
        }
    }
}
