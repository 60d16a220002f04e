using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.App;

/// <summary>
/// Two versions of the register compared, in the board's words, as the Compare screen and
/// <c>risks diff</c> show it: counts at the top, then each risk that differs with its movement
/// ("Reduced from 12 since the January 2025 report") and its changes field by field.
/// </summary>
public sealed class ComparisonView(RegisterDiff diff)
{
    public RegisterDiff Diff { get; } = diff;

    public RegisterComparison Comparison => Diff.Comparison;

    public IReadOnlyList<RiskComparison> Risks => Comparison.Risks;

    /// <summary>How many risks were compared: those that differ and those the same on both sides.</summary>
    public int Compared => Comparison.Risks.Count + Comparison.Unchanged.Count;

    /// <summary>"2025-01 → HEAD".</summary>
    public string Title => $"{Diff.From.Text} → {Diff.To.Text}";

    /// <summary>
    /// The movement counts in one line, adding up to the risks compared: new, closed, then the
    /// current scores up, down and unchanged, with those escalated or de-escalated to another band
    /// among the ups and downs (<c>14 risks: 1 new, 0 closed; scores 2 up (1 escalated to a higher
    /// band), 3 down (1 de-escalated to a lower band), 8 unchanged</c>). Risks with a current
    /// score on one side only are counted last, when there are any.
    /// </summary>
    public string MovementCounts
    {
        get
        {
            var c = Comparison.Counts;
            var up = c.ScoreUp > 0 ? $"{c.ScoreUp} up ({c.Escalated} escalated to a higher band)" : "0 up";
            var down = c.ScoreDown > 0 ? $"{c.ScoreDown} down ({c.DeEscalated} de-escalated to a lower band)" : "0 down";
            var unscored = c.Unscored > 0 ? $"; {c.Unscored} without a score to compare" : "";
            return $"{Text.Count(Compared, "risk")}: {c.New} new, {c.Closed} closed; scores {up}, {down}, {c.ScoreUnchanged} unchanged{unscored}";
        }
    }

    /// <summary>The other counts in one line; items are controls, gaps, assurances and actions.</summary>
    public string ChangeCounts
    {
        get
        {
            var c = Comparison.Counts;
            return $"{Text.Count(c.OwnerChanged, "owner")} changed; items {c.ItemsAdded} added, {c.ItemsRemoved} removed, {c.ItemsChanged} changed; "
                + $"{Text.Count(c.NarrativeEdits, "narrative edit")}";
        }
    }

    /// <summary>The movement in a few words for a table column: "12 → 9 down", "9 → 16 up, escalated", "new", "closed", "no change".</summary>
    public static string BriefMovement(RiskComparison risk) => risk.Kind switch
    {
        RiskMovementKind.New => "new",
        RiskMovementKind.Closed => "closed",
        RiskMovementKind.Escalated => $"{risk.ScoreBefore} → {risk.ScoreAfter} up, escalated",
        RiskMovementKind.DeEscalated => $"{risk.ScoreBefore} → {risk.ScoreAfter} down, de-escalated",
        RiskMovementKind.ScoreUp => $"{risk.ScoreBefore} → {risk.ScoreAfter} up",
        RiskMovementKind.ScoreDown => $"{risk.ScoreBefore} → {risk.ScoreAfter} down",
        RiskMovementKind.Unscored => risk.ScoreAfter is { } s ? $"scored {s}" : "score removed",
        _ => "no change",
    };

    /// <summary>"Reduced from 12 since the January 2025 report".</summary>
    public string Movement(RiskComparison risk) => Core.Changes.Movement.Since(risk.Before, risk.After, Diff.From.ReportName);

    /// <summary>The movement in words with the scores and bands: <c>Reduced from 12 since the January 2025 report: 12 -> 9 (High)</c>.</summary>
    public string MovementLine(RiskComparison risk)
    {
        var scores = risk.Kind switch
        {
            RiskMovementKind.New => risk.ScoreAfter is { } s ? $": scored {s}{Band(risk.BandAfter)}" : "",
            RiskMovementKind.Closed => risk.ScoreBefore is { } s ? $": was {s}{Band(risk.BandBefore)}" : "",
            RiskMovementKind.Escalated or RiskMovementKind.DeEscalated =>
                $": {risk.ScoreBefore} -> {risk.ScoreAfter} ({(risk.Kind == RiskMovementKind.Escalated ? "escalated" : "de-escalated")} from {risk.BandBefore?.Name} to {risk.BandAfter?.Name})",
            RiskMovementKind.Unscored => risk.ScoreAfter is { } s ? $": now {s}{Band(risk.BandAfter)}" : ": no current score now",
            _ when risk.ScoreBefore != risk.ScoreAfter => $": {risk.ScoreBefore} -> {risk.ScoreAfter}{Band(risk.BandAfter)}",
            _ => risk.ScoreAfter is { } s ? $" (score {s}{Band(risk.BandAfter)})" : "",
        };
        return Movement(risk) + scores;
    }

    /// <summary>
    /// One risk's differences as lines of text: the movement, then each change in the board's
    /// words, with narrative edits as word diffs (<c>[-old-]{+new+}</c>, or in markdown
    /// <c>~~old~~ **new**</c>).
    /// </summary>
    public IReadOnlyList<string> Details(RiskComparison risk, bool markdown = false)
    {
        var lines = new List<string> { MovementLine(risk) };
        var narrative = risk.Narrative.ToDictionary(n => n.Change);
        foreach (var change in risk.Changes)
        {
            if (narrative.TryGetValue(change, out var edit))
            {
                var words = markdown ? WordDiff.Markdown(edit.Words) : WordDiff.Text(edit.Words);
                lines.Add($"{change.Label}: {words.ReplaceLineEndings(" ")}");
            }
            else
            {
                lines.Add(change.Description);
            }
        }

        return lines;
    }

    /// <summary>
    /// One risk's differences as the screen shows them: the movement, then each change after a
    /// <c>- </c>, with narrative edits marked word by word so they read without colour
    /// (<c>‹old → new›</c>, <c>‹removed: old›</c>, <c>‹added: new›</c>) and the removed and
    /// added words in runs of their own for the screen to colour.
    /// </summary>
    public IReadOnlyList<MarkedLine> DetailLines(RiskComparison risk)
    {
        var lines = new List<MarkedLine> { MarkedLine.Plain(MovementLine(risk)) };
        var narrative = risk.Narrative.ToDictionary(n => n.Change);
        foreach (var change in risk.Changes)
        {
            lines.Add(narrative.TryGetValue(change, out var edit)
                ? new MarkedLine([new TextRun($"- {change.Label}: ", Ink.Plain), .. MarkedText.Words(edit.Words)])
                : MarkedLine.Plain("- " + change.Description));
        }

        return lines;
    }

    /// <summary>The risk's differences (<see cref="DetailLines"/>), then every field of the risk on each side.</summary>
    public IReadOnlyList<MarkedLine> BothSides(RiskComparison risk)
    {
        var lines = new List<MarkedLine>(DetailLines(risk)) { MarkedLine.Empty };
        Side($"══ At {Diff.From.Text}:", risk.Before);
        lines.Add(MarkedLine.Empty);
        Side($"══ At {Diff.To.Text}:", risk.After);
        return lines;

        void Side(string heading, Risk? side)
        {
            lines.Add(MarkedLine.Plain(heading));
            var text = side is null ? "(not in the register)" : RiskFields.Text(side, Diff.Settings);
            lines.AddRange(text.Split('\n').Select(MarkedLine.Plain));
        }
    }

    /// <summary>A short summary for a table row: how many changes, and which kinds.</summary>
    public static string Summary(RiskComparison risk)
    {
        var parts = new List<string>();
        if (risk.OwnerChanged)
        {
            parts.Add("owner");
        }

        if (risk.Items.Count > 0)
        {
            parts.Add(Text.Count(risk.Items.Count, "item"));
        }

        if (risk.Narrative.Count > 0)
        {
            parts.Add("narrative");
        }

        return $"{Text.Count(risk.Changes.Count, "change")}{(parts.Count > 0 ? $" ({string.Join(", ", parts)})" : "")}";
    }

    private static string Band(Band? band) => band is null ? "" : $", {band.Name}";

    public static ComparisonView Of(RegisterComparisons comparisons, string from, string to) => new(comparisons.Compare(from, to));
}
