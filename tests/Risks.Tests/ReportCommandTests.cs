using System.Text;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>
/// 'risks report' on the sample register: the March 2025 paper against golden files, the same
/// bytes whenever and by whoever it is made, movement against the iteration before, and errors.
/// Set RISKS_WRITE_GOLDEN=1 to write the golden files anew after a deliberate change of layout.
/// </summary>
public sealed class ReportCommandTests : RegisterTest
{
    private static readonly string GoldenFolder = Path.Combine(Paths.RepoRoot, "tests", "Risks.Tests", "Golden");

    [Theory]
    [InlineData("html", "BAF-2025-03.html")]
    [InlineData("markdown", "BAF-2025-03.md")]
    public void The_March_2025_paper_matches_its_golden_file(string format, string golden)
    {
        var result = Run("report", "--at", "2025-03", "--format", format);

        result.Code.ShouldBe(0, result.ToString());
        result.Error.ShouldBeEmpty();
        var path = Path.Combine(GoldenFolder, golden);
        if (Environment.GetEnvironmentVariable("RISKS_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(path, result.Out, new UTF8Encoding(false));
        }

        result.Out.ShouldBe(File.ReadAllText(path), $"the paper differs from {path}; if the change is meant, run the tests with RISKS_WRITE_GOLDEN=1 and review the diff");
    }

    [Fact]
    public void The_paper_holds_every_strategic_risk_with_its_movement_since_January_and_the_iteration_in_the_footer()
    {
        var result = Run("report", "--at", "2025-03", "--format", "markdown");

        result.Code.ShouldBe(0, result.ToString());
        var text = result.Out;
        foreach (var id in new[] { "BAF-01", "BAF-02", "BAF-03", "BAF-04", "BAF-05", "BAF-06", "BAF-08" })
        {
            text.ShouldContain($"{id} ");
            var section = text[text.IndexOf($"\n## {int.Parse(id[^2..], System.Globalization.CultureInfo.InvariantCulture)}. {id}", StringComparison.Ordinal)..];
            section.Split('\n').First(l => l.StartsWith("- **Risk score (impact x likelihood):** ", StringComparison.Ordinal))
                .ShouldEndWith("**No change since the January 2025 report.**", Case.Sensitive, id);
        }

        text.ShouldContain("**Risk score (impact x likelihood):** 3 x 3 = 9 High.");
        text.ShouldContain("**Reduced from 12 since the January 2025 report.**");
        text.ShouldContain("## Heat map: open risks by current score");
        text.ShouldContain("## Risks outside appetite or target");
        text.ShouldContain("## Partner organisations' red risks");
        var head = Git.Head(Register);
        text.ShouldContain($"Iteration 2025-03 (Board, 13 March 2025), for the board of 13 Mar 2025, cut 13 Mar 2025 by Sara O'Connor. Commit {head[..10]} of 6 Mar 2025 11:00 (`{head}`). As at 13 Mar 2025.");
    }

    [Fact]
    public void A_paper_made_from_an_iteration_is_the_same_byte_for_byte_later_elsewhere_and_by_someone_else()
    {
        var before = Run("report", "--at", "2025-03");
        before.Code.ShouldBe(0, before.ToString());

        // HEAD is the 2025-03 commit, so the paper of HEAD is the paper of that iteration.
        Run("report").Out.ShouldBe(before.Out);

        Join();

        // Someone saves afterwards, a new iteration is cut, and the paper is made in another process,
        // in another time zone, on the real clock, written to a file.
        Run("set", "BAF-07", "current.likelihood=4", "-m", "Dashboard delayed").Code.ShouldBe(0);
        Git.Run(Register, "tag", "-a", "2025-05", "-m", "Board, May 2025");
        var file = Temp.Combine("BAF-2025-03.html");
        var later = RisksProcess.Run(Register, new Dictionary<string, string> { ["TZ"] = "Pacific/Auckland", ["LANG"] = "fr_FR.UTF-8", ["USER"] = "someone" }, "report", "--at", "2025-03", "--out", file);

        later.Code.ShouldBe(0, later.ToString());
        later.Out.ShouldContain("Wrote the BAF paper for March 2025 (iteration 2025-03, commit ");
        File.ReadAllBytes(file).ShouldBe(Encoding.UTF8.GetBytes(before.Out));
    }

    [Fact]
    public void A_paper_of_a_commit_after_the_last_iteration_measures_movement_against_that_iteration_and_marks_overdue_actions()
    {
        Join();
        Run("set", "BAF-07", "actions[A2].due=2025-03-01", "current.likelihood=4", "-m", "Dashboard delayed").Code.ShouldBe(0);

        var result = Run("report", "--format", "markdown");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("Movement is measured against the March 2025 report (iteration 2025-03).");
        result.Out.ShouldContain("**Increased from 9 since the March 2025 report.**");
        result.Out.ShouldContain("| 1 Mar 2025 **OVERDUE** |");
        result.Out.ShouldContain("Not an iteration: the register as committed. Commit ");
        result.Out.ShouldContain("As at 20 Mar 2025.");
    }

    [Fact]
    public void The_first_iteration_has_no_movement_to_report()
    {
        var result = Run("report", "--at", "2025-01", "--format", "markdown");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("There is no earlier iteration to measure movement against.");
        result.Out.ShouldNotContain(" report.**");
        result.Out.ShouldContain("**Risk score (impact x likelihood):** 3 x 4 = 12 High.");
    }

    [Fact]
    public void An_unknown_version_or_a_missing_folder_is_refused_with_what_would_work()
    {
        var unknown = Run("report", "--at", "2024-12");
        unknown.Code.ShouldBe(4, unknown.ToString());
        unknown.Error.ShouldBe("risks: '2024-12' is not an iteration, commit or date (a date is written 2025-02-28, 28 Feb 2025 or 28/02/2025); iterations: 2025-01, 2025-03\n");

        var missing = Run("report", "--out", Temp.Combine("no-such-folder", "paper.html"));
        missing.Code.ShouldBe(70, missing.ToString());
        missing.Error.ShouldContain("there is no folder");
        Directory.Exists(Temp.Combine("no-such-folder")).ShouldBeFalse();

        var format = Run("report", "--format", "pdf");
        format.Code.ShouldBe(2, format.ToString());
    }

    [Fact]
    public void A_risk_file_that_cannot_be_read_is_named_in_the_paper_and_on_stderr()
    {
        File.WriteAllText(Path.Combine(Register, SampleRegister.Baf02), "id: BAF-02\ntitle: [unclosed\n");
        Join();
        Git.Run(Register, "commit", "-qam", "Broken by hand");

        var result = Run("report", "--format", "markdown");

        result.Code.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("risks: risks/BAF/00/BAF-02.yaml could not be read at commit ");
        result.Out.ShouldContain("> **Incomplete:** 1 risk file could not be read at this commit and is not in this paper: risks/BAF/00/BAF-02.yaml.");
        result.Out.ShouldNotContain("BAF-02 Primary Care");
    }
}
