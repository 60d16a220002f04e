using Risks.Core.Domain;

namespace Risks.Core.Validation;

/// <summary>
/// The rules that tie risks to <c>register.yaml</c> and to each other: people, objectives,
/// categories and links must exist, and no two risks may share an id.
/// </summary>
public static class RegisterValidator
{
    public static IReadOnlyList<FieldIssue> CrossCheck(Risk risk, RegisterSettings settings, IReadOnlySet<string> knownIdentities)
    {
        var issues = new List<FieldIssue>();
        Person(issues, settings, "owner", risk.Owner);
        for (var i = 0; i < risk.Leads.Count; i++)
        {
            Person(issues, settings, $"leads[{i}]", risk.Leads[i]);
        }

        if (settings.Categories.Count > 0 && risk.Category is { } category
            && !settings.Categories.Contains(category, StringComparer.OrdinalIgnoreCase))
        {
            issues.Add(new FieldIssue("category", $"category must be one of register.yaml's categories ({Text.OneOf(settings.Categories)}), found {Text.Quote(category)}"));
        }

        for (var i = 0; i < risk.Objectives.Count; i++)
        {
            if (settings.FindObjective(risk.Objectives[i]) is null)
            {
                var known = settings.Objectives.Select(o => o.Id).ToList();
                issues.Add(new FieldIssue($"objectives[{i}]", $"objectives[{i}] must be one of register.yaml's objectives ({Text.OneOf(known)}), found {Text.Quote(risk.Objectives[i])}"));
            }
        }

        for (var i = 0; i < risk.LinkedRisks.Count; i++)
        {
            if (RiskId.TryParse(risk.LinkedRisks[i], out var linked) && !knownIdentities.Contains(linked.Identity))
            {
                issues.Add(new FieldIssue($"linked_risks[{i}]", $"linked_risks[{i}] names {linked}, which is not in the register"));
            }
        }

        if (risk.Closure?.MergedInto is { } into && RiskId.TryParse(into, out var target) && !knownIdentities.Contains(target.Identity))
        {
            issues.Add(new FieldIssue("closure.merged_into", $"closure.merged_into names {target}, which is not in the register"));
        }

        for (var i = 0; i < risk.Controls.Count; i++)
        {
            Person(issues, settings, $"controls[{i}].owner", risk.Controls[i].Owner);
        }

        for (var i = 0; i < risk.Actions.Count; i++)
        {
            Person(issues, settings, $"actions[{i}].owner", risk.Actions[i].Owner);
        }

        Person(issues, settings, "last_reviewed.by", risk.LastReviewed?.By);
        return [.. issues.Select(i => i with { Message = FieldNames.Reword(i.Path, i.Message, risk) })];
    }

    private static void Person(List<FieldIssue> issues, RegisterSettings settings, string path, string? login)
    {
        if (!string.IsNullOrEmpty(login) && Rules.IsLogin(login) && settings.FindPerson(login) is null)
        {
            issues.Add(new FieldIssue(path, $"{path} names {login}, who is not among register.yaml's people"));
        }
    }
}
