using System.IO.Hashing;
using System.Text;
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
/// It is derived, never the source of truth: a cache that is missing, damaged (its checksum
/// fails), of another format or written by another build of the program is ignored and written
/// anew. It is replaced whole by a rename, so readers never see half of one and, when several
/// processes write at once, the last one's stands; a writer killed part-way leaves only a
/// temporary file, removed by a later writer. A file's size and time are trusted only when they
/// were recorded at least <see cref="RacyMargin"/> after the file last changed, so a change in the
/// same tick as a scan (or within a coarse file system's time step) is never missed.
/// </remarks>
internal sealed class ParseCache
{
    public const string FolderName = "risks-cache";

    public const string FileName = "parsed.bin";

    /// <summary>How many parsed versions are kept at most: the work tree's and, after them, the most recent others (past versions read for history, comparisons and papers).</summary>
    public const int MaxEntries = 60_000;

    private const int Format = 1;

    /// <summary>Two seconds: more than the coarsest time step of the file systems a register may be on.</summary>
    private static readonly TimeSpan RacyMargin = TimeSpan.FromSeconds(2);

    /// <summary>Temporary files of writers killed part-way are removed when older than this: no writer takes so long.</summary>
    private static readonly TimeSpan OrphanAge = TimeSpan.FromMinutes(10);

    private static readonly byte[] Magic = "RISKS PARSE CACHE\n"u8.ToArray();

    private static readonly Lazy<string> Program = new(() =>
        $"{typeof(ParseCache).Assembly.ManifestModule.ModuleVersionId:N}/{typeof(Risk).Assembly.ManifestModule.ModuleVersionId:N}");

    private readonly string _folder;
    private readonly byte[] _bytes;
    private readonly Dictionary<string, FileStat> _stats;
    private readonly Dictionary<(string Version, string Path), (int Offset, int Length)> _parsed;
    private readonly DateTime _scannedAt;

    private ParseCache(string folder, byte[] bytes, Dictionary<string, FileStat> stats, Dictionary<(string, string), (int, int)> parsed, DateTime scannedAt)
    {
        _folder = folder;
        _bytes = bytes;
        _stats = stats;
        _parsed = parsed;
        _scannedAt = scannedAt;
    }

    /// <summary>The path of the cache of the register whose Git directory is <paramref name="gitDir"/>.</summary>
    public static string PathIn(string gitDir) => Path.Combine(gitDir, FolderName, FileName);

    /// <summary>How many parsed versions the cache holds.</summary>
    public int Count => _parsed.Count;

    /// <summary>The cache as the last writer left it, or an empty one when there is none that can be used.</summary>
    public static ParseCache Open(string gitDir)
    {
        var folder = Path.Combine(gitDir, FolderName);
        try
        {
            // Looked at before it is read, as the register's files are: a named pipe here would make every load wait.
            if (SafeFile.Read(gitDir, Path.Combine(FolderName, FileName), SafeFile.MaxStateBytes).Bytes is { } bytes && Index(bytes) is { } index)
            {
                return new ParseCache(folder, bytes, index.Stats, index.Parsed, index.ScannedAt);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException or ArgumentException or FormatException)
        {
        }

        return new ParseCache(folder, [], new(StringComparer.Ordinal), [], DateTime.MinValue);
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

    /// <summary>A version of a risk file as parsed before.</summary>
    public bool TryGet(string version, string path, out RiskFile file)
    {
        if (_parsed.TryGetValue((version, path), out var at))
        {
            using var reader = new BinaryReader(new MemoryStream(_bytes, at.Offset, at.Length, writable: false), Encoding.UTF8);
            file = RiskFileBinary.Read(reader);
            return true;
        }

        file = null!;
        return false;
    }

    /// <summary>Whether the cache holds a version already.</summary>
    public bool Holds(string version, string path) => _parsed.ContainsKey((version, path));

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
        Write(scannedAt, scanned, parsed, used);
    }

    /// <summary>
    /// Adds versions parsed from the object database (a past commit's files) to the cache, keeping
    /// what it records of the work tree as it was.
    /// </summary>
    public void Add(IReadOnlyList<(string Version, string Path, RiskFile File)> parsed, IReadOnlySet<(string Version, string Path)> used)
    {
        if (parsed.Count > 0)
        {
            Write(_scannedAt, [.. _stats.Values], parsed, used);
        }
    }

    private void Write(DateTime scannedAt, IReadOnlyList<FileStat> scanned, IReadOnlyList<(string Version, string Path, RiskFile File)> parsed, IReadOnlySet<(string Version, string Path)> used)
    {
        string? temp = null;
        try
        {
            Directory.CreateDirectory(_folder);
            RemoveOrphans();
            temp = Path.Combine(_folder, $".{FileName}.{Environment.ProcessId}.tmp");
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var hashing = new HashingStream(file))
            {
                using (var w = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
                {
                    WriteBody(w, scannedAt, scanned, parsed, used);
                }

                file.Write(BitConverter.GetBytes(hashing.Hash.GetCurrentHashAsUInt64()));
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

    private void WriteBody(BinaryWriter w, DateTime scannedAt, IReadOnlyList<FileStat> scanned, IReadOnlyList<(string Version, string Path, RiskFile File)> parsed, IReadOnlySet<(string Version, string Path)> used)
    {
        w.Write(Magic);
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

        // The versions parsed now, then those held before that were read now, then the rest (newest written first, so kept first), to the cap.
        var written = new HashSet<(string, string)>();
        var entries = new List<Action>();
        foreach (var (version, path, file) in parsed)
        {
            if (written.Count < MaxEntries && written.Add((version, path)))
            {
                entries.Add(() => WriteEntry(w, version, path, buffer => RiskFileBinary.Write(buffer, file)));
            }
        }

        foreach (var ((version, path), at) in _parsed.OrderBy(kv => used.Contains(kv.Key) ? 0 : 1).ThenBy(kv => kv.Value.Offset))
        {
            if (written.Count < MaxEntries && written.Add((version, path)))
            {
                entries.Add(() => WriteEntry(w, version, path, buffer => buffer.Write(_bytes, at.Offset, at.Length)));
            }
        }

        w.Write(entries.Count);
        foreach (var write in entries)
        {
            write();
        }
    }

    private static void WriteEntry(BinaryWriter w, string version, string path, Action<BinaryWriter> body)
    {
        using var memory = new MemoryStream();
        using (var buffer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            body(buffer);
        }

        w.Write(version);
        w.Write(path);
        w.Write((int)memory.Length);
        w.Write(memory.GetBuffer(), 0, (int)memory.Length);
    }

    /// <summary>Reads the cache's table of contents, or null when it is not one this build can use.</summary>
    private static (Dictionary<string, FileStat> Stats, Dictionary<(string, string), (int, int)> Parsed, DateTime ScannedAt)? Index(byte[] bytes)
    {
        if (bytes.Length < Magic.Length + 8 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return null;
        }

        var body = bytes.AsSpan(0, bytes.Length - 8);
        if (XxHash3.HashToUInt64(body) != BitConverter.ToUInt64(bytes, bytes.Length - 8))
        {
            return null;
        }

        using var stream = new MemoryStream(bytes, 0, bytes.Length - 8, writable: false);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        r.ReadBytes(Magic.Length);
        if (r.ReadInt32() != Format || r.ReadString() != Program.Value)
        {
            return null;
        }

        var scannedAt = new DateTime(r.ReadInt64(), DateTimeKind.Utc);
        var statCount = r.ReadInt32();
        var stats = new Dictionary<string, FileStat>(statCount, StringComparer.Ordinal);
        for (var i = 0; i < statCount; i++)
        {
            var stat = new FileStat(r.ReadString(), r.ReadInt64(), r.ReadInt64(), r.ReadString());
            stats[stat.Path] = stat;
        }

        var count = r.ReadInt32();
        var parsed = new Dictionary<(string, string), (int, int)>(count);
        for (var i = 0; i < count; i++)
        {
            var version = r.ReadString();
            var path = r.ReadString();
            var length = r.ReadInt32();
            var offset = (int)stream.Position;
            if (length < 0 || offset + length > stream.Length)
            {
                return null;
            }

            parsed[(version, path)] = (offset, length);
            stream.Position = offset + length;
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

    /// <summary>Passes writes on to a stream, hashing them on the way.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        public XxHash3 Hash { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Hash.Append(buffer);
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>A work-tree file's size and modification time (UTC ticks) when its blob id was worked out.</summary>
internal sealed record FileStat(string Path, long Size, long Modified, string Version);
