using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>
/// Roles on the settings commands: only governance leads change settings, judged by register.yaml
/// as committed; anyone reads them.
/// </summary>
public sealed class SettingsRoleCommandTests : RegisterTest
{
    /// <summary>Every command that changes a setting, each one that would succeed for a governance lead.</summary>
    public static TheoryData<string[]> Writes() => new()
    {
        new[] { "settings", "set", "categories+=Estates", "-m", "x" },
        new[] { "objectives", "add", "SO8", "--title", "Digital services", "-m", "x" },
        new[] { "objectives", "edit", "SO2", "--tolerance", "12", "-m", "x" },
        new[] { "objectives", "retire", "SO2", "-m", "x" },
        new[] { "objectives", "unretire", "SO2", "-m", "x" },
        new[] { "objectives", "remove", "SO2", "-m", "x" },
        new[] { "people", "add", "hetester", "--name", "Helen Tester", "--role", "governance_lead", "-m", "x" },
        new[] { "people", "edit", "kbonney", "--role", "governance_lead", "-m", "x" },
        new[] { "people", "remove", "tabell", "-m", "x" },
        new[] { "partners", "add", "--organisation", "EPUT", "--title", "Digital resilience", "--score", "16", "-m", "x" },
        new[] { "partners", "edit", "1", "--score", "20", "-m", "x" },
        new[] { "partners", "remove", "1", "-m", "x" },
    };

    private void ShouldBeUntouched(string head, byte[] before)
    {
        Git.Head(Register).ShouldBe(head);
        FileBytes("register.yaml").ShouldBe(before);
        Git.Status(Register).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public void A_reviewer_changes_no_setting_and_is_told_why(string[] args)
    {
        Join("reviewer", "Audit Chair");
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var result = Run(args);

        (result.Code, result.Error).ShouldBe((6, "risks: Audit Chair is a reviewer: reviewers read the register but change nothing; ask a governance lead to change your role in register.yaml\n"));
        ShouldBeUntouched(head, before);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public void A_risk_owner_changes_no_setting(string[] args)
    {
        Join("risk_owner", "Tess Tester");
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var result = Run(args);

        result.Code.ShouldBe(6, result.ToString());
        result.Error.ShouldContain("only governance leads may change the register's settings");
        result.Error.ShouldContain("Tess Tester is a risk owner");
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void Someone_not_among_the_people_changes_no_setting()
    {
        var (head, before) = (Git.Head(Register), FileBytes("register.yaml"));

        var result = Run("objectives", "add", "SO8", "--title", "Digital services", "-m", "x");

        result.Code.ShouldBe(6, result.ToString());
        result.Error.ShouldContain(Environment.UserName);
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void Making_yourself_a_lead_in_the_folder_without_a_commit_does_not_make_you_one()
    {
        Join("risk_owner", "Tess Tester");
        var file = Path.Combine(Register, "register.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace($"login: {Environment.UserName}\n    name: Tess Tester\n    email: {CliRunner.UserEmail}\n    role: risk_owner", $"login: {Environment.UserName}\n    name: Tess Tester\n    email: {CliRunner.UserEmail}\n    role: governance_lead", StringComparison.Ordinal));
        Git.Status(Register).Trim().ShouldBe("M register.yaml");
        var head = Git.Head(Register);

        var result = Run("settings", "set", "categories+=Estates", "-m", "x");

        result.Code.ShouldBe(6, result.ToString());
        result.Error.ShouldContain("Tess Tester is a risk owner");
        Git.Head(Register).ShouldBe(head);
    }

    [Fact]
    public void Anyone_reads_the_settings()
    {
        Join("reviewer", "Audit Chair");

        foreach (var args in new[] { new[] { "settings", "show" }, ["objectives", "list"], ["people", "list"], ["partners", "list"] })
        {
            var result = Run(args);
            result.Code.ShouldBe(0, $"{string.Join(' ', args)}: {result}");
            result.Out.ShouldNotBeEmpty();
            result.Error.ShouldBeEmpty();
        }
    }
}
