using System.CommandLine;
using Risks.App;
using Risks.App.Printing;
using Risks.Core.Papers;

namespace Risks.Cli;

/// <summary><c>risks report</c>: the board's BAF paper from the register as committed.</summary>
internal sealed partial class Commands
{
    public int Report(string? at, string format, string? output, ParseResult parse)
    {
        var register = Open(parse);
        var paperFormat = PaperFiles.Parse(format);
        if (paperFormat is PaperFormat.Pdf or PaperFormat.Docx && (output is null || output == "-"))
        {
            Error.WriteLine($"risks: --format {format} writes a file: give it with --out, such as --out BAF.{format}");
            return ExitCodes.Usage;
        }

        if (paperFormat == PaperFormat.Pdf && Chromium.Find(context.Variable) is null)
        {
            Error.WriteLine($"risks: {Chromium.Missing}");
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
            Out.Write(Paper.Render(paper, paperFormat));
            return done;
        }

        var path = Path.GetFullPath(output, context.CurrentDirectory);
        var (bytes, error) = PaperFiles.Write(paper, paperFormat, path, context.Variable);
        if (error is not null)
        {
            Error.WriteLine($"risks: {error}");
            return ExitCodes.Failure;
        }

        var from = paper.Source.Iteration is { } iteration ? $"iteration {iteration}, commit {paper.Source.ShortCommit}" : $"commit {paper.Source.ShortCommit}";
        Out.WriteLine($"Wrote the BAF paper for {paper.Period} ({from}; {Core.Domain.Text.Count(paper.Risks.Count, "strategic risk")}) to {path} ({Math.Max(1, bytes / 1024)} KB).");
        return done;
    }
}
