using System.Globalization;
using Risks.Core.Domain;
using Risks.Core.Schema;
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
    /// <summary>The columns that hold the risk's built-in fields, in the file's key order: each field's <see cref="Field.Column"/>.</summary>
    public static IReadOnlyList<string> FieldColumns { get; } = ColumnFields(null).Select(f => f.Column!).ToList();

    /// <summary>Columns worked out from the fields, for reading in the spreadsheet; an import ignores them.</summary>
    public static IReadOnlyList<string> DerivedColumns { get; } = ["current_score", "band", "target_score", "overdue_actions"];

    /// <summary>Every column of a row of <see cref="Row"/> on a register with none of its own fields, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. FieldColumns, .. DerivedColumns];

    /// <summary>The columns of a row of <see cref="ActionRows"/>.</summary>
    public static IReadOnlyList<string> ActionColumns { get; } =
        ["risk_id", "risk_title", "id", "text", "owner", "owner_name", "due", "status", "completed", "update", "overdue"];

    /// <summary>The columns that hold the fields of a risk on a register: the built-in ones, then one per field of the register's own (<c>custom.cqc_domain</c>).</summary>
    public static IReadOnlyList<string> FieldColumnsFor(RegisterSettings? settings) => ColumnFields(settings).Select(f => f.Column!).ToList();

    /// <summary>Every column of a row of <see cref="Row"/> on a register, in order: its fields', then the derived ones.</summary>
    public static IReadOnlyList<string> ColumnsFor(RegisterSettings? settings) => [.. FieldColumnsFor(settings), .. DerivedColumns];

    /// <summary>The fields with a column of their own, in the file's key order, the register's own fields last.</summary>
    public static IReadOnlyList<Field> ColumnFields(RegisterSettings? settings) =>
        RiskSchema.Flatten(RiskSchema.For(settings)).Where(f => f.Column is not null).ToList();

    /// <summary>The risk's cells, one for each of <see cref="ColumnsFor"/>: each field as the file holds it, a list one entry per line, items as <see cref="ItemCells"/>.</summary>
    public static IReadOnlyList<string> Row(Risk risk, RegisterSettings settings, DateOnly today)
    {
        var facts = RiskFacts.Of(risk, settings, today);
        return
        [
            .. ColumnFields(settings).Select(f => Cell(f, Owner(f, risk))),
            Number(facts.CurrentScore),
            facts.Band?.Name ?? "",
            Number(facts.TargetScore),
            Number(facts.OverdueActions.Count),
        ];
    }

    /// <summary>The value of one field as its cell holds it (empty when its group is absent).</summary>
    private static string Cell(Field field, object? owner)
    {
        if (owner is null)
        {
            return "";
        }

        if (field.Type == FieldType.Items)
        {
            return ItemCells.Cell(field, field.ItemsOf(owner));
        }

        return field.IsList ? Lines(field.List(owner)) : field.Text(owner) ?? "";
    }

    /// <summary>What holds a field: the risk, or the group (narrative, score, closure, review, the register's own fields) it is part of.</summary>
    private static object? Owner(Field field, Risk risk)
    {
        var parent = FieldPath.Parent(field.Path);
        return parent.Length == 0 ? risk : RiskSchema.Find(parent)?.Get(risk);
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

    private static string Lines(IReadOnlyList<string> values) => string.Join("\n", values);

    private static string Date(DateOnly? date) => date is { } d ? Rules.Iso(d) : "";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

}
