using LibGit2Sharp;
using Risks.Core.Access;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Yaml;

namespace Risks.Storage.Git;

/// <summary>One reason a push is refused: the commit or ref, where, and why in words.</summary>
public sealed record PushRefusal(string What, string Where, string Reason)
{
    public override string ToString() => $"refused {What}: {Where}: {Reason}";
}

/// <summary>
/// The check a Git server's hook makes of a push, so that the register's rules hold on a central
/// server too: every new commit must read, validate and be allowed its author by their role;
/// history may not be rewritten; iterations are cut by governance leads only.
/// </summary>
public static class PushCheck
{
    private const string NoCommit = "0000000000000000000000000000000000000000";

    /// <summary>
    /// What a Git server refuses in an update of <paramref name="refName"/> from <paramref name="oldSha"/>
    /// to <paramref name="newSha"/>, so that the register's rules hold on a central server too:
    /// every new commit's files must read and validate as <c>risks check</c> would, and its author
    /// (matched to register.yaml's people by email, as of the commit before it) must be allowed each
    /// change by their role; the branch may not be deleted or rewritten; iterations (tags) are cut,
    /// moved and removed by governance leads only. When the server knows who is pushing
    /// (<paramref name="pusher"/>, a login), commits made by someone else are refused unless the
    /// pusher is a governance lead. Works in a bare repository; reads only commits.
    /// </summary>
    public static IReadOnlyList<PushRefusal> Check(string gitDir, string refName, string oldSha, string newSha, string? pusher, DateOnly? today = null)
    {
        using var repo = new Repository(gitDir);
        var refusals = new List<PushRefusal>();
        if (refName.StartsWith("refs/tags/", StringComparison.Ordinal))
        {
            CheckIteration(repo, refName, oldSha, newSha, pusher, refusals);
            return refusals;
        }

        if (!refName.StartsWith("refs/heads/", StringComparison.Ordinal))
        {
            refusals.Add(new PushRefusal(refName, refName, "only branches and iterations (tags) are kept on the register's server"));
            return refusals;
        }

        if (newSha == NoCommit)
        {
            refusals.Add(new PushRefusal(refName, refName, "deleting the branch is refused: its history is the register's audit trail"));
            return refusals;
        }

        if (repo.Lookup<Commit>(newSha) is not { } tip)
        {
            refusals.Add(new PushRefusal(newSha[..Math.Min(7, newSha.Length)], refName, "the pushed commit is not in the repository"));
            return refusals;
        }

        if (oldSha != NoCommit && repo.Lookup<Commit>(oldSha) is { } old && !IsAncestorOf(repo, old, tip))
        {
            refusals.Add(new PushRefusal(refName, refName, $"a forced push would rewrite history ({old.Sha[..7]} is not in the new history); the register's history is its audit trail: fetch, sync and push again"));
            return refusals;
        }

        var existing = repo.Refs.Where(r => r.CanonicalName != refName || oldSha != NoCommit)
            .Select(r => r.ResolveToDirectReference()?.Target)
            .OfType<Commit>()
            .ToList();
        var fresh = repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = tip, ExcludeReachableFrom = existing, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse }).ToList();
        foreach (var commit in fresh)
        {
            CheckCommit(repo, commit, pusher, refusals);
        }

        if (refusals.Count == 0 && today is { } day)
        {
            CheckBafRules(repo, oldSha == NoCommit ? null : repo.Lookup<Commit>(oldSha), tip, day, refusals);
        }

        return refusals;
    }

    /// <summary>
    /// When the register asks for it (<c>baf_check: on_push: true</c> in the pushed register.yaml):
    /// the BAF rules whose severity is error, as <c>risks check --baf</c> runs them on the pushed
    /// tip. Only breaches the branch did not already have are refused, so a register with overdue
    /// reviews can still take the push that mends one of them.
    /// </summary>
    private static void CheckBafRules(Repository repo, Commit? old, Commit tip, DateOnly today, List<PushRefusal> refusals)
    {
        if (GitObjects.SettingsIn(tip).Settings is not { BafCheck.OnPush: true } settings)
        {
            return;
        }

        var before = old is null ? [] : Breaches(repo, old, settings, today).Select(f => (f.Rule, f.Risk.Identity, f.Message)).ToHashSet();
        foreach (var finding in Breaches(repo, tip, settings, today).Where(f => f.Severity == RuleSeverity.Error && !before.Contains((f.Rule, f.Risk.Identity, f.Message))))
        {
            refusals.Add(new PushRefusal($"{tip.Sha[..7]} \"{tip.MessageShort}\"", RegisterLayout.PathOf(finding.Risk), $"breaks BAF rule {finding.Rule}: {finding.Message}"));
        }
    }

    private static IReadOnlyList<Finding> Breaches(Repository repo, Commit commit, RegisterSettings settings, DateOnly today) =>
        BafCheck.Run(GitObjects.RiskFilesInTree(repo, commit.Tree).Select(f => ParsedVersions.ParseAt(repo, f.Id, f.Path).Risk).OfType<Risk>(), settings, today);

    /// <summary>The commits in <c>A..B</c> (or from the root to <c>B</c>), checked as a push of them would be: for checking a history by hand.</summary>
    public static IReadOnlyList<PushRefusal> CheckRange(string gitDir, string? from, string to, string? pusher)
    {
        using var repo = new Repository(gitDir);
        var tip = GitObjects.Resolve(repo, to) ?? throw new RegisterException($"no commit called '{to}'");
        var since = from is null ? null : GitObjects.Resolve(repo, from) ?? throw new RegisterException($"no commit called '{from}'");
        var commits = repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = tip, ExcludeReachableFrom = since, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse }).ToList();
        var refusals = new List<PushRefusal>();
        foreach (var commit in commits)
        {
            CheckCommit(repo, commit, pusher, refusals);
        }

        return refusals;
    }

    private static bool IsAncestorOf(Repository repo, Commit ancestor, Commit descendant) =>
        repo.ObjectDatabase.FindMergeBase(ancestor, descendant)?.Sha == ancestor.Sha;

    private static void CheckCommit(Repository repo, Commit commit, string? pusher, List<PushRefusal> refusals)
    {
        var what = $"{commit.Sha[..7]} \"{commit.MessageShort}\"";
        void Refuse(string where, string reason) => refusals.Add(new PushRefusal(what, where, reason));

        var parent = commit.Parents.FirstOrDefault();
        var (after, afterProblems) = GitObjects.SettingsIn(commit);
        if (after is null)
        {
            Refuse(SettingsYaml.FileName, afterProblems.Count > 0 ? afterProblems[0].ToString() : $"{SettingsYaml.FileName} is missing");
            return;
        }

        // Roles are judged by register.yaml before the commit; a new register's first commit by its own.
        var before = parent is null ? after : GitObjects.SettingsIn(parent).Settings;
        if (before is null)
        {
            Refuse(SettingsYaml.FileName, "register.yaml before this commit cannot be read, so nobody's role is known");
            return;
        }

        var email = commit.Author.Email ?? "";
        // A person with no email in register.yaml commits as login@host (see Author.Of).
        var person = before.People.FirstOrDefault(p => p.Email is { } known
            ? string.Equals(known, email, StringComparison.OrdinalIgnoreCase)
            : email.StartsWith(p.Login + "@", StringComparison.Ordinal));
        if (person is null)
        {
            Refuse("author", $"{commit.Author.Name} <{email}> is not among register.yaml's people (matched by email), so may write nothing");
            return;
        }

        if (pusher is not null && !string.Equals(pusher, person.Login, StringComparison.Ordinal) && before.FindPerson(pusher)?.Role != Role.GovernanceLead)
        {
            Refuse("author", $"made by {person.Name} ({person.Login}) but pushed by '{pusher}': only a governance lead may push commits made by someone else");
            return;
        }

        var access = Access.For(before, person.Login);
        if (parent is null && person.Role != Role.GovernanceLead)
        {
            Refuse(SettingsYaml.FileName, $"a new register's first commit must be made by one of its governance leads; {person.Name} is not");
        }

        var knownIds = GitObjects.RiskFilesInTree(repo, commit.Tree).Select(f => RegisterLayout.Parse(f.Path)?.Id.Identity).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var path in ChangedPaths(repo, commit))
        {
            if (path == SettingsYaml.FileName)
            {
                if (afterProblems.Count > 0)
                {
                    Refuse(path, afterProblems[0].ToString());
                }
                else if (parent is not null && access.ChangeSettings() is { Allowed: false } settingsRefused)
                {
                    Refuse(path, settingsRefused.Reason);
                }

                continue;
            }

            if (TrackedKinds.BoardActions.Holds(path) && parent is not null && access.Role != Role.GovernanceLead)
            {
                // A board action's leads may add its updates and mark it in progress, as the program lets them; nothing else.
                var kind = TrackedKinds.BoardActions;
                if (TrackedIn(kind, parent, path) is not { } logged || TrackedIn(kind, commit, path) is not { } updated
                    || access.UpdateTracked(logged, kind.Noun) is { Allowed: false }
                    || !updated.IsOpen
                    || kind.Write(updated with { Updates = logged.Updates, Status = logged.Status }) != kind.Write(logged))
                {
                    Refuse(path, $"only governance leads may add, change or close board actions; a board action's leads may add updates to it; {person.Name} is a {Vocabulary.Phrase(person.Role)}");
                }

                continue;
            }

            if (TrackedKinds.Undertakings.Holds(path) && parent is not null && access.Role != Role.GovernanceLead)
            {
                // An undertaking's leads may mark its milestones met and add evidence, as the program lets them; nothing else.
                var kind = TrackedKinds.Undertakings;
                if (TrackedIn(kind, parent, path) is not { } given || TrackedIn(kind, commit, path) is not { } updated
                    || access.UpdateTracked(given, kind.Noun) is { Allowed: false }
                    || updated.Milestones.Count != given.Milestones.Count
                    || !updated.Evidence.Take(given.Evidence.Count).SequenceEqual(given.Evidence)
                    || kind.Write(updated with { Evidence = given.Evidence, Milestones = [.. updated.Milestones.Select((m, i) => m with { Met = given.Milestones[i].Met })] }) != kind.Write(given))
                {
                    Refuse(path, $"only governance leads may add, change or close undertakings; an undertaking's leads may mark its milestones met and add evidence; {person.Name} is a {Vocabulary.Phrase(person.Role)}");
                }

                continue;
            }

            if (!path.StartsWith(RegisterLayout.RisksFolder + "/", StringComparison.Ordinal))
            {
                // Other files (a README, .gitattributes) are the register's too: reviewers write nothing, owners only their risks.
                if (parent is not null && access.Role != Role.GovernanceLead)
                {
                    Refuse(path, $"only governance leads may change files other than risks and register.yaml; {person.Name} is a {Vocabulary.Phrase(person.Role)}");
                }

                continue;
            }

            var place = RegisterLayout.Parse(path);
            if (!RegisterLayout.IsRiskFile(path) || place is null || !place.Value.InPlace)
            {
                Refuse(path, place is { InPlace: false } ? $"{place.Value.Id} belongs at {RegisterLayout.PathOf(place.Value.Id)}" : $"only risk files belong in {RegisterLayout.RisksFolder}/: {RiskId.Rules}");
                continue;
            }

            var was = parent is null ? null : RiskIn(parent, path);
            if (commit[path] is not { TargetType: TreeEntryTargetType.Blob } entry)
            {
                if (access.Role != Role.GovernanceLead)
                {
                    Refuse(path, "only governance leads may remove a risk's file (close the risk instead)");
                }

                continue;
            }

            var read = ParsedVersions.Parse(GitObjects.BytesOf((Blob)entry.Target), path, entry.Target.Sha);
            if (read.Risk is not { } risk)
            {
                Refuse(path, read.Problems.Count > 0 ? read.Problems[0].ToString() : "cannot be read");
                continue;
            }

            // Risks that link to each other are entered one at a time, so a link may name a risk still to come.
            var known = knownIds.Concat(risk.LinkedRisks.Append(risk.Closure?.MergedInto ?? "").Where(l => RiskId.TryParse(l, out _)).Select(l => RiskId.Parse(l).Identity)).ToHashSet(StringComparer.Ordinal);
            if (RegisterValidator.CrossCheck(risk, after, known) is { Count: > 0 } issues)
            {
                Refuse(path, issues[0].Message);
                continue;
            }

            if (access.Save(was, risk) is { Allowed: false } refused)
            {
                Refuse(path, refused.Reason);
            }
        }
    }

    private static void CheckIteration(Repository repo, string refName, string oldSha, string newSha, string? pusher, List<PushRefusal> refusals)
    {
        var name = refName["refs/tags/".Length..];
        var what = $"iteration {name}";
        var target = GitObjects.Resolve(repo, newSha == NoCommit ? "HEAD" : newSha);
        var settings = target is null ? null : GitObjects.SettingsIn(target).Settings;
        if (settings is null)
        {
            refusals.Add(new PushRefusal(what, refName, "the register.yaml it would be judged by cannot be read"));
            return;
        }

        var tagger = newSha == NoCommit ? null : repo.Lookup(newSha) as TagAnnotation;
        var by = pusher is not null
            ? settings.FindPerson(pusher)
            : tagger?.Tagger is { } signature ? settings.People.FirstOrDefault(p => string.Equals(p.Email, signature.Email, StringComparison.OrdinalIgnoreCase)) : null;
        if (by?.Role == Role.GovernanceLead)
        {
            return;
        }

        var doing = newSha == NoCommit ? "removing" : oldSha == NoCommit ? "cutting" : "moving";
        var who = by is not null ? $"{by.Name} is a {Vocabulary.Phrase(by.Role)}"
            : pusher is not null ? $"'{pusher}' is not among register.yaml's people"
            : tagger is null ? "who did it cannot be told (an iteration is an annotated tag naming who cut it)"
            : $"{tagger.Tagger.Name} <{tagger.Tagger.Email}> is not among register.yaml's people";
        refusals.Add(new PushRefusal(what, refName, $"only governance leads may cut, move or remove iterations ({doing} it); {who}"));
    }

    private static T? TrackedIn<T>(TrackedKind<T> kind, Commit commit, string path)
        where T : class, Core.Board.ITrackedItem =>
        commit[path] is { TargetType: TreeEntryTargetType.Blob } entry ? kind.ReadFile(GitObjects.BytesOf((Blob)entry.Target), path).Item : null;

    private static Risk? RiskIn(Commit commit, string path) =>
        commit[path] is { TargetType: TreeEntryTargetType.Blob } entry ? ParsedVersions.Parse(GitObjects.BytesOf((Blob)entry.Target), path, entry.Target.Sha).Risk : null;

    /// <summary>The paths a commit changes: from its parent, or for a merge those that differ from every parent (the merge's own doing).</summary>
    private static IEnumerable<string> ChangedPaths(Repository repo, Commit commit)
    {
        var parents = commit.Parents.ToList();
        if (parents.Count == 0)
        {
            return repo.Diff.Compare<TreeChanges>(null, commit.Tree).Select(c => c.Path).ToList();
        }

        IEnumerable<string> paths = repo.Diff.Compare<TreeChanges>(parents[0].Tree, commit.Tree).Select(c => c.Path).ToList();
        foreach (var other in parents.Skip(1))
        {
            paths = paths.Intersect(repo.Diff.Compare<TreeChanges>(other.Tree, commit.Tree).Select(c => c.Path));
        }

        return paths.ToList();
    }
}
