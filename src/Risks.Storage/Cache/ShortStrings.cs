using System.Text;

namespace Risks.Storage.Cache;

/// <summary>
/// The short strings a register repeats (a login, an item's id, a status, an id's prefix, a
/// directorate): as a risk is read, from the parse cache or from YAML, the one this thread made
/// last from the same text, if it is still in its slot, so each is held once or twice, not once per
/// use. Ten thousand risks repeat a handful of logins tens of thousands of times.
/// </summary>
internal static class ShortStrings
{
    /// <summary>Strings of up to this many characters (or bytes) are kept for their repeats.</summary>
    public const int MaxLength = 24;

    private const int Slots = 4096;

    [ThreadStatic]
    private static string?[]? t_slots;

    /// <summary>The string of <paramref name="text"/>: a held one if it is short and made on this thread lately, otherwise a new one.</summary>
    public static string Of(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength)
        {
            return text.ToString();
        }

        ref var slot = ref Slot(Hash(text));
        return slot is { } held && text.SequenceEqual(held) ? held : slot = text.ToString();
    }

    /// <summary>
    /// As <see cref="Of(ReadOnlySpan{char})"/>, from UTF-8 bytes: made by <paramref name="decode"/> (which may throw
    /// for bytes that are not UTF-8) unless the bytes are ASCII and a held string has the same characters.
    /// </summary>
    public static string Of(ReadOnlySpan<byte> utf8, Utf8Decoder decode)
    {
        if (utf8.Length > MaxLength)
        {
            return decode(utf8);
        }

        // An ASCII byte's hash step is its character's, so a string held from either reader is found from the other.
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        ref var slot = ref Slot(hash);
        return slot is { } held && held.Length == utf8.Length && Ascii.Equals(utf8, held) ? held : slot = decode(utf8);
    }

    /// <summary>Makes a string of UTF-8 bytes.</summary>
    public delegate string Utf8Decoder(ReadOnlySpan<byte> utf8);

    private static ref string? Slot(uint hash) => ref (t_slots ??= new string?[Slots])[(hash ^ (hash >> 15)) & (Slots - 1)];

    private static uint Hash(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
