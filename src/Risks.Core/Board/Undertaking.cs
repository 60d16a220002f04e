using Risks.Core.Presentation;
using System.Globalization;
using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Core.Board;

/// <summary>Where an undertaking stands: open until the regulator accepts it is met, or it is closed (superseded, released).</summary>
public enum UndertakingStatus { Open, Met, Closed }

/// <summary>A dated step an undertaking commits to, and when it was met.</summary>
public sealed record UndertakingMilestone(string Text, DateOnly? Due, DateOnly? Met)
{
    public bool IsOverdue(DateOnly today) => Met is null && Due is { } due && due < today;
}

/// <summary>Evidence of compliance: what shows it (text) and where it is (a paper, a report, a minute).</summary>
public sealed record UndertakingEvidence(DateOnly? Date, string Text, string? Reference);

/// <summary>
/// An undertaking given to a regulator (or a regulatory requirement): the concern that led to it,
/// the licence conditions or regulations breached, what the organisation undertook to do, its
/// milestones with dates, the evidence of compliance, where it stands, and the risks it bears on.
/// </summary>
public sealed record Undertaking : ITrackedItem
{
    public int Number { get; init; }

    /// <summary>A short title: "Governance", "Maternity services".</summary>
    public string Title { get; init; } = "";

    /// <summary>Who it was given to: "NHS Improvement", "Care Quality Commission".</summary>
    public string Regulator { get; init; } = "";

    /// <summary>When the regulator accepted it.</summary>
    public DateOnly? Given { get; init; }

    /// <summary>The concern or grounds that led to it.</summary>
    public string? Concern { get; init; }

    /// <summary>The licence conditions or regulations breached: "FT4(4)(b)".</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>What the organisation undertook to do.</summary>
    public string Text { get; init; } = "";

    public IReadOnlyList<string> Leads { get; init; } = [];

    public IReadOnlyList<UndertakingMilestone> Milestones { get; init; } = [];

    public IReadOnlyList<UndertakingEvidence> Evidence { get; init; } = [];

    public UndertakingStatus Status { get; init; }

    public DateOnly? Closed { get; init; }

    public string? ClosingNote { get; init; }

    public IReadOnlyList<string> Risks { get; init; } = [];

    public bool IsOpen => Status == UndertakingStatus.Open;

    /// <summary>The milestones not yet met whose date has passed, while the undertaking is open.</summary>
    public IEnumerable<UndertakingMilestone> Overdue(DateOnly today) => IsOpen ? Milestones.Where(m => m.IsOverdue(today)) : [];

    public bool IsOverdue(DateOnly today) => Overdue(today).Any();

    /// <summary>The first milestone not yet met with a date, while it is open.</summary>
    public UndertakingMilestone? Next => IsOpen ? Milestones.Where(m => m.Met is null && m.Due is not null).MinBy(m => m.Due) : null;

    /// <summary>"2 of 5 milestones met".</summary>
    public string MilestoneCount => $"{Milestones.Count(m => m.Met is not null)} of {Domain.Text.Count(Milestones.Count, "milestone")} met";

    public IReadOnlyList<FieldIssue> Problems(RegisterSettings settings, IReadOnlySet<string> riskIdentities)
    {
        var issues = new List<FieldIssue>();
        TrackedRules.Common(issues, this, settings, riskIdentities);
        if (string.IsNullOrWhiteSpace(Title))
        {
            issues.Add(new FieldIssue("title", "title is required: a short name for the undertaking") { IsMissing = true });
        }

        if (string.IsNullOrWhiteSpace(Regulator))
        {
            issues.Add(new FieldIssue("regulator", "regulator is required: who the undertaking was given to") { IsMissing = true });
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            issues.Add(new FieldIssue("undertaking", "undertaking is required: what the organisation undertook to do") { IsMissing = true });
        }

        Rules.CheckText(issues, "title", Title, multiLine: false);
        Rules.CheckText(issues, "regulator", Regulator, multiLine: false);
        Rules.CheckText(issues, "concern", Concern, multiLine: true);
        Rules.CheckText(issues, "undertaking", Text, multiLine: true);
        for (var i = 0; i < Milestones.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Milestones[i].Text))
            {
                issues.Add(new FieldIssue($"milestones[{i}].text", "a milestone says what is to be done by its date") { IsMissing = true });
            }
        }

        for (var i = 0; i < Evidence.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Evidence[i].Text))
            {
                issues.Add(new FieldIssue($"evidence[{i}].text", "evidence says what shows compliance") { IsMissing = true });
            }
        }

        TrackedRules.Closing(issues, IsOpen, Vocabulary.Word(Status), "undertaking", Closed, ClosingNote);
        return issues;
    }

    public IReadOnlyList<(string Label, string Value)> Facts(RegisterSettings settings)
    {
        var facts = new List<(string, string)>
        {
            ("title", Title),
            ("regulator", Regulator),
            ("given", Formats.Date(Given)),
            ("concern", Concern ?? ""),
            ("conditions", string.Join(", ", Conditions)),
            ("undertaking", Text),
            ("leads", Leads.Count == 0 ? "" : TrackedRules.Names(Leads, settings)),
            ("status", Vocabulary.Phrase(Status)),
            ("closed", Formats.Date(Closed)),
            ("closing note", ClosingNote ?? ""),
            ("risks", string.Join(", ", Risks)),
        };
        for (var i = 0; i < Milestones.Count; i++)
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            facts.Add(($"milestone {n}", Milestones[i].Text));
            facts.Add(($"milestone {n} due", Formats.Date(Milestones[i].Due)));
            facts.Add(($"milestone {n} met", Formats.Date(Milestones[i].Met)));
        }

        for (var i = 0; i < Evidence.Count; i++)
        {
            var e = Evidence[i];
            facts.Add(($"evidence {(i + 1).ToString(CultureInfo.InvariantCulture)}", $"{(e.Date is { } d ? Formats.Date(d) + ": " : "")}{e.Text}{(e.Reference is { } r ? $" ({r})" : "")}"));
        }

        return facts;
    }
}
