using LibGit2Sharp;
using Risks.Storage.Git;

namespace Risks.App.Tests;

/// <summary>
/// Reports are named by the board meeting an iteration is for, not the day it was cut: here the
/// sample's January and March 2025 iterations are cut again, both today (20 March 2025).
/// </summary>
public sealed class BoardDateTests : IDisposable
{
    private static readonly DateOnly JanuaryBoard = new(2025, 1, 16);
    private static readonly DateOnly MarchBoard = new(2025, 3, 13);

    private readonly Sample _sample = new();

    public void Dispose() => _sample.Dispose();

    [Fact]
    public void Two_iterations_cut_on_one_day_for_the_january_and_march_boards_measure_movement_since_the_january_report()
    {
        CutAgain(("2025-01", JanuaryBoard), ("2025-03", MarchBoard));
        var iterations = _sample.Register.Iterations.All();
        iterations.Select(i => DateOnly.FromDateTime(i.When.DateTime)).Distinct().ShouldBe([DateOnly.FromDateTime(Sample.Now.DateTime)]);

        var comparison = ComparisonView.Of(_sample.Register.Comparisons, "2025-01", "2025-03");
        comparison.Movement(comparison.Risks.Single(r => r.Id.Value == "BAF-07")).ShouldBe("Reduced from 12 since the January 2025 report");

        var paper = Papers.Make(_sample.Register, "2025-03");
        paper.Period.ShouldBe("March 2025");
        paper.BaselineReport.ShouldBe("January 2025 report");
        paper.Risks.Single(r => r.Risk.Id.Value == "BAF-07").Movement.ShouldBe("Reduced from 12 since the January 2025 report");
        paper.IterationLine.ShouldBe("Iteration 2025-03 (Board, 2025-03), for the board of 13 Mar 2025, cut 20 Mar 2025 by Sara O'Connor");
    }

    [Fact]
    public void Trends_are_measured_against_the_iteration_for_the_latest_board_whatever_order_they_were_cut_in()
    {
        CutAgain(("2025-03", MarchBoard), ("2025-01", JanuaryBoard));

        var session = _sample.As("soconnor");

        session.Baseline!.Name.ShouldBe("2025-03");
        session.MovementOf(session.Snapshot.Find("BAF-07")!.Risk).ShouldBe("No change since the March 2025 report");
    }

    [Fact]
    public async Task An_iteration_cut_for_the_next_board_with_nothing_saved_since_becomes_the_baseline_and_names_the_report()
    {
        var session = _sample.As("soconnor");
        session.Register.Iterations.Cut("2025-04", "Board, 10 April 2025", session.Author!, boardDate: new DateOnly(2025, 4, 10));

        session.Reload();
        await session.BaselineLoaded;

        session.Baseline!.Name.ShouldBe("2025-04");
        session.MovementOf(session.Snapshot.Find("BAF-07")!.Risk).ShouldBe("No change since the April 2025 report");
    }

    /// <summary>
    /// Removes the sample's iterations and cuts each again now, a minute apart in the order given,
    /// at the commit it marked (HEAD is moved there to cut it, and back after), for its board.
    /// </summary>
    private void CutAgain(params (string Name, DateOnly Board)[] iterations)
    {
        var commits = _sample.Register.Iterations.All().ToDictionary(i => i.Name, i => i.Commit);
        string head;
        using (var repo = new Repository(_sample.Root))
        {
            head = repo.Head.Tip.Sha;
            foreach (var tag in repo.Tags.ToList())
            {
                repo.Tags.Remove(tag);
            }
        }

        var lead = _sample.As("soconnor").Author!;
        foreach (var (name, board) in iterations)
        {
            MoveHead(commits[name]);
            _sample.Register.Iterations.Cut(name, $"Board, {name}", lead, boardDate: board);
            _sample.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        MoveHead(head);
    }

    private void MoveHead(string sha)
    {
        using var repo = new Repository(_sample.Root);
        repo.Reset(ResetMode.Hard, repo.Lookup<Commit>(sha));
    }
}
