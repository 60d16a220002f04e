using System.Globalization;
using System.Text.RegularExpressions;
using Risks.Core.Access;
using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Settings;
using Risks.Core.Validation;
using Risks.Storage.Git;

namespace Risks.App;

/// <summary>
/// The Settings screen: register.yaml as read (organisation, objectives, people and roles,
/// categories, the scoring words, RAG bands, partner organisations' red risks and the register's own fields), the edits made
/// to it, what is wrong with them in <c>risks check</c>'s words, and saving them as one commit with
/// a reason. Governance leads only; others read it, told why. Edits are never lost: a save refused
/// for any reason leaves them as they were, and after someone else's save they are replayed on theirs.
/// </summary>
public sealed partial class SettingsEditor
{
    private readonly Session _session;
    private readonly List<Func<RegisterSettings, (RegisterSettings? Settings, string? Error)>> _edits = [];
    private (RegisterSettings? Draft, RegisterSnapshot? Snapshot) _issuesOf;
    private IReadOnlyList<FieldIssue> _issues = [];

    private SettingsEditor(Session session, StoredSettings? stored, string? problem)
    {
        _session = session;
        Original = stored?.Settings ?? session.Settings;
        Draft = Original;
        Version = stored?.Version;
        Canonical = stored?.Canonical ?? true;
        Unreadable = problem;
    }

    /// <summary>register.yaml as it is in the folder now.</summary>
    public static SettingsEditor Open(Session session)
    {
        var (stored, problems) = session.Register.SettingsFile.Read();
        return new SettingsEditor(
            session,
            stored,
            stored is null ? $"register.yaml cannot be read, so it cannot be changed here: {string.Join("; ", problems.Take(3).Select(p => p.ToString()))} ('risks check' lists every problem)" : null);
    }

    public RegisterSettings Original { get; private set; }

    public RegisterSettings Draft { get; private set; }

    /// <summary>The version of register.yaml that was read: a save checks it is still the one there.</summary>
    public string? Version { get; private set; }

    /// <summary>register.yaml is laid out as the program writes it; when false, saving lays it out afresh (comments go; history keeps them).</summary>
    public bool Canonical { get; private set; }

    /// <summary>Why register.yaml cannot be edited here at all, if it cannot be read.</summary>
    public string? Unreadable { get; }

    /// <summary>Whether the person may change the settings, and if not, why.</summary>
    public Permission Permission =>
        Unreadable is not null ? Permission.No(Unreadable) : _session.Gate.ChangeSettings();

    public IReadOnlyList<FieldChange> Changes => SettingsComparer.Compare(Original, Draft);

    public bool IsDirty => Changes.Count > 0;

    /// <summary>The change in the board's words: the first line of the commit a save makes.</summary>
    public string Headline => SettingsComparer.Headline(Changes);

    /// <summary>What is wrong with the edited settings, by the path of the row it belongs to, in words.</summary>
    public IReadOnlyList<FieldIssue> Issues
    {
        get
        {
            // Worked out once for each draft and each reading of the register: the check against every risk is the costly part, and the screen asks on every redraw.
            if (!ReferenceEquals(_issuesOf.Draft, Draft) || !ReferenceEquals(_issuesOf.Snapshot, _session.Snapshot))
            {
                var issues = SettingsValidator.Validate(Draft).Select(i => new FieldIssue(KeyPath(i.Path), Words(i.Path, i.Message))).ToList();
                issues.AddRange(SettingsImpact.Problems(Original, Draft, [.. _session.Snapshot.Risks.Select(r => r.Risk)]).Select(p => new FieldIssue("", p)));
                (_issuesOf, _issues) = ((Draft, _session.Snapshot), issues);
            }

            return _issues;
        }
    }

    /// <summary>
    /// What the edited settings leave for risks' owners to do in the register's own fields (a value now
    /// required, a choice no longer offered): not a reason to refuse the change, but worth saying.
    /// </summary>
    public IReadOnlyList<string> Notes => SettingsImpact.Notes(Original, Draft, [.. _session.Snapshot.Risks.Select(r => r.Risk)]);

    /// <summary>The notes in one sentence: "11 risks now need a value or a change in the register's own fields (BAF-01: CQC domain is required for a strategic risk; ...); risks check lists them", or null when there are none.</summary>
    public static string? NotesSentence(IReadOnlyList<string> notes)
    {
        if (notes.Count == 0)
        {
            return null;
        }

        var risks = notes.Select(n => n[..Math.Max(0, n.IndexOf(':', StringComparison.Ordinal))]).Distinct(StringComparer.Ordinal).Count();
        return $"{Core.Domain.Text.Count(risks, "risk")} now {(risks == 1 ? "needs" : "need")} a value or a change in the register's own fields (first: {notes[0]}); risks check lists them, and the values they hold are kept";
    }

    /// <summary>The rows of the Settings screen, in the file's order, each with the issues that belong to it.</summary>
    public IReadOnlyList<FieldRow> Rows()
    {
        var rows = SettingsRows.Of(Draft, _session.Snapshot.Risks.Select(r => r.Risk).ToList()).ToList();
        foreach (var issue in Issues)
        {
            var at = rows.FindIndex(r => r.Path == issue.Path);
            if (at < 0)
            {
                at = rows.FindIndex(r => issue.Path.Length > 0 && r.Path.StartsWith(issue.Path, StringComparison.Ordinal));
            }

            at = Math.Max(at, 0);
            rows[at] = rows[at] with { Issues = [.. rows[at].Issues, issue.Message] };
        }

        return rows;
    }

    /// <summary>Sets a field from what was typed or chosen. Returns null, or why it cannot be set (nothing changes then).</summary>
    public string? Edit(string path, string input) => Do(s => SettingsEdit.Set(s, path, input));

    /// <summary>
    /// Applies one setting as the command line writes it (<c>FIELD=VALUE</c>, or for categories
    /// <c>FIELD+=VALUE</c> and <c>FIELD-=VALUE</c>). Returns null, or why it cannot be applied (nothing changes then).
    /// </summary>
    public string? Apply(string setting) => Do(s => SettingsEdit.Apply(s, setting));

    /// <summary>Adds an objective with <paramref name="id"/> (its title and the rest are then filled in on its rows).</summary>
    public string? AddObjective(string id)
    {
        id = id.Trim();
        return Do(
            s => s.FindObjective(id) is { } there ? (null, $"there is already an objective {there.Id}") : (s with { Objectives = [.. s.Objectives, new Objective { Id = id }] }, null),
            checkId: id);
    }

    /// <summary>Adds a person with all they need: login, name, role, and email and job title if known.</summary>
    public string? AddPerson(Person person) => Do(s => SettingsEdit.AddPerson(s, person));

    /// <summary>Adds a band with its name and colour (its lowest and highest scores are then filled in).</summary>
    public string? AddBand(string name, Rag rag) => Do(s => SettingsEdit.Set(s, $"bands[{name.Trim()}].rag", Vocabulary.Word(rag)));

    /// <summary>Adds a field of the register's own with its key and type (its label and the rest are then filled in on its rows).</summary>
    public string? AddCustomField(string key, CustomFieldType type)
    {
        key = key.Trim();
        return Do(s => s.FindCustomField(key) is { } there
            ? (null, $"there is already a custom field {there.Key} ({there.Label})")
            : SettingsEdit.Set(s, $"custom_fields[{key}].type", Vocabulary.Word(type)));
    }

    /// <summary>Adds a partner organisation's red risk.</summary>
    public string? AddPartnerRisk(PartnerRisk risk) => Do(s => (s with { PartnerRisks = [.. s.PartnerRisks, risk] }, null));

    /// <summary>Removes the item of <paramref name="list"/> whose key is <paramref name="key"/> (what it would leave behind is checked as the settings are).</summary>
    public string? Remove(string list, string key) => Do(s => SettingsEdit.Set(s, $"{list}[{key}]", ""));

    /// <summary>Throws away every edit not yet saved.</summary>
    public void Discard()
    {
        Draft = Original;
        _edits.Clear();
    }

    /// <summary>
    /// Saves the edits as one commit by the person logged in, with <paramref name="reason"/>
    /// (required: settings shape every risk). Refused, with the edits kept, when the person may
    /// not, the settings are invalid, risks still name what would go, or someone else saved
    /// register.yaml meanwhile (then <see cref="Reapply"/> puts these edits on theirs).
    /// </summary>
    public SaveResult Save(string? reason)
    {
        var permission = Permission;
        if (!permission.Allowed || _session.Author is not { } author)
        {
            return new SaveResult.NotAllowed(permission.Allowed ? _session.Access.Describe() : permission.Reason);
        }

        if (!IsDirty)
        {
            return new SaveResult.Unchanged();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new SaveResult.NeedsReason("A change of settings needs a reason: say why, for the register's history.");
        }

        var issues = Issues;
        if (issues.Count > 0)
        {
            return new SaveResult.Invalid([.. issues.Select(i => i.Message)]);
        }

        var outcome = _session.Register.SettingsFile.Save(Draft, Version!, reason, author, _session.Clock.GetLocalNow());
        switch (outcome)
        {
            case SaveOutcome.Saved saved:
                _session.Reload();
                Reread();
                return new SaveResult.Saved(saved.Commit, saved.Headline);
            case SaveOutcome.Unchanged:
                _session.Reload();
                Reread();
                return new SaveResult.Unchanged();
            case SaveOutcome.Invalid invalid:
                return new SaveResult.Invalid(invalid.Problems);
            case SaveOutcome.Conflict conflict:
                return new SaveResult.Conflict(conflict.Message, null, [], Changes);
            default:
                throw new InvalidOperationException($"unknown save outcome {outcome}");
        }
    }

    /// <summary>
    /// After a conflict: reads register.yaml as it is now and replays this person's edits on it,
    /// one by one. Returns the edits that no longer apply (each with why); the rest are kept.
    /// </summary>
    public IReadOnlyList<string> Reapply()
    {
        var edits = _edits.ToList();
        Reread();
        var refused = new List<string>();
        foreach (var edit in edits)
        {
            var (changed, error) = edit(Draft);
            if (changed is null)
            {
                refused.Add(error ?? "an edit no longer applies");
                continue;
            }

            Draft = changed;
            _edits.Add(edit);
        }

        return refused;
    }

    private void Reread()
    {
        var (stored, _) = _session.Register.SettingsFile.Read();
        Original = stored?.Settings ?? _session.Settings;
        Version = stored?.Version;
        Canonical = stored?.Canonical ?? true;
        Draft = Original;
        _edits.Clear();
    }

    private string? Do(Func<RegisterSettings, (RegisterSettings? Settings, string? Error)> edit, string? checkId = null)
    {
        if (!Permission.Allowed)
        {
            return Permission.Reason;
        }

        if (checkId is not null && !Rules.IsItemId(checkId))
        {
            return $"an objective's id must be {Rules.ItemIdRules}, found {Text.Quote(checkId)}";
        }

        var (changed, error) = edit(Draft);
        if (changed is null)
        {
            return error;
        }

        Draft = changed;
        _edits.Add(edit);
        return null;
    }

    /// <summary>A path as the validator gives it (<c>objectives[0].title</c>) as the screen names the row (<c>objectives[SO1].title</c>).</summary>
    private string KeyPath(string path)
    {
        var match = IndexPath().Match(path);
        if (!match.Success)
        {
            return path;
        }

        var (list, index, rest) = (match.Groups["list"].Value, int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture), match.Groups["rest"].Value);
        var key = list switch
        {
            "objectives" when index < Draft.Objectives.Count => Draft.Objectives[index].Id,
            "people" when index < Draft.People.Count => Draft.People[index].Login,
            "bands" when index < Draft.Bands.Bands.Count => Draft.Bands.Bands[index].Name,
            "custom_fields" when index < Draft.CustomFields.Count => Draft.CustomFields[index].Key,
            "categories" => null,
            _ => (index + 1).ToString(CultureInfo.InvariantCulture),
        };
        return key is null ? list : $"{list}[{key}]{rest}";
    }

    /// <summary>A validator's message with its leading path put in words: "objective SO2 title is required".</summary>
    private string Words(string path, string message) =>
        message.StartsWith(path, StringComparison.Ordinal) ? SettingsRows.Reword(KeyPath(path), KeyPath(path) + message[path.Length..]) : message;

    [GeneratedRegex(@"\A(?<list>[a-z_.]+)\[(?<index>\d+)\](?<rest>.*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex IndexPath();
}
