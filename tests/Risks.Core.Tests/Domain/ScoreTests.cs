using Risks.Core.Domain;

namespace Risks.Core.Tests.Domain;

public sealed class ScoreTests
{
    [Theory]
    [InlineData(4, 5, 20)]
    [InlineData(1, 1, 1)]
    [InlineData(3, 3, 9)]
    [InlineData(5, 5, 25)]
    public void The_value_is_impact_times_likelihood(int impact, int likelihood, int value)
    {
        new Score(impact, likelihood).Value.ShouldBe(value);
    }

    [Fact]
    public void A_score_reads_as_the_board_writes_it()
    {
        new Score(4, 5).ToString().ShouldBe("4 x 5 = 20");
        new Score(3, 2) { Rationale = "why" }.ToString().ShouldBe("3 x 2 = 6");
    }

    [Fact]
    public void The_scoring_matrix_describes_values_with_their_words()
    {
        ScoringMatrix.Default.DescribeImpact(4).ShouldBe("4 Major");
        ScoringMatrix.Default.DescribeLikelihood(5).ShouldBe("5 Almost certain");
        ScoringMatrix.Default.DescribeImpact(7).ShouldBe("7");
    }
}
