using Risks.Core.Domain;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Risks.Tui;

/// <summary>
/// The colours the UI adds to what its text already says: a band is always written as a word as
/// well, so 16-colour consoles and NO_COLOR lose nothing. Only the 16 standard colours are used.
/// </summary>
internal static class Palette
{
    public static Attribute Band(Rag rag) => rag switch
    {
        Rag.Red => new Attribute(ColorName16.White, ColorName16.Red),
        Rag.Amber => new Attribute(ColorName16.Black, ColorName16.Yellow),
        Rag.Yellow => new Attribute(ColorName16.Black, ColorName16.BrightYellow),
        _ => new Attribute(ColorName16.Black, ColorName16.Green),
    };

    public static Scheme BandScheme(Rag rag) => new(Band(rag));

    /// <summary>A field with a problem.</summary>
    public static Scheme Problem { get; } = new(new Attribute(ColorName16.BrightRed, ColorName16.Black));

    /// <summary>
    /// Words an edit removed: red and struck through, on the background of the text round them.
    /// The text marks them as well (<c>‹old → new›</c>), so a terminal without colour or strike-through loses nothing.
    /// </summary>
    public static Attribute Removed(Attribute around) => new(new Color(ColorName16.BrightRed), around.Background, TextStyle.Strikethrough);

    /// <summary>Words an edit added: green and bold (as markdown shows them bold), on the background of the text round them.</summary>
    public static Attribute Added(Attribute around) => new(new Color(ColorName16.BrightGreen), around.Background, TextStyle.Bold);

    /// <summary>A section heading on the risk screen.</summary>
    public static Scheme Heading { get; } = new(new Attribute(ColorName16.BrightCyan, ColorName16.Black));
}
