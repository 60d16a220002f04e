using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Scoring;

namespace Risks.Cli;

/// <summary>The risk list as a plain-text table that fits an 80-column terminal.</summary>
internal static class TableOutput
{
    private static readonly string[] Headers = ["ID", "Title", "Owner", "Current", "Band", "Tgt", "Next review", "Actions"];
    private static readonly int[] Limits = [10, 24, 16, 10, 8, 3, 18, 18];

    public static void List(TextWriter output, IReadOnlyList<RiskFacts> rows, RegisterSettings settings, DateOnly today)
    {
        var cells = rows.Select(f => new[]
        {
            f.Risk.Id.Value,
            f.Risk.Title,
            settings.NameOf(f.Risk.Owner),
            Formats.Score(f.Risk.Current),
            f.Band?.Name ?? "",
            f.TargetScore?.ToString(Formats.Culture) ?? "",
            f.Risk.NextReview is { } next ? Formats.Due(next, today) : "",
            f.OpenActions.Count == 0 ? "" : Formats.Actions(f),
        }).ToList();
        var widths = Headers.Select((h, i) => Math.Min(Limits[i], Math.Max(h.Length, cells.Select(c => c[i].Length).DefaultIfEmpty(0).Max()))).ToArray();
        output.WriteLine(Line(Headers, widths));
        foreach (var row in cells)
        {
            output.WriteLine(Line(row, widths));
        }

        var counts = rows.Where(r => r.Band is not null).GroupBy(r => r.Band!).OrderByDescending(g => g.Key.Min)
            .Select(g => $"{g.Count()} {g.Key.Name.ToLowerInvariant()} ({Vocabulary.Word(g.Key.Rag)})").ToList();
        var overdue = rows.Sum(r => r.OverdueActions.Count);
        output.WriteLine();
        output.WriteLine($"{rows.Count} {(rows.Count == 1 ? "risk" : "risks")}{(counts.Count > 0 ? ": " + string.Join(", ", counts) : "")}{(overdue > 0 ? $"; {overdue} overdue {(overdue == 1 ? "action" : "actions")}" : "")}");
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => Fit(c, widths[i]))).TrimEnd();

    private static string Fit(string text, int width) =>
        text.Length <= width ? text.PadRight(width) : text[..(width - 1)] + "…";
}
