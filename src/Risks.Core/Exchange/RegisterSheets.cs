using System.Globalization;
using Risks.Core.Board;
using Risks.Core.Domain;
using Risks.Core.Schema;
using Risks.Core.Scoring;
using Risks.Core.Validation;

namespace Risks.Core.Exchange;

/// <summary>What a column of a sheet holds, so a workbook can type its cells: text, numbers, or dates (ISO in the cells given here).</summary>
public enum CellKind { Text, Number, Date }

/// <summary>A column of a sheet: its header and what its cells hold.</summary>
public sealed record SheetColumn(string Header, CellKind Kind);

/// <summary>
/// One sheet of a workbook: its columns, and its rows of cells as text (numbers in invariant form,
/// dates ISO), each row with the band of the risk it shows (shading its <see cref="BandedColumns"/>), if any.
/// </summary>
public sealed record Sheet(string Name, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<SheetRow> Rows, IReadOnlyList<string> BandedColumns);

/// <summary>A row of a <see cref="Sheet"/>: one cell per column, and the band its banded cells are shaded in.</summary>
public sealed record SheetRow(IReadOnlyList<string> Cells, Band? Band);

/// <summary>
/// The register as the sheets of a workbook: <c>Risks</c>, one row per risk with every field
/// (the cells of <see cref="RiskCells.Row"/>, which <see cref="RiskImport"/> reads back with the
/// export's map), <c>Actions</c>, one row per action, then the board's actions and the undertakings given to regulators.
/// </summary>
public static class RegisterSheets
{
    /// <summary>The name of the sheet of risks, which an import reads unless told otherwise.</summary>
    public const string RisksSheet = "Risks";

    public static IReadOnlyList<Sheet> Of(IReadOnlyList<Risk> risks, IReadOnlyList<BoardAction> actions, IReadOnlyList<Undertaking> undertakings, RegisterSettings settings, DateOnly today) =>
    [
        Risks(risks, settings, today),
        Actions(risks, settings, today),
        BoardActions(actions, settings, today),
        Undertakings(undertakings, settings, today),
    ];

    /// <summary>One row per risk: a column per field, typed by the field, then the derived columns; the scores and band shaded in the risk's band.</summary>
    public static Sheet Risks(IReadOnlyList<Risk> risks, RegisterSettings settings, DateOnly today)
    {
        var fields = RiskCells.ColumnFields(settings);
        var columns = fields
            .Select(f => new SheetColumn(f.Column!, f.Type switch { FieldType.Date => CellKind.Date, FieldType.Number => CellKind.Number, _ => CellKind.Text }))
            .Concat(RiskCells.DerivedColumns.Select(c => new SheetColumn(c, c == "band" ? CellKind.Text : CellKind.Number)))
            .ToList();
        var rows = risks.Select(r => new SheetRow(RiskCells.Row(r, settings, today), RiskFacts.Of(r, settings, today).Band)).ToList();
        return new Sheet(RisksSheet, columns, rows, ["current_score", "band"]);
    }

    /// <summary>One row per action of every risk, the columns of <see cref="RiskCells.ActionColumns"/>.</summary>
    public static Sheet Actions(IReadOnlyList<Risk> risks, RegisterSettings settings, DateOnly today) =>
        new("Actions",
            RiskCells.ActionColumns.Select(c => new SheetColumn(c, c is "due" or "completed" ? CellKind.Date : CellKind.Text)).ToList(),
            risks.SelectMany(r => RiskCells.ActionRows(r, settings, today)).Select(cells => new SheetRow(cells, null)).ToList(),
            []);

    /// <summary>One row per board action, with its latest update.</summary>
    public static Sheet BoardActions(IReadOnlyList<BoardAction> actions, RegisterSettings settings, DateOnly today) =>
        new("Board actions",
            [
                new("number", CellKind.Number), new("meeting", CellKind.Date), new("agenda_item", CellKind.Text), new("item", CellKind.Text),
                new("action", CellKind.Text), new("leads", CellKind.Text), new("deadline", CellKind.Date), new("status", CellKind.Text),
                new("latest_update", CellKind.Date), new("update", CellKind.Text), new("closed", CellKind.Date), new("closing_note", CellKind.Text),
                new("risks", CellKind.Text), new("overdue", CellKind.Text),
            ],
            actions.Select(a => new SheetRow(
                [
                    Number(a.Number), Date(a.Meeting), a.AgendaItem ?? "", a.Item, a.Action, Names(a.Leads, settings), Date(a.Deadline),
                    Vocabulary.Word(a.Status), Date(Latest(a)?.Date), Latest(a)?.Text ?? "",
                    Date(a.Closed), a.ClosingNote ?? "", string.Join("\n", a.Risks), a.IsOverdue(today) ? "yes" : "no",
                ],
                null)).ToList(),
            []);

    /// <summary>One row per undertaking, its milestones one per line (<c>due | text | met</c>) and the next one due apart.</summary>
    public static Sheet Undertakings(IReadOnlyList<Undertaking> undertakings, RegisterSettings settings, DateOnly today) =>
        new("Undertakings",
            [
                new("number", CellKind.Number), new("title", CellKind.Text), new("regulator", CellKind.Text), new("given", CellKind.Date),
                new("concern", CellKind.Text), new("conditions", CellKind.Text), new("undertaking", CellKind.Text), new("leads", CellKind.Text),
                new("milestones", CellKind.Text), new("next_milestone_due", CellKind.Date), new("evidence", CellKind.Number), new("status", CellKind.Text),
                new("closed", CellKind.Date), new("closing_note", CellKind.Text), new("risks", CellKind.Text), new("overdue", CellKind.Text),
            ],
            undertakings.Select(u => new SheetRow(
                [
                    Number(u.Number), u.Title, u.Regulator, Date(u.Given), u.Concern ?? "", string.Join("\n", u.Conditions), u.Text,
                    Names(u.Leads, settings),
                    ItemCells.Join(u.Milestones.Select(m => (IReadOnlyList<string?>)[Date(m.Due), m.Text, Date(m.Met)])),
                    Date(u.Next?.Due), Number(u.Evidence.Count), Vocabulary.Word(u.Status), Date(u.Closed), u.ClosingNote ?? "",
                    string.Join("\n", u.Risks), u.IsOverdue(today) ? "yes" : "no",
                ],
                null)).ToList(),
            []);

    private static BoardActionUpdate? Latest(BoardAction action) => action.Updates.Count > 0 ? action.Updates[^1] : null;

    private static string Names(IReadOnlyList<string> logins, RegisterSettings settings) => string.Join("\n", logins.Select(settings.NameOf));

    private static string Date(DateOnly? date) => date is { } d ? Rules.Iso(d) : "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
