using Risks.Core.Domain;

namespace Risks.Core.Validation;

/// <summary>The rules one risk must keep on its own, without the rest of the register.</summary>
public static class RiskValidator
{
    public static IReadOnlyList<FieldIssue> Validate(Risk risk)
    {
        var issues = new List<FieldIssue>();

        Required(issues, "title", risk.Title);
        Rules.CheckText(issues, "title", risk.Title, multiLine: false);
        Required(issues, "narrative.event", risk.Narrative.Event);
        Rules.CheckText(issues, "narrative.cause", risk.Narrative.Cause, multiLine: true);
        Rules.CheckText(issues, "narrative.event", risk.Narrative.Event, multiLine: true);
        Rules.CheckText(issues, "narrative.effect", risk.Narrative.Effect, multiLine: true);
        Lines(issues, "key_elements", risk.KeyElements);
        Rules.CheckText(issues, "category", risk.Category, multiLine: false);
        Closure(issues, risk);
        Required(issues, "owner", risk.Owner);
        Login(issues, "owner", risk.Owner);
        Logins(issues, "leads", risk.Leads);
        Rules.CheckText(issues, "directorate", risk.Directorate, multiLine: false);
        Lines(issues, "committees", risk.Committees);
        Lines(issues, "objectives", risk.Objectives);
        if (risk.Kind == RiskKind.Strategic && risk.Objectives.Count == 0)
        {
            issues.Add(new FieldIssue("objectives", "objectives must name at least one strategic objective for a strategic risk"));
        }

        LinkedRisks(issues, risk);
        Lines(issues, "external_refs", risk.ExternalRefs);
        Score(issues, "inherent", risk.Inherent);
        if (risk.Current is null && risk.Kind == RiskKind.Strategic)
        {
            issues.Add(new FieldIssue("current", "current is required for a strategic risk: its impact and likelihood, each 1-5") { IsMissing = true });
        }

        Score(issues, "current", risk.Current);
        Score(issues, "target", risk.Target);
        if (risk.TargetDate is not null && risk.Target is null)
        {
            issues.Add(new FieldIssue("target_date", "target_date needs a target score (a target impact and likelihood)"));
        }

        Rules.CheckText(issues, "performance", risk.Performance, multiLine: true);
        Items(issues, "controls", risk.Controls, c => c.Id, (path, c) =>
        {
            Required(issues, path + ".text", c.Text);
            Rules.CheckText(issues, path + ".text", c.Text, multiLine: true);
            Login(issues, path + ".owner", c.Owner);
        });
        Items(issues, "gaps", risk.Gaps, g => g.Id, (path, g) =>
        {
            Required(issues, path + ".text", g.Text);
            Rules.CheckText(issues, path + ".text", g.Text, multiLine: true);
            if (g.Type is null)
            {
                issues.Add(new FieldIssue(path + ".type", $"{path}.type is required: {Vocabulary.Choices<GapType>()}") { IsMissing = true });
            }
        });
        Items(issues, "assurances", risk.Assurances, a => a.Id, (path, a) =>
        {
            Required(issues, path + ".text", a.Text);
            Rules.CheckText(issues, path + ".text", a.Text, multiLine: true);
            if (a.Line is { } line && (line < 1 || line > 3))
            {
                issues.Add(new FieldIssue(path + ".line", $"{path}.line must be 1, 2 or 3, found {line}"));
            }
        });
        Items(issues, "actions", risk.Actions, a => a.Id, (path, a) => Action(issues, path, a));
        if (risk.LastReviewed is { } review)
        {
            Required(issues, "last_reviewed.by", review.By);
            Login(issues, "last_reviewed.by", review.By);
        }

        // Each message names its field as the screen, commits and comparisons do.
        return [.. issues.Select(i => i with { Message = FieldNames.Reword(i.Path, i.Message, risk) })];
    }

    private static void Closure(List<FieldIssue> issues, Risk risk)
    {
        var closure = risk.Closure;
        switch (risk.Status)
        {
            case RiskStatus.Open when closure is not null:
                issues.Add(new FieldIssue("closure", "closure is only for a closed or merged risk; status is open"));
                break;
            case RiskStatus.Closed or RiskStatus.Merged:
                var word = Vocabulary.Word(risk.Status);
                if (closure?.Date is null)
                {
                    issues.Add(new FieldIssue("closure.date", $"closure.date is required for a {word} risk"));
                }

                if (string.IsNullOrWhiteSpace(closure?.Rationale))
                {
                    issues.Add(new FieldIssue("closure.rationale", $"closure.rationale is required for a {word} risk: say why it was {word}"));
                }

                if (risk.Status == RiskStatus.Merged && string.IsNullOrWhiteSpace(closure?.MergedInto))
                {
                    issues.Add(new FieldIssue("closure.merged_into", "closure.merged_into is required for a merged risk: the id of the risk it was merged into"));
                }

                if (risk.Status == RiskStatus.Closed && closure?.MergedInto is not null)
                {
                    issues.Add(new FieldIssue("closure.merged_into", "closure.merged_into is only for a merged risk; status is closed"));
                }

                break;
        }

        if (closure is null)
        {
            return;
        }

        Rules.CheckText(issues, "closure.rationale", closure.Rationale, multiLine: true);
        if (closure.MergedInto is { } into)
        {
            if (!RiskId.TryParse(into, out var target))
            {
                issues.Add(new FieldIssue("closure.merged_into", $"closure.merged_into must be a risk id ({RiskId.Rules}), found {Text.Quote(into)}"));
            }
            else if (target.Identity == risk.Id.Identity)
            {
                issues.Add(new FieldIssue("closure.merged_into", "closure.merged_into must name another risk, not this one"));
            }
        }
    }

    private static void LinkedRisks(List<FieldIssue> issues, Risk risk)
    {
        for (var i = 0; i < risk.LinkedRisks.Count; i++)
        {
            var path = $"linked_risks[{i}]";
            var value = risk.LinkedRisks[i];
            if (!RiskId.TryParse(value, out var linked))
            {
                issues.Add(new FieldIssue(path, $"{path} must be a risk id ({RiskId.Rules}), found {Text.Quote(value)}; put references to other systems in external_refs"));
            }
            else if (linked.Identity == risk.Id.Identity)
            {
                issues.Add(new FieldIssue(path, $"{path} links the risk to itself"));
            }
        }

        Duplicates(issues, "linked_risks", risk.LinkedRisks);
    }

    private static void Action(List<FieldIssue> issues, string path, RiskAction action)
    {
        Required(issues, path + ".text", action.Text);
        Rules.CheckText(issues, path + ".text", action.Text, multiLine: true);
        Rules.CheckText(issues, path + ".update", action.Update, multiLine: true);
        Login(issues, path + ".owner", action.Owner);
        if (action.Status is null)
        {
            issues.Add(new FieldIssue(path + ".status", $"{path}.status is required: {Vocabulary.Choices<ActionStatus>()}") { IsMissing = true });
        }
        else if (action.Status != ActionStatus.Complete && action.Completed is not null)
        {
            issues.Add(new FieldIssue(path + ".completed", $"{path}.completed is only for a complete action; status is {Vocabulary.Word(action.Status)}"));
        }

        if (action.Status == ActionStatus.Complete && action.Completed is null)
        {
            issues.Add(new FieldIssue(path + ".completed", $"{path}.completed is required when the action is complete: the date it was done"));
        }

    }

    private static void Score(List<FieldIssue> issues, string path, Score? score)
    {
        if (score is null)
        {
            return;
        }

        Range(issues, path + ".impact", score.Impact);
        Range(issues, path + ".likelihood", score.Likelihood);
        Rules.CheckText(issues, path + ".rationale", score.Rationale, multiLine: false);
    }

    private static void Range(List<FieldIssue> issues, string path, int value)
    {
        if (value == 0)
        {
            // Half a score: one part chosen, the other not yet.
            issues.Add(new FieldIssue(path, $"{path} is required: a whole number 1-5") { IsMissing = true });
        }
        else if (value < 1 || value > 5)
        {
            issues.Add(new FieldIssue(path, $"{path} must be 1-5, found {value}"));
        }
    }

    private static void Items<T>(List<FieldIssue> issues, string list, IReadOnlyList<T> items, Func<T, string> id, Action<string, T> check)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{list}[{i}]";
            var itemId = id(items[i]);
            if (string.IsNullOrEmpty(itemId))
            {
                issues.Add(new FieldIssue(path + ".id", $"{path}.id is required ({Rules.ItemIdRules})"));
            }
            else if (!Rules.IsItemId(itemId))
            {
                issues.Add(new FieldIssue(path + ".id", $"{path}.id must be {Rules.ItemIdRules}, found {Text.Quote(itemId)}"));
            }
            else if (seen.TryGetValue(itemId, out var first))
            {
                issues.Add(new FieldIssue(path + ".id", $"{path}.id {itemId} is already used by the {Ordinal(first + 1)} of the {FieldNames.Label(list)}"));
            }
            else
            {
                seen[itemId] = i;
            }

            check(path, items[i]);
        }
    }

    private static string Ordinal(int n) => n switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        _ => $"{n}th",
    };

    private static void Required(List<FieldIssue> issues, string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            issues.Add(new FieldIssue(path, $"{path} is required") { IsMissing = true });
        }
    }

    private static void Login(List<FieldIssue> issues, string path, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !Rules.IsLogin(value))
        {
            issues.Add(new FieldIssue(path, $"{path} must be {Rules.LoginRules}, found {Text.Quote(value)}"));
        }
    }

    private static void Logins(List<FieldIssue> issues, string list, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            Login(issues, $"{list}[{i}]", values[i]);
        }

        Duplicates(issues, list, values);
    }

    private static void Lines(List<FieldIssue> issues, string list, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            Required(issues, $"{list}[{i}]", values[i]);
            Rules.CheckText(issues, $"{list}[{i}]", values[i], multiLine: false);
        }

        Duplicates(issues, list, values);
    }

    private static void Duplicates(List<FieldIssue> issues, string list, IReadOnlyList<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (!seen.Add(values[i]))
            {
                issues.Add(new FieldIssue($"{list}[{i}]", $"{list}[{i}] repeats {Text.Quote(values[i])}"));
            }
        }
    }
}
