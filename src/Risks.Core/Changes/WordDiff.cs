using System.Text;
using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Risks.Core.Changes;

/// <summary>Whether a run of text is on both sides of a diff, only before or only after.</summary>
public enum SpanKind { Same, Removed, Added }

/// <summary>A run of text that is the same on both sides, only before (removed) or only after (added).</summary>
public sealed record WordSpan(SpanKind Kind, string Text);

/// <summary>What happened at one place in a word diff: nothing, words removed, words added, or words replaced by others.</summary>
public enum PartKind { Same, Removed, Added, Replaced }

/// <summary>
/// One place in a word diff as a reader takes it in: the text there before and after (the same
/// for <see cref="PartKind.Same"/>, empty on the side that has none for a removal or an addition).
/// </summary>
public sealed record WordPart(PartKind Kind, string Before, string After)
{
    public static WordPart Same(string text) => new(PartKind.Same, text, text);
}

/// <summary>
/// A word-level diff of two pieces of prose, for narrative edits: words, runs of white space and
/// single punctuation marks are the units, so a reworded sentence shows only the words that
/// changed. The spans read back exactly: Same and Removed give the text before, Same and Added
/// the text after.
/// </summary>
public static partial class WordDiff
{
    /// <summary>The spans that turn <paramref name="before"/> into <paramref name="after"/> (null reads as empty), neighbours of one kind merged.</summary>
    public static IReadOnlyList<WordSpan> Of(string? before, string? after)
    {
        var result = Differ.Instance.CreateDiffs(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, Tokens.Instance);
        var spans = new List<WordSpan>();
        var next = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(spans, SpanKind.Same, result.PiecesOld, next, block.DeleteStartA - next);
            Add(spans, SpanKind.Removed, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(spans, SpanKind.Added, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            next = block.DeleteStartA + block.DeleteCountA;
        }

        Add(spans, SpanKind.Same, result.PiecesOld, next, result.PiecesOld.Count - next);
        return Grouped(spans);
    }

    /// <summary>
    /// Joins changes separated only by white space into one removal and one addition, so a
    /// reworded phrase reads <c>[-is working with-]{+has agreed+}</c> rather than word by word.
    /// White space both sides end with follows the change once.
    /// </summary>
    private static List<WordSpan> Grouped(List<WordSpan> spans)
    {
        var grouped = new List<WordSpan>();
        var i = 0;
        while (i < spans.Count)
        {
            if (spans[i].Kind == SpanKind.Same)
            {
                grouped.Add(spans[i++]);
                continue;
            }

            // A run of changes, taking in the white space between them (but not after the last).
            var end = i;
            for (var j = i; j < spans.Count && (spans[j].Kind != SpanKind.Same || string.IsNullOrWhiteSpace(spans[j].Text)); j++)
            {
                if (spans[j].Kind != SpanKind.Same)
                {
                    end = j;
                }
            }

            var run = spans.Skip(i).Take(end - i + 1).ToList();
            var removed = string.Concat(run.Where(s => s.Kind != SpanKind.Added).Select(s => s.Text));
            var added = string.Concat(run.Where(s => s.Kind != SpanKind.Removed).Select(s => s.Text));
            if (run.Count > 2 && removed.Trim().Length > 0 && added.Trim().Length > 0)
            {
                var common = 0;
                while (common < Math.Min(removed.Length, added.Length) && char.IsWhiteSpace(removed[^(common + 1)]) && removed[^(common + 1)] == added[^(common + 1)])
                {
                    common++;
                }

                grouped.Add(new WordSpan(SpanKind.Removed, removed[..^common]));
                grouped.Add(new WordSpan(SpanKind.Added, added[..^common]));
                if (common > 0)
                {
                    grouped.Add(new WordSpan(SpanKind.Same, removed[^common..]));
                }
            }
            else
            {
                // A single replacement, or only additions or only removals: the white space between them is the same on both sides.
                grouped.AddRange(run);
            }

            i = end + 1;
        }

        // White space moved out of a change may meet the text that follows: neighbours of one kind join.
        var merged = new List<WordSpan>();
        foreach (var span in grouped)
        {
            if (merged.Count > 0 && merged[^1].Kind == span.Kind)
            {
                merged[^1] = merged[^1] with { Text = merged[^1].Text + span.Text };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    /// <summary>
    /// The spans as places a reader can take in one at a time: a removal followed by an addition
    /// is one replacement; white space at the edges of a change
    /// is moved out of it, as the same text on both sides; a change of spacing alone shows the
    /// spacing after. Whatever shows the parts (markers, colour, strike-through) is left to the screen or output.
    /// </summary>
    public static IReadOnlyList<WordPart> Parts(IReadOnlyList<WordSpan> spans)
    {
        var parts = new List<WordPart>();
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            if (span.Kind == SpanKind.Same || string.IsNullOrWhiteSpace(span.Text))
            {
                // Spacing alone changed: the spacing after is what shows.
                Same(parts, span.Kind == SpanKind.Removed ? "" : span.Text);
                continue;
            }

            string before = "", after = "";
            if (span.Kind == SpanKind.Added)
            {
                after = span.Text;
            }
            else
            {
                before = span.Text;
                if (i + 1 < spans.Count && spans[i + 1].Kind == SpanKind.Added && !string.IsNullOrWhiteSpace(spans[i + 1].Text))
                {
                    after = spans[++i].Text;
                }
            }

            // White space at either edge goes outside the change: the wider of the two sides' edges.
            var lead = Wider(Leading(before), Leading(after));
            var trail = Wider(Trailing(before), Trailing(after));
            before = before.Trim();
            after = after.Trim();
            Same(parts, lead);
            parts.Add(new WordPart(before.Length == 0 ? PartKind.Added : after.Length == 0 ? PartKind.Removed : PartKind.Replaced, before, after));
            Same(parts, trail);
        }

        return parts;

        static string Leading(string text) => text[..(text.Length - text.TrimStart().Length)];
        static string Trailing(string text) => text[text.TrimEnd().Length..];
        static string Wider(string a, string b) => a.Length >= b.Length ? a : b;
        static void Same(List<WordPart> parts, string text)
        {
            if (text.Length == 0)
            {
                return;
            }

            if (parts.Count > 0 && parts[^1].Kind == PartKind.Same)
            {
                parts[^1] = WordPart.Same(parts[^1].Before + text);
            }
            else
            {
                parts.Add(WordPart.Same(text));
            }
        }
    }

    /// <summary>As <c>git diff --word-diff=plain</c> writes it: <c>[-removed-]{+added+}</c>.</summary>
    public static string Text(IReadOnlyList<WordSpan> spans) =>
        Render(spans, s => $"[-{s}-]", s => $"{{+{s}+}}", spaced: false);

    /// <summary>
    /// As markdown: removed words struck through, added words in bold, with a space between a
    /// removal and the addition that replaces it (<c>the ~~old~~ **new** plan</c>). Nothing else is escaped.
    /// </summary>
    public static string Markdown(IReadOnlyList<WordSpan> spans) =>
        Render(spans, s => $"~~{s}~~", s => $"**{s}**", spaced: true);

    private static string Render(IReadOnlyList<WordSpan> spans, Func<string, string> removed, Func<string, string> added, bool spaced)
    {
        var text = new StringBuilder();
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            if (span.Kind == SpanKind.Same)
            {
                text.Append(span.Text);
                continue;
            }

            if (string.IsNullOrWhiteSpace(span.Text))
            {
                // Spacing alone: show the spacing after the edit, unmarked (markers round spaces render as nothing).
                text.Append(span.Kind == SpanKind.Added ? span.Text : "");
                continue;
            }

            // Marked line by line, with white space at the edges outside the markers, so markdown still renders them.
            var mark = span.Kind == SpanKind.Removed ? removed : added;
            foreach (var part in Lines().Split(span.Text))
            {
                var start = part.Length - part.TrimStart().Length;
                var end = part.TrimEnd().Length;
                text.Append(start >= end ? part : part[..start] + mark(part[start..end]) + part[end..]);
            }

            if (spaced && span.Kind == SpanKind.Removed && i + 1 < spans.Count && spans[i + 1].Kind == SpanKind.Added
                && !char.IsWhiteSpace(span.Text[^1]) && !char.IsWhiteSpace(spans[i + 1].Text[0]))
            {
                text.Append(' ');
            }
        }

        return text.ToString();
    }

    private static void Add(List<WordSpan> spans, SpanKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(pieces.Skip(start).Take(count));
        if (spans.Count > 0 && spans[^1].Kind == kind)
        {
            spans[^1] = spans[^1] with { Text = spans[^1].Text + text };
        }
        else
        {
            spans.Add(new WordSpan(kind, text));
        }
    }

    /// <summary>Splits text at line breaks, keeping each break (and the white space round it) as a part of its own.</summary>
    [GeneratedRegex(@"(\s*\n\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex Lines();

    /// <summary>Words, runs of white space, and single other characters.</summary>
    private sealed partial class Tokens : IChunker
    {
        public static readonly Tokens Instance = new();

        public IReadOnlyList<string> Chunk(string text) =>
            Pattern().Matches(text).Select(m => m.Value).ToArray();

        [GeneratedRegex(@"\w+|\s+|[^\w\s]", RegexOptions.CultureInvariant)]
        private static partial Regex Pattern();
    }
}
