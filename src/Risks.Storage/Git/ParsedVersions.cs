using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using LibGit2Sharp;
using Risks.Core.Domain;
using Risks.Core.Validation;
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

    public static RiskFile Parse(byte[] bytes, string path, string version)
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

    /// <summary>One version of a risk file from the object database.</summary>
    public static RiskFile ParseAt(Repository repo, ObjectId id, string path) =>
        ParsedByVersion.TryGetValue((id.Sha, path), out var cached) ? cached : Parse(GitObjects.BytesOf(repo.Lookup<Blob>(id)), path, id.Sha);

    /// <summary>
    /// Versions of risk files: those not yet parsed are read from the object database on this
    /// thread (a repository handle is not shared across threads) and parsed in parallel.
    /// </summary>
    public static Dictionary<(string Version, string Path), RiskFile> ParseAll(Repository repo, IEnumerable<(ObjectId Id, string Path)> wanted)
    {
        var found = new Dictionary<(string Version, string Path), RiskFile>();
        var unread = new List<(string Version, string Path, byte[] Bytes)>();
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
                unread.Add((id.Sha, path, GitObjects.BytesOf(repo.Lookup<Blob>(id))));
            }
        }

        var results = new RiskFile[unread.Count];
        Parallel.For(0, unread.Count, new ParallelOptions { MaxDegreeOfParallelism = unread.Count > 50 ? Environment.ProcessorCount : 1 }, i =>
            results[i] = Parse(unread[i].Bytes, unread[i].Path, unread[i].Version));
        for (var i = 0; i < unread.Count; i++)
        {
            found[(unread[i].Version, unread[i].Path)] = results[i];
        }

        return found;
    }
}
