using Risks.App;
using Risks.Tests.Support;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace Risks.Tests.Tui;

/// <summary>A register's own field on the risk screen, headless at 80x24: picked from its choices and saved under custom in the risk's file.</summary>
public sealed class CustomFieldScreenTests
{
    private static string WithCqcDomain(string folder)
    {
        var root = SampleRegister.CopyTo(folder);
        File.AppendAllText(
            Path.Combine(root, "register.yaml"),
            "custom_fields:\n  - key: cqc_domain\n    label: CQC domain\n    type: choice\n    choices:\n      - Safe\n      - Effective\n      - Caring\n      - Responsive\n      - Well-led\n    help: The CQC key question this risk bears on.\n");
        Git.Run(root, "-c", "user.name=Sara O'Connor", "-c", "user.email=sara.oconnor@example.nhs.uk", "commit", "-qam", "Declare the CQC domain");
        return root;
    }

    [Fact]
    public void Picking_a_choice_for_a_custom_field_and_saving_writes_it_under_custom()
    {
        using var ui = new Headless(register: WithCqcDomain);
        ui.Press(Key.Enter);
        ui.Window.Current.ShouldBe(Screen.Risk);
        var screen = ui.Window.RiskScreen;
        var id = screen.Editor!.Draft.Id;
        var at = screen.Rows.ToList().FindIndex(r => r.Path == "custom.cqc_domain");
        at.ShouldBeGreaterThanOrEqualTo(0);
        screen.Rows.ShouldContain(r => r.Path == "custom" && r.Label == "Register's own fields");
        screen.Select(at);
        ui.Press();
        ui.Screen.ShouldContain("CQC domain");

        ui.PressWithDialogs(Key.Enter, (h, dialog) =>
        {
            var list = Headless.All(dialog).OfType<ListView>().Single();
            list.SelectedItem = list.Source!.ToList().Cast<string>().ToList().FindIndex(l => l == "Well-led");
            list.SelectedItem.ShouldNotBe(-1);
            dialog.Result = 1;
            h.App.RequestStop(dialog);
        });
        ui.Window.Message.ShouldNotStartWith("!");
        screen.Rows.Single(r => r.Path == "custom.cqc_domain").Value.ShouldBe("Well-led");

        ui.PressWithDialogs(Key.W, (h, dialog) =>
        {
            Headless.All(dialog).OfType<TextField>().Last().Text = "CQC domain agreed";
            dialog.Result = 1;
            h.App.RequestStop(dialog);
        });

        ui.Window.Message.ShouldStartWith("Saved as commit");
        var file = Directory.GetFiles(Path.Combine(ui.Root, "risks"), $"{id}.yaml", SearchOption.AllDirectories).Single();
        File.ReadAllText(file).ShouldContain("custom:\n  cqc_domain: Well-led\n");
    }
}
