using Microsoft.Extensions.Time.Testing;
using Risks.Cli;
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
        var settings = Register.Open(target).Reader.Load();
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

    /// <summary>Runs init as at a terminal, answering its questions with <paramref name="input"/>, with git config holding <paramref name="gitConfig"/>.</summary>
    private CliRunner.Result AtTerminal(string input, IReadOnlyDictionary<string, string> gitConfig, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext
        {
            Out = output,
            Error = error,
            In = new StringReader(input),
            Clock = new FakeTimeProvider(CliRunner.Now),
            CurrentDirectory = _temp.Path,
            Variable = _ => null,
            GitConfig = key => gitConfig.GetValueOrDefault(key),
            Interactive = true,
            DataFolder = Paths.DataFolder,
        };
        var code = CommandLine.Run(args, context);
        return new CliRunner.Result(code, output.ToString(), error.ToString());
    }

    [Fact]
    public void At_a_terminal_init_asks_for_the_organisation_name_and_email_and_Enter_takes_what_is_offered()
    {
        var target = _temp.Combine("Southend Trust");
        var config = new Dictionary<string, string> { ["user.name"] = "Kathy Bonney", ["user.email"] = "kathy.bonney@example.nhs.uk" };

        var result = AtTerminal("\n\n\n", config, "init", target);

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("Organisation [Southend Trust]: ");
        result.Out.ShouldContain("Your name [Kathy Bonney]: ");
        result.Out.ShouldContain("Your email [kathy.bonney@example.nhs.uk]: ");
        File.ReadAllText(Path.Combine(target, "register.yaml")).ShouldStartWith("organisation: Southend Trust\n");
        File.ReadAllText(Path.Combine(target, "register.yaml")).ShouldContain(
            $"people:\n  - login: {Environment.UserName}\n    name: Kathy Bonney\n    email: kathy.bonney@example.nhs.uk\n    role: governance_lead\n");
        Git.Lines(target, "log", "--format=%an <%ae> | %s").ShouldBe(["Kathy Bonney <kathy.bonney@example.nhs.uk> | Register created for Southend Trust"]);
    }

    [Fact]
    public void At_a_terminal_answers_replace_what_is_offered_and_a_missing_or_wrong_one_is_asked_again()
    {
        var target = _temp.Combine("trust");

        var result = AtTerminal("Test Trust\n\nA B\nnot an address\na@b.example\n", new Dictionary<string, string>(), "init", target, "--job-title", "Head of Governance");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("Organisation [trust]: Your name: ");
        result.Out.ShouldContain("Your name is needed.");
        result.Out.ShouldContain("Your email must be an email address, found \"not an address\"");
        var settings = Register.Open(target).Reader.Load().Settings;
        settings.Organisation.ShouldBe("Test Trust");
        var lead = settings.People.ShouldHaveSingleItem();
        (lead.Login, lead.Name, lead.Email, lead.Role, lead.JobTitle).ShouldBe((Environment.UserName, "A B", "a@b.example", Role.GovernanceLead, "Head of Governance"));
        Git.CommitCount(target).ShouldBe(1);
    }

    [Fact]
    public void At_a_terminal_nothing_is_asked_that_the_options_give()
    {
        var target = _temp.Combine("trust");

        var result = AtTerminal("", new Dictionary<string, string>(), "init", target, "--organisation", "Test Trust", "--name", "A B", "--email", "a@b.example");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldNotContain("[");
        result.Out.ShouldStartWith("Made a register for Test Trust");
    }

    [Fact]
    public void At_a_terminal_input_that_ends_before_the_answers_makes_nothing_and_exits_5()
    {
        var target = _temp.Combine("trust");

        var result = AtTerminal("Test Trust\n", new Dictionary<string, string>(), "init", target);

        result.Code.ShouldBe(5, result.ToString());
        result.Error.ShouldContain("no register was made");
        result.Error.ShouldContain("--organisation, --name and --email");
        Directory.Exists(target).ShouldBeFalse();
    }

    [Fact]
    public void At_a_terminal_a_folder_that_is_not_empty_is_refused_before_anything_is_asked()
    {
        var target = _temp.Combine("busy");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "mine\n");

        var result = AtTerminal("Test Trust\nA B\na@b.example\n", new Dictionary<string, string>(), "init", target);

        result.Code.ShouldBe(4, result.ToString());
        result.Out.ShouldBeEmpty();
        result.Error.ShouldContain($"{target} is not empty");
        Directory.EnumerateFileSystemEntries(target).ShouldHaveSingleItem();
    }

    [Fact]
    public void Without_a_terminal_nothing_is_asked_and_a_wrong_email_is_refused_naming_the_option()
    {
        var target = _temp.Combine("trust");

        var result = CliRunner.Run(_temp.Path, "init", target, "--name", "A B", "--email", "not an address");

        result.Code.ShouldBe(2, result.ToString());
        result.Error.ShouldBe("risks: --email must be an email address, found \"not an address\"\n");
        result.Out.ShouldBeEmpty();
        Directory.Exists(target).ShouldBeFalse();
    }

    [Fact]
    public void Init_says_what_to_do_next_in_the_full_screen_register_and_the_commands_it_gives_work()
    {
        var target = _temp.Combine("trust");

        var result = CliRunner.Run(_temp.Path, "init", target, "--organisation", "Test Trust", "--name", "A B", "--email", "a@b.example");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain($"  cd {target} && risks");
        result.Out.ShouldContain($"risks --register {target}");
        result.Out.ShouldContain("Press 5 (or F8) for Settings: add your strategic objectives and the people who");
        result.Out.ShouldContain("Then 1 for the register, and n");
        result.Out.ShouldNotContain("register.yaml");
        result.Out.ShouldNotContain("git ");
        var commands = result.OutLines.Where(l => l.StartsWith("  risks ", StringComparison.Ordinal) && l.Contains(" -m ", StringComparison.Ordinal)).ToList();
        commands.Count.ShouldBe(2);

        foreach (var command in commands)
        {
            var run = CliRunner.Run(target, Words(command.Trim())[1..]);
            run.Code.ShouldBe(0, $"{command}\n{run}");
        }

        var settings = Register.Open(target).Reader.Load().Settings;
        settings.FindObjective("SO1")!.Appetite.ShouldBe(Appetite.Cautious);
        settings.FindPerson("jsmith")!.Role.ShouldBe(Role.RiskOwner);
        Git.Lines(target, "log", "--format=%an | %s").ShouldBe(
        [
            "A B | Settings: Jo Smith (jsmith) added: risk owner",
            "A B | Settings: objective SO1 added: Deliver safe, high-quality care",
            "A B | Register created for Test Trust",
        ]);
    }

    [Fact]
    public void Init_in_the_current_folder_says_to_run_risks_here()
    {
        var target = _temp.Combine("trust");
        Directory.CreateDirectory(target);

        var result = CliRunner.Run(target, "init", "--organisation", "Test Trust", "--name", "A B", "--email", "a@b.example");

        result.Code.ShouldBe(0, result.ToString());
        result.OutLines.ShouldContain("  risks");
        result.Out.ShouldNotContain("cd ");
    }

    /// <summary>A command line as a shell splits it: words, with double-quoted ones kept whole.</summary>
    private static string[] Words(string line) =>
        System.Text.RegularExpressions.Regex.Matches(line, "\"([^\"]*)\"|(\\S+)").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray();
}
