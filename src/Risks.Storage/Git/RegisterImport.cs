using System.Text;
using LibGit2Sharp;
using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Yaml;

using Risks.Storage.Files;

namespace Risks.Storage.Git;

public enum ImportKind { New, Changed, Unchanged }

/// <summary>What an import does to one risk: new, changed (with its changes and the headline a save would give) or unchanged.</summary>
public sealed record ImportChange(Risk Risk, string Path, ImportKind Kind, string Headline, IReadOnlyList<FieldChange> Changes)
{
    internal byte[] Content { get; init; } = [];

    internal string? Committed { get; init; }
}

/// <summary>What an import did.</summary>
public abstract record ImportOutcome
{
    private ImportOutcome()
    {
    }

    /// <summary>One commit made for every risk that is new or changed (<see cref="Commit"/> is null when none is: nothing was written).</summary>
    public sealed record Imported(string? Commit, string? Headline, IReadOnlyList<ImportChange> Changes) : ImportOutcome;

    /// <summary>A file the import would write holds an edit not yet committed, or a new risk's id is an existing one's under another spelling; nothing was written.</summary>
    public sealed record Conflict(IReadOnlyList<string> Problems) : ImportOutcome;

    /// <summary>Risks that break the register's rules; nothing was written.</summary>
    public sealed record Invalid(IReadOnlyList<string> Problems) : ImportOutcome;
}

/// <summary>Importing many risks at once, as one commit, under the register's lock and through the journal.</summary>
public sealed class RegisterImport
{
    private readonly RegisterStore _store;

    internal RegisterImport(RegisterStore store) => _store = store;

    private string Root => _store.Root;

    /// <summary>What importing <paramref name="risks"/> would do to each, against the register as committed now; nothing is written.</summary>
    public IReadOnlyList<ImportChange> Plan(IReadOnlyList<Risk> risks, RegisterSettings? settings = null)
    {
        using var repo = _store.Open();
        return Plan(repo, _store.Tip(repo), risks, settings);
    }

    /// <summary>
    /// Saves <paramref name="risks"/> as one commit by <paramref name="author"/>, touching only
    /// the files of those that are new or changed; when none is, nothing is written and no commit
    /// made, so importing the same file again does nothing. Every risk is checked as a save checks
    /// one (links may name risks of the same import), and nothing is written if any is invalid, if
    /// a file to be written holds an edit not yet committed, or if a new risk's id is an existing
    /// one's under another spelling. The message names <paramref name="source"/> and the counts,
    /// lists each risk's headline, and has a <c>Risk-Id</c> trailer for each, so each risk's
    /// history shows the import.
    /// </summary>
    public ImportOutcome Run(IReadOnlyList<Risk> risks, string source, string? reason, Author author, RegisterSettings settings, DateTimeOffset? when = null)
    {
        using var held = _store.Lock();
        using var repo = _store.Open();
        var head = _store.Tip(repo);
        var inRegister = GitObjects.RiskFilesInTree(repo, head.Tree)
            .Select(f => (f.Path, Place: RegisterLayout.Parse(f.Path)))
            .Where(f => f.Place is not null)
            .GroupBy(f => f.Place!.Value.Id.Identity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Path, StringComparer.Ordinal);
        var problems = CheckImport(risks, settings, inRegister.Keys);
        if (problems.Count > 0)
        {
            return new ImportOutcome.Invalid(problems);
        }

        var plan = Plan(repo, head, risks, settings);
        var written = plan.Where(c => c.Kind != ImportKind.Unchanged).ToList();
        var conflicts = new List<string>();
        foreach (var change in written)
        {
            if (change.Kind == ImportKind.New && inRegister.TryGetValue(change.Risk.Id.Identity, out var twin))
            {
                conflicts.Add($"{change.Risk.Id} is the same id as {twin} (ids that differ only in leading zeros are one id); write it as that risk's id");
            }
            else if (UncommittedEdit(change) is { } edit)
            {
                conflicts.Add(edit);
            }
        }

        if (conflicts.Count > 0)
        {
            return new ImportOutcome.Conflict(conflicts);
        }

        if (written.Count == 0)
        {
            return new ImportOutcome.Imported(null, null, plan);
        }

        var added = written.Count(c => c.Kind == ImportKind.New);
        var headline = $"Imported {Text.Count(written.Count, "risk")} from {source}: {added} new, {written.Count - added} changed";
        var message = ImportMessage(headline, reason, written);
        string commit;
        try
        {
            commit = _store.CommitFiles(written.ConvertAll(c => (c.Path, c.Content)), message, author, when);
        }
        catch
        {
            // The files were written before the commit failed: put each back as committed.
            foreach (var change in written)
            {
                var file = Path.Combine(Root, change.Path);
                if (change.Committed is null)
                {
                    File.Delete(file);
                }
                else
                {
                    AtomicFile.Write(file, GitObjects.BytesOf(repo.Lookup<Blob>(change.Committed)));
                }
            }

            throw;
        }

        foreach (var change in written)
        {
            ParsedVersions.Remember(BlobId.Of(change.Content), change.Path, new RiskFile(change.Risk, []));
        }

        return new ImportOutcome.Imported(commit, headline, plan);
    }

    /// <summary>Each risk against its committed version at <paramref name="head"/>: new, changed or unchanged, with its new content.</summary>
    private static List<ImportChange> Plan(Repository repo, Commit head, IReadOnlyList<Risk> risks, RegisterSettings? settings)
    {
        var plan = new List<ImportChange>(risks.Count);
        foreach (var risk in risks)
        {
            var path = RegisterLayout.PathOf(risk.Id);
            var content = Encoding.UTF8.GetBytes(RiskYaml.Write(risk));
            var committed = head[path]?.Target.Sha;
            if (committed == BlobId.Of(content))
            {
                plan.Add(new ImportChange(risk, path, ImportKind.Unchanged, ChangeSummary.Headline(risk, risk, []), []) { Content = content, Committed = committed });
                continue;
            }

            var before = committed is null ? null : ParsedVersions.ParseAt(repo, new ObjectId(committed), path).Risk;
            IReadOnlyList<FieldChange> changes = committed is not null && before is null
                ? [new FieldChange("", Core.Changes.ChangeKind.Changed, null, null, "repaired (the committed version could not be read)") { Label = "file" }]
                : RiskComparer.Compare(before, risk, settings);
            var kind = committed is null ? ImportKind.New : ImportKind.Changed;
            plan.Add(new ImportChange(risk, path, kind, ChangeSummary.Headline(before, risk, changes), changes) { Content = content, Committed = committed });
        }

        return plan;
    }

    /// <summary>Each risk's own rules and its ties to register.yaml and to the risks of the register and of the import, as <c>risk: message</c>.</summary>
    private static List<string> CheckImport(IReadOnlyList<Risk> risks, RegisterSettings settings, IEnumerable<string> inRegister)
    {
        var known = inRegister.Concat(risks.Select(r => r.Id.Identity)).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var group in risks.GroupBy(r => r.Id.Identity).Where(g => g.Count() > 1))
        {
            problems.Add($"{group.First().Id}: given {group.Count()} times (ids that differ only in leading zeros are one id)");
        }

        foreach (var risk in risks)
        {
            problems.AddRange(RiskValidator.Validate(risk).Concat(RegisterValidator.CrossCheck(risk, settings, known)).Select(i => $"{risk.Id}: {i.Message}"));
        }

        return problems;
    }

    /// <summary>Why the file a change would write holds an edit not yet committed (or was removed, or is there uncommitted), or null.</summary>
    private string? UncommittedEdit(ImportChange change)
    {
        var onDisk = SafeFile.ReadIfThere(Root, change.Path) is { } bytes ? BlobId.Of(bytes) : null;
        if (string.Equals(onDisk, change.Committed, StringComparison.Ordinal))
        {
            return null;
        }

        var what = onDisk is null ? "was removed from the folder but not from the last commit" : change.Committed is null ? "is in the folder but not committed" : $"holds an edit not yet committed (file modified {File.GetLastWriteTime(Path.Combine(Root, change.Path)):yyyy-MM-dd HH:mm})";
        return $"{change.Path} {what}; commit or discard that edit, then import again";
    }

    /// <summary>The import's commit message: the headline, the reason, each risk's own headline, and a <c>Risk-Id</c> trailer per risk.</summary>
    private static string ImportMessage(string headline, string? reason, IReadOnlyList<ImportChange> written)
    {
        var text = new StringBuilder(headline).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(reason))
        {
            text.Append(reason.Trim()).Append("\n\n");
        }

        foreach (var change in written)
        {
            text.Append("- ").Append(change.Headline).Append('\n');
        }

        text.Append('\n');
        foreach (var change in written)
        {
            text.Append(RiskSaves.TrailerKey).Append(": ").Append(change.Risk.Id.Value).Append('\n');
        }

        return text.ToString();
    }
}
