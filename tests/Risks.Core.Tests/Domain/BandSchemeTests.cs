using Risks.Core.Domain;

namespace Risks.Core.Tests.Domain;

public sealed class BandSchemeTests
{
    [Fact]
    public void The_possible_scores_are_every_product_of_two_numbers_from_one_to_five()
    {
        BandScheme.PossibleScores.ShouldBe([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25]);
    }

    [Theory]
    [InlineData(1, "Low", Rag.Green)]
    [InlineData(2, "Low", Rag.Green)]
    [InlineData(3, "Low", Rag.Green)]
    [InlineData(4, "Moderate", Rag.Yellow)]
    [InlineData(5, "Moderate", Rag.Yellow)]
    [InlineData(6, "Moderate", Rag.Yellow)]
    [InlineData(8, "High", Rag.Amber)]
    [InlineData(9, "High", Rag.Amber)]
    [InlineData(10, "High", Rag.Amber)]
    [InlineData(12, "High", Rag.Amber)]
    [InlineData(15, "Extreme", Rag.Red)]
    [InlineData(16, "Extreme", Rag.Red)]
    [InlineData(20, "Extreme", Rag.Red)]
    [InlineData(25, "Extreme", Rag.Red)]
    public void The_default_scheme_gives_every_possible_score_its_band(int score, string name, Rag rag)
    {
        var band = BandScheme.Default.For(score).ShouldNotBeNull();

        band.Name.ShouldBe(name);
        band.Rag.ShouldBe(rag);
    }

    [Fact]
    public void The_default_scheme_has_no_problems()
    {
        BandScheme.Default.Problems().ShouldBeEmpty();
    }

    [Fact]
    public void A_score_outside_every_band_has_none()
    {
        BandScheme.Default.For(0).ShouldBeNull();
        BandScheme.Default.For(26).ShouldBeNull();
    }

    [Fact]
    public void A_gap_is_reported_for_each_uncovered_score()
    {
        var scheme = new BandScheme(
        [
            new Band("Low", Rag.Green, 1, 3),
            new Band("Moderate", Rag.Yellow, 4, 6),
            new Band("High", Rag.Amber, 8, 12),
            new Band("Extreme", Rag.Red, 16, 25),
        ]);

        scheme.Problems().ShouldBe(["no band covers the score 15"]);
    }

    [Fact]
    public void An_overlap_names_the_bands_that_share_a_score()
    {
        var scheme = new BandScheme(
        [
            new Band("Low", Rag.Green, 1, 4),
            new Band("Moderate", Rag.Yellow, 4, 6),
            new Band("High", Rag.Amber, 8, 12),
            new Band("Extreme", Rag.Red, 15, 25),
        ]);

        scheme.Problems().ShouldBe(["the score 4 is in more than one band (Low and Moderate)"]);
    }

    [Fact]
    public void A_gap_at_a_score_nothing_can_give_is_no_problem()
    {
        var scheme = new BandScheme(
        [
            new Band("Low", Rag.Green, 1, 6),
            new Band("High", Rag.Amber, 8, 13),
            new Band("Extreme", Rag.Red, 15, 25),
        ]);

        scheme.Problems().ShouldBeEmpty();
    }

    [Fact]
    public void A_band_is_found_by_name_ignoring_case()
    {
        BandScheme.Default.Find("extreme").ShouldNotBeNull().Rag.ShouldBe(Rag.Red);
        BandScheme.Default.Find("Severe").ShouldBeNull();
    }
}
