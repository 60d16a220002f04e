using Risks.App;
using Terminal.Gui.Input;
using KeyBinding = Risks.App.KeyBinding;

namespace Risks.Tui;

/// <summary>Turns the key map's key names into Terminal.Gui keys and matches pressed keys against them.</summary>
internal static class KeyNames
{
    /// <summary>Whether <paramref name="pressed"/> is the key named <paramref name="name"/>.</summary>
    public static bool Matches(string name, Key pressed)
    {
        if (name.Length == 1)
        {
            // A plain character: a letter means the lower-case letter, with no modifier.
            if (pressed.IsCtrl || pressed.IsAlt)
            {
                return false;
            }

            var rune = pressed.AsRune.Value;
            return rune == char.ToLowerInvariant(name[0]) || (!char.IsLetter(name[0]) && rune == name[0]);
        }

        return Key.TryParse(name, out var key) && key == pressed;
    }

    /// <summary>The binding of <paramref name="screen"/> (or of every screen) that <paramref name="pressed"/> invokes.</summary>
    public static KeyBinding? Find(Screen screen, Key pressed) =>
        KeyMap.For(screen).FirstOrDefault(b => b.Keys.Any(k => Matches(k, pressed)));

    /// <summary>The first key of a binding as Terminal.Gui's <see cref="Key"/>, for status bar hints.</summary>
    public static Key First(KeyBinding binding)
    {
        var name = binding.Keys[0];
        if (name.Length == 1)
        {
            return char.IsLetter(name[0]) ? new Key(char.ToLowerInvariant(name[0])) : new Key(name[0]);
        }

        return Key.TryParse(name, out var key) ? key : Key.Empty;
    }
}
