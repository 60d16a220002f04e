using System.Buffers;
using System.Globalization;
using System.Text;

namespace Risks.Storage.Yaml;

/// <summary>
/// Reads the plain block YAML the register writes (block mappings and sequences; plain, quoted
/// and literal scalars; no comments, flow collections, anchors, tags or documents markers) many
/// times faster than the full parser, into the tree <see cref="YamlTreeReader"/> would build from
/// it, positions included. Anything else, and anything with a problem to report, it declines
/// (null), and the full parser reads the text as before: a quicker path for the common case,
/// never a second opinion on what YAML means.
/// </summary>
internal static class QuickYamlReader
{
    /// <summary>The tree, or null when the text is not of the simple kind this reads (the caller then reads it in full).</summary>
    public static YNode? TryRead(string text)
    {
        if (!Plain(text))
        {
            return null;
        }

        var reader = new Reader(text);
        try
        {
            return reader.Document();
        }
        catch (Declined)
        {
            return null;
        }
    }

    /// <summary>Whether every character is one this reader needs no second thought about: no tab, carriage return, other control character, YAML line break or byte order mark.</summary>
    private static bool Plain(string text) => !text.AsSpan().ContainsAny(Unusual);

    private static readonly SearchValues<char> Unusual = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)
            .Where(c => c < ' ' ? c != '\n' : c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
            .ToArray());

    private sealed class Declined : Exception;

    private sealed class Reader
    {
        private readonly string _text;

        /// <summary>Where each line starts in the text; a final line with nothing on it is not listed.</summary>
        private readonly List<int> _starts = [];

        /// <summary>The line being read (0-based) and the column its unread part starts at (0-based), past a "- " already read.</summary>
        private int _line;
        private int _from = -1;

        public Reader(string text)
        {
            _text = text;
            for (var i = 0; i < text.Length; i = text.IndexOf('\n', i) is var n and >= 0 ? n + 1 : text.Length)
            {
                _starts.Add(i);
            }
        }

        public YNode Document()
        {
            SkipBlank();
            if (_line >= _starts.Count || Indent(_line) != 0 || IsEntry(_line, 0))
            {
                throw new Declined();
            }

            var root = Mapping(0, 1);
            SkipBlank();
            if (_line < _starts.Count)
            {
                throw new Declined();
            }

            return root;
        }

        private int LineLength(int line) => (line + 1 < _starts.Count ? _starts[line + 1] - 1 : _text.Length - (EndsLine ? 1 : 0)) - _starts[line];

        /// <summary>Whether the text's last line ends with a line break.</summary>
        private bool EndsLine => _text.EndsWith('\n');

        private ReadOnlySpan<char> Line(int line) => _text.AsSpan(_starts[line], LineLength(line));

        /// <summary>The column where the line's text starts: past its leading spaces, or past what of it has been read.</summary>
        private int Indent(int line)
        {
            if (line == _line && _from >= 0)
            {
                return _from;
            }

            var text = Line(line);
            var i = 0;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            return i;
        }

        private bool IsBlank(int line) => (line != _line || _from < 0) && Line(line).Trim(' ').IsEmpty;

        private void SkipBlank()
        {
            while (_line < _starts.Count && IsBlank(_line))
            {
                Next();
            }
        }

        private void Next()
        {
            _line++;
            _from = -1;
        }

        /// <summary>Whether the line holds a sequence entry ("-" alone or "- ") at the column.</summary>
        private bool IsEntry(int line, int column)
        {
            var text = Line(line);
            return column < text.Length && text[column] == '-' && (column + 1 == text.Length || text[column + 1] == ' ');
        }

        private static Position At(int line, int column) => new(line + 1, column + 1);

        /// <summary>The block node starting on the current line at its indent, deeper than <paramref name="parent"/>.</summary>
        private YNode Block(int parent, int depth)
        {
            SkipBlank();
            if (_line >= _starts.Count)
            {
                throw new Declined();
            }

            var indent = Indent(_line);
            if (indent <= parent)
            {
                throw new Declined();
            }

            return IsEntry(_line, indent) ? Sequence(indent, depth) : Mapping(indent, depth);
        }

        private YMapping Mapping(int indent, int depth)
        {
            Deeper(depth);
            var start = At(_line, indent);
            var entries = new List<YEntry>();
            while (true)
            {
                var text = Line(_line);
                if (!IsKey(text, indent))
                {
                    throw new Declined();
                }

                var keyEnd = KeyEnd(text, indent);

                // Every file repeats the same few dozen keys: each is made once, not once per file.
                var key = Cache.ShortStrings.Of(text[indent..keyEnd]);
                foreach (var entry in entries)
                {
                    if (string.Equals(entry.Key, key, StringComparison.Ordinal))
                    {
                        throw new Declined();
                    }
                }

                Deeper(depth + 1);
                var keyAt = At(_line, indent);
                var valueAt = keyEnd + 1;
                while (valueAt < text.Length && text[valueAt] == ' ')
                {
                    valueAt++;
                }

                YNode value;
                if (valueAt == text.Length)
                {
                    Next();
                    SkipBlank();
                    if (_line < _starts.Count && Indent(_line) == indent && IsEntry(_line, indent))
                    {
                        // A list written level with its key.
                        value = Sequence(indent, depth + 1);
                    }
                    else
                    {
                        value = Block(indent, depth + 1);
                    }
                }
                else
                {
                    value = Scalar(indent, valueAt, depth + 1);
                }

                entries.Add(new YEntry(key, keyAt, value));
                SkipBlank();
                if (_line >= _starts.Count || Indent(_line) < indent)
                {
                    return new YMapping(start, entries);
                }

                if (Indent(_line) > indent || IsEntry(_line, indent))
                {
                    throw new Declined();
                }
            }
        }

        private YSequence Sequence(int indent, int depth)
        {
            Deeper(depth);
            var start = At(_line, indent);
            var items = new List<YNode>();
            while (true)
            {
                var text = Line(_line);
                var itemAt = indent + 1;
                while (itemAt < text.Length && text[itemAt] == ' ')
                {
                    itemAt++;
                }

                if (itemAt == text.Length)
                {
                    Next();
                    items.Add(Block(indent, depth + 1));
                }
                else if (IsEntry(_line, itemAt) || IsKey(text, itemAt))
                {
                    // A mapping (or list) begun on the entry's line: read as if its line started there.
                    _from = itemAt;
                    items.Add(IsEntry(_line, itemAt) ? Sequence(itemAt, depth + 1) : Mapping(itemAt, depth + 1));
                }
                else
                {
                    items.Add(Scalar(indent, itemAt, depth + 1));
                }

                SkipBlank();
                if (_line >= _starts.Count || Indent(_line) < indent)
                {
                    return new YSequence(start, items);
                }

                if (Indent(_line) > indent)
                {
                    throw new Declined();
                }

                if (!IsEntry(_line, indent))
                {
                    // A list level with its key ends at the next key; any other is for the mapping above to judge.
                    return new YSequence(start, items);
                }
            }
        }

        /// <summary>Whether the text at the column reads as a key: a name, then a colon ending the line or followed by a space.</summary>
        private static bool IsKey(ReadOnlySpan<char> text, int column)
        {
            var end = KeyEnd(text, column);
            return end > column && end < text.Length && text[end] == ':' && (end + 1 == text.Length || text[end + 1] == ' ');
        }

        /// <summary>Where a name starting at the column ends: letters, digits, '_' and (not first) '-'.</summary>
        private static int KeyEnd(ReadOnlySpan<char> text, int column)
        {
            var end = column;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' || (text[end] is '-' && end > column)))
            {
                end++;
            }

            return end;
        }

        /// <summary>A scalar on the current line at the column, the value of a node at <paramref name="parent"/>'s indent; the line (and a literal's lines) read past.</summary>
        private YScalar Scalar(int parent, int column, int depth)
        {
            Deeper(depth);
            var text = Line(_line);
            var at = At(_line, column);
            string value;
            bool quoted;
            switch (text[column])
            {
                case '\'':
                    (value, quoted) = (SingleQuoted(text, column), true);
                    break;
                case '"':
                    (value, quoted) = (DoubleQuoted(text, column), true);
                    break;
                case '|':
                    value = Literal(text, column, parent);
                    if (value.Length > YamlTreeReader.MaxValueLength)
                    {
                        throw new Declined();
                    }

                    return new YScalar(at, value, true);
                default:
                    (value, quoted) = (PlainText(text, column), false);
                    break;
            }

            if (value.Length > YamlTreeReader.MaxValueLength)
            {
                throw new Declined();
            }

            Next();
            SkipBlank();
            if (_line < _starts.Count && Indent(_line) > parent)
            {
                // The value may go on over the next line: left to the full reader.
                throw new Declined();
            }

            return new YScalar(at, value, quoted);
        }

        private static string PlainText(ReadOnlySpan<char> text, int column)
        {
            var c = text[column];
            if ("-?:,[]{}#&*!|>'\"%@`".Contains(c, StringComparison.Ordinal) && !(c is '-' or '?' or ':' && column + 1 < text.Length && text[column + 1] != ' '))
            {
                throw new Declined();
            }

            var value = text[column..].TrimEnd(' ');
            if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value[^1] == ':')
            {
                throw new Declined();
            }

            // A register's short words (logins, items' ids, statuses) repeat: each is made once, not once per use.
            return Cache.ShortStrings.Of(value);
        }

        private static string SingleQuoted(ReadOnlySpan<char> text, int column)
        {
            var value = new StringBuilder();
            var i = column + 1;
            while (true)
            {
                var close = text[i..].IndexOf('\'');
                if (close < 0)
                {
                    throw new Declined();
                }

                value.Append(text.Slice(i, close));
                i += close + 1;
                if (i < text.Length && text[i] == '\'')
                {
                    value.Append('\'');
                    i++;
                    continue;
                }

                Rest(text, i);
                return value.ToString();
            }
        }

        private static string DoubleQuoted(ReadOnlySpan<char> text, int column)
        {
            var value = new StringBuilder();
            var i = column + 1;
            while (true)
            {
                var stop = text[i..].IndexOfAny('"', '\\');
                if (stop < 0)
                {
                    throw new Declined();
                }

                value.Append(text.Slice(i, stop));
                i += stop;
                if (text[i] == '"')
                {
                    Rest(text, i + 1);
                    return value.ToString();
                }

                if (i + 1 >= text.Length)
                {
                    throw new Declined();
                }

                var escape = text[i + 1];
                i += 2;
                switch (escape)
                {
                    case '\\' or '"' or '/':
                        value.Append(escape);
                        break;
                    case 'n':
                        value.Append('\n');
                        break;
                    case 't':
                        value.Append('\t');
                        break;
                    case 'r':
                        value.Append('\r');
                        break;
                    case '0':
                        value.Append('\0');
                        break;
                    case 'x' or 'u' or 'U':
                        var digits = escape switch { 'x' => 2, 'u' => 4, _ => 8 };
                        if (i + digits > text.Length || !int.TryParse(text.Slice(i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) || code is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
                        {
                            throw new Declined();
                        }

                        value.Append(char.ConvertFromUtf32(code));
                        i += digits;
                        break;
                    default:
                        throw new Declined();
                }
            }
        }

        /// <summary>Nothing but spaces may follow a quoted scalar on its line.</summary>
        private static void Rest(ReadOnlySpan<char> text, int from)
        {
            if (!text[from..].Trim(' ').IsEmpty)
            {
                throw new Declined();
            }
        }

        /// <summary>A literal block (<c>|</c> or <c>|-</c>) whose header is at the column: its lines, the current one and those after, read past.</summary>
        private string Literal(ReadOnlySpan<char> header, int column, int parent)
        {
            var chomp = header[(column + 1)..];
            var strip = chomp is "-";
            if (!strip && !chomp.IsEmpty)
            {
                throw new Declined();
            }

            Next();
            if (_line >= _starts.Count || IsBlank(_line))
            {
                throw new Declined();
            }

            var indent = Indent(_line);
            if (indent <= parent)
            {
                throw new Declined();
            }

            var value = new StringBuilder();
            var blanks = 0;
            var first = true;
            var broken = true;
            while (_line < _starts.Count)
            {
                var line = Line(_line);
                if (line.IsEmpty)
                {
                    blanks++;
                    Next();
                    continue;
                }

                var lineIndent = Indent(_line);
                if (lineIndent == line.Length)
                {
                    // Only spaces: whether they are text or nothing is left to the full reader.
                    throw new Declined();
                }

                if (lineIndent < indent)
                {
                    break;
                }

                if (!first)
                {
                    value.Append('\n');
                }

                value.Append('\n', blanks).Append(line[indent..]);
                (blanks, first) = (0, false);
                broken = _line + 1 < _starts.Count || EndsLine;
                Next();
            }

            if (!strip && broken)
            {
                value.Append('\n');
            }

            if (_line < _starts.Count && Indent(_line) > parent)
            {
                throw new Declined();
            }

            return value.ToString();
        }

        private static void Deeper(int depth)
        {
            if (depth > YamlTreeReader.MaxDepth)
            {
                throw new Declined();
            }
        }
    }
}
