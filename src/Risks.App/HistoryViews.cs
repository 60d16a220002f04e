using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Schema;
using Risks.Storage.Git;

namespace Risks.App;

/// <summary>
/// One risk's history as the History view and <c>risks log</c> show it: every commit that changed
/// it, newest first, with when (humanised and exact), who, the reason and the changes in the
/// board's words.
/// </summary>
public sealed class RiskHistoryView
{
    private readonly RegisterHistory _history;

    public RiskHistoryView(RegisterHistory history, RegisterSettings settings, RiskId id, DateTimeOffset now)
    {
        _history = history;
        Entries = history.Of(id, settings).Select(v => new HistoryEntry(v, now)).ToList();
        Id = Latest?.Id ?? id;
    }

    /// <summary>The risk's id as its file spells it (BAF-07, when BAF-7 was asked for).</summary>
    public RiskId Id { get; }

    private Risk? Latest => Entries.Select(e => e.Version.After ?? e.Version.Before).OfType<Risk>().FirstOrDefault();

    public IReadOnlyList<HistoryEntry> Entries { get; }

    /// <summary>The risk's title as last recorded.</summary>
    public string Title => Latest?.Title ?? "";

    /// <summary>The raw Git patch of the risk's file in <paramref name="entry"/>'s commit.</summary>
    public string Patch(HistoryEntry entry) => _history.Patch(entry.Version.Revision.Id, entry.Version.Path);

    public static RiskHistoryView For(Session session, RiskId id) =>
        new(session.Register.History, session.Settings, id, session.Clock.GetUtcNow());
}

/// <summary>One commit in a risk's history, ready to show.</summary>
public sealed record HistoryEntry(RiskVersion Version, DateTimeOffset Now)
{
    public Revision Revision => Version.Revision;

    /// <summary>"3 weeks ago".</summary>
    public string Ago => Formats.Ago(Revision.When, Now);

    /// <summary>"13 Mar 2025 10:02".</summary>
    public string Exact => Formats.Moment(Revision.When);

    public string Who => Revision.Author;

    public string ShortCommit => Revision.Id[..7];

    /// <summary>The changes in the board's words, field by field.</summary>
    public IReadOnlyList<string> Changes => Version.Changes.Select(c => c.Description).ToList();

    /// <summary>What to say of the commit's origin: nothing for the program's own saves.</summary>
    public string Origin => Version.ByProgram ? "" : "committed outside Risks";

    /// <summary>The one-line summary: the headline the commit gave, or for a commit without one, its first change.</summary>
    public string Headline => Revision.Headline.Length > 0 ? Revision.Headline : Changes.Count > 0 ? Changes[0] : "";

    /// <summary>The headline without the risk's id and title it starts with: "current score 12 -> 9".</summary>
    public string Change
    {
        get
        {
            var risk = Version.After ?? Version.Before;
            var prefix = risk is null ? null : $"{risk.Id} {risk.Title}: ";
            return prefix is not null && Headline.StartsWith(prefix, StringComparison.Ordinal) ? Headline[prefix.Length..] : Headline;
        }
    }
}

/// <summary>Who last changed each field of a risk, as the Blame view and <c>risks blame</c> show it.</summary>
public sealed class BlameView
{
    public BlameView(RegisterHistory history, RegisterSettings settings, RiskId id, DateTimeOffset now)
    {
        Id = id;
        Now = now;
        _settings = settings;
        Fields = history.Blame(id, settings);
    }

    private readonly RegisterSettings _settings;

    /// <summary>
    /// A field's value as people read it, as its field's type shows it (<see cref="FieldValues.Show"/>):
    /// logins (owners, leads, a person field of the register's own) as the people's names, dates
    /// as 30 Jun 2025; choices come already in words.
    /// </summary>
    public string Value(FieldOrigin field)
    {
        if (RiskSchema.Find(field.Field, _settings) is not { Type: not (FieldType.Choice or FieldType.YesNo) } declared)
        {
            return field.Value;
        }

        return declared.IsList
            ? string.Join(", ", field.Value.Split(", ").Select(v => FieldValues.Show(declared, v, _settings)))
            : FieldValues.Show(declared, field.Value, _settings);
    }

    public RiskId Id { get; }

    public DateTimeOffset Now { get; }

    public IReadOnlyList<FieldOrigin> Fields { get; }

    public static BlameView For(Session session, RiskId id) =>
        new(session.Register.History, session.Settings, id, session.Clock.GetUtcNow());
}
