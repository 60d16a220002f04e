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
        var paperFormat = format == "markdown" ? PaperFormat.Markdown : PaperFormat.Html;
        var paper = Papers.Make(register, at);
        var text = Paper.Render(paper, paperFormat);
        foreach (var file in paper.Unreadable)
        {
            Error.WriteLine($"risks: {file} could not be read at commit {paper.Source.ShortCommit} and is not in the paper (run 'risks check' on a checkout of that commit to see why)");
        }

        if (output is null || output == "-")
        {
            Out.Write(text);
        }
        else
        {
            var path = Path.GetFullPath(output, context.CurrentDirectory);
            var bytes = Storage.Files.OutputFile.Write(path, w => w.Write(text));
            var from = paper.Source.Iteration is { } iteration ? $"iteration {iteration}, commit {paper.Source.ShortCommit}" : $"commit {paper.Source.ShortCommit}";
            Out.WriteLine($"Wrote the BAF paper for {paper.Period} ({from}; {Core.Domain.Text.Count(paper.Risks.Count, "strategic risk")}) to {path} ({Math.Max(1, bytes / 1024)} KB).");
        }

        return paper.Unreadable.Count > 0 ? ExitCodes.Problems : ExitCodes.Ok;
    }
}
