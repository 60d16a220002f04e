using System.Globalization;
using Risks.Core.Changes;
using Risks.Core.Domain;

namespace Risks.Core.Tests.Changes;

public sealed class MovementTests
{
    private const string Report = "January 2025 report";

    /// <summary>Current score 3 x 4 = 12.</summary>
    private static readonly Risk Then = Samples.Inequalities();

    [Fact]
    public void A_risk_not_there_then_is_new()
    {
        Movement.Since(null, Then, Report).ShouldBe("New since the January 2025 report");
    }

    [Fact]
    public void The_same_current_score_is_no_change()
    {
        Movement.Since(Then, Then with { Title = "Health inequalities" }, Report).ShouldBe("No change since the January 2025 report");
        Movement.Since(Then, Then with { Current = new Score(4, 3) }, Report).ShouldBe("No change since the January 2025 report");
    }

    [Fact]
    public void A_lower_score_is_reduced_from_the_earlier_one()
    {
        Movement.Since(Then, Then with { Current = new Score(3, 3) }, Report).ShouldBe("Reduced from 12 since the January 2025 report");
    }

    [Fact]
    public void A_higher_score_is_increased_from_the_earlier_one()
    {
        var nine = Then with { Current = new Score(3, 3) };

        Movement.Since(nine, Then, Report).ShouldBe("Increased from 9 since the January 2025 report");
    }

    [Fact]
    public void An_open_risk_gone_closed_or_merged_is_closed()
    {
        Movement.Since(Then, null, Report).ShouldBe("Closed since the January 2025 report");
        Movement.Since(Then, Then with { Status = RiskStatus.Closed }, Report).ShouldBe("Closed since the January 2025 report");
        Movement.Since(Then, Then with { Status = RiskStatus.Merged, Current = new Score(1, 1) }, Report).ShouldBe("Closed since the January 2025 report");
    }

    [Fact]
    public void A_reopened_risk_is_new()
    {
        Movement.Since(Then with { Status = RiskStatus.Closed }, Then, Report).ShouldBe("New since the January 2025 report");
    }

    [Fact]
    public void A_risk_closed_on_both_sides_moves_by_its_score()
    {
        var closed = Then with { Status = RiskStatus.Closed };

        Movement.Since(closed, closed with { Title = "Renamed" }, Report).ShouldBe("No change since the January 2025 report");
    }

    [Fact]
    public void No_current_score_on_either_side_is_no_change()
    {
        var unscored = Then with { Current = null };

        Movement.Since(unscored, unscored with { Title = "Renamed" }, Report).ShouldBe("No change since the January 2025 report");
    }

    [Fact]
    public void A_score_gained_or_lost_moves_from_or_to_nothing()
    {
        Movement.Since(Then with { Current = null }, Then, Report).ShouldBe("Increased from no score since the January 2025 report");
        Movement.Since(Then, Then with { Current = null }, Report).ShouldBe("Reduced from 12 since the January 2025 report");
    }

    [Fact]
    public void The_report_is_named_by_its_month_in_British_English_whatever_the_machine_s_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");

            Movement.ReportName(new DateOnly(2025, 1, 16)).ShouldBe("January 2025 report");
            Movement.ReportName(new DateOnly(2024, 9, 30)).ShouldBe("September 2024 report");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
