using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>The paper's cover sheet, kept with the iteration: given when it is cut or changed after, and on the paper of that iteration.</summary>
public sealed class CoverSheetCommandTests : RegisterTest
{
    [Fact]
    public void The_sample_march_paper_has_its_cover_sheet_with_the_movement_worked_out()
    {
        var paper = Run("report", "--at", "2025-03", "--format", "markdown").Out;

        paper.ShouldContain("| **Meeting** | Part I ICB Board Meeting, 13 Mar 2025 |\n| **Agenda item** | 12.1 |\n");
        paper.ShouldContain("| **Executive lead** | Tom Abell, Chief Executive |\n| **Author** | Sara O'Connor, Senior Corporate Services Manager |\n");
        paper.ShouldContain("| **Summary of movement** | Since the January 2025 report: 0 new, 0 closed; scores 0 up, 1 down, 7 unchanged. |");
        Run("report", "--at", "2025-01", "--format", "markdown").Out.ShouldContain("| **Purpose** | Not given. |");
    }

    [Fact]
    public void A_cover_given_when_cut_and_changed_after_is_on_the_paper_of_that_iteration_and_only_a_lead_may_change_it()
    {
        Join("governance_lead");
        var cut = Run("iteration", "create", "2025-04", "--title", "Board, April 2025", "--board-date", "2025-04-10", "--meeting", "Part I Board", "--agenda-item", "7", "--purpose", "Assurance", "--reviewed-by", "Audit Committee, Quality Committee");
        cut.Code.ShouldBe(0, cut.ToString());
        var commit = Git.Run(Register, "rev-parse", "2025-04^{commit}").Trim();

        var changed = Run("iteration", "cover", "2025-04", "--recommendation", "The Board is asked to note the BAF.", "--agenda-item", "8");
        changed.Code.ShouldBe(0, changed.ToString());

        Git.Run(Register, "rev-parse", "2025-04^{commit}").Trim().ShouldBe(commit, "the cover changes; the risks it reports do not");
        Run("iteration", "cover", "2025-04").Out.ShouldBe("Meeting: Part I Board\nAgenda-Item: 8\nExecutive-Lead: (not given)\nAuthor: (not given)\nPurpose: Assurance\nRecommendation: The Board is asked to note the BAF.\nReviewed-By: Audit Committee, Quality Committee\n");
        var paper = Run("report", "--at", "2025-04", "--format", "markdown").Out;
        paper.ShouldContain("| **Agenda item** | 8 |");
        paper.ShouldContain("| **Reviewed by** | Audit Committee and Quality Committee |");
        paper.ShouldContain("| **Title** | Board Assurance Framework, April 2025 (Board, April 2025) |");
        Git.Run(Register, "cat-file", "-p", "2025-04").ShouldContain("Board, April 2025\n\nMeeting: Part I Board\nAgenda-Item: 8\nPurpose: Assurance\nRecommendation: The Board is asked to note the BAF.\nReviewed-By: Audit Committee, Quality Committee\nBoard-Date: 2025-04-10\n");

        Join("reviewer");
        Run("iteration", "cover", "2025-04", "--purpose", "Information").Code.ShouldBe(6);
    }
}
