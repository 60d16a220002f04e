using Risks.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;
using KeyBinding = Risks.App.KeyBinding;

namespace Risks.Tui;

/// <summary>
/// The bar of key hints at the bottom: each screen's most used keys, most important first, as many
/// as fit the width (help always stays). A key is drawn in reverse, so the bar reads without
/// colour; a click on a hint does what it says.
/// </summary>
internal sealed class HintBar : View
{
    private readonly Action<UiCommand> _execute;
    private Screen _screen;

    public HintBar(Action<UiCommand> execute)
    {
        _execute = execute;
        X = 0;
        Width = Dim.Fill();
        Height = 1;
    }

    public Screen Screen
    {
        get => _screen;
        set
        {
            _screen = value;
            SetNeedsDraw();
        }
    }

    /// <summary>The hints shown now, in order.</summary>
    public IReadOnlyList<KeyBinding> Shown => KeyMap.Hints(_screen, Math.Max(1, Viewport.Width));

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var key = new Attribute(normal.Background, normal.Foreground, TextStyle.Bold);
        SetAttribute(normal);
        AddStr(0, 0, new string(' ', Viewport.Width));
        var x = 0;
        foreach (var hint in Shown)
        {
            var keyText = KeyMap.Readable(hint.Keys[0]);
            SetAttribute(key);
            AddStr(x, 0, keyText);
            SetAttribute(normal);
            AddStr(x + keyText.Length, 0, " " + hint.Hint);
            x += KeyMap.HintWidth(hint);
        }

        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Position is not { } at || !mouse.IsSingleClicked)
        {
            return base.OnMouseEvent(mouse);
        }

        var x = 0;
        foreach (var hint in Shown)
        {
            var width = KeyMap.HintWidth(hint);
            if (at.X >= x && at.X < x + width - 2)
            {
                _execute(hint.Command);
                return true;
            }

            x += width;
        }

        return base.OnMouseEvent(mouse);
    }
}
