using System.Runtime.InteropServices;

namespace Risks.Storage.Git;

/// <summary>
/// An exclusive, blocking <c>flock</c> on a file, held until disposed. The kernel releases it
/// when the process dies, so a crashed save never leaves a lock behind.
/// </summary>
public sealed partial class FileLock : IDisposable
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int OpenReadWrite = 2;
    private const int OpenCreate = 0x40;
    private const int OpenCloseOnExec = 0x80000;
    private const int Interrupted = 4;
    private const int WouldBlock = 11;

    private int _fd;

    private FileLock(int fd) => _fd = fd;

    /// <summary>Waits up to <paramref name="timeout"/> for the lock.</summary>
    public static FileLock Acquire(string path, TimeSpan timeout)
    {
        var fd = Open(path, OpenReadWrite | OpenCreate | OpenCloseOnExec, Convert.ToInt32("664", 8));
        if (fd < 0)
        {
            throw new IOException($"cannot open the lock file {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        var deadline = DateTime.UtcNow + timeout;
        var wait = 1;
        while (true)
        {
            if (Flock(fd, LockExclusive | LockNonBlocking) == 0)
            {
                return new FileLock(fd);
            }

            var error = Marshal.GetLastPInvokeError();
            if (error != WouldBlock && error != Interrupted)
            {
                Close(fd);
                throw new IOException($"cannot lock {path}: {Marshal.GetPInvokeErrorMessage(error)}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Close(fd);
                throw new TimeoutException($"another save has held the register's lock ({path}) for over {Core.Domain.Text.Count((int)timeout.TotalSeconds, "second")}");
            }

            Thread.Sleep(wait);
            wait = Math.Min(wait * 2, 50);
        }
    }

    public void Dispose()
    {
        if (_fd > 0)
        {
            Close(_fd);
            _fd = -1;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
