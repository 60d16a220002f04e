using Risks.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Risks.Tui;

/// <summary>
/// The register table over the live list of rows (no copy, so 10,000 risks cost nothing extra);
/// the selected row is marked ▶ beside its id, so it shows without colour.
/// </summary>
internal sealed class RegisterTable(RegisterView view, Func<int> selected) : ITableSource
{
    public object this[int row, int col]
    {
        get
        {
            var column = RegisterView.Columns[col];
            var text = view.Cell(view.Rows[row], column);
            return column == RegisterColumn.Id ? (row == selected() ? "▶" : " ") + text : text;
        }
    }

    public string[] ColumnNames => [.. RegisterView.Columns.Select(c => c == RegisterColumn.Id ? " " + view.Heading(c) : view.Heading(c))];

    public int Columns => RegisterView.Columns.Count;

    public int Rows => view.Rows.Count;
}

/// <summary>The register screen: a filter line, the table of risks, and the counts per band.</summary>
internal sealed class RegisterScreen : View
{
    /// <summary>The narrowest the title is made, whatever the width: at 80 columns a title reads.</summary>
    public const int TitleWidth = 25;

    private readonly RegisterView _view;
    private readonly Label _summary;
    private readonly Label _counts;
    private readonly Label _empty;
    private int _width = 80;

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
        Table = Tables.Create(new RegisterTable(view, () => SelectedIndex), headers: true, width =>
        {
            _width = width;
            FitColumns();
        });
        Table.Y = 2;
        Table.Height = Dim.Fill(1);
        Table.Style.ExpandLastColumn = false;
        Table.Style.GetOrCreateColumnStyle((int)RegisterColumn.Band).ColorGetter = args =>
            args.RowIndex < _view.Rows.Count && _view.Rows[args.RowIndex].Facts.Band is { } band ? Palette.BandScheme(band.Rag) : null;
        Table.ValueChanged += (_, _) => Table.SetNeedsDraw();
        _empty = new Label { HotKeySpecifier = Texts.NoHotKey, X = 1, Y = 5, Width = Dim.Fill(1), Height = 6, Visible = false };
        _counts = new Label { HotKeySpecifier = Texts.NoHotKey, X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1 };
        Add(prompt, FilterBox, _summary, Table, _empty, _counts);
        Update();
    }

    /// <summary>The widest each column other than the title is made; a longer value is cut with an ellipsis.</summary>
    private static readonly Dictionary<RegisterColumn, int> MaxWidths = new()
    {
        [RegisterColumn.Id] = 12,
        [RegisterColumn.Score] = 15,
        [RegisterColumn.Band] = 12,
        [RegisterColumn.Review] = 18,
        [RegisterColumn.Actions] = 12,
        [RegisterColumn.Rules] = 20,
        [RegisterColumn.Target] = 6,
        [RegisterColumn.Trend] = 7,
        [RegisterColumn.Owner] = 24,
    };

    /// <summary>How many rows, from the top, the column widths are measured on: enough to fit what is seen, and quick at 10,000 risks (a longer value further down is cut with an ellipsis).</summary>
    private const int WidthSample = 500;

    public TextField FilterBox { get; }

    public TableView Table { get; }

    /// <summary>What the screen says when there are no risks to show: why, and what to do.</summary>
    public string EmptyText => _empty.Visible ? _empty.Text : "";

    /// <summary>
    /// Each column as wide as its widest value (and heading), the title taking what is left of the
    /// width but never less than <see cref="TitleWidth"/>: at 80 columns the id, title, score,
    /// band, review and actions are on screen, and the rest is scrolled to with the arrows.
    /// </summary>
    private static readonly RegisterColumn[] OnScreen = [RegisterColumn.Id, RegisterColumn.Title, RegisterColumn.Score, RegisterColumn.Band, RegisterColumn.Review, RegisterColumn.Actions];

    private void FitColumns()
    {
        var rows = _view.Rows;

        // A line between each column on screen, and one at each side.
        var used = OnScreen.Length + 2;
        foreach (var column in RegisterView.Columns.Where(c => c != RegisterColumn.Title))
        {
            var widest = _view.Heading(column).Length;
            foreach (var row in rows.Take(WidthSample))
            {
                widest = Math.Max(widest, _view.Cell(row, column).Length);
            }

            var width = Math.Min(widest + (column == RegisterColumn.Id ? 1 : 0), MaxWidths[column]);
            var style = Table.Style.GetOrCreateColumnStyle((int)column);
            (style.MinWidth, style.MaxWidth) = (width, width);
            if (OnScreen.Contains(column))
            {
                used += width;
            }
        }

        var title = Table.Style.GetOrCreateColumnStyle((int)RegisterColumn.Title);
        (title.MinWidth, title.MaxWidth) = (TitleWidth, Math.Max(TitleWidth, Math.Min(60, _width - used)));
    }

    /// <summary>The index of the selected row, or -1.</summary>
    public int SelectedIndex => Table.Value?.SelectedCell.Y is { } y && y < _view.Rows.Count ? y : -1;

    public RegisterRow? Selected => SelectedIndex >= 0 ? _view.Rows[SelectedIndex] : null;

    /// <summary>Redraws from the view model, keeping the selected risk selected if it is still shown.</summary>
    public void Update()
    {
        var selected = Selected?.Risk.Id;
        var at = SelectedIndex;
        if (FilterBox.Text != _view.FilterText)
        {
            FilterBox.Text = _view.FilterText;
        }

        _summary.Text = $"Showing {_view.FilterSummary}; sorted by {_view.Heading(_view.SortColumn).TrimEnd(' ', '▲', '▼')}{(_view.Due is { } due ? $"; {due}" : "")}";
        _counts.Text = _view.Counts;
        _empty.Text = _view.Empty ?? "";
        _empty.Visible = _view.Empty is not null;
        FitColumns();
        Table.Update();
        var index = selected is { } id ? _view.IndexOf(id) : -1;
        Select(index >= 0 ? index : Math.Max(0, at));
        SetNeedsDraw();
    }

    public void Select(int row)
    {
        if (_view.Rows.Count > 0)
        {
            Table.Value = new TableSelection(new System.Drawing.Point(0, Math.Clamp(row, 0, _view.Rows.Count - 1)));
            Table.EnsureCursorIsVisible();
            Table.SetNeedsDraw();
        }
    }
}
