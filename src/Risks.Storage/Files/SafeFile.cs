using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Risks.Storage.Yaml;

namespace Risks.Storage.Files;

/// <summary>
/// Reads a file of the register's folder, which anyone who can write there may have replaced by
/// something that is not a file. Before a byte is read it checks what the path is (<c>lstat</c>):
/// only a regular file is read; a link is followed only to a file inside the register; a named
/// pipe, socket, device or folder is refused (opening a pipe would wait for a writer for ever), and
/// so is a file over the size cap, by the size the file system reports. The file is then opened
/// without following a link and without waiting, checked again through the open handle, its kind,
/// size and where it really is (so nothing swapped in between is read, not even through a folder
/// on its way made a link), and at most one byte more than the cap is read. The program's own
/// files under <c>.git</c> are read the same way, with caps of their own.
/// </summary>
/// <remarks>Linux (x86-64) system calls, as the program runs there.</remarks>
public static partial class SafeFile
{
    private const int ONonBlock = 0x800;
    private const int ONoFollow = 0x20000;
    private const int OCloExec = 0x80000;
    private const uint TypeMask = 0xF000;
    private const uint Regular = 0x8000;
    private const uint Directory = 0x4000;
    private const uint Link = 0xA000;
    private const uint Fifo = 0x1000;
    private const uint Socket = 0xC000;
    private const uint CharDevice = 0x2000;
    private const uint BlockDevice = 0x6000;
    private const int NoEntry = 2;
    private const int NotADirectory = 20;
    private const int TooManyLinks = 40;

    /// <summary>
    /// The cap for the program's own files under <c>.git</c> (the journal of a write, the parse
    /// cache, the change index): 1 GiB, far beyond what they hold for 10,000 risks and their
    /// history (tens of MB), so only a file that is not the program's is refused by its size.
    /// </summary>
    public const int MaxStateBytes = 1 << 30;

    /// <summary>
    /// The cap for an edit kept under <c>.git</c> (a person's draft, an edit a sync left to resolve):
    /// 4 MiB, room for a risk and the version it was made on, each at most 256 KiB as YAML, as JSON.
    /// </summary>
    public const int MaxKeptEditBytes = 4 << 20;

    /// <summary>
    /// The bytes of the file at <paramref name="relative"/> within <paramref name="root"/>, or why it
    /// is not read ("is a named pipe (FIFO), not a file; ..."), said after the file's name. A file
    /// that is not there throws <see cref="FileNotFoundException"/>, as <see cref="File.ReadAllBytes"/> does.
    /// </summary>
    public static (byte[]? Bytes, string? Refusal) Read(string root, string relative, int cap = SafeText.MaxFileBytes)
    {
        var (stream, size, refusal) = OpenRead(root, relative, cap);
        if (stream is null)
        {
            return (null, refusal);
        }

        using (stream)
        {
            // Read to its end, as a file that grew since it was looked at is read whole; but never
            // past the cap, however it grows. The size looked at is usually right, so the buffer is
            // made once and not copied.
            var buffer = new byte[Math.Min(size, cap)];
            var read = 0;
            Span<byte> more = stackalloc byte[1];
            while (true)
            {
                read += Fill(stream, buffer, read);
                if (read < buffer.Length)
                {
                    return (buffer[..read], null);
                }

                if (stream.Read(more) == 0)
                {
                    return (buffer, null);
                }

                if (buffer.Length >= cap)
                {
                    return (null, SafeText.TooLarge(Math.Max(size, read + 1L), cap));
                }

                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L + 1, cap));
                buffer[read++] = more[0];
            }
        }
    }

    /// <summary>Reads into <paramref name="buffer"/> from <paramref name="at"/> until it is full or the file ends; how many bytes were read.</summary>
    private static int Fill(FileStream stream, byte[] buffer, int at)
    {
        var start = at;
        int n;
        while (at < buffer.Length && (n = stream.Read(buffer, at, buffer.Length - at)) > 0)
        {
            at += n;
        }

        return at - start;
    }

    /// <summary>
    /// The file at <paramref name="relative"/> within <paramref name="root"/>, open for reading once
    /// it is known to be a regular file in the register of at most <paramref name="cap"/> bytes (its
    /// size as the open handle reports it), or why it is not opened. For a reader that streams the
    /// file; it should still read no more than <c>Size</c>, as the file may grow. A file that is not
    /// there throws <see cref="FileNotFoundException"/>.
    /// </summary>
    public static (FileStream? Stream, long Size, string? Refusal) OpenRead(string root, string relative, int cap)
    {
        var full = Path.Combine(root, relative);
        var status = Status(full, follow: false);
        var realRoot = RealPath(root) ?? Path.GetFullPath(root);

        // Where the path really leads, through a link in its last part or in any folder on the way.
        var real = RealPath(full);
        if (real is null)
        {
            var written = File.ResolveLinkTarget(full, returnFinalTarget: false)?.FullName ?? full;
            return (null, 0, $"is a link to {written}, which does not exist");
        }

        if (!IsWithin(realRoot, real))
        {
            return (null, 0, $"is a link to {real}, outside the register; put the file itself here");
        }

        if ((status.Mode & TypeMask) == Link)
        {
            status = Status(real, follow: false);
        }

        if (Refusal(status, cap) is { } refused)
        {
            return (null, 0, refused);
        }

        var fd = Open(real, ONonBlock | ONoFollow | OCloExec);
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error == NoEntry ? throw new FileNotFoundException($"{relative} is not there", full)
                : error == TooManyLinks ? (null, 0, "became a link while it was being read; read it again")
                : throw new IOException($"cannot open {relative}: {Marshal.GetPInvokeErrorMessage(error)}");
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            if (FStat(fd, out var opened) != 0)
            {
                throw new IOException($"cannot read {relative}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            }

            if (Refusal(opened, cap) is { } changed)
            {
                handle.Dispose();
                return (null, 0, changed);
            }

            // A folder on the way swapped for a link after the check would have led the open out of
            // the register: the kernel says where the open handle really is.
            if (OpenedPath(fd) is { } where && !IsWithin(realRoot, where))
            {
                handle.Dispose();
                return (null, 0, $"leads to {where}, outside the register (a folder on its way became a link); put the file itself here");
            }

            return (new FileStream(handle, FileAccess.Read), opened.Size, null);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The file's bytes, or null when there is no file there; a refusal is thrown as an <see cref="UnreadableFileException"/> naming the file.</summary>
    public static byte[]? ReadIfThere(string root, string relative)
    {
        try
        {
            return ReadAllBytes(root, relative);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary><see cref="Read"/>, with a refusal thrown as an <see cref="UnreadableFileException"/> naming the file.</summary>
    public static byte[] ReadAllBytes(string root, string relative, int cap = SafeText.MaxFileBytes)
    {
        var (bytes, refusal) = Read(root, relative, cap);
        return bytes ?? throw new UnreadableFileException(relative, refusal!);
    }

    /// <summary>What the file is, in words, when it is not one to read: a pipe, socket, device, folder, or too large.</summary>
    private static string? Refusal(Stat status, int cap) => (status.Mode & TypeMask) switch
    {
        Regular when status.Size > cap => SafeText.TooLarge(status.Size, cap),
        Regular => null,
        Fifo => "is a named pipe (FIFO), not a file; remove it",
        Socket => "is a socket, not a file; remove it",
        CharDevice or BlockDevice => "is a device, not a file; remove it",
        Directory => "is a folder, not a file",
        Link => "is a link to a link; put the file itself here",
        _ => "is not a file",
    };

    private static bool IsWithin(string root, string path) =>
        path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    /// <summary>The path an open file descriptor refers to, as the kernel knows it (<c>/proc/self/fd</c>); null where there is no <c>/proc</c>.</summary>
    private static string? OpenedPath(int fd)
    {
        try
        {
            return new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static Stat Status(string path, bool follow)
    {
        if ((follow ? StatPath(path, out var status) : LStat(path, out status)) == 0)
        {
            return status;
        }

        var error = Marshal.GetLastPInvokeError();
        return error is NoEntry or NotADirectory
            ? throw new FileNotFoundException($"{path} is not there", path)
            : throw new IOException($"cannot read {path}: {Marshal.GetPInvokeErrorMessage(error)}");
    }

    /// <summary>The path with every link resolved, or null when it leads nowhere.</summary>
    private static string? RealPath(string path)
    {
        var resolved = RealPathNative(path, 0);
        if (resolved == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>The parts of <c>struct stat</c> (x86-64) read here: its kind and permissions, and its size.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 144)]
    private struct Stat
    {
        [FieldOffset(24)]
        public uint Mode;

        [FieldOffset(48)]
        public long Size;
    }

    [LibraryImport("libc", EntryPoint = "lstat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, out Stat status);

    [LibraryImport("libc", EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatPath(string path, out Stat status);

    [LibraryImport("libc", EntryPoint = "fstat", SetLastError = true)]
    private static partial int FStat(int fd, out Stat status);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "realpath", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint RealPathNative(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);
}

/// <summary>A file of the register that is not one the program reads: a pipe, a device, a link out of the register, or too large.</summary>
public sealed class UnreadableFileException(string file, string reason) : IOException($"{file}: {reason}")
{
    public string File { get; } = file;

    public string Reason { get; } = reason;
}
