using System.Globalization;

namespace Risks.Core.Presentation;

/// <summary>
/// A risk's score trend in a few characters. The scores are the risk's current score at
/// successive iterations, oldest first; null where the risk was not in that iteration or had no
/// current score then.
/// </summary>
public static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>One block per score, higher for higher scores (1 is ▁, <paramref name="max"/> is █); <c>·</c> for none.</summary>
    public static string Of(IReadOnlyList<int?> scores, int max = 25) =>
        string.Concat(scores.Select(s => s is { } score ? Block(score, max) : '·'));

    /// <summary>The same scores as text, for plain output and screen readers: <c>12, 12, 9</c> (– for none).</summary>
    public static string Describe(IReadOnlyList<int?> scores) =>
        string.Join(", ", scores.Select(s => s?.ToString(CultureInfo.InvariantCulture) ?? "–"));

    private static char Block(int score, int max)
    {
        var step = (score - 1) * (Blocks.Length - 1) / (double)Math.Max(1, max - 1);
        return Blocks[Math.Clamp((int)Math.Round(step, MidpointRounding.AwayFromZero), 0, Blocks.Length - 1)];
    }
}
