using System.Text.Json;
using Risks.Storage.Files;

namespace Risks.Storage.Git;

/// <summary>
/// What a write is about to do, recorded before the work tree is touched and removed once the
/// commit and the index are written: each file's path, the blob id it is to hold (null to remove
/// it) and what it held before (null when it did not exist). Finding one when taking the lock
/// proves the last writer died part-way, since the lock is only ever held by one live process.
/// </summary>
internal static class SaveJournal
{
    public const string FileName = "risks-journal.json";

    /// <summary>One file a write changes.</summary>
    public sealed record Entry(string Path, string? Version, byte[]? Previous);

    internal sealed record Stored(string Path, string? Version, string? Previous);

    /// <summary>Writes the journal whole or not at all (a temporary file, flushed, then renamed).</summary>
    public static void Write(string gitDir, IEnumerable<Entry> entries)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(entries.Select(e => new Stored(e.Path, e.Version, e.Previous is null ? null : Convert.ToBase64String(e.Previous))).ToList(), StorageJson.Default.ListStored);
        var file = Path.Combine(gitDir, FileName);
        var temp = Path.Combine(gitDir, $".{FileName}.{Environment.ProcessId}.tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, file, overwrite: true);
    }

    /// <summary>
    /// The journal a writer left, or null when there is none. Something there that is not a file the
    /// program wrote (a named pipe, a link out of the register, a file over 1 GiB) is refused with an
    /// <see cref="UnreadableFileException"/> naming it, so no write goes ahead past it, and none waits on it.
    /// </summary>
    public static IReadOnlyList<Entry>? Read(string gitDir)
    {
        byte[]? bytes;
        string? refusal;
        try
        {
            (bytes, refusal) = SafeFile.Read(gitDir, FileName, SafeFile.MaxStateBytes);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if (bytes is null)
        {
            throw new UnreadableFileException($".git/{FileName}", refusal!);
        }

        var stored = JsonSerializer.Deserialize(bytes, StorageJson.Default.ListStored) ?? [];
        return stored.ConvertAll(s => new Entry(s.Path, s.Version, s.Previous is null ? null : Convert.FromBase64String(s.Previous)));
    }

    public static void Clear(string gitDir) => File.Delete(Path.Combine(gitDir, FileName));
}
