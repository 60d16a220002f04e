using Risks.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Risks.Tui;

/// <summary>Rows of text cells under fixed column names.</summary>
internal sealed class TextTable(string[] names, Func<IReadOnlyList<string[]>> rows, Func<int> selected) : ITableSource
{
    public object this[int row, int col] => col == 0 ? (row == selected() ? "▶" : " ") + rows()[row][col] : rows()[row][col];

    public string[] ColumnNames => [.. names.Select((n, i) => i == 0 ? " " + n : n)];

    public int Columns => names.Length;

    public int Rows => rows().Count;
}

/// <summary>
/// A screen of the register's past (a risk's history, who changed each field, a comparison): a
/// header, a table with one row per item, and below it the selected item in full.
/// </summary>
internal sealed class ListScreen : View
{
    private readonly Label _header;
    private readonly MarkedTextView _detail;
    private IReadOnlyList<string[]> _rows = [];
    private Func<int, IReadOnlyList<MarkedLine>> _describe = _ => [];

    public ListScreen(string[] columns, int headerLines, int detailLines, params (int Column, int Min, int Max)[] widths)
    {
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        _header = new Label { HotKeySpecifier = Texts.NoHotKey, X = 0, Y = 0, Width = Dim.Fill(), Height = headerLines };
        Table = Tables.Create(new TextTable(columns, () => _rows, () => SelectedIndex), headers: true);
        Table.Y = headerLines;
        Table.Height = Dim.Fill(detailLines);
        Table.Style.ExpandLastColumn = true;
        foreach (var (column, min, max) in widths)
        {
            var style = Table.Style.GetOrCreateColumnStyle(column);
            style.MinWidth = min;
            style.MaxWidth = max;
        }

        Table.ValueChanged += (_, _) =>
        {
            ShowDetail();
            Table.SetNeedsDraw();
        };
        _detail = new MarkedTextView { X = 0, Y = Pos.AnchorEnd(detailLines), Height = detailLines, CanFocus = false };
        Add(_header, Table, _detail);
    }

    public TableView Table { get; }

    public int SelectedIndex => Table.Value?.SelectedCell.Y is { } y && y < _rows.Count ? y : -1;

    /// <summary>The selected item in full, below the table, as drawn (wrapped to the screen's width).</summary>
    public MarkedTextView Detail => _detail;

    /// <summary>The header and rows to show, and how to describe the selected row below the table.</summary>
    public void Show(string header, IReadOnlyList<string[]> rows, Func<int, string> describe, int select = 0) =>
        Show(header, rows, i => describe(i).Split('\n').Select(MarkedLine.Plain).ToList(), "", select);

    /// <summary>
    /// The header and rows to show, and the selected row's lines below the table, each run in its
    /// own colour; <paramref name="more"/> says how to see lines that do not fit (such as "Enter shows them all").
    /// </summary>
    public void Show(string header, IReadOnlyList<string[]> rows, Func<int, IReadOnlyList<MarkedLine>> describe, string more, int select = 0)
    {
        _header.Text = header;
        _rows = rows;
        _describe = describe;
        _detail.More = more;
        Table.Update();
        if (_rows.Count > 0)
        {
            Table.Value = new TableSelection(new System.Drawing.Point(0, Math.Clamp(select, 0, _rows.Count - 1)));
            Table.EnsureCursorIsVisible();
        }

        ShowDetail();
        SetNeedsDraw();
    }

    private void ShowDetail()
    {
        var index = SelectedIndex;
        _detail.Lines = index < 0 ? [] : _describe(index);
    }
}
