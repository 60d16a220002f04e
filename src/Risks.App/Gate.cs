using Risks.Core.Access;
using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.App;

/// <summary>
/// The one check every write makes, whichever way it comes (the UI, <c>set</c>, <c>edit</c>,
/// <c>import</c>, iterations): the person is the Unix login running the program, and their role
/// is the one register.yaml gives them as committed at HEAD. Neither the work tree's register.yaml
/// nor the risk files in it, which anyone who can write to a shared folder can edit, nor Git's
/// configured name, which anyone can set, changes what a person may do.
/// </summary>
public sealed class Gate
{
    private readonly RegisterReader _reader;
    private readonly string? _unreadable;

    private Gate(RegisterReader reader, Access access, string? unreadable)
    {
        _reader = reader;
        Access = access;
        _unreadable = unreadable;
    }

    /// <summary>The login's access to the register <paramref name="reader"/> reads, as committed now.</summary>
    public static Gate For(RegisterReader reader, string login)
    {
        var (settings, problems) = reader.CommittedSettings();
        var unreadable = settings is null
            ? $"register.yaml as committed cannot be read ({string.Join("; ", problems.Select(p => p.ToString()))}), so nobody's role is known and nothing can be saved; a governance lead can commit a corrected register.yaml with git"
            : null;
        return new Gate(reader, Access.For(settings ?? new RegisterSettings(), login), unreadable);
    }

    public Access Access { get; }

    /// <summary>The person's Git identity, from register.yaml: null when the login is not among its people.</summary>
    public Author? Author => Access.Person is { } person ? Author.Of(person) : null;

    /// <summary>
    /// Whether the person may begin to change the risk with <paramref name="id"/>, judged by its
    /// committed version (or, for a file not committed or not readable there, <paramref name="asRead"/>).
    /// </summary>
    public Permission Edit(RiskId id, Risk? asRead)
    {
        if (_unreadable is not null)
        {
            return Permission.No(_unreadable);
        }

        var (exists, committed) = _reader.CommittedRisk(id);
        if (exists && committed is null)
        {
            return Unreadable(id);
        }

        var judged = committed ?? asRead;
        return judged is null ? Access.Create() : Access.Edit(judged);
    }

    /// <summary>A committed file that cannot be read names no owner, so only a governance lead may repair it.</summary>
    private Permission Unreadable(RiskId id) =>
        Access.Role == Role.GovernanceLead
            ? Permission.Yes
            : Permission.No($"{id} cannot be read as committed, so whose it is is not known; a governance lead can repair it ('risks check' says what is wrong)");

    /// <summary>Whether saving <paramref name="risk"/> is allowed: the person must be allowed the risk as committed and as it will be.</summary>
    public Permission Save(Risk risk) => Save([risk])[0];

    /// <summary><see cref="Save(Risk)"/> for each of <paramref name="risks"/>, reading the repository once.</summary>
    public IReadOnlyList<Permission> Save(IReadOnlyList<Risk> risks)
    {
        if (_unreadable is not null)
        {
            return risks.Select(_ => Permission.No(_unreadable)).ToList();
        }

        if (Access.Role == Role.GovernanceLead)
        {
            return risks.Select(_ => Permission.Yes).ToList();
        }

        var committed = _reader.CommittedRisks(risks.Select(r => r.Id).ToList());

        return risks.Select((risk, i) => committed[i] switch
        {
            { Exists: true, Risk: null } => Unreadable(risk.Id),
            { Exists: true, Risk: { } was } => Access.Save(was, risk),
            _ => Access.Save(null, risk),
        }).ToList();
    }

    public Permission Create() => _unreadable is not null ? Permission.No(_unreadable) : Access.Create();

    /// <summary>Whether the person may change register.yaml's settings (governance leads only), by their role as committed.</summary>
    public Permission ChangeSettings() => _unreadable is not null ? Permission.No(_unreadable) : Access.ChangeSettings();

    public Permission CutIteration() => _unreadable is not null ? Permission.No(_unreadable) : Access.CutIteration();
}
