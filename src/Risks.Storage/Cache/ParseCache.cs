using System.IO.Hashing;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Risks.Core.Domain;
using Risks.Storage.Files;
using Risks.Storage.Yaml;

namespace Risks.Storage.Cache;

/// <summary>
/// The risk files parsed by earlier runs, kept in <c>.git/risks-cache/parsed.bin</c> so that a
/// fresh process reads the register without parsing its YAML again: each parsed version by its
/// blob id and path, and, for each file of the work tree, the size and modification time it had
/// when its blob id was last worked out, so an unchanged file is not even read (as Git's index
/// does with its stat data).
/// </summary>
/// <remarks>
/// It is derived, never the source of truth: a cache that is missing, damaged (the checksum of
/// its table of contents fails), of another format or written by another build of the program is
/// ignored and written anew; a parsed version whose own checksum fails is parsed again. Opening it
/// reads only the table of contents (1.7 MB of 22 MB at 10,000 risks); each parsed version
/// is read from the file when asked for, so a command that needs a few of them reads a few. It is
/// replaced whole by a rename, so readers never see half of one and, when several processes write
/// at once, the last one's stands; a writer killed part-way leaves only a
/// temporary file, removed by a later writer. A file's size and time are trusted only when they
/// were recorded at least <see cref="RacyMargin"/> after the file last changed, so a change in the
/// same tick as a scan (or within a coarse file system's time step) is never missed.
/// </remarks>
internal sealed class ParseCache : IDisposable
{
    public const string FolderName = "risks-cache";

    public const string FileName = "parsed.bin";

    /// <summary>How many parsed versions are kept at most: the work tree's and, after them, the most recent others (past versions read for history, comparisons and papers).</summary>
    public const int MaxEntries = 60_000;

    private const int Format = 2;

    /// <summary>Two seconds: more than the coarsest time step of the file systems a register may be on.</summary>
    private static readonly TimeSpan RacyMargin = TimeSpan.FromSeconds(2);

    /// <summary>Temporary files of writers killed part-way are removed when older than this: no writer takes so long.</summary>
    private static readonly TimeSpan OrphanAge = TimeSpan.FromMinutes(10);

    private static readonly byte[] Magic = "RISKS PARSE CACHE\n"u8.ToArray();

    private static readonly Lazy<string> Program = new(() =>
        $"{typeof(ParseCache).Assembly.ManifestModule.ModuleVersionId:N}/{typeof(Risk).Assembly.ManifestModule.ModuleVersionId:N}");

    /// <summary>A buffer per thread for the parsed versions read, so reading 10,000 of them makes no garbage of their size.</summary>
    [ThreadStatic]
    private static byte[]? t_buffer;

    private readonly string _folder;
    private readonly FileStream? _file;

    /// <summary>The file's handle, asked of the stream once: each time it is asked for, the stream seeks.</summary>
    private readonly SafeFileHandle? _handle;
    private readonly Dictionary<string, FileStat> _stats;
    private readonly Dictionary<(string Version, string Path), Body> _parsed;
    private readonly DateTime _scannedAt;

    private ParseCache(string folder, FileStream? file, Dictionary<string, FileStat> stats, Dictionary<(string, string), Body> parsed, DateTime scannedAt)
    {
        _folder = folder;
        _file = file;
        _handle = file?.SafeFileHandle;
        _stats = stats;
        _parsed = parsed;
        _scannedAt = scannedAt;
    }

    /// <summary>Where a parsed version lies in the file, and the checksum of its bytes.</summary>
    private readonly record struct Body(long Offset, int Length, ulong Hash);

    /// <summary>Closes the file the parsed versions are read from.</summary>
    public void Dispose() => _file?.Dispose();

    /// <summary>The path of the cache of the register whose Git directory is <paramref name="gitDir"/>.</summary>
    public static string PathIn(string gitDir) => Path.Combine(gitDir, FolderName, FileName);

    /// <summary>How many parsed versions the cache holds.</summary>
    public int Count => _parsed.Count;

    /// <summary>The cache as the last writer left it, or an empty one when there is none that can be used.</summary>
    public static ParseCache Open(string gitDir)
    {
        var folder = Path.Combine(gitDir, FolderName);
        FileStream? file = null;
        try
        {
            // Looked at before it is read, as the register's files are: a named pipe here would make every load wait.
            var (stream, size, _) = SafeFile.OpenRead(gitDir, Path.Combine(FolderName, FileName), SafeFile.MaxStateBytes);
            file = stream;
            if (file is not null && Index(file.SafeFileHandle, size) is { } index)
            {
                return new ParseCache(folder, file, index.Stats, index.Parsed, index.ScannedAt);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException or ArgumentException or FormatException)
        {
        }

        file?.Dispose();
        return new ParseCache(folder, null, new(StringComparer.Ordinal), [], DateTime.MinValue);
    }

    /// <summary>
    /// The blob id of a work-tree file whose size and modification time are as recorded, when they
    /// were recorded safely after its last change; otherwise the file must be read.
    /// </summary>
    public bool TryVersion(string path, long size, DateTime modifiedUtc, out string version)
    {
        if (_stats.TryGetValue(path, out var stat) && stat.Size == size && stat.Modified == modifiedUtc.Ticks && modifiedUtc < _scannedAt - RacyMargin)
        {
            version = stat.Version;
            return true;
        }

        version = "";
        return false;
    }

    /// <summary>A version of a risk file as parsed before (without its prose, for a listing, when <paramref name="withoutProse"/>: see <see cref="RiskFileBinary.Read"/>).</summary>
    public bool TryGet(string version, string path, out RiskFile file, bool withoutProse = false)
    {
        if (_handle is not null && _parsed.TryGetValue((version, path), out var body))
        {
            var buffer = t_buffer is { } held && held.Length >= body.Length ? held : t_buffer = new byte[Math.Max(body.Length, 16 << 10)];
            var bytes = buffer.AsSpan(0, body.Length);
            if (ReadAt(_handle, body.Offset, bytes) && XxHash3.HashToUInt64(bytes) == body.Hash)
            {
                file = RiskFileBinary.Read(bytes, withoutProse);
                return true;
            }
        }

        file = null!;
        return false;
    }

    /// <summary>Reads <paramref name="into"/>'s length of bytes at <paramref name="offset"/>; false if the file ends first.</summary>
    private static bool ReadAt(SafeFileHandle file, long offset, Span<byte> into)
    {
        try
        {
            while (into.Length > 0)
            {
                var read = RandomAccess.Read(file, into, offset);
                if (read <= 0)
                {
                    return false;
                }

                into = into[read..];
                offset += read;
            }

            return true;
        }
        catch (IOException)
        {
            // Only a cache: what cannot be read from it is read from the register instead.
            return false;
        }
    }

    /// <summary>Whether the cache holds a version already.</summary>
    public bool Holds(string version, string path) => _file is not null && _parsed.ContainsKey((version, path));

    /// <summary>How many work-tree files the cache has the size and time of.</summary>
    public int StatCount => _stats.Count;

    /// <summary>Whether the cache already records a file as it is now (so need not be written again for it).</summary>
    public bool Records(FileStat stat) => _stats.TryGetValue(stat.Path, out var recorded) && recorded == stat && new DateTime(stat.Modified, DateTimeKind.Utc) < _scannedAt - RacyMargin;

    /// <summary>
    /// Writes the cache anew: the work tree's files as <paramref name="scanned"/> at
    /// <paramref name="scannedAt"/> (taken before the folder was listed), the versions parsed now,
    /// and as many of those held before as <see cref="MaxEntries"/> allows. Nothing is said when it
    /// cannot be written (a folder someone else owns, a full disk): the next run parses again.
    /// </summary>
    public void Save(DateTime scannedAt, IReadOnlyList<FileStat> scanned, IReadOnlyList<(string Version, string Path, RiskFile File)> parsed, IReadOnlySet<(string Version, string Path)> used)
    {
        Write(scannedAt, scanned, parsed.Select(p => (p.Version, p.Path, (RiskFile?)p.File, (byte[]?)null)), used);
    }

    /// <summary>
    /// Adds versions parsed from the object database (a past commit's files) to the cache, keeping
    /// what it records of the work tree as it was.
    /// </summary>
    public void Add(IReadOnlyList<(string Version, string Path, RiskFile File)> parsed, IReadOnlySet<(string Version, string Path)> used)
    {
        if (parsed.Count > 0)
        {
            AddAll(parsed.Select(p => (p.Version, p.Path, (RiskFile?)p.File, (byte[]?)null)), used);
        }
    }

    /// <summary>
    /// As <see cref="Add"/>, each version parsed (<c>File</c>) or already in the cache's form (<c>Encoded</c>, see
    /// <see cref="Encode"/>), read once, as the file is written, so a caller can parse them as they are asked for and
    /// need not hold them all. When the cache cannot be written, <paramref name="parsed"/> may not be read to the end.
    /// </summary>
    public void AddAll(IEnumerable<(string Version, string Path, RiskFile? File, byte[]? Encoded)> parsed, IReadOnlySet<(string Version, string Path)> used) =>
        Write(_scannedAt, [.. _stats.Values], parsed, used);

    /// <summary>A parsed version as the cache holds it: read back with <see cref="RiskFileBinary.Read"/>.</summary>
    public static byte[] Encode(RiskFile file)
    {
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            RiskFileBinary.Write(w, file);
        }

        return body.ToArray();
    }

    private void Write(DateTime scannedAt, IReadOnlyList<FileStat> scanned, IEnumerable<(string Version, string Path, RiskFile? File, byte[]? Encoded)> parsed, IReadOnlySet<(string Version, string Path)> used)
    {
        string? temp = null;
        try
        {
            Directory.CreateDirectory(_folder);
            RemoveOrphans();
            temp = Path.Combine(_folder, $".{FileName}.{Environment.ProcessId}.tmp");
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                WriteFile(file, scannedAt, scanned, parsed, used);
            }

            File.Move(temp, Path.Combine(_folder, FileName), overwrite: true);
            temp = null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
        finally
        {
            if (temp is not null)
            {
                try
                {
                    File.Delete(temp);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
    }

    /// <summary>
    /// The file: <see cref="Magic"/>; the parsed versions one after another; the table of contents
    /// (format, program, time of the scan, the work tree's files with size, time and blob id, and
    /// each parsed version's blob id, path, place and checksum); and a trailer giving the table's
    /// place, length and checksum. Written in one pass, so the parsed versions are never all held
    /// in memory at once.
    /// </summary>
    private void WriteFile(FileStream file, DateTime scannedAt, IReadOnlyList<FileStat> scanned, IEnumerable<(string Version, string Path, RiskFile? File, byte[]? Encoded)> parsed, IReadOnlySet<(string Version, string Path)> used)
    {
        file.Write(Magic);
        var entries = new List<(string Version, string Path, Body Body)>();
        var written = new HashSet<(string, string)>();
        using var body = new MemoryStream();

        // The versions parsed now, then those held before that were read now, then the rest (newest written first, so kept first), to the cap.
        foreach (var (version, path, parsedFile, encoded) in parsed)
        {
            if (written.Count < MaxEntries && written.Add((version, path)))
            {
                body.SetLength(0);
                if (parsedFile is not null)
                {
                    using var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true);
                    RiskFileBinary.Write(w, parsedFile);
                }

                var bytes = encoded ?? body.GetBuffer().AsSpan(0, (int)body.Length);
                entries.Add((version, path, new Body(file.Position, bytes.Length, XxHash3.HashToUInt64(bytes))));
                file.Write(bytes);
            }
        }

        if (_handle is not null)
        {
            var buffer = new byte[16 << 10];
            foreach (var ((version, path), held) in _parsed.OrderBy(kv => used.Contains(kv.Key) ? 0 : 1).ThenBy(kv => kv.Value.Offset))
            {
                if (written.Count < MaxEntries && written.Add((version, path)))
                {
                    if (buffer.Length < held.Length)
                    {
                        buffer = new byte[held.Length];
                    }

                    if (!ReadAt(_handle!, held.Offset, buffer.AsSpan(0, held.Length)))
                    {
                        continue;
                    }

                    entries.Add((version, path, held with { Offset = file.Position }));
                    file.Write(buffer, 0, held.Length);
                }
            }
        }

        // The table of contents goes straight to the file and its checksum is taken from there: held in memory whole it
        // was several megabytes (sixty thousand entries), allocated and dropped at every write.
        var tocAt = file.Position;
        using (var w = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Format);
            w.Write(Program.Value);
            w.Write(scannedAt.Ticks);
            w.Write(scanned.Count);
            foreach (var stat in scanned)
            {
                w.Write(stat.Path);
                w.Write(stat.Size);
                w.Write(stat.Modified);
                w.Write(stat.Version);
            }

            w.Write(entries.Count);
            foreach (var (version, path, at) in entries)
            {
                w.Write(version);
                w.Write(path);
                w.Write(at.Offset);
                w.Write(at.Length);
                w.Write(at.Hash);
            }
        }

        file.Flush();
        var tocLength = checked((int)(file.Position - tocAt));
        var hash = new XxHash3();
        var chunk = new byte[64 << 10];
        for (long at = tocAt, end = tocAt + tocLength; at < end;)
        {
            var read = RandomAccess.Read(file.SafeFileHandle, chunk.AsSpan(0, (int)Math.Min(chunk.Length, end - at)), at);
            if (read <= 0)
            {
                throw new IOException($"{file.Name}: the table of contents just written could not be read back");
            }

            hash.Append(chunk.AsSpan(0, read));
            at += read;
        }

        Span<byte> trailer = stackalloc byte[TrailerBytes];
        BitConverter.TryWriteBytes(trailer, tocAt);
        BitConverter.TryWriteBytes(trailer[8..], tocLength);
        BitConverter.TryWriteBytes(trailer[12..], hash.GetCurrentHashAsUInt64());
        file.Write(trailer);
    }

    /// <summary>The trailer: the table of contents' place (8 bytes), length (4) and checksum (8).</summary>
    private const int TrailerBytes = 20;

    /// <summary>Reads the cache's table of contents, or null when it is not one this build can use.</summary>
    private static (Dictionary<string, FileStat> Stats, Dictionary<(string, string), Body> Parsed, DateTime ScannedAt)? Index(SafeFileHandle file, long size)
    {
        if (size < Magic.Length + TrailerBytes)
        {
            return null;
        }

        Span<byte> start = stackalloc byte[Magic.Length];
        Span<byte> trailer = stackalloc byte[TrailerBytes];
        if (!ReadAt(file, 0, start) || !start.SequenceEqual(Magic) || !ReadAt(file, size - TrailerBytes, trailer))
        {
            return null;
        }

        var tocAt = BitConverter.ToInt64(trailer);
        var tocLength = BitConverter.ToInt32(trailer[8..]);
        if (tocAt < Magic.Length || tocLength < 0 || tocAt + tocLength != size - TrailerBytes)
        {
            return null;
        }

        var contents = new byte[tocLength];
        if (!ReadAt(file, tocAt, contents) || XxHash3.HashToUInt64(contents) != BitConverter.ToUInt64(trailer[12..]))
        {
            return null;
        }

        using var r = new BinaryReader(new MemoryStream(contents, writable: false), Encoding.UTF8);
        if (r.ReadInt32() != Format || r.ReadString() != Program.Value)
        {
            return null;
        }

        var scannedAt = new DateTime(r.ReadInt64(), DateTimeKind.Utc);
        var statCount = r.ReadInt32();
        if (statCount < 0 || statCount > tocLength)
        {
            return null;
        }

        var stats = new Dictionary<string, FileStat>(statCount, StringComparer.Ordinal);
        for (var i = 0; i < statCount; i++)
        {
            var stat = new FileStat(r.ReadString(), r.ReadInt64(), r.ReadInt64(), r.ReadString());
            stats[stat.Path] = stat;
        }

        var count = r.ReadInt32();
        if (count < 0 || count > tocLength)
        {
            return null;
        }

        var parsed = new Dictionary<(string, string), Body>(count);
        for (var i = 0; i < count; i++)
        {
            var version = r.ReadString();
            var path = r.ReadString();
            var body = new Body(r.ReadInt64(), r.ReadInt32(), r.ReadUInt64());
            if (body.Offset < Magic.Length || body.Length < 0 || body.Offset + body.Length > tocAt)
            {
                return null;
            }

            parsed[(version, path)] = body;
        }

        return (stats, parsed, scannedAt);
    }

    private void RemoveOrphans()
    {
        foreach (var orphan in Directory.EnumerateFiles(_folder, $".{FileName}.*.tmp"))
        {
            try
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(orphan) > OrphanAge)
                {
                    File.Delete(orphan);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}

/// <summary>A work-tree file's size and modification time (UTC ticks) when its blob id was worked out.</summary>
internal sealed record FileStat(string Path, long Size, long Modified, string Version);
