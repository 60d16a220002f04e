using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.App.Tests;

/// <summary>The Settings screen's model on the sample register: changes checked, worded and saved as one commit.</summary>
public sealed class SettingsEditorTests : IDisposable
{
    private readonly Sample _sample = new();

    public void Dispose() => _sample.Dispose();

    [Fact]
    public void A_governance_lead_adds_an_objective_and_a_person_in_one_commit_with_a_reason()
    {
        var session = _sample.As("soconnor");
        var editor = SettingsEditor.Open(session);

        editor.AddObjective("SO8").ShouldBeNull();
        editor.Issues.Select(i => i.Message).ShouldContain("objective SO8 title is required");
        editor.Edit("objectives[SO8].title", "Make the most of digital services — within £1m").ShouldBeNull();
        editor.Edit("objectives[SO8].short_title", "Digital services").ShouldBeNull();
        editor.Edit("objectives[SO8].appetite", "open").ShouldBeNull();
        editor.Edit("objectives[SO8].tolerance", "12").ShouldBeNull();
        editor.AddPerson(new Person { Login = "hetester", Name = "Helen Tester", Email = "helen@mse.example", Role = Role.RiskOwner }).ShouldBeNull();
        editor.Issues.ShouldBeEmpty();
        editor.Headline.ShouldBe("Settings: objective SO8 added: Digital services and 1 more change");

        editor.Save(null).ShouldBeOfType<SaveResult.NeedsReason>();
        var saved = editor.Save("Board approved the digital strategy").ShouldBeOfType<SaveResult.Saved>();

        var commit = _sample.Log()[0];
        commit.Sha.ShouldBe(saved.Commit);
        commit.AuthorName.ShouldBe("Sara O'Connor");
        commit.Message.ShouldBe("""
            Settings: objective SO8 added: Digital services and 1 more change

            Board approved the digital strategy

            - objective SO8 added: Digital services
            - Helen Tester (hetester) added: risk owner

            """.ReplaceLineEndings("\n"));
        session.Settings.FindObjective("SO8")!.Tolerance.ShouldBe(12);
        session.Gate.Access.Describe().ShouldStartWith("Sara O'Connor");
        _sample.As("hetester").Access.Role.ShouldBe(Role.RiskOwner, "the new person's role holds at once, as committed");
        editor.IsDirty.ShouldBeFalse();
    }

    [Fact]
    public void An_objective_that_risks_name_cannot_be_removed_but_can_be_retired()
    {
        var editor = SettingsEditor.Open(_sample.As("soconnor"));

        editor.Remove("objectives", "SO2").ShouldBeNull();
        var problem = editor.Issues.ShouldHaveSingleItem().Message;
        problem.ShouldStartWith("objective SO2 is named by BAF-05, BAF-06, BAF-07 and BAF-08: ");
        problem.ShouldContain("retire it instead");
        editor.Save("Tidy").ShouldBeOfType<SaveResult.Invalid>();

        editor.Discard();
        editor.Edit("objectives[SO2].retired", "yes").ShouldBeNull();
        editor.Issues.ShouldBeEmpty();
        editor.Changes.Single().Description.ShouldBe("objective SO2 retired");
    }

    [Fact]
    public void A_person_who_owns_risks_cannot_vanish_and_the_last_governance_lead_stays()
    {
        var editor = SettingsEditor.Open(_sample.As("soconnor"));

        editor.Remove("people", "rjarvis").ShouldBeNull();
        editor.Issues.ShouldHaveSingleItem().Message.ShouldStartWith("Rebecca Jarvis (rjarvis) is named on BAF-07 (owner)");
        editor.Discard();

        foreach (var lead in editor.Draft.People.Where(p => p.Role == Role.GovernanceLead).ToList())
        {
            editor.Edit($"people[{lead.Login}].role", "reviewer").ShouldBeNull();
        }

        editor.Issues.ShouldHaveSingleItem().Message.ShouldStartWith("the register needs at least one governance lead");
    }

    [Fact]
    public void Others_read_the_settings_and_are_told_why_they_cannot_change_them()
    {
        var editor = SettingsEditor.Open(_sample.As("rjarvis"));

        editor.Permission.Allowed.ShouldBeFalse();
        editor.Edit("organisation", "Another").ShouldBe(editor.Permission.Reason);
        editor.Permission.Reason.ShouldContain("only governance leads may change the register's settings");
        editor.Rows().ShouldContain(r => r.Path == "objectives[SO2].title");
    }

    [Fact]
    public void Edits_made_while_someone_else_saved_are_replayed_on_theirs()
    {
        var mine = SettingsEditor.Open(_sample.As("soconnor"));
        mine.Edit("categories", "Workforce\nQuality\nPerformance\nFinance\nStrategy\nPartnerships\nEstates").ShouldBeNull();
        var theirs = SettingsEditor.Open(_sample.As("soconnor"));
        theirs.Edit("organisation", "Mid and South Essex ICB").ShouldBeNull();
        theirs.Save("Shorter name").ShouldBeOfType<SaveResult.Saved>();

        mine.Save("Estates risks").ShouldBeOfType<SaveResult.Conflict>();
        mine.Reapply().ShouldBeEmpty();
        mine.Changes.Select(c => c.Description).ShouldBe(["category Estates added"]);
        mine.Save("Estates risks").ShouldBeOfType<SaveResult.Saved>();

        var settings = _sample.As("soconnor").Settings;
        settings.Organisation.ShouldBe("Mid and South Essex ICB");
        settings.Categories.ShouldContain("Estates");
    }

    [Fact]
    public void Rows_name_each_setting_by_the_path_that_sets_it()
    {
        var rows = SettingsEditor.Open(_sample.As("soconnor")).Rows();

        rows.Select(r => r.Path).ShouldContain("organisation");
        rows.Single(r => r.Path == "objectives[SO2].title").Label.ShouldBe("SO2");
        rows.Single(r => r.Path == "objectives[SO2].retired").Help.ShouldContain("BAF-07");
        rows.Single(r => r.Path == "people[rjarvis].role").Value.ShouldBe("risk owner");
        rows.Single(r => r.Path == "scoring.impact[4]").Value.ShouldBe("Major");
        rows.Single(r => r.Path == "bands[High].min").Value.ShouldBe("8");
    }

    [Fact]
    public void Settings_as_the_command_line_writes_them_add_to_and_take_from_the_categories()
    {
        var editor = SettingsEditor.Open(_sample.As("soconnor"));

        editor.Apply("categories+=Estates").ShouldBeNull();
        editor.Apply("categories-=Strategy").ShouldBeNull();
        editor.Apply("objectives[SO2].tolerance=12").ShouldBeNull();
        editor.Apply("objectives[SO2].tolerance=30").ShouldBe("objectives[SO2].tolerance must be a score 1-25, found \"30\"");
        editor.Apply("tolerance").ShouldStartWith("\"tolerance\" is not a setting");

        editor.Changes.Select(c => c.Description).ShouldBe(["objective SO2 tolerance 9 -> 12", "category Strategy removed", "category Estates added"]);
    }
}
