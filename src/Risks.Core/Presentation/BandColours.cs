using Risks.Core.Domain;

namespace Risks.Core.Presentation;

/// <summary>The colours the bands are shaded in on paper and in workbooks, as RGB hex (the HTML paper's style sheet uses the same).</summary>
public static class BandColours
{
    public static string Hex(Rag rag) => rag switch
    {
        Rag.Red => "D5281B",
        Rag.Amber => "FFB81C",
        Rag.Yellow => "FFF27A",
        Rag.Green => "78BE20",
        _ => "FFFFFF",
    };

    /// <summary>Whether text on the colour is better white than black (the red band).</summary>
    public static bool WhiteText(Rag rag) => rag == Rag.Red;
}
