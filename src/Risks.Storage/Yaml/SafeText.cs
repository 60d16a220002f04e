using System.Text;
using Risks.Core.Validation;

namespace Risks.Storage.Yaml;

/// <summary>
/// Turns a file's bytes into text the parser may see: at most <see cref="MaxFileBytes"/>, strict
/// UTF-8 (never silently replaced), one leading byte order mark dropped, line ends made LF, and no
/// control or bidi-override characters.
/// </summary>
public static class SafeText
{
    public const int MaxFileBytes = 256 * 1024;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>What is said of a file over the cap: its size and the cap, in bytes and in KiB or MiB.</summary>
    public static string TooLarge(long size, int cap = MaxFileBytes) =>
        $"file is {size:N0} bytes; a register file may be at most {cap:N0} bytes ({(cap >= 1 << 20 ? $"{cap >> 20} MiB" : $"{cap >> 10} KiB")})";

    public static string? Decode(ReadOnlySpan<byte> bytes, string file, List<Problem> problems)
    {
        if (bytes.Length > MaxFileBytes)
        {
            problems.Add(new Problem(file, 1, 1, TooLarge(bytes.Length)));
            return null;
        }

        if (Utf8(bytes, file, problems) is not { } text)
        {
            return null;
        }

        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        if (Rules.IndexOfForbidden(text) is var at and >= 0)
        {
            var c = text[at];
            var lineStart = text.AsSpan(0, at).LastIndexOf('\n') + 1;
            var lineNo = 1 + text.AsSpan(0, at).Count('\n');
            var what = c == '\uFEFF' ? "a byte order mark" : $"the control character {Rules.Describe(c)}";
            problems.Add(new Problem(file, lineNo, at - lineStart + 1, $"file holds {what}, which is not allowed"));
            return null;
        }

        return text;
    }

    /// <summary>
    /// The text of UTF-8 bytes, one leading byte order mark dropped; null (with a problem at the
    /// first bad byte) for UTF-16 or bytes that are not UTF-8, which are never silently replaced.
    /// </summary>
    public static string? Utf8(ReadOnlySpan<byte> bytes, string file, List<Problem> problems)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            problems.Add(new Problem(file, 1, 1, "file is UTF-16; save it as UTF-8"));
            return null;
        }

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var at = Math.Clamp(ex.Index, 0, bytes.Length);
            var (line, column) = Locate(bytes[..at]);
            var shown = at < bytes.Length ? $" (byte 0x{bytes[at]:X2})" : "";
            problems.Add(new Problem(file, line, column, $"file is not valid UTF-8{shown}; save it as UTF-8"));
            return null;
        }
    }

    /// <summary>The line and column after the given bytes of UTF-8.</summary>
    private static (int Line, int Column) Locate(ReadOnlySpan<byte> before)
    {
        var line = 1 + before.Count((byte)'\n');
        var lastBreak = before.LastIndexOf((byte)'\n');
        var tail = before[(lastBreak + 1)..];
        var column = 1 + Encoding.UTF8.GetCharCount(tail);
        return (line, column);
    }

    /// <summary>The first tab used for indentation, if any: YAML forbids them and parsers report them at the wrong place.</summary>
    public static Position? FirstIndentingTab(string text)
    {
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (c == '\t')
                {
                    return new Position(line, i - start + 1);
                }

                if (c != ' ' && c != '-')
                {
                    break;
                }
            }

            line++;
            start = end + 1;
        }

        return null;
    }
}
