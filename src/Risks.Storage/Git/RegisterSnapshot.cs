using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Storage.Git;

/// <summary>A risk as stored: the file it came from and the version (Git blob id) that was read.</summary>
public sealed record StoredRisk(Risk Risk, string Path, string Version);

/// <summary>
/// The register as read at one moment: the settings, every risk that could be read, and every
/// problem found. A broken file never stops the rest from loading: it is left out of
/// <see cref="Risks"/> and listed in <see cref="InvalidFiles"/> with its problems.
/// </summary>
public sealed record RegisterSnapshot(
    RegisterSettings Settings,
    bool SettingsValid,
    IReadOnlyList<StoredRisk> Risks,
    IReadOnlyList<string> InvalidFiles,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>
    /// The risks were read without their prose, for a listing (<see cref="RegisterReader.LoadListing"/>):
    /// to show, never to change and save.
    /// </summary>
    public bool WithoutProse { get; init; }

    public StoredRisk? Find(RiskId id) => Risks.FirstOrDefault(r => r.Risk.Id.Identity == id.Identity);

    public StoredRisk? Find(string id) => RiskId.TryParse(id, out var parsed) ? Find(parsed) : null;

    /// <summary>
    /// The identity of every risk with a file: those read, and those whose file is in its place but
    /// cannot be read (so a board action naming it is not told the risk is not there).
    /// </summary>
    public IReadOnlySet<string> Identities() =>
        Risks.Select(r => r.Risk.Id.Identity)
            .Concat(InvalidFiles.Select(RegisterLayout.Parse).OfType<(RiskId Id, bool InPlace)>().Select(p => p.Id.Identity))
            .ToHashSet(StringComparer.Ordinal);
}

/// <summary>The person a commit is made by.</summary>
public sealed record Author(string Name, string Email, string Login)
{
    /// <summary>A person of register.yaml as a commit's author (login@host when they have no email).</summary>
    public static Author Of(Person person) =>
        new(person.Name, person.Email ?? $"{person.Login}@{Environment.MachineName}", person.Login);
}

/// <summary>What a save did.</summary>
public abstract record SaveOutcome
{
    private SaveOutcome()
    {
    }

    /// <summary>One commit made: <see cref="Headline"/> is its first line.</summary>
    public sealed record Saved(string Commit, string Version, string Headline, IReadOnlyList<Risks.Core.Changes.FieldChange> Changes) : SaveOutcome;

    /// <summary>The risk is already as given: no commit.</summary>
    public sealed record Unchanged : SaveOutcome;

    /// <summary>The file changed since it was read; nothing was written.</summary>
    public sealed record Conflict(string Message, string? By, DateTimeOffset? When, string? CurrentVersion) : SaveOutcome;

    /// <summary>The risk breaks the register's rules; nothing was written.</summary>
    public sealed record Invalid(IReadOnlyList<string> Problems) : SaveOutcome;
}

/// <summary>No identity could be found for the person running the program.</summary>
public sealed class IdentityException(string message) : Exception(message);

/// <summary>A folder that is not a register, or a register that cannot be opened.</summary>
public sealed class RegisterException(string message) : Exception(message);
