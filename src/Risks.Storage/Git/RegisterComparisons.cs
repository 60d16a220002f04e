using LibGit2Sharp;
using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Storage.Git;

/// <summary>
/// Comparing versions of the register, such as two iterations: what changed risk by risk and
/// field by field, and each risk's score at each iteration. Reads tree changes and parses only
/// the file versions that differ (each once per process).
/// </summary>
public sealed class RegisterComparisons
{
    private readonly RegisterStore _store;
    private readonly Revisions _revisions;

    internal RegisterComparisons(RegisterStore store, Revisions revisions)
    {
        _store = store;
        _revisions = revisions;
    }

    /// <summary>What changed between two versions of the register, risk by risk and field by field.</summary>
    public RegisterDiff Compare(string from, string to)
    {
        using var repo = _store.Open();
        var (a, older) = _revisions.Resolved(repo, from);
        var (b, newer) = _revisions.Resolved(repo, to);
        var settings = SettingsAt(newer) ?? SettingsAt(older) ?? new RegisterSettings();

        var pairs = new Dictionary<string, (Risk? Before, Risk? After)>(StringComparer.Ordinal);
        var problems = new List<Problem>();
        var changedPaths = new HashSet<string>(StringComparer.Ordinal);
        var sides = new List<(string Path, ObjectId Id, bool After)>();
        using (var diff = repo.Diff.Compare<TreeChanges>(older.Tree, newer.Tree, [RegisterLayout.RisksFolder + "/"], new CompareOptions { Similarity = SimilarityOptions.None }))
        {
            sides.AddRange(diff.SelectMany(Sides).Where(side => RegisterLayout.IsRiskFile(side.Path)));
        }

        var parsed = ParsedVersions.ParseAll(repo, sides.Select(side => (side.Id, side.Path)));
        foreach (var (path, oid, after) in sides)
        {
            changedPaths.Add(path);
            var read = parsed[(oid.Sha, path)];
            if (read.Risk is not { } risk)
            {
                problems.AddRange(read.Problems.Select(p => p with { Message = $"at {(after ? to : from)}: {p.Message}" }));
                continue;
            }

            var pair = pairs.GetValueOrDefault(risk.Id.Identity);
            pairs[risk.Id.Identity] = after ? (pair.Before, risk) : (risk, pair.After);
        }

        var unchanged = GitObjects.RiskFilesInTree(repo, newer.Tree)
            .Where(f => !changedPaths.Contains(f.Path))
            .Select(f => RegisterLayout.Parse(f.Path))
            .OfType<(RiskId Id, bool InPlace)>()
            .Select(p => p.Id)
            .ToList();
        var comparison = RegisterComparison.Of(pairs.Values, unchanged, settings);
        // The board's action log and the undertakings are compared too: each item that differs, and how.
        IReadOnlyList<TrackedDiff> tracked =
        [
            .. TrackedKinds.BoardActions.Between(repo, older.Tree, newer.Tree, settings),
            .. TrackedKinds.Undertakings.Between(repo, older.Tree, newer.Tree, settings),
        ];
        return new RegisterDiff(a, b, comparison, settings, problems) { Tracked = tracked };
    }

    /// <summary>
    /// Each risk's current score at each of <paramref name="iterations"/> (in the order given;
    /// null where the risk was not in that iteration, had no score, or could not be read), keyed
    /// by the risk's identity. Reads the last iteration whole and the others as changes from the
    /// next, so each extra iteration costs only the files changed between them; the versions are
    /// read in one pass (the parse cache is opened and written once, however many iterations).
    /// The versions read are not kept in the process, and those parsed now are kept without their
    /// prose until their score is taken (they are added to the parse cache whole).
    /// </summary>
    public IReadOnlyDictionary<string, int?[]> ScoresAt(IReadOnlyList<Iteration> iterations)
    {
        var trail = new Dictionary<string, int?[]>(StringComparer.Ordinal);
        if (iterations.Count == 0)
        {
            return trail;
        }

        using var repo = _store.Open();
        var commits = iterations.Select(i => repo.Lookup<Commit>(i.Commit)).ToList();
        var latest = GitObjects.RiskFilesInTree(repo, commits[^1].Tree);

        // steps[k]: what changed from iteration k + 1 back to iteration k, each file by its path there (if it is a risk file still) and its path before.
        var steps = new List<(string OldPath, string? Path, ObjectId Id)>[commits.Count];
        for (var k = commits.Count - 2; k >= 0; k--)
        {
            using var diff = repo.Diff.Compare<TreeChanges>(commits[k + 1].Tree, commits[k].Tree, [RegisterLayout.RisksFolder + "/"], new CompareOptions { Similarity = SimilarityOptions.None });
            steps[k] = [.. diff.Select(c => (c.OldPath, c.Status != LibGit2Sharp.ChangeKind.Deleted && RegisterLayout.IsRiskFile(c.Path) ? c.Path : null, c.Oid))];
        }

        // Each version's risk and score only, taken as it is read: the versions themselves are not held.
        var parsed = ParsedVersions.ParseAll(
            repo,
            latest.Select(f => (f.Id, f.Path)).Concat(steps.Where(step => step is not null).SelectMany(step => step.Where(c => c.Path is not null).Select(c => (c.Id, c.Path!)))),
            file => file.Risk is { } risk ? (risk.Id.Identity, risk.Current?.Value) : ((string Identity, int? Score)?)null,
            remember: false,
            withoutProse: true);
        var scores = new Dictionary<string, (string Identity, int? Score)>(StringComparer.Ordinal);
        foreach (var file in latest)
        {
            if (parsed[(file.Version, file.Path)] is { } score)
            {
                scores[file.Path] = score;
            }
        }

        for (var k = commits.Count - 1; k >= 0; k--)
        {
            if (steps[k] is { } step)
            {
                foreach (var (oldPath, _, _) in step)
                {
                    scores.Remove(oldPath);
                }

                foreach (var (_, path, id) in step)
                {
                    if (path is not null && parsed[(id.Sha, path)] is { } score)
                    {
                        scores[path] = score;
                    }
                }
            }

            foreach (var (identity, score) in scores.Values)
            {
                if (!trail.TryGetValue(identity, out var row))
                {
                    trail[identity] = row = new int?[commits.Count];
                }

                row[k] = score;
            }
        }

        return trail;
    }

    /// <summary>
    /// Each risk as committed at <paramref name="revision"/>, by its identity, to measure movement and trends
    /// against: a version the process has read already (the work tree's, mostly) is that one, whole; any other
    /// comes without its prose and is not kept for a later read. Files that are not valid risks are left out and
    /// not reported, and the risks are not cross-checked: for that, <see cref="RegisterReader.LoadAt"/>.
    /// </summary>
    public IReadOnlyDictionary<string, Risk> RisksAt(string revision)
    {
        using var repo = _store.Open();
        var commit = GitObjects.Resolve(repo, revision) ?? throw new RegisterException($"no iteration, branch or commit called '{revision}'");
        var files = GitObjects.RiskFilesInTree(repo, commit.Tree);
        var parsed = ParsedVersions.ParseAll(repo, files.Select(f => (f.Id, f.Path)), remember: false, withoutProse: true);
        var risks = new Dictionary<string, Risk>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (parsed[(file.Version, file.Path)].Risk is { } risk)
            {
                risks[risk.Id.Identity] = risk;
            }
        }

        return risks;
    }

    private static RegisterSettings? SettingsAt(Commit commit) => GitObjects.SettingsIn(commit).Settings;

    private static IEnumerable<(string Path, ObjectId Id, bool After)> Sides(TreeEntryChanges change)
    {
        if (change.Status != LibGit2Sharp.ChangeKind.Added)
        {
            yield return (change.OldPath, change.OldOid, false);
        }

        if (change.Status != LibGit2Sharp.ChangeKind.Deleted)
        {
            yield return (change.Path, change.Oid, true);
        }
    }
}

/// <summary>Two versions of the register compared: risks and counts in <see cref="Comparison"/>, and files that could not be read on either side.</summary>
public sealed record RegisterDiff(ResolvedRevision From, ResolvedRevision To, RegisterComparison Comparison, RegisterSettings Settings, IReadOnlyList<Problem> Problems)
{
    /// <summary>The board actions and undertakings that differ, board actions first, each by number.</summary>
    public IReadOnlyList<TrackedDiff> Tracked { get; init; } = [];
}
