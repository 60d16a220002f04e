using Risks.Core.Domain;
using Risks.Core.Settings;

namespace Risks.Core.Tests.Settings;

public sealed class SettingsEditTests
{
    private static RegisterSettings Apply(params string[] settings)
    {
        var result = Samples.Settings();
        foreach (var setting in settings)
        {
            var (changed, error) = SettingsEdit.Apply(result, setting);
            error.ShouldBeNull();
            result = changed!;
        }

        return result;
    }

    private static string Refused(string setting) =>
        SettingsEdit.Apply(Samples.Settings(), setting).Error.ShouldNotBeNull();

    [Fact]
    public void The_mail_server_sign_off_and_baf_rules_are_set_by_their_paths()
    {
        var s = Apply("mail.host=smtp.mse.example", "mail.from=risks@mse.example", "mail.security=tls", "mail.port=465", "require_sign_off=yes", "people[rjarvis].signs_off=yes", "baf_check.on_push=yes", "baf_check.rules[review-overdue]=warning");

        s.Mail.ShouldBe(new MailSettings { Host = "smtp.mse.example", From = "risks@mse.example", Security = MailSecurity.Tls, Port = 465 });
        (s.RequireSignOff, s.FindPerson("rjarvis")!.SignsOff, s.BafCheck.OnPush).ShouldBe((true, true, true));
        s.BafCheck.Rules.ShouldBe(new Dictionary<string, RuleSeverity>(StringComparer.Ordinal) { ["review-overdue"] = RuleSeverity.Warning });

        var back = SettingsEdit.Apply(SettingsEdit.Apply(SettingsEdit.Apply(s, "baf_check.rules[review-overdue]=error").Settings!, "mail.host=").Settings!, "mail.from=").Settings!;
        back.BafCheck.Rules.ShouldBeEmpty("a rule set back to its default is not written");
        back.Mail.ShouldBeNull("a mail server with nothing left is none");

        Refused("baf_check.rules[no-such]=off").ShouldStartWith("there is no BAF rule \"no-such\"; the rules are current-score, ");
        Refused("mail.password=secret").ShouldBe("mail.password: mail has host, port, security, from, username, password_env and password_file (never a password itself)");
    }

    [Fact]
    public void Fields_are_set_by_their_path_with_items_by_key()
    {
        var s = Apply("organisation=Northfield Trust", "objectives[SO2].tolerance=12", "objectives[SO2].appetite=open", "people[kbonney].role=governance lead", "scoring.impact[3]=Medium", "bands[High].min=8");

        s.Organisation.ShouldBe("Northfield Trust");
        s.FindObjective("SO2")!.Tolerance.ShouldBe(12);
        s.FindObjective("SO2")!.Appetite.ShouldBe(Appetite.Open);
        s.FindPerson("kbonney")!.Role.ShouldBe(Role.GovernanceLead);
        s.Scoring.Impact[2].ShouldBe("Medium");
    }

    [Fact]
    public void A_field_of_a_missing_objective_adds_it_and_a_bare_item_removes_it()
    {
        var s = Apply("objectives[SO8].title=Digital services");
        s.Objectives.Select(o => o.Id).ShouldBe(["SO1", "SO2", "SO8"]);
        s.FindObjective("SO8")!.Appetite.ShouldBeNull("nothing is assumed");

        Apply("objectives[SO1]=").Objectives.Select(o => o.Id).ShouldBe(["SO2"]);
    }

    [Fact]
    public void Categories_take_one_per_line_or_one_at_a_time()
    {
        Apply("categories+=Estates").Categories.ShouldBe(["Workforce", "Quality", "Estates"]);
        Apply("categories-=quality").Categories.ShouldBe(["Workforce"]);
        Apply("categories=A\nB").Categories.ShouldBe(["A", "B"]);
    }

    [Fact]
    public void Partner_risks_are_numbered_and_one_more_adds_one()
    {
        var s = Apply("partner_risks[1].organisation=EPUT", "partner_risks[1].title=Staffing", "partner_risks[1].score=20", "partner_risks[1].reported=13 Mar 2025");

        s.PartnerRisks.ShouldHaveSingleItem().ShouldBe(new PartnerRisk { Organisation = "EPUT", Title = "Staffing", Score = 20, Reported = new DateOnly(2025, 3, 13) });
        Apply("partner_risks[1].organisation=EPUT", "partner_risks[1]=").PartnerRisks.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("people[newbie].name=New Person", "there is no person newbie: add them with their name, email and role first")]
    [InlineData("bands[Severe].min=15", "there is no band Severe: a new band starts with its colour")]
    [InlineData("objectives[SO2].id=SO9", "an objective's id cannot change, as risks name it")]
    [InlineData("objectives[SO2].tolerance=30", "objectives[SO2].tolerance must be a score 1-25, found \"30\"")]
    [InlineData("people[kbonney].role=boss", "people[kbonney].role must be governance_lead, risk_owner or reviewer, found \"boss\"")]
    [InlineData("scoring.impact[6]=Huge", "scoring.impact[6]: the words are numbered 1 to 5")]
    [InlineData("partner_risks[3].title=X", "partner risks are numbered 1 to 0 (there are none yet), and 1 adds one")]
    [InlineData("colour=blue", "colour is not a setting in register.yaml")]
    [InlineData("organisation", "\"organisation\" is not a setting")]
    public void Bad_settings_are_refused_saying_why(string setting, string start)
    {
        Refused(setting).ShouldStartWith(start);
    }

    [Fact]
    public void A_person_is_added_whole_and_only_once()
    {
        var person = new Person { Login = "hetester", Name = "Helen Tester", Role = Role.RiskOwner };
        var (added, _) = SettingsEdit.AddPerson(Samples.Settings(), person);
        added!.FindPerson("hetester").ShouldBe(person);
        SettingsEdit.AddPerson(added, person).Error.ShouldBe("Helen Tester (hetester) is already among the people");
        SettingsEdit.AddPerson(added, person with { Login = "../x" }).Error!.ShouldStartWith("a person's login must be");
    }
}
