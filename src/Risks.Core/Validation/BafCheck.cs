using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Scoring;

namespace Risks.Core.Validation;

/// <summary>One breach of a BAF rule: which rule, how much it matters, the risk and the field (by path in the risk's file), and what is wrong.</summary>
public sealed record Finding(string Rule, RuleSeverity Severity, RiskId Risk, string Path, string Message);

/// <summary>A rule internal audit applies to a Board Assurance Framework, with its id, what it asks and how much a breach matters unless the register says otherwise.</summary>
public sealed record BafRule(string Id, RuleSeverity Default, string Asks, Func<BafCheck.Context, IEnumerable<(RiskId Risk, string Path, string Message)>> Check);

/// <summary>
/// The rules a BAF is held to beyond what each file must be (<see cref="RiskValidator"/>): scores,
/// dates, owners and committees in place, every gap being closed by someone by a date, reviews kept,
/// scores above tolerance acted on or accepted, high operational risks seen by the board. A register
/// turns rules off or changes their severity in register.yaml (<see cref="BafCheckSettings"/>).
/// </summary>
public static class BafCheck
{
    /// <summary>The score from which an operational risk must be linked with the BAF or say why not.</summary>
    public const int HighScore = 15;

    /// <summary>What the rules look at: the register's open risks, its settings, and today.</summary>
    public sealed record Context(IReadOnlyList<Risk> Risks, RegisterSettings Settings, DateOnly Today)
    {
        public IEnumerable<Risk> Strategic => Risks.Where(r => r.Kind == RiskKind.Strategic);
    }

    public static IReadOnlyList<BafRule> Rules { get; } =
    [
        new("current-score", RuleSeverity.Error, "every strategic risk has a current score", c =>
            c.Strategic.Where(r => r.Current is null).Select(r => (r.Id, "current", "has no current score"))),
        new("target-score", RuleSeverity.Error, "every strategic risk has a target score", c =>
            c.Strategic.Where(r => r.Target is null).Select(r => (r.Id, "target", "has no target score"))),
        new("target-date", RuleSeverity.Error, "every strategic risk has a target date", c =>
            c.Strategic.Where(r => r.TargetDate is null).Select(r => (r.Id, "target_date", "has no target date"))),
        new("owner", RuleSeverity.Error, "every strategic risk's owner is one of the register's people", c =>
            c.Strategic.Where(r => c.Settings.FindPerson(r.Owner) is null)
                .Select(r => (r.Id, "owner", r.Owner.Length == 0 ? "has no owner" : $"has owner {Text.Quote(r.Owner)}, who is not one of the register's people"))),
        new("committee", RuleSeverity.Error, "every strategic risk has a committee", c =>
            c.Strategic.Where(r => r.Committees.Count == 0).Select(r => (r.Id, "committees", "has no committee overseeing it"))),
        new("gap-action", RuleSeverity.Error, "every gap has an open action with an owner and a due date to close it", GapsWithoutAction),
        new("review-overdue", RuleSeverity.Error, "no review is overdue", c =>
            c.Risks.Where(r => r.NextReview is { } next && next < c.Today)
                .Select(r => (r.Id, "next_review", $"was due for review on {Formats.Date(r.NextReview!.Value)} ({Formats.Due(r.NextReview!.Value, c.Today)})"))),
        new("above-tolerance", RuleSeverity.Error, "a risk scored above an objective's tolerance has an open action or a recorded acceptance", AboveTolerance),
        new("high-risk-linked", RuleSeverity.Error, $"every operational risk scored {HighScore} or more is linked with a strategic risk or says why not", HighRisksNotOnBaf),
        new("action-not-started", RuleSeverity.Error, "no action past its due date is still not started", c =>
            c.Risks.SelectMany(r => r.Actions.Select((a, i) => (Risk: r, Action: a, Index: i)))
                .Where(x => x.Action.Status == ActionStatus.NotStarted && x.Action.Due is { } due && due < c.Today)
                .Select(x => (x.Risk.Id, $"actions[{x.Index}].status", $"action {x.Action.Id} was due on {Formats.Date(x.Action.Due!.Value)} ({Formats.Due(x.Action.Due!.Value, c.Today)}) and is still not started"))),
    ];

    /// <summary>The line before the table of rules in docs/format.md.</summary>
    public const string DocStart = "<!-- The table of BAF rules is written from the rules: run the tests with RISKS_WRITE_DOCS=1 to rewrite it. -->";

    /// <summary>The line after it.</summary>
    public const string DocEnd = "<!-- End of the table of BAF rules. -->";

    /// <summary>docs/format.md with its table of the rules written afresh: id, severity unless the register says otherwise, and what each asks.</summary>
    public static string IntoDocument(string document) => GeneratedSection.Into(
        document,
        DocStart,
        DocEnd,
        "| rule | severity unless set | what it asks |\n| --- | --- | --- |\n" + string.Concat(Rules.Select(r => $"| `{r.Id}` | {Vocabulary.Word(r.Default)} | {r.Asks} |\n")));

    /// <summary>The rule with this id, or null.</summary>
    public static BafRule? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);

    /// <summary>Every breach, in the register's order of risks and then the rules' order, with each rule's severity as the register sets it; rules turned off are not run.</summary>
    public static IReadOnlyList<Finding> Run(IEnumerable<Risk> risks, RegisterSettings settings, DateOnly today)
    {
        var context = new Context([.. risks.Where(r => r.Status == RiskStatus.Open)], settings, today);
        var findings = new List<Finding>();
        foreach (var rule in Rules)
        {
            var severity = settings.BafCheck.SeverityOf(rule.Id, rule.Default);
            if (severity == RuleSeverity.Off)
            {
                continue;
            }

            findings.AddRange(rule.Check(context).Select(f => new Finding(rule.Id, severity, f.Risk, f.Path, $"{f.Risk} {f.Message}")));
        }

        var order = context.Risks.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return [.. findings.OrderBy(f => order[f.Risk])];
    }

    /// <summary>Each rule's breaches for one risk, for the risk screen.</summary>
    public static IReadOnlyList<Finding> For(RiskId id, IReadOnlyList<Finding> findings) => [.. findings.Where(f => f.Risk == id)];

    private static IEnumerable<(RiskId, string, string)> GapsWithoutAction(Context c)
    {
        foreach (var risk in c.Risks)
        {
            for (var i = 0; i < risk.Gaps.Count; i++)
            {
                var gap = risk.Gaps[i];
                var actions = risk.Actions.Where(a => a.Gap == gap.Id && !a.IsFinished).ToList();
                if (actions.Count == 0)
                {
                    yield return (risk.Id, $"gaps[{i}]", $"gap {gap.Id} has no open action to close it (an action with gap: {gap.Id})");
                }
                else if (!actions.Any(a => !string.IsNullOrEmpty(a.Owner) && a.Due is not null))
                {
                    yield return (risk.Id, $"gaps[{i}]", $"gap {gap.Id} has no open action with both an owner and a due date ({Text.All([.. actions.Select(a => a.Id)])} lack one)");
                }
            }
        }
    }

    private static IEnumerable<(RiskId, string, string)> AboveTolerance(Context c)
    {
        foreach (var risk in c.Risks)
        {
            var facts = RiskFacts.Of(risk, c.Settings, c.Today);
            if (!facts.AboveTolerance || facts.OpenActions.Count > 0 || risk.ToleranceAcceptance is { Date: not null, Reason.Length: > 0 })
            {
                continue;
            }

            var objectives = Text.All([.. facts.AboveToleranceOf.Select(o => $"{o.Id} ({o.Tolerance})")]);
            yield return (risk.Id, "current", $"scores {facts.CurrentScore}, above the tolerance of {objectives}, with no open action and no recorded acceptance (tolerance_acceptance with a date and a reason)");
        }
    }

    private static IEnumerable<(RiskId, string, string)> HighRisksNotOnBaf(Context c)
    {
        var strategic = c.Strategic.ToList();
        var linkedFromBaf = strategic.SelectMany(r => r.LinkedRisks).Select(Identity).ToHashSet(StringComparer.Ordinal);
        var bafIds = strategic.Select(r => r.Id.Identity).ToHashSet(StringComparer.Ordinal);
        foreach (var risk in c.Risks.Where(r => r.Kind == RiskKind.Operational && r.Current is { Value: >= HighScore }))
        {
            var linked = linkedFromBaf.Contains(risk.Id.Identity) || risk.LinkedRisks.Select(Identity).Any(bafIds.Contains);
            if (!linked && string.IsNullOrWhiteSpace(risk.NotOnBaf))
            {
                yield return (risk.Id, "current", $"scores {risk.Current!.Value} and is not linked with any strategic risk; link it (linked_risks) or say why it is not on the BAF (not_on_baf)");
            }
        }
    }

    private static string Identity(string id) => RiskId.TryParse(id, out var parsed) ? parsed.Identity : id;
}
