using System.Collections.Concurrent;
using System.Text;
using LibGit2Sharp;
using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Yaml;

namespace Risks.Storage.Git;

/// <summary>
/// A register: a Git repository whose work tree holds <c>register.yaml</c> and the risk files.
/// Reading takes the work tree as it is (so hand edits are seen and checked before they are
/// committed); every save is one commit touching one file, made under an exclusive lock and only
/// if the file is still the version that was read.
/// </summary>
public sealed partial class RegisterRepository
{
    public const string TrailerKey = "Risk-Id";

    private const string LockName = "risks.lock";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StaleGitLock = TimeSpan.FromSeconds(60);
    private static readonly ConcurrentDictionary<(string Version, string Path), RiskFile> ParsedByVersion = new();

    private readonly TimeProvider _clock;

    private RegisterRepository(string root, TimeProvider clock)
    {
        Root = root;
        _clock = clock;
    }

    /// <summary>The register's folder: the Git work tree.</summary>
    public string Root { get; }

    private string GitDir => Path.Combine(Root, ".git");

    /// <summary>Opens the register at <paramref name="root"/>.</summary>
    public static RegisterRepository Open(string root, TimeProvider? clock = null)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new RegisterException($"{full} does not exist");
        }

        if (!File.Exists(Path.Combine(full, SettingsYaml.FileName)) || !Directory.Exists(Path.Combine(full, ".git")))
        {
            throw new RegisterException($"{full} is not a register: it needs {SettingsYaml.FileName} and a Git repository (make one with 'risks init')");
        }

        SharedRegister.Prepare(full);
        return new RegisterRepository(full, clock ?? TimeProvider.System);
    }

    /// <summary>The register containing <paramref name="folder"/>, found as Git finds a repository: this folder, then each parent.</summary>
    public static string? Discover(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SettingsYaml.FileName)) && Directory.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// Makes a new register at <paramref name="root"/> (which must be missing or empty), with one
    /// commit holding its settings; with <paramref name="sharedGroup"/>, shared with that Unix group.
    /// </summary>
    public static RegisterRepository Init(string root, RegisterSettings settings, Author author, TimeProvider? clock = null, DateTimeOffset? when = null, string? sharedGroup = null)
    {
        if (sharedGroup is not null)
        {
            SharedRegister.CheckGroup(sharedGroup);
        }

        var full = Path.GetFullPath(root);
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new RegisterException($"{full} is not empty; a new register needs an empty or new folder");
        }

        var problems = SettingsValidator.Validate(settings);
        if (problems.Count > 0)
        {
            throw new RegisterException("the settings are not valid: " + string.Join("; ", problems.Select(p => p.Message)));
        }

        Directory.CreateDirectory(full);
        Repository.Init(full);
        using (var repo = new Repository(full))
        {
            repo.Refs.UpdateTarget("HEAD", "refs/heads/main");
        }

        var register = new RegisterRepository(full, clock ?? TimeProvider.System);
        var files = new List<(string, byte[])>
        {
            (".gitattributes", Encoding.UTF8.GetBytes("*.yaml text eol=lf\n")),
            (SettingsYaml.FileName, Encoding.UTF8.GetBytes(SettingsYaml.Write(settings))),
        };
        using (register.Lock())
        {
            register.CommitFiles(files, $"Register created for {settings.Organisation}\n", author, when);
        }

        if (sharedGroup is not null)
        {
            SharedRegister.Share(full, sharedGroup);
            SharedRegister.Prepare(full);
        }

        return register;
    }

    /// <summary>Only register.yaml, as the work tree holds it: for commands that need the settings and people, not the risks.</summary>
    public (RegisterSettings? Settings, IReadOnlyList<Problem> Problems) ReadSettings() =>
        SettingsYaml.Read(File.ReadAllBytes(Path.Combine(Root, SettingsYaml.FileName)));

    /// <summary>
    /// register.yaml as committed at HEAD: the people and roles every write is checked against, so
    /// an edit to the file in the shared folder that nobody has committed (by anyone who can write
    /// there) changes nobody's role. Null settings, with the reason, when HEAD has no readable copy.
    /// </summary>
    public (RegisterSettings? Settings, IReadOnlyList<Problem> Problems) CommittedSettings()
    {
        using var repo = new Repository(Root);
        return SettingsIn(repo.Head.Tip);
    }

    /// <summary>Reads the register as the work tree holds it now.</summary>
    public RegisterSnapshot Load()
    {
        SettleUnfinishedWrite();
        var problems = new List<Problem>();
        var (settings, settingsProblems) = ReadSettings();
        problems.AddRange(settingsProblems);

        var listed = RiskFilesOnDisk();
        var found = new RiskFile?[listed.Count];
        var foundVersions = new string[listed.Count];
        Parallel.For(0, listed.Count, new ParallelOptions { MaxDegreeOfParallelism = listed.Count > 200 ? Environment.ProcessorCount : 1 }, i =>
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(Path.Combine(Root, listed[i]));
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // Gone since the folder was listed (the next writer undid a new risk whose save was killed): not there.
                return;
            }

            foundVersions[i] = BlobId.Of(bytes);
            found[i] = Parse(bytes, listed[i], foundVersions[i]);
        });

        var kept = Enumerable.Range(0, listed.Count).Where(i => found[i] is not null).ToList();
        var files = kept.ConvertAll(i => listed[i]);
        var read = kept.Select(i => found[i]!).ToArray();
        var versions = kept.Select(i => foundVersions[i]).ToArray();

        return Assemble(settings, problems, files, read, versions, stored => File.ReadAllBytes(Path.Combine(Root, stored.Path)));
    }

    /// <summary>
    /// Reads the register as committed at <paramref name="revision"/> (an iteration's tag, a
    /// branch, a commit sha or <c>HEAD</c>), from the commit's tree rather than the work tree, so
    /// edits not yet committed are not seen. Problems are found and reported as <see cref="Load"/>
    /// reports them. A file version already read (by either) is not read or parsed again.
    /// </summary>
    public RegisterSnapshot LoadAt(string revision)
    {
        using var repo = new Repository(Root);
        var commit = Resolve(repo, revision) ?? throw new RegisterException($"no iteration, branch or commit called '{revision}'");
        var tree = commit.Tree;

        var problems = new List<Problem>();
        RegisterSettings? settings = null;
        if (tree[SettingsYaml.FileName] is { TargetType: TreeEntryTargetType.Blob } settingsEntry)
        {
            var (read, settingsProblems) = SettingsYaml.Read(BytesOf((Blob)settingsEntry.Target));
            settings = read;
            problems.AddRange(settingsProblems);
        }
        else
        {
            problems.Add(new Problem(SettingsYaml.FileName, 1, 1, $"{SettingsYaml.FileName} is not in the register at '{revision}'"));
        }

        var entries = RiskFilesInTree(tree);
        var files = entries.ConvertAll(e => e.Path);
        var versions = entries.ConvertAll(e => e.Version).ToArray();
        var parsed = new RiskFile[entries.Count];

        // Only versions not already in the cache are read from the object database (on this
        // thread, as a repository handle is not shared across threads); parsing runs in parallel.
        var unread = new List<(int Index, byte[] Bytes)>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (ParsedByVersion.TryGetValue((versions[i], files[i]), out var cached))
            {
                parsed[i] = cached;
            }
            else
            {
                unread.Add((i, BytesOf(repo.Lookup<Blob>(entries[i].Id))));
            }
        }

        Parallel.For(0, unread.Count, new ParallelOptions { MaxDegreeOfParallelism = unread.Count > 200 ? Environment.ProcessorCount : 1 }, j =>
        {
            var (i, bytes) = unread[j];
            parsed[i] = Parse(bytes, files[i], versions[i]);
        });

        return Assemble(settings, problems, files, parsed, versions, stored => BytesOf(repo.Lookup<Blob>(stored.Version)));
    }

    /// <summary>
    /// The register's iterations: every tag that points, once peeled, at a commit, oldest first:
    /// by board date, then by when it was cut (the tagger's date, or for a lightweight tag the
    /// commit's author date), then by name. The last is the one for the latest board meeting,
    /// whatever order they were cut in.
    /// </summary>
    public IReadOnlyList<Iteration> Iterations()
    {
        using var repo = new Repository(Root);
        var iterations = new List<Iteration>();
        foreach (var tag in repo.Tags)
        {
            if (IterationOf(tag) is { } iteration)
            {
                iterations.Add(iteration);
            }
        }

        iterations.Sort((a, b) =>
            a.BoardDate.CompareTo(b.BoardDate) is var byBoard && byBoard != 0 ? byBoard
            : a.When.CompareTo(b.When) is var byCut && byCut != 0 ? byCut
            : string.CompareOrdinal(a.Name, b.Name));
        return iterations;
    }

    /// <summary>
    /// The iteration a tag marks, or null for a tag that does not point (once peeled) at a commit.
    /// A tag whose message gives no board date is taken to be for the day it was cut.
    /// </summary>
    private static Iteration? IterationOf(Tag tag)
    {
        if (tag.PeeledTarget is not Commit commit)
        {
            return null;
        }

        var annotation = tag.IsAnnotated ? tag.Annotation : null;
        var by = annotation?.Tagger ?? commit.Author;
        var boardDate = IterationMessage.BoardDate(annotation?.Message) ?? DateOnly.FromDateTime(by.When.DateTime);
        return new Iteration(tag.FriendlyName, annotation is null ? "" : IterationMessage.Title(annotation.Message), commit.Sha, by.When, by.Name, boardDate);
    }

    /// <summary>The sha of the commit HEAD is at, or null before the first commit: cheap enough to poll for commits made by others.</summary>
    public string? HeadCommit()
    {
        using var repo = new Repository(Root);
        return repo.Refs.Head?.ResolveToDirectReference()?.TargetIdentifier;
    }

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
        var problems = RiskValidator.Validate(risk).Select(i => i.Message).ToList();
        if (settings is not null)
        {
            var known = risk.LinkedRisks.Append(risk.Closure?.MergedInto ?? "").Append(risk.Id.Value)
                .Where(id => RiskId.TryParse(id, out var parsed) && (!requireLinkedRisks || parsed == risk.Id || PathOfExisting(parsed) is not null))
                .Select(id => RiskId.Parse(id).Identity)
                .ToHashSet();
            problems.AddRange(RegisterValidator.CrossCheck(risk, settings, known).Select(i => i.Message));
        }

        if (problems.Count > 0)
        {
            return new SaveOutcome.Invalid(problems);
        }

        var content = Encoding.UTF8.GetBytes(RiskYaml.Write(risk));
        var version = BlobId.Of(content);
        using var held = Lock();
        var filePath = Path.Combine(Root, path);
        var onDisk = File.Exists(filePath) ? File.ReadAllBytes(filePath) : null;
        var currentVersion = onDisk is null ? null : BlobId.Of(onDisk);
        using var repo = new Repository(Root);
        var head = repo.Head.Tip ?? throw new RegisterException($"{Root} has no commits; make registers with 'risks init'");
        var committed = head[path]?.Target.Sha;

        if (StillAsRead(repo, head, path, currentVersion, committed, expectedVersion) is { } changed)
        {
            return changed;
        }

        if (expectedVersion is null && PathOfExisting(risk.Id) is { } twin)
        {
            return new SaveOutcome.Conflict($"{risk.Id} is the same id as {twin} (ids that differ only in leading zeros are one id); choose another id or edit that risk", null, null, null);
        }

        if (version == committed)
        {
            PutBackCommitted(repo, path, content, version, currentVersion);
            return new SaveOutcome.Unchanged();
        }

        var before = committed is null ? null : Parse(((Blob)repo.Lookup(committed)).GetContentStream(), path, committed).Risk;
        var changes = committed is not null && before is null
            ? [new FieldChange("", Risks.Core.Changes.ChangeKind.Changed, null, null, "repaired (the committed version could not be read)") { Label = "file" }]
            : RiskComparer.Compare(before, risk, settings);
        var headline = ChangeSummary.Headline(before, risk, changes);
        var message = Message(headline, reason, changes, risk.Id);
        var commit = CommitFiles([(path, content)], message, author, when);
        ParsedByVersion.TryAdd((version, path), new RiskFile(risk, []));
        return new SaveOutcome.Saved(commit, version, headline, changes);
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

    /// <summary>
    /// Annotated tag <paramref name="name"/> on HEAD, by <paramref name="author"/>, for the board
    /// meeting of <paramref name="boardDate"/> (by default the day it is cut). The tag's message is
    /// <paramref name="message"/> (its first line is the title; blank gives "Iteration NAME")
    /// followed by a <c>Board-Date:</c> trailer.
    /// </summary>
    public void Tag(string name, string message, Author author, DateTimeOffset? when = null, DateOnly? boardDate = null)
    {
        if (!IsIterationName(name))
        {
            throw new RegisterException($"'{name}' cannot name an iteration: {IterationNameRules}");
        }

        using var held = Lock();
        using var repo = new Repository(Root);
        if (repo.Tags[name] is not null)
        {
            throw new RegisterException($"there is already an iteration called '{name}'");
        }

        var signature = Signature(author, when);
        var text = IterationMessage.Write(string.IsNullOrWhiteSpace(message) ? $"Iteration {name}" : message, boardDate ?? DateOnly.FromDateTime(signature.When.DateTime));
        repo.ApplyTag(name, repo.Head.Tip.Sha, signature, text);
    }

    /// <summary>Removes the tag <paramref name="name"/>; false if there is none.</summary>
    public bool RemoveTag(string name)
    {
        using var held = Lock();
        using var repo = new Repository(Root);
        if (repo.Tags[name] is null)
        {
            return false;
        }

        repo.Tags.Remove(name);
        return true;
    }

    public const string IterationNameRules = "letters, digits, '.', '_' and '-', starting with a letter or digit, such as 2025-03";

    /// <summary>Whether <paramref name="name"/> can name an iteration (and so a Git tag).</summary>
    public static bool IsIterationName(string name) =>
        name.Length is > 0 and <= 100
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
        && !name.EndsWith(".lock", StringComparison.Ordinal)
        && !name.Contains("..", StringComparison.Ordinal);

    /// <summary>
    /// Writes files and commits them on the current branch. The caller holds the lock. A journal
    /// of what is about to change is written first; then each file (via a temporary file and a
    /// rename, so no one ever sees half a file); then the commit, the branch and the index; then
    /// the journal is removed. A writer killed anywhere in between leaves a journal, by which the
    /// next writer finishes or undoes the write (see <see cref="Recover"/>).
    /// </summary>
    internal string CommitFiles(IReadOnlyList<(string Path, byte[] Content)> files, string message, Author author, DateTimeOffset? when)
    {
        var journal = files.Select(f =>
        {
            var file = Path.Combine(Root, f.Path);
            return new SaveJournal.Entry(f.Path, BlobId.Of(f.Content), File.Exists(file) ? File.ReadAllBytes(file) : null);
        }).ToList();
        SaveJournal.Write(GitDir, journal);
        try
        {
            foreach (var (path, content) in files)
            {
                WriteAtomically(Path.Combine(Root, path), content);
            }

            using var repo = new Repository(Root);
            var parent = repo.Head.Tip;
            var tree = parent is null ? new TreeDefinition() : TreeDefinition.From(parent.Tree);
            foreach (var (path, content) in files)
            {
                using var stream = new MemoryStream(content, writable: false);
                tree.Add(path, repo.ObjectDatabase.CreateBlob(stream), Mode.NonExecutableFile);
            }

            var signature = Signature(author, when);
            var commit = repo.ObjectDatabase.CreateCommit(
                signature,
                signature,
                message,
                repo.ObjectDatabase.CreateTree(tree),
                parent is null ? [] : [parent],
                prettifyMessage: false);
            var branch = repo.Refs.Head is SymbolicReference symbolic ? symbolic.TargetIdentifier : "refs/heads/main";
            if (parent is null)
            {
                repo.Refs.Add(branch, commit.Id, $"commit (initial): {FirstLine(message)}");
            }
            else
            {
                repo.Refs.UpdateTarget(repo.Refs[branch], commit.Id, $"commit: {FirstLine(message)}");
            }

            // The branch has moved: the save has landed. An index that cannot be written now is
            // rebuilt by the next writer, as the journal stays until it is.
            try
            {
                foreach (var (path, _) in files)
                {
                    repo.Index.Add(path);
                }

                repo.Index.Write();
                SaveJournal.Clear(GitDir);
            }
            catch (LibGit2SharpException)
            {
            }

            return commit.Sha;
        }
        catch
        {
            // The files go back to what they held unless the commit landed; the index is left to the next writer's recovery.
            PutBack(journal, rebuildIndex: false);
            throw;
        }
    }

    private Signature Signature(Author author, DateTimeOffset? when) =>
        new(author.Name, author.Email, when ?? _clock.GetLocalNow());

    private static string FirstLine(string message) => message.Split('\n', 2)[0];

    /// <summary>
    /// Under the lock: null when the file at <paramref name="path"/> is still the version that was
    /// read (and, in a shared register, holds no edit nobody committed), otherwise the conflict,
    /// saying who changed it and when. Nothing is written either way.
    /// </summary>
    private SaveOutcome.Conflict? StillAsRead(Repository repo, Commit head, string path, string? currentVersion, string? committed, string? expectedVersion)
    {
        if (!string.Equals(currentVersion, expectedVersion, StringComparison.Ordinal))
        {
            return DescribeConflict(repo, head, path, currentVersion, committed, expectedVersion);
        }

        if (currentVersion is not null && currentVersion != committed && SharedRegister.IsShared(Root))
        {
            // In a folder many people can write to, an edit nobody committed is nobody's to pass off as their own.
            var modified = File.GetLastWriteTime(Path.Combine(Root, path));
            return new SaveOutcome.Conflict(
                $"{path} holds an edit not yet committed (file modified {modified:yyyy-MM-dd HH:mm}), and in a shared register a save does not take in an edit someone else may have made; commit it (git commit {path}) or discard it (git checkout -- {path}), then try again",
                null,
                modified,
                currentVersion);
        }

        return null;
    }

    /// <summary>The content to save is what is committed already: the file is put back as committed, and no commit is needed.</summary>
    private void PutBackCommitted(Repository repo, string path, byte[] content, string version, string? currentVersion)
    {
        if (version != currentVersion)
        {
            WriteAtomically(Path.Combine(Root, path), content);
            repo.Index.Add(path);
            repo.Index.Write();
        }
    }

    private SaveOutcome.Conflict DescribeConflict(Repository repo, Commit head, string path, string? current, string? committed, string? expected)
    {
        if (current is not null && current != committed)
        {
            var modified = File.GetLastWriteTime(Path.Combine(Root, path));
            return new SaveOutcome.Conflict(
                $"{path} has changed since it was read: it holds an edit not yet committed (file modified {modified:yyyy-MM-dd HH:mm}); commit or discard that edit, then try again",
                null,
                modified,
                current);
        }

        if (expected is null && current is not null)
        {
            var by = LastChange(repo, head, path, current);
            return new SaveOutcome.Conflict(
                $"{path} already exists{Who(by)}; choose another id or edit that risk",
                by?.Author.Name,
                by?.Author.When,
                current);
        }

        var change = current is null ? null : LastChange(repo, head, path, current);
        var what = current is null ? "removed" : "changed";
        return new SaveOutcome.Conflict(
            $"{path} was {what} by someone else since it was read{Who(change)}; reload it and apply your edit again",
            change?.Author.Name,
            change?.Author.When,
            current);
    }

    private static string Who(Commit? commit) =>
        commit is null ? "" : $": {commit.Author.Name} saved it on {commit.Author.When:yyyy-MM-dd} at {commit.Author.When:HH:mm} ({commit.MessageShort})";

    /// <summary>The commit that gave <paramref name="path"/> its current version, walking first parents back from HEAD.</summary>
    private static Commit? LastChange(Repository repo, Commit head, string path, string version)
    {
        var commit = head;
        for (var steps = 0; commit is not null && steps < 10_000; steps++)
        {
            var parent = commit.Parents.FirstOrDefault();
            if (commit[path]?.Target.Sha == version && parent?[path]?.Target.Sha != version)
            {
                return commit;
            }

            commit = parent;
        }

        return null;
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

    private static void WriteAtomically(string file, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = Path.Combine(Path.GetDirectoryName(file)!, $".{Path.GetFileName(file)}.{Environment.ProcessId}.tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, file, overwrite: true);
    }

    private List<string> RiskFilesOnDisk()
    {
        var folder = Path.Combine(Root, RegisterLayout.RisksFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(RegisterLayout.IsRiskFile)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static RiskFile Parse(Stream stream, string path, string version)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Parse(memory.ToArray(), path, version);
    }

    private static RiskFile Parse(byte[] bytes, string path, string version)
    {
        if (ParsedByVersion.TryGetValue((version, path), out var cached))
        {
            return cached;
        }

        var place = RegisterLayout.Parse(path);
        RiskFile parsed;
        if (place is null)
        {
            parsed = new RiskFile(null, [new Problem(path, 1, 1, $"the file name is not a risk id followed by .yaml: {RiskId.Rules}")]);
        }
        else
        {
            parsed = RiskYaml.Read(bytes, path, place.Value.Id);
            if (!place.Value.InPlace && parsed.Risk is not null)
            {
                parsed = new RiskFile(null, [new Problem(path, 1, 1, $"{place.Value.Id} belongs at {RegisterLayout.PathOf(place.Value.Id)}; move the file there")]);
            }
        }

        if (ParsedByVersion.Count > 200_000)
        {
            ParsedByVersion.Clear();
        }

        ParsedByVersion.TryAdd((version, path), parsed);
        return parsed;
    }

    /// <summary>
    /// Makes the snapshot from the files read: duplicates, cross-checks against the settings, and
    /// the order of risks and problems. <paramref name="contentOf"/> gives a stored risk's bytes,
    /// needed only to place cross-check problems at their line.
    /// </summary>
    private static RegisterSnapshot Assemble(RegisterSettings? settings, List<Problem> problems, List<string> files, RiskFile[] read, string[] versions, Func<StoredRisk, byte[]> contentOf)
    {
        var effective = settings ?? new RegisterSettings();
        var risks = new List<StoredRisk>();
        var invalid = new List<string>();
        var byIdentity = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            problems.AddRange(read[i].Problems);
            if (read[i].Risk is not { } risk)
            {
                invalid.Add(files[i]);
                continue;
            }

            if (byIdentity.TryGetValue(risk.Id.Identity, out var other))
            {
                problems.Add(new Problem(files[i], 1, 1, $"{risk.Id} is the same id as {other}; ids that differ only in leading zeros are one id"));
                invalid.Add(files[i]);
                continue;
            }

            byIdentity[risk.Id.Identity] = files[i];
            risks.Add(new StoredRisk(risk, files[i], versions[i]));
        }

        // A risk whose file cannot be read still exists: links to it are reported at that file, not here.
        var known = byIdentity.Keys
            .Concat(invalid.Select(RegisterLayout.Parse).OfType<(RiskId Id, bool InPlace)>().Select(p => p.Id.Identity))
            .ToHashSet(StringComparer.Ordinal);
        if (settings is not null)
        {
            foreach (var stored in risks)
            {
                var issues = RegisterValidator.CrossCheck(stored.Risk, settings, known);
                if (issues.Count > 0)
                {
                    var map = PositionsOf(stored, contentOf(stored));
                    problems.AddRange(issues.Select(issue => RiskYaml.Locate(stored.Path, map, issue)));
                }
            }
        }

        risks.Sort((a, b) => string.CompareOrdinal(a.Risk.Id.Prefix, b.Risk.Id.Prefix) is var c && c != 0 ? c : a.Risk.Id.Number.CompareTo(b.Risk.Id.Number));
        var ordered = problems.OrderBy(p => p.File == SettingsYaml.FileName ? 0 : 1).ThenBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column).ToList();
        return new RegisterSnapshot(effective, settings is not null, risks, invalid, ordered);
    }

    /// <summary>Where each field of a stored risk is, for placing cross-check problems (re-reads only risks that have such problems).</summary>
    private static IReadOnlyDictionary<string, Position> PositionsOf(StoredRisk stored, byte[] content)
    {
        var problems = new List<Problem>();
        var text = SafeText.Decode(content, stored.Path, problems);
        return RiskYaml.PositionsOf(text ?? RiskYaml.Write(stored.Risk), stored.Path);
    }

    /// <summary>
    /// The commit <paramref name="revision"/> names, as Git resolves it (a full sha, then a tag
    /// before a branch of the same name, then an abbreviated sha; <c>HEAD~1</c> and the like work
    /// too), peeling annotated tags; null when it names nothing or something that is not a commit.
    /// </summary>
    private static Commit? Resolve(Repository repo, string revision)
    {
        if (string.IsNullOrWhiteSpace(revision))
        {
            return null;
        }

        try
        {
            var found = repo.Lookup(revision);
            while (found is TagAnnotation tag)
            {
                found = tag.Target;
            }

            return found as Commit;
        }
        catch (LibGit2SharpException)
        {
            // A revision Git cannot parse, or an abbreviated sha matching several objects.
            return null;
        }
    }

    /// <summary>
    /// Every risk file in <paramref name="tree"/>'s <c>risks/</c> folder, with its blob id, in
    /// path order. Walks the trees directly, reading no blob.
    /// </summary>
    private static List<(string Path, ObjectId Id, string Version)> RiskFilesInTree(Tree tree)
    {
        var found = new List<(string Path, ObjectId Id, string Version)>();
        if (tree[RegisterLayout.RisksFolder] is not { TargetType: TreeEntryTargetType.Tree } top)
        {
            return found;
        }

        var pending = new Stack<(string Path, Tree Tree)>();
        pending.Push((RegisterLayout.RisksFolder, (Tree)top.Target));
        while (pending.Count > 0)
        {
            var (folder, current) = pending.Pop();
            foreach (var entry in current)
            {
                var path = folder + "/" + entry.Name;
                if (entry.TargetType == TreeEntryTargetType.Tree)
                {
                    pending.Push((path, (Tree)entry.Target));
                }
                else if (entry.TargetType == TreeEntryTargetType.Blob && RegisterLayout.IsRiskFile(path))
                {
                    var id = entry.Target.Id;
                    found.Add((path, id, id.Sha));
                }
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return found;
    }

    private static byte[] BytesOf(Blob blob)
    {
        using var stream = blob.GetContentStream();
        var bytes = new byte[checked((int)blob.Size)];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
