using System.Text;
using LibGit2Sharp;
using Risks.Core.Domain;
using Risks.Core.Settings;
using Risks.Core.Validation;
using Risks.Storage.Yaml;

using Risks.Storage.Files;

namespace Risks.Storage.Git;

/// <summary>register.yaml as read, with the version (blob id) a save checks it is still.</summary>
public sealed record StoredSettings(RegisterSettings Settings, string Version, bool Canonical);

/// <summary>
/// register.yaml for the Settings screen: read with its version, and saved as one commit touching
/// only that file, under the register's lock and only if the file is still the version that was read.
/// </summary>
public sealed class SettingsFile
{
    private readonly RegisterStore _store;

    internal SettingsFile(RegisterStore store) => _store = store;

    private string Root => _store.Root;

    /// <summary>
    /// register.yaml as the work tree holds it, with its version; null settings (and the problems)
    /// when it cannot be read. <see cref="StoredSettings.Canonical"/> is false when saving would
    /// lay the file out afresh (a file written by hand, with comments, say).
    /// </summary>
    public (StoredSettings? Stored, IReadOnlyList<Problem> Problems) Read()
    {
        var (bytes, refusal) = SafeFile.Read(Root, SettingsYaml.FileName);
        if (bytes is null)
        {
            return (null, [new Problem(SettingsYaml.FileName, 1, 1, refusal!)]);
        }

        var (settings, problems) = SettingsYaml.Read(bytes);
        if (settings is null)
        {
            return (null, problems);
        }

        var canonical = Encoding.UTF8.GetBytes(SettingsYaml.Write(settings)).AsSpan().SequenceEqual(bytes);
        return (new StoredSettings(settings, BlobId.Of(bytes), canonical), problems);
    }

    /// <summary>
    /// Saves register.yaml as one commit by <paramref name="author"/> touching only that file, if
    /// it is still <paramref name="expectedVersion"/> (else nothing is written and the conflict
    /// says who changed it and when). The message is the change in the board's words, the reason,
    /// and each change. Whether the person may, and whether the register's risks still fit the
    /// new settings, is for the caller to judge first.
    /// </summary>
    public SaveOutcome Save(RegisterSettings settings, string expectedVersion, string? reason, Author author, DateTimeOffset? when = null)
    {
        var problems = SettingsValidator.Validate(settings).Select(i => i.Message).ToList();
        if (problems.Count > 0)
        {
            return new SaveOutcome.Invalid(problems);
        }

        var content = Encoding.UTF8.GetBytes(SettingsYaml.Write(settings));
        var version = BlobId.Of(content);
        using var held = _store.Lock();
        var path = SettingsYaml.FileName;
        var onDisk = SafeFile.ReadAllBytes(Root, path);
        var currentVersion = BlobId.Of(onDisk);
        using var repo = _store.Open();
        var head = _store.Tip(repo);
        var committed = head[path]?.Target.Sha;
        if (SaveChecks.StillAsRead(_store, head, path, currentVersion, committed, expectedVersion) is { } changed)
        {
            return changed;
        }

        if (version == committed)
        {
            SaveChecks.PutBackCommitted(_store, repo, path, content, version, currentVersion);
            return new SaveOutcome.Unchanged();
        }

        var before = committed is null ? null : SettingsYaml.Read(GitObjects.BytesOf(repo.Lookup<Blob>(committed))).Settings;
        var changes = before is null
            ? [new Core.Changes.FieldChange("", Core.Changes.ChangeKind.Changed, null, null, "register.yaml repaired (the committed version could not be read)") { Label = "register.yaml" }]
            : SettingsComparer.Compare(before, settings);
        var headline = SettingsComparer.Headline(changes);
        var message = new StringBuilder(headline).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(reason))
        {
            message.Append(reason.Trim()).Append("\n\n");
        }

        if (changes.Count > 1)
        {
            foreach (var change in changes)
            {
                message.Append("- ").Append(change.Description).Append('\n');
            }
        }

        var commit = _store.CommitFiles([(path, content)], message.ToString().TrimEnd('\n') + "\n", author, when);
        return new SaveOutcome.Saved(commit, version, headline, changes);
    }
}
