using Risks.Core.Domain;
using Risks.Storage.Git;
using Risks.Tests.Support;

namespace Risks.Tests;

public sealed class InitCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Init_makes_a_register_with_the_organisation_and_the_login_as_governance_lead_in_one_commit()
    {
        var target = _temp.Combine("trust");

        var result = CliRunner.Run(_temp.Path, "init", target, "--organisation", "Test Trust", "--name", "A B", "--email", "a@b.example");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain($"Made a register for Test Trust at {target}, with A B ({Environment.UserName}) as governance lead.");
        var yaml = File.ReadAllText(Path.Combine(target, "register.yaml"));
        yaml.ShouldStartWith("organisation: Test Trust\n");
        yaml.ShouldContain($"people:\n  - login: {Environment.UserName}\n    name: A B\n    email: a@b.example\n    role: governance_lead\n");
        var settings = RegisterRepository.Open(target).Load();
        settings.SettingsValid.ShouldBeTrue();
        settings.Settings.Organisation.ShouldBe("Test Trust");
        var lead = settings.Settings.People.ShouldHaveSingleItem();
        (lead.Login, lead.Name, lead.Email, lead.Role).ShouldBe((Environment.UserName, "A B", "a@b.example", Role.GovernanceLead));
        settings.Risks.ShouldBeEmpty();

        Git.Lines(target, "log", "--format=%an <%ae> | %s").ShouldBe(["A B <a@b.example> | Register created for Test Trust"]);
        Git.Lines(target, "ls-files").ShouldBe([".gitattributes", "register.yaml"]);
        Git.Run(target, "symbolic-ref", "--short", "HEAD").Trim().ShouldBe("main");
        Git.Status(target).ShouldBeEmpty();
        Git.Run(target, "log", "-1", "--format=%aI").Trim().ShouldBe("2025-03-20T10:00:00+00:00");
    }

    [Fact]
    public void A_new_register_lists_no_risks_and_checks_clean()
    {
        var target = _temp.Combine("trust");
        CliRunner.Run(_temp.Path, "init", target, "--organisation", "Test Trust", "--name", "A B", "--email", "a@b.example").Code.ShouldBe(0);

        var list = CliRunner.Run(target, "list");
        list.Code.ShouldBe(0, list.ToString());
        list.OutLines[^1].ShouldBe("0 risks");
        CliRunner.Run(target, "check").Code.ShouldBe(0);
    }

    [Fact]
    public void Init_in_the_current_folder_names_the_organisation_after_it()
    {
        var target = _temp.Combine("Southend Trust");
        Directory.CreateDirectory(target);

        var result = CliRunner.Run(target, "init", "--name", "A B", "--email", "a@b.example");

        result.Code.ShouldBe(0, result.ToString());
        File.ReadAllText(Path.Combine(target, "register.yaml")).ShouldStartWith("organisation: Southend Trust\n");
    }

    [Fact]
    public void Init_into_a_folder_that_is_not_empty_refuses_and_leaves_it_untouched()
    {
        var target = _temp.Combine("busy");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "mine\n");
        var before = TempFolder.Contents(target);

        var result = CliRunner.Run(_temp.Path, "init", target, "--organisation", "Test Trust", "--name", "A B", "--email", "a@b.example");

        result.Code.ShouldNotBe(0);
        result.Error.ShouldContain($"{target} is not empty");
        TempFolder.Contents(target).ShouldBe(before);
    }

    [Fact]
    public void Init_with_no_name_or_email_anywhere_exits_5_and_makes_nothing()
    {
        var target = _temp.Combine("trust");

        var result = CliRunner.Run(_temp.Path, "init", target, "--organisation", "Test Trust");

        result.Code.ShouldBe(5, result.ToString());
        result.Error.ShouldContain("--name and --email");
        Directory.Exists(target).ShouldBeFalse();
    }
}
