using System.IO.Compression;

namespace Risks.Storage.Files;

/// <summary>Office Open XML files (Word documents, Excel workbooks) made the same every time from the same content.</summary>
public static partial class OpenXmlFile
{
    /// <summary>
    /// The package again, with what the packaging library makes up at random made fixed: its
    /// relationship ids (R and 16 hex digits) become rId1, rId2, ... in the order they first
    /// appear, the core properties' part is docProps/core.xml, and each entry carries the time given
    /// (a commit's); so the file depends only on what is in it.
    /// </summary>
    public static void Repack(MemoryStream package, Stream output, DateTimeOffset stamp)
    {
        package.Position = 0;
        var when = new DateTimeOffset(stamp.UtcDateTime.Year < 1980 ? new DateTime(1980, 1, 1) : stamp.UtcDateTime, TimeSpan.Zero);
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        var entries = source.Entries
            .OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : e.FullName.EndsWith(".rels", StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(e => e.FullName, StringComparer.Ordinal)
            .Select(e =>
            {
                using var reader = new StreamReader(e.Open());
                return (Name: e.FullName, Text: reader.ReadToEnd());
            })
            .ToList();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, text) in entries)
        {
            foreach (System.Text.RegularExpressions.Match match in RandomId().Matches(text))
            {
                ids.TryAdd(match.Value, $"rId{ids.Count + 1}");
            }
        }

        string Fixed(string text)
        {
            text = RandomId().Replace(text, m => ids[m.Value]);
            text = CoreProperties().Replace(text, "docProps/core.xml");
            // The core properties' type was given by their made-up extension; now it is given by their part's name.
            return text.Replace("<Default Extension=\"psmdcp\" ContentType=", "<Override PartName=\"/docProps/core.xml\" ContentType=", StringComparison.Ordinal);
        }

        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, text) in entries)
        {
            var copy = target.CreateEntry(CoreProperties().Replace(name, "docProps/core.xml"), CompressionLevel.Optimal);
            copy.LastWriteTime = when;
            using var writer = new StreamWriter(copy.Open(), new System.Text.UTF8Encoding(false));
            writer.Write(Fixed(text));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bR[0-9a-f]{16}\b")]
    private static partial System.Text.RegularExpressions.Regex RandomId();

    [System.Text.RegularExpressions.GeneratedRegex(@"package/services/metadata/core-properties/[0-9a-f]{32}\.psmdcp")]
    private static partial System.Text.RegularExpressions.Regex CoreProperties();
}
