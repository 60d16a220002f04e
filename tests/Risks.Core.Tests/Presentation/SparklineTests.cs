using Risks.Core.Domain;
using Risks.Core.Presentation;

namespace Risks.Core.Tests.Presentation;

public sealed class SparklineTests
{
    [Fact]
    public void The_lowest_score_is_the_lowest_block_and_the_highest_the_full_one()
    {
        Sparkline.Of([1, 25]).ShouldBe("▁█");
    }

    [Fact]
    public void Scores_in_between_are_scaled_to_the_eight_blocks()
    {
        Sparkline.Of([1, 4, 8, 12, 16, 20, 25]).ShouldBe("▁▂▃▄▅▇█");
    }

    [Fact]
    public void A_missing_score_is_a_dot()
    {
        Sparkline.Of([null, 12, null]).ShouldBe("·▄·");
    }

    [Fact]
    public void There_is_one_character_per_score_and_none_for_no_scores()
    {
        Sparkline.Of([]).ShouldBe("");
        Sparkline.Of([12, 12, 9, null, 6]).Length.ShouldBe(5);
    }

    [Fact]
    public void Higher_scores_never_have_lower_blocks()
    {
        var blocks = Sparkline.Of(BandScheme.PossibleScores.Select(s => (int?)s).ToList());

        blocks.Zip(blocks.Skip(1)).ShouldAllBe(pair => pair.First <= pair.Second);
    }

    [Fact]
    public void The_scale_follows_the_maximum_given()
    {
        Sparkline.Of([1, 3, 5], max: 5).ShouldBe("▁▅█");
    }

    [Fact]
    public void Scores_outside_the_scale_are_held_to_its_ends()
    {
        Sparkline.Of([0, 30]).ShouldBe("▁█");
        Sparkline.Of([1, 2], max: 1).ShouldBe("▁█");
    }

    [Fact]
    public void The_scores_are_described_in_words_with_a_dash_for_none()
    {
        Sparkline.Describe([12, 12, 9]).ShouldBe("12, 12, 9");
        Sparkline.Describe([null, 16]).ShouldBe("–, 16");
        Sparkline.Describe([]).ShouldBe("");
    }
}
