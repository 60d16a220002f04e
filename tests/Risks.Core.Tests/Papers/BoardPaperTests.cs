using Risks.Core.Domain;
using Risks.Core.Papers;

namespace Risks.Core.Tests.Papers;

public sealed class BoardPaperTests
{
    /// <summary>The March iteration is cut a week before the board meets, when the papers go out.</summary>
    private static readonly DateTimeOffset Cut = new(2025, 3, 6, 17, 0, 0, TimeSpan.Zero);

    private static PaperSource Source(bool baseline = true) => new()
    {
        Commit = "0123456789abcdef0123456789abcdef01234567",
        Committed = new DateTimeOffset(2025, 3, 6, 11, 0, 0, TimeSpan.Zero),
        Iteration = "2025-03",
        IterationTitle = "Board, 13 March 2025",
        IterationBoardDate = new DateOnly(2025, 3, 13),
        IterationCut = Cut,
        IterationCutBy = "Sara O'Connor",
        Baseline = baseline ? "2025-01" : null,
        BaselineBoardDate = baseline ? new DateOnly(2025, 1, 16) : null,
    };

    private static BoardPaper Make(IReadOnlyList<Risk> risks, IReadOnlyList<Risk>? then, bool baseline = true, RegisterSettings? settings = null) =>
        BoardPaper.Of(settings ?? Samples.Settings(), risks, then, Source(baseline));

    [Fact]
    public void Each_strategic_risk_gets_a_numbered_section_with_its_movement_since_the_baseline_report()
    {
        var now = Samples.Inequalities() with { Current = new Score(3, 3) };
        var workforce = Samples.Inequalities() with { Id = RiskId.Parse("BAF-01"), Title = "Workforce" };
        var paper = Make([now, workforce, Samples.Operational()], [Samples.Inequalities(), workforce]);

        paper.Risks.Select(s => (s.Number, s.Risk.Id.Value)).ShouldBe([(1, "BAF-01"), (2, "BAF-07")]);
        paper.Risks[1].Movement.ShouldBe("Reduced from 12 since the January 2025 report");
        paper.Risks[0].Movement.ShouldBe("No change since the January 2025 report");
        paper.BaselineReport.ShouldBe("January 2025 report");
        paper.OperationalCount.ShouldBe(1);
        paper.Period.ShouldBe("March 2025");
    }

    [Fact]
    public void An_iteration_cut_long_after_its_board_speaks_of_the_board_s_day_and_names_the_baseline_by_its_board()
    {
        // Both iterations cut on the same day in December 2026, for the January and March 2025 boards.
        var source = Source() with
        {
            IterationCut = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
            Committed = new DateTimeOffset(2025, 3, 6, 11, 0, 0, TimeSpan.Zero),
        };
        var risk = Samples.Inequalities() with
        {
            Current = new Score(3, 3),
            Actions = [new RiskAction { Id = "A1", Text = "Due after the board.", Due = new DateOnly(2025, 6, 30), Status = ActionStatus.InProgress }],
        };

        var paper = BoardPaper.Of(Samples.Settings(), [risk], [Samples.Inequalities()], source);

        paper.Period.ShouldBe("March 2025");
        paper.Source.AsAt.ShouldBe(new DateOnly(2025, 3, 13));
        paper.BaselineReport.ShouldBe("January 2025 report");
        paper.Risks.Single().Movement.ShouldBe("Reduced from 12 since the January 2025 report");
        paper.Risks.Single().Actions.Single().Overdue.ShouldBeFalse();
        paper.IterationLine.ShouldBe("Iteration 2025-03 (Board, 13 March 2025), for the board of 13 Mar 2025, cut 1 Dec 2026 by Sara O'Connor");
    }

    [Fact]
    public void A_risk_new_since_the_baseline_says_so_and_without_a_baseline_there_is_no_movement()
    {
        var paper = Make([Samples.Inequalities()], []);
        paper.Risks.Single().Movement.ShouldBe("New since the January 2025 report");

        var first = Make([Samples.Inequalities()], null, baseline: false);
        first.Risks.Single().Movement.ShouldBeNull();
        first.MovementLine.ShouldBe("There is no earlier iteration to measure movement against.");
    }

    [Fact]
    public void Closed_risks_are_left_out_and_owners_leads_objectives_and_links_are_named()
    {
        var closed = Samples.Inequalities() with { Id = RiskId.Parse("BAF-09"), Status = RiskStatus.Closed };
        var linked = Samples.Operational("CRR-018") with { Title = "Health inequalities data" };
        var paper = Make([Samples.Inequalities() with { ExternalRefs = ["Datix 18"] }, closed, linked], null, baseline: false);

        var section = paper.Risks.Single();
        section.Risk.Id.Value.ShouldBe("BAF-07");
        section.OwnerName.ShouldBe("Rebecca Jarvis");
        section.Leads.ShouldBe(["Emma Timpson"]);
        section.Objectives.ShouldBe(["SO2 Reduce health inequalities"]);
        section.Linked.ShouldBe(["CRR-018 Health inequalities data"]);
        section.ExternalRefs.ShouldBe(["Datix 18"], "references in other systems are kept apart from the register's risks");
        section.Score.ShouldBe("3 x 4 = 12 High");
    }

    [Fact]
    public void Actions_due_before_the_iteration_date_are_overdue_and_finished_ones_come_last()
    {
        var risk = Samples.Inequalities() with
        {
            Actions =
            [
                new RiskAction { Id = "A1", Text = "Done early.", Due = new DateOnly(2025, 1, 31), Status = ActionStatus.Complete, Completed = new DateOnly(2025, 1, 20) },
                new RiskAction { Id = "A2", Text = "Late.", Owner = "etimpson", Due = new DateOnly(2025, 3, 12), Status = ActionStatus.InProgress },
                new RiskAction { Id = "A3", Text = "Due on the day.", Due = new DateOnly(2025, 3, 13), Status = ActionStatus.NotStarted },
                new RiskAction { Id = "A4", Text = "Ongoing.", Status = ActionStatus.InProgress },
            ],
        };

        var actions = Make([risk], null).Risks.Single().Actions;

        actions.Select(a => a.Action.Id).ShouldBe(["A2", "A3", "A4", "A1"]);
        actions.Select(a => a.Overdue).ShouldBe([true, false, false, false]);
        actions.Select(a => a.Due).ShouldBe(["12 Mar 2025", "13 Mar 2025", "No date", "31 Jan 2025"]);
        actions.Select(a => a.Status).ShouldBe(["In progress", "Not started", "In progress", "Complete 20 Jan 2025"]);
        actions[0].Owner.ShouldBe("Emma Timpson");
    }

    [Fact]
    public void Risks_above_an_objectives_tolerance_or_their_target_are_listed_strategic_first_by_score()
    {
        var above = Samples.Inequalities() with { Current = new Score(4, 4) }; // 16 > SO2's 9 and > target 6
        var onTarget = Samples.Inequalities() with { Id = RiskId.Parse("BAF-02"), Objectives = ["SO1"], Current = new Score(3, 2) };
        var operational = Samples.Operational() with { Target = new Score(2, 2) }; // 12 > 4, no objectives

        var paper = Make([above, onTarget, operational], null);

        paper.Outside.Select(o => o.Risk.Id.Value).ShouldBe(["BAF-07", "CRR-058"]);
        paper.Outside[0].Appetite.ShouldBe("SO2 (9, minimal)");
        paper.Outside[1].Appetite.ShouldBe("None");
        paper.Outside[0].TargetDateMissed.ShouldBeFalse();
    }

    [Fact]
    public void The_heat_map_names_strategic_risks_and_counts_operational_ones_in_their_cells()
    {
        var paper = Make(
            [Samples.Inequalities(), Samples.Operational("CRR-001"), Samples.Operational("CRR-002"), Samples.Operational("CRR-003") with { Current = null }],
            null);

        var cell = paper.HeatMap.At(3, 4);
        cell.Strategic.ShouldBe(["BAF-07"]);
        cell.Operational.ShouldBe(2);
        cell.Band!.Name.ShouldBe("High");
        paper.HeatMap.Unscored.ShouldBe(1);
        paper.HeatMap.Cells.Sum(c => c.Strategic.Count + c.Operational).ShouldBe(3);
    }

    [Fact]
    public void The_html_is_self_contained_escapes_text_and_names_the_iteration_and_commit()
    {
        var risk = Samples.Inequalities() with { Title = "Inequalities <script>alert(1)</script> & more" };
        var html = PaperHtml.Render(Make([risk], null));

        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("Inequalities &lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("http:");
        html.ShouldNotContain("https:");
        html.ShouldNotContain("url(");
        html.ShouldNotContain("src=");
        html.ShouldContain("@page { size: A4 landscape;");
        html.ShouldContain("Iteration 2025-03 (Board, 13 March 2025), for the board of 13 Mar 2025, cut 6 Mar 2025 by Sara O&#39;Connor");
        html.ShouldContain("Commit 0123456789abcdef0123456789abcdef01234567");
        html.ShouldNotContain("\r");
    }

    [Fact]
    public void Unreadable_files_are_named_at_the_top_of_the_paper()
    {
        var paper = Make([Samples.Inequalities()], null) with { Unreadable = ["risks/BAF/00/BAF-02.yaml"] };

        PaperHtml.Render(paper).ShouldContain("1 risk file could not be read at this commit and is not in this paper: risks/BAF/00/BAF-02.yaml.");
        PaperMarkdown.Render(paper).ShouldContain("> **Incomplete:** 1 risk file could not be read");
    }

    [Fact]
    public void Markdown_table_cells_keep_pipes_and_line_breaks_from_breaking_the_table()
    {
        var risk = Samples.Inequalities() with
        {
            Actions = [new RiskAction { Id = "A1", Text = "Split | the work\nin two.", Due = new DateOnly(2025, 6, 30), Status = ActionStatus.InProgress }],
        };

        var markdown = PaperMarkdown.Render(Make([risk], null));

        markdown.ShouldContain("| Split \\| the work<br>in two. |  | 30 Jun 2025 | In progress |");
    }

    [Fact]
    public void A_register_without_strategic_risks_says_so_instead_of_an_empty_table()
    {
        var paper = Make([Samples.Operational()], null, baseline: false);

        PaperHtml.Render(paper).ShouldContain("<p class=\"none\">No open strategic risks are on the register.</p>");
        PaperMarkdown.Render(paper).ShouldContain("## BAF risks: summary report\n\nNo open strategic risks are on the register.\n");
        PaperMarkdown.Render(paper).ShouldNotContain("| No | Risk and key elements");
    }

    [Theory]
    [InlineData("Aligned with Datix 18", "Aligned with Datix 18.")]
    [InlineData("Down from 12.", "Down from 12.")]
    [InlineData("Why? ", "Why?")]
    public void A_sentence_gets_one_full_stop(string text, string expected) => BoardPaper.Sentence(text).ShouldBe(expected);
}
