using Risks.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace Risks.Tests.Tui;

/// <summary>What each screen says of itself at 80x24: its main keys in the hint bar, help that scrolls to its last line, and where the selection is.</summary>
public sealed class ScreenGuidanceTests
{
    /// <summary>Each screen, and the keys that reach it from the register.</summary>
    public static TheoryData<Screen, string> Screens => new()
    {
        { Screen.Register, "" },
        { Screen.HeatMap, "2" },
        { Screen.Actions, "3" },
        { Screen.Compare, "4" },
        { Screen.Settings, "5" },
        { Screen.Risk, "\r" },
        { Screen.History, "\rh" },
        { Screen.Blame, "\rb" },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public void At_80_columns_the_hint_bar_shows_the_screens_main_keys_first(Screen screen, string keys)
    {
        using var ui = new Headless();
        Reach(ui, keys);
        ui.Window.Current.ShouldBe(screen);

        var bottom = ui.Screen.Split('\n').Last(l => l.Trim().Length > 0);
        var hints = KeyMap.Hints(screen);
        foreach (var hint in hints.Take(3).Append(hints.Single(h => h.Command == UiCommand.Help)))
        {
            bottom.ShouldContain($"{KeyMap.Readable(hint.Keys[0])} {hint.Hint}", Case.Sensitive, $"the {screen} screen's hint bar");
        }

        ui.Window.Hints.ShouldBe(KeyMap.Hints(screen, 80), "the hints that fit are the most important ones, in order, with help kept");
    }

    [Fact]
    public void The_register_s_hints_at_80_columns_are_open_new_risk_filter_iterations_papers_settings_and_help()
    {
        using var ui = new Headless();

        ui.Window.Hints.Select(h => h.Command).ShouldBe(
            [UiCommand.Open, UiCommand.NewRisk, UiCommand.Filter, UiCommand.Iterations, UiCommand.Export, UiCommand.ShowSettings, UiCommand.Help]);
        ui.Screen.ShouldContain("Enter Open  n New risk  / Filter  i Iterations  p Papers  5 Settings  ? Help");
    }

    [Fact]
    public void Narrower_the_least_important_hints_go_first_and_help_stays()
    {
        using var ui = new Headless(width: 50);

        var shown = ui.Window.Hints.Select(h => h.Command).ToList();
        shown[0].ShouldBe(UiCommand.Open);
        shown.ShouldContain(UiCommand.Help);
        shown.ShouldNotContain(UiCommand.ShowSettings);
        shown.Sum(h => KeyMap.HintWidth(KeyMap.All.First(b => b.Command == h))).ShouldBeLessThanOrEqualTo(52);
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public void Help_scrolls_to_its_last_line_at_80x24(Screen screen, string keys)
    {
        using var ui = new Headless();
        Reach(ui, keys);
        var last = KeyMap.For(screen).Last().Description;
        string? before = null;
        string? after = null;

        ui.PressWithDialogs(Key.F1, (h, dialog) =>
        {
            before = h.Screen;
            h.App.InjectKey(Key.End);
            after = h.Screen;
            dialog.Result = 0;
            h.App.RequestStop(dialog);
        });

        after.ShouldNotBeNull();
        after.ShouldContain("Every key is also in docs/keys.md.");
        after.ShouldContain(last);
        if (KeyMap.For(screen).Count() > 12)
        {
            before!.ShouldNotContain("Every key is also in docs/keys.md.", Case.Sensitive, "a long list does not fit at once, so it must scroll");
        }
    }

    [Fact]
    public void After_closing_a_risk_the_register_keeps_its_place_so_down_then_enter_opens_the_next()
    {
        using var ui = new Headless();
        var first = ui.Window.RegisterScreen.Selected!.Risk.Id;
        ui.Press(Key.CursorDown);
        var second = ui.Window.RegisterScreen.Selected!.Risk.Id;
        ui.Press(Key.CursorUp);

        ui.Press(Key.Enter);
        ui.Window.RiskScreen.Editor!.Id.ShouldBe(first);
        ui.Press(Key.Q);
        ui.Window.Current.ShouldBe(Screen.Register);
        ui.Window.RegisterScreen.Selected!.Risk.Id.ShouldBe(first);
        ui.Window.RegisterScreen.Table.HasFocus.ShouldBeTrue();

        ui.Press(Key.CursorDown, Key.Enter);

        ui.Window.RiskScreen.Editor!.Id.ShouldBe(second);
    }

    [Fact]
    public void At_80_columns_titles_owners_and_words_are_not_cut_short()
    {
        using var ui = new Headless();

        // The register: a long title keeps at least 25 characters, with every figure up to the actions beside it.
        ui.Screen.ShouldContain("Diagnostics, Elective Car…│5 x 4 = 20│Extreme │in 1 month │5 ");

        // The actions: each one's owner and status are on screen.
        ui.Press(new Key('3'));
        var actions = ui.Screen.Split('\n').Where(l => l.Contains("│BAF-", StringComparison.Ordinal) || l.Contains("│CRR-", StringComparison.Ordinal)).ToList();
        actions.ShouldNotBeEmpty();
        actions.ShouldAllBe(l => l.TrimEnd().EndsWith("in progress", StringComparison.Ordinal) || l.TrimEnd().EndsWith("not started", StringComparison.Ordinal));

        // The heat map: a likelihood's words on two lines rather than cut.
        ui.Press(new Key('2'));
        ui.Screen.ShouldContain("5 Almost");
        ui.Screen.ShouldContain("certain");
        ui.Screen.ShouldNotContain("Almost c…");

        // Compare: the movement in a few words, leaving the changes room.
        ui.Press(new Key('4'));
        ui.Screen.ShouldContain("│12 → 9 down│6 changes (1 item, narrative)");
    }

    [Fact]
    public void The_selected_row_is_marked_in_text_not_only_in_colour()
    {
        using var ui = new Headless();

        ui.Screen.Split('\n').Count(l => l.StartsWith('▶')).ShouldBe(1);
        ui.Press(Key.CursorDown);
        var lines = ui.Screen.Split('\n');
        lines.Single(l => l.StartsWith('▶')).ShouldContain(ui.Window.RegisterScreen.Selected!.Risk.Id.Value);
    }

    [Fact]
    public void A_risk_s_sections_are_a_numbered_menu_away_and_home_and_end_reach_the_ends()
    {
        using var ui = new Headless();
        ui.Press(Key.Enter);
        var screen = ui.Window.RiskScreen;
        string? menu = null;

        ui.PressWithDialogs(Key.G, (h, dialog) =>
        {
            menu = Headless.Said(dialog) + "\n" + string.Join('\n', Headless.All(dialog).OfType<ListView>().Single().Source!.ToList().Cast<string>());
            h.App.InjectKey(new Key('6'));
        });

        menu.ShouldNotBeNull();
        menu.ShouldContain("1  BAF-05");
        menu.ShouldContain("4  Lead remits");
        menu.ShouldContain("6  Controls");
        screen.Selected!.Path.ShouldBe("controls");
        ui.Press(Key.End);
        screen.Selected!.Path.ShouldBe("next_review");
        ui.Press(Key.Home);
        screen.SelectedIndex.ShouldBe(0);
    }

    private static void Reach(Headless ui, string keys)
    {
        foreach (var c in keys)
        {
            ui.Press(c == '\r' ? Key.Enter : new Key(c));
        }
    }
}
