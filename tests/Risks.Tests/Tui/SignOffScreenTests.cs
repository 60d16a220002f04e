using Risks.App;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace Risks.Tests.Tui;

/// <summary>Signing a risk off from the risk screen at 80x24, and what the register and risk screens say of BAF rules.</summary>
public sealed class SignOffScreenTests
{
    private static void OpenBaf07(Headless ui)
    {
        ui.Press(new Key('/'));
        ui.Type("BAF-07");
        ui.Press(Key.Enter, Key.Enter);
        ui.Window.Current.ShouldBe(Screen.Risk);
    }

    [Fact]
    public void The_owner_signs_a_risk_off_with_s_and_the_screen_says_so()
    {
        using var ui = new Headless(login: "rjarvis");
        OpenBaf07(ui);
        ui.Screen.ShouldContain("breaks 4 BAF rules (marked *); you may edit it");

        ui.PressWithDialogs(Key.S, (h, dialog) =>
        {
            Headless.Said(dialog).ShouldContain("Sign BAF-07 off for the board as it is saved now.");
            Headless.All(dialog).OfType<TextField>().Single().Text = "Reviewed at the executive";
            dialog.Result = 1;
            h.App.RequestStop(dialog);
        });

        ui.Window.Message.ShouldStartWith("Signed off as commit ");
        ui.Screen.ShouldContain("signed off 20 Mar 2025; breaks 4 BAF rules (marked *); you may edit it");
        ui.Session.Snapshot.Find("BAF-07")!.Risk.SignOff.ShouldNotBeNull().Note.ShouldBe("Reviewed at the executive");
    }

    [Fact]
    public void Someone_who_may_not_sign_off_is_told_why()
    {
        using var ui = new Headless(login: "kbonney");
        OpenBaf07(ui);

        ui.Press(Key.S);

        ui.Window.Message.ShouldBe("Cannot sign off: only BAF-07's owner (Rebecca Jarvis) or someone with signs_off: true in register.yaml may sign it off");
    }

    [Fact]
    public void The_register_counts_the_risks_that_break_baf_rules()
    {
        using var ui = new Headless();

        ui.Screen.ShouldContain("14 of 14 risks: 11 Extreme, 2 High, 1 Moderate, 0 Low; 8 break BAF rules");
    }
}
