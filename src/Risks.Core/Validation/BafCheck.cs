using Risks.Core.Domain;
using Risks.Core.Presentation;

namespace Risks.Core.Validation;

/// <summary>One breach of a BAF rule: which rule, how much it matters, the risk and the field (by path in the risk's file), and what is wrong.</summary>
public sealed record Finding(string Rule, RuleSeverity Severity, RiskId Risk, string Path, string Message)
{
    /// <summary>Which rule is broken and how much it matters, without the rest.</summary>
    public Breach Breach => new(Rule, Severity);
}

/// <summary>
/// That a risk breaks a BAF rule, and how much it matters: what a list of many risks shows of a
/// <see cref="Finding"/>, held without its place and words (ten thousand risks can break forty
/// thousand rules, and each finding's sentence is a few hundred bytes).
/// </summary>
public readonly record struct Breach(string Rule, RuleSeverity Severity);

/// <summary>A rule internal audit applies to a Board Assurance Framework, with its id, what it asks and how much a breach matters unless the register says otherwise.</summary>
public sealed record BafRule(string Id, RuleSeverity Default, string Asks, Func<BafCheck.Context, Risk, IEnumerable<(string Path, string Message)>> Check);

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

    /// <summary>
    /// What the rules look at: the register's open risks, its settings, and today; with the ids of
    /// the strategic risks and of the risks they link to, worked out once for the whole register.
    /// </summary>
    public sealed class Context(IReadOnlyList<Risk> risks, RegisterSettings settings, DateOnly today)
    {
        public IReadOnlyList<Risk> Risks { get; } = risks;

        public RegisterSettings Settings { get; } = settings;

        public DateOnly Today { get; } = today;

        /// <summary>The identities of the strategic risks.</summary>
        public IReadOnlySet<string> Baf { get; } = risks.Where(r => r.Kind == RiskKind.Strategic).Select(r => r.Id.Identity).ToHashSet(StringComparer.Ordinal);

        /// <summary>The identities of the risks strategic risks link to.</summary>
        public IReadOnlySet<string> LinkedFromBaf { get; } = risks.Where(r => r.Kind == RiskKind.Strategic).SelectMany(r => r.LinkedRisks).Select(Identity).ToHashSet(StringComparer.Ordinal);
    }

    // A register's findings name the same few places over and over (gaps[0], actions[1].status): each is made once.
    private static readonly ItemPaths GapPaths = new(i => $"gaps[{i}]");
    private static readonly ItemPaths ActionStatusPaths = new(i => $"actions[{i}].status");

    public static IReadOnlyList<BafRule> Rules { get; } =
    [
        Strategic("current-score", "every strategic risk has a current score", r => r.Current is null ? ("current", "has no current score") : null),
        Strategic("target-score", "every strategic risk has a target score", r => r.Target is null ? ("target", "has no target score") : null),
        Strategic("target-date", "every strategic risk has a target date", r => r.TargetDate is null ? ("target_date", "has no target date") : null),
        new("owner", RuleSeverity.Error, "every strategic risk's owner is one of the register's people", (c, r) =>
            r.Kind == RiskKind.Strategic && c.Settings.FindPerson(r.Owner) is null
                ? [("owner", r.Owner.Length == 0 ? "has no owner" : $"has owner {Text.Quote(r.Owner)}, who is not one of the register's people")]
                : []),
        Strategic("committee", "every strategic risk has a committee", r => r.Committees.Count == 0 ? ("committees", "has no committee overseeing it") : null),
        new("gap-action", RuleSeverity.Error, "every gap has an open action with an owner and a due date to close it", (_, r) => GapsWithoutAction(r)),
        new("review-overdue", RuleSeverity.Error, "no review is overdue", (c, r) =>
            r.NextReview is { } next && next < c.Today ? [("next_review", $"was due for review on {Formats.Date(next)} ({Formats.Due(next, c.Today)})")] : []),
        new("above-tolerance", RuleSeverity.Error, "a risk scored above an objective's tolerance has an open action or a recorded acceptance", AboveTolerance),
        new("high-risk-linked", RuleSeverity.Error, $"every operational risk scored {HighScore} or more is linked with a strategic risk or says why not", HighRiskNotOnBaf),
        new("action-not-started", RuleSeverity.Error, "no action past its due date is still not started", (c, r) =>
            r.Actions.Select((a, i) => (Action: a, Index: i))
                .Where(x => x.Action.Status == ActionStatus.NotStarted && x.Action.Due is { } due && due < c.Today)
                .Select(x => (ActionStatusPaths.Of(x.Index), $"action {x.Action.Id} was due on {Formats.Date(x.Action.Due!.Value)} ({Formats.Due(x.Action.Due!.Value, c.Today)}) and is still not started"))),
    ];

    /// <summary>The path of a list's item (or of a field of it), made once for each of the first few places, not once per finding.</summary>
    private sealed class ItemPaths(Func<int, string> make)
    {
        private readonly string[] _first = [.. Enumerable.Range(0, 32).Select(make)];

        public string Of(int index) => (uint)index < (uint)_first.Length ? _first[index] : make(index);
    }

    /// <summary>A rule that only strategic risks are held to, broken at most once per risk.</summary>
    private static BafRule Strategic(string id, string asks, Func<Risk, (string Path, string Message)?> breach) =>
        new(id, RuleSeverity.Error, asks, (_, r) => r.Kind == RiskKind.Strategic && breach(r) is { } found ? [found] : []);

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

    /// <summary>Every breach, risk by risk in the order given and then in the rules' order, with each rule's severity as the register sets it; rules turned off are not run.</summary>
    public static IReadOnlyList<Finding> Run(IEnumerable<Risk> risks, RegisterSettings settings, DateOnly today)
    {
        var context = new Context([.. risks.Where(r => r.Status == RiskStatus.Open)], settings, today);
        var rules = Rules.Select(r => (Rule: r, Severity: settings.BafCheck.SeverityOf(r.Id, r.Default))).Where(r => r.Severity != RuleSeverity.Off).ToList();
        var findings = new List<Finding>();
        foreach (var risk in context.Risks)
        {
            foreach (var (rule, severity) in rules)
            {
                foreach (var (path, message) in rule.Check(context, risk))
                {
                    findings.Add(new Finding(rule.Id, severity, risk.Id, path, $"{risk.Id} {message}"));
                }
            }
        }

        return findings;
    }

    /// <summary>Each rule's breaches for one risk, for the risk screen.</summary>
    public static IReadOnlyList<Finding> For(RiskId id, IReadOnlyList<Finding> findings) => [.. findings.Where(f => f.Risk == id)];

    private static IEnumerable<(string, string)> GapsWithoutAction(Risk risk)
    {
        for (var i = 0; i < risk.Gaps.Count; i++)
        {
            var gap = risk.Gaps[i];
            var actions = risk.Actions.Where(a => a.Gap == gap.Id && !a.IsFinished).ToList();
            if (actions.Count == 0)
            {
                yield return (GapPaths.Of(i), $"gap {gap.Id} has no open action to close it (an action with gap: {gap.Id})");
            }
            else if (!actions.Any(a => !string.IsNullOrEmpty(a.Owner) && a.Due is not null))
            {
                yield return (GapPaths.Of(i), $"gap {gap.Id} has no open action with both an owner and a due date ({Text.All([.. actions.Select(a => a.Id)])} lack one)");
            }
        }
    }

    private static IEnumerable<(string, string)> AboveTolerance(Context c, Risk risk)
    {
        if (risk.Current is not { } current || risk.Objectives.Count == 0)
        {
            yield break;
        }

        var above = risk.Objectives.Select(c.Settings.FindObjective).OfType<Objective>().Where(o => o.Tolerance is { } t && current.Value > t).ToList();
        if (above.Count == 0 || risk.Actions.Any(a => !a.IsFinished) || risk.ToleranceAcceptance is { Date: not null, Reason.Length: > 0 })
        {
            yield break;
        }

        yield return ("current", $"scores {current.Value}, above the tolerance of {Text.All([.. above.Select(o => $"{o.Id} ({o.Tolerance})")])}, with no open action and no recorded acceptance (tolerance_acceptance with a date and a reason)");
    }

    private static IEnumerable<(string, string)> HighRiskNotOnBaf(Context c, Risk risk)
    {
        if (risk.Kind != RiskKind.Operational || risk.Current is not { Value: >= HighScore } current || !string.IsNullOrWhiteSpace(risk.NotOnBaf))
        {
            yield break;
        }

        if (!c.LinkedFromBaf.Contains(risk.Id.Identity) && !risk.LinkedRisks.Select(Identity).Any(c.Baf.Contains))
        {
            yield return ("current", $"scores {current.Value} and is not linked with any strategic risk; link it (linked_risks) or say why it is not on the BAF (not_on_baf)");
        }
    }

    private static string Identity(string id) => RiskId.TryParse(id, out var parsed) ? parsed.Identity : id;
}
