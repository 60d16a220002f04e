using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary><c>risks signoff</c> on a copy of the sample register: the commit, the paper's line, its lapse after a score change, and the iteration that needs every risk signed off.</summary>
public sealed class SignOffCommandTests : RegisterTest
{
    /// <summary>The tester joins as a governance lead whom register.yaml lets sign off.</summary>
    private void JoinAsSigner()
    {
        Join("governance_lead", "Tess Tester", "tess@example.com");
        var file = Path.Combine(Register, "register.yaml");
        File.WriteAllText(file, FileText("register.yaml").Replace("    email: tess@example.com\n    role: governance_lead\n", "    email: tess@example.com\n    role: governance_lead\n    signs_off: true\n", StringComparison.Ordinal));
        Git.Run(Register, "commit", "-qm", "Tess signs off", "--", "register.yaml");
    }

    private string Paper()
    {
        var result = Run("report", "--format", "markdown");
        result.Code.ShouldBe(0, result.ToString());
        return result.Out;
    }

    [Fact]
    public void A_sign_off_names_the_version_signed_shows_on_the_paper_and_lapses_after_a_score_change()
    {
        JoinAsSigner();
        var signedVersion = Git.Run(Register, "rev-parse", $"HEAD:{SampleRegister.Baf07}").Trim();

        var result = Run("signoff", "BAF-07", "-m", "Reviewed with the executive team");

        result.Code.ShouldBe(0, result.ToString());
        Git.Run(Register, "log", "-1", "--format=%an|%s").Trim().ShouldBe("Tess Tester|BAF-07 Inequalities: signed off by " + Environment.UserName);
        FileText(SampleRegister.Baf07).ShouldEndWith($"sign_off:\n  by: {Environment.UserName}\n  date: 2025-03-20\n  version: {signedVersion}\n  note: Reviewed with the executive team\n");
        Paper().ShouldContain("Signed off by Tess Tester on 20 Mar 2025");
        Run("show", "BAF-07").OutLines.ShouldContain($"Sign-off:      Signed off by Tess Tester on 20 Mar 2025 (version {signedVersion}): Reviewed with the executive team");
        Run("signoff", "BAF-07").Out.ShouldContain("already signed off by you");

        Run("set", "BAF-07", "performance=Better than planned.", "-m", "Monthly update").Code.ShouldBe(0);
        Paper().ShouldContain("Signed off by Tess Tester on 20 Mar 2025", customMessage: "performance is not material");

        Run("set", "BAF-07", "current.likelihood=4", "-m", "Funding withdrawn").Code.ShouldBe(0);
        Paper().ShouldContain("Signed off by Tess Tester on 20 Mar 2025; changed since (current likelihood)");
        Run("show", "BAF-07").Out.ShouldContain("Sign-off:      signed off by Tess Tester on 20 Mar 2025; changed since (current likelihood) (version ");
    }

    [Fact]
    public void Someone_neither_owner_nor_given_the_right_is_refused()
    {
        Join("governance_lead");

        var result = Run("signoff", "BAF-07");

        result.Code.ShouldBe(6, result.ToString());
        result.Error.ShouldBe($"risks: only BAF-07's owner (Rebecca Jarvis) or someone with signs_off: true in register.yaml may sign it off\n");
    }

    [Fact]
    public void When_register_yaml_requires_it_an_iteration_is_cut_only_with_every_strategic_risk_signed_off()
    {
        JoinAsSigner();
        File.AppendAllText(Path.Combine(Register, "register.yaml"), "require_sign_off: true\n");
        Git.Run(Register, "commit", "-qm", "Sign-off before each iteration", "--", "register.yaml");

        var refused = Run("iteration", "create", "2025-04");

        refused.Code.ShouldNotBe(0);
        refused.Error.ShouldContain("register.yaml asks for every open strategic risk to be signed off before an iteration is cut (require_sign_off); not signed off: BAF-01, BAF-02, BAF-03, BAF-04, BAF-05, BAF-06, BAF-07 and BAF-08");

        foreach (var id in new[] { "BAF-01", "BAF-02", "BAF-03", "BAF-04", "BAF-05", "BAF-06", "BAF-07", "BAF-08" })
        {
            Run("signoff", id).Code.ShouldBe(0);
        }

        Run("set", "BAF-07", "current.likelihood=4", "-m", "Funding withdrawn").Code.ShouldBe(0);
        Run("iteration", "create", "2025-04").Error.ShouldContain("sign-off lapsed: BAF-07 (changed since: current likelihood)");

        Run("remind", "--dry-run", "--to", "rjarvis").Out.ShouldContain("    - today (20 Mar 2025): sign it off for the board (changed since the sign-off of 20 Mar 2025; risks signoff BAF-07)\n");
        Run("remind", "--dry-run", "--to", "kbonney").Out.ShouldNotContain("sign it off", customMessage: "BAF-01 is signed off and holds");

        Run("signoff", "BAF-07").Code.ShouldBe(0);
        var cut = Run("iteration", "create", "2025-04");
        cut.Code.ShouldBe(0, cut.ToString());
    }
}
