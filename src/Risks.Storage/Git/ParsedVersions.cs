using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using LibGit2Sharp;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Cache;
using Risks.Storage.Yaml;

namespace Risks.Storage.Git;

/// <summary>
/// Risk files parsed, each version (blob id and path) once per process whatever asks for it: a
/// load, a past version, a history, a comparison, a sync or a push check. Parsing is most of the
/// time a load takes, and a version never changes.
/// </summary>
internal static class ParsedVersions
{
    private static readonly ConcurrentDictionary<(string Version, string Path), RiskFile> ParsedByVersion = new();

    /// <summary>Forgets every version parsed, as a fresh process would have none (for tests and the benchmark).</summary>
    public static void Forget() => ParsedByVersion.Clear();

    /// <summary>The version already parsed, if it is.</summary>
    public static bool TryGet(string version, string path, [MaybeNullWhen(false)] out RiskFile parsed) =>
        ParsedByVersion.TryGetValue((version, path), out parsed);

    /// <summary>Records a version just written, so it is not parsed when next read.</summary>
    public static void Remember(string version, string path, RiskFile parsed) =>
        ParsedByVersion.TryAdd((version, path), parsed);

    public static RiskFile Parse(Stream stream, string path, string version)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Parse(memory.ToArray(), path, version);
    }

    /// <param name="remember">Kept for a later read in the process (see <see cref="TryGet"/>); not, for a reading that looks at a few fields of many past versions and lets them go.</param>
    public static RiskFile Parse(byte[] bytes, string path, string version, bool remember = true)
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

        if (!remember)
        {
            return parsed;
        }

        if (ParsedByVersion.Count > 200_000)
        {
            ParsedByVersion.Clear();
        }

        ParsedByVersion.TryAdd((version, path), parsed);
        return parsed;
    }

    /// <summary>One version of a risk file from the object database.</summary>
    public static RiskFile ParseAt(Repository repo, ObjectId id, string path) =>
        ParsedByVersion.TryGetValue((id.Sha, path), out var cached) ? cached : Parse(GitObjects.BytesOf(repo.Lookup<Blob>(id)), path, id.Sha);

    /// <summary>
    /// Versions of risk files: those parsed in this process already, then those in the register's
    /// parse cache (<see cref="ParseCache"/>), and the rest read from the object database on this
    /// thread (a repository handle is not shared across threads) and parsed in parallel, and then
    /// added to the parse cache, so the next process (comparing the same two iterations, say) need
    /// not parse them again.
    /// </summary>
    /// <param name="remember">Each version read kept for a later read in the process (see <see cref="Parse(byte[], string, string, bool)"/>).</param>
    /// <param name="withoutProse">
    /// Versions not parsed in the process before come without their prose (see <see cref="RegisterReader.LoadListing"/>)
    /// and are never kept for a later read, for a caller that looks at a few fields only (scores, status); those parsed
    /// before come whole, as they are.
    /// </param>
    public static Dictionary<(string Version, string Path), RiskFile> ParseAll(Repository repo, IEnumerable<(ObjectId Id, string Path)> wanted, bool remember = true, bool withoutProse = false)
    {
        var found = new Dictionary<(string Version, string Path), RiskFile>();
        var missing = new List<(string Version, string Path, ObjectId Id)>();
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
                missing.Add((id.Sha, path, id));
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        using var cache = ParseCache.Open(repo.Info.Path);
        var kept = missing.Where(m => cache.Holds(m.Version, m.Path)).ToList();
        var fromCache = new RiskFile?[kept.Count];
        Parallel.For(0, kept.Count, new ParallelOptions { MaxDegreeOfParallelism = kept.Count > 200 ? Environment.ProcessorCount : 1 }, i =>
        {
            if (cache.TryGet(kept[i].Version, kept[i].Path, out var file, withoutProse))
            {
                fromCache[i] = file;
                if (remember && !withoutProse)
                {
                    Remember(kept[i].Version, kept[i].Path, file);
                }
            }
        });

        // Read from the object database on this thread: those the cache does not hold, and any whose bytes there fail their checksum.
        var unread = missing.Where(m => !cache.Holds(m.Version, m.Path))
            .Concat(kept.Where((_, i) => fromCache[i] is null))
            .Select(m => (m.Version, m.Path, Bytes: GitObjects.BytesOf(repo.Lookup<Blob>(m.Id)))).ToList();
        // Without prose, each version parsed is kept only in the cache's form (for the cache) and read back without its prose:
        // the whole of it is garbage at once, not held (and promoted) until the cache is written.
        var results = new RiskFile[unread.Count];
        var encoded = withoutProse ? new byte[unread.Count][] : null;
        Parallel.For(0, unread.Count, new ParallelOptions { MaxDegreeOfParallelism = unread.Count > 50 ? Environment.ProcessorCount : 1 }, i =>
        {
            var file = Parse(unread[i].Bytes, unread[i].Path, unread[i].Version, remember && !withoutProse);
            if (encoded is null)
            {
                results[i] = file;
            }
            else
            {
                encoded[i] = ParseCache.Encode(file);
                results[i] = RiskFileBinary.Read(encoded[i], withoutProse: true);
            }
        });
        for (var i = 0; i < kept.Count; i++)
        {
            if (fromCache[i] is { } file)
            {
                found[(kept[i].Version, kept[i].Path)] = file;
            }
        }

        for (var i = 0; i < unread.Count; i++)
        {
            found[(unread[i].Version, unread[i].Path)] = results[i];
        }

        if (encoded is null)
        {
            cache.Add([.. unread.Select((u, i) => (u.Version, u.Path, results[i]))], found.Keys.ToHashSet());
        }
        else
        {
            cache.AddEncoded([.. unread.Select((u, i) => (u.Version, u.Path, encoded[i]))], found.Keys.ToHashSet());
        }
        return found;
    }
}
