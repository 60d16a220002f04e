using Risks.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Risks.Tui;

/// <summary>
/// Lines of text in runs drawn each in its own colour (words an edit removed or added, through
/// <see cref="Palette"/>), wrapped at spaces to the view's width. When it can take focus it
/// scrolls with the arrows, PgUp, PgDn, Home, End and the mouse wheel. When there is more than
/// fits, the last row says how much more, and <see cref="More"/> can say how to see it.
/// </summary>
internal sealed class MarkedTextView : View
{
    private IReadOnlyList<MarkedLine> _lines = [];
    private IReadOnlyList<MarkedLine> _wrapped = [];
    private int _wrappedWidth = -1;
    private int _top;

    public MarkedTextView()
    {
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    /// <summary>The lines to show; setting them scrolls back to the top.</summary>
    public IReadOnlyList<MarkedLine> Lines
    {
        get => _lines;
        set
        {
            _lines = value;
            _wrappedWidth = -1;
            _top = 0;
            SetNeedsDraw();
        }
    }

    /// <summary>What the last row adds after "n more lines" when some are hidden (such as "Enter shows them all").</summary>
    public string More { get; set; } = "";

    /// <summary>How far a wrapped line's continuation is indented (by default two columns), such as under the second column of the key help.</summary>
    public int? Indent { get; set; }

    /// <summary>The first wrapped line shown.</summary>
    public int Top => _top;

    /// <summary>The lines as wrapped to the view's width.</summary>
    public IReadOnlyList<MarkedLine> Wrapped
    {
        get
        {
            var width = Math.Max(1, Viewport.Width);
            if (width != _wrappedWidth)
            {
                _wrapped = MarkedText.Wrap(_lines, width, Indent);
                _wrappedWidth = width;
                _top = Math.Min(_top, LastTop);
            }

            return _wrapped;
        }
    }

    private int LastTop => Math.Max(0, _wrapped.Count - Math.Max(1, Viewport.Height));

    public void ScrollTo(int top)
    {
        _ = Wrapped;
        _top = Math.Clamp(top, 0, LastTop);
        SetNeedsDraw();
    }

    protected override bool OnKeyDown(Key key)
    {
        var page = Math.Max(1, Viewport.Height - 1);
        int? top = key.KeyCode switch
        {
            Terminal.Gui.Drivers.KeyCode.CursorUp => _top - 1,
            Terminal.Gui.Drivers.KeyCode.CursorDown => _top + 1,
            Terminal.Gui.Drivers.KeyCode.PageUp => _top - page,
            Terminal.Gui.Drivers.KeyCode.PageDown => _top + page,
            Terminal.Gui.Drivers.KeyCode.Home => 0,
            Terminal.Gui.Drivers.KeyCode.End => int.MaxValue,
            _ => null,
        };
        if (top is not { } to || !CanFocus)
        {
            return base.OnKeyDown(key);
        }

        ScrollTo(to);
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown))
        {
            ScrollTo(_top + 3);
            return true;
        }

        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp))
        {
            ScrollTo(_top - 3);
            return true;
        }

        return base.OnMouseEvent(mouse);
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var lines = Wrapped;
        var width = Viewport.Width;
        var height = Viewport.Height;
        var hidden = lines.Count - _top - height;
        for (var row = 0; row < height; row++)
        {
            SetAttribute(normal);
            AddStr(0, row, new string(' ', Math.Max(0, width)));
            if (row == height - 1 && hidden > 0)
            {
                // The last row says what is not shown, rather than cutting it off unsaid.
                var note = $"↓ {Core.Domain.Text.Count(hidden + 1, "more line")}{(More.Length > 0 ? ": " + More : "")}";
                AddStr(0, row, note.Length > width ? note[..Math.Max(0, width)] : note);
                continue;
            }

            if (_top + row >= lines.Count)
            {
                continue;
            }

            var x = 0;
            foreach (var run in lines[_top + row].Runs)
            {
                SetAttribute(InkOf(run.Ink, normal));
                AddStr(x, row, run.Text);
                x += run.Text.Length;
            }
        }

        SetAttribute(normal);
        return true;
    }

    private static Attribute InkOf(Ink ink, Attribute normal) => ink switch
    {
        Ink.Removed => Palette.Removed(normal),
        Ink.Added => Palette.Added(normal),
        _ => normal,
    };
}
