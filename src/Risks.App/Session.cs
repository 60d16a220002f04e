using Risks.Core.Access;
using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.App;

/// <summary>
/// One person's session on one register: what was read, who they are, what they may do, and the
/// iteration the register is compared with. Every screen reads the register through this.
/// </summary>
public sealed class Session
{
    private readonly TimeProvider _clock;
    private Dictionary<string, Risk> _baseline = new(StringComparer.Ordinal);

    public Session(RegisterRepository repository, string login, TimeProvider clock)
    {
        Repository = repository;
        Login = login;
        _clock = clock;
        Snapshot = repository.Load();
        Access = Access.For(Snapshot.Settings, login);
        LoadBaseline();
    }

    public RegisterRepository Repository { get; }

    /// <summary>The Unix login of the person using the program.</summary>
    public string Login { get; }

    public RegisterSnapshot Snapshot { get; private set; }

    public RegisterSettings Settings => Snapshot.Settings;

    public Access Access { get; private set; }

    /// <summary>The iteration trends are measured against: the latest one, if any.</summary>
    public Iteration? Baseline { get; private set; }

    /// <summary>The commit last read, to notice saves made since.</summary>
    public string? Commit { get; private set; }

    public TimeProvider Clock => _clock;

    public DateOnly Today => DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);

    /// <summary>Raised after the register was read again.</summary>
    public event EventHandler? Reloaded;

    /// <summary>The risk as it was at <see cref="Baseline"/>, or null if it was not there (or there is no baseline).</summary>
    public Risk? AtBaseline(RiskId id) => _baseline.GetValueOrDefault(id.Identity);

    /// <summary>The person the program saves as: always someone in register.yaml's people (others cannot save).</summary>
    public Author? Author => Access.Person is { } person
        ? new Author(person.Name, person.Email ?? $"{person.Login}@{Environment.MachineName}", person.Login)
        : null;

    /// <summary>Reads the register again, as it is on disk now.</summary>
    public void Reload()
    {
        Snapshot = Repository.Load();
        Access = Access.For(Snapshot.Settings, Login);
        LoadBaseline();
        Reloaded?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Someone saved since the register was last read.</summary>
    public bool ChangedOnDisk() => !string.Equals(Repository.HeadCommit(), Commit, StringComparison.Ordinal);

    private void LoadBaseline()
    {
        Commit = Repository.HeadCommit();
        var iterations = Repository.Iterations();
        Baseline = iterations.Count > 0 ? iterations[^1] : null;
        _baseline = new Dictionary<string, Risk>(StringComparer.Ordinal);
        if (Baseline is null)
        {
            return;
        }

        foreach (var stored in Repository.LoadAt(Baseline.Commit).Risks)
        {
            _baseline[stored.Risk.Id.Identity] = stored.Risk;
        }
    }
}
