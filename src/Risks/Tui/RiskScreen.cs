using Risks.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Risks.Tui;

/// <summary>Fields as a two-column table: label and value; the selected row is marked ▶, so it shows without colour.</summary>
internal sealed class FieldTable(Func<IReadOnlyList<FieldRow>> rows, Func<int> selected) : ITableSource
{
    private static readonly string[] Names = ["Field", "Value"];

    public object this[int row, int col]
    {
        get
        {
            var r = rows()[row];
            if (col == 0)
            {
                var at = row == selected() ? "▶" : " ";
                var mark = r.Issues.Count > 0 ? "!" : r.Breaches.Count > 0 ? "*" : " ";
                return r.Kind == FieldKind.Heading ? $"{at}{mark}── {r.Label}" : $"{at}{mark}{new string(' ', 1 + (2 * r.Depth))}{r.Label}";
            }

            return r.Kind == FieldKind.Heading ? r.Value : r.Value.ReplaceLineEndings(" ↵ ");
        }
    }

    public string[] ColumnNames => Names;

    public int Columns => 2;

    public int Rows => rows().Count;
}

/// <summary>
/// A screen of fields, one per line, grouped in sections under headings: a header, the table,
/// and below it the selected field in full with its problems and what it takes (scrolling with
/// the mouse wheel when it is long). The risk screen and the Settings screen are both this.
/// </summary>
internal abstract class FieldScreen : View
{
    private readonly Label _header;
    private readonly MarkedTextView _detail;
    private IReadOnlyList<FieldRow> _rows = [];

    protected FieldScreen(int headerLines)
    {
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        _header = new Label { HotKeySpecifier = Texts.NoHotKey, X = 0, Y = 0, Width = Dim.Fill(), Height = headerLines };
        Table = Tables.Create(new FieldTable(() => _rows, () => SelectedIndex), headers: false);
        Table.Y = headerLines;
        Table.Height = Dim.Fill(DetailLines);
        Table.Style.ExpandLastColumn = true;
        Table.Style.GetOrCreateColumnStyle(0).MinWidth = 26;
        Table.Style.GetOrCreateColumnStyle(0).MaxWidth = 26;
        Table.Style.RowColorGetter = args => args.RowIndex < _rows.Count
            ? _rows[args.RowIndex].Issues.Count > 0 ? Palette.Problem : _rows[args.RowIndex].Kind == FieldKind.Heading ? Palette.Heading : null
            : null;
        Table.ValueChanged += (_, _) =>
        {
            ShowDetail();
            Table.SetNeedsDraw();
        };
        _detail = new MarkedTextView { X = 0, Y = Pos.AnchorEnd(DetailLines), Height = DetailLines, More = "Enter shows it all" };
        Add(_header, Table, _detail);
    }

    /// <summary>Rows under the table for the selected field in full.</summary>
    public const int DetailLines = 6;

    public TableView Table { get; }

    public int SelectedIndex => Table.Value?.SelectedCell.Y is { } y && y < _rows.Count ? y : -1;

    public FieldRow? Selected => SelectedIndex >= 0 ? _rows[SelectedIndex] : null;

    public IReadOnlyList<FieldRow> Rows => _rows;

    /// <summary>The header and the detail pane as text, for tests.</summary>
    public string HeaderText => _header.Text;

    public string DetailText => string.Join('\n', _detail.Lines.Select(l => l.Text));

    /// <summary>The rows to show now; empty when nothing is open.</summary>
    protected abstract IReadOnlyList<FieldRow>? BuildRows();

    /// <summary>The lines above the table.</summary>
    protected abstract string BuildHeader(IReadOnlyList<FieldRow> rows);

    /// <summary>Redraws, keeping the selection on the same field if it is still there (or moving to <paramref name="selectPath"/>).</summary>
    public void Update(string? selectPath = null)
    {
        if (BuildRows() is not { } rows)
        {
            return;
        }

        var path = selectPath ?? Selected?.Path;
        var index = SelectedIndex;
        _rows = rows;
        // Each line of the header on its own line, cut to the width rather than wrapped, so none is pushed off.
        var width = Math.Max(20, Frame.Width > 0 ? Frame.Width : 80);
        _header.Text = string.Join('\n', BuildHeader(rows).Split('\n').Select(l => l.Length > width ? l[..(width - 1)] + "…" : l));
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
            Table.SetNeedsDraw();
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

    /// <summary>The section headings: each with its row, in order.</summary>
    public IReadOnlyList<(int Row, FieldRow Heading)> Sections =>
        [.. _rows.Select((r, i) => (i, r)).Where(x => x.r.Kind == FieldKind.Heading && x.r.Depth == 0)];

    private void ShowDetail()
    {
        if (Selected is not { } row)
        {
            _detail.Lines = [];
            return;
        }

        var lines = new List<string>();
        lines.AddRange(row.Issues.Select(i => "! " + i));
        lines.AddRange(row.Breaches.Select(b => "* " + b));
        var value = row.Kind == FieldKind.Heading
            ? row.List is null ? row.Value : $"{row.Value}  (a adds, d removes{(row.List is "controls" or "gaps" or "assurances" or "actions" ? ", j and k move" : "")})"
            : row.Value.Length == 0 ? "(empty)" : row.Value;
        lines.Add(row.Kind == FieldKind.Heading ? $"{row.Label}: {value}" : $"{Capitalised(row.FullLabel.Length > 0 ? row.FullLabel : row.Label)}: {value}");
        if (row.Help.Length > 0)
        {
            lines.Add(row.Help);
        }

        _detail.Lines = [.. lines.SelectMany(l => l.Split('\n')).Select(MarkedLine.Plain)];
    }

    private static string Capitalised(string label) => label.Length > 0 ? char.ToUpperInvariant(label[0]) + label[1..] : label;
}

/// <summary>A field screen showing what one editor holds (a risk, the settings): opened on it at its first field.</summary>
internal abstract class EditorScreen<TEditor>(int headerLines, Func<TEditor, IReadOnlyList<FieldRow>> rows) : FieldScreen(headerLines)
    where TEditor : class
{
    public TEditor? Editor { get; private set; }

    public void Open(TEditor editor)
    {
        Editor = editor;
        Update();
        Select(1);
    }

    protected override IReadOnlyList<FieldRow>? BuildRows() => Editor is { } editor ? rows(editor) : null;
}

/// <summary>
/// The risk screen: every field of the risk open, one per line, grouped in sections; its state,
/// movement and whether the person may edit it above.
/// </summary>
internal sealed class RiskScreen(Func<Core.Domain.Risk, string> movement) : EditorScreen<RiskEditor>(3, e => e.Rows())
{
    protected override string BuildHeader(IReadOnlyList<FieldRow> rows)
    {
        var editor = Editor!;
        var state = editor.IsNew ? "new, not yet saved" : editor.IsDirty ? $"edited, not saved: {Core.Domain.Text.Count(editor.Changes.Count, "change")}" : "saved";
        var problems = rows.Sum(r => r.Issues.Count);
        var access = editor.Permission.Allowed ? "you may edit it" : "read only: " + editor.Permission.Reason;
        if (editor.DraftProblem is { } draftProblem)
        {
            access = draftProblem + "; " + access;
        }

        if (editor.ChangedElsewhere)
        {
            access = "someone else has saved it since you opened it; saving re-applies your edits on theirs; " + access;
        }

        if (editor.Pending is not null && editor.Overlaps.Count > 0)
        {
            access = $"sync conflict in {string.Join(", ", editor.Overlaps)}: yours re-applied on theirs; check, save; " + access;
        }

        var moved = editor.IsNew ? "new: not in any iteration yet" : movement(editor.Original);

        var breaches = rows.Sum(r => r.Breaches.Count);
        if (breaches > 0)
        {
            access = $"breaks {Core.Domain.Text.Count(breaches, "BAF rule")} (marked *); " + access;
        }

        var signOff = editor.SignOffState;
        if (signOff.Status != Core.Changes.SignOffStatus.None)
        {
            access = (signOff.Status == Core.Changes.SignOffStatus.Current
                ? $"signed off {Core.Presentation.Formats.Date(signOff.SignOff!.Date)}; "
                : $"sign-off of {Core.Presentation.Formats.Date(signOff.SignOff!.Date)} lapsed; ") + access;
        }

        return $"{editor.Draft.Id} {editor.Draft.Title}  [{state}{(problems > 0 ? $"; {Core.Domain.Text.Count(problems, "problem")} marked !" : "")}]\n{moved}\n{access}";
    }
}

/// <summary>The Settings screen: register.yaml's settings, one per line, in sections.</summary>
internal sealed class SettingsScreen() : EditorScreen<SettingsEditor>(2, e => e.Rows())
{
    protected override string BuildHeader(IReadOnlyList<FieldRow> rows)
    {
        var editor = Editor!;
        var state = editor.IsDirty ? $"edited, not saved: {Core.Domain.Text.Count(editor.Changes.Count, "change")}" : "saved";
        var problems = rows.Sum(r => r.Issues.Count);
        var access = editor.Permission.Allowed
            ? "you may change them; w saves with a reason, as one commit" + (editor.Canonical ? "" : " (register.yaml is then laid out afresh; its comments stay in the history)")
            : "read only: " + editor.Permission.Reason;
        return $"Settings  [{state}{(problems > 0 ? $"; {Core.Domain.Text.Count(problems, "problem")} marked !" : "")}]\n{access}";
    }
}
