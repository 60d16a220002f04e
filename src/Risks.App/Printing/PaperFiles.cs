using Risks.Core.Papers;
using Risks.Storage.Files;

namespace Risks.App.Printing;

/// <summary>Writes a paper to a file in any of its forms, for the CLI and the UI alike: whole or not at all.</summary>
public static class PaperFiles
{
    /// <summary>The form named by <c>--format</c>: html, markdown, pdf or docx.</summary>
    public static PaperFormat Parse(string word) => word switch
    {
        "markdown" => PaperFormat.Markdown,
        "pdf" => PaperFormat.Pdf,
        "docx" => PaperFormat.Docx,
        _ => PaperFormat.Html,
    };

    /// <summary>
    /// Writes <paramref name="paper"/> to <paramref name="path"/>: its size in bytes, or why it
    /// could not be made (no browser to print a PDF with, or the browser failing), when nothing is written.
    /// </summary>
    public static (long Bytes, string? Error) Write(BoardPaper paper, PaperFormat format, string path, Func<string, string?> variable)
    {
        switch (format)
        {
            case PaperFormat.Pdf:
                if (Chromium.Find(variable) is not { } browser)
                {
                    return (0, Chromium.Missing);
                }

                var (pdf, error) = Chromium.Print(browser, Paper.Render(paper, PaperFormat.Html), paper.Source.Committed);
                return pdf is null ? (0, error) : (OutputFile.WriteBytes(path, s => s.Write(pdf)), null);
            case PaperFormat.Docx:
                return (OutputFile.WriteBytes(path, s => PaperDocx.Write(paper, s)), null);
            default:
                var text = Paper.Render(paper, format);
                return (OutputFile.Write(path, w => w.Write(text)), null);
        }
    }
}
