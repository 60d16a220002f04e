using Risks.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Risks.Tui;

/// <summary>The risk's fields as a two-column table: label and value.</summary>
internal sealed class FieldTable(Func<IReadOnlyList<FieldRow>> rows) : ITableSource
{
    private static readonly string[] Names = ["Field", "Value"];

    public object this[int row, int col]
    {
        get
        {
            var r = rows()[row];
            if (col == 0)
            {
                var mark = r.Issues.Count > 0 ? "! " : "";
                return r.Kind == FieldKind.Heading ? $"{mark}── {r.Label}" : $"{mark}{new string(' ', 2 + (2 * r.Depth))}{r.Label}";
            }

            return r.Value.ReplaceLineEndings(" ↵ ");
        }
    }

    public string[] ColumnNames => Names;

    public int Columns => 2;

    public int Rows => rows().Count;
}

/// <summary>
/// The risk screen: every field, one per line, grouped in sections; below, the selected field in
/// full with its problems and what it takes.
/// </summary>
internal sealed class RiskScreen : View
{
    private readonly Label _header;
    private readonly Label _detail;
    private readonly Func<Core.Domain.Risk, string> _movement;
    private IReadOnlyList<FieldRow> _rows = [];

    /// <param name="movement">The risk's movement since the last report and its trend, in a line.</param>
    public RiskScreen(Func<Core.Domain.Risk, string> movement)
    {
        _movement = movement;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        _header = new Label { HotKeySpecifier = Texts.NoHotKey, X = 0, Y = 0, Width = Dim.Fill(), Height = 3 };
        Table = Tables.Create(new FieldTable(() => _rows), headers: false);
        Table.Y = 3;
        Table.Height = Dim.Fill(6);
        Table.Style.ExpandLastColumn = true;
        Table.Style.GetOrCreateColumnStyle(0).MinWidth = 22;
        Table.Style.GetOrCreateColumnStyle(0).MaxWidth = 22;
        Table.Style.RowColorGetter = args => args.RowIndex < _rows.Count
            ? _rows[args.RowIndex].Issues.Count > 0 ? Palette.Problem : _rows[args.RowIndex].Kind == FieldKind.Heading ? Palette.Heading : null
            : null;
        Table.ValueChanged += (_, _) => ShowDetail();
        _detail = new Label { HotKeySpecifier = Texts.NoHotKey, X = 0, Y = Pos.AnchorEnd(6), Width = Dim.Fill(), Height = 6 };
        Add(_header, Table, _detail);
    }

    public TableView Table { get; }

    public RiskEditor? Editor { get; private set; }

    public int SelectedIndex => Table.Value?.SelectedCell.Y is { } y && y < _rows.Count ? y : -1;

    public FieldRow? Selected => SelectedIndex >= 0 ? _rows[SelectedIndex] : null;

    public IReadOnlyList<FieldRow> Rows => _rows;

    public void Open(RiskEditor editor)
    {
        Editor = editor;
        Update();
        Select(1);
    }

    /// <summary>Redraws from the editor, keeping the selection on the same field if it is still there.</summary>
    public void Update(string? selectPath = null)
    {
        if (Editor is null)
        {
            return;
        }

        var path = selectPath ?? Selected?.Path;
        var index = SelectedIndex;
        _rows = Editor.Rows();
        var state = Editor.IsNew ? "new, not yet saved" : Editor.IsDirty ? $"edited, not saved: {Core.Domain.Text.Count(Editor.Changes.Count, "change")}" : "saved";
        var problems = _rows.Sum(r => r.Issues.Count);
        var access = Editor.Permission.Allowed ? "you may edit it" : "read only: " + Editor.Permission.Reason;
        if (Editor.DraftProblem is { } draftProblem)
        {
            access = draftProblem + "; " + access;
        }

        if (Editor.ChangedElsewhere)
        {
            access = "someone else has saved it since you opened it; saving re-applies your edits on theirs; " + access;
        }

        if (Editor.Pending is not null && Editor.Overlaps.Count > 0)
        {
            access = $"sync conflict in {string.Join(", ", Editor.Overlaps)}: yours re-applied on theirs; check, save; " + access;
        }
        var movement = Editor.IsNew ? "new: not in any iteration yet" : _movement(Editor.Original);
        _header.Text = $"{Editor.Draft.Id} {Editor.Draft.Title}  [{state}{(problems > 0 ? $"; {Core.Domain.Text.Count(problems, "problem")} marked !" : "")}]\n{movement}\n{access}";
        Table.Update();
        var at = path is null ? -1 : _rows.ToList().FindIndex(r => r.Path == path);
        Select(at >= 0 ? at : Math.Max(0, Math.Min(index, _rows.Count - 1)));
        ShowDetail();
        SetNeedsDraw();
    }

    public void Select(int row)
    {
        if (_rows.Count > 0)
        {
            Table.Value = new TableSelection(new System.Drawing.Point(0, Math.Clamp(row, 0, _rows.Count - 1)));
            Table.EnsureCursorIsVisible();
        }
    }

    /// <summary>Moves to the next (or previous) section heading.</summary>
    public void NextSection(int step)
    {
        for (var i = SelectedIndex + step; i >= 0 && i < _rows.Count; i += step)
        {
            if (_rows[i].Kind == FieldKind.Heading)
            {
                Select(i);
                return;
            }
        }
    }

    private void ShowDetail()
    {
        if (Selected is not { } row)
        {
            _detail.Text = "";
            return;
        }

        var lines = new List<string>();
        lines.AddRange(row.Issues.Select(i => "! " + i));
        var label = row.Kind == FieldKind.Heading ? row.Label : $"{row.Path}: ";
        var value = row.Kind == FieldKind.Heading
            ? row.List is null ? "" : "  (a: add, d: remove, j/k: move down/up)"
            : row.Value.Length == 0 ? "(empty)" : row.Value;
        lines.Add(label + value);
        if (row.Help.Length > 0)
        {
            lines.Add(row.Help);
        }

        _detail.Text = string.Join('\n', lines);
    }
}
