using System.Text.Json;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>'risks log', 'risks blame' and 'risks diff' on the sample register, whose history is known (data/history.yaml).</summary>
public sealed class HistoryCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public HistoryCommandTests()
    {
        Register = SampleRegister.CopyTo(_temp.Combine("register"));
    }

    private string Register { get; }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_January_to_March_comparison_shows_inequalities_down_from_12_to_9_and_no_change_for_the_other_seven_strategic_risks()
    {
        var result = CliRunner.Run(Register, "diff", "2025-01", "2025-03");

        result.Code.ShouldBe(0, result.ToString());
        var text = result.Out;
        text.ShouldStartWith("From iteration 2025-01 (Board, January 2025), for the board of 16 Jan 2025\n  to iteration 2025-03 (Board, 13 March 2025), for the board of 13 Mar 2025\n");
        text.ShouldContain("BAF-07 Inequalities\n  Reduced from 12 since the January 2025 report: 12 -> 9");
        text.ShouldContain("  - current likelihood 4 -> 3");
        foreach (var other in new[] { "BAF-01", "BAF-02", "BAF-03", "BAF-04", "BAF-05", "BAF-06", "BAF-08" })
        {
            var at = text.IndexOf($"\n{other} ", StringComparison.Ordinal);
            at.ShouldBeGreaterThan(0, other);
            text[at..].Split('\n')[2].ShouldStartWith("  No change since the January 2025 report", Case.Sensitive, other);
        }

        text.ShouldContain("14 risks: 0 new, 0 closed; scores 0 up, 2 down (0 de-escalated to a lower band), 12 unchanged");
    }

    [Fact]
    public void The_comparison_as_json_and_markdown_carries_the_same_facts()
    {
        var json = CliRunner.Run(Register, "diff", "2025-01", "2025-03", "--format", "json");
        json.Code.ShouldBe(0, json.ToString());
        using var document = JsonDocument.Parse(json.Out);
        var risks = document.RootElement.GetProperty("risks").EnumerateArray().ToList();
        var inequalities = risks.Single(r => r.GetProperty("id").GetString() == "BAF-07");
        inequalities.GetProperty("score_before").GetInt32().ShouldBe(12);
        inequalities.GetProperty("score_after").GetInt32().ShouldBe(9);
        inequalities.GetProperty("movement").GetString().ShouldBe("score_down");
        inequalities.GetProperty("score_movement").GetString().ShouldBe("down");
        var counts = document.RootElement.GetProperty("counts");
        counts.GetProperty("score_down").GetInt32().ShouldBe(2);
        counts.GetProperty("de_escalated").GetInt32().ShouldBe(0);
        var parts = new[] { "new", "closed", "score_up", "score_down", "score_unchanged", "unscored" }.Sum(name => counts.GetProperty(name).GetInt32());
        parts.ShouldBe(counts.GetProperty("compared").GetInt32());
        document.RootElement.GetProperty("from").GetProperty("board_date").GetString().ShouldBe("2025-01-16");
        document.RootElement.GetProperty("to").GetProperty("board_date").GetString().ShouldBe("2025-03-13");

        var markdown = CliRunner.Run(Register, "diff", "2025-01", "2025-03", "--format", "markdown");
        markdown.Code.ShouldBe(0, markdown.ToString());
        markdown.Out.ShouldContain("14 risks: 0 new, 0 closed; scores 0 up, 2 down (0 de-escalated to a lower band), 12 unchanged.");
        markdown.Out.ShouldContain("| 0 | 0 | 0 | 0 | 2 | 0 | 12 | 0 |");
        markdown.Out.ShouldContain("## BAF-07 Inequalities");
        markdown.Out.ShouldContain("**Reduced from 12 since the January 2025 report: 12 -> 9");
        markdown.Out.ShouldContain("~~");
    }

    [Fact]
    public void Word_edits_read_in_words_and_colour_at_a_terminal_in_words_alone_with_NO_COLOR_and_as_git_word_diff_to_a_script()
    {
        const string Basis = "  - current score rationale: The month ";

        var piped = CliRunner.Run(Register, "diff", "2025-01", "2025-03");
        piped.Out.ShouldContain(Basis + "[-8-]{+10+} forecast shows a shortfall against the efficiency plan.");
        piped.Out.ShouldNotContain("\u001b[");

        var terminal = CliRunner.RunAtTerminal(Register, null, "diff", "2025-01", "2025-03");
        terminal.Code.ShouldBe(0, terminal.ToString());
        terminal.Out.ShouldContain(Basis + "‹\u001b[31;9m8\u001b[0m → \u001b[32;1m10\u001b[0m› forecast shows a shortfall");
        terminal.Out.ShouldContain("BAF-07 Inequalities\n  Reduced from 12 since the January 2025 report: 12 -> 9");

        var plain = CliRunner.RunAtTerminal(Register, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, "diff", "2025-01", "2025-03");
        plain.Out.ShouldContain(Basis + "‹8 → 10› forecast shows a shortfall against the efficiency plan.");
        plain.Out.ShouldContain("‹PA Consulting is working with the system → The plan identifies 7 key programmes› to ‹identify the key programmes → drive system sustainability›.");
        plain.Out.ShouldNotContain("\u001b[");
        plain.Out.ShouldNotContain("[-");
        plain.Out.ShouldNotContain("{+");

        var help = CliRunner.Run(Register, "diff", "--help");
        help.Out.ShouldContain("‹old → new›");
        help.Out.ShouldContain("[-old-]");
        help.Out.ShouldContain("{+new+}");
    }

    [Fact]
    public void Diff_names_dates_and_head_and_explains_a_name_that_is_nothing()
    {
        var result = CliRunner.Run(Register, "diff", "2025-02-28", "HEAD");
        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("the register as at the end of 28 Feb 2025");

        var bad = CliRunner.Run(Register, "diff", "last-month", "HEAD");
        bad.Code.ShouldBe(4, bad.ToString());
        bad.Error.ShouldContain("'last-month' is not an iteration, commit or date");
    }

    [Fact]
    public void Log_shows_every_commit_of_a_risk_newest_first_with_who_why_and_the_changes_and_hand_commits_too()
    {
        var path = Path.Combine(Register, "risks", "BAF", "00", "BAF-07.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("trajectory: improving", "trajectory: stable", StringComparison.Ordinal));
        Git.Run(Register, "-c", "user.name=Hand Editor", "-c", "user.email=hand@mse.example", "commit", "-q", "-am", "Trajectory back to stable", "-m", "Agreed at the deep dive.");

        var result = CliRunner.Run(Register, "log", "BAF-7");

        result.Code.ShouldBe(0, result.ToString());
        var text = result.Out;
        text.ShouldStartWith("History of BAF-07 Inequalities: 3 commits, newest first");
        var hand = text.IndexOf("Hand Editor", StringComparison.Ordinal);
        var march = text.IndexOf("current likelihood 4 -> 3", StringComparison.Ordinal);
        hand.ShouldBeGreaterThan(0);
        march.ShouldBeGreaterThan(hand);
        text.ShouldContain("committed outside Risks");
        text.ShouldContain("Why: Agreed at the deep dive.");
        text.ShouldContain("- trajectory improving -> stable");
        text.ShouldContain("Rebecca Jarvis");

        var patch = CliRunner.Run(Register, "log", "BAF-07", "--patch");
        patch.Out.ShouldContain("-trajectory: improving\n+trajectory: stable");

        var json = CliRunner.Run(Register, "log", "BAF-07", "--format", "json");
        using var document = JsonDocument.Parse(json.Out);
        document.RootElement.GetProperty("history").GetArrayLength().ShouldBe(3);
        document.RootElement.GetProperty("history")[0].GetProperty("by_program").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void Blame_names_the_march_review_for_the_likelihood_and_the_january_entry_for_the_impact()
    {
        var result = CliRunner.Run(Register, "blame", "BAF-07", "--format", "json");

        result.Code.ShouldBe(0, result.ToString());
        using var document = JsonDocument.Parse(result.Out);
        var fields = document.RootElement.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!);
        fields["current.likelihood"].GetProperty("when").GetString()!.ShouldStartWith("2025-03-04");
        fields["current.impact"].GetProperty("when").GetString()!.ShouldStartWith("2025-01-08");
        fields["current.likelihood"].GetProperty("author").GetString().ShouldBe("Rebecca Jarvis");

        var text = CliRunner.Run(Register, "blame", "BAF-07");
        text.Out.ShouldContain("current likelihood");
        text.Out.ShouldContain("4 Mar 2025");
    }

    [Fact]
    public void Log_of_a_risk_that_never_was_says_so()
    {
        var result = CliRunner.Run(Register, "log", "BAF-99");

        result.Code.ShouldBe(4, result.ToString());
        result.Error.ShouldContain("no commit has changed BAF-99");
    }
}
