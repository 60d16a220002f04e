using Risks.App;
using Risks.Core.Changes;
using Risks.Core.Domain;

namespace Risks.App.Tests;

/// <summary>History, blame, comparison and trends as the screens show them, on the sample register.</summary>
public sealed class HistoryViewTests : IDisposable
{
    private readonly Sample _sample = new();

    public void Dispose() => _sample.Dispose();

    [Fact]
    public async Task A_risks_movement_since_the_last_report_and_its_trail_of_scores_come_from_the_iterations()
    {
        var session = _sample.As("soconnor");
        await session.TrailLoaded;
        var inequalities = session.Snapshot.Find("BAF-07")!.Risk;

        session.MovementOf(inequalities).ShouldBe("No change since the March 2025 report");
        session.Trail(inequalities).ShouldBe([12, 9, 9]);
        session.Trail(session.Snapshot.Find("BAF-05")!.Risk).ShouldBe([20, 20, 20]);

        var view = new RegisterView(session);
        view.Cell(view.Rows.Single(r => r.Risk.Id.Value == "BAF-07"), RegisterColumn.Trend).ShouldBe("▄▃▃=");
    }

    [Fact]
    public async Task A_risk_added_since_the_last_iteration_is_new_since_that_report_with_no_score_before()
    {
        var session = _sample.As("soconnor");
        await session.TrailLoaded;
        var added = session.Snapshot.Find("BAF-07")!.Risk with { Id = RiskId.Parse("BAF-09") };

        session.MovementOf(added).ShouldBe("New since the March 2025 report");
        session.Trail(added).ShouldBe([null, null, 9]);
    }

    [Fact]
    public void The_history_entry_reads_when_exactly_and_humanised_who_and_the_change_without_the_risks_name()
    {
        var session = _sample.As("rjarvis");
        var view = RiskHistoryView.For(session, RiskId.Parse("BAF-07"));

        view.Entries.Count.ShouldBe(2);
        var march = view.Entries[0];
        march.Exact.ShouldBe("4 Mar 2025 11:00");
        march.Ago.ShouldBe("15 days ago");
        march.Who.ShouldBe("Rebecca Jarvis");
        march.Change.ShouldBe("current score 12 -> 9 and 5 more changes");
        march.Origin.ShouldBe("");
        var patch = view.Patch(march);
        patch.ShouldContain("\n-  likelihood: 4\n");
        patch.ShouldContain("\n+  likelihood: 3\n");
    }

    [Fact]
    public void Blame_shows_owners_by_name()
    {
        var session = _sample.As("auditchair");
        var view = BlameView.For(session, RiskId.Parse("BAF-07"));

        view.Value(view.Fields.Single(f => f.Field == "owner")).ShouldBe("Rebecca Jarvis");
        view.Fields.Single(f => f.Field == "current.likelihood").Revision.Author.ShouldBe("Rebecca Jarvis");
    }

    [Fact]
    public void The_comparison_view_words_each_movement_and_marks_narrative_edits_word_by_word()
    {
        var view = ComparisonView.Of(_sample.Register.Comparisons, "2025-01", "2025-03");

        var inequalities = view.Risks.Single(r => r.Id.Value == "BAF-07");
        view.MovementLine(inequalities).ShouldBe("Reduced from 12 since the January 2025 report: 12 -> 9, High");
        var details = view.Details(inequalities);
        details.ShouldContain("current likelihood 4 -> 3");
        details.ShouldContain(line => line.StartsWith("current score rationale: Aligned with the score of Datix risk 18; [-", StringComparison.Ordinal));
        view.Details(inequalities, markdown: true).ShouldContain(line => line.Contains("~~", StringComparison.Ordinal) && line.Contains("**", StringComparison.Ordinal));
        ComparisonView.Summary(inequalities).ShouldStartWith("6 changes (1 item, narrative)");
        view.MovementCounts.ShouldBe("14 risks: 0 new, 0 closed; scores 0 up, 2 down (0 de-escalated to a lower band), 12 unchanged");
    }

    [Fact]
    public void The_counts_line_adds_up_with_band_changes_among_the_ups_and_downs_and_names_risks_without_a_score()
    {
        var real = ComparisonView.Of(_sample.Register.Comparisons, "2025-01", "2025-03");
        var nine = real.Risks.Single(r => r.Id.Value == "BAF-07").After!;
        Risk As(string id) => nine with { Id = RiskId.Parse(id) };
        var comparison = RegisterComparison.Of(
            [
                (As("BAF-07"), As("BAF-07") with { Current = new Score(4, 4) }),
                (As("BAF-08"), As("BAF-08") with { Current = new Score(1, 3) }),
                (As("BAF-09"), As("BAF-09") with { Current = new Score(2, 4) }),
                (As("BAF-10"), As("BAF-10") with { Current = null }),
                (null, As("BAF-11")),
            ],
            [RiskId.Parse("BAF-12")],
            real.Diff.Settings);
        var view = new ComparisonView(real.Diff with { Comparison = comparison });

        view.MovementCounts.ShouldBe("6 risks: 1 new, 0 closed; scores 1 up (1 escalated to a higher band), 2 down (1 de-escalated to a lower band), 1 unchanged; 1 without a score to compare");
        view.MovementLine(comparison.Risks.Single(r => r.Id.Value == "BAF-08")).ShouldBe("Reduced from 9 since the January 2025 report: 9 -> 3 (de-escalated from High to Low)");
        view.MovementLine(comparison.Risks.Single(r => r.Id.Value == "BAF-10")).ShouldBe("Reduced from 9 since the January 2025 report: no current score now");
    }

    [Fact]
    public void The_screen_s_details_mark_narrative_edits_in_words_with_the_removed_and_added_words_in_runs_of_their_own()
    {
        var view = ComparisonView.Of(_sample.Register.Comparisons, "2025-01", "2025-03");
        var efficiency = view.Risks.Single(r => r.Id.Value == "CRR-007");

        var lines = view.DetailLines(efficiency);

        lines[0].Text.ShouldBe("No change since the January 2025 report (score 16, Extreme)");
        var basis = lines.Single(l => l.Text.StartsWith("- current score rationale: ", StringComparison.Ordinal));
        basis.Text.ShouldBe("- current score rationale: The month ‹8 → 10› forecast shows a shortfall against the efficiency plan.");
        basis.Runs.Single(r => r.Ink == Ink.Removed).Text.ShouldBe("8");
        basis.Runs.Single(r => r.Ink == Ink.Added).Text.ShouldBe("10");
        lines.ShouldContain(l => l.Text == "- reviewed 2025-02-21 by Jennifer Kearton");
        view.Risks.SelectMany(view.DetailLines).ShouldAllBe(l => !l.Text.Contains("[-") && !l.Text.Contains("{+"));

        var sides = view.BothSides(efficiency).Select(l => l.Text).ToList();
        sides.Take(lines.Count).ShouldBe(lines.Select(l => l.Text));
        sides.ShouldContain("══ At 2025-01:");
        sides.ShouldContain("══ At 2025-03:");
        sides.ShouldContain(l => l.Contains("The month 8 forecast", StringComparison.Ordinal));
        sides.ShouldContain(l => l.Contains("The month 10 forecast", StringComparison.Ordinal));
    }
}
