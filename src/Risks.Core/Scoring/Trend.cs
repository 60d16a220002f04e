using Risks.Core.Domain;

namespace Risks.Core.Scoring;

/// <summary>How a risk's current score moved since an earlier iteration.</summary>
public enum Trend
{
    /// <summary>The risk was not in the earlier iteration.</summary>
    New,
    Up,
    Down,
    Same,
}

public static class Trends
{
    /// <summary>The movement of <paramref name="now"/>'s current score since <paramref name="then"/> (null: not there then).</summary>
    public static Trend Of(Risk now, Risk? then)
    {
        if (then is null)
        {
            return Trend.New;
        }

        var was = then.Current?.Value ?? 0;
        var is_ = now.Current?.Value ?? 0;
        return is_ > was ? Trend.Up : is_ < was ? Trend.Down : Trend.Same;
    }

    /// <summary>As the register table shows it, in words as well as an arrow: <c>▲ up</c>.</summary>
    public static string Describe(Trend trend) => trend switch
    {
        Trend.Up => "▲ up",
        Trend.Down => "▼ down",
        Trend.Same => "= same",
        _ => "* new",
    };
}
