using Risks.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Risks.Tui;

/// <summary>Every action across the register as a table over the live rows.</summary>
internal sealed class ActionsTable(ActionsView view, Func<DateOnly> today) : ITableSource
{
    private static readonly string[] Names = ["Due", "Risk", "Action", "Id", "Owner", "Status"];

    public object this[int row, int col]
    {
        get
        {
            var r = view.Rows[row];
            return col switch
            {
                0 => r.Due(today()),
                1 => r.Risk.Id.Value,
                2 => r.Action.Text.ReplaceLineEndings(" "),
                3 => r.Action.Id,
                4 => view.Owner(r),
                _ => Core.Domain.Vocabulary.Phrase(r.Action.Status),
            };
        }
    }

    public string[] ColumnNames => Names;

    public int Columns => Names.Length;

    public int Rows => view.Rows.Count;
}

/// <summary>The actions screen: overdue first, with "mine" and "finished" toggles.</summary>
internal sealed class ActionsScreen : View
{
    private readonly ActionsView _view;
    private readonly Label _summary;

    public ActionsScreen(ActionsView view, Func<DateOnly> today)
    {
        _view = view;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        _summary = new Label { HotKeySpecifier = Texts.NoHotKey, X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
        Table = Tables.Create(new ActionsTable(view, today), headers: true);
        Table.Y = 1;
        Table.Height = Dim.Fill();
        Table.Style.ExpandLastColumn = true;
        Table.Style.GetOrCreateColumnStyle(2).MaxWidth = 36;
        Table.Style.RowColorGetter = args => args.RowIndex < _view.Rows.Count && _view.Rows[args.RowIndex].Overdue ? Palette.Problem : null;
        Add(_summary, Table);
        Update();
    }

    public TableView Table { get; }

    public ActionRow? Selected => Table.Value?.SelectedCell.Y is { } y && y < _view.Rows.Count ? _view.Rows[y] : null;

    public void Update()
    {
        _summary.Text = _view.Summary + " (in red)";
        Table.Update();
        if (_view.Rows.Count > 0 && Selected is null)
        {
            Table.Value = new TableSelection(new System.Drawing.Point(0, 0));
        }

        SetNeedsDraw();
    }
}
