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

        var before = then.Current?.Value ?? 0;
        var after = now.Current?.Value ?? 0;
        return after > before ? Trend.Up : after < before ? Trend.Down : Trend.Same;
    }
}
