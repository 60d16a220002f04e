using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Risks.Tui;

/// <summary>How every table of the UI looks and behaves: one place for the shared set-up.</summary>
internal static class Tables
{
    /// <summary>
    /// A full-row-select table over <paramref name="source"/>, without outer borders, whose
    /// column widths are worked out again whenever its width changes (first layout, resize);
    /// <paramref name="resized"/> runs first, to adjust column styles to the new width.
    /// </summary>
    public static TableView Create(ITableSource source, bool headers, Action<int>? resized = null)
    {
        var table = new TableView(source) { X = 0, Width = Dim.Fill(), FullRowSelect = true };
        var width = -1;
        table.FrameChanged += (_, e) =>
        {
            if (e.Value.Width != width)
            {
                width = e.Value.Width;
                resized?.Invoke(width);
                table.Update();
            }
        };
        table.Style.AlwaysShowHeaders = headers;
        table.Style.ShowHeaders = headers;
        table.Style.ShowHorizontalHeaderOverline = false;
        table.Style.ShowHorizontalHeaderUnderline = headers;
        table.Style.ShowHorizontalBottomLine = false;
        table.Style.ShowVerticalCellLineForFirstColumn = false;
        table.Style.ShowVerticalCellLineForLastColumn = false;
        return table;
    }
}
