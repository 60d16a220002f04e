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
    /// <summary>How many versions <see cref="ParseAll"/> reads and parses at a time.</summary>
    private const int ParseBatch = 256;

    private static readonly ConcurrentDictionary<(string Version, string Path), RiskFile> ParsedByVersion = new();

    /// <summary>
    /// How many versions have been kept since the last clearing, roughly (a clearing and an addition at once may miss
    /// one): <see cref="ConcurrentDictionary{TKey, TValue}.Count"/> takes every one of the dictionary's locks, and asked
    /// at each parse it held up the other threads parsing (a first read of 10,000 files, `risks list` with the parse cache
    /// removed, went from about 1.61 to 1.52 s with this and the quick reader's shared keys).
    /// </summary>
    private static int s_kept;

    /// <summary>How many versions are kept before all are forgotten, so a long session's memory stays bounded.</summary>
    private const int MaxKept = 200_000;

    /// <summary>Forgets every version parsed, as a fresh process would have none (for tests and the benchmark; and once <see cref="MaxKept"/> are kept).</summary>
    public static void Forget()
    {
        ParsedByVersion.Clear();
        Volatile.Write(ref s_kept, 0);
    }

    /// <summary>The version already parsed, if it is.</summary>
    public static bool TryGet(string version, string path, [MaybeNullWhen(false)] out RiskFile parsed) =>
        ParsedByVersion.TryGetValue((version, path), out parsed);

    /// <summary>Records a version just written, so it is not parsed when next read.</summary>
    public static void Remember(string version, string path, RiskFile parsed) => Keep(version, path, parsed);

    private static void Keep(string version, string path, RiskFile parsed)
    {
        if (Volatile.Read(ref s_kept) > MaxKept)
        {
            Forget();
        }

        if (ParsedByVersion.TryAdd((version, path), parsed))
        {
            Interlocked.Increment(ref s_kept);
        }
    }

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

        Keep(version, path, parsed);
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
    public static Dictionary<(string Version, string Path), RiskFile> ParseAll(Repository repo, IEnumerable<(ObjectId Id, string Path)> wanted, bool remember = true, bool withoutProse = false) =>
        ParseAll(repo, wanted, file => file, remember, withoutProse);

    /// <summary>
    /// As <see cref="ParseAll(Repository, IEnumerable{ValueTuple{ObjectId, string}}, bool, bool)"/>, giving for each version only
    /// what <paramref name="select"/> takes from it, as soon as it is read: a caller that wants a field or two of thousands
    /// of versions (the scores behind the trend sparklines) does not hold the versions themselves.
    /// </summary>
    public static Dictionary<(string Version, string Path), T> ParseAll<T>(Repository repo, IEnumerable<(ObjectId Id, string Path)> wanted, Func<RiskFile, T> select, bool remember = true, bool withoutProse = false)
    {
        var found = new Dictionary<(string Version, string Path), T>();
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
                found[key] = select(cached);
            }
            else
            {
                // A place held; every missing version is given its value below, from the cache or parsed.
                found[key] = default!;
                missing.Add((id.Sha, path, id));
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        using var cache = ParseCache.Open(repo.Info.Path);
        var kept = missing.Where(m => cache.Holds(m.Version, m.Path)).ToList();
        var fromCache = new T[kept.Count];
        var inCache = new bool[kept.Count];
        Parallel.For(0, kept.Count, new ParallelOptions { MaxDegreeOfParallelism = kept.Count > 200 ? Environment.ProcessorCount : 1 }, i =>
        {
            if (cache.TryGet(kept[i].Version, kept[i].Path, out var file, withoutProse))
            {
                fromCache[i] = select(file);
                inCache[i] = true;
                if (remember && !withoutProse)
                {
                    Remember(kept[i].Version, kept[i].Path, file);
                }
            }
        });

        // Read from the object database on this thread: those the cache does not hold, and any whose bytes there fail their checksum.
        var unread = missing.Where(m => !cache.Holds(m.Version, m.Path)).Concat(kept.Where((_, i) => !inCache[i])).ToList();
        for (var i = 0; i < kept.Count; i++)
        {
            if (inCache[i])
            {
                found[(kept[i].Version, kept[i].Path)] = fromCache[i];
            }
        }

        if (unread.Count == 0)
        {
            return found;
        }

        // Parsed a batch at a time, each batch written to the cache as it is parsed: the bytes read and the versions in the
        // cache's form are garbage a batch at a time, while they are young, not held (and promoted) until every one is parsed.
        var results = new T[unread.Count];
        var parsedUpTo = 0;
        IEnumerable<(string Version, string Path, RiskFile? File, byte[]? Encoded)> ParseFrom(int start)
        {
            for (var first = start; first < unread.Count; first += ParseBatch)
            {
                var count = Math.Min(ParseBatch, unread.Count - first);
                var bytes = new byte[count][];
                for (var j = 0; j < count; j++)
                {
                    bytes[j] = GitObjects.BytesOf(repo.Lookup<Blob>(unread[first + j].Id));
                }

                // Without prose, each version parsed is kept only in the cache's form (for the cache) and read back without its prose.
                var files = withoutProse ? null : new RiskFile[count];
                var encoded = withoutProse ? new byte[count][] : null;
                var at = first;
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = count > 50 ? Environment.ProcessorCount : 1 }, j =>
                {
                    var (version, path, _) = unread[at + j];
                    var file = Parse(bytes[j], path, version, remember && !withoutProse);
                    if (encoded is null)
                    {
                        files![j] = file;
                        results[at + j] = select(file);
                    }
                    else
                    {
                        encoded[j] = ParseCache.Encode(file);
                        results[at + j] = select(RiskFileBinary.Read(encoded[j], withoutProse: true));
                    }
                });
                parsedUpTo = first + count;
                for (var j = 0; j < count; j++)
                {
                    yield return (unread[at + j].Version, unread[at + j].Path, files?[j], encoded?[j]);
                }
            }
        }

        cache.AddAll(ParseFrom(0), found.Keys.ToHashSet());
        // A cache that could not be written stops reading the batches part-way; the rest are parsed all the same.
        foreach (var _ in ParseFrom(parsedUpTo))
        {
        }

        for (var i = 0; i < unread.Count; i++)
        {
            found[(unread[i].Version, unread[i].Path)] = results[i];
        }

        return found;
    }
}
