using System.IO.Enumeration;
using LibGit2Sharp;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Cache;
using Risks.Storage.Files;
using Risks.Storage.Yaml;

namespace Risks.Storage.Git;

/// <summary>
/// Reading the register: the work tree as it is now (so hand edits are seen and checked before
/// they are committed), or as committed at a revision; register.yaml alone; and the settings and
/// risks as committed at HEAD, by which a person's rights are judged.
/// </summary>
public sealed class RegisterReader
{
    private readonly RegisterStore _store;

    internal RegisterReader(RegisterStore store) => _store = store;

    private string Root => _store.Root;

    /// <summary>What the last <see cref="Load"/> did: how many risk files it found, read and parsed (the rest came from the parse cache unread).</summary>
    internal LoadCounts LastLoad { get; private set; } = new(0, 0, 0);

    /// <summary>Only register.yaml, as the work tree holds it: for commands that need the settings and people, not the risks.</summary>
    public (RegisterSettings? Settings, IReadOnlyList<Problem> Problems) ReadSettings()
    {
        var (bytes, refusal) = SafeFile.Read(Root, SettingsYaml.FileName);
        return bytes is null ? (null, [new Problem(SettingsYaml.FileName, 1, 1, refusal!)]) : SettingsYaml.Read(bytes);
    }

    /// <summary>
    /// register.yaml as committed at HEAD: the people and roles every write is checked against, so
    /// an edit to the file in the shared folder that nobody has committed (by anyone who can write
    /// there) changes nobody's role. Null settings, with the reason, when HEAD has no readable copy.
    /// </summary>
    public (RegisterSettings? Settings, IReadOnlyList<Problem> Problems) CommittedSettings()
    {
        using var repo = _store.Open();
        return GitObjects.SettingsIn(repo.Head.Tip);
    }

    /// <summary>
    /// A risk as committed at HEAD, which is what a person's right to change it is judged by (not
    /// the work tree, which anyone who can write to the folder can edit). <c>Exists</c> is false
    /// when HEAD has no file for the id; <c>Risk</c> is null when the file is there but cannot be read.
    /// </summary>
    public (bool Exists, Risk? Risk) CommittedRisk(RiskId id) => CommittedRisks([id])[0];

    /// <summary><see cref="CommittedRisk"/> for many ids, reading the repository once.</summary>
    public IReadOnlyList<(bool Exists, Risk? Risk)> CommittedRisks(IReadOnlyList<RiskId> ids)
    {
        using var repo = _store.Open();
        var tip = repo.Head.Tip;
        var found = new (bool Exists, Risk? Risk)[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            var path = RegisterLayout.PathOf(ids[i]);
            if (tip?[path] is { TargetType: TreeEntryTargetType.Blob } entry)
            {
                found[i] = (true, ParsedVersions.Parse(GitObjects.BytesOf((Blob)entry.Target), path, entry.Target.Sha).Risk);
            }
        }

        return found;
    }

    /// <summary>
    /// The version of the file at <paramref name="path"/> that <paramref name="text"/> names, for a
    /// script that says which version it read (<c>risks set --expect</c>): a blob id as
    /// <c>risks show --format json</c> reports it (whole, or its first 7 or more characters when
    /// the repository has it), or a commit (the file's blob at that commit; "" when the file was not
    /// there). Null when it names neither.
    /// </summary>
    public string? VersionOf(string path, string text)
    {
        if (text.Length is < 7 or > 40 || !text.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        using var repo = _store.Open();
        GitObject? found;
        try
        {
            found = repo.Lookup(text.ToLowerInvariant());
        }
        catch (AmbiguousSpecificationException)
        {
            return null;
        }

        return found switch
        {
            Commit commit => commit[path]?.Target is Blob blob ? blob.Sha : "",
            Blob blob => blob.Sha,
            null when text.Length == 40 => text.ToLowerInvariant(), // a version of the work tree not yet committed
            _ => null,
        };
    }

    /// <summary>The sha of the commit HEAD is at, or null before the first commit: cheap enough to poll for commits made by others.</summary>
    public string? HeadCommit()
    {
        using var repo = _store.Open();
        return repo.Refs.Head?.ResolveToDirectReference()?.TargetIdentifier;
    }

    /// <summary>
    /// Reads the register as the work tree holds it now. A file whose size and modification time
    /// are as the parse cache recorded them is taken from the cache without being read; any other
    /// is read and its version looked up in the cache by its blob id, and parsed only when not
    /// there. The cache is written anew when anything was read (see <see cref="ParseCache"/>).
    /// </summary>
    /// <param name="progress">Told, every few hundred files, how many of the risk files have been dealt with out of how many, for a caller that shows a long first read.</param>
    public RegisterSnapshot Load(IProgress<LoadProgress>? progress = null) => Load(progress, withoutProse: false);

    /// <summary>
    /// The register as <see cref="Load"/> reads it, for a listing that shows no prose: each risk taken
    /// from the parse cache comes without its prose fields (<see cref="Core.Schema.Field.IsProse"/>:
    /// narratives, items' texts, updates, rationales), which are most of a risk's text, so most of the
    /// time and memory reading takes. Everything a list works out (scores, bands, facts, filters, the
    /// cross-checks and their problems) is as <see cref="Load"/> gives it. The risks are for showing
    /// only, never for changing and saving, and are not kept for a later read in the process; the
    /// snapshot says so (<see cref="RegisterSnapshot.WithoutProse"/>).
    /// </summary>
    public RegisterSnapshot LoadListing() => Load(null, withoutProse: true) with { WithoutProse = true };

    private RegisterSnapshot Load(IProgress<LoadProgress>? progress, bool withoutProse)
    {
        _store.SettleUnfinishedWrite();
        var problems = new List<Problem>();
        var (settings, settingsProblems) = ReadSettings();
        problems.AddRange(settingsProblems);

        using var cache = ParseCache.Open(_store.GitDir);
        var scannedAt = DateTime.UtcNow;
        var listed = RiskFilesOnDisk();
        var found = new RiskFile?[listed.Count];
        var foundVersions = new string[listed.Count];
        var parsedNow = new bool[listed.Count];
        var readNow = new bool[listed.Count];
        var stats = new FileStat?[listed.Count];
        var done = 0;
        Parallel.For(0, listed.Count, new ParallelOptions { MaxDegreeOfParallelism = listed.Count > 200 ? Environment.ProcessorCount : 1 }, i =>
        {
            if (progress is not null && Interlocked.Increment(ref done) % 250 == 0)
            {
                progress.Report(new LoadProgress(done, listed.Count));
            }

            var (path, size, modified, regular) = Stat(listed[i]);
            if (regular && cache.TryVersion(path, size, modified, out var known))
            {
                if (ParsedVersions.TryGet(known, path, out var remembered))
                {
                    (found[i], foundVersions[i], stats[i]) = (remembered, known, new FileStat(path, size, modified.Ticks, known));
                    return;
                }

                if (cache.TryGet(known, path, out var cached, withoutProse))
                {
                    if (!withoutProse)
                    {
                        ParsedVersions.Remember(known, path, cached);
                    }

                    (found[i], foundVersions[i], stats[i]) = (cached, known, new FileStat(path, size, modified.Ticks, known));
                    return;
                }
            }

            byte[]? bytes;
            string? refusal;
            try
            {
                (bytes, refusal) = SafeFile.Read(Root, path);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // Gone since the folder was listed (the next writer undid a new risk whose save was killed): not there.
                return;
            }

            if (bytes is null)
            {
                // Not a file to read (a pipe, a device, a link out of the register, far too large): said, and the rest read as usual.
                (found[i], foundVersions[i]) = (new RiskFile(null, [new Problem(path, 1, 1, refusal!)]), "");
                return;
            }

            readNow[i] = true;
            var version = BlobId.Of(bytes);
            foundVersions[i] = version;
            stats[i] = regular ? new FileStat(path, size, modified.Ticks, version) : null;
            if (ParsedVersions.TryGet(version, path, out var again))
            {
                found[i] = again;
            }
            else if (cache.TryGet(version, path, out again, withoutProse))
            {
                if (!withoutProse)
                {
                    ParsedVersions.Remember(version, path, again);
                }

                found[i] = again;
            }
            else
            {
                found[i] = ParsedVersions.Parse(bytes, path, version);
                parsedNow[i] = true;
            }
        });

        var kept = Enumerable.Range(0, listed.Count).Where(i => found[i] is not null).ToList();
        var files = kept.ConvertAll(i => listed[i].Path);
        var read = kept.Select(i => found[i]!).ToArray();
        var versions = kept.Select(i => foundVersions[i]).ToArray();

        LastLoad = new LoadCounts(listed.Count, readNow.Count(r => r), parsedNow.Count(p => p));
        var scanned = kept.Where(i => stats[i] is not null).Select(i => stats[i]!).ToList();
        if (scanned.Count != cache.StatCount || kept.Any(i => parsedNow[i] || stats[i] is null || !cache.Records(stats[i]!)))
        {
            cache.Save(
                scannedAt,
                scanned,
                [.. kept.Where(i => parsedNow[i]).Select(i => (foundVersions[i], listed[i].Path, found[i]!))],
                kept.Select(i => (foundVersions[i], listed[i].Path)).ToHashSet());
        }

        return SnapshotAssembly.Assemble(settings, problems, files, read, versions, stored => SafeFile.Read(Root, stored.Path).Bytes ?? []);
    }

    /// <summary>
    /// Where findings about the snapshot's risks lie: each risk's file, and the line and column of
    /// the field named by path (or of what encloses it), each file read once. The file is read as
    /// the work tree holds it now; a risk whose file cannot be read is placed at its first line.
    /// </summary>
    public IReadOnlyList<Problem> Place(RegisterSnapshot snapshot, IEnumerable<(RiskId Risk, string Path, string Message)> findings)
    {
        var maps = new Dictionary<string, IReadOnlyDictionary<string, Position>>(StringComparer.Ordinal);
        var placed = new List<Problem>();
        foreach (var (id, path, message) in findings)
        {
            if (snapshot.Find(id) is not { } stored)
            {
                continue;
            }

            if (!maps.TryGetValue(stored.Path, out var map))
            {
                byte[] content;
                try
                {
                    content = SafeFile.Read(Root, stored.Path).Bytes ?? [];
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    content = [];
                }

                maps[stored.Path] = map = SnapshotAssembly.PositionsOf(stored, content);
            }

            placed.Add(RiskYaml.Locate(stored.Path, map, new FieldIssue(path, message)));
        }

        return placed;
    }

    /// <summary>
    /// One risk as the work tree holds it, for a command that needs that risk and nothing else of
    /// the register (<c>risks show</c>): register.yaml and the risk's own file, read and parsed
    /// alone, not the other 10,000. The snapshot holds the risk (or its file among the invalid, with
    /// its problems) and is not cross-checked against the other risks or the settings: for that,
    /// <see cref="Load"/>. When the risk has no file where its id says, the whole register is read,
    /// so a file in the wrong folder is found and reported as <see cref="Load"/> reports it.
    /// </summary>
    public RegisterSnapshot LoadRisk(RiskId id)
    {
        _store.SettleUnfinishedWrite();
        var path = RegisterLayout.PathOf(id);
        byte[]? bytes;
        string? refusal;
        try
        {
            (bytes, refusal) = SafeFile.Read(Root, path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Load();
        }

        var (settings, problems) = ReadSettings();
        if (bytes is null)
        {
            return new RegisterSnapshot(settings ?? new RegisterSettings(), settings is not null, [], [path], [.. problems, new Problem(path, 1, 1, refusal!)]);
        }

        var version = BlobId.Of(bytes);
        var file = ParsedVersions.Parse(bytes, path, version);
        var all = problems.Concat(file.Problems).ToList();
        return file.Risk is { } risk
            ? new RegisterSnapshot(settings ?? new RegisterSettings(), settings is not null, [new StoredRisk(risk, path, version)], [], all)
            : new RegisterSnapshot(settings ?? new RegisterSettings(), settings is not null, [], [path], all);
    }

    /// <summary>
    /// Reads the register as committed at <paramref name="revision"/> (an iteration's tag, a
    /// branch, a commit sha or <c>HEAD</c>), from the commit's tree rather than the work tree, so
    /// edits not yet committed are not seen. Problems are found and reported as <see cref="Load"/>
    /// reports them. A file version already read (by either) is not read or parsed again.
    /// </summary>
    public RegisterSnapshot LoadAt(string revision)
    {
        using var repo = _store.Open();
        var commit = GitObjects.Resolve(repo, revision) ?? throw new RegisterException($"no iteration, branch or commit called '{revision}'");
        var tree = commit.Tree;

        var problems = new List<Problem>();
        RegisterSettings? settings = null;
        if (tree[SettingsYaml.FileName] is { TargetType: TreeEntryTargetType.Blob } settingsEntry)
        {
            var (read, settingsProblems) = SettingsYaml.Read(GitObjects.BytesOf((Blob)settingsEntry.Target));
            settings = read;
            problems.AddRange(settingsProblems);
        }
        else
        {
            problems.Add(new Problem(SettingsYaml.FileName, 1, 1, $"{SettingsYaml.FileName} is not in the register at '{revision}'"));
        }

        var entries = GitObjects.RiskFilesInTree(repo, tree);
        var files = entries.ConvertAll(e => e.Path);
        var versions = entries.ConvertAll(e => e.Version).ToArray();
        var parsed = new RiskFile[entries.Count];

        // Only versions not already in the cache are read from the object database (on this
        // thread, as a repository handle is not shared across threads); parsing runs in parallel.
        using var cache = ParseCache.Open(_store.GitDir);
        var unread = new List<(int Index, byte[] Bytes)>();
        var fromCache = new List<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (ParsedVersions.TryGet(versions[i], files[i], out var cached))
            {
                parsed[i] = cached;
            }
            else if (cache.Holds(versions[i], files[i]))
            {
                fromCache.Add(i);
            }
            else
            {
                unread.Add((i, GitObjects.BytesOf(repo.Lookup<Blob>(entries[i].Id))));
            }
        }

        Parallel.For(0, fromCache.Count, new ParallelOptions { MaxDegreeOfParallelism = fromCache.Count > 200 ? Environment.ProcessorCount : 1 }, j =>
        {
            var i = fromCache[j];
            if (cache.TryGet(versions[i], files[i], out var file))
            {
                ParsedVersions.Remember(versions[i], files[i], file);
                parsed[i] = file;
            }
        });

        // A parsed version whose bytes in the cache fail their checksum is read again from the object database.
        unread.AddRange(fromCache.Where(i => parsed[i] is null).Select(i => (i, GitObjects.BytesOf(repo.Lookup<Blob>(entries[i].Id)))));
        Parallel.For(0, unread.Count, new ParallelOptions { MaxDegreeOfParallelism = unread.Count > 200 ? Environment.ProcessorCount : 1 }, j =>
        {
            var (i, bytes) = unread[j];
            parsed[i] = ParsedVersions.Parse(bytes, files[i], versions[i]);
        });
        cache.Add([.. unread.Select(u => (versions[u.Index], files[u.Index], parsed[u.Index]))], Enumerable.Range(0, entries.Count).Select(i => (versions[i], files[i])).ToHashSet());

        return SnapshotAssembly.Assemble(settings, problems, files, parsed, versions, stored => GitObjects.BytesOf(repo.Lookup<Blob>(stored.Version)));
    }

    /// <summary>
    /// The identity of every risk file in the work tree, from its name alone, no file read: the
    /// risks a board action or an undertaking may name, as <see cref="RegisterSnapshot.Identities"/>
    /// gives them after a whole <see cref="Load"/>, at the cost of listing the folders.
    /// </summary>
    public IReadOnlySet<string> RiskIdentities()
    {
        _store.SettleUnfinishedWrite();
        return RiskFilesOnDisk()
            .Select(f => RegisterLayout.Parse(f.Path))
            .OfType<(RiskId Id, bool InPlace)>()
            .Select(p => p.Id.Identity)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The risk files in the work tree, in order, each with whether it is a folder (as the folder's
    /// listing says: no file is asked about here). A folder named as a risk file is listed too, so that
    /// it is reported rather than its risk silently missing.
    /// </summary>
    private List<(string Path, bool Folder)> RiskFilesOnDisk()
    {
        var folder = Path.Combine(Root, RegisterLayout.RisksFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        // The path relative to the register, made from the folder's and the name (no full path made first).
        var skip = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Root)).Length + 1;
        var entries = new FileSystemEnumerable<(string Path, bool Folder)>(
            folder,
            (ref FileSystemEntry e) => (string.Concat(e.Directory[skip..], "/", e.FileName), e.IsDirectory),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => e.FileName.EndsWith(".yaml", StringComparison.Ordinal) || e.FileName.EndsWith(".yml", StringComparison.Ordinal),

            // A folder that is a link is not walked: it may lead out of the register, or round in a loop.
            ShouldRecursePredicate = (ref FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        var files = entries.Where(e => RegisterLayout.IsRiskFile(e.Path)).ToList();
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>
    /// A listed file's size and modification time, asked of the file system (not following a link),
    /// and whether the parse cache may know it by those: an ordinary file, not a link or a folder.
    /// Asked as each file is dealt with, on the threads of the load, not one by one as the folders are listed.
    /// </summary>
    private (string Path, long Size, DateTime Modified, bool Regular) Stat((string Path, bool Folder) listed)
    {
        if (listed.Folder)
        {
            return (listed.Path, 0, default, false);
        }

        try
        {
            var info = new FileInfo(Path.Combine(Root, listed.Path));
            return info.Exists && (info.Attributes & (FileAttributes.ReparsePoint | FileAttributes.Directory)) == 0
                ? (listed.Path, info.Length, info.LastWriteTimeUtc, true)
                : (listed.Path, 0, default, false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not known by its size and time: read, and what cannot be read is reported as the read finds it.
            return (listed.Path, 0, default, false);
        }
    }
}

/// <summary>How many risk files a load found, read and parsed.</summary>
internal sealed record LoadCounts(int Files, int Read, int Parsed);

/// <summary>How far a load has got: risk files dealt with, of how many.</summary>
public readonly record struct LoadProgress(int Done, int Total);
