using System.Text;
using Risks.Core.Domain;
using Risks.Storage.Yaml;

namespace Risks.Storage.Tests.Yaml;

public sealed class SettingsYamlTests
{
    private static string SampleText() => File.ReadAllText(Path.Combine(RepoPaths.Data, "register.yaml"));

    private static List<string> Problems(string text) =>
        SettingsYaml.Read(Encoding.UTF8.GetBytes(text)).Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void The_sample_register_yaml_reads_without_problems_and_writes_back_to_the_same_bytes()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Data, "register.yaml"));

        var (settings, problems) = SettingsYaml.Read(bytes);

        problems.ShouldBeEmpty();
        settings.ShouldNotBeNull();
        settings.Organisation.ShouldBe("Mid and South Essex Integrated Care Board");
        settings.Objectives.Count.ShouldBe(7);
        settings.FindObjective("SO2").ShouldNotBeNull().Tolerance.ShouldBe(9);
        settings.Bands.Problems().ShouldBeEmpty();
        settings.FindPerson("rjarvis").ShouldNotBeNull().Name.ShouldBe("Rebecca Jarvis");
        settings.PartnerRisks[0].Reported.ShouldBe(new DateOnly(2025, 2, 28));
        Encoding.UTF8.GetBytes(SettingsYaml.Write(settings)).ShouldBe(bytes);
    }

    [Fact]
    public void The_same_bytes_read_again_give_the_same_settings_without_reading_them_anew_and_other_bytes_are_read()
    {
        var text = SampleText();
        var first = SettingsYaml.Read(Encoding.UTF8.GetBytes(text));
        var again = SettingsYaml.Read(Encoding.UTF8.GetBytes(text));
        var changed = SettingsYaml.Read(Encoding.UTF8.GetBytes(text.Replace("organisation: ", "organisation: Renamed ", StringComparison.Ordinal)));
        var elsewhere = SettingsYaml.Read(Encoding.UTF8.GetBytes(text), "elsewhere/register.yaml");

        ReferenceEquals(again.Settings, first.Settings).ShouldBeTrue();
        changed.Settings!.Organisation.ShouldStartWith("Renamed ");
        first.Settings!.Organisation.ShouldNotStartWith("Renamed ");
        SettingsYaml.Read(Encoding.UTF8.GetBytes(text)).Settings!.Organisation.ShouldBe(first.Settings.Organisation);
        SettingsYaml.Write(elsewhere.Settings!).ShouldBe(SettingsYaml.Write(first.Settings));
        var broken = text.Replace("role: governance_lead", "role: chief", StringComparison.Ordinal);
        SettingsYaml.Read(Encoding.UTF8.GetBytes(broken), "x.yaml").Problems.ShouldContain(p => p.File == "x.yaml");
        SettingsYaml.Read(Encoding.UTF8.GetBytes(broken), "y.yaml").Problems.ShouldContain(p => p.File == "y.yaml", "the problems name the file asked about");
    }

    [Fact]
    public void The_example_in_the_format_document_is_canonical()
    {
        var example = RiskYamlRoundTripTests.FormatDocumentExample("## register.yaml");

        var (settings, problems) = SettingsYaml.Read(Encoding.UTF8.GetBytes(example));

        problems.ShouldBeEmpty();
        SettingsYaml.Write(settings!).ShouldBe(example);
    }

    [Fact]
    public void Default_settings_round_trip()
    {
        var settings = new RegisterSettings { Organisation = "Org" };

        var written = SettingsYaml.Write(settings);
        var (back, problems) = SettingsYaml.Read(Encoding.UTF8.GetBytes(written));

        problems.ShouldBeEmpty();
        back.ShouldNotBeNull();
        back.Scoring.Impact.ShouldBe(ScoringMatrix.Default.Impact);
        back.Bands.Bands.ShouldBe(BandScheme.Default.Bands);
        SettingsYaml.Write(back).ShouldBe(written);
    }

    [Fact]
    public void The_baf_checks_settings_are_read_and_written_in_the_rules_order()
    {
        var text = SampleText() + "baf_check:\n  on_push: true\n  rules:\n    review-overdue: warning\n    current-score: off\n";

        var (settings, problems) = SettingsYaml.Read(Encoding.UTF8.GetBytes(text));

        problems.ShouldBeEmpty();
        settings.ShouldNotBeNull().BafCheck.OnPush.ShouldBeTrue();
        settings.BafCheck.SeverityOf("review-overdue", RuleSeverity.Error).ShouldBe(RuleSeverity.Warning);
        settings.BafCheck.SeverityOf("current-score", RuleSeverity.Error).ShouldBe(RuleSeverity.Off);
        settings.BafCheck.SeverityOf("committee", RuleSeverity.Error).ShouldBe(RuleSeverity.Error);
        SettingsYaml.Write(settings).ShouldBe(SampleText() + "baf_check:\n  on_push: true\n  rules:\n    current-score: off\n    review-overdue: warning\n");
        SettingsYaml.Write(settings with { BafCheck = new BafCheckSettings() }).ShouldBe(SampleText());
    }

    [Fact]
    public void The_mail_server_is_read_and_written_and_never_holds_a_password()
    {
        var mail = "mail:\n  host: smtp.mse.example\n  port: 587\n  security: starttls\n  from: risks@mse.example\n  username: risks\n  password_env: RISKS_SMTP_PASSWORD\n";

        var (settings, problems) = SettingsYaml.Read(Encoding.UTF8.GetBytes(SampleText() + mail));

        problems.ShouldBeEmpty();
        settings.ShouldNotBeNull().Mail.ShouldBe(new MailSettings { Host = "smtp.mse.example", Port = 587, Security = MailSecurity.Starttls, From = "risks@mse.example", Username = "risks", PasswordEnv = "RISKS_SMTP_PASSWORD" });
        SettingsYaml.Write(settings).ShouldBe(SampleText() + mail);
        Problems(SampleText() + "mail:\n  host: smtp.mse.example\n  from: risks@mse.example\n  password: secret\n").ShouldHaveSingleItem()
            .ShouldEndWith("unknown key \"password\" in mail; the keys allowed are host, port, security, from, username, password_env or password_file");
    }

    [Fact]
    public void A_mail_server_without_a_host_or_with_two_password_sources_is_a_problem_at_its_line()
    {
        var lines = SampleText().Split('\n').Length;

        Problems(SampleText() + "mail:\n  port: 70000\n  from: risks\n  password_env: A\n  password_file: /etc/b\n").ShouldBe(
        [
            $"register.yaml:{lines + 1}:3: mail.host is required: the SMTP server reminders are sent through",
            $"register.yaml:{lines + 1}:9: mail.port must be 1-65535, found 70000",
            $"register.yaml:{lines + 2}:9: mail.from must be an email address, found \"risks\"",
            $"register.yaml:{lines + 4}:18: give mail.password_env or mail.password_file, not both",
            $"register.yaml:{lines + 1}:3: mail.username is required with a password: the account to log in as",
        ]);
    }

    [Fact]
    public void An_unknown_key_in_baf_check_is_named_with_the_keys_allowed()
    {
        Problems(SampleText() + "baf_check:\n  on_pushes: true\n").ShouldHaveSingleItem().ShouldEndWith(":3: unknown key \"on_pushes\" in baf_check; the keys allowed are rules or on_push");
    }

    [Fact]
    public void A_band_scheme_that_leaves_a_score_out_is_reported_at_the_bands()
    {
        var text = SampleText().Replace("    min: 15\n", "    min: 16\n", StringComparison.Ordinal);

        var (settings, problems) = SettingsYaml.Read(Encoding.UTF8.GetBytes(text));

        settings.ShouldBeNull();
        problems.Select(p => p.ToString()).ShouldBe(["register.yaml:52:3: bands must give every possible score one band: no band covers the score 15"]);
    }

    [Fact]
    public void An_overlapping_band_is_reported()
    {
        Problems(SampleText().Replace("    max: 12\n", "    max: 15\n", StringComparison.Ordinal))
            .ShouldBe(["register.yaml:52:3: bands must give every possible score one band: the score 15 is in more than one band (High and Extreme)"]);
    }

    [Fact]
    public void A_band_range_problem_is_reported_at_the_value()
    {
        Problems(SampleText().Replace("    min: 15\n", "    min: 30\n", StringComparison.Ordinal)).ShouldBe(
        [
            "register.yaml:66:10: bands[3].min must be 1-25, found 30",
            "register.yaml:67:10: bands[3].max must be from min (30) to 25, found 25",
            "register.yaml:52:3: bands must give every possible score one band: no band covers the score 15",
            "register.yaml:52:3: bands must give every possible score one band: no band covers the score 16",
            "register.yaml:52:3: bands must give every possible score one band: no band covers the score 20",
            "register.yaml:52:3: bands must give every possible score one band: no band covers the score 25",
        ]);
    }

    [Fact]
    public void An_unknown_rag_colour_lists_the_colours()
    {
        Problems(SampleText().Replace("    rag: amber\n", "    rag: orange\n", StringComparison.Ordinal))
            .ShouldContain("register.yaml:61:10: bands[2].rag must be green, yellow, amber or red, found \"orange\"");
    }

    [Fact]
    public void An_unknown_rag_colour_is_one_problem()
    {
        Problems(SampleText().Replace("    rag: amber\n", "    rag: orange\n", StringComparison.Ordinal))
            .ShouldBe(["register.yaml:61:10: bands[2].rag must be green, yellow, amber or red, found \"orange\""]);
    }

    [Fact]
    public void A_login_given_twice_is_reported_at_the_second()
    {
        Problems(SampleText().Replace("  - login: kbonney\n", "  - login: auditchair\n", StringComparison.Ordinal))
            .ShouldBe(["register.yaml:96:12: people[4].login auditchair is given twice"]);
    }

    [Fact]
    public void Missing_scoring_is_reported()
    {
        var text = SampleText();
        var start = text.IndexOf("scoring:\n", StringComparison.Ordinal);
        var end = text.IndexOf("bands:\n", StringComparison.Ordinal);

        Problems(text[..start] + text[end..]).ShouldBe(["register.yaml:1:1: scoring is required"]);
    }

    [Fact]
    public void An_unknown_key_in_a_person_is_reported_and_not_dropped()
    {
        Problems(SampleText().Replace("    job_title: Chief Executive\n", "    job_title: Chief Executive\n    phone: 01234\n", StringComparison.Ordinal))
            .ShouldBe(["register.yaml:91:5: unknown key \"phone\" in people[2]; the keys allowed are login, name, email, role, job_title, signs_off or ssh_keys"]);
    }

    [Fact]
    public void Hazards_in_register_yaml_are_refused_as_in_risk_files()
    {
        Problems("organisation: &o Org\n").ShouldBe(["register.yaml:1:15: anchors (&o) are not allowed in a register file"]);
        Problems("").ShouldBe(["register.yaml:1:1: file is empty"]);
        Problems("organisation: Org\norganisation: Other\n").ShouldBe(["register.yaml:2:1: duplicate key organisation (first given at line 1); give each key once"]);
    }
}
