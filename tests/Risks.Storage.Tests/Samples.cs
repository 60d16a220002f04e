using Risks.Core.Domain;

namespace Risks.Storage.Tests;

/// <summary>Risks and risk files the tests start from.</summary>
internal static class Samples
{
    public const string File = "risks/BAF/00/BAF-07.yaml";

    public static readonly RiskId Id = RiskId.Parse("BAF-07");

    /// <summary>A valid risk file with only the required keys, in canonical form.</summary>
    public const string Minimal =
        "id: BAF-07\n" +
        "kind: operational\n" +
        "title: Inequalities\n" +
        "narrative:\n" +
        "  event: Something happens.\n" +
        "status: open\n" +
        "owner: rjarvis\n" +
        "current:\n" +
        "  impact: 3\n" +
        "  likelihood: 4\n";

    public static string DataFile(string relative) => Path.Combine(RepoPaths.Data, relative);

    /// <summary>The sample register's BAF-07 file, as text.</summary>
    public static string Inequalities() => System.IO.File.ReadAllText(DataFile(File));

    public static Risk Operational(string id = "BAF-07") => new()
    {
        Id = RiskId.Parse(id),
        Kind = RiskKind.Operational,
        Title = "Inequalities",
        Narrative = new Narrative { Event = "Something happens." },
        Status = RiskStatus.Open,
        Owner = "rjarvis",
        Current = new Score(3, 4),
    };

    /// <summary>A merged risk with every key the format has, so the writer writes each of them.</summary>
    public static Risk Full() => new()
    {
        Id = RiskId.Parse("BAF-07"),
        Kind = RiskKind.Strategic,
        Title = "Inequalities",
        Narrative = new Narrative
        {
            Cause = "Groups at most risk of poor health are not yet identified consistently,\nand resources are not yet matched to need.",
            Event = "Action to reduce health inequalities does not improve access and outcomes.",
            Effect = "The gap in life expectancy across the area persists or widens.",
        },
        KeyElements = ["Inequalities strategy", "Data analytics", "yes"],
        Category = "Quality",
        Status = RiskStatus.Merged,
        Closure = new Closure
        {
            Date = new DateOnly(2025, 3, 13),
            Rationale = "The board agreed to track this with the system risk.\nThe controls and actions moved with it.",
            MergedInto = "BAF-01",
        },
        Owner = "rjarvis",
        Leads = ["etimpson", "pgreen"],
        Directorate = "South East Alliance",
        Committees = ["Quality Committee", "Audit Committee"],
        Objectives = ["SO2", "SO7"],
        LinkedRisks = ["CRR-018"],
        ExternalRefs = ["Datix 18", "12"],
        Inherent = new Score(4, 4) { Rationale = "Before any control." },
        Current = new Score(3, 3) { Rationale = "Based on the score of risk 18." },
        Target = new Score(3, 2) { Rationale = "2025-03-13" },
        TargetDate = new DateOnly(2026, 3, 31),
        Response = RiskResponse.Treat,
        Performance = "Three places have lower life expectancy.\nThe dashboard is complete and in final sign-off.",
        Trajectory = Trajectory.Improving,
        Controls =
        [
            new Control { Id = "C1", Text = "The population health improvement board co-ordinates the work.", Owner = "etimpson", Effectiveness = Effectiveness.PartiallyEffective },
            new Control { Id = "C2", Text = "Equality impact assessments for every project." },
        ],
        Gaps =
        [
            new Gap { Id = "G1", Type = GapType.Control, Text = "Capacity to support prevention." },
            new Gap { Id = "G2", Type = GapType.Assurance, Text = "Business intelligence resource is limited." },
        ],
        Assurances =
        [
            new Assurance
            {
                Id = "S1",
                Text = "Internal audit of health inequalities arrangements.",
                Line = 3,
                Source = AssuranceSource.Independent,
                Rating = AssuranceRating.Substantial,
                Outcome = AssuranceOutcome.Positive,
                Key = true,
                Date = new DateOnly(2025, 2, 14),
            },
            new Assurance { Id = "S2", Text = "Dashboard metrics.", Line = 2, Source = AssuranceSource.Internal, Rating = AssuranceRating.Limited, Outcome = AssuranceOutcome.Negative },
        ],
        Actions =
        [
            new RiskAction
            {
                Id = "A1",
                Text = "Launch the digital impact assessment tool.",
                Owner = "etimpson",
                Due = new DateOnly(2025, 6, 30),
                Status = ActionStatus.InProgress,
                Update = "Final testing complete.\nRevisions requested before launch.",
            },
            new RiskAction
            {
                Id = "A2",
                Text = "Publish the health inequalities annual statement.",
                Owner = "etimpson",
                Due = new DateOnly(2024, 5, 31),
                Status = ActionStatus.Complete,
                Completed = new DateOnly(2024, 5, 20),
            },
            new RiskAction { Id = "A3", Text = "Keep the dashboard current.", Status = ActionStatus.NotStarted },
        ],
        LastReviewed = new Review(new DateOnly(2025, 3, 4), "rjarvis"),
        NextReview = new DateOnly(2025, 5, 6),
    };
}
