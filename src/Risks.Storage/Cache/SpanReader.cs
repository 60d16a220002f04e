using System.Buffers.Binary;
using System.Text;

namespace Risks.Storage.Cache;

/// <summary>
/// Reads what a <see cref="BinaryWriter"/> wrote (little-endian numbers, strings as a 7-bit
/// encoded byte count and UTF-8) straight from bytes in memory, allocating nothing but the strings;
/// bytes that end too soon or do not decode are <see cref="InvalidDataException"/>.
/// </summary>
internal ref struct SpanReader(ReadOnlySpan<byte> bytes)
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;

    public byte ReadByte() => Take(1)[0];

    public bool ReadBoolean() => ReadByte() switch
    {
        0 => false,
        1 => true,
        var other => throw new InvalidDataException($"a yes or no was {other}"),
    };

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public string ReadString()
    {
        // A register's short words (logins, items' ids, directorates) repeat: each is made once, not once per use.
        return ShortStrings.Of(Take(ReadLength()), Decode);
    }

    /// <summary>Passes over a string without making it.</summary>
    public void SkipString() => Take(ReadLength());

    /// <summary>A string that is most often one of <paramref name="words"/>: then that very string, not a copy.</summary>
    public string ReadString(IReadOnlyList<string> words)
    {
        var bytes = Take(ReadLength());
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Length == bytes.Length && Ascii.Equals(bytes, words[i]))
            {
                return words[i];
            }
        }

        return Decode(bytes);
    }

    /// <summary>Throws unless every byte has been read.</summary>
    public readonly void End()
    {
        if (_at != _bytes.Length)
        {
            throw new InvalidDataException($"{_bytes.Length - _at} bytes left over");
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidDataException("a string is not UTF-8", ex);
        }
    }

    private int ReadLength()
    {
        var length = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return length >= 0 ? length : throw new InvalidDataException("a string's length is negative");
            }
        }

        throw new InvalidDataException("a string's length is malformed");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _bytes.Length - _at)
        {
            throw new InvalidDataException("the bytes end too soon");
        }

        var taken = _bytes.Slice(_at, count);
        _at += count;
        return taken;
    }
}
