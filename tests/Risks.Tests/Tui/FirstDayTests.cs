using Risks.App;
using Risks.Tui;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace Risks.Tests.Tui;

/// <summary>A new organisation's register, as 'risks init' leaves it: nothing in it yet but its first governance lead.</summary>
public sealed class FirstDayTests
{
    [Fact]
    public void Objectives_on_a_register_with_none_says_where_to_add_them_and_the_screen_goes_on()
    {
        using var ui = Headless.OnNewRegister();
        string? said = null;
        ui.PressWithDialogs(Key.N, (h, dialog) => h.App.InjectKey(Key.S));
        MoveTo(ui, "objectives");

        ui.PressWithDialogs(Key.Enter, (h, dialog) =>
        {
            said = Headless.Said(dialog);
            h.App.InjectKey(Key.Enter);
        });

        said.ShouldNotBeNull();
        said.ShouldContain("no strategic objectives yet");
        said.ShouldContain("Settings");
        ui.App.TopRunnableView.ShouldBeSameAs(ui.Window);
        ui.Press(Key.CursorUp);
        ui.Window.RiskScreen.Selected!.Path.ShouldNotBe("objectives");
    }

    [Fact]
    public void A_dialog_that_fails_as_it_opens_is_ended_and_every_key_works_again()
    {
        using var ui = Headless.OnNewRegister();
        var broken = new Dialog { Title = "Broken" };
        broken.IsRunningChanged += (_, _) =>
        {
            if (broken.IsRunning)
            {
                throw new InvalidOperationException("set up failed");
            }
        };
        var failure = Should.Throw<InvalidOperationException>(() => ui.App.Run(broken));
        ui.App.TopRunnableView.ShouldBeSameAs(broken, "the half-started dialog is left on top, taking every key");
        using var log = new Support.TempFolder();

        ui.WithDialogs(
            () => TerminalApp.Recover(ui.App, ui.Window, Path.Combine(log.Path, "risks.log"), failure),
            (h, dialog) =>
            {
                dialog.Title.ShouldBe("Unexpected error");
                h.App.InjectKey(Key.Enter);
            });

        ui.App.TopRunnableView.ShouldBeSameAs(ui.Window);
        File.ReadAllText(Path.Combine(log.Path, "risks.log")).ShouldContain("set up failed");
        ui.Press(Key.D2);
        ui.Window.Current.ShouldBe(Screen.HeatMap);
        broken.Dispose();
    }

    private static void MoveTo(Headless ui, string path)
    {
        for (var i = 0; i < 100 && ui.Window.RiskScreen.Selected?.Path != path; i++)
        {
            ui.Press(Key.CursorDown);
        }

        ui.Window.RiskScreen.Selected!.Path.ShouldBe(path);
    }
}
