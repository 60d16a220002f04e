using System.Text;
using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Yaml;

using Risks.Storage.Files;

namespace Risks.Storage.Git;

/// <summary>
/// Saving a risk: one commit touching only its file, made under the register's lock, through the
/// journal, and only if the file is still the version that was read.
/// </summary>
public sealed class RiskSaves
{
    /// <summary>The trailer naming the risk a commit changes, by which its history is found.</summary>
    public const string TrailerKey = "Risk-Id";

    private readonly RegisterStore _store;

    internal RiskSaves(RegisterStore store) => _store = store;

    private string Root => _store.Root;

    /// <summary>
    /// Saves one risk as one commit, made by <paramref name="author"/>, touching only the risk's
    /// file. <paramref name="expectedVersion"/> is the version that was read (null for a new
    /// risk); if the file is no longer that version, nothing is written and the conflict says who
    /// changed it and when. With <paramref name="settings"/>, people, objectives and categories
    /// are checked against them, and linked risks must exist unless <paramref name="requireLinkedRisks"/>
    /// is false (for entering a set of risks that link to each other).
    /// </summary>
    public SaveOutcome Save(Risk risk, string? expectedVersion, string? reason, Author author, RegisterSettings? settings = null, DateTimeOffset? when = null, bool requireLinkedRisks = true)
    {
        var path = RegisterLayout.PathOf(risk.Id);
        var problems = ProblemsOf(risk, settings, linked => !requireLinkedRisks || PathOfExisting(linked) is not null);
        if (problems.Count > 0)
        {
            return new SaveOutcome.Invalid(problems);
        }

        var content = Encoding.UTF8.GetBytes(RiskYaml.Write(risk));
        var version = BlobId.Of(content);
        using var held = _store.Lock();
        var filePath = Path.Combine(Root, path);
        var onDisk = SafeFile.ReadIfThere(Root, path);
        var currentVersion = onDisk is null ? null : BlobId.Of(onDisk);
        using var repo = _store.Open();
        var head = _store.Tip(repo);
        var committed = head[path]?.Target.Sha;

        if (SaveChecks.StillAsRead(_store, head, path, currentVersion, committed, expectedVersion) is { } changed)
        {
            return changed;
        }

        if (expectedVersion is null && PathOfExisting(risk.Id) is { } twin)
        {
            return new SaveOutcome.Conflict($"{risk.Id} is the same id as {twin} (ids that differ only in leading zeros are one id); choose another id or edit that risk", null, null, null);
        }

        if (version == committed)
        {
            SaveChecks.PutBackCommitted(_store, repo, path, content, version, currentVersion);
            return new SaveOutcome.Unchanged();
        }

        var (headline, changes) = ChangesTo(repo, path, committed, risk, settings);
        var message = Message(headline, reason, changes, risk.Id);
        var commit = _store.CommitFiles([(path, content)], message, author, when);
        ParsedVersions.Remember(version, path, new RiskFile(risk, []));
        return new SaveOutcome.Saved(commit, version, headline, changes);
    }

    /// <summary>
    /// Saves several risks as one commit, all or nothing: each must be valid and its file still
    /// the version given for it (else nothing is written: the outcome is the first conflict or
    /// every problem, each prefixed by its risk's id). Risks already as given are left out; when
    /// all are, nothing is committed. The message names each risk's change and has a trailer per risk.
    /// </summary>
    public SaveOutcome SaveAll(IReadOnlyList<(Risk Risk, string Version)> risks, string reason, Author author, RegisterSettings? settings = null, DateTimeOffset? when = null)
    {
        var problems = new List<string>();
        foreach (var (risk, _) in risks)
        {
            // A link to another risk saved in the same commit is to a risk that will be there.
            var issues = ProblemsOf(risk, settings, linked => risks.Any(r => r.Risk.Id.Identity == linked.Identity) || PathOfExisting(linked) is not null);
            problems.AddRange(issues.Select(i => $"{risk.Id}: {i}"));
        }

        if (problems.Count > 0)
        {
            return new SaveOutcome.Invalid(problems);
        }

        using var held = _store.Lock();
        using var repo = _store.Open();
        var head = _store.Tip(repo);
        var files = new List<(string Path, byte[] Content)>();
        var lines = new List<string>();
        foreach (var (risk, expected) in risks)
        {
            var path = RegisterLayout.PathOf(risk.Id);
            var onDisk = SafeFile.ReadIfThere(Root, path);
            var committed = head[path]?.Target.Sha;
            if (SaveChecks.StillAsRead(_store, head, path, onDisk is null ? null : BlobId.Of(onDisk), committed, expected) is { } changed)
            {
                return changed;
            }

            var content = Encoding.UTF8.GetBytes(RiskYaml.Write(risk));
            if (BlobId.Of(content) == committed)
            {
                continue;
            }

            lines.Add(ChangesTo(repo, path, committed, risk, settings).Headline);
            files.Add((path, content));
        }

        if (files.Count == 0)
        {
            return new SaveOutcome.Unchanged();
        }

        var ids = files.Select(f => RegisterLayout.Parse(f.Path)!.Value.Id.Value).ToList();
        var headline = files.Count == 1 ? lines[0] : $"{files.Count} risks changed: {string.Join(", ", ids)}";
        var message = new StringBuilder(headline).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(reason))
        {
            message.Append(reason.Trim()).Append("\n\n");
        }

        if (files.Count > 1)
        {
            lines.ForEach(l => message.Append("- ").Append(l).Append('\n'));
            message.Append('\n');
        }

        ids.ForEach(id => message.Append(TrailerKey).Append(": ").Append(id).Append('\n'));

        var commit = _store.CommitFiles(files, message.ToString(), author, when);
        foreach (var (path, content) in files)
        {
            ParsedVersions.Remember(BlobId.Of(content), path, new RiskFile(risks.First(r => RegisterLayout.PathOf(r.Risk.Id) == path).Risk, []));
        }

        return new SaveOutcome.Saved(commit, "", headline, []);
    }

    /// <summary>
    /// The risk's own problems and, with <paramref name="settings"/>, those against the register
    /// (people, objectives, categories, links): a risk it links to or was merged into counts as
    /// there when it is this risk or <paramref name="isThere"/> says so.
    /// </summary>
    private static List<string> ProblemsOf(Risk risk, RegisterSettings? settings, Func<RiskId, bool> isThere)
    {
        var problems = RiskValidator.Validate(risk).Select(i => i.Message).ToList();
        if (settings is not null)
        {
            var known = risk.LinkedRisks.Append(risk.Closure?.MergedInto ?? "").Append(risk.Id.Value)
                .Where(id => RiskId.TryParse(id, out var parsed) && (parsed == risk.Id || isThere(parsed)))
                .Select(id => RiskId.Parse(id).Identity)
                .ToHashSet();
            problems.AddRange(RegisterValidator.CrossCheck(risk, settings, known).Select(i => i.Message));
        }

        return problems;
    }

    /// <summary>The headline and the changes field by field from the committed version of <paramref name="path"/> (none: a new risk) to <paramref name="risk"/>.</summary>
    private static (string Headline, IReadOnlyList<FieldChange> Changes) ChangesTo(LibGit2Sharp.Repository repo, string path, string? committed, Risk risk, RegisterSettings? settings)
    {
        var before = committed is null ? null : ParsedVersions.Parse(((LibGit2Sharp.Blob)repo.Lookup(committed)).GetContentStream(), path, committed).Risk;
        IReadOnlyList<FieldChange> changes = committed is not null && before is null
            ? [new FieldChange("", ChangeKind.Changed, null, null, "repaired (the committed version could not be read)") { Label = "file" }]
            : RiskComparer.Compare(before, risk, settings);
        return (ChangeSummary.Headline(before, risk, changes), changes);
    }

    /// <summary>The commit message: the headline, the reason, the changes field by field, and a trailer naming the risk.</summary>
    public static string Message(string headline, string? reason, IReadOnlyList<FieldChange> changes, RiskId id)
    {
        var text = new StringBuilder(headline).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(reason))
        {
            text.Append(reason.Trim()).Append("\n\n");
        }

        if (changes.Count > 1 || (changes.Count == 1 && !headline.EndsWith(changes[0].Description, StringComparison.Ordinal)))
        {
            foreach (var change in changes)
            {
                text.Append("- ").Append(change.Description).Append('\n');
            }

            text.Append('\n');
        }

        return text.Append(TrailerKey).Append(": ").Append(id.Value).Append('\n').ToString();
    }

    /// <summary>The path of the risk file holding <paramref name="id"/> or an id that differs only in leading zeros, if any.</summary>
    private string? PathOfExisting(RiskId id)
    {
        var path = RegisterLayout.PathOf(id);
        var folder = Path.GetDirectoryName(Path.Combine(Root, path))!;
        if (!Directory.Exists(folder))
        {
            return null;
        }

        return Directory.EnumerateFiles(folder, "*.yaml")
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .FirstOrDefault(f => RegisterLayout.Parse(f)?.Id.Identity == id.Identity);
    }
}
