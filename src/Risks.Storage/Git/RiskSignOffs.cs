using LibGit2Sharp;
using Risks.Core.Access;
using Risks.Core.Changes;
using Risks.Core.Domain;

namespace Risks.Storage.Git;

/// <summary>
/// Signing a risk off for the board, bound to the exact version signed (the blob id of the
/// risk's file as committed), and telling whether a sign-off still holds: it lapses when a
/// material field (scores, controls, gaps, assurances, actions) has changed since that version.
/// </summary>
public sealed class RiskSignOffs
{
    private readonly RegisterStore _store;
    private readonly RiskSaves _saves;

    internal RiskSignOffs(RegisterStore store, RiskSaves saves)
    {
        _store = store;
        _saves = saves;
    }

    /// <summary>
    /// Signs off <paramref name="stored"/> as <paramref name="login"/>: one commit adding the
    /// sign-off to the risk's file, naming the version of the file as it was. The file must be as
    /// committed (an edit not yet saved would not be what the sign-off names).
    /// </summary>
    public SaveOutcome Sign(StoredRisk stored, string login, string? note, RegisterSettings settings, Author author, DateOnly today, DateTimeOffset? when = null)
    {
        if (Access.For(settings, login).SignOff(stored.Risk) is { Allowed: false } refused)
        {
            return new SaveOutcome.Invalid([refused.Reason]);
        }

        using (var repo = _store.Open())
        {
            var committed = _store.Tip(repo)[stored.Path]?.Target.Sha;
            if (committed != stored.Version)
            {
                return new SaveOutcome.Invalid([$"{stored.Path} has changes that are not committed; a sign-off names a committed version: save or undo them first"]);
            }
        }

        // Signed off by this person already, and nothing material changed since: nothing to add.
        if (stored.Risk.SignOff is { } already && already.By == login && StateOf(stored.Risk, settings).Status == SignOffStatus.Current)
        {
            return new SaveOutcome.Unchanged();
        }

        var signed = stored.Risk with { SignOff = new SignOff { By = login, Date = today, Version = stored.Version, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() } };
        return _saves.Save(signed, stored.Version, note, author, settings);
    }

    /// <summary>Where a risk's sign-off stands, reading the version it names from the register's history.</summary>
    public SignOffState StateOf(Risk risk, RegisterSettings? settings = null)
    {
        if (risk.SignOff is not { } signOff)
        {
            return SignOffState.None;
        }

        using var repo = _store.Open();
        return SignOffs.Of(risk, SignedVersion(repo, signOff.Version, RegisterLayout.PathOf(risk.Id)), settings);
    }

    /// <summary>Why a strategic risk still waits for sign-off ("not signed off", "changed since the sign-off of 3 Mar 2025"), or null when its sign-off holds.</summary>
    public string? Waiting(Risk risk, RegisterSettings? settings = null)
    {
        var state = StateOf(risk, settings);
        return state.Status switch
        {
            SignOffStatus.None => "not signed off",
            SignOffStatus.Lapsed => $"changed since the sign-off of {Core.Presentation.Formats.Date(state.SignOff!.Date)}",
            _ => null,
        };
    }

    /// <summary>Each risk's sign-off state, by id (<see cref="RiskId.Identity"/>).</summary>
    public IReadOnlyDictionary<string, SignOffState> StatesOf(IEnumerable<Risk> risks, RegisterSettings? settings = null)
    {
        using var repo = _store.Open();
        return risks.ToDictionary(
            r => r.Id.Identity,
            r => r.SignOff is { } s ? SignOffs.Of(r, SignedVersion(repo, s.Version, RegisterLayout.PathOf(r.Id)), settings) : SignOffState.None,
            StringComparer.Ordinal);
    }

    internal static Risk? SignedVersion(Repository repo, string version, string path)
    {
        if (version.Length != 40 || !version.All(Uri.IsHexDigit) || repo.Lookup<Blob>(version) is null)
        {
            return null;
        }

        return ParsedVersions.ParseAt(repo, new ObjectId(version), path).Risk;
    }
}
