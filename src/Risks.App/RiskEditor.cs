using Risks.Core.Access;
using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Git;

namespace Risks.App;

/// <summary>What a save did, for the screen to show.</summary>
public abstract record SaveResult
{
    private SaveResult()
    {
    }

    public sealed record Saved(string Commit, string Headline) : SaveResult;

    public sealed record Unchanged : SaveResult;

    /// <summary>The person may not save this risk; <see cref="Reason"/> says why.</summary>
    public sealed record NotAllowed(string Reason) : SaveResult;

    /// <summary>A change of score needs a reason.</summary>
    public sealed record NeedsReason(string Message) : SaveResult;

    public sealed record Invalid(IReadOnlyList<string> Problems) : SaveResult;

    /// <summary>Someone else saved the risk since it was opened: both versions, to re-apply the edits on theirs.</summary>
    public sealed record Conflict(string Message, Risk? Theirs, IReadOnlyList<FieldChange> TheirChanges, IReadOnlyList<FieldChange> MyChanges) : SaveResult;
}

/// <summary>
/// One risk open on the risk screen: the version read, the edits made to it (the draft), what is
/// wrong with the draft in <c>risks check</c>'s words, and saving it as one commit. Edits are
/// never lost: a save refused for any reason leaves the draft as it was.
/// </summary>
public sealed class RiskEditor
{
    private readonly Session _session;
    private SaveResult.Conflict? _conflict;
    private StoredRisk? _theirs;

    public RiskEditor(Session session, StoredRisk stored)
    {
        _session = session;
        Original = stored.Risk;
        Draft = stored.Risk;
        Version = stored.Version;
    }

    private RiskEditor(Session session, Risk risk)
    {
        _session = session;
        Original = risk;
        Draft = risk;
        IsNew = true;
    }

    /// <summary>
    /// The risk screen for <paramref name="stored"/>: when a sync left an edit of it to resolve
    /// (both sides changed the same field), it opens with that edit re-applied on the register's
    /// version, the fields both changed listed in <see cref="Overlaps"/>, ready to review and save.
    /// </summary>
    public static RiskEditor For(Session session, StoredRisk stored)
    {
        if (session.DraftOf(stored.Risk.Id) is { } draft)
        {
            return Restore(session, draft);
        }

        var editor = new RiskEditor(session, stored);
        if (session.PendingEdits.FirstOrDefault(p => p.Id.Identity == stored.Risk.Id.Identity) is { } pending)
        {
            var merged = pending.Base is null ? new MergeResult(pending.Mine, pending.Fields) : RiskMerge.Reapply(pending.Base, pending.Mine, stored.Risk);
            editor.Draft = merged.Merged;
            editor.Overlaps = merged.Overlaps;
            editor.Pending = pending;
        }

        return editor;
    }

    /// <summary>
    /// The risk screen for a draft kept from an earlier session (the program stopped before its
    /// edits were saved): the edits are put back on the risk as the register holds it now,
    /// re-applied field by field if someone saved it meanwhile (<see cref="Overlaps"/> then names
    /// the fields both changed). A new risk whose id has since been taken gets the next free id.
    /// </summary>
    public static RiskEditor Restore(Session session, Draft draft)
    {
        RiskEditor editor;
        var stored = session.Snapshot.Find(draft.Id);
        if (draft.Base is null || stored is null)
        {
            var mine = draft.Mine;
            if (stored is not null)
            {
                mine = mine with { Id = NextId(session, mine.Id.Prefix) };
                session.Register.Drafts.Drop(session.Login, draft.Id);
            }

            editor = new RiskEditor(session, Blank(mine.Id, mine.Kind)) { Draft = mine };
        }
        else
        {
            editor = new RiskEditor(session, stored);
            if (string.Equals(stored.Version, draft.BaseVersion, StringComparison.Ordinal))
            {
                editor.Draft = draft.Mine;
            }
            else
            {
                var merged = RiskMerge.Reapply(draft.Base, draft.Mine, stored.Risk);
                editor.Draft = merged.Merged;
                editor.Overlaps = merged.Overlaps;
            }
        }

        editor.Restored = draft;
        editor.KeepDraft();
        return editor;
    }

    /// <summary>The draft this editor was opened from, kept by an earlier session; null otherwise.</summary>
    public Draft? Restored { get; private set; }

    /// <summary>Why the unsaved edits could not be kept as a draft just now (the disk is full, say); null when they were.</summary>
    public string? DraftProblem { get; private set; }

    /// <summary>The edit a sync left for this risk, re-applied in the draft; null when there is none.</summary>
    public PendingEdit? Pending { get; private set; }

    /// <summary>
    /// A new risk with the next free number after <paramref name="prefix"/>'s highest, holding
    /// nothing but its id, kind and status: no owner, score or review date until someone sets
    /// them, so its first commit records only what was entered.
    /// </summary>
    public static RiskEditor New(Session session, RiskKind kind, string prefix) =>
        new(session, Blank(NextId(session, prefix), kind));

    /// <summary>A new risk as it starts: its id, kind and status, and nothing anyone has not chosen.</summary>
    private static Risk Blank(RiskId id, RiskKind kind) => new() { Id = id, Kind = kind, Status = RiskStatus.Open };

    /// <summary>The next free id after <paramref name="prefix"/>'s highest, as wide as the others.</summary>
    private static RiskId NextId(Session session, string prefix)
    {
        var highest = session.Snapshot.Risks.Select(s => s.Risk.Id)
            .Concat(session.Snapshot.InvalidFiles.Select(RegisterLayout.Parse).OfType<(RiskId Id, bool InPlace)>().Select(p => p.Id))
            .Where(id => id.Prefix == prefix)
            .Select(id => id.Number)
            .DefaultIfEmpty(0)
            .Max();
        var width = session.Snapshot.Risks.Where(s => s.Risk.Id.Prefix == prefix).Select(s => s.Risk.Id.Value.Length - prefix.Length - 1).DefaultIfEmpty(2).Max();
        return RiskId.Parse($"{prefix}-{(highest + 1).ToString($"D{width}", System.Globalization.CultureInfo.InvariantCulture)}");
    }

    /// <summary>The risk as last read or saved.</summary>
    public Risk Original { get; private set; }

    /// <summary>The risk with the edits made so far.</summary>
    public Risk Draft { get; private set; }

    /// <summary>The version of the file that was read: a save checks it is still the version on disk.</summary>
    public string? Version { get; private set; }

    public bool IsNew { get; private set; }

    /// <summary>Fields both the person and someone else changed, after <see cref="Reapply"/>: theirs was replaced by the person's.</summary>
    public IReadOnlyList<string> Overlaps { get; private set; } = [];

    public RiskId Id => Draft.Id;

    /// <summary>Someone else saved this risk since it was read (as far as the session last read the register).</summary>
    public bool ChangedElsewhere => !IsNew && !string.Equals(_session.Snapshot.Find(Draft.Id)?.Version, Version, StringComparison.Ordinal);

    /// <summary>Whether the person may change this risk, and if not, why.</summary>
    public Permission Permission => IsNew ? _session.Access.Create() : _session.Access.Edit(Original);

    public IReadOnlyList<FieldChange> Changes => RiskComparer.Compare(IsNew ? null : Original, Draft, _session.Settings);

    public bool IsDirty => IsNew || Changes.Count > 0;

    /// <summary>The change in the board's words: the first line of the commit the save makes.</summary>
    public string Headline => ChangeSummary.Headline(IsNew ? null : Original, Draft, Changes);

    /// <summary>A change to a score needs a reason.</summary>
    public bool ReasonRequired => Changes.Any(c => c.Field.Split('.')[0] is "current" or "target" or "inherent");

    /// <summary>What is wrong with the draft, by field path, as <c>risks check</c> would say it.</summary>
    public IReadOnlyList<FieldIssue> Issues
    {
        get
        {
            var known = _session.Snapshot.Risks.Select(s => s.Risk.Id.Identity)
                .Concat(_session.Snapshot.InvalidFiles.Select(RegisterLayout.Parse).OfType<(RiskId Id, bool InPlace)>().Select(p => p.Id.Identity))
                .Append(Draft.Id.Identity)
                .ToHashSet(StringComparer.Ordinal);
            return [.. RiskValidator.Validate(Draft), .. RegisterValidator.CrossCheck(Draft, _session.Settings, known)];
        }
    }

    /// <summary>The rows of the risk screen, each with the issues that belong to it.</summary>
    public IReadOnlyList<FieldRow> Rows()
    {
        var rows = RiskFields.Rows(Draft, _session.Settings, _session.Snapshot.Risks.Select(s => s.Risk.Id)).ToList();
        var issues = new Dictionary<int, List<string>>();
        foreach (var issue in Issues)
        {
            var at = RowFor(rows, issue.Path);
            if (!issues.TryGetValue(at, out var list))
            {
                issues[at] = list = [];
            }

            list.Add(issue.Message);
        }

        foreach (var (index, messages) in issues)
        {
            rows[index] = rows[index] with { Issues = messages };
        }

        foreach (var breach in Breaches.GroupBy(b => RowFor(rows, b.Path)))
        {
            rows[breach.Key] = rows[breach.Key] with { Breaches = [.. breach.Select(b => $"[{b.Rule}] {Vocabulary.Word(b.Severity)}: {b.Message}")] };
        }

        return rows;
    }

    /// <summary>
    /// The BAF rules the draft breaks (<c>risks check --baf</c>), as the register's settings set
    /// them. Judged beside the register's strategic risks, whose links count for an operational one.
    /// </summary>
    public IReadOnlyList<Finding> Breaches
    {
        get
        {
            if (!_session.Snapshot.SettingsValid)
            {
                return [];
            }

            var strategic = _session.Snapshot.Risks.Select(s => s.Risk).Where(r => r.Kind == RiskKind.Strategic && r.Id.Identity != Draft.Id.Identity);
            return BafCheck.For(Draft.Id, BafCheck.Run([Draft, .. strategic], _session.Settings, _session.Today));
        }
    }

    /// <summary>Sets a field from what was typed or chosen. Returns null, or why it cannot be set (nothing changes then).</summary>
    public string? Edit(string path, string input)
    {
        if (!Permission.Allowed)
        {
            return Permission.Reason;
        }

        var (changed, error) = RiskFields.Set(Draft, path, input, _session.Settings);
        if (changed is null)
        {
            return error;
        }

        Draft = changed;
        KeepDraft();
        return null;
    }

    /// <summary>Adds an item to a list, after <paramref name="after"/> or at the end. Returns why not, or null.</summary>
    public string? AddItem(string list, int? after, out int index)
    {
        index = -1;
        if (!Permission.Allowed)
        {
            return Permission.Reason;
        }

        (Draft, index) = RiskFields.AddItem(Draft, list, after, _session.Today);
        KeepDraft();
        return null;
    }

    public string? RemoveItem(string list, int index)
    {
        if (!Permission.Allowed)
        {
            return Permission.Reason;
        }

        Draft = RiskFields.RemoveItem(Draft, list, index);
        KeepDraft();
        return null;
    }

    public string? MoveItem(string list, int index, int step, out int to)
    {
        to = index;
        if (!Permission.Allowed)
        {
            return Permission.Reason;
        }

        (Draft, to) = RiskFields.MoveItem(Draft, list, index, step);
        KeepDraft();
        return null;
    }

    /// <summary>Throws away every edit not yet saved.</summary>
    public void Discard()
    {
        // Throwing away an edit a sync left is a decision only someone who could have saved it makes.
        var decided = IsDirty && Permission.Allowed;
        Draft = Original;
        Overlaps = [];
        KeepDraft();
        if (decided)
        {
            Settled();
        }
    }

    /// <summary>An edit left by a sync is done with once saved or discarded (its commit stays under refs/risks/before-sync/).</summary>
    private void Settled()
    {
        if (Pending is not null)
        {
            _session.Register.Sync.ResolvePending(Pending.Id);
            _session.Reload();
            Pending = null;
        }
    }

    /// <summary>
    /// Saves the draft as one commit by the person logged in, with <paramref name="reason"/>.
    /// Refused, with the draft kept, when the person may not, a score changed without a reason,
    /// the draft is invalid, or someone else saved the risk meanwhile.
    /// </summary>
    /// <summary>Where the risk's sign-off stands, as saved: signed off, lapsed since, or not signed off.</summary>
    public SignOffState SignOffState
    {
        get
        {
            // Read from the history once per version saved, not at every redraw of the screen.
            if (IsNew)
            {
                return SignOffState.None;
            }

            if (_signOff is not { } known || !ReferenceEquals(known.Of, Original))
            {
                _signOff = known = (Original, _session.Register.SignOffs.StateOf(Original, _session.Settings));
            }

            return known.State;
        }
    }

    private (Risk Of, SignOffState State)? _signOff;

    /// <summary>
    /// Signs the risk off, as saved, as the person logged in: one commit naming the version signed.
    /// Edits not yet saved must be saved or undone first, as the sign-off names what is saved.
    /// </summary>
    public SaveResult SignOff(string? note)
    {
        if (IsNew || IsDirty)
        {
            return new SaveResult.NotAllowed("save or undo your edits first: a sign-off names the version saved");
        }

        var permission = _session.Access.SignOff(Original);
        if (!permission.Allowed || _session.Author is not { } author)
        {
            return new SaveResult.NotAllowed(permission.Allowed ? _session.Access.Describe() : permission.Reason);
        }

        var stored = _session.Snapshot.Find(Draft.Id);
        if (stored is null || stored.Version != Version)
        {
            return new SaveResult.NotAllowed("someone else has saved it since you opened it: close it and open it again to sign off what is there now");
        }

        switch (_session.Register.SignOffs.Sign(stored, _session.Login, note, _session.Settings, author, _session.Today))
        {
            case SaveOutcome.Saved saved:
                _session.Reload();
                Original = _session.Snapshot.Find(Draft.Id)?.Risk ?? Original;
                Draft = Original;
                Version = saved.Version;
                return new SaveResult.Saved(saved.Commit, saved.Headline);
            case SaveOutcome.Unchanged:
                return new SaveResult.Unchanged();
            case SaveOutcome.Conflict conflict:
                return new SaveResult.NotAllowed(conflict.Message);
            case SaveOutcome.Invalid invalid:
                return new SaveResult.Invalid(invalid.Problems);
            default:
                return new SaveResult.Unchanged();
        }
    }

    public SaveResult Save(string? reason)
    {
        if (!Permission.Allowed || _session.Author is not { } author)
        {
            return new SaveResult.NotAllowed(Permission.Allowed ? _session.Access.Describe() : Permission.Reason);
        }

        if (!IsDirty)
        {
            return new SaveResult.Unchanged();
        }

        if (ReasonRequired && string.IsNullOrWhiteSpace(reason))
        {
            return new SaveResult.NeedsReason("A change of score needs a reason: say why the score moved.");
        }

        var issues = Issues;
        if (issues.Count > 0)
        {
            return new SaveResult.Invalid(issues.Select(i => i.Message).ToList());
        }

        // Judged again at the moment of saving, against register.yaml and the risk as committed now.
        var allowed = _session.Gate.Save(Draft);
        if (!allowed.Allowed)
        {
            return new SaveResult.NotAllowed(allowed.Reason);
        }

        var outcome = _session.Register.Saves.Save(Draft, IsNew ? null : Version, reason, author, _session.Settings);
        switch (outcome)
        {
            case SaveOutcome.Saved saved:
                _session.Reload();
                Original = _session.Snapshot.Find(Draft.Id)?.Risk ?? Draft;
                Draft = Original;
                Version = saved.Version;
                IsNew = false;
                Overlaps = [];
                _conflict = null;
                Settled();
                KeepDraft();
                return new SaveResult.Saved(saved.Commit, saved.Headline);
            case SaveOutcome.Unchanged:
                _session.Reload();
                if (_session.Snapshot.Find(Draft.Id) is { } now)
                {
                    Original = now.Risk;
                    Version = now.Version;
                    IsNew = false;
                }

                Settled();
                KeepDraft();
                return new SaveResult.Unchanged();
            case SaveOutcome.Invalid invalid:
                return new SaveResult.Invalid(invalid.Problems);
            case SaveOutcome.Conflict conflict:
                return Conflicted(conflict.Message);
            default:
                throw new InvalidOperationException($"unknown save outcome {outcome}");
        }
    }

    /// <summary>
    /// After a conflict: takes the version someone else saved as the new starting point and
    /// re-applies this person's edits on top, field by field. Returns the fields both changed.
    /// </summary>
    public IReadOnlyList<string> Reapply()
    {
        if (_conflict is null)
        {
            return [];
        }

        if (_theirs is null)
        {
            // The file is gone or cannot be read: the edits become a new file in its place.
            IsNew = true;
            Version = null;
            _conflict = null;
            return [];
        }

        var merged = RiskMerge.Reapply(Original, Draft, _theirs.Risk);
        Original = _theirs.Risk;
        Version = _theirs.Version;
        Draft = merged.Merged;
        Overlaps = merged.Overlaps;
        _conflict = null;
        _theirs = null;
        KeepDraft();
        return Overlaps;
    }

    /// <summary>
    /// Keeps the unsaved edits as the person's draft of this risk (under the register's .git), or
    /// forgets the draft when there are none, so that if the program stops before a save the edits
    /// are offered back on the next start. Never throws: a draft that cannot be written is said in
    /// <see cref="DraftProblem"/>, and the edits stay on screen.
    /// </summary>
    private void KeepDraft()
    {
        if (!Permission.Allowed || !Core.Validation.Rules.IsLogin(_session.Login))
        {
            return;
        }

        try
        {
            if (RiskComparer.Compare(Original, Draft).Count > 0)
            {
                _session.Register.Drafts.Keep(_session.Login, new Draft(Draft.Id, IsNew ? null : Original, IsNew ? null : Version, Draft, _session.Clock.GetUtcNow()));
            }
            else
            {
                _session.Register.Drafts.Drop(_session.Login, Draft.Id);
            }

            DraftProblem = null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            DraftProblem = $"your edits could not be kept as a draft ({ex.Message}); save them soon";
        }
    }

    private SaveResult.Conflict Conflicted(string message)
    {
        _session.Reload();
        _theirs = _session.Snapshot.Find(Draft.Id);
        var theirs = _theirs?.Risk;
        var theirChanges = theirs is null ? [] : RiskComparer.Compare(IsNew ? null : Original, theirs, _session.Settings);
        _conflict = new SaveResult.Conflict(message, theirs, theirChanges, Changes);
        return _conflict;
    }

    /// <summary>The row an issue belongs to: the row with its path, else the first row under the nearest enclosing path.</summary>
    private static int RowFor(List<FieldRow> rows, string path)
    {
        for (var p = path; p.Length > 0; p = FieldPath.Parent(p))
        {
            var exact = rows.FindIndex(r => r.Path == p);
            if (exact >= 0)
            {
                return exact;
            }

            var under = rows.FindIndex(r => r.Path.StartsWith(p + ".", StringComparison.Ordinal) || r.Path.StartsWith(p + "[", StringComparison.Ordinal));
            if (under >= 0)
            {
                return under;
            }
        }

        return 0;
    }
}
