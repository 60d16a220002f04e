using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Core.Settings;

/// <summary>
/// What a change of settings would do to the register's risks: an objective, person or category
/// that risks still name, or a field of the register's own that risks hold values for, cannot vanish silently, and the register keeps a governance lead. Each
/// problem says which risks are affected and what to do instead.
/// </summary>
public static class SettingsImpact
{
    /// <summary>Why <paramref name="after"/> cannot replace <paramref name="before"/> for <paramref name="risks"/>; empty when it can.</summary>
    public static IReadOnlyList<string> Problems(RegisterSettings before, RegisterSettings after, IReadOnlyList<Risk> risks)
    {
        if (ReferenceEquals(before, after))
        {
            return [];
        }

        var problems = new List<string>();
        if (before.People.Any(p => p.Role == Role.GovernanceLead) && !after.People.Any(p => p.Role == Role.GovernanceLead))
        {
            problems.Add("the register needs at least one governance lead, or nobody could change its settings again: make someone else a governance lead first");
        }

        foreach (var gone in before.Objectives.Where(o => after.FindObjective(o.Id) is null))
        {
            var users = risks.Where(r => r.Objectives.Contains(gone.Id, StringComparer.Ordinal)).Select(r => r.Id.Value).ToList();
            if (users.Count > 0)
            {
                problems.Add($"objective {gone.Id} is named by {Some(users)}: retire it instead (it stays on those risks but is no longer offered), or take it off them first");
            }
        }

        foreach (var gone in before.CustomFields.Where(f => after.FindCustomField(f.Key) is null))
        {
            var users = risks.Where(r => r.Custom.ContainsKey(gone.Key)).Select(r => r.Id.Value).ToList();
            if (users.Count > 0)
            {
                problems.Add($"custom field {gone.Key} ({gone.Label}) has values on {Some(users)}: retire it instead (the values stay on those risks but it is no longer offered), or clear it on them first");
            }
        }

        foreach (var gone in before.People.Where(p => after.FindPerson(p.Login) is null))
        {
            var uses = risks.SelectMany(r => Uses(r, gone.Login).Select(use => $"{r.Id} ({use})")).ToList();
            if (uses.Count > 0)
            {
                problems.Add($"{gone.Name} ({gone.Login}) is named on {Some(uses)}: give those to someone else first, or change their role to reviewer instead");
            }
        }

        if (after.Categories.Count > 0)
        {
            foreach (var gone in before.Categories.Where(c => !after.Categories.Contains(c, StringComparer.OrdinalIgnoreCase)))
            {
                var users = risks.Where(r => string.Equals(r.Category, gone, StringComparison.OrdinalIgnoreCase)).Select(r => r.Id.Value).ToList();
                if (users.Count > 0)
                {
                    problems.Add($"category {gone} is used by {Some(users)}: change their category first");
                }
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        // Anything else a risk would no longer fit (a category list given where there was none, say).
        // The register's own fields are not among them: a field made required, or a choice taken away,
        // leaves the risks' values as they are, for their owners to fill in or change (see Notes).
        problems.AddRange(NewIssues(before, after, risks, custom: false));
        return problems;
    }

    /// <summary>
    /// What a change of settings leaves for the risks' owners to do in the register's own fields,
    /// which does not stop it: "BAF-01: CQC domain is required for a strategic risk". <c>risks check</c>
    /// and the risk screen report each until it is done; the values themselves are kept.
    /// </summary>
    public static IReadOnlyList<string> Notes(RegisterSettings before, RegisterSettings after, IReadOnlyList<Risk> risks) =>
        ReferenceEquals(before, after) ? [] : NewIssues(before, after, risks, custom: true);

    private static List<string> NewIssues(RegisterSettings before, RegisterSettings after, IReadOnlyList<Risk> risks, bool custom)
    {
        var issues = new List<string>();
        var known = risks.Select(r => r.Id.Identity).ToHashSet(StringComparer.Ordinal);
        foreach (var risk in risks)
        {
            var was = RegisterValidator.CrossCheck(risk, before, known).Select(i => i.Message).ToHashSet(StringComparer.Ordinal);
            issues.AddRange(RegisterValidator.CrossCheck(risk, after, known)
                .Where(i => IsCustom(i.Path) == custom && !was.Contains(i.Message))
                .Select(i => $"{risk.Id}: {i.Message}"));
        }

        return issues;
    }

    private static bool IsCustom(string path) =>
        path == Schema.RiskSchema.CustomKey || path.StartsWith(Schema.RiskSchema.CustomKey + ".", StringComparison.Ordinal);

    /// <summary>Where a risk names <paramref name="login"/>: "owner", "lead", "action A2 owner".</summary>
    public static IEnumerable<string> Uses(Risk risk, string login)
    {
        if (risk.Owner == login)
        {
            yield return "owner";
        }

        if (risk.Leads.Contains(login, StringComparer.Ordinal))
        {
            yield return "lead";
        }

        foreach (var control in risk.Controls.Where(c => c.Owner == login))
        {
            yield return $"control {control.Id} owner";
        }

        foreach (var action in risk.Actions.Where(a => a.Owner == login))
        {
            yield return $"action {action.Id} owner";
        }

        if (risk.LastReviewed?.By == login)
        {
            yield return "last reviewer";
        }

        // A field of the register's own that holds the login (a person field).
        foreach (var (key, value) in risk.Custom.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (value.Text == login || (value.Items?.Contains(login, StringComparer.Ordinal) ?? false))
            {
                yield return key.Replace('_', ' ');
            }
        }
    }

    private static string Some(IReadOnlyList<string> items) =>
        items.Count <= 6 ? Text.All(items) : $"{string.Join(", ", items.Take(5))} and {items.Count - 5} more";
}
