using System.Globalization;
using Risks.Core.Domain;

namespace Risks.Benchmarks;

/// <summary>
/// Realistic risk content for a synthetic register: an integrated care board's operational risks,
/// each of ~2.5 KB with a narrative, controls, gaps, assurances and dated actions, and the edits a
/// month of reviews makes (score changes and action updates). Everything follows from the seed,
/// so two runs generate the same register.
/// </summary>
internal static class Content
{
    public const string Prefix = "CRR";
    public const string Objective = "SO1";
    public const string GovernanceLead = "bench";

    public static readonly (string Login, string Name, string JobTitle)[] Owners =
    [
        ("aclarke", "Alex Clarke", "Director of Nursing"),
        ("bpatel", "Bina Patel", "Chief Finance Officer"),
        ("cjones", "Carys Jones", "Chief People Officer"),
        ("dokafor", "David Okafor", "Director of Performance"),
        ("ewilson", "Emma Wilson", "Chief Digital Officer"),
        ("fkhan", "Farah Khan", "Director of Estates"),
        ("gmurray", "Gordon Murray", "Director of Primary Care"),
        ("hsingh", "Harpreet Singh", "Director of Strategy"),
    ];

    public static readonly string[] Categories = ["Workforce", "Finance", "Quality", "Performance", "Digital", "Estates", "Governance", "Partnerships"];

    private static readonly string[] Directorates = ["Nursing and Quality", "Finance", "People", "Performance and Delivery", "Digital", "Estates", "Primary Care", "Strategy"];

    private static readonly string[] Committees = ["Quality Committee", "Finance and Investment Committee", "Audit Committee", "People Board", "Primary Care Commissioning Committee", "System Oversight Group"];

    private static readonly string[] Subjects =
    [
        "urgent and emergency care", "elective recovery", "community nursing", "mental health inpatient beds", "primary care access",
        "cancer diagnostics", "children's community services", "discharge to assess", "the digital patient record", "estates backlog maintenance",
        "the agency staffing cap", "continuing healthcare assessments", "maternity services", "learning disability health checks", "NHS 111 call handling",
    ];

    private static readonly string[] Causes =
    [
        "Demand has risen faster than the capacity commissioned, and recruitment to vacant posts is slow.",
        "Funding for the service is non-recurrent and the provider has not yet agreed a sustainable model.",
        "Data flows between providers are incomplete, so performance is not visible until weeks after the event.",
        "Staff turnover in the service is above 15% and temporary staff cover a large share of shifts.",
        "The estate is old and the capital allocation does not cover the backlog of maintenance.",
        "Referral criteria differ between places, so patients are referred late or to the wrong service.",
    ];

    private static readonly string[] Effects =
    [
        "Patients wait longer for treatment, some come to harm, and the ICB breaches its constitutional standards.",
        "The system overspends against its financial plan and regulators increase their oversight.",
        "The ICB cannot give the board assurance that services are safe, and its reputation suffers.",
        "Staff wellbeing falls, sickness absence rises and the service becomes harder to staff.",
        "Inequalities in access and outcomes widen between the most and least deprived areas.",
    ];

    private static readonly string[] ControlTexts =
    [
        "Weekly performance review with the provider's executive team, with escalation to the system oversight group.",
        "Monthly contract meeting tracks delivery against the recovery trajectory and agreed milestones.",
        "A system-wide escalation framework sets out the actions at each level of pressure.",
        "The quality surveillance group reviews incidents, complaints and harm reviews each month.",
        "Financial recovery plan with named leads for each scheme, reviewed by the finance committee.",
        "Recruitment and retention plan with targeted international recruitment for hard-to-fill posts.",
        "Clinical harm reviews for every patient waiting longer than the agreed threshold.",
        "Data quality improvement plan with the providers, monitored by the business intelligence team.",
    ];

    private static readonly string[] GapTexts =
    [
        "No single view of demand and capacity across all providers.",
        "Reporting lags by six weeks, so the committee sees a position that has already changed.",
        "The recovery trajectory has not yet been agreed by every provider.",
        "No independent review of the controls has been carried out this year.",
        "Harm reviews are not yet reported in a consistent format.",
    ];

    private static readonly string[] AssuranceTexts =
    [
        "Integrated performance report to the board shows the position against trajectory.",
        "Internal audit review of the arrangements for monitoring the contract.",
        "Care Quality Commission inspection report on the provider's services.",
        "Monthly quality and performance report to the quality committee.",
        "External review by the regional team of the system's recovery plan.",
    ];

    private static readonly string[] ActionTexts =
    [
        "Agree a recovery trajectory with each provider and include it in the contract variation.",
        "Complete a demand and capacity review for the service and present options to the executive.",
        "Commission an independent review of the controls and report the findings to the audit committee.",
        "Launch the recruitment campaign for the vacant posts and report progress monthly.",
        "Develop a shared dashboard of the key performance measures with the providers.",
        "Agree a sustainable funding model for the service as part of next year's planning round.",
        "Roll out the revised referral criteria across every place and audit compliance after three months.",
    ];

    private static readonly string[] Progress =
    [
        "Draft received from the provider; comments sent back and a revised version is due next month.",
        "Workshop held with clinical leads; options paper in preparation for the executive team.",
        "Delayed by operational pressures; a revised date has been agreed with the owner.",
        "On track: the first phase is complete and the second phase has started.",
        "Funding approved by the finance committee; the procurement has begun.",
        "Awaiting data from two providers before the analysis can be completed.",
    ];

    private static readonly string[] Reasons =
    [
        "Reviewed at the monthly risk review.",
        "Updated after the committee's deep dive.",
        "Position updated from the latest performance report.",
        "Reviewed with the risk owner ahead of the board.",
    ];

    public static RiskId IdOf(int number) => RiskId.Parse($"{Prefix}-{number.ToString("00000", CultureInfo.InvariantCulture)}");

    public static RegisterSettings Settings() => new()
    {
        Organisation = "Benchmark Integrated Care Board",
        Objectives =
        [
            new Objective
            {
                Id = Objective,
                Title = "To ensure the ICB and ICS deliver good quality health care and services within financial resource limits.",
                ShortTitle = "Good quality care within financial envelope",
                Appetite = Appetite.Cautious,
                Tolerance = 12,
            },
        ],
        Categories = Categories,
        People =
        [
            new Person { Login = GovernanceLead, Name = "Benchmark Governance Lead", Email = "bench@bench.example", Role = Role.GovernanceLead, JobTitle = "Head of Corporate Governance" },
            .. Owners.Select(o => new Person { Login = o.Login, Name = o.Name, Email = $"{o.Login}@bench.example", Role = Role.RiskOwner, JobTitle = o.JobTitle }),
        ],
    };

    /// <summary>Risk <paramref name="number"/> as entered on <paramref name="entered"/>.</summary>
    public static Risk Initial(int number, DateOnly entered)
    {
        var rng = new Random(number * 7919);
        var id = IdOf(number);
        var area = rng.Next(Categories.Length);
        var owner = Owners[area].Login;
        var other = Owners[(area + 1 + rng.Next(Owners.Length - 1)) % Owners.Length].Login;
        var subject = Pick(rng, Subjects);
        var strategic = number % 20 == 0;
        var inherent = new Score(rng.Next(3, 6), rng.Next(3, 6));
        var current = new Score(Math.Max(1, inherent.Impact - rng.Next(0, 2)), Math.Max(1, inherent.Likelihood - rng.Next(0, 3)))
        {
            Rationale = $"Based on the position reported for {subject} at the last review.",
        };
        var controls = Enumerable.Range(1, rng.Next(3, 6)).Select(i => new Control
        {
            Id = $"C{i}",
            Text = Pick(rng, ControlTexts),
            Owner = i % 2 == 0 ? other : owner,
            Effectiveness = (Effectiveness)rng.Next(0, 4),
        }).ToList();
        var gaps = Enumerable.Range(1, rng.Next(1, 3)).Select(i => new Gap
        {
            Id = $"G{i}",
            Type = (GapType)(i % 2),
            Text = Pick(rng, GapTexts),
        }).ToList();
        var assurances = Enumerable.Range(1, rng.Next(1, 3)).Select(i => new Assurance
        {
            Id = $"S{i}",
            Text = Pick(rng, AssuranceTexts),
            Line = rng.Next(1, 4),
            Source = (AssuranceSource)rng.Next(0, 2),
            Rating = (AssuranceRating)rng.Next(0, 3),
            Outcome = (AssuranceOutcome)rng.Next(0, 2),
            Key = i == 1,
            Date = entered.AddDays(-rng.Next(10, 200)),
        }).ToList();
        var actions = Enumerable.Range(1, rng.Next(2, 4)).Select(i => new RiskAction
        {
            Id = $"A{i}",
            Text = Pick(rng, ActionTexts),
            Owner = i % 2 == 0 ? other : owner,
            Due = entered.AddDays(rng.Next(30, 300)),
            Status = i == 1 ? ActionStatus.InProgress : ActionStatus.NotStarted,
            Update = i == 1 ? Pick(rng, Progress) : null,
        }).ToList();

        return new Risk
        {
            Id = id,
            Kind = strategic ? RiskKind.Strategic : RiskKind.Operational,
            Title = $"{Capitalise(subject)}: {Pick(rng, ["capacity", "sustainability", "quality and safety", "performance", "workforce"])}",
            Narrative = new Narrative
            {
                Cause = number % 3 == 0 ? $"{Pick(rng, Causes)}\n{Pick(rng, Causes)}" : Pick(rng, Causes),
                Event = $"The ICB is unable to secure {subject} that meet the standards and the needs of the population.",
                Effect = Pick(rng, Effects),
            },
            KeyElements = strategic ? [Capitalise(subject), "Recovery trajectory"] : [],
            Category = Categories[area],
            Status = RiskStatus.Open,
            Owner = owner,
            Leads = [other],
            Directorate = Directorates[area],
            Committees = [Committees[area % Committees.Length]],
            Objectives = strategic || rng.Next(3) == 0 ? [Objective] : [],
            LinkedRisks = number > 1 && rng.Next(3) == 0 ? [IdOf(number - 1).Value] : [],
            ExternalRefs = [$"Datix {number + 1000}"],
            Inherent = inherent,
            Current = current,
            Target = new Score(Math.Min(current.Impact, 3), 2),
            TargetDate = entered.AddMonths(12 + rng.Next(0, 12)),
            Response = RiskResponse.Treat,
            Performance = $"Performance for {subject} is behind the agreed trajectory.\nThe recovery plan is in place and progress is reported to the committee each month.",
            Trajectory = Trajectory.Stable,
            Controls = controls,
            Gaps = gaps,
            Assurances = assurances,
            Actions = actions,
            LastReviewed = new Review(entered, owner),
            NextReview = entered.AddMonths(2),
        };
    }

    /// <summary>One review's edit to <paramref name="risk"/> on <paramref name="day"/>: a change of current likelihood, or an update to an action.</summary>
    public static Risk Edit(Risk risk, Random rng, DateOnly day)
    {
        var reviewed = risk with { LastReviewed = new Review(day, risk.Owner), NextReview = day.AddMonths(2) };
        return rng.Next(2) == 0 ? ScoreChange(reviewed, rng, day) : ActionUpdate(reviewed, rng, day);
    }

    public static string Reason(Random rng) => Pick(rng, Reasons);

    public static Risk ScoreChange(Risk risk, Random rng, DateOnly day)
    {
        var current = risk.Current!;
        var likelihood = current.Likelihood switch
        {
            1 => 2,
            5 => 4,
            var l => l + (rng.Next(2) == 0 ? -1 : 1),
        };
        return risk with
        {
            Current = new Score(current.Impact, likelihood) { Rationale = $"Reviewed {day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: {(likelihood < current.Likelihood ? "controls are taking effect" : "pressures have increased")}." },
            Trajectory = likelihood < current.Likelihood ? Trajectory.Improving : Trajectory.Deteriorating,
        };
    }

    public static Risk ActionUpdate(Risk risk, Random rng, DateOnly day)
    {
        var actions = risk.Actions.ToList();
        var open = actions.FindIndex(a => !a.IsFinished);
        if (open < 0)
        {
            if (actions.Count >= 4)
            {
                actions.RemoveAt(0);
            }

            var next = actions.Select(a => int.Parse(a.Id.AsSpan(1), CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1;
            actions.Add(new RiskAction { Id = $"A{next}", Text = Pick(rng, ActionTexts), Owner = risk.Owner, Due = day.AddMonths(3), Status = ActionStatus.NotStarted });
            return risk with { Actions = actions };
        }

        var action = actions[open];
        var update = $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {Pick(rng, Progress)}";
        actions[open] = rng.Next(4) switch
        {
            0 when action.Status == ActionStatus.InProgress => action with { Status = ActionStatus.Complete, Completed = day, Update = update },
            0 => action with { Status = ActionStatus.InProgress, Update = update },
            1 => action with { Due = (action.Due ?? day).AddMonths(1), Update = update },
            _ => action with { Update = update },
        };
        return risk with { Actions = actions };
    }

    private static string Pick(Random rng, string[] items) => items[rng.Next(items.Length)];

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
