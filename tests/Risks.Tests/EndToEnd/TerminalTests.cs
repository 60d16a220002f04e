using Risks.Tests.Support;

namespace Risks.Tests.EndToEnd;

/// <summary>
/// The real program in tmux at 80x24, driven by keys as a person would: the sample register,
/// a filter, a risk opened, its likelihood lowered and saved with a reason, and the commit found
/// in git log; and a reviewer, who is told why they cannot save.
/// </summary>
[Collection(nameof(TerminalTests))]
public sealed class TerminalTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public TerminalTests()
    {
        Tmux.Available.ShouldBeTrue("the end-to-end tests need tmux (apt-get install tmux)");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_governance_lead_lowers_a_likelihood_with_a_reason_and_git_log_shows_it()
    {
        var register = Demo();
        using var tmux = new Tmux(register, ["--register", register]);
        tmux.WaitFor("14 of 14 risks: 11 Extreme, 2 High, 1 Moderate");
        tmux.WaitFor("trend since 2025-03");

        tmux.Send("/");
        tmux.Type("ineq");
        tmux.WaitFor("2 of 14 risks");
        tmux.Send("Enter", "Enter");
        tmux.WaitFor("BAF-07 Inequalities  [saved]");
        tmux.WaitFor("No change since the March 2025 report; trend ▄▃▃ (12, 9, 9)");
        tmux.WaitFor("you may edit it");

        GoTo(tmux, "Current likelihood");
        tmux.Send("Enter");
        tmux.WaitFor("┥Current likelihood┝");
        tmux.Send("Up", "Enter");
        tmux.WaitFor("2 Unlikely");

        tmux.Send("w");
        tmux.WaitFor("BAF-07 Inequalities: current score 9 -> 6");
        tmux.WaitFor("Reason (required: a score changed)");
        tmux.Type("Outreach reached every PCN");
        tmux.Send("Enter");
        tmux.WaitFor("Saved as commit");

        tmux.Send("C-q");
        tmux.WaitForExit().ShouldBe(0);
        Git.Run(register, "log", "-1", "--format=%an|%s|%b").ShouldStartWith($"{Environment.UserName}|BAF-07 Inequalities: current score 9 -> 6|Outreach reached every PCN");
    }

    [Fact]
    public void A_reviewer_reads_a_risks_history_and_its_patch_then_compares_january_with_march()
    {
        var register = Demo();
        using var tmux = new Tmux(register, ["--register", register]);
        tmux.WaitFor("14 of 14 risks");
        tmux.Send("/");
        tmux.Type("BAF-07");
        tmux.WaitFor("1 of 14 risks");
        tmux.Send("Enter", "Enter");
        tmux.WaitFor("BAF-07 Inequalities  [saved]");

        tmux.Send("h");
        tmux.WaitFor("History of BAF-07 Inequalities: 2 commits, newest first");
        tmux.WaitFor("current score 12 -> 9");
        tmux.WaitFor("Why: Score lowered from 12 to 9");
        tmux.WaitFor("- current likelihood 4 -> 3");
        tmux.Send("p");
        tmux.WaitFor("+++ b/risks/BAF/00/BAF-07.yaml");
        tmux.WaitFor("-  likelihood: 4");
        tmux.Send("Escape");
        tmux.WaitForGone("+++ b/risks/BAF/00/BAF-07.yaml");
        tmux.Send("q");
        tmux.WaitFor("BAF-07 Inequalities  [saved]");

        tmux.Send("4");
        tmux.WaitFor("From iteration 2025-01 (Board, January 2025)");
        tmux.WaitFor("14 risks: 0 new, 0 closed; scores 0 up, 2 down");
        tmux.WaitFor("12 → 9 down");

        tmux.Send("C-q");
        tmux.WaitForExit().ShouldBe(0);
    }

    [Fact]
    public void A_reviewer_reads_but_cannot_save_and_is_told_why()
    {
        var register = Demo();
        var settings = Path.Combine(register, "register.yaml");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("role: governance_lead\n    job_title: Trying the sample register", "role: reviewer\n    job_title: Trying the sample register", StringComparison.Ordinal));
        Git.SetIdentity(register);
        Git.Run(register, "commit", "-qam", "Make the visitor a reviewer");
        var head = Git.Head(register);

        using var tmux = new Tmux(register, ["--register", register]);
        tmux.WaitFor("reviewer");
        tmux.Send("/");
        tmux.Type("ineq");
        tmux.Send("Enter", "Enter");
        tmux.WaitFor("read only:");
        GoTo(tmux, "Current likelihood");
        tmux.Send("Enter");
        tmux.WaitFor("reviewers read the register but change nothing");
        tmux.Send("w");
        tmux.WaitFor("Cannot save:");

        tmux.Send("C-q");
        tmux.WaitForExit().ShouldBe(0);
        Git.Head(register).ShouldBe(head);
    }

    [Fact]
    public void Quitting_with_unsaved_edits_asks_first_and_keeps_them_when_told_to()
    {
        var register = Demo();
        using var tmux = new Tmux(register, ["--register", register]);
        tmux.WaitFor("14 of 14 risks");
        tmux.Send("Enter");
        tmux.WaitFor("[saved]");
        GoTo(tmux, "Current likelihood");
        tmux.Send("Enter");
        tmux.WaitFor("┥Current likelihood┝");
        tmux.Send("Up", "Enter");
        tmux.WaitFor("edited, not saved");

        tmux.Send("C-q");
        tmux.WaitFor("unsaved change");
        tmux.Send("Enter");
        tmux.WaitFor("edited, not saved");
        tmux.ExitCode.ShouldBeNull();

        tmux.Send("C-q");
        tmux.WaitFor("unsaved change");
        tmux.Send("BTab", "Space");
        tmux.WaitForExit().ShouldBe(0);
    }

    [Fact]
    public void A_governance_lead_writes_the_march_board_paper_from_the_register_screen()
    {
        var register = Demo();
        var home = Directory.CreateDirectory(Path.Combine(_temp.Path, "home")).FullName;
        using var tmux = new Tmux(register, ["--register", register], variables: new Dictionary<string, string> { ["HOME"] = home });
        tmux.WaitFor("14 of 14 risks");

        tmux.Send("p");
        tmux.WaitFor("Papers and exports");
        tmux.WaitFor("BAF paper (HTML, prints to A4) of iteration 2025-03");
        tmux.Send("Enter");
        tmux.WaitFor($"{home}/BAF-2025-03.html");
        tmux.Send("Enter");
        tmux.WaitFor("Wrote the BAF paper for March 2025");
        tmux.WaitFor("scp ");
        tmux.Send("Enter");
        tmux.WaitForGone("scp ");

        var paper = File.ReadAllText(Path.Combine(home, "BAF-2025-03.html"));
        paper.ShouldContain("Reduced from 12 since the January 2025 report");
        Git.Status(register).ShouldBeEmpty("the paper is written outside the register's work tree");
        tmux.Send("C-q");
        tmux.WaitForExit().ShouldBe(0);
    }

    [Fact]
    public void Edits_typed_before_the_program_is_killed_are_offered_back_intact_on_the_next_start()
    {
        var register = Demo();
        var head = Git.Head(register);
        using (var tmux = new Tmux(register, ["--register", register]))
        {
            tmux.WaitFor("14 of 14 risks");
            tmux.Send("/");
            tmux.Type("BAF-07");
            tmux.WaitFor("1 of 14 risks");
            tmux.Send("Enter", "Enter");
            tmux.WaitFor("you may edit it");
            tmux.Send("Enter");
            tmux.WaitFor("┥Title┝");
            tmux.Type("Inequalities — a £2m gap");
            tmux.Send("Enter");
            tmux.WaitFor("[edited, not saved: 1 change]");
            GoTo(tmux, "Performance");
            tmux.Send("Enter");
            tmux.WaitFor("┥Performance┝");
            tmux.Send("C-a");
            tmux.Type("Uptake rose to 71% — up from 64%");
            tmux.Send("M-s");
            tmux.WaitFor("[edited, not saved: 2 changes]");

            tmux.Kill();
            tmux.WaitForExit().ShouldBe(137);
        }

        Git.Head(register).ShouldBe(head, "nothing was saved");
        using var again = new Tmux(register, ["--register", register]);
        again.WaitFor("Unsaved edits kept from last time");
        again.WaitFor("BAF-07 Inequalities — a £2m gap: 2 changes, kept ");
        again.Send("Enter");
        again.WaitFor("BAF-07 Inequalities — a £2m gap  [edited, not saved: 2 changes]");
        again.WaitFor("Your edits to BAF-07 from ");
        GoTo(again, "Performance");
        again.WaitFor("Uptake rose to 71% — up from 64%");
        again.Send("w");
        again.WaitFor("Reason (recorded with the change)");
        again.Type("Figures for March");
        again.Send("Enter");
        again.WaitFor("Saved as commit");
        again.Send("C-q");
        again.WaitForExit().ShouldBe(0);

        var committed = Git.Run(register, "show", $"HEAD:{SampleRegister.Baf07}");
        committed.ShouldContain("title: Inequalities — a £2m gap\n");
        committed.ShouldContain("performance: Uptake rose to 71% — up from 64%\n");
        Directory.EnumerateFiles(Path.Combine(register, ".git", "risks", "drafts"), "*", SearchOption.AllDirectories).ShouldBeEmpty("a saved draft is gone");
    }

    [Fact]
    public void A_save_from_another_process_shows_on_screen_and_the_unsaved_edit_is_reapplied_on_it()
    {
        var register = Demo();
        using var tmux = new Tmux(register, ["--register", register]);
        tmux.WaitFor("14 of 14 risks");
        tmux.Send("/");
        tmux.Type("ineq");
        tmux.WaitFor("2 of 14 risks");
        tmux.Send("Enter", "Enter");
        tmux.WaitFor("you may edit it");
        tmux.Send("Enter");
        tmux.WaitFor("┥Title┝");
        tmux.Send("C-a");
        tmux.Type("Health inequalities");
        tmux.Send("Enter");
        tmux.WaitFor("[edited, not saved: 1 change]");

        // Someone else, in another process, saves the same risk.
        var other = RisksProcess.Run(register, "set", "BAF-07", "performance=Uptake rose to 71%", "-m", "Monthly figures");
        other.Code.ShouldBe(0, other.ToString());

        tmux.WaitFor("Someone else saved BAF-07 just now; your unsaved edits are kept");
        tmux.WaitFor("[edited, not saved: 1 change]");
        tmux.Send("C-s");
        tmux.WaitFor("Reason (recorded with the change)");
        tmux.Type("Clearer name");
        tmux.Send("Enter");
        tmux.WaitFor("Their changes:");
        tmux.WaitFor("- performance updated");
        tmux.WaitFor("Your changes (kept, not lost):");
        tmux.Send("BTab", "Enter");
        tmux.WaitForGone("Their changes:");
        tmux.Send("C-s");
        tmux.WaitFor("Reason (recorded with the change)");
        tmux.Type("Clearer name");
        tmux.Send("Enter");
        tmux.WaitFor("Saved as commit");
        tmux.Send("C-q");
        tmux.WaitForExit().ShouldBe(0);

        var committed = Git.Run(register, "show", $"HEAD:{SampleRegister.Baf07}");
        committed.ShouldContain("title: Health inequalities\n");
        committed.ShouldContain("performance: Uptake rose to 71%\n");
        Git.Lines(register, "log", "-2", "--format=%s").ShouldBe(["BAF-07 Health inequalities: title \"Inequalities\" -> \"Health inequalities\"", "BAF-07 Inequalities: performance updated"]);
    }

    /// <summary>Moves the selection on a field screen down to the field named <paramref name="label"/>, reading the detail pane as it goes.</summary>
    internal static void GoTo(Tmux tmux, string label)
    {
        for (var i = 0; i < 80; i++)
        {
            if (tmux.Screen.Split('\n').Any(line => line.StartsWith($"{label}: ", StringComparison.Ordinal)))
            {
                return;
            }

            tmux.Send("Down");
        }

        throw new ShouldAssertException($"{label} was not reached; the screen was:\n{tmux.Screen}");
    }

    [Fact]
    public void A_governance_lead_updates_and_closes_a_board_action_on_the_board_log_screen()
    {
        var register = Demo();
        using var tmux = new Tmux(register, ["--register", register]);
        tmux.WaitFor("14 of 14 risks");

        tmux.Send("6");
        tmux.WaitFor("Board actions open: 2; undertakings open: 2");
        tmux.WaitFor("Undertaking 2");
        tmux.WaitFor("Board action 54: EDI High Impact Actions (item 7, board of 14 Nov 2024)");
        tmux.Send("u");
        tmux.WaitFor("┥Update board action 54┝");
        tmux.Type("Paper drafted for May");
        tmux.Send("Enter");
        tmux.WaitFor("Where it stands now:");
        tmux.Send("Enter");
        tmux.WaitFor("Saved: Board action 54 updated");

        tmux.Send("c");
        tmux.WaitFor("complete: it was done");
        tmux.Send("Enter");
        tmux.WaitFor("Closing note:");
        tmux.Type("Reported to the May board");
        tmux.Send("Enter");
        tmux.WaitFor("Saved: Board action 54 complete");
        tmux.WaitFor("Board actions open: 1");

        tmux.Send("C-q");
        tmux.WaitForExit().ShouldBe(0);
        Git.Lines(register, "log", "-2", "--format=%an|%s", "--", "board-actions/54.yaml").ShouldBe([$"{Environment.UserName}|Board action 54 complete", $"{Environment.UserName}|Board action 54 updated"]);
    }

    private string Demo()
    {
        var register = Path.Combine(_temp.Path, "register");
        var result = RisksProcess.Run(_temp.Path, "demo", register, "--no-ui");
        result.Code.ShouldBe(0, result.ToString());
        return register;
    }
}
