using Risks.Core.Domain;
using Risks.Core.Scoring;

namespace Risks.App.Tests;

public sealed class RegisterViewTests : IDisposable
{
    private readonly Sample _sample = new();

    public void Dispose() => _sample.Dispose();

    [Fact]
    public void Shows_every_open_risk_highest_score_first_with_counts_per_band()
    {
        var view = new RegisterView(_sample.As("soconnor"));

        view.Rows.Count.ShouldBe(14);
        view.Rows[0].Facts.CurrentScore.ShouldBe(view.Rows.Max(r => r.Facts.CurrentScore));
        view.Counts.ShouldBe("14 of 14 risks: 11 Extreme, 2 High, 1 Moderate, 0 Low; 8 break BAF rules");
    }

    [Fact]
    public void The_baf_rules_column_counts_each_risks_breaches_and_sorts_the_most_first()
    {
        var view = new RegisterView(_sample.As("soconnor"));
        var baf07 = view.Rows.Single(r => r.Risk.Id.Value == "BAF-07");

        view.Cell(baf07, RegisterColumn.Rules).ShouldBe("4 errors");
        baf07.Breaches.Select(b => b.Rule).ShouldBe(["gap-action", "gap-action", "gap-action", "gap-action"]);
        view.Cell(view.Rows.Single(r => r.Risk.Id.Value == "CRR-018"), RegisterColumn.Rules).ShouldBe("");

        view.SortBy(RegisterColumn.Rules);

        view.Rows[0].BreachErrors.ShouldBe(view.Rows.Max(r => r.BreachErrors));
        view.Heading(RegisterColumn.Rules).ShouldBe("BAF rules ▼");
    }

    [Fact]
    public void With_the_rules_checked_later_the_register_shows_at_once_and_its_breaches_once_checked()
    {
        var session = _sample.As("soconnor");
        session.CheckRulesLater = true;

        var view = new RegisterView(session);

        view.RulesPending.ShouldBeTrue();
        view.Rows.ShouldAllBe(r => r.Breaches.Count == 0);
        view.Counts.ShouldBe("14 of 14 risks: 11 Extreme, 2 High, 1 Moderate, 0 Low; checking the BAF rules");

        var checkedOnce = session.CheckRules();
        view.Refresh();

        view.RulesPending.ShouldBeFalse();
        view.Counts.ShouldBe("14 of 14 risks: 11 Extreme, 2 High, 1 Moderate, 0 Low; 8 break BAF rules");
        session.Breaches.ShouldBeSameAs(checkedOnce, "the check is kept for the register as read, not made again at each refresh");

        session.CheckRulesLater = false;
        session.Reload();
        session.Breaches.ShouldNotBeSameAs(checkedOnce, "a new read of the register is checked again");
    }

    [Fact]
    public void The_person_logged_in_sees_how_much_of_theirs_is_due()
    {
        // 20 Mar 2025: Rebecca owns BAF-07, reviewed next on 6 May, beyond the two weeks reminders look ahead.
        new RegisterView(_sample.As("rjarvis")).Due.ShouldBeNull();

        File.WriteAllText(Path.Combine(_sample.Root, "risks", "BAF", "00", "BAF-07.yaml"), File.ReadAllText(Path.Combine(_sample.Root, "risks", "BAF", "00", "BAF-07.yaml")).Replace("next_review: 2025-05-06", "next_review: 2025-03-01", StringComparison.Ordinal));

        new RegisterView(_sample.As("rjarvis")).Due.ShouldBe("yours due: 1 (1 overdue)");
    }

    [Fact]
    public void Files_that_cannot_be_read_are_counted_and_the_rest_shown()
    {
        File.WriteAllText(Path.Combine(_sample.Root, "risks", "BAF", "00", "BAF-02.yaml"), "id: BAF-02\ntitle: [unclosed\n");

        var view = new RegisterView(_sample.As("soconnor"));

        view.Rows.Count.ShouldBe(13);
        view.Counts.ShouldEndWith("; 1 file cannot be read ('risks check' says why)");
    }

    [Fact]
    public void Cells_read_as_the_board_reads_them()
    {
        var session = _sample.As("soconnor");
        var view = new RegisterView(session);
        var row = view.Rows.Single(r => r.Risk.Id.Value == "BAF-07");

        view.Cell(row, RegisterColumn.Score).ShouldBe("3 x 3 = 9");
        view.Cell(row, RegisterColumn.Band).ShouldBe("High");
        view.Cell(row, RegisterColumn.Owner).ShouldBe("Rebecca Jarvis");
        view.Cell(row, RegisterColumn.Trend).ShouldBe("= same");
    }

    [Fact]
    public void Trend_is_measured_against_the_latest_iteration()
    {
        var session = _sample.As("soconnor");
        var editor = new RiskEditor(session, session.Snapshot.Find("BAF-07")!);
        editor.Edit("current.likelihood", "4").ShouldBeNull();
        editor.Save("Outbreak").ShouldBeOfType<SaveResult.Saved>();

        var view = new RegisterView(session);
        var row = view.Rows.Single(r => r.Risk.Id.Value == "BAF-07");
        session.Baseline!.Name.ShouldBe("2025-03");
        row.Trend.ShouldBe(Trend.Up);
        view.Cell(row, RegisterColumn.Trend).ShouldBe("▲ up");
    }

    [Fact]
    public async Task A_new_iteration_becomes_the_baseline_on_reload()
    {
        var session = _sample.As("soconnor");
        var editor = new RiskEditor(session, session.Snapshot.Find("BAF-07")!);
        editor.Edit("current.likelihood", "4").ShouldBeNull();
        editor.Save("Outbreak").ShouldBeOfType<SaveResult.Saved>();
        session.Register.Iterations.Cut("2025-04", "Board 10 April 2025", session.Author!);

        session.Reload();
        await session.BaselineLoaded;

        session.Baseline!.Name.ShouldBe("2025-04");
        new RegisterView(session).Rows.Single(r => r.Risk.Id.Value == "BAF-07").Trend.ShouldBe(Trend.Same);
    }

    [Fact]
    public void Without_iterations_there_is_no_trend()
    {
        using (var repo = new LibGit2Sharp.Repository(_sample.Root))
        {
            foreach (var tag in repo.Tags.ToList())
            {
                repo.Tags.Remove(tag);
            }
        }

        var session = _sample.As("soconnor");
        var view = new RegisterView(session);

        session.Baseline.ShouldBeNull();
        view.Rows.ShouldAllBe(r => r.Trend == null);
        view.Cell(view.Rows[0], RegisterColumn.Trend).ShouldBe("");
    }

    [Fact]
    public void Filter_text_needs_every_word_somewhere_in_the_row()
    {
        var view = new RegisterView(_sample.As("soconnor"));

        view.Filter("red");
        view.Rows.ShouldAllBe(r => r.Facts.Band!.Name == "Extreme");
        view.Rows.Count.ShouldBe(11);

        view.Filter("jarvis high");
        view.Rows.Select(r => r.Risk.Id.Value).ShouldBe(["BAF-07"]);

        view.Filter("no such words");
        view.Rows.ShouldBeEmpty();
        view.FilterSummary.ShouldContain("matching \"no such words\"");
    }

    [Fact]
    public void Kind_toggles_keep_strategic_or_operational_risks()
    {
        var view = new RegisterView(_sample.As("soconnor"));

        view.ToggleOperational();
        view.Rows.ShouldAllBe(r => r.Risk.Kind == RiskKind.Strategic);
        view.Rows.Count.ShouldBe(8);
        view.FilterSummary.ShouldStartWith("strategic only");

        view.ToggleOperational();
        view.ToggleStrategic();
        view.Rows.Count.ShouldBe(6);

        view.ClearFilters();
        view.Rows.Count.ShouldBe(14);
    }

    [Fact]
    public void Closed_risks_show_only_when_asked()
    {
        var session = _sample.As("soconnor");
        var editor = new RiskEditor(session, session.Snapshot.Find("CRR-005")!);
        editor.Edit("status", "closed").ShouldBeNull();
        editor.Edit("closure.date", "20 Mar 2025").ShouldBeNull();
        editor.Edit("closure.rationale", "Mitigated by the new contract.").ShouldBeNull();
        editor.Save("Closed at committee").ShouldBeOfType<SaveResult.Saved>();

        var view = new RegisterView(session);
        view.Rows.ShouldNotContain(r => r.Risk.Id.Value == "CRR-005");
        view.ToggleClosed();
        view.Cell(view.Rows.Single(r => r.Risk.Id.Value == "CRR-005"), RegisterColumn.Title).ShouldEndWith("(closed)");
    }

    [Fact]
    public void Sorting_by_a_column_twice_reverses_it()
    {
        var view = new RegisterView(_sample.As("soconnor"));

        view.SortBy(RegisterColumn.Id);
        view.Rows[0].Risk.Id.Value.ShouldBe("BAF-01");
        view.Heading(RegisterColumn.Id).ShouldBe("Id ▲");

        view.SortBy(RegisterColumn.Id);
        view.Rows[0].Risk.Id.Value.ShouldBe("CRR-058");
        view.Heading(RegisterColumn.Id).ShouldBe("Id ▼");
    }

    [Fact]
    public void Every_column_sorts()
    {
        var view = new RegisterView(_sample.As("soconnor"));
        foreach (var column in RegisterView.Columns)
        {
            view.SortBy(column);
            view.Rows.Count.ShouldBe(14);
            view.SortColumn.ShouldBe(column);
        }

        view.SortBy(RegisterColumn.Review);
        var dates = view.Rows.Select(r => r.Risk.NextReview?.DayNumber ?? int.MaxValue).ToList();
        (view.Descending ? dates.OrderDescending() : dates.Order()).ShouldBe(dates);
    }

    [Fact]
    public void A_heat_map_cell_filters_the_register_and_counts_what_it_shows()
    {
        var session = _sample.As("soconnor");
        var register = new RegisterView(session);
        var heat = new HeatMapView(session, register);

        var total = 0;
        for (var i = 1; i <= 5; i++)
        {
            for (var l = 1; l <= 5; l++)
            {
                total += heat.Count(i, l);
            }
        }

        total.ShouldBe(14);
        var baf07 = session.Snapshot.Find("BAF-07")!.Risk.Current!;
        heat.Select(new Cell(baf07.Impact, baf07.Likelihood));
        heat.FilterRegister();

        register.Rows.ShouldContain(r => r.Risk.Id.Value == "BAF-07");
        register.Rows.ShouldAllBe(r => r.Risk.Current!.Impact == baf07.Impact && r.Risk.Current.Likelihood == baf07.Likelihood);
        register.FilterSummary.ShouldContain($"current impact {baf07.Impact} x likelihood {baf07.Likelihood}");
    }

    [Fact]
    public void The_heat_map_switches_to_target_and_inherent_scores()
    {
        var session = _sample.As("soconnor");
        var heat = new HeatMapView(session, new RegisterView(session));

        heat.NextBasis();
        heat.Basis.ShouldBe(ScoreBasis.Target);
        var target = session.Snapshot.Find("BAF-07")!.Risk.Target!;
        heat.Count(target.Impact, target.Likelihood).ShouldBeGreaterThan(0);
        heat.NextBasis();
        heat.Basis.ShouldBe(ScoreBasis.Inherent);
        heat.NextBasis();
        heat.Basis.ShouldBe(ScoreBasis.Current);
    }

    [Fact]
    public void Heat_map_selection_stays_on_the_matrix()
    {
        var session = _sample.As("soconnor");
        var heat = new HeatMapView(session, new RegisterView(session));

        heat.Move(3, 3);
        heat.Selected.ShouldBe(new Cell(5, 5));
        heat.Move(-9, -9);
        heat.Selected.ShouldBe(new Cell(1, 1));
    }
}
