using Risks.Core.Domain;

namespace Risks.Core.Scoring;

/// <summary>What follows from a risk on a given day: derived, never stored.</summary>
public sealed record RiskFacts
{
    public required Risk Risk { get; init; }

    public int? CurrentScore { get; init; }

    public int? TargetScore { get; init; }

    public int? InherentScore { get; init; }

    public Band? Band { get; init; }

    /// <summary>The objectives whose tolerance the current score is above.</summary>
    public IReadOnlyList<Objective> AboveToleranceOf { get; init; } = [];

    public bool AboveTolerance => AboveToleranceOf.Count > 0;

    /// <summary>The current score is above the target score.</summary>
    public bool OutsideTarget { get; init; }

    /// <summary>The target date has passed and the target score is not yet reached.</summary>
    public bool TargetDateMissed { get; init; }

    public IReadOnlyList<RiskAction> OpenActions { get; init; } = [];

    public IReadOnlyList<RiskAction> OverdueActions { get; init; } = [];

    public bool ReviewOverdue { get; init; }

    public static RiskFacts Of(Risk risk, RegisterSettings settings, DateOnly today)
    {
        var current = risk.Current?.Value;
        var target = risk.Target?.Value;
        var above = current is { } c
            ? risk.Objectives
                .Select(settings.FindObjective)
                .OfType<Objective>()
                .Where(o => o.Tolerance is { } t && c > t)
                .ToList()
            : [];
        var outside = current is { } cs && target is { } ts && cs > ts;
        var open = risk.Status == RiskStatus.Open;

        return new RiskFacts
        {
            Risk = risk,
            CurrentScore = current,
            TargetScore = target,
            InherentScore = risk.Inherent?.Value,
            Band = current is { } s ? settings.Bands.For(s) : null,
            AboveToleranceOf = above,
            OutsideTarget = outside,
            TargetDateMissed = open && outside && risk.TargetDate is { } date && date < today,
            OpenActions = risk.Actions.Where(a => !a.IsFinished).ToList(),
            OverdueActions = open ? risk.Actions.Where(a => a.IsOverdue(today)).ToList() : [],
            ReviewOverdue = open && risk.NextReview is { } next && next < today,
        };
    }
}
