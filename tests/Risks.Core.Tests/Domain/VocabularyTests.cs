using Risks.Core.Domain;

namespace Risks.Core.Tests.Domain;

public sealed class VocabularyTests
{
    [Fact]
    public void A_value_is_written_as_its_snake_case_word()
    {
        Vocabulary.Word(ActionStatus.InProgress).ShouldBe("in_progress");
        Vocabulary.Word(Effectiveness.PartiallyEffective).ShouldBe("partially_effective");
        Vocabulary.Word(RiskStatus.Open).ShouldBe("open");
        Vocabulary.Word(Role.GovernanceLead).ShouldBe("governance_lead");
    }

    [Fact]
    public void A_word_reads_back_as_its_value()
    {
        Vocabulary.TryParse<ActionStatus>("in_progress", out var status).ShouldBeTrue();
        status.ShouldBe(ActionStatus.InProgress);
        Vocabulary.TryParse<Effectiveness>("not_assessed", out var effectiveness).ShouldBeTrue();
        effectiveness.ShouldBe(Effectiveness.NotAssessed);
    }

    [Theory]
    [InlineData("InProgress")]
    [InlineData("in progress")]
    [InlineData("IN_PROGRESS")]
    [InlineData("in_progress ")]
    [InlineData("1")]
    [InlineData("")]
    public void Only_the_exact_word_is_accepted(string word)
    {
        Vocabulary.TryParse<ActionStatus>(word, out var value).ShouldBeFalse();
        value.ShouldBe(default);
    }

    [Fact]
    public void Every_value_round_trips_through_its_word()
    {
        foreach (var value in Enum.GetValues<ActionStatus>())
        {
            Vocabulary.TryParse<ActionStatus>(Vocabulary.Word(value), out var back).ShouldBeTrue();
            back.ShouldBe(value);
        }

        foreach (var value in Enum.GetValues<Effectiveness>())
        {
            Vocabulary.TryParse<Effectiveness>(Vocabulary.Word(value), out var back).ShouldBeTrue();
            back.ShouldBe(value);
        }
    }

    [Fact]
    public void Choices_list_the_words_for_a_message()
    {
        Vocabulary.Choices<RiskStatus>().ShouldBe("open, closed or merged");
        Vocabulary.Choices<ActionStatus>().ShouldBe("not_started, in_progress, complete or cancelled");
        Vocabulary.Choices<RiskKind>().ShouldBe("strategic or operational");
        Vocabulary.Words<Rag>().ShouldBe(["green", "yellow", "amber", "red"]);
    }

    [Fact]
    public void A_phrase_is_the_word_with_spaces()
    {
        Vocabulary.Phrase(ActionStatus.NotStarted).ShouldBe("not started");
    }
}
