using System.Globalization;
using System.Text;
using Risks.Core.Board;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Files;
using Risks.Storage.Yaml;

namespace Risks.Storage.Git;

/// <summary>A board action as the work tree holds it, with the version of its file (its blob id).</summary>
public sealed record StoredBoardAction(BoardAction Action, string Path, string Version);

/// <summary>
/// The board's action log: one file per action under <c>board-actions/</c>, named by its number
/// (<c>board-actions/54.yaml</c>), each change a commit by the person who made it, as risks are.
/// </summary>
public sealed class BoardActions
{
    public const string Folder = "board-actions";

    private readonly RegisterStore _store;

    internal BoardActions(RegisterStore store) => _store = store;

    public static string PathOf(int number) => $"{Folder}/{number.ToString(CultureInfo.InvariantCulture)}.yaml";

    /// <summary>Every board action the work tree holds, by number, and the problems of the files that cannot be read (each at its line).</summary>
    public (IReadOnlyList<StoredBoardAction> Actions, IReadOnlyList<Problem> Problems) List()
    {
        _store.SettleUnfinishedWrite();
        var actions = new List<StoredBoardAction>();
        var problems = new List<Problem>();
        var folder = Path.Combine(_store.Root, Folder);
        if (!Directory.Exists(folder))
        {
            return (actions, problems);
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var path = $"{Folder}/{Path.GetFileName(file)}";
            var (bytes, refusal) = SafeFile.Read(_store.Root, path);
            if (bytes is null)
            {
                problems.Add(new Problem(path, 1, 1, refusal!));
                continue;
            }

            var (action, read) = BoardActionYaml.Read(bytes, path);
            problems.AddRange(read);
            if (action is null)
            {
                continue;
            }

            if (PathOf(action.Number) != path)
            {
                problems.Add(new Problem(path, 1, 1, $"board action {action.Number} belongs at {PathOf(action.Number)}; a board action's file is named by its number"));
                continue;
            }

            actions.Add(new StoredBoardAction(action, path, BlobId.Of(bytes)));
        }

        return ([.. actions.OrderBy(a => a.Action.Number)], problems);
    }

    /// <summary>The problems of every board action against the register's people and risks, each placed at its line.</summary>
    public IReadOnlyList<Problem> Check(IEnumerable<StoredBoardAction> actions, RegisterSettings settings, IReadOnlySet<string> riskIdentities) =>
        [.. actions.SelectMany(a => a.Action.Problems(settings, riskIdentities).Select(issue => BoardActionYaml.Locate(SafeFile.ReadIfThere(_store.Root, a.Path) ?? [], a.Path, issue)))
            .OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)];

    /// <summary>
    /// Saves a board action as one commit (<paramref name="expectedVersion"/> null for a new one),
    /// refused when its file changed since it was read, or when it breaks a rule.
    /// </summary>
    public SaveOutcome Save(BoardAction action, string? expectedVersion, string headline, string? reason, Author author, RegisterSettings settings, IReadOnlySet<string> riskIdentities, DateTimeOffset? when = null)
    {
        var problems = action.Problems(settings, riskIdentities);
        if (problems.Count > 0)
        {
            return new SaveOutcome.Invalid([.. problems.Select(p => p.Message)]);
        }

        var path = PathOf(action.Number);
        var content = Encoding.UTF8.GetBytes(BoardActionYaml.Write(action));
        var version = BlobId.Of(content);
        using var held = _store.Lock();
        var onDisk = SafeFile.ReadIfThere(_store.Root, path);
        var currentVersion = onDisk is null ? null : BlobId.Of(onDisk);
        using var repo = _store.Open();
        var head = _store.Tip(repo);
        var committed = head[path]?.Target.Sha;
        if (expectedVersion is null && currentVersion is not null)
        {
            return new SaveOutcome.Conflict($"there is already a board action {action.Number} ({path})", null, null, currentVersion);
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
}
