using System.Globalization;
using Risks.Core.Domain;
using Risks.Core.Scoring;

namespace Risks.Core.Changes;

/// <summary>
/// Movement since an earlier report, in the words a BAF uses: "No change since the January 2025
/// report", "Reduced from 12 since the January 2025 report", "New since the January 2025 report".
/// </summary>
public static class Movement
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// How a risk moved from <paramref name="then"/> to <paramref name="now"/> (null: not in the
    /// register at that point) since <paramref name="report"/>, such as "January 2025 report".
    /// A risk reopened since counts as new; one open then and closed, merged or gone now as closed.
    /// Without a current score on either side it has not moved.
    /// </summary>
    public static string Since(Risk? then, Risk? now, string report)
    {
        var wasOpen = then is { Status: RiskStatus.Open };
        if (now is null || (wasOpen && now.Status != RiskStatus.Open))
        {
            return then is null ? $"Not in the register since the {report}" : $"Closed since the {report}";
        }

        if (then is null || (!wasOpen && now.Status == RiskStatus.Open))
        {
            return $"New since the {report}";
        }

        var from = then.Current?.Value.ToString(CultureInfo.InvariantCulture) ?? "no score";
        return Trends.Of(now, then) switch
        {
            Trend.Up => $"Increased from {from} since the {report}",
            Trend.Down => $"Reduced from {from} since the {report}",
            _ => $"No change since the {report}",
        };
    }

    /// <summary>
    /// "January 2025 report": how the board names the report of an iteration for its meeting on
    /// <paramref name="boardDate"/> (not the day the iteration was cut), whatever the machine's culture.
    /// </summary>
    public static string ReportName(DateOnly boardDate) =>
        boardDate.ToString("MMMM yyyy", British) + " report";
}
