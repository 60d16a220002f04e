using System.Text;

namespace Risks.Tui;

/// <summary>How text is shown on screen.</summary>
internal static class Texts
{
    /// <summary>
    /// No hot key: labels show the register's text as it is, so an underscore in a field path
    /// (<c>next_review</c>) or a message is shown, not taken as a hot key marker and dropped.
    /// </summary>
    public static readonly Rune NoHotKey = new(0xFFFF);
}
