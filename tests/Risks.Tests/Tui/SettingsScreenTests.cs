using LibGit2Sharp;
using Risks.App;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace Risks.Tests.Tui;

/// <summary>The Settings screen on the sample register, driven headless at 80x24 through its dialogs.</summary>
public sealed class SettingsScreenTests
{
    [Fact]
    public void A_governance_lead_changes_every_kind_of_setting_and_saves_them_as_one_commit_with_a_reason()
    {
        using var ui = new Headless();
        ui.Press(new Key('5'));
        ui.Window.Current.ShouldBe(Screen.Settings);
        ui.Screen.ShouldContain("Settings  [saved]");

        Edit(ui, "organisation", "Mid and South Essex ICB");
        Add(ui, "objectives", Answer("SO8"), Answer("Make the most of digital services"));
        Add(ui, "people", Fill("hetester", "Helen Tester", "helen.tester@mse.example", "Risk Manager"), Pick("risk owner"));
        Add(ui, "partner_risks", Fill("EPUT", "Community mental health staffing", "20", "13 Mar 2025"));
        Edit(ui, "categories", "Workforce\nQuality\nPerformance\nFinance\nStrategy\nPartnerships\nEstates");
        Edit(ui, "scoring.impact[3]", "Medium");
        Edit(ui, "objectives[SO7].retired", "yes");
        Edit(ui, "people[kbonney].role", "governance lead");

        ui.Screen.ShouldContain("[edited, not saved: 8 changes]");
        ui.PressWithDialogs(Key.W, (h, dialog) =>
        {
            Headless.Said(dialog).ShouldContain("Settings: organisation");
            Headless.All(dialog).OfType<TextField>().Single().Text = "Digital strategy agreed; new risk manager";
            dialog.Result = 1;
            h.App.RequestStop(dialog);
        });

        ui.Window.Message.ShouldStartWith("Saved as commit");
        using var repo = new Repository(ui.Root);
        var commit = repo.Head.Tip;
        commit.Author.Name.ShouldBe("Sara O'Connor");
        commit.Message.ShouldContain("Digital strategy agreed; new risk manager");
        commit.Message.ShouldContain("- objective SO8 added: Make the most of digital services");
        commit.Message.ShouldContain("- objective SO7 retired");
        commit.Message.ShouldContain("- Helen Tester (hetester) added: risk owner");
        commit.Message.ShouldContain("- Kathy Bonney (kbonney) role risk owner -> governance lead");
        commit.Message.ShouldContain("- category Estates added");
        commit.Message.ShouldContain("- impact 3 word Moderate -> Medium");
        commit.Message.ShouldContain("- partner risk added: EPUT: Community mental health staffing (20, reported 13 Mar 2025)");
        commit.Tree.Select(e => e.Path).ShouldContain("register.yaml");
        repo.Diff.Compare<TreeChanges>(commit.Parents.Single().Tree, commit.Tree).Select(c => c.Path).ShouldBe(["register.yaml"]);
        ui.Session.Settings.Organisation.ShouldBe("Mid and South Essex ICB");
        ui.Screen.ShouldContain("Mid and South Essex ICB");
    }

    [Fact]
    public void A_person_who_owns_risks_cannot_be_removed_and_the_screen_says_which_risks()
    {
        using var ui = new Headless();
        ui.Press(new Key('5'));
        Select(ui, "people[rjarvis].name");

        ui.PressWithDialogs(Key.D, (h, dialog) =>
        {
            Headless.Said(dialog).ShouldContain("Remove person rjarvis?");
            dialog.Result = 0;
            h.App.RequestStop(dialog);
        });

        ui.Window.Message.ShouldStartWith("! Rebecca Jarvis (rjarvis) is named on BAF-07 (owner)");
        ui.PressWithDialogs(Key.W, (h, dialog) =>
        {
            dialog.Title.ShouldBe("Cannot save yet");
            dialog.Result = 0;
            h.App.RequestStop(dialog);
        });
        ui.Session.Settings.FindPerson("rjarvis").ShouldNotBeNull();
    }

    [Fact]
    public void A_reviewer_reads_the_settings_and_is_told_why_they_cannot_change_them()
    {
        using var ui = new Headless(login: "auditchair");
        ui.Press(new Key('5'));

        ui.Screen.ShouldContain("read only: Audit Chair is a reviewer");
        Select(ui, "organisation");
        ui.Press(Key.Enter);
        ui.App.TopRunnableView.ShouldBeSameAs(ui.Window);
        ui.Window.Message.ShouldContain("reviewers read the register but change nothing");
        ui.Press(Key.A);
        ui.Window.Message.ShouldContain("reviewers read the register but change nothing");
    }

    [Fact]
    public void Leaving_with_unsaved_settings_asks_first()
    {
        using var ui = new Headless();
        ui.Press(new Key('5'));
        Edit(ui, "organisation", "Changed");

        ui.PressWithDialogs(new Key('1'), (h, dialog) =>
        {
            dialog.Title.ShouldBe("Unsaved settings");
            dialog.Result = 2;
            h.App.RequestStop(dialog);
        });

        ui.Window.Current.ShouldBe(Screen.Settings);
        ui.Window.SettingsScreen.Editor!.IsDirty.ShouldBeTrue();
    }

    private static void Select(Headless ui, string path)
    {
        var screen = ui.Window.SettingsScreen;
        var at = screen.Rows.ToList().FindIndex(r => r.Path == path);
        at.ShouldBeGreaterThanOrEqualTo(0, path);
        screen.Select(at);
        ui.Press();
    }

    /// <summary>Edits a setting through its dialog: text typed, or the choice whose label is given.</summary>
    private static void Edit(Headless ui, string path, string value)
    {
        Select(ui, path);
        ui.PressWithDialogs(Key.Enter, (h, dialog) =>
        {
            if (Headless.All(dialog).OfType<ListView>().SingleOrDefault() is { } list)
            {
                list.SelectedItem = list.Source!.ToList().Cast<string>().ToList().FindIndex(l => l == value);
                list.SelectedItem.ShouldNotBe(-1, value);
            }
            else
            {
#pragma warning disable CS0618 // TextView is the multi-line editor the screen uses.
                Headless.All(dialog).OfType<Terminal.Gui.ViewBase.View>().Last(v => v is TextField or TextView).Text = value;
#pragma warning restore CS0618
            }

            dialog.Result = 1;
            h.App.RequestStop(dialog);
        });
        ui.Window.Message.ShouldNotStartWith("!");
    }

    private static void Add(Headless ui, string list, params Action<Headless, Dialog>[] answers)
    {
        Select(ui, $"section:{list}");
        ui.PressWithDialogs(Key.A, answers);
    }

    private static Action<Headless, Dialog> Answer(string text) => (h, dialog) =>
    {
        Headless.All(dialog).OfType<TextField>().Single().Text = text;
        dialog.Result = 1;
        h.App.RequestStop(dialog);
    };

    private static Action<Headless, Dialog> Fill(params string[] values) => (h, dialog) =>
    {
        var fields = Headless.All(dialog).OfType<TextField>().ToList();
        for (var i = 0; i < values.Length; i++)
        {
            fields[i].Text = values[i];
        }

        dialog.Result = 1;
        h.App.RequestStop(dialog);
    };

    private static Action<Headless, Dialog> Pick(string label) => (h, dialog) =>
    {
        var list = Headless.All(dialog).OfType<ListView>().Single();
        list.SelectedItem = list.Source!.ToList().Cast<string>().ToList().FindIndex(l => l == label);
        dialog.Result = 1;
        h.App.RequestStop(dialog);
    };
}
