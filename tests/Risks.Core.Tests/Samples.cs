using Risks.Core.Domain;

namespace Risks.Core.Tests;

/// <summary>Small, valid risks and settings that each test changes in one respect.</summary>
internal static class Samples
{
    public static readonly DateOnly Today = new(2025, 3, 13);

    /// <summary>A valid operational risk with only the required fields.</summary>
    public static Risk Operational(string id = "CRR-058") => new()
    {
        Id = RiskId.Parse(id),
        Kind = RiskKind.Operational,
        Title = "Workforce instability",
        Narrative = new Narrative { Event = "Staff leave faster than they can be replaced." },
        Status = RiskStatus.Open,
        Owner = "kbonney",
        Current = new Score(3, 4),
    };

    /// <summary>BAF-07 as the sample register holds it, cut down: impact 3, likelihood 4 (12).</summary>
    public static Risk Inequalities() => new()
    {
        Id = RiskId.Parse("BAF-07"),
        Kind = RiskKind.Strategic,
        Title = "Inequalities",
        Narrative = new Narrative
        {
            Cause = "Groups at most risk are not identified consistently.",
            Event = "Action to reduce health inequalities does not improve outcomes.",
        },
        Status = RiskStatus.Open,
        Owner = "rjarvis",
        Leads = ["etimpson"],
        Committees = ["Quality Committee"],
        Objectives = ["SO2"],
        LinkedRisks = ["CRR-018"],
        Inherent = new Score(4, 4),
        Current = new Score(3, 4),
        Target = new Score(3, 2),
        TargetDate = new DateOnly(2026, 3, 31),
        Controls =
        [
            new Control { Id = "C1", Text = "The population health board co-ordinates the work.", Owner = "rjarvis", Effectiveness = Effectiveness.Effective },
        ],
        Gaps = [new Gap { Id = "G1", Type = GapType.Control, Text = "Capacity for prevention work." }],
        Assurances = [new Assurance { Id = "S1", Text = "Internal audit.", Line = 3, Source = AssuranceSource.Independent }],
        Actions =
        [
            new RiskAction { Id = "A1", Text = "Launch the digital impact assessment tool.", Owner = "etimpson", Due = new DateOnly(2025, 6, 30), Status = ActionStatus.InProgress },
            new RiskAction { Id = "A2", Text = "Publish the annual statement.", Owner = "etimpson", Due = new DateOnly(2024, 5, 31), Status = ActionStatus.Complete, Completed = new DateOnly(2024, 5, 20) },
            new RiskAction { Id = "A3", Text = "Implement the funded programmes.", Owner = "etimpson", Due = new DateOnly(2025, 4, 30), Status = ActionStatus.NotStarted },
        ],
        LastReviewed = new Review(new DateOnly(2025, 3, 4), "rjarvis"),
        NextReview = new DateOnly(2025, 5, 6),
    };

    public static RegisterSettings Settings() => new()
    {
        Organisation = "Mid and South Essex Integrated Care Board",
        Objectives =
        [
            new Objective { Id = "SO1", Title = "Good quality care within the financial envelope.", ShortTitle = "Good quality care", Appetite = Appetite.Cautious, Tolerance = 12 },
            new Objective { Id = "SO2", Title = "Narrow health inequalities.", ShortTitle = "Reduce health inequalities", Appetite = Appetite.Minimal, Tolerance = 9 },
        ],
        Categories = ["Workforce", "Quality"],
        People =
        [
            new Person { Login = "rjarvis", Name = "Rebecca Jarvis", Email = "rebecca.jarvis@mse.example", Role = Role.RiskOwner },
            new Person { Login = "etimpson", Name = "Emma Timpson", Email = "emma.timpson@mse.example", Role = Role.RiskOwner },
            new Person { Login = "kbonney", Name = "Kathy Bonney", Email = "kathy.bonney@mse.example", Role = Role.RiskOwner },
        ],
    };
}
