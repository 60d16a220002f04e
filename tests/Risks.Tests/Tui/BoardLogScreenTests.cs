using Risks.Tests.Support;
using Risks.App;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace Risks.Tests.Tui;

/// <summary>The board log screen at 80x24 on the sample (20 Mar 2025): board actions and undertakings added, updated and closed, each a commit.</summary>
public sealed class BoardLogScreenTests
{
    private static void Accept(Headless h, Dialog dialog, params string[] fields)
    {
        var inputs = Headless.All(dialog).OfType<TextField>().ToList();
        for (var i = 0; i < fields.Length; i++)
        {
            inputs[i].Text = fields[i];
        }

        dialog.Result = 1;
        h.App.RequestStop(dialog);
    }

    private static Action<Headless, Dialog> Choose(int item) => (h, dialog) =>
    {
        Headless.All(dialog).OfType<ListView>().Single().SelectedItem = item;
        dialog.Result = 1;
        h.App.RequestStop(dialog);
    };

    private static string Log(Headless ui, string path) =>
        Git.Run(ui.Root, "log", "-1", "--format=%an|%s", "--", path).Trim();

    [Fact]
    public void A_governance_lead_adds_updates_and_closes_a_board_action()
    {
        using var ui = new Headless();
        ui.Press(new Key('6'));
        ui.Window.Current.ShouldBe(Screen.BoardLog);
        ui.Screen.ShouldContain("Board actions open: 2; undertakings open: 2; overdue: 1");
        ui.Screen.ShouldContain("Action 54");
        ui.Screen.ShouldContain("Undertaking 2│31 Mar 2021 overdue");

        ui.PressWithDialogs(Key.N, Choose(0), (h, d) =>
        {
            Headless.Said(d).ShouldContain("The action as the minutes give it:");
            Accept(h, d, "Estates strategy", "Bring the estates strategy to the board.", "aking", "30 Jun 2025", "13 Mar 2025", "9", "BAF-03", "Agreed on 13 March");
        });

        ui.Window.Message.ShouldBe("Saved: Board action 57 added: Estates strategy");
        File.ReadAllText(Path.Combine(ui.Root, "board-actions", "57.yaml")).ShouldBe(
            "number: 57\nmeeting: 2025-03-13\nagenda_item: \"9\"\nitem: Estates strategy\naction: Bring the estates strategy to the board.\nleads:\n  - aking\ndeadline: 2025-06-30\nstatus: open\nrisks:\n  - BAF-03\n");
        Log(ui, "board-actions/57.yaml").ShouldBe("Sara O'Connor|Board action 57 added: Estates strategy");

        // The new action is selected; action 54 is first: open, not yet overdue, the earliest deadline.
        ui.Window.BoardLogScreen.SelectedIndex.ShouldBe(2);
        ui.Press(Key.CursorUp, Key.CursorUp);
        ui.PressWithDialogs(Key.U, (h, d) => Accept(h, d, "Paper drafted for May."), Choose(1));
        ui.Window.Message.ShouldBe("Saved: Board action 54 updated");
        ui.PressWithDialogs(Key.C, Choose(0), (h, d) => Accept(h, d, "Reported to the board."));

        ui.Window.Message.ShouldBe("Saved: Board action 54 complete");
        var file = File.ReadAllText(Path.Combine(ui.Root, "board-actions", "54.yaml"));
        file.ShouldContain("  - date: 2025-03-20\n    text: Paper drafted for May.\n");
        file.ShouldContain("status: complete\n");
        file.ShouldContain("closed: 2025-03-20\nclosing_note: Reported to the board.\n");
        ui.Window.BoardLog.Rows.Select(r => r.Key).ShouldBe(["Action 56", "Action 57", "Undertaking 2", "Undertaking 1"]);
        ui.Press(Key.F);
        ui.Window.BoardLog.Rows.Select(r => r.Key).ShouldBe(["Action 56", "Action 57", "Action 54", "Undertaking 2", "Undertaking 1"]);
        ui.Screen.ShouldContain("Action 54    │30 Apr 2025");
    }

    [Fact]
    public void A_lead_marks_a_milestone_met_with_its_evidence_and_a_typo_in_the_date_is_shown_with_what_was_typed_kept()
    {
        using var ui = new Headless(login: "msweeting");
        ui.Press(new Key('6'), Key.CursorDown, Key.CursorDown);

        ui.PressWithDialogs(
            Key.M,
            Choose(0),
            (h, d) => Accept(h, d, "31 Feb 2025", "Backlog below 6,900", "SOAG minutes"),
            (h, d) =>
            {
                Headless.Said(d).ShouldContain("Met on: '31 Feb 2025' is not a date");
                Headless.All(d).OfType<TextField>().Select(f => f.Text).ShouldBe(["31 Feb 2025", "Backlog below 6,900", "SOAG minutes"]);
                Accept(h, d, "18 Mar 2025");
            });

        ui.Window.Message.ShouldBe("Saved: Undertaking 2: milestone 2 met");
        var file = File.ReadAllText(Path.Combine(ui.Root, "undertakings", "2.yaml"));
        file.ShouldContain("  - text: No more than 6,900 patients waiting over 52 weeks\n    due: 2021-03-31\n    met: 2025-03-18\n");
        file.ShouldContain("  - date: 2025-03-18\n    text: Backlog below 6,900\n    reference: SOAG minutes\n");
        Log(ui, "undertakings/2.yaml").ShouldBe("Dr Matt Sweeting|Undertaking 2: milestone 2 met");

        // Closing is a governance lead's: the lead is told, and nothing changes.
        ui.PressWithDialogs(Key.C, Choose(0), (h, d) => Accept(h, d, "Met."));
        ui.Window.Message.ShouldStartWith("only governance leads may close undertakings; Dr Matt Sweeting is a");
    }

    [Fact]
    public void A_governance_lead_adds_an_undertaking_and_its_milestone_and_closes_it_as_met()
    {
        using var ui = new Headless();
        ui.Press(new Key('6'));

        ui.PressWithDialogs(Key.N, Choose(1), (h, d) => Accept(h, d, "Maternity services", "NHS Improvement", "Deliver the maternity improvement plan.", "Inadequate maternity services.", "FT4(5)(a), FT4(6)(f)", "11 Jan 2021", "gthorpe", "BAF-08", "Given in January 2021"));
        ui.Window.Message.ShouldBe("Saved: Undertaking 3 added: Maternity services");

        var row = ui.Window.BoardLog.Rows.Select(r => r.Key).ToList().IndexOf("Undertaking 3");
        row.ShouldBeGreaterThan(0);
        for (var i = 0; i < row; i++)
        {
            ui.Press(Key.CursorDown);
        }

        // Its only choice is to add one: none yet.
        ui.PressWithDialogs(Key.M, Choose(0), (h, d) => Accept(h, d, "Plan approved by the trust board", "30 Nov 2020"));
        ui.Window.Message.ShouldBe("Saved: Undertaking 3: milestone 1 added");
        ui.PressWithDialogs(Key.C, Choose(0), (h, d) => Accept(h, d, "The regulator confirmed the plan is delivered."));

        ui.Window.Message.ShouldBe("Saved: Undertaking 3 met");
        var file = File.ReadAllText(Path.Combine(ui.Root, "undertakings", "3.yaml"));
        file.ShouldContain("conditions:\n  - FT4(5)(a)\n  - FT4(6)(f)\n");
        file.ShouldContain("milestones:\n  - text: Plan approved by the trust board\n    due: 2020-11-30\n");
        file.ShouldContain("status: met\n");
        file.ShouldContain("closed: 2025-03-20\nclosing_note: The regulator confirmed the plan is delivered.\n");
        Git.Lines(ui.Root, "log", "--format=%an|%s", "--", "undertakings/3.yaml").ShouldBe(["Sara O'Connor|Undertaking 3 met", "Sara O'Connor|Undertaking 3: milestone 1 added", "Sara O'Connor|Undertaking 3 added: Maternity services"]);
    }

    [Fact]
    public void A_reviewer_is_refused_and_enter_shows_an_item_with_its_history()
    {
        using var ui = new Headless(login: "auditchair");
        ui.Press(new Key('6'));

        ui.PressWithDialogs(Key.N, Choose(1), (h, d) => Accept(h, d, "Quality", "CQC", "Improve."));
        ui.Window.Message.ShouldStartWith("Audit Chair is a reviewer");
        Directory.Exists(Path.Combine(ui.Root, "undertakings")).ShouldBeTrue();
        File.Exists(Path.Combine(ui.Root, "undertakings", "3.yaml")).ShouldBeFalse();

        ui.PressWithDialogs(Key.Enter, (h, d) =>
        {
            var text = string.Join('\n', Headless.All(d).Select(v => v.Text));
            text.ShouldContain("Board action 54: EDI High Impact Actions (item 7, board of 14 Nov 2024)");
            text.ShouldContain("History (2 commits, newest first):");
            text.ShouldContain("Kathy Bonney: Board action 54 updated");
            text.ShouldContain("- status: open → in progress");
            h.App.RequestStop(d);
        });
    }
}
