namespace Risks.Storage.Git;

/// <summary>
/// Writes a file whole or not at all: a temporary file (<c>.NAME.PID.tmp</c>) beside it, flushed
/// to disk, then renamed over it, so no one ever reads half a file and a writer killed part-way
/// leaves only a temporary file (removed by <see cref="Recovery"/> once its process is gone).
/// </summary>
internal static class AtomicFile
{
    public static void Write(string file, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = Path.Combine(Path.GetDirectoryName(file)!, $".{Path.GetFileName(file)}.{Environment.ProcessId}.tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, file, overwrite: true);
    }
}
