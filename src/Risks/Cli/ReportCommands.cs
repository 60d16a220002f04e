using System.CommandLine;
using Risks.App;
using Risks.Core.Papers;

namespace Risks.Cli;

/// <summary><c>risks report</c>: the board's BAF paper from the register as committed.</summary>
internal sealed partial class Commands
{
    public int Report(string? at, string format, string? output, ParseResult parse)
    {
        var register = Open(parse);
        if (format is "pdf" or "docx" && (output is null || output == "-"))
        {
            Error.WriteLine($"risks: --format {format} writes a file: give it with --out, such as --out BAF.{format}");
            return ExitCodes.Usage;
        }

        string? browser = null;
        if (format == "pdf" && (browser = Risks.App.Printing.Chromium.Find(context.Variable)) is null)
        {
            Error.WriteLine($"risks: {Risks.App.Printing.Chromium.Missing}");
            return ExitCodes.Failure;
        }

        var paper = Papers.Make(register, at);
        foreach (var file in paper.Unreadable)
        {
            Error.WriteLine($"risks: {file} could not be read at commit {paper.Source.ShortCommit} and is not in the paper (run 'risks check' on a checkout of that commit to see why)");
        }

        var done = paper.Unreadable.Count > 0 ? ExitCodes.Problems : ExitCodes.Ok;
        if (output is null || output == "-")
        {
            Out.Write(Paper.Render(paper, format == "markdown" ? PaperFormat.Markdown : PaperFormat.Html));
            return done;
        }

        var path = Path.GetFullPath(output, context.CurrentDirectory);
        long bytes;
        switch (format)
        {
            case "pdf":
                var (pdf, error) = Risks.App.Printing.Chromium.Print(browser!, Paper.Render(paper, PaperFormat.Html), paper.Source.Committed);
                if (pdf is null)
                {
                    Error.WriteLine($"risks: {error}");
                    return ExitCodes.Failure;
                }

                bytes = Storage.Files.OutputFile.WriteBytes(path, s => s.Write(pdf));
                break;
            case "docx":
                bytes = Storage.Files.OutputFile.WriteBytes(path, s => Risks.App.Printing.PaperDocx.Write(paper, s));
                break;
            default:
                var text = Paper.Render(paper, format == "markdown" ? PaperFormat.Markdown : PaperFormat.Html);
                bytes = Storage.Files.OutputFile.Write(path, w => w.Write(text));
                break;
        }

        var from = paper.Source.Iteration is { } iteration ? $"iteration {iteration}, commit {paper.Source.ShortCommit}" : $"commit {paper.Source.ShortCommit}";
        Out.WriteLine($"Wrote the BAF paper for {paper.Period} ({from}; {Core.Domain.Text.Count(paper.Risks.Count, "strategic risk")}) to {path} ({Math.Max(1, bytes / 1024)} KB).");
        return done;
    }
}
