using LibGit2Sharp;
using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Storage.Git;

/// <summary>
/// A risk's past, read from Git: every version with its changes field by field, who last changed
/// each field, the patch of one commit, and what a person's name for a version of the register
/// resolves to. Every answer comes from the change index (one walk of the commits, kept between
/// runs) and parsed file versions (each parsed once), never from path-filtered log or line blame,
/// which take minutes on a large register.
/// </summary>
public sealed class RegisterHistory
{
    private readonly RegisterStore _store;
    private readonly Revisions _revisions;

    internal RegisterHistory(RegisterStore store, Revisions revisions)
    {
        _store = store;
        _revisions = revisions;
    }

    /// <summary>
    /// Every commit reachable from <paramref name="revision"/> (HEAD by default) that changed the
    /// risk's file (under any spelling of its id), newest first, each with the risk before and
    /// after and the changes field by field. Commits made outside the program are included and
    /// compared in the same way; a version that cannot be read is listed with its problems.
    /// </summary>
    public IReadOnlyList<RiskVersion> Of(RiskId id, RegisterSettings? settings = null, string revision = "HEAD")
    {
        using var repo = _store.Open();
        var head = _revisions.Resolved(repo, revision).Commit;
        var versions = new List<RiskVersion>();
        foreach (var (indexed, change) in ChangeIndex.For(_store.GitDir).From(repo, head).Touching(id.Identity))
        {
            var path = change.Path;
            var commit = repo.Lookup<Commit>(indexed.Id);
            var before = change.Before is null ? null : ParsedVersions.ParseAt(repo, change.Before, path);
            var after = change.After is null ? null : ParsedVersions.ParseAt(repo, change.After, path);
            var message = CommitMessage.Parse(commit.Message);
            var problems = (before?.Problems ?? []).Concat(after?.Problems ?? []).ToList();
            IReadOnlyList<FieldChange> changes = (before, after) switch
            {
                ({ Risk: null }, _) or (_, { Risk: null }) => [new FieldChange("", Core.Changes.ChangeKind.Changed, null, null, after?.Risk is null && after is not null ? "the file was changed and could not be read" : "the file could be read again") { Label = "file" }],
                _ => RiskComparer.Compare(before?.Risk, after?.Risk, settings),
            };
            versions.Add(new RiskVersion(
                RevisionOf(commit, message),
                path,
                before?.Risk,
                after?.Risk,
                change.Before?.Sha,
                change.After?.Sha,
                changes,
                message.Names(id),
                problems));
        }

        return versions;
    }

    /// <summary>For each field of the risk as it stands at HEAD, the commit that last changed it.</summary>
    public IReadOnlyList<FieldOrigin> Blame(RiskId id, RegisterSettings? settings = null)
    {
        var history = Of(id, settings);
        var versions = history
            .Where(v => v.After is not null || v.AfterVersion is null)
            .Reverse()
            .Select(v => (v.Revision, v.After))
            .ToList();
        return versions.Count == 0 || versions[^1].After is null ? [] : FieldBlame.Of(versions, settings);
    }

    /// <summary>
    /// The Git patch of <paramref name="path"/> in <paramref name="commit"/>, against its first parent, as <c>git show</c> prints it:
    /// made by the git program (LibGit2Sharp's patch printing fails in the natively compiled program: its line callback
    /// cannot take the file header's missing hunk), or by LibGit2Sharp where git is not installed.
    /// </summary>
    public string Patch(string commit, string path)
    {
        using var repo = _store.Open();
        var found = repo.Lookup<Commit>(commit) ?? throw new RegisterException($"no commit {commit}");
        var parent = found.Parents.FirstOrDefault();
        GitTransport.Result? made = null;
        try
        {
            // Against the empty tree for the first commit; the register's own diff settings (colour, prefixes, external tools) left aside.
            made = GitTransport.Run(_store.Root, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", parent?.Tree.Sha ?? EmptyTree, found.Tree.Sha, "--", path);
        }
        catch (RegisterException)
        {
            // git is not installed.
        }

        if (made is { Ok: true })
        {
            return made.Output;
        }

        using var patch = repo.Diff.Compare<Patch>(parent?.Tree, found.Tree, [path]);
        return patch.Content;
    }

    /// <summary>The id of Git's empty tree.</summary>
    private const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    /// <summary>
    /// What <paramref name="text"/> names: an iteration (tag), <c>HEAD</c>, a branch or commit
    /// (as Git resolves them, <c>HEAD~3</c> too), or a date (2025-02-28, 28 Feb 2025, 28/02/2025:
    /// the register as it stood at the end of that day).
    /// </summary>
    public ResolvedRevision ResolveRevision(string text)
    {
        using var repo = _store.Open();
        return _revisions.Resolved(repo, text).Named;
    }

    /// <summary>Whether commit <paramref name="ancestor"/> is an ancestor of commit <paramref name="descendant"/> (not the same commit).</summary>
    public bool IsAncestor(string ancestor, string descendant)
    {
        if (string.Equals(ancestor, descendant, StringComparison.Ordinal))
        {
            return false;
        }

        using var repo = _store.Open();
        var older = repo.Lookup<Commit>(ancestor);
        var newer = repo.Lookup<Commit>(descendant);
        return older is not null && newer is not null && repo.ObjectDatabase.FindMergeBase(older, newer)?.Sha == older.Sha;
    }

    private static Revision RevisionOf(Commit commit, CommitMessage message) =>
        new(commit.Sha, commit.Author.Name, commit.Author.Email, commit.Author.When, message.Headline, message.Reason);
}

/// <summary>
/// One commit in a risk's history: who and when (<see cref="Revision"/>), the risk before and
/// after (null: not there, or not readable), and the changes field by field.
/// <see cref="ByProgram"/> is false for a commit made outside the program (plain Git), which is
/// read and compared in the same way.
/// </summary>
public sealed record RiskVersion(
    Revision Revision,
    string Path,
    Risk? Before,
    Risk? After,
    string? BeforeVersion,
    string? AfterVersion,
    IReadOnlyList<FieldChange> Changes,
    bool ByProgram,
    IReadOnlyList<Problem> Problems);
