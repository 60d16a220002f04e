using Risks.Core.Papers;

namespace Risks.App;

/// <summary>A file the register can be written out as, from the UI: a BAF paper, a workbook or a CSV export.</summary>
/// <param name="Label">How the choice reads in the list, such as "BAF paper (HTML) of iteration 2025-03".</param>
/// <param name="FileName">The file name offered, such as <c>BAF-2025-03.html</c>.</param>
/// <param name="Write">Writes the file at the path given and says what was written.</param>
public sealed record ExportChoice(string Label, string FileName, Func<string, string> Write);

/// <summary>
/// What the UI offers to write out: BAF papers, made from the register as committed, and the
/// register as an Excel workbook and its risks and actions as CSV, as the session last read them.
/// Unsaved edits are in none of them.
/// </summary>
public static class Exports
{
    public static IReadOnlyList<ExportChoice> For(Session session)
    {
        var register = session.Register;
        var iterations = register.Iterations.All();
        var latest = iterations.Count > 0 ? iterations[^1] : null;
        var head = register.Reader.HeadCommit();
        var choices = new List<ExportChoice>();
        if (latest is not null)
        {
            choices.AddRange(PaperChoices(session, latest.Name, latest.Name, $"iteration {latest.Name}"));
        }

        if (head is not null && head != latest?.Commit)
        {
            choices.AddRange(PaperChoices(session, head, head[..10], "the register as committed"));
        }

        choices.Add(new ExportChoice("Excel workbook (.xlsx) of risks, actions and board log", RegisterWorkbook.FileName(session.Today), path => Workbook(session, path)));
        choices.Add(new ExportChoice("Risks as CSV (one row per risk, every field)", RegisterCsv.RisksFileName(session), path => RegisterCsv.WriteRisks(session, path)));
        choices.Add(new ExportChoice("Actions as CSV (one row per action)", RegisterCsv.ActionsFileName(session), path => RegisterCsv.WriteActions(session, path)));
        return choices;
    }

    private static IEnumerable<ExportChoice> PaperChoices(Session session, string at, string version, string what)
    {
        var paper = new Lazy<BoardPaper>(() => Papers.Make(session.Register, at));
        foreach (var (format, name) in new[] { (PaperFormat.Html, "HTML, prints to A4"), (PaperFormat.Pdf, "PDF"), (PaperFormat.Docx, "Word"), (PaperFormat.Markdown, "Markdown") })
        {
            yield return new ExportChoice(
                $"BAF paper ({name}) of {what}",
                Paper.FileName(version, format),
                path =>
                {
                    var (bytes, error) = Printing.PaperFiles.Write(paper.Value, format, path, Environment.GetEnvironmentVariable);
                    if (error is not null)
                    {
                        throw new IOException(error);
                    }

                    return $"Wrote the BAF paper for {paper.Value.Period} ({what}, commit {paper.Value.Source.ShortCommit}) to {path} ({Math.Max(1, bytes / 1024)} KB).{LeftOut(paper.Value.Unreadable)}";
                });
        }
    }

    private static string Workbook(Session session, string path)
    {
        var bytes = RegisterWorkbook.Write(session.Register, session.Snapshot, null, session.Today, session.Clock.GetLocalNow(), path);
        return $"Wrote {Core.Domain.Text.Count(session.Snapshot.Risks.Count, "risk")} with their actions, and the board's actions and undertakings, to {path} ({Math.Max(1, bytes / 1024)} KB).{LeftOut(session.Snapshot.InvalidFiles)}";
    }

    /// <summary>" 2 risk files could not be read and are left out: a, b.", or "" when every file was read.</summary>
    internal static string LeftOut(IReadOnlyList<string> unreadable) =>
        unreadable.Count == 0
            ? ""
            : $" {Core.Domain.Text.Count(unreadable.Count, "risk file")} could not be read and {(unreadable.Count == 1 ? "is" : "are")} left out: {string.Join(", ", unreadable)}.";
}
