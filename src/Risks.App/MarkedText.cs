using System.Text.RegularExpressions;
using Risks.Core.Changes;

namespace Risks.App;

/// <summary>How a run of text is shown: as written, as the marker round an edit, or as words the edit removed or added.</summary>
public enum Ink { Plain, Marker, Removed, Added }

/// <summary>A run of text shown one way.</summary>
public sealed record TextRun(string Text, Ink Ink);

/// <summary>A line of text in runs, each shown its own way; <see cref="Text"/> is what it reads as without colour.</summary>
public sealed record MarkedLine(IReadOnlyList<TextRun> Runs)
{
    public static MarkedLine Empty { get; } = new([]);

    /// <summary>The line as it reads without colour or strike-through: the runs' text, markers and all.</summary>
    public string Text => string.Concat(Runs.Select(r => r.Text));

    public static MarkedLine Plain(string text) => new([new TextRun(text, Ink.Plain)]);

    /// <summary>The line with plain <paramref name="prefix"/> before it (<c>"- "</c>).</summary>
    public MarkedLine Prefixed(string prefix) => new([new TextRun(prefix, Ink.Plain), .. Runs]);

    public override string ToString() => Text;
}

/// <summary>
/// Word diffs as text that reads without colour and without knowing diff syntax, and lines of runs
/// wrapped to a width. Words replaced read <c>‹old → new›</c>, words removed <c>‹removed: old›</c>
/// and words added <c>‹added: new›</c>; the screen also colours the removed words (struck
/// through) and the added ones. The marks are single guillemets, which prose rarely uses, so an
/// edit's extent is plain at 80 columns in one colour.
/// </summary>
public static partial class MarkedText
{
    public const string Open = "‹";
    public const string Close = "›";
    public const string Becomes = " → ";
    public const string RemovedLabel = "removed: ";
    public const string AddedLabel = "added: ";

    /// <summary>The columns a wrapped line's continuation is indented by, as <c>Prompts.Wrap</c> does.</summary>
    private const string Continued = "  ";

    /// <summary>A word diff as runs with markers: <c>The month ‹8 → 10› forecast</c>, line breaks read as spaces.</summary>
    public static IReadOnlyList<TextRun> Words(IReadOnlyList<WordSpan> spans)
    {
        var runs = new List<TextRun>();
        foreach (var part in WordDiff.Parts(spans))
        {
            var before = OneLine(part.Before);
            var after = OneLine(part.After);
            switch (part.Kind)
            {
                case PartKind.Same:
                    Add(runs, before, Ink.Plain);
                    break;
                case PartKind.Removed:
                    Add(runs, Open + RemovedLabel, Ink.Marker);
                    Add(runs, before, Ink.Removed);
                    Add(runs, Close, Ink.Marker);
                    break;
                case PartKind.Added:
                    Add(runs, Open + AddedLabel, Ink.Marker);
                    Add(runs, after, Ink.Added);
                    Add(runs, Close, Ink.Marker);
                    break;
                default:
                    Add(runs, Open, Ink.Marker);
                    Add(runs, before, Ink.Removed);
                    Add(runs, Becomes, Ink.Marker);
                    Add(runs, after, Ink.Added);
                    Add(runs, Close, Ink.Marker);
                    break;
            }
        }

        return runs;
    }

    /// <summary>
    /// Wraps each line at spaces to <paramref name="width"/> columns (a word longer than a line is
    /// cut), the continuation indented two columns as <c>Prompts.Wrap</c> does; each run keeps its
    /// ink across the break. The spaces at a break are dropped. An empty line stays one empty line.
    /// </summary>
    public static IReadOnlyList<MarkedLine> Wrap(IEnumerable<MarkedLine> lines, int width, int? continuedIndent = null)
    {
        width = Math.Max(1, width);
        var indent = continuedIndent is { } given ? new string(' ', Math.Min(given, width / 2)) : width > 10 ? Continued : "";
        var wrapped = new List<MarkedLine>();
        foreach (var line in lines)
        {
            var text = line.Text;
            var inks = new Ink[text.Length];
            var at = 0;
            foreach (var run in line.Runs)
            {
                Array.Fill(inks, run.Ink, at, run.Text.Length);
                at += run.Text.Length;
            }

            var start = 0;
            var first = true;
            while (true)
            {
                var room = first ? width : width - indent.Length;
                if (text.Length - start <= room)
                {
                    wrapped.Add(Slice(text, inks, start, text.Length, first ? "" : indent));
                    break;
                }

                var cut = text.LastIndexOf(' ', start + room, room);
                if (cut <= start)
                {
                    cut = start + room;
                    if (char.IsLowSurrogate(text[cut]) && cut - 1 > start)
                    {
                        cut--;
                    }
                }

                wrapped.Add(Slice(text, inks, start, cut, first ? "" : indent));
                start = cut;
                while (start < text.Length && text[start] == ' ')
                {
                    start++;
                }

                first = false;
                if (start == text.Length)
                {
                    break;
                }
            }
        }

        return wrapped;
    }

    /// <summary>The text from <paramref name="start"/> to <paramref name="end"/>, trailing spaces dropped, as runs of its inks.</summary>
    private static MarkedLine Slice(string text, Ink[] inks, int start, int end, string indent)
    {
        while (end > start && text[end - 1] == ' ')
        {
            end--;
        }

        var runs = new List<TextRun>();
        Add(runs, indent, Ink.Plain);
        var from = start;
        for (var i = start + 1; i <= end; i++)
        {
            if (i == end || inks[i] != inks[from])
            {
                Add(runs, text[from..i], inks[from]);
                from = i;
            }
        }

        return new MarkedLine(runs);
    }

    private static void Add(List<TextRun> runs, string text, Ink ink)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (runs.Count > 0 && runs[^1].Ink == ink)
        {
            runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
        }
        else
        {
            runs.Add(new TextRun(text, ink));
        }
    }

    /// <summary>Line breaks (and the white space round them) read as one space.</summary>
    private static string OneLine(string text) => LineBreaks().Replace(text, " ");

    [GeneratedRegex(@"[ \t]*\r?\n\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreaks();
}
