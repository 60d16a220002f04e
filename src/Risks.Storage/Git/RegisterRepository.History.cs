using LibGit2Sharp;
using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Validation;
using Risks.Storage.Yaml;

namespace Risks.Storage.Git;

/// <summary>
/// The register's past, read from Git: a risk's history, who last changed each of its fields,
/// what changed between two versions of the register, and the scores at past iterations. Every
/// answer comes from the change index (one walk of the commits, kept between runs) and parsed
/// file versions (each parsed once), never from path-filtered log or line blame, which take
/// minutes on a large register.
/// </summary>
public sealed partial class RegisterRepository
{
    /// <summary>
    /// Every commit reachable from <paramref name="revision"/> (HEAD by default) that changed the
    /// risk's file (under any spelling of its id), newest first, each with the risk before and
    /// after and the changes field by field. Commits made outside the program are included and
    /// compared in the same way; a version that cannot be read is listed with its problems.
    /// </summary>
    public IReadOnlyList<RiskVersion> History(RiskId id, RegisterSettings? settings = null, string revision = "HEAD")
    {
        using var repo = new Repository(Root);
        var head = Resolved(repo, revision).Commit;
        var versions = new List<RiskVersion>();
        foreach (var (indexed, change) in ChangeIndex.For(GitDir).From(repo, head).Touching(id.Identity))
        {
            var path = change.Path;
            var commit = repo.Lookup<Commit>(indexed.Id);
            var before = change.Before is null ? null : ParseAt(repo, change.Before, path);
            var after = change.After is null ? null : ParseAt(repo, change.After, path);
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
        var history = History(id, settings);
        var versions = history
            .Where(v => v.After is not null || v.AfterVersion is null)
            .Reverse()
            .Select(v => (v.Revision, v.After))
            .ToList();
        return versions.Count == 0 || versions[^1].After is null ? [] : FieldBlame.Of(versions, settings);
    }

    /// <summary>The Git patch of <paramref name="path"/> in <paramref name="commit"/>, against its first parent, as <c>git show</c> prints it.</summary>
    public string Patch(string commit, string path)
    {
        using var repo = new Repository(Root);
        var found = repo.Lookup<Commit>(commit) ?? throw new RegisterException($"no commit {commit}");
        var parent = found.Parents.FirstOrDefault();
        using var patch = repo.Diff.Compare<Patch>(parent?.Tree, found.Tree, [path]);
        return patch.Content;
    }

    /// <summary>
    /// What <paramref name="text"/> names: an iteration (tag), <c>HEAD</c>, a branch or commit
    /// (as Git resolves them, <c>HEAD~3</c> too), or a date (2025-02-28, 28 Feb 2025, 28/02/2025:
    /// the register as it stood at the end of that day).
    /// </summary>
    public ResolvedRevision ResolveRevision(string text)
    {
        using var repo = new Repository(Root);
        return Resolved(repo, text).Named;
    }

    /// <summary>Whether commit <paramref name="ancestor"/> is an ancestor of commit <paramref name="descendant"/> (not the same commit).</summary>
    public bool IsAncestor(string ancestor, string descendant)
    {
        if (string.Equals(ancestor, descendant, StringComparison.Ordinal))
        {
            return false;
        }

        using var repo = new Repository(Root);
        var older = repo.Lookup<Commit>(ancestor);
        var newer = repo.Lookup<Commit>(descendant);
        return older is not null && newer is not null && repo.ObjectDatabase.FindMergeBase(older, newer)?.Sha == older.Sha;
    }

    /// <summary>What changed between two versions of the register, risk by risk and field by field.</summary>
    public RegisterDiff Compare(string from, string to)
    {
        using var repo = new Repository(Root);
        var (a, older) = Resolved(repo, from);
        var (b, newer) = Resolved(repo, to);
        var settings = SettingsAt(newer) ?? SettingsAt(older) ?? new RegisterSettings();

        var pairs = new Dictionary<string, (Risk? Before, Risk? After)>(StringComparer.Ordinal);
        var problems = new List<Problem>();
        var changedPaths = new HashSet<string>(StringComparer.Ordinal);
        var sides = new List<(string Path, ObjectId Id, bool After)>();
        using (var diff = repo.Diff.Compare<TreeChanges>(older.Tree, newer.Tree, [RegisterLayout.RisksFolder + "/"], new CompareOptions { Similarity = SimilarityOptions.None }))
        {
            sides.AddRange(diff.SelectMany(Sides).Where(side => RegisterLayout.IsRiskFile(side.Path)));
        }

        var parsed = ParseAll(repo, sides.Select(side => (side.Id, side.Path)));
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

        var unchanged = RiskFilesInTree(newer.Tree)
            .Where(f => !changedPaths.Contains(f.Path))
            .Select(f => RegisterLayout.Parse(f.Path))
            .OfType<(RiskId Id, bool InPlace)>()
            .Select(p => p.Id)
            .ToList();
        var comparison = RegisterComparison.Of(pairs.Values, unchanged, settings);
        return new RegisterDiff(a, b, comparison, settings, problems);
    }

    /// <summary>
    /// Each risk's current score at each of <paramref name="iterations"/> (in the order given;
    /// null where the risk was not in that iteration, had no score, or could not be read), keyed
    /// by the risk's identity. Reads the last iteration whole and the others as changes from the
    /// next, so each extra iteration costs only the files changed between them.
    /// </summary>
    public IReadOnlyDictionary<string, int?[]> ScoresAt(IReadOnlyList<Iteration> iterations)
    {
        var trail = new Dictionary<string, int?[]>(StringComparer.Ordinal);
        if (iterations.Count == 0)
        {
            return trail;
        }

        using var repo = new Repository(Root);
        var commits = iterations.Select(i => repo.Lookup<Commit>(i.Commit)).ToList();
        var scores = new Dictionary<string, (string Identity, int? Score)>(StringComparer.Ordinal);
        var latest = RiskFilesInTree(commits[^1].Tree);
        var parsed = ParseAll(repo, latest.Select(f => (f.Id, f.Path)));
        foreach (var file in latest)
        {
            if (parsed[(file.Version, file.Path)].Risk is { } risk)
            {
                scores[file.Path] = (risk.Id.Identity, risk.Current?.Value);
            }
        }

        for (var k = commits.Count - 1; k >= 0; k--)
        {
            if (k < commits.Count - 1)
            {
                using var diff = repo.Diff.Compare<TreeChanges>(commits[k + 1].Tree, commits[k].Tree, [RegisterLayout.RisksFolder + "/"], new CompareOptions { Similarity = SimilarityOptions.None });
                var changes = diff.ToList();
                var now = changes.Where(c => c.Status != LibGit2Sharp.ChangeKind.Deleted && RegisterLayout.IsRiskFile(c.Path)).ToList();
                parsed = ParseAll(repo, now.Select(c => (c.Oid, c.Path)));
                foreach (var change in changes)
                {
                    scores.Remove(change.OldPath);
                }

                foreach (var change in now)
                {
                    if (parsed[(change.Oid.Sha, change.Path)].Risk is { } risk)
                    {
                        scores[change.Path] = (risk.Id.Identity, risk.Current?.Value);
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

    /// <summary>What <paramref name="text"/> names, as a person is told it, and its commit in <paramref name="repo"/>.</summary>
    private (ResolvedRevision Named, Commit Commit) Resolved(Repository repo, string text)
    {
        var trimmed = text.Trim();
        if (Resolve(repo, trimmed) is { } commit)
        {
            var iteration = IsIterationName(trimmed) && repo.Tags[trimmed] is { } tag ? IterationOf(tag) : null;
            var description = iteration is not null
                ? $"iteration {iteration.Name}{(iteration.Title.Length > 0 ? $" ({iteration.Title})" : "")}, for the board of {Formats.Date(iteration.BoardDate)}"
                : $"{trimmed} (commit {commit.Sha[..7]} of {Formats.Date(DateOnly.FromDateTime(commit.Committer.When.DateTime))})";
            return (new ResolvedRevision(trimmed, commit.Sha, commit.Committer.When, description, iteration), commit);
        }

        if (Formats.TryParseDate(trimmed, out var date))
        {
            var head = repo.Head.Tip ?? throw new RegisterException($"{Root} has no commits yet");
            var endOfDay = new DateTimeOffset(date.ToDateTime(TimeOnly.MaxValue), _clock.LocalTimeZone.GetUtcOffset(date.ToDateTime(TimeOnly.MaxValue)));
            var at = ChangeIndex.For(GitDir).From(repo, head).LastOnOrBefore(endOfDay)
                ?? throw new RegisterException($"the register did not exist yet on {Formats.Date(date)}; its first commit is later");
            var found = repo.Lookup<Commit>(at);
            var description = $"the register as at the end of {Formats.Date(date)} (commit {found.Sha[..7]} of {Formats.Date(DateOnly.FromDateTime(found.Committer.When.DateTime))})";
            return (new ResolvedRevision(trimmed, found.Sha, found.Committer.When, description, null), found);
        }

        var iterations = Iterations();
        var names = iterations.Count == 0 ? "there are no iterations yet" : "iterations: " + string.Join(", ", iterations.TakeLast(6).Select(i => i.Name));
        throw new RegisterException($"'{trimmed}' is not an iteration, commit or date (a date is written 2025-02-28, 28 Feb 2025 or 28/02/2025); {names}");
    }

    private static RegisterSettings? SettingsAt(Commit commit) => SettingsIn(commit).Settings;

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

    /// <summary>
    /// Versions of risk files, each parsed once per process: those not yet parsed are read from
    /// the object database on this thread (a repository handle is not shared across threads) and
    /// parsed in parallel.
    /// </summary>
    private static Dictionary<(string Version, string Path), RiskFile> ParseAll(Repository repo, IEnumerable<(ObjectId Id, string Path)> wanted)
    {
        var found = new Dictionary<(string Version, string Path), RiskFile>();
        var unread = new List<(string Version, string Path, byte[] Bytes)>();
        foreach (var (id, path) in wanted)
        {
            var key = (id.Sha, path);
            if (found.ContainsKey(key))
            {
                continue;
            }

            if (ParsedByVersion.TryGetValue(key, out var cached))
            {
                found[key] = cached;
            }
            else
            {
                found[key] = new RiskFile(null, []);
                unread.Add((id.Sha, path, BytesOf(repo.Lookup<Blob>(id))));
            }
        }

        var results = new RiskFile[unread.Count];
        Parallel.For(0, unread.Count, new ParallelOptions { MaxDegreeOfParallelism = unread.Count > 50 ? Environment.ProcessorCount : 1 }, i =>
            results[i] = Parse(unread[i].Bytes, unread[i].Path, unread[i].Version));
        for (var i = 0; i < unread.Count; i++)
        {
            found[(unread[i].Version, unread[i].Path)] = results[i];
        }

        return found;
    }

    /// <summary>One version of a risk file, parsed once per process whatever asks for it.</summary>
    private static RiskFile ParseAt(Repository repo, ObjectId id, string path) =>
        ParsedByVersion.TryGetValue((id.Sha, path), out var cached) ? cached : Parse(BytesOf(repo.Lookup<Blob>(id)), path, id.Sha);

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

/// <summary>A version of the register named by a person: <see cref="Text"/> as typed, the commit it resolved to (<see cref="Sha"/>, committed at <see cref="When"/>), and how to say it.</summary>
public sealed record ResolvedRevision(string Text, string Sha, DateTimeOffset When, string Description, Iteration? Iteration)
{
    /// <summary>How the board refers to this version in movement phrases: "January 2025 report" (by the iteration's board date), or the date of a version that is not an iteration.</summary>
    public string ReportName => Iteration is { } iteration
        ? Movement.ReportName(iteration.BoardDate)
        : $"{Formats.Date(DateOnly.FromDateTime(When.DateTime))} version";
}

/// <summary>Two versions of the register compared: risks and counts in <see cref="Comparison"/>, and files that could not be read on either side.</summary>
public sealed record RegisterDiff(ResolvedRevision From, ResolvedRevision To, RegisterComparison Comparison, RegisterSettings Settings, IReadOnlyList<Problem> Problems);

/// <summary>A commit message as the program writes it: headline, reason, the changes listed, and trailers.</summary>
internal sealed record CommitMessage(string Headline, string? Reason, IReadOnlyList<string> RiskIds)
{
    public bool Names(RiskId id) => RiskIds.Any(r => RiskId.TryParse(r, out var named) && named.Identity == id.Identity);

    /// <summary>
    /// Splits a message: the first line is the headline; a last paragraph of <c>Key: value</c>
    /// lines is trailers; in the program's own messages a paragraph of <c>- </c> lines lists the
    /// changes (which are worked out from the files instead); what remains is the reason.
    /// </summary>
    public static CommitMessage Parse(string message)
    {
        var paragraphs = message.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n")
            .Select(p => p.Trim('\n'))
            .Where(p => p.Trim().Length > 0)
            .ToList();
        if (paragraphs.Count == 0)
        {
            return new CommitMessage("", null, []);
        }

        var lines = paragraphs[0].Split('\n');
        var headline = lines[0].Trim();
        var rest = new List<string>();
        if (lines.Length > 1)
        {
            rest.Add(string.Join('\n', lines.Skip(1)));
        }

        rest.AddRange(paragraphs.Skip(1));
        var ids = new List<string>();
        if (rest.Count > 0 && rest[^1].Split('\n').All(IsTrailer))
        {
            ids.AddRange(rest[^1].Split('\n')
                .Where(l => l.StartsWith(RegisterRepository.TrailerKey + ":", StringComparison.OrdinalIgnoreCase))
                .Select(l => l[(RegisterRepository.TrailerKey.Length + 1)..].Trim()));
            rest.RemoveAt(rest.Count - 1);
        }

        if (ids.Count > 0)
        {
            rest.RemoveAll(p => p.Split('\n').All(l => l.StartsWith("- ", StringComparison.Ordinal)));
        }

        var reason = string.Join("\n\n", rest).Trim();
        return new CommitMessage(headline, reason.Length > 0 ? reason : null, ids);
    }

    private static bool IsTrailer(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && line[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }
}
