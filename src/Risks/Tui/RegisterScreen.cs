using Risks.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Risks.Tui;

/// <summary>The register table over the live list of rows (no copy, so 10,000 risks cost nothing extra).</summary>
internal sealed class RegisterTable(RegisterView view) : ITableSource
{
    public object this[int row, int col] => view.Cell(view.Rows[row], RegisterView.Columns[col]);

    public string[] ColumnNames => [.. RegisterView.Columns.Select(view.Heading)];

    public int Columns => RegisterView.Columns.Count;

    public int Rows => view.Rows.Count;
}

/// <summary>The register screen: a filter line, the table of risks, and the counts per band.</summary>
internal sealed class RegisterScreen : View
{
    private readonly RegisterView _view;
    private readonly Label _summary;
    private readonly Label _counts;

    public RegisterScreen(RegisterView view)
    {
        _view = view;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;

        var prompt = new Label { HotKeySpecifier = Texts.NoHotKey, Text = "Filter (/):", X = 0, Y = 0 };
        FilterBox = new TextField { X = Pos.Right(prompt) + 1, Y = 0, Width = Dim.Fill() };
        FilterBox.TextChanged += (_, _) =>
        {
            if (FilterBox.Text != _view.FilterText)
            {
                _view.Filter(FilterBox.Text);
                Update();
            }
        };
        _summary = new Label { HotKeySpecifier = Texts.NoHotKey, X = 0, Y = 1, Width = Dim.Fill(), Height = 1 };
        Table = Tables.Create(new RegisterTable(view), headers: true, FitTitle);
        Table.Y = 2;
        Table.Height = Dim.Fill(1);
        Table.Style.ExpandLastColumn = false;
        foreach (var (column, min, max) in Widths)
        {
            var style = Table.Style.GetOrCreateColumnStyle((int)column);
            style.MinWidth = min;
            style.MaxWidth = max;
        }

        Table.Style.GetOrCreateColumnStyle((int)RegisterColumn.Band).ColorGetter = args =>
            args.RowIndex < _view.Rows.Count && _view.Rows[args.RowIndex].Facts.Band is { } band ? Palette.BandScheme(band.Rag) : null;
        _counts = new Label { HotKeySpecifier = Texts.NoHotKey, X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1 };
        Add(prompt, FilterBox, _summary, Table, _counts);
        Update();
    }

    /// <summary>Column widths that fit the important columns into 80 characters; the owner is to the right, or scrolled to.</summary>
    private static readonly (RegisterColumn Column, int Min, int Max)[] Widths =
    [
        (RegisterColumn.Id, 7, 10),
        (RegisterColumn.Title, 10, 36),
        (RegisterColumn.Score, 10, 15),
        (RegisterColumn.Band, 8, 9),
        (RegisterColumn.Trend, 6, 7),
        (RegisterColumn.Target, 6, 6),
        (RegisterColumn.Review, 16, 17),
        (RegisterColumn.Actions, 9, 10),
        (RegisterColumn.Owner, 12, 24),
    ];

    public TextField FilterBox { get; }

    public TableView Table { get; }

    /// <summary>
    /// Gives the title what the columns from score to actions leave of the width, so at 80
    /// columns every figure is on screen and only the owner needs scrolling to.
    /// </summary>
    private void FitTitle(int width)
    {
        var others = Widths.Where(w => w.Column is not (RegisterColumn.Title or RegisterColumn.Owner)).Sum(w => w.Min) + RegisterView.Columns.Count;
        var title = Widths.Single(w => w.Column == RegisterColumn.Title);
        Table.Style.GetOrCreateColumnStyle((int)RegisterColumn.Title).MaxWidth = Math.Clamp(width - others, title.Min, title.Max);
    }

    /// <summary>The index of the selected row, or -1.</summary>
    public int SelectedIndex => Table.Value?.SelectedCell.Y is { } y && y < _view.Rows.Count ? y : -1;

    public RegisterRow? Selected => SelectedIndex >= 0 ? _view.Rows[SelectedIndex] : null;

    /// <summary>Redraws from the view model, keeping the selected risk selected if it is still shown.</summary>
    public void Update()
    {
        var selected = Selected?.Risk.Id;
        if (FilterBox.Text != _view.FilterText)
        {
            FilterBox.Text = _view.FilterText;
        }

        _summary.Text = $"Showing {_view.FilterSummary}; sorted by {_view.Heading(_view.SortColumn).TrimEnd(' ', '▲', '▼')}";
        _counts.Text = _view.Counts;
        Table.Update();
        var index = selected is { } id ? _view.IndexOf(id) : -1;
        Select(index >= 0 ? index : 0);
        SetNeedsDraw();
    }

    public void Select(int row)
    {
        if (_view.Rows.Count > 0)
        {
            Table.Value = new TableSelection(new System.Drawing.Point(0, Math.Clamp(row, 0, _view.Rows.Count - 1)));
            Table.EnsureCursorIsVisible();
        }
    }
}
