using Risks.Core.Domain;

namespace Risks.Core.Validation;

/// <summary>
/// The rules that tie risks to <c>register.yaml</c> and to each other: people, objectives,
/// categories and links must exist, and no two risks may share an id.
/// </summary>
public static class RegisterValidator
{
    /// <summary>Each settings' people, objectives, categories and own fields, looked up by key: a register's load checks 10,000 risks against one settings.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RegisterSettings, Lookup> Lookups = new();

    public static IReadOnlyList<FieldIssue> CrossCheck(Risk risk, RegisterSettings settings, IReadOnlySet<string> knownIdentities)
    {
        var lookup = Lookups.GetValue(settings, s => new Lookup(s));
        var issues = new List<FieldIssue>();
        Person(issues, lookup, "owner", risk.Owner);
        for (var i = 0; i < risk.Leads.Count; i++)
        {
            if (lookup.IsUnknownPerson(risk.Leads[i]))
            {
                Person(issues, lookup, $"leads[{i}]", risk.Leads[i]);
            }
        }

        for (var i = 0; i < risk.LeadRemits.Count; i++)
        {
            var lead = risk.LeadRemits[i].Lead;
            if (lead.Length > 0 && lookup.IsUnknownPerson(lead))
            {
                Person(issues, lookup, $"lead_remits[{i}].lead", lead);
            }
            else if (lead.Length > 0 && lead != risk.Owner && !risk.Leads.Contains(lead, StringComparer.Ordinal))
            {
                issues.Add(new FieldIssue($"lead_remits[{i}].lead", $"lead_remits[{i}].lead is {lead}, who is neither the owner nor one of the leads; a remit is the owner's or a lead's"));
            }
        }

        if (settings.Categories.Count > 0 && risk.Category is { } category
            && !lookup.Categories.Contains(category))
        {
            issues.Add(new FieldIssue("category", $"category must be one of register.yaml's categories ({Text.OneOf(settings.Categories)}), found {Text.Quote(category)}"));
        }

        for (var i = 0; i < risk.Objectives.Count; i++)
        {
            if (!lookup.Objectives.Contains(risk.Objectives[i]))
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
            if (lookup.IsUnknownPerson(risk.Controls[i].Owner))
            {
                Person(issues, lookup, $"controls[{i}].owner", risk.Controls[i].Owner);
            }
        }

        for (var i = 0; i < risk.Actions.Count; i++)
        {
            if (lookup.IsUnknownPerson(risk.Actions[i].Owner))
            {
                Person(issues, lookup, $"actions[{i}].owner", risk.Actions[i].Owner);
            }
        }

        Person(issues, lookup, "last_reviewed.by", risk.LastReviewed?.By);
        var reworded = issues.Count == 0 ? issues : issues.Select(i => i with { Message = FieldNames.Reword(i.Path, i.Message, risk) }).ToList();
        if (risk.Custom.Count > 0 || settings.CustomFields.Count > 0)
        {
            Custom(reworded, risk, settings, lookup);
        }

        return reworded;
    }

    /// <summary>
    /// The register's own fields on a risk: each key must be declared in <c>register.yaml</c>, each
    /// value one the declaration allows, and a field required for the risk's kind given. A value
    /// that breaks a rule is reported and kept, never dropped.
    /// </summary>
    private static void Custom(List<FieldIssue> issues, Risk risk, RegisterSettings settings, Lookup lookup)
    {
        foreach (var (key, value) in risk.Custom.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var path = $"{Schema.RiskSchema.CustomKey}.{key}";
            if (settings.FindCustomField(key) is not { } declared)
            {
                var known = settings.CustomFields.Select(f => f.Key).ToList();
                issues.Add(new FieldIssue(path, $"{path} is not one of register.yaml's custom_fields ({(known.Count == 0 ? "it declares none" : Text.OneOf(known))}): declare it, or remove the value"));
                continue;
            }

            var field = lookup.CustomParts[declared.Key];
            if (!field.IsList && value.IsList)
            {
                issues.Add(new FieldIssue(path, $"{field.Label} must be one value, found a list of {value.Items!.Count}"));
                continue;
            }

            var entries = value.Items ?? [value.Text ?? ""];
            for (var i = 0; i < entries.Count; i++)
            {
                var at = value.IsList ? $"{path}[{i}]" : path;
                var name = value.IsList ? $"{field.Label} {i + 1}" : field.Label;
                CustomValue(issues, settings, field, at, name, entries[i]);
            }
        }

        foreach (var field in lookup.CustomParts.Values.Where(f => !f.Retired && f.IsRequiredFor(risk.Kind) && !risk.Custom.ContainsKey(f.Key)))
        {
            issues.Add(new FieldIssue(field.Path, $"{field.Label} is required for {(field.Required == Schema.Requirement.Always ? "every" : "a " + Vocabulary.Word(risk.Kind))} risk") { IsMissing = true });
        }
    }

    private static void CustomValue(List<FieldIssue> issues, RegisterSettings settings, Schema.Field field, string path, string name, string value)
    {
        var text = new List<FieldIssue>();
        Rules.CheckText(text, path, value, multiLine: field.Type == Schema.FieldType.LongText);
        issues.AddRange(text.Select(i => i with { Message = name + i.Message[path.Length..] }));
        if (text.Count > 0)
        {
            return;
        }

        if (Schema.FieldValues.Expected(field, value, settings) is { } expected)
        {
            issues.Add(new FieldIssue(path, $"{name} must be {expected}, found {Text.Quote(value)}"));
        }
        else if (field.Type == Schema.FieldType.Person && !(Rules.IsLogin(value) && settings.FindPerson(value) is not null))
        {
            issues.Add(new FieldIssue(path, $"{name} names {value}, who is not among register.yaml's people"));
        }
    }

    private static void Person(List<FieldIssue> issues, Lookup lookup, string path, string? login)
    {
        if (lookup.IsUnknownPerson(login))
        {
            issues.Add(new FieldIssue(path, $"{path} names {login}, who is not among register.yaml's people"));
        }
    }

    /// <summary>One settings' keys, as sets, and its own fields as the schema declares them.</summary>
    private sealed class Lookup(RegisterSettings settings)
    {
        public HashSet<string> People { get; } = settings.People.Select(p => p.Login).ToHashSet(StringComparer.Ordinal);

        public HashSet<string> Objectives { get; } = settings.Objectives.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);

        public HashSet<string> Categories { get; } = settings.Categories.ToHashSet(StringComparer.OrdinalIgnoreCase);

        /// <summary>The declared own fields by key, in their declared order.</summary>
        public IReadOnlyDictionary<string, Schema.Field> CustomParts { get; } =
            settings.CustomFields.DistinctBy(f => f.Key).ToDictionary(f => f.Key, Schema.RiskSchema.CustomPart, StringComparer.Ordinal);

        /// <summary>A login, well formed, of nobody among the people (a malformed one is the risk's own check).</summary>
        public bool IsUnknownPerson(string? login) =>
            !string.IsNullOrEmpty(login) && !People.Contains(login) && Rules.IsLogin(login);
    }
}
