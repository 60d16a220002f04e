using Risks.App;
using Risks.Tui;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Risks.Tests.Tui;

/// <summary>
/// The Compare screen of the sample register at 80x24 (January against March 2025, where BAF-07's
/// likelihood fell): counts that add up, and word edits marked in words and in colour, never as
/// diff syntax.
/// </summary>
public sealed class CompareScreenTests
{
    [Fact]
    public void The_counts_add_up_and_a_word_edit_shows_its_marks_and_colours_in_the_detail_pane()
    {
        using var ui = new Headless();

        ui.Press(new Key('4'));
        ui.Window.Current.ShouldBe(Screen.Compare);
        var screen = ui.Screen;
        screen.ShouldContain("14 risks: 0 new, 0 closed; scores 0 up, 2 down (0 de-escalated to a lower band),");
        screen.ShouldContain("\n12 unchanged");

        // BAF-06: its action's update was reworded.
        screen = DownTo(ui, "- action A3 update: ");
        screen.ShouldContain("- action A3 update: ‹PA Consulting is working with the system → The plan");
        screen.ShouldContain("  identifies 7 key programmes› to ‹identify the key programmes → drive system");
        screen.ShouldNotContain("[-");
        screen.ShouldNotContain("{+");

        var removed = At(ui, "‹PA Consulting", 1);
        removed.Foreground.ShouldBe(new Color(ColorName16.BrightRed));
        removed.Style.HasFlag(TextStyle.Strikethrough).ShouldBeTrue();
        var added = At(ui, "→ The plan", 2);
        added.Foreground.ShouldBe(new Color(ColorName16.BrightGreen));
        added.Style.HasFlag(TextStyle.Strikethrough).ShouldBeFalse();
        var marker = At(ui, "‹PA Consulting", 0);
        marker.Foreground.ShouldNotBe(removed.Foreground);
        At(ui, "- action A3 update", 0).ShouldBe(marker);
    }

    [Fact]
    public void The_board_actions_that_changed_follow_the_risks_with_what_changed()
    {
        using var ui = new Headless();

        ui.Press(new Key('4'));
        ui.Screen.ShouldContain("12 unchanged; board log: 2 changed (listed after the risks)");

        var screen = DownTo(ui, "Board action 54 (EDI High Impact Actions), changed");
        screen.ShouldContain("Action 54");
        screen.ShouldContain("- status: open → in progress");
        DownTo(ui, "Board action 56 (Primary Care and Alliance Report), added").ShouldContain("Action 56");
    }

    [Fact]
    public void A_risk_s_details_longer_than_the_pane_say_how_many_lines_more_and_how_to_see_them()
    {
        using var ui = new Headless();
        ui.Press(new Key('4'));

        // BAF-07: six changes, two of them reworded, more than the six rows below the table.
        var screen = DownTo(ui, "Aligned with the score of Datix risk 18");
        screen.ShouldContain("Reduced from 12 since the January 2025 report: 12 -> 9, High");
        screen.ShouldContain("- current score rationale: Aligned with the score of Datix risk 18; ‹the health");
        screen.ShouldMatch(@"↓ \d+ more lines: Enter shows them all");
    }

    [Fact]
    public void Enter_shows_both_sides_with_the_edits_marked_and_coloured_and_the_arrows_and_pgdn_scroll()
    {
        using var ui = new Headless();
        ui.Press(new Key('4'));
        DownTo(ui, "Aligned with the score of Datix risk 18");
        string? shown = null;
        Attribute? removed = null;
        var tops = new List<int>();

        ui.PressWithDialogs(Key.Enter, (h, dialog) =>
        {
            dialog.Title.ShouldBe("BAF-07 Inequalities: 2025-01 → 2025-03");
            var view = All(dialog).OfType<MarkedTextView>().Single();
            view.HasFocus.ShouldBeTrue();
            shown = h.Screen;
            removed = At(h, "‹under way", 1);
            tops.Add(view.Top);
            h.Press(Key.PageDown);
            tops.Add(view.Top);
            h.Press(Key.CursorDown);
            tops.Add(view.Top);
            h.Press(Key.CursorUp, Key.CursorUp);
            tops.Add(view.Top);
            h.Press(Key.End);
            view.Top.ShouldBe(view.Wrapped.Count - view.Viewport.Height);
            h.Screen.ShouldNotContain("more lines: arrows");
            h.Press(Key.Home);
            tops.Add(view.Top);
            dialog.Result = 0;
            h.App.RequestStop(dialog);
        });

        shown.ShouldNotBeNull();
        shown.ShouldContain("- current likelihood 4 -> 3");
        shown.ShouldContain("‹under way → being discussed›");
        shown.ShouldContain("══ At 2025-01:");
        shown.ShouldNotContain("[-");
        shown.ShouldNotContain("{+");
        shown.ShouldMatch(@"↓ \d+ more lines: arrows and PgDn scroll");
        removed.ShouldNotBeNull().Foreground.ShouldBe(new Color(ColorName16.BrightRed));
        tops[0].ShouldBe(0);
        tops[1].ShouldBeGreaterThan(1);
        tops[2].ShouldBe(tops[1] + 1);
        tops[3].ShouldBe(tops[2] - 2);
        tops[4].ShouldBe(0);
    }

    [Fact]
    public void In_16_colours_the_edits_keep_their_colours()
    {
        using var ui = new Headless();
        ui.App.Driver!.Force16Colors = true;
        ui.Press(new Key('4'));
        DownTo(ui, "- action A3 update: ");

        ui.Screen.ShouldContain("‹PA Consulting is working with the system → The plan");
        At(ui, "‹PA Consulting", 1).Foreground.ShouldBe(new Color(ColorName16.BrightRed));
        At(ui, "→ The plan", 2).Foreground.ShouldBe(new Color(ColorName16.BrightGreen));
    }

    /// <summary>Moves down the table until the selected risk's details show <paramref name="text"/>; returns the screen.</summary>
    private static string DownTo(Headless ui, string text)
    {
        for (var i = 0; i < 15 && !ui.Screen.Contains(text, StringComparison.Ordinal); i++)
        {
            ui.Press(Key.CursorDown);
        }

        var screen = ui.Screen;
        screen.ShouldContain(text);
        return screen;
    }

    /// <summary>The attribute drawn at <paramref name="offset"/> columns into the first place <paramref name="text"/> is on the screen.</summary>
    private static Attribute At(Headless ui, string text, int offset)
    {
        var rows = ui.Screen.Split('\n');
        for (var row = 0; row < rows.Length; row++)
        {
            var col = rows[row].IndexOf(text, StringComparison.Ordinal);
            if (col >= 0)
            {
                return ui.App.Driver!.Contents![row, col + offset].Attribute!.Value;
            }
        }

        throw new InvalidOperationException($"'{text}' is not on the screen:\n{ui.Screen}");
    }

    private static IEnumerable<View> All(View view) => view.SubViews.SelectMany(v => All(v).Prepend(v));
}
