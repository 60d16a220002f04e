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
/// without following a link and without waiting, checked again through the open handle (so
/// nothing swapped in between is read), and at most one byte more than the cap is read.
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
    /// The bytes of the file at <paramref name="relative"/> within <paramref name="root"/>, or why it
    /// is not read ("is a named pipe (FIFO), not a file; ..."), said after the file's name. A file
    /// that is not there throws <see cref="FileNotFoundException"/>, as <see cref="File.ReadAllBytes"/> does.
    /// </summary>
    public static (byte[]? Bytes, string? Refusal) Read(string root, string relative, int cap = SafeText.MaxFileBytes)
    {
        var full = Path.Combine(root, relative);
        var status = Status(full, follow: false);

        // Where the path really leads, through a link in its last part or in any folder on the way.
        var real = RealPath(full);
        if (real is null)
        {
            var written = File.ResolveLinkTarget(full, returnFinalTarget: false)?.FullName ?? full;
            return (null, $"is a link to {written}, which does not exist");
        }

        if (!IsWithin(RealPath(root) ?? Path.GetFullPath(root), real))
        {
            return (null, $"is a link to {real}, outside the register; put the file itself here");
        }

        var target = real;
        if ((status.Mode & TypeMask) == Link)
        {
            status = Status(target, follow: false);
        }

        if (Refusal(status, cap) is { } refused)
        {
            return (null, refused);
        }

        var fd = Open(target, ONonBlock | ONoFollow | OCloExec);
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error == NoEntry ? throw new FileNotFoundException($"{relative} is not there", full)
                : error == TooManyLinks ? (null, "became a link while it was being read; read it again")
                : throw new IOException($"cannot open {relative}: {Marshal.GetPInvokeErrorMessage(error)}");
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (FStat(fd, out var opened) != 0)
        {
            throw new IOException($"cannot read {relative}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        if (Refusal(opened, cap) is { } changed)
        {
            return (null, changed);
        }

        // At most one byte over the cap, however the file grows meanwhile: the text check then reports its size.
        using var stream = new FileStream(handle, FileAccess.Read, 1);
        var buffer = new byte[Math.Min(opened.Size, cap) + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        return read > cap
            ? (null, TooLarge(Math.Max(opened.Size, read), cap))
            : (buffer[..read], null);
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
        Regular when status.Size > cap => TooLarge(status.Size, cap),
        Regular => null,
        Fifo => "is a named pipe (FIFO), not a file; remove it",
        Socket => "is a socket, not a file; remove it",
        CharDevice or BlockDevice => "is a device, not a file; remove it",
        Directory => "is a folder, not a file",
        Link => "is a link to a link; put the file itself here",
        _ => "is not a file",
    };

    private static string TooLarge(long size, int cap) =>
        $"file is {size:N0} bytes; a register file may be at most {cap:N0} bytes ({cap / 1024} KiB)";

    private static bool IsWithin(string root, string path) =>
        path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

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
