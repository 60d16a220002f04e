using Risks.Core.Access;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Git;

namespace Risks.App;

/// <summary>
/// One person's session on one register: what was read, who they are, what they may do, and the
/// iteration the register is compared with. Every screen reads the register through this.
/// </summary>
public sealed class Session
{
    private readonly TimeProvider _clock;
    private volatile BaselineState _baseline = BaselineState.Empty;
    private Task? _baselineTask;
    private Task? _trailTask;
    private volatile IReadOnlyDictionary<string, int?[]> _trail = new Dictionary<string, int?[]>(StringComparer.Ordinal);
    private volatile RuleCheck? _rules;

    /// <param name="progress">Told how the first read of the register is going (see <see cref="RegisterReader.Load"/>).</param>
    public Session(Register register, string login, TimeProvider clock, IProgress<LoadProgress>? progress = null)
    {
        Register = register;
        Login = login;
        _clock = clock;
        // HEAD before the files: a save landing in between is then seen as new at the next check, never missed.
        Commit = register.Reader.HeadCommit();
        Snapshot = register.Reader.Load(progress);
        Gate = Gate.For(register.Reader, login);
        PendingEdits = register.Sync.PendingEdits();
    }

    /// <summary>
    /// Reading the latest iteration's risks, in the background, started the first time this is
    /// asked for (the UI asks once its first screen is drawn, so that screen never waits for it);
    /// trends are not known until it completes.
    /// </summary>
    public Task BaselineLoaded => _baselineTask ??= Task.Run(LoadBaseline);

    /// <summary>
    /// Reading each risk's current score at the last few iterations (for the trend sparklines), in
    /// the background after the baseline; until it completes the sparklines are empty.
    /// </summary>
    public Task TrailLoaded => _trailTask ??= BaselineLoaded.ContinueWith(_ => LoadTrail(), TaskScheduler.Default);

    /// <summary>How many iterations a sparkline covers, before the score now.</summary>
    public const int TrailLength = 5;

    /// <summary>
    /// The risk's current score at each of the last iterations (up to <see cref="TrailLength"/>,
    /// oldest first; null where it was not there) followed by its score now; empty until
    /// <see cref="TrailLoaded"/> completes.
    /// </summary>
    public IReadOnlyList<int?> Trail(Risk risk) =>
        _trail.TryGetValue(risk.Id.Identity, out var scores) ? [.. scores, risk.Current?.Value]
        : _trail.Count > 0 ? [.. Enumerable.Repeat<int?>(null, _trail.First().Value.Length), risk.Current?.Value]
        : [];

    /// <summary>"Reduced from 12 since the January 2025 report" (the report named by the baseline's board date), or null before the baseline is read or when there is none.</summary>
    public string? MovementOf(Risk risk) =>
        Baseline is { } baseline ? Core.Changes.Movement.Since(AtBaseline(risk.Id), risk, Core.Changes.Movement.ReportName(baseline.BoardDate)) : null;

    /// <summary>The baseline has been read (or there is none).</summary>
    public bool BaselineKnown => _baselineTask?.IsCompleted == true;

    /// <summary>Why the baseline could not be read, if it could not.</summary>
    public string? BaselineProblem => _baseline.Problem;

    public Register Register { get; }

    /// <summary>The Unix login of the person using the program.</summary>
    public string Login { get; }

    public RegisterSnapshot Snapshot { get; private set; }

    public RegisterSettings Settings => Snapshot.Settings;

    /// <summary>What the person may write: by their role in register.yaml as committed.</summary>
    public Gate Gate { get; private set; }

    public Access Access => Gate.Access;

    /// <summary>Edits a sync could not merge (both sides changed the same field), each to be re-applied and saved, or discarded.</summary>
    public IReadOnlyList<PendingEdit> PendingEdits { get; private set; }

    /// <summary>The iteration trends are measured against: the one for the latest board meeting, if any (null until <see cref="BaselineKnown"/>).</summary>
    public Iteration? Baseline => _baseline.Iteration;

    /// <summary>The commit last read, to notice saves made since.</summary>
    public string? Commit { get; private set; }

    public TimeProvider Clock => _clock;

    public DateOnly Today => DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);

    /// <summary>The risk as it was at <see cref="Baseline"/>, or null if it was not there (or there is no baseline).</summary>
    public Risk? AtBaseline(RiskId id) => _baseline.Risks.GetValueOrDefault(id.Identity);

    /// <summary>
    /// Whether the first screen is drawn before the BAF rules are checked: the full-screen register sets it, so that
    /// a large register is on screen at once; <see cref="Breaches"/> is then null until <see cref="CheckRules"/> has
    /// run on the register as read (in the background, once the first frame is drawn).
    /// </summary>
    public bool CheckRulesLater { get; set; }

    /// <summary>
    /// The BAF rules (<c>risks check --baf</c>) each risk breaks, by its identity, judged by the register's own settings
    /// (by the defaults every owner would be unknown): worked out once per read of the register and per day, not at
    /// each refresh of a screen. Null while <see cref="CheckRulesLater"/> holds and they have not yet been checked.
    /// </summary>
    public ILookup<string, Breach>? Breaches =>
        _rules is { } known && ReferenceEquals(known.Snapshot, Snapshot) && known.Today == Today ? known.ByRisk
        : CheckRulesLater ? null
        : CheckRules();

    /// <summary>Checks the BAF rules over the register as read now (on any thread) and keeps the result for <see cref="Breaches"/>.</summary>
    public ILookup<string, Breach> CheckRules()
    {
        var (snapshot, today) = (Snapshot, Today);
        // Only which rules each risk breaks is kept: the findings' sentences are for a risk's own screen, which checks its risk itself.
        var byRisk = (snapshot.SettingsValid ? BafCheck.Run(snapshot.Risks.Select(s => s.Risk), snapshot.Settings, today) : [])
            .ToLookup(f => f.Risk.Identity, f => f.Breach, StringComparer.Ordinal);
        _rules = new RuleCheck(snapshot, today, byRisk);
        return byRisk;
    }

    /// <summary>The person the program saves as: always someone in register.yaml's people (others cannot save).</summary>
    public Author? Author => Gate.Author;

    /// <summary>Reads the register again, as it is on disk now.</summary>
    public void Reload()
    {
        Commit = Register.Reader.HeadCommit();
        Snapshot = Register.Reader.Load();
        Gate = Gate.For(Register.Reader, Login);
        PendingEdits = Register.Sync.PendingEdits();
        if (BaselineKnown && LatestIteration() != _baseline.Iteration)
        {
            // A new iteration was cut (even at the same commit: it names another report): trends are measured against it from now on.
            _baselineTask = Task.Run(LoadBaseline);
            _trailTask = null;
        }

    }

    /// <summary>
    /// The person's drafts: edits to risks that an earlier session of theirs made and did not save
    /// (the program was stopped, killed or lost its terminal), newest first.
    /// </summary>
    public IReadOnlyList<Draft> Drafts() =>
        Core.Validation.Rules.IsLogin(Login) ? Register.Drafts.Of(Login) : [];

    /// <summary>The person's draft of <paramref name="id"/>, if they left one.</summary>
    public Draft? DraftOf(RiskId id) => Drafts().FirstOrDefault(d => d.Id.Identity == id.Identity);

    /// <summary>Someone saved since the register was last read.</summary>
    public bool ChangedOnDisk() => !string.Equals(Register.Reader.HeadCommit(), Commit, StringComparison.Ordinal);

    private Iteration? LatestIteration()
    {
        var iterations = Register.Iterations.All();
        return iterations.Count > 0 ? iterations[^1] : null;
    }

    private void LoadBaseline()
    {
        try
        {
            var latest = LatestIteration();
            // Only each risk's status and score are asked of the baseline (movement and trends), so it is read without prose.
            var risks = latest is null ? new Dictionary<string, Risk>(StringComparer.Ordinal) : Register.Comparisons.RisksAt(latest.Commit);
            _baseline = new BaselineState(latest, risks, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LibGit2Sharp.LibGit2SharpException or RegisterException)
        {
            _baseline = new BaselineState(null, new Dictionary<string, Risk>(StringComparer.Ordinal), $"the last iteration could not be read: {ex.Message}");
        }
    }

    private void LoadTrail()
    {
        try
        {
            var iterations = Register.Iterations.All();
            _trail = Register.Comparisons.ScoresAt([.. iterations.TakeLast(TrailLength)]);

            // The start's reading is done, and the session may stay open all day: most of what the reading made is garbage now,
            // and the heap it grew to would otherwise stay committed. One collection that compacts and gives the free memory back
            // (a pause of about 60 ms at 10,000 risks) brings the session's resident memory down by about a fifth.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LibGit2Sharp.LibGit2SharpException or RegisterException)
        {
            // Sparklines are a help, not a necessity: without them the trend arrows still show.
        }
    }

    private sealed record RuleCheck(RegisterSnapshot Snapshot, DateOnly Today, ILookup<string, Breach> ByRisk);

    private sealed record BaselineState(Iteration? Iteration, IReadOnlyDictionary<string, Risk> Risks, string? Problem)
    {
        public static BaselineState Empty { get; } = new(null, new Dictionary<string, Risk>(StringComparer.Ordinal), null);
    }
}
