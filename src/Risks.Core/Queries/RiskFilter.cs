using Risks.Core.Domain;
using Risks.Core.Scoring;

namespace Risks.Core.Queries;

/// <summary>Which risks to show. An empty filter shows the open risks.</summary>
public sealed record RiskFilter
{
    public RiskKind? Kind { get; init; }

    /// <summary>Band name, such as <c>Extreme</c> (any case).</summary>
    public string? Band { get; init; }

    public string? Owner { get; init; }

    public string? Objective { get; init; }

    /// <summary>Null shows every status.</summary>
    public RiskStatus? Status { get; init; } = RiskStatus.Open;

    /// <summary>Conditions on any field, each of which a risk must meet (<c>--where custom.cqc_domain=Well-led</c>).</summary>
    public IReadOnlyList<FieldCondition> Where { get; init; } = [];

    public bool Matches(RiskFacts facts)
    {
        var risk = facts.Risk;
        return (Kind is null || risk.Kind == Kind)
            && (Status is null || risk.Status == Status)
            && (Band is null || string.Equals(facts.Band?.Name, Band, StringComparison.OrdinalIgnoreCase))
            && (Owner is null || risk.Owner == Owner || risk.Leads.Contains(Owner, StringComparer.Ordinal))
            && (Objective is null || risk.Objectives.Contains(Objective, StringComparer.OrdinalIgnoreCase))
            && Where.All(c => c.Matches(risk));
    }
}
