using Risks.Core.Presentation;
using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Core.Board;

/// <summary>Where a board action stands: open or in progress until it is complete or closed (each with a date and a closing note).</summary>
public enum BoardActionStatus { Open, InProgress, Complete, Closed }

/// <summary>A dated update on a board action's progress.</summary>
public sealed record BoardActionUpdate(DateOnly Date, string Text);

/// <summary>
/// One action from the board's action log, as the board minutes record it: its number, the
/// meeting and agenda item it came from, what is to be done, who leads it and by when, dated
/// updates, where it stands, and the risks it bears on.
/// </summary>
public sealed record BoardAction : ITrackedItem
{
    public int Number { get; init; }

    /// <summary>The board meeting the action was agreed at.</summary>
    public DateOnly? Meeting { get; init; }

    /// <summary>The agenda item's number at that meeting, as the minutes give it ("7", "12b").</summary>
    public string? AgendaItem { get; init; }

    /// <summary>The agenda item's title: "EDI High Impact Actions".</summary>
    public string Item { get; init; } = "";

    /// <summary>What is to be done.</summary>
    public string Action { get; init; } = "";

    /// <summary>The logins of the people who lead it.</summary>
    public IReadOnlyList<string> Leads { get; init; } = [];

    public DateOnly? Deadline { get; init; }

    public IReadOnlyList<BoardActionUpdate> Updates { get; init; } = [];

    public BoardActionStatus Status { get; init; }

    /// <summary>When it was completed or closed.</summary>
    public DateOnly? Closed { get; init; }

    /// <summary>Why it is complete or closed: required to close one.</summary>
    public string? ClosingNote { get; init; }

    /// <summary>The ids of the risks it bears on.</summary>
    public IReadOnlyList<string> Risks { get; init; } = [];

    public bool IsOpen => Status is BoardActionStatus.Open or BoardActionStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && Deadline is { } deadline && deadline < today;

    string ITrackedItem.Title => Item;

    /// <summary>The rules a board action keeps, against the register's people and risks.</summary>
    public IReadOnlyList<FieldIssue> Problems(RegisterSettings settings, IReadOnlySet<string> riskIdentities)
    {
        var issues = new List<FieldIssue>();
        TrackedRules.Common(issues, this, settings, riskIdentities);
        if (string.IsNullOrWhiteSpace(Item))
        {
            issues.Add(new FieldIssue("item", "item is required: the agenda item's title") { IsMissing = true });
        }

        if (string.IsNullOrWhiteSpace(Action))
        {
            issues.Add(new FieldIssue("action", "action is required: what is to be done") { IsMissing = true });
        }

        Rules.CheckText(issues, "item", Item, multiLine: false);
        Rules.CheckText(issues, "action", Action, multiLine: true);
        TrackedRules.Closing(issues, IsOpen, Vocabulary.Word(Status), "action", Closed, ClosingNote);
        return issues;
    }

    public IReadOnlyList<(string Label, string Value)> Facts(RegisterSettings settings) =>
    [
        ("meeting", Formats.Date(Meeting)),
        ("agenda item", AgendaItem ?? ""),
        ("item", Item),
        ("action", Action),
        ("leads", Leads.Count == 0 ? "" : TrackedRules.Names(Leads, settings)),
        ("deadline", Formats.Date(Deadline)),
        ("status", Vocabulary.Phrase(Status)),
        ("closed", Formats.Date(Closed)),
        ("closing note", ClosingNote ?? ""),
        ("risks", string.Join(", ", Risks)),
        .. Updates.Select((u, i) => ($"update {i + 1} ({Formats.Date(u.Date)})", u.Text)),
    ];
}
