using System.Globalization;
using CsvHelper;
using Risks.Core.Domain;
using Risks.Core.Scoring;
using Risks.Core.Validation;

namespace Risks.Cli;

/// <summary>The risk list as CSV, one row per risk.</summary>
internal static class CsvOutput
{
    public static void List(TextWriter output, IReadOnlyList<RiskFacts> rows, RegisterSettings settings, DateOnly today)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        foreach (var header in new[] { "id", "kind", "title", "status", "owner", "owner_name", "current_impact", "current_likelihood", "current_score", "band", "rag", "target_score", "target_date", "above_tolerance", "next_review", "review_overdue", "open_actions", "overdue_actions" })
        {
            csv.WriteField(header);
        }

        csv.EndRecord();
        foreach (var f in rows)
        {
            var r = f.Risk;
            csv.WriteField(Cell(r.Id.Value));
            csv.WriteField(Cell(Vocabulary.Word(r.Kind)));
            csv.WriteField(Cell(r.Title));
            csv.WriteField(Cell(Vocabulary.Word(r.Status)));
            csv.WriteField(Cell(r.Owner));
            csv.WriteField(Cell(settings.NameOf(r.Owner)));
            csv.WriteField(Cell(r.Current?.Impact));
            csv.WriteField(Cell(r.Current?.Likelihood));
            csv.WriteField(Cell(f.CurrentScore));
            csv.WriteField(Cell(f.Band?.Name));
            csv.WriteField(Cell(f.Band is null ? null : Vocabulary.Word(f.Band.Rag)));
            csv.WriteField(Cell(f.TargetScore));
            csv.WriteField(Cell(r.TargetDate is { } td ? Rules.Iso(td) : null));
            csv.WriteField(Cell(f.AboveTolerance ? "yes" : "no"));
            csv.WriteField(Cell(r.NextReview is { } next ? Rules.Iso(next) : null));
            csv.WriteField(Cell(f.ReviewOverdue ? "yes" : "no"));
            csv.WriteField(Cell(f.OpenActions.Count));
            csv.WriteField(Cell(f.OverdueActions.Count));
            csv.EndRecord();
        }

        csv.Flush();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
