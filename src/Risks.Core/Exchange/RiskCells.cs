using System.Globalization;
using Risks.Core.Domain;
using Risks.Core.Scoring;
using Risks.Core.Validation;

namespace Risks.Core.Exchange;

/// <summary>
/// A risk as one row of cells, for a spreadsheet: a column per field (named by its path in the
/// file), plain lists one item per line, controls, gaps, assurances and actions as
/// <see cref="ItemCells"/>, dates ISO; then a few derived columns, which an import ignores. Its
/// actions, one row each, for a spreadsheet of actions. Reading such a row back with
/// <see cref="RiskImport"/> and <see cref="ImportMap.Export"/> gives the same risk.
/// </summary>
public static class RiskCells
{
    /// <summary>The columns that hold the risk's fields, in the file's key order.</summary>
    public static IReadOnlyList<string> FieldColumns { get; } =
    [
        "id", "kind", "title", "narrative.cause", "narrative.event", "narrative.effect", "key_elements", "category", "status",
        "closure.date", "closure.rationale", "closure.merged_into", "owner", "leads", "directorate", "committees", "objectives",
        "linked_risks", "external_refs",
        "inherent.impact", "inherent.likelihood", "inherent.rationale",
        "current.impact", "current.likelihood", "current.rationale",
        "target.impact", "target.likelihood", "target.rationale",
        "target_date", "response", "performance", "trajectory", "controls", "gaps", "assurances", "actions",
        "last_reviewed.date", "last_reviewed.by", "next_review",
    ];

    /// <summary>Columns worked out from the fields, for reading in the spreadsheet; an import ignores them.</summary>
    public static IReadOnlyList<string> DerivedColumns { get; } = ["current_score", "band", "target_score", "overdue_actions"];

    /// <summary>Every column of a row of <see cref="Row"/>, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. FieldColumns, .. DerivedColumns];

    /// <summary>The columns of a row of <see cref="ActionRows"/>.</summary>
    public static IReadOnlyList<string> ActionColumns { get; } =
        ["risk_id", "risk_title", "id", "text", "owner", "owner_name", "due", "status", "completed", "update", "overdue"];

    /// <summary>The risk's cells, one for each of <see cref="Columns"/>.</summary>
    public static IReadOnlyList<string> Row(Risk risk, RegisterSettings settings, DateOnly today)
    {
        var facts = RiskFacts.Of(risk, settings, today);
        return
        [
            risk.Id.Value,
            Vocabulary.Word(risk.Kind),
            risk.Title,
            risk.Narrative.Cause ?? "",
            risk.Narrative.Event ?? "",
            risk.Narrative.Effect ?? "",
            Lines(risk.KeyElements),
            risk.Category ?? "",
            Vocabulary.Word(risk.Status),
            Date(risk.Closure?.Date),
            risk.Closure?.Rationale ?? "",
            risk.Closure?.MergedInto ?? "",
            risk.Owner,
            Lines(risk.Leads),
            risk.Directorate ?? "",
            Lines(risk.Committees),
            Lines(risk.Objectives),
            Lines(risk.LinkedRisks),
            Lines(risk.ExternalRefs),
            .. Score(risk.Inherent),
            .. Score(risk.Current),
            .. Score(risk.Target),
            Date(risk.TargetDate),
            Word(risk.Response),
            risk.Performance ?? "",
            Word(risk.Trajectory),
            ItemCells.Join(risk.Controls.Select(c => new[] { c.Id, c.Text, c.Owner, Word(c.Effectiveness) })),
            ItemCells.Join(risk.Gaps.Select(g => new[] { g.Id, Vocabulary.Word(g.Type), g.Text })),
            ItemCells.Join(risk.Assurances.Select(a => new[]
            {
                a.Id, a.Text, Number(a.Line), Word(a.Source), Word(a.Rating), Word(a.Outcome), a.Key ? KeyWord : "", Date(a.Date),
            })),
            ItemCells.Join(risk.Actions.Select(a => new[]
            {
                a.Id, a.Text, a.Owner, Date(a.Due), Vocabulary.Word(a.Status), Date(a.Completed), a.Update,
            })),
            Date(risk.LastReviewed?.Date),
            risk.LastReviewed?.By ?? "",
            Date(risk.NextReview),
            Number(facts.CurrentScore),
            facts.Band?.Name ?? "",
            Number(facts.TargetScore),
            Number(facts.OverdueActions.Count),
        ];
    }

    /// <summary>A row for each of the risk's actions, with <see cref="ActionColumns"/>.</summary>
    public static IEnumerable<IReadOnlyList<string>> ActionRows(Risk risk, RegisterSettings settings, DateOnly today) =>
        risk.Actions.Select(a => (IReadOnlyList<string>)
        [
            risk.Id.Value,
            risk.Title,
            a.Id,
            a.Text,
            a.Owner ?? "",
            a.Owner is null ? "" : settings.NameOf(a.Owner),
            Date(a.Due),
            Vocabulary.Word(a.Status),
            Date(a.Completed),
            a.Update ?? "",
            a.IsOverdue(today) ? "yes" : "no",
        ]);

    /// <summary>How an assurance's <c>key</c> reads in its line: the word, or nothing.</summary>
    public const string KeyWord = "key";

    private static string Lines(IReadOnlyList<string> values) => string.Join("\n", values);

    private static string[] Score(Score? score) =>
        [Number(score?.Impact), Number(score?.Likelihood), score?.Rationale ?? ""];

    private static string Date(DateOnly? date) => date is { } d ? Rules.Iso(d) : "";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Word<T>(T? value) where T : struct, Enum => value is { } v ? Vocabulary.Word(v) : "";
}
