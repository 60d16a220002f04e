using LibGit2Sharp;
using Risks.Core.Changes;
using Risks.Core.Presentation;

namespace Risks.Storage.Git;

/// <summary>
/// What a version of the register named by a person resolves to (an iteration, a commit, or a
/// date), as the history and the comparison of iterations both take them.
/// </summary>
internal sealed class Revisions
{
    private readonly RegisterStore _store;
    private readonly RegisterIterations _iterations;

    public Revisions(RegisterStore store, RegisterIterations iterations)
    {
        _store = store;
        _iterations = iterations;
    }

    /// <summary>What <paramref name="text"/> names, as a person is told it, and its commit in <paramref name="repo"/>.</summary>
    public (ResolvedRevision Named, Commit Commit) Resolved(Repository repo, string text)
    {
        var trimmed = text.Trim();
        if (GitObjects.Resolve(repo, trimmed) is { } commit)
        {
            var iteration = RegisterIterations.IsName(trimmed) && repo.Tags[trimmed] is { } tag ? RegisterIterations.Of(tag) : null;
            var description = iteration is not null
                ? $"iteration {iteration.Name}{(iteration.Title.Length > 0 ? $" ({iteration.Title})" : "")}, for the board of {Formats.Date(iteration.BoardDate)}"
                : $"{trimmed} (commit {commit.Sha[..7]} of {Formats.Date(DateOnly.FromDateTime(commit.Committer.When.DateTime))})";
            return (new ResolvedRevision(trimmed, commit.Sha, commit.Committer.When, description, iteration), commit);
        }

        if (Formats.TryParseDate(trimmed, out var date))
        {
            var head = repo.Head.Tip ?? throw new RegisterException($"{_store.Root} has no commits yet");
            var endOfDay = new DateTimeOffset(date.ToDateTime(TimeOnly.MaxValue), _store.Clock.LocalTimeZone.GetUtcOffset(date.ToDateTime(TimeOnly.MaxValue)));
            var at = ChangeIndex.For(_store.GitDir).From(repo, head).LastOnOrBefore(endOfDay)
                ?? throw new RegisterException($"the register did not exist yet on {Formats.Date(date)}; its first commit is later");
            var found = repo.Lookup<Commit>(at);
            var description = $"the register as at the end of {Formats.Date(date)} (commit {found.Sha[..7]} of {Formats.Date(DateOnly.FromDateTime(found.Committer.When.DateTime))})";
            return (new ResolvedRevision(trimmed, found.Sha, found.Committer.When, description, null), found);
        }

        var iterations = _iterations.All();
        var names = iterations.Count == 0 ? "there are no iterations yet" : "iterations: " + string.Join(", ", iterations.TakeLast(6).Select(i => i.Name));
        throw new RegisterException($"'{trimmed}' is not an iteration, commit or date (a date is written 2025-02-28, 28 Feb 2025 or 28/02/2025); {names}");
    }
}

/// <summary>A version of the register named by a person: <see cref="Text"/> as typed, the commit it resolved to (<see cref="Sha"/>, committed at <see cref="When"/>), and how to say it.</summary>
public sealed record ResolvedRevision(string Text, string Sha, DateTimeOffset When, string Description, Iteration? Iteration)
{
    /// <summary>How the board refers to this version in movement phrases: "January 2025 report" (by the iteration's board date), or the date of a version that is not an iteration.</summary>
    public string ReportName => Iteration is { } iteration
        ? Movement.ReportName(iteration.BoardDate)
        : $"{Formats.Date(DateOnly.FromDateTime(When.DateTime))} version";
}
