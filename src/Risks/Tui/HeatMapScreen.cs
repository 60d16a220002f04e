using Risks.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Risks.Tui;

/// <summary>
/// The 5x5 matrix: impact up the side (5 at the top), likelihood along the bottom, the count of
/// risks in each cell, and each cell's score and band in words as well as colour.
/// </summary>
internal sealed class HeatMapScreen : View
{
    private const int CellWidth = 12;
    private const int CellHeight = 3;
    private const int Side = 17;
    private readonly HeatMapView _view;
    private readonly Action _filter;

    public HeatMapScreen(HeatMapView view, Action filter)
    {
        _view = view;
        _filter = filter;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    /// <summary>A click selects a cell; a double click also filters the register to it.</summary>
    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Position is not { } at || !(mouse.IsSingleClicked || mouse.IsDoubleClicked))
        {
            return base.OnMouseEvent(mouse);
        }

        var likelihood = ((at.X - Side) / CellWidth) + 1;
        var impact = 5 - ((at.Y - 2) / CellHeight);
        if (at.X < Side || at.Y < 2 || likelihood is < 1 or > 5 || impact is < 1 or > 5)
        {
            return base.OnMouseEvent(mouse);
        }

        _view.Select(new Risks.App.Cell(impact, likelihood));
        SetNeedsDraw();
        if (mouse.IsDoubleClicked)
        {
            _filter();
        }

        return true;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var (cells, unscored, total) = _view.Counted();
        SetAttribute(normal);
        AddStr(0, 0, Fit(_view.TitleFor(total), Viewport.Width));
        for (var impact = 5; impact >= 1; impact--)
        {
            var top = 2 + ((5 - impact) * CellHeight);
            SetAttribute(normal);
            AddStr(0, top + 1, Fit(_view.ImpactWord(impact), Side - 1));
            for (var likelihood = 1; likelihood <= 5; likelihood++)
            {
                DrawCell(impact, likelihood, cells[impact - 1, likelihood - 1], Side + ((likelihood - 1) * CellWidth), top, normal);
            }
        }

        var bottom = 2 + (5 * CellHeight);
        SetAttribute(normal);
        AddStr(0, 1, "Impact");
        // Each likelihood's words under its column, over two lines where they need them ("5 Almost" / "certain").
        for (var likelihood = 1; likelihood <= 5; likelihood++)
        {
            var words = Prompts.Wrap([_view.LikelihoodWord(likelihood)], CellWidth - 1);
            for (var line = 0; line < Math.Min(2, words.Count); line++)
            {
                AddStr(Side + ((likelihood - 1) * CellWidth), bottom + line, Fit(words[line].Trim(), CellWidth - 1));
            }
        }

        AddStr(0, bottom, "Likelihood");
        var selected = _view.Selected;
        var note = $"Selected: {_view.ImpactWord(selected.Impact)} x {_view.LikelihoodWord(selected.Likelihood)}: {cells[selected.Impact - 1, selected.Likelihood - 1]} risks";
        if (unscored > 0)
        {
            note += $"; {unscored} without a {_view.Basis.ToString().ToLowerInvariant()} score";
        }

        AddStr(0, bottom + 2, Fit(note, Viewport.Width));
        AddStr(0, bottom + 3, Fit("Arrows or h j k l move; Enter lists these risks; t switches the score.", Viewport.Width));
        return true;
    }

    private void DrawCell(int impact, int likelihood, int count, int x, int y, Attribute normal)
    {
        var band = _view.BandOf(impact, likelihood);
        var colour = band is null ? normal : Palette.Band(band.Rag);
        var isSelected = _view.Selected == new Risks.App.Cell(impact, likelihood);
        SetAttribute(colour);
        var lines = new[]
        {
            isSelected ? ">" + new string(' ', CellWidth - 3) + "<" : new string(' ', CellWidth - 1),
            Centre(count == 0 ? "." : count.ToString(Core.Presentation.Formats.Culture), CellWidth - 1),
            Centre($"{impact * likelihood} {band?.Name}", CellWidth - 1),
        };
        for (var i = 0; i < CellHeight; i++)
        {
            AddStr(x, y + i, lines[i]);
        }

        SetAttribute(normal);
    }

    private static string Centre(string text, int width)
    {
        text = Fit(text, width);
        var left = (width - text.Length) / 2;
        return new string(' ', left) + text + new string(' ', width - left - text.Length);
    }

    private static string Fit(string text, int width) => width <= 0 ? "" : text.Length <= width ? text : text[..(width - 1)] + "…";
}
