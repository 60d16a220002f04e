namespace Risks.Core.Presentation;

/// <summary>A part of a document (docs/format.md) written by the program between two marker lines, so it cannot drift from what it describes.</summary>
public static class GeneratedSection
{
    /// <summary>The document with what lies between <paramref name="start"/> and <paramref name="end"/> replaced by <paramref name="content"/>.</summary>
    public static string Into(string document, string start, string end, string content)
    {
        var from = document.IndexOf(start, StringComparison.Ordinal);
        var to = document.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            throw new InvalidOperationException($"the document has no place for a generated section: it needs the lines {start} and {end}");
        }

        return document[..(from + start.Length)] + "\n\n" + content + "\n" + document[to..];
    }
}
