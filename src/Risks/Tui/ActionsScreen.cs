using Risks.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Risks.Tui;

/// <summary>Every action across the register as a table over the live rows; the selected row is marked ▶.</summary>
internal sealed class ActionsTable(ActionsView view, Func<DateOnly> today, Func<int> selected) : ITableSource
{
    public static readonly string[] Names = [" Due", "Action of", "Action", "Owner", "Status"];

    public object this[int row, int col] => col == 3 ? view.Owner(view.Rows[row]) : Cell(view.Rows[row], col, row == selected(), today());

    /// <summary>A cell's text, but the owner's (column 3), which needs the register's people.</summary>
    public static string Cell(ActionRow r, int col, bool isSelected, DateOnly today) => col switch
    {
        0 => (isSelected ? "▶" : " ") + r.DueShort(today),
        1 => $"{r.Risk.Id} {r.Action.Id}",
        2 => r.Action.Text.ReplaceLineEndings(" "),
        _ => Core.Domain.Vocabulary.Phrase(r.Action.Status),
    };

    public string[] ColumnNames => Names;

    public int Columns => Names.Length;

    public int Rows => view.Rows.Count;
}

/// <summary>The actions screen: overdue first, with "mine" and "finished" toggles.</summary>
internal sealed class ActionsScreen : View
{
    /// <summary>The narrowest the action's text is made: at 80 columns the owner and status are on screen too.</summary>
    private const int ActionWidth = 20;

    private readonly ActionsView _view;
    private readonly Func<DateOnly> _today;
    private readonly Label _summary;
    private int _width = 80;

    public ActionsScreen(ActionsView view, Func<DateOnly> today)
    {
        _view = view;
        _today = today;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        _summary = new Label { HotKeySpecifier = Texts.NoHotKey, X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
        Table = Tables.Create(new ActionsTable(view, today, () => SelectedIndex), headers: true, width =>
        {
            _width = width;
            // Hidden, the columns are fitted when the screen is next shown (Update): fitting them reads the rows.
            if (Visible)
            {
                FitColumns();
            }
        });
        Table.Y = 1;
        Table.Height = Dim.Fill();
        Table.Style.ExpandLastColumn = false;
        Table.Style.RowColorGetter = args => args.RowIndex < _view.Rows.Count && _view.Rows[args.RowIndex].Overdue ? Palette.Problem : null;
        Table.ValueChanged += (_, _) => Table.SetNeedsDraw();
        // Updated when first shown (its controller's Shown), not as it is made: its rows are worked out when the table first asks for them.
        Add(_summary, Table);
    }

    public TableView Table { get; }

    public int SelectedIndex => Table.Value?.SelectedCell.Y is { } y && y < _view.Rows.Count ? y : -1;

    public ActionRow? Selected => SelectedIndex >= 0 ? _view.Rows[SelectedIndex] : null;

    public void Update()
    {
        _summary.Text = _view.Summary + " (marked overdue, in red)";
        FitColumns();
        Table.Update();
        if (_view.Rows.Count > 0 && Selected is null)
        {
            Table.Value = new TableSelection(new System.Drawing.Point(0, 0));
        }

        SetNeedsDraw();
    }

    /// <summary>Every column as wide as its widest value (the owner at most 14), the action's text taking the rest.</summary>
    private void FitColumns()
    {
        var today = _today();
        var used = ActionsTable.Names.Length - 1;
        for (var col = 0; col < ActionsTable.Names.Length; col++)
        {
            if (col == 2)
            {
                continue;
            }

            var widest = ActionsTable.Names[col].Length;
            foreach (var row in _view.Rows.Take(500))
            {
                widest = Math.Max(widest, (col == 3 ? _view.Owner(row) : ActionsTable.Cell(row, col, false, today)).Length);
            }

            var width = Math.Min(widest, col == 3 ? 14 : 24);
            var style = Table.Style.GetOrCreateColumnStyle(col);
            (style.MinWidth, style.MaxWidth) = (width, width);
            used += width;
        }

        var action = Table.Style.GetOrCreateColumnStyle(2);
        (action.MinWidth, action.MaxWidth) = (ActionWidth, Math.Max(ActionWidth, Math.Min(60, _width - used)));
    }
}
