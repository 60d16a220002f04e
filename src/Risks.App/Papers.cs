using Risks.Core.Domain;
using Risks.Core.Papers;
using Risks.Storage.Git;

namespace Risks.App;

/// <summary>
/// Makes the board's BAF paper from the register as committed at a version: an iteration, a
/// commit, or HEAD. Everything in it comes from that commit and the register's tags, so a paper
/// made from an iteration is the same whenever and by whoever it is made.
/// </summary>
public static class Papers
{
    /// <summary>
    /// The paper for <paramref name="at"/> (default HEAD). A commit that an iteration marks is
    /// reported as that iteration, as at its board date; movement is measured against the
    /// iteration for the board before it, or for any other commit against the last iteration in
    /// its history, and the report it names is named by that iteration's board date.
    /// </summary>
    public static BoardPaper Make(Register register, string? at = null)
    {
        var resolved = register.History.ResolveRevision(string.IsNullOrWhiteSpace(at) ? "HEAD" : at);
        var iterations = register.Iterations.All();
        var iteration = resolved.Iteration ?? iterations.LastOrDefault(i => i.Commit == resolved.Sha);
        var index = iteration is null ? -1 : iterations.Select(i => i.Name).ToList().IndexOf(iteration.Name);
        var baseline = index >= 0
            ? iterations.Take(index).LastOrDefault(i => i.Commit != resolved.Sha)
            : iterations.LastOrDefault(i => register.History.IsAncestor(i.Commit, resolved.Sha));

        var snapshot = register.Reader.LoadAt(resolved.Sha);
        IReadOnlyList<Risk>? then = baseline is null ? null : [.. register.Reader.LoadAt(baseline.Commit).Risks.Select(r => r.Risk)];
        var source = new PaperSource
        {
            Commit = resolved.Sha,
            Committed = resolved.When,
            Iteration = iteration?.Name,
            IterationTitle = iteration?.Title,
            IterationBoardDate = iteration?.BoardDate,
            IterationCut = iteration?.When,
            IterationCutBy = iteration?.By,
            Cover = iteration?.Cover ?? new CoverSheet(),
            Baseline = baseline?.Name,
            BaselineBoardDate = baseline?.BoardDate,
        };
        // The paper says who signed each strategic risk off once the register signs risks off.
        var risks = snapshot.Risks.Select(r => r.Risk).ToList();
        var signOffs = snapshot.Settings.RequireSignOff || risks.Any(r => r.SignOff is not null)
            ? register.SignOffs.StatesOf(risks.Where(r => r.Kind == RiskKind.Strategic), snapshot.Settings)
            : null;
        var (boardActions, boardProblems) = register.BoardActions.ListAt(resolved.Sha);
        var (undertakings, undertakingProblems) = register.Undertakings.ListAt(resolved.Sha);
        return BoardPaper.Of(snapshot.Settings, risks, then, source, signOffs) with
        {
            Unreadable = [.. snapshot.InvalidFiles.Concat(boardProblems.Concat(undertakingProblems).Select(p => p.File)).Distinct().Order(StringComparer.Ordinal)],
            BoardActions = [.. boardActions.Select(a => a.Item)],
            Undertakings = [.. undertakings.Select(u => u.Item)],
        };
    }
}
