using Risks.Core.Changes;

namespace Risks.Core.Tests.Changes;

public sealed class WordDiffTests
{
    public static TheoryData<string?, string?> Pairs => new()
    {
        { "The old plan.", "The new plan." },
        { "Groups at most risk are not identified consistently.", "Groups at most risk are now identified, but not consistently across the system." },
        { "Meet weekly with partners.", "Meet with partners." },
        { "", "Staff leave faster than they can be replaced." },
        { "Staff leave faster than they can be replaced.", "" },
        { null, "Added from nothing." },
        { "First paragraph.\n\nSecond paragraph.", "First paragraph, revised.\nSecond  paragraph!" },
        { "Prévention: l'équipe à 50 %", "Prévention — l'équipe à 75 %" },
        { "a b c", "x y z" },
        { "same", "same" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_spans_read_back_as_both_texts_exactly(string? before, string? after)
    {
        var spans = WordDiff.Of(before, after);

        string.Concat(spans.Where(s => s.Kind != SpanKind.Added).Select(s => s.Text)).ShouldBe(before ?? "");
        string.Concat(spans.Where(s => s.Kind != SpanKind.Removed).Select(s => s.Text)).ShouldBe(after ?? "");
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Neighbouring_spans_are_never_of_one_kind_and_never_empty(string? before, string? after)
    {
        var spans = WordDiff.Of(before, after);

        spans.ShouldAllBe(s => s.Text.Length > 0);
        spans.Zip(spans.Skip(1)).ShouldAllBe(pair => pair.First.Kind != pair.Second.Kind);
    }

    [Fact]
    public void A_replaced_word_is_one_removal_and_one_addition_between_the_same_words()
    {
        WordDiff.Of("The old plan.", "The new plan.").ShouldBe(
        [
            new WordSpan(SpanKind.Same, "The "),
            new WordSpan(SpanKind.Removed, "old"),
            new WordSpan(SpanKind.Added, "new"),
            new WordSpan(SpanKind.Same, " plan."),
        ]);
    }

    [Fact]
    public void Identical_texts_are_one_same_span_and_two_empty_texts_are_none()
    {
        WordDiff.Of("No change here.", "No change here.").ShouldBe([new WordSpan(SpanKind.Same, "No change here.")]);
        WordDiff.Of("", "").ShouldBeEmpty();
        WordDiff.Of(null, null).ShouldBeEmpty();
    }

    [Fact]
    public void Null_reads_as_empty()
    {
        WordDiff.Of(null, "New text.").ShouldBe([new WordSpan(SpanKind.Added, "New text.")]);
        WordDiff.Of("Old text.", null).ShouldBe([new WordSpan(SpanKind.Removed, "Old text.")]);
    }

    [Fact]
    public void Words_are_compared_whole_not_letter_by_letter()
    {
        var spans = WordDiff.Of("Report quarterly.", "Report quartely.");

        spans.ShouldContain(new WordSpan(SpanKind.Removed, "quarterly"));
        spans.ShouldContain(new WordSpan(SpanKind.Added, "quartely"));
    }

    [Fact]
    public void Punctuation_is_a_unit_of_its_own()
    {
        WordDiff.Of("Due in May", "Due in May, 2025").ShouldBe(
        [
            new WordSpan(SpanKind.Same, "Due in May"),
            new WordSpan(SpanKind.Added, ", 2025"),
        ]);
    }

    [Fact]
    public void Plain_text_follows_git_word_diff()
    {
        WordDiff.Text(WordDiff.Of("The old plan.", "The new plan.")).ShouldBe("The [-old-]{+new+} plan.");
        WordDiff.Text(WordDiff.Of("Meet weekly with partners.", "Meet with partners.")).ShouldBe("Meet [-weekly-] with partners.");
        WordDiff.Text(WordDiff.Of("Meet with partners.", "Meet monthly with partners.")).ShouldBe("Meet {+monthly+} with partners.");
    }

    [Fact]
    public void Markdown_strikes_out_removed_words_and_bolds_added_ones_a_space_apart()
    {
        WordDiff.Markdown(WordDiff.Of("The old plan.", "The new plan.")).ShouldBe("The ~~old~~ **new** plan.");
        WordDiff.Markdown(WordDiff.Of("Meet weekly with partners.", "Meet with partners.")).ShouldBe("Meet ~~weekly~~ with partners.");
        WordDiff.Markdown(WordDiff.Of("Meet with partners.", "Meet monthly with partners.")).ShouldBe("Meet **monthly** with partners.");
    }

    [Fact]
    public void White_space_stays_outside_the_markers()
    {
        var spans = new[]
        {
            new WordSpan(SpanKind.Same, "Meet"),
            new WordSpan(SpanKind.Removed, " every week "),
            new WordSpan(SpanKind.Added, " monthly "),
            new WordSpan(SpanKind.Same, "with partners."),
        };

        WordDiff.Markdown(spans).ShouldBe("Meet ~~every week~~  **monthly** with partners.");
        WordDiff.Text(spans).ShouldBe("Meet [-every week-]  {+monthly+} with partners.");
    }

    [Fact]
    public void Markers_do_not_run_across_line_breaks()
    {
        var spans = WordDiff.Of("Alpha\nBeta", "Gamma");

        WordDiff.Markdown(spans).ShouldBe("~~Alpha~~\n~~Beta~~ **Gamma**");
        WordDiff.Text(spans).ShouldBe("[-Alpha-]\n[-Beta-]{+Gamma+}");
    }

    [Fact]
    public void A_change_of_spacing_alone_shows_the_new_spacing_unmarked()
    {
        WordDiff.Text(WordDiff.Of("two  spaces", "two spaces")).ShouldBe("two spaces");
        WordDiff.Markdown(WordDiff.Of("one space", "one  space")).ShouldBe("one  space");
    }

    [Fact]
    public void Nothing_but_the_markers_is_escaped()
    {
        WordDiff.Markdown(WordDiff.Of("Cost *under* £5m", "Cost *over* £5m")).ShouldBe("Cost *~~under~~ **over*** £5m");
    }

    [Fact]
    public void A_reworded_phrase_reads_as_one_removal_and_one_addition_not_word_by_word()
    {
        var spans = WordDiff.Of(
            "PA Consulting is working with the system to identify the key programmes.",
            "The plan identifies 7 key programmes to drive system sustainability.");

        WordDiff.Text(spans).ShouldBe("[-PA Consulting is working with the system-]{+The plan identifies 7 key programmes+} to [-identify the key programmes-]{+drive system sustainability+}.");
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_parts_read_back_as_both_texts_but_for_spacing(string? before, string? after)
    {
        var parts = WordDiff.Parts(WordDiff.Of(before, after));

        static string Words(string? text) => string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
        Words(string.Concat(parts.Select(p => p.Before))).ShouldBe(Words(before));
        Words(string.Concat(parts.Select(p => p.After))).ShouldBe(Words(after));
        parts.Where(p => p.Kind != PartKind.Same).ShouldAllBe(p => p.Before == p.Before.Trim() && p.After == p.After.Trim());
        parts.Zip(parts.Skip(1)).ShouldAllBe(pair => pair.First.Kind != PartKind.Same || pair.Second.Kind != PartKind.Same);
    }

    [Fact]
    public void A_removal_then_an_addition_is_one_replacement_and_lone_ones_are_removals_and_additions()
    {
        WordDiff.Parts(WordDiff.Of("The old plan.", "The new plan.")).ShouldBe(
        [
            WordPart.Same("The "),
            new WordPart(PartKind.Replaced, "old", "new"),
            WordPart.Same(" plan."),
        ]);
        WordDiff.Parts(WordDiff.Of("Meet weekly with partners.", "Meet with partners.")).ShouldBe(
        [
            WordPart.Same("Meet "),
            new WordPart(PartKind.Removed, "weekly", ""),
            WordPart.Same(" with partners."),
        ]);
        WordDiff.Parts(WordDiff.Of("Meet with partners.", "Meet monthly with partners.")).ShouldBe(
        [
            WordPart.Same("Meet "),
            new WordPart(PartKind.Added, "", "monthly"),
            WordPart.Same(" with partners."),
        ]);
    }

    [Fact]
    public void White_space_at_the_edges_of_a_change_stands_outside_it()
    {
        var parts = WordDiff.Parts(WordDiff.Of("Handover fell to 76.6% in the third quarter.", "Handover fell to 72.2% in January and February 2025."));

        parts.ShouldContain(new WordPart(PartKind.Replaced, "the third quarter", "January and February 2025"));
        parts[^2].Kind.ShouldBe(PartKind.Replaced);
        parts[^3].ShouldBe(WordPart.Same("% in "));
    }

    [Fact]
    public void A_change_of_spacing_alone_shows_the_spacing_after()
    {
        WordDiff.Parts(WordDiff.Of("two  spaces", "two spaces")).ShouldBe([WordPart.Same("two spaces")]);
        WordDiff.Parts(WordDiff.Of("one space", "one  space")).ShouldBe([WordPart.Same("one  space")]);
    }
}
