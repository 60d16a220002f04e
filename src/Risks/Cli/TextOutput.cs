using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Schema;
using Risks.Core.Scoring;

namespace Risks.Cli;

/// <summary>One risk, every field, as readable text.</summary>
internal static class TextOutput
{
    /// <summary>
    /// The fields laid out below by hand, by path. Every other field (the register's own, and any
    /// built-in field not named here) follows the review lines under its caption, and any other list
    /// of items follows the actions, each as the schema shows it, so no field goes unshown.
    /// </summary>
    public static readonly IReadOnlySet<string> Placed = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "kind", "title", "status", "category", "closure", "current", "inherent", "target", "target_date",
        "response", "trajectory", "owner", "leads", "lead_remits", "directorate", "committees", "objectives", "key_elements",
        "linked_risks", "external_refs", "last_reviewed", "next_review", "sign_off", "narrative", "performance",
        "controls", "gaps", "assurances", "actions",
    };

    /// <param name="fields">The fields of a risk; by default those of the register and of the risk (<see cref="RiskSchema.For(RegisterSettings?, Core.Domain.Risk)"/>).</param>
    public static void Risk(TextWriter o, RiskFacts facts, RegisterSettings settings, DateOnly today, string path, IReadOnlyList<Core.Schema.Field>? fields = null, Core.Changes.SignOffState? signOff = null)
    {
        fields ??= RiskSchema.For(settings, facts.Risk);
        var r = facts.Risk;
        var m = settings.Scoring;
        o.WriteLine($"{r.Id}  {r.Title}");
        o.WriteLine($"{Formats.Kind(r.Kind)} risk, {Vocabulary.Phrase(r.Status)}{(r.Category is null ? "" : $", {r.Category}")}   ({path})");
        if (r.Closure is { } closure)
        {
            o.WriteLine($"{Vocabulary.Phrase(r.Status)} {Formats.Date(closure.Date)}{(closure.MergedInto is null ? "" : $" into {closure.MergedInto}")}: {closure.Rationale}");
        }

        o.WriteLine();
        Field(o, "Current", Score(r.Current, m) + (facts.Band is null ? "" : $"  {Formats.Band(facts.Band)}"));
        Field(o, "Score basis", r.Current?.Rationale);
        Field(o, "Inherent", Score(r.Inherent, m));
        Field(o, "Basis", r.Inherent?.Rationale);
        Field(o, "Target", Score(r.Target, m) + (r.TargetDate is { } td ? $" by {Formats.Date(td)}" : ""));
        Field(o, "Basis", r.Target?.Rationale);
        if (facts.AboveTolerance)
        {
            Field(o, "Tolerance", "above the tolerance of " + string.Join(", ", facts.AboveToleranceOf.Select(x => $"{x.Id} ({x.Tolerance})")));
        }

        if (facts.OutsideTarget)
        {
            Field(o, "Target", facts.TargetDateMissed ? "not reached, and the target date has passed" : "not yet reached");
        }

        Field(o, "Response", r.Response is { } response ? Vocabulary.Phrase(response) : null);
        Field(o, "Trajectory", r.Trajectory is { } trajectory ? Vocabulary.Phrase(trajectory) : null);
        o.WriteLine();
        Field(o, "Owner", Person(settings, r.Owner));
        Field(o, "Leads", string.Join("; ", r.Leads.Select(l => Person(settings, l))));
        Field(o, "Lead remits", string.Join("; ", r.LeadRemits.Select(x => $"{x.Id} {settings.NameOf(x.Lead)}: {x.Text}")));
        Field(o, "Directorate", r.Directorate);
        Field(o, "Committees", string.Join("; ", r.Committees));
        Field(o, "Objectives", string.Join("; ", r.Objectives.Select(id => settings.FindObjective(id) is { } obj ? $"{id} {obj.ShortTitle}" : id)));
        Field(o, "Key elements", string.Join("; ", r.KeyElements));
        Field(o, "Linked risks", string.Join(", ", r.LinkedRisks.Concat(r.ExternalRefs)));
        Field(o, "Last reviewed", r.LastReviewed is { } review ? $"{Formats.Date(review.Date)} by {settings.NameOf(review.By)}" : null);
        Field(o, "Next review", r.NextReview is { } next ? $"{Formats.Date(next)} ({Formats.Due(next, today)})" : null);
        if (r.SignOff is { } made)
        {
            var state = signOff ?? new Core.Changes.SignOffState(Core.Changes.SignOffStatus.Current, made, []);
            Field(o, "Sign-off", $"{state.Describe(settings)} (version {made.Version}){(made.Note is { } note ? $": {note}" : "")}");
        }
        foreach (var (field, owner) in RiskSchema.Unplaced(fields, r, Placed))
        {
            Field(o, field.Caption, FieldValues.Show(field, owner, settings));
        }

        Section(o, "Narrative", [("Cause", r.Narrative.Cause), ("Event", r.Narrative.Event), ("Effect", r.Narrative.Effect)]);
        Section(o, "Performance against target", [("", r.Performance)]);
        List(o, "Controls", r.Controls.Select(c => (c.Id, c.Text, Join(c.Effectiveness is { } e ? Vocabulary.Phrase(e) : null, c.Owner is null ? null : settings.NameOf(c.Owner)))));
        List(o, "Gaps", r.Gaps.Select(g => (g.Id, g.Text, g.Type == GapType.Control ? "gap in control" : "gap in assurance")));
        List(o, "Assurances", r.Assurances.Select(a => (a.Id, a.Text, Join(
            a.Line is { } line ? $"line {line}" : null,
            a.Source is { } s ? Vocabulary.Phrase(s) : null,
            a.Rating is { } rating ? Vocabulary.Phrase(rating) : null,
            a.Outcome is { } outcome ? Vocabulary.Phrase(outcome) : null,
            a.Key ? "key" : null,
            Formats.Date(a.Date)))));
        List(o, "Actions", r.Actions.Select(a => (a.Id, a.Text + (a.Update is null ? "" : $"\nUpdate: {a.Update}"), Join(
            a.Owner is null ? null : settings.NameOf(a.Owner),
            Vocabulary.Phrase(a.Status),
            a.Completed is { } done ? $"done {Formats.Date(done)}" : a.Due is { } due ? $"due {Formats.Date(due)} ({Formats.Due(due, today)})" : "no date",
            a.IsOverdue(today) ? "OVERDUE" : null,
            a.Gap is { } gap ? $"for gap {gap}" : null))));
        foreach (var list in fields.Where(f => f.Type == FieldType.Items && !Placed.Contains(f.Path)))
        {
            var id = list.Parts.Single(p => p.Type == FieldType.ItemId);
            var text = list.Parts.FirstOrDefault(p => p.Key == "text");
            var others = list.Parts.Where(p => p != id && p != text).ToList();
            List(o, list.Caption, list.ItemsOf(r).Select(item => (
                id.Text(item) ?? "",
                text?.Text(item) ?? "",
                Join([.. others.Select(p => FieldValues.Show(p, item, settings) is { Length: > 0 } shown ? $"{p.Caption} {shown}" : null)]))));
        }
    }

    private static string Score(Score? score, ScoringMatrix m) =>
        score is null ? "" : $"{score}  (impact {m.DescribeImpact(score.Impact)}, likelihood {m.DescribeLikelihood(score.Likelihood)})";

    private static string Person(RegisterSettings settings, string login) =>
        settings.FindPerson(login) is { } p ? $"{p.Name}{(p.JobTitle is null ? "" : $", {p.JobTitle}")}" : login;

    private static string Join(params string?[] parts) => string.Join(", ", parts.Where(p => !string.IsNullOrEmpty(p)));

    private static void Field(TextWriter o, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            o.WriteLine($"{label + ":",-15}{value}");
        }
    }

    private static void Section(TextWriter o, string title, (string Label, string? Text)[] parts)
    {
        if (parts.All(p => string.IsNullOrWhiteSpace(p.Text)))
        {
            return;
        }

        o.WriteLine();
        o.WriteLine(title);
        foreach (var (label, text) in parts.Where(p => !string.IsNullOrWhiteSpace(p.Text)))
        {
            var lines = text!.Split('\n');
            var lead = label.Length > 0 ? $"  {label}: " : "  ";
            o.WriteLine(lead + lines[0]);
            foreach (var line in lines.Skip(1))
            {
                o.WriteLine(new string(' ', lead.Length) + line);
            }
        }
    }

    private static void List(TextWriter o, string title, IEnumerable<(string Id, string Text, string Detail)> items)
    {
        var all = items.ToList();
        if (all.Count == 0)
        {
            return;
        }

        o.WriteLine();
        o.WriteLine($"{title} ({all.Count})");
        foreach (var (id, text, detail) in all)
        {
            var lines = text.Split('\n');
            o.WriteLine($"  {id,-4} {lines[0]}");
            foreach (var line in lines.Skip(1))
            {
                o.WriteLine($"       {line}");
            }

            if (detail.Length > 0)
            {
                o.WriteLine($"       [{detail}]");
            }
        }
    }
}
