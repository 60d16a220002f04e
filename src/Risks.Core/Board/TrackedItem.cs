using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Validation;

namespace Risks.Core.Board;

/// <summary>
/// An item the register tracks beside its risks, one file each, numbered: a board action or an
/// undertaking. Each has leads, a state (open until complete or closed, with a closing note), the
/// risks it bears on, and its facts as a board reads them (for comparing two versions).
/// </summary>
public interface ITrackedItem
{
    int Number { get; }

    /// <summary>What the item is called in a list: a board action's agenda item, an undertaking's title.</summary>
    string Title { get; }

    /// <summary>The logins of the people who lead it.</summary>
    IReadOnlyList<string> Leads { get; }

    bool IsOpen { get; }

    /// <summary>The ids of the risks it bears on.</summary>
    IReadOnlyList<string> Risks { get; }

    /// <summary>The rules the item keeps, against the register's people and risks.</summary>
    IReadOnlyList<FieldIssue> Problems(RegisterSettings settings, IReadOnlySet<string> riskIdentities);

    /// <summary>Its facts in the board's words, labelled, in order: what a comparison of two versions compares.</summary>
    IReadOnlyList<(string Label, string Value)> Facts(RegisterSettings settings);
}

/// <summary>The rules every tracked item shares: its number, known leads and risks, and what closing one needs.</summary>
public static class TrackedRules
{
    public static void Common(List<FieldIssue> issues, ITrackedItem item, RegisterSettings settings, IReadOnlySet<string> riskIdentities)
    {
        if (item.Number < 1)
        {
            issues.Add(new FieldIssue("number", $"number must be a whole number from 1, found {item.Number}"));
        }

        for (var i = 0; i < item.Leads.Count; i++)
        {
            if (settings.FindPerson(item.Leads[i]) is null)
            {
                issues.Add(new FieldIssue($"leads[{i}]", $"lead {Text.Quote(item.Leads[i])} is not among register.yaml's people"));
            }
        }

        for (var i = 0; i < item.Risks.Count; i++)
        {
            if (!RiskId.TryParse(item.Risks[i], out var id) || !riskIdentities.Contains(id.Identity))
            {
                issues.Add(new FieldIssue($"risks[{i}]", $"risk {Text.Quote(item.Risks[i])} is not in the register"));
            }
        }
    }

    /// <summary>A closed item has the date it closed and a closing note; an open one has neither.</summary>
    public static void Closing(List<FieldIssue> issues, bool isOpen, string status, string noun, DateOnly? closed, string? closingNote)
    {
        if (isOpen && (closed is not null || closingNote is not null))
        {
            issues.Add(new FieldIssue("closed", $"closed and closing_note are only for a finished {noun}; status is {status}"));
        }

        if (!isOpen && closed is null)
        {
            issues.Add(new FieldIssue("closed", $"closed is required for a {status} {noun}: the date") { IsMissing = true });
        }

        if (!isOpen && string.IsNullOrWhiteSpace(closingNote))
        {
            issues.Add(new FieldIssue("closing_note", $"closing_note is required for a {status} {noun}: what was done, or why it is closed") { IsMissing = true });
        }
    }

    /// <summary>Names for a list of logins: "Sarah O'Connor and Ravi Jarvis", or "none".</summary>
    public static string Names(IReadOnlyList<string> logins, RegisterSettings settings) =>
        logins.Count == 0 ? "none" : Text.All([.. logins.Select(settings.NameOf)]);
}

/// <summary>
/// What changed between two versions of a tracked item, in the board's words: each fact added,
/// removed or changed ("deadline: 30 Apr 2025 → 31 May 2025", "update of 13 Mar 2025: ... (added)").
/// </summary>
public static class TrackedChanges
{
    public static IReadOnlyList<string> Describe(ITrackedItem? before, ITrackedItem? after, RegisterSettings settings)
    {
        var old = (before?.Facts(settings) ?? []).Where(f => f.Value.Length > 0).ToList();
        var now = (after?.Facts(settings) ?? []).Where(f => f.Value.Length > 0).ToList();
        var lines = new List<string>();
        foreach (var (label, value) in now)
        {
            var was = old.FirstOrDefault(f => f.Label == label);
            if (was.Label is null)
            {
                lines.Add($"{label}: {Text.Brief(OneLine(value), 100)} (added)");
            }
            else if (was.Value != value)
            {
                lines.Add($"{label}: {Text.Brief(OneLine(was.Value), 60)} → {Text.Brief(OneLine(value), 60)}");
            }
        }

        lines.AddRange(old.Where(f => now.All(n => n.Label != f.Label)).Select(f => $"{f.Label} removed (was {Text.Brief(OneLine(f.Value), 60)})"));
        return lines;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
