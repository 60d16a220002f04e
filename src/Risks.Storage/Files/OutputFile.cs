using System.Text;

namespace Risks.Storage.Files;

/// <summary>Files the program writes for people to take away: board papers and CSV exports.</summary>
public static class OutputFile
{
    /// <summary>
    /// Writes <paramref name="path"/> as UTF-8 (no byte order mark of its own: a writer that wants
    /// one writes U+FEFF) with what <paramref name="write"/> writes, through a temporary file in the
    /// same folder and a rename, so a reader never sees half a file and a failed write leaves any
    /// earlier file whole. Returns the file's size in bytes.
    /// </summary>
    public static long Write(string path, Action<TextWriter> write) =>
        WriteBytes(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { NewLine = "\n" };
            write(writer);
        });

    /// <summary>Writes <paramref name="path"/> with the bytes <paramref name="write"/> writes, as <see cref="Write"/> does: whole or not at all.</summary>
    public static long WriteBytes(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"cannot write {path}: there is no folder {folder}");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return new FileInfo(full).Length;
    }
}
