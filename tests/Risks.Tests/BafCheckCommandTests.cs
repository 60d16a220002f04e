using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary><c>risks check --baf</c> on a copy of the sample register with rule breaches planted in it, and register.yaml's <c>baf_check</c>.</summary>
public sealed class BafCheckCommandTests : RegisterTest
{
    private void Edit(string path, Func<string, string> edit) =>
        File.WriteAllText(Path.Combine(Register, path), edit(FileText(path)));

    /// <summary>Gives every gap of BAF-07 an open action with an owner and a date, so it keeps every rule on 20 Mar 2025.</summary>
    private void MendBaf07() => Edit(SampleRegister.Baf07, text => text
        .Replace("    status: in_progress\n    update: Final testing", "    status: in_progress\n    gap: G1\n    update: Final testing", StringComparison.Ordinal)
        .Replace("    due: 2025-05-31\n    status: in_progress\n", "    due: 2025-05-31\n    status: in_progress\n    gap: G2\n", StringComparison.Ordinal)
        .Replace("    status: not_started\n", "    status: not_started\n    gap: G3\n", StringComparison.Ordinal)
        .Replace("  - CRR-018\n", "  - CRR-018\n  - CRR-058\n", StringComparison.Ordinal)
        .Replace("last_reviewed:", "  - id: A4\n    text: Agree a funding formula.\n    owner: etimpson\n    due: 2025-09-30\n    status: not_started\n    gap: G4\nlast_reviewed:", StringComparison.Ordinal));

    /// <summary>Only BAF-07, the risk it links to and CRR-058: every other risk's file is taken out of the work tree for the test.</summary>
    private void OnlyBaf07AndCrr058()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Register, "risks"), "*.yaml", SearchOption.AllDirectories))
        {
            if (!file.EndsWith("BAF-07.yaml", StringComparison.Ordinal) && !file.EndsWith("CRR-058.yaml", StringComparison.Ordinal) && !file.EndsWith("CRR-018.yaml", StringComparison.Ordinal))
            {
                File.Delete(file);
            }
        }

        // The board's actions and the undertakings name risks taken out: they go too.
        Directory.Delete(Path.Combine(Register, "board-actions"), recursive: true);
        Directory.Delete(Path.Combine(Register, "undertakings"), recursive: true);

        // CRR-058 links to BAF-03, taken out with the rest.
        Edit("risks/CRR/00/CRR-058.yaml", text => text.Replace("linked_risks:\n  - BAF-03\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_baf_the_check_is_as_before()
    {
        var result = Run("check");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldBeEmpty();
        result.Error.ShouldBe("14 risks, 2 board actions, 2 undertakings checked: no problems.\n");
    }

    [Fact]
    public void The_rule_breaches_planted_are_found_each_with_its_rule_id_file_and_line()
    {
        OnlyBaf07AndCrr058();
        MendBaf07();
        Run("check", "--baf").Code.ShouldBe(0, "BAF-07 mended and CRR-058 linked from it: nothing to find");

        Edit(SampleRegister.Baf07, text => text
            .Replace("next_review: 2025-05-06", "next_review: 2025-03-01", StringComparison.Ordinal)
            .Replace("    gap: G4\n", "", StringComparison.Ordinal)
            .Replace("  - CRR-058\n", "", StringComparison.Ordinal));
        Edit("risks/CRR/00/CRR-058.yaml", text => text.Replace("  likelihood: 4\n  rationale: Bids", "  likelihood: 5\n  rationale: Bids", StringComparison.Ordinal));

        var result = Run("check", "--baf");

        result.Code.ShouldBe(1, result.ToString());
        result.OutLines.ShouldBe(
        [
            "risks/BAF/00/BAF-07.yaml:85:5: error [gap-action] BAF-07 gap G4 has no open action to close it (an action with gap: G4)",
            "risks/BAF/00/BAF-07.yaml:144:14: error [review-overdue] BAF-07 was due for review on 1 Mar 2025 (2 weeks overdue)",
            "risks/CRR/00/CRR-058.yaml:20:3: error [high-risk-linked] CRR-058 scores 20 and is not linked with any strategic risk; link it (linked_risks) or say why it is not on the BAF (not_on_baf)",
        ]);
        result.Error.ShouldBe("3 risks checked: no problems; 10 BAF rules: 3 errors and 0 warnings in 2 risks.\n");
    }

    [Fact]
    public void A_register_turns_a_rule_off_or_makes_it_a_warning_in_register_yaml()
    {
        OnlyBaf07AndCrr058();
        Edit("register.yaml", text => text + "baf_check:\n  rules:\n    gap-action: off\n    review-overdue: warning\n    high-risk-linked: off\n");
        Edit(SampleRegister.Baf07, text => text.Replace("next_review: 2025-05-06", "next_review: 2025-03-01", StringComparison.Ordinal));

        var result = Run("check", "--baf");

        result.Code.ShouldBe(0, result.ToString());
        result.OutLines.ShouldBe(["risks/BAF/00/BAF-07.yaml:136:14: warning [review-overdue] BAF-07 was due for review on 1 Mar 2025 (2 weeks overdue)"]);
        result.Error.ShouldBe("3 risks checked: no problems; 8 BAF rules (2 turned off in register.yaml): 0 errors and 1 warning in 1 risk.\n");
    }

    [Fact]
    public void An_unknown_rule_or_severity_in_register_yaml_is_named_at_its_line()
    {
        var lines = FileText("register.yaml").Split('\n').Length;
        Edit("register.yaml", text => text + "baf_check:\n  on_push: true\n  rules:\n    gap-actions: off\n    committee: maybe\n");

        var result = Run("check", "--baf");

        result.Code.ShouldBe(1, result.ToString());
        result.OutLines.ShouldBe(
        [
            $"register.yaml:{lines + 3}:5: there is no BAF rule \"gap-actions\"; the rules are current-score, target-score, target-date, owner, committee, gap-action, review-overdue, above-tolerance, high-risk-linked or action-not-started",
            $"register.yaml:{lines + 4}:16: baf_check.rules.committee must be error, warning or off, found \"maybe\"",
        ]);
        result.Error.ShouldEndWith("; the BAF rules were not checked: they need a register.yaml that can be read.\n");
    }
}
