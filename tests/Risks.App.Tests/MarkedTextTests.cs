using Risks.App;
using Risks.Core.Changes;

namespace Risks.App.Tests;

/// <summary>Word diffs as marked runs, and lines of runs wrapped: pure functions, no terminal.</summary>
public sealed class MarkedTextTests
{
    private static MarkedLine Words(string before, string after) => new(MarkedText.Words(WordDiff.Of(before, after)));

    [Fact]
    public void A_replaced_word_reads_old_arrow_new_between_marks_with_each_side_in_its_own_ink()
    {
        var line = Words("The month 8 forecast.", "The month 10 forecast.");

        line.Text.ShouldBe("The month ‹8 → 10› forecast.");
        line.Runs.ShouldBe(
        [
            new TextRun("The month ", Ink.Plain),
            new TextRun("‹", Ink.Marker),
            new TextRun("8", Ink.Removed),
            new TextRun(" → ", Ink.Marker),
            new TextRun("10", Ink.Added),
            new TextRun("›", Ink.Marker),
            new TextRun(" forecast.", Ink.Plain),
        ]);
    }

    [Fact]
    public void Words_only_removed_or_only_added_say_so_in_words()
    {
        Words("Meet weekly with partners.", "Meet with partners.").Text.ShouldBe("Meet ‹removed: weekly› with partners.");
        Words("Meet with partners.", "Meet monthly with partners.").Text.ShouldBe("Meet ‹added: monthly› with partners.");
        Words("", "New text.").Runs.ShouldBe([new TextRun("‹added: ", Ink.Marker), new TextRun("New text.", Ink.Added), new TextRun("›", Ink.Marker)]);
    }

    [Fact]
    public void A_reworded_phrase_is_one_replacement_and_never_shows_diff_syntax()
    {
        var line = Words(
            "PA Consulting is working with the system to identify the key programmes.",
            "The plan identifies 7 key programmes to drive system sustainability.");

        line.Text.ShouldBe("‹PA Consulting is working with the system → The plan identifies 7 key programmes› to ‹identify the key programmes → drive system sustainability›.");
        line.Text.ShouldNotContain("[-");
        line.Text.ShouldNotContain("{+");
    }

    [Fact]
    public void Line_breaks_in_prose_read_as_spaces()
    {
        Words("Alpha\nBeta", "Alpha\n\nGamma").Text.ShouldBe("Alpha ‹Beta → Gamma›");
    }

    [Fact]
    public void Wrapping_breaks_at_spaces_indents_the_rest_and_keeps_each_run_s_ink_across_the_break()
    {
        var line = new MarkedLine(
        [
            new TextRun("- basis: The ", Ink.Plain),
            new TextRun("‹", Ink.Marker),
            new TextRun("dashboard is still being built", Ink.Removed),
            new TextRun(" → ", Ink.Marker),
            new TextRun("complete", Ink.Added),
            new TextRun("›", Ink.Marker),
            new TextRun(" now.", Ink.Plain),
        ]);

        var wrapped = MarkedText.Wrap([line], 30);

        wrapped.Select(l => l.Text).ShouldBe(["- basis: The ‹dashboard is", "  still being built →", "  complete› now."]);
        wrapped.ShouldAllBe(l => l.Text.Length <= 30);
        wrapped[0].Runs[^1].ShouldBe(new TextRun("dashboard is", Ink.Removed));
        wrapped[1].Runs.ShouldBe([new TextRun("  ", Ink.Plain), new TextRun("still being built", Ink.Removed), new TextRun(" →", Ink.Marker)]);
        wrapped[2].Runs.ShouldBe([new TextRun("  ", Ink.Plain), new TextRun("complete", Ink.Added), new TextRun("›", Ink.Marker), new TextRun(" now.", Ink.Plain)]);
    }

    [Fact]
    public void Wrapping_keeps_short_and_empty_lines_and_leading_spaces_and_cuts_a_word_longer_than_a_line()
    {
        MarkedText.Wrap([MarkedLine.Plain("  to iteration 2025-03"), MarkedLine.Empty, MarkedLine.Plain("short")], 40)
            .Select(l => l.Text).ShouldBe(["  to iteration 2025-03", "", "short"]);
        MarkedText.Wrap([MarkedLine.Plain("a " + new string('x', 30))], 12)
            .Select(l => l.Text).ShouldBe(["a", "  xxxxxxxxxx", "  xxxxxxxxxx", "  xxxxxxxxxx"]);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(20)]
    [InlineData(41)]
    [InlineData(80)]
    public void Wrapped_lines_fit_and_lose_nothing_but_the_spaces_at_the_breaks(int width)
    {
        var line = Words(
            "Final testing of the tool is under way with Provide Digital.",
            "Final testing is complete but Provide Digital must make further revisions before launch; wider adoption is being discussed with health partners.");

        var wrapped = MarkedText.Wrap([line.Prefixed("- action A1 update: ")], width);

        wrapped.ShouldAllBe(l => l.Text.Length <= width);
        static string Flat(IEnumerable<string> texts) => string.Join(" ", string.Join(" ", texts).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Flat(wrapped.Select(l => l.Text)).ShouldBe(Flat([line.Prefixed("- action A1 update: ").Text]));
        wrapped.SelectMany(l => l.Runs).Where(r => r.Ink == Ink.Added).Select(r => r.Text).ShouldAllBe(t => line.Runs.Any(r => r.Ink == Ink.Added && r.Text.Contains(t.Trim(), StringComparison.Ordinal)));
    }
}
