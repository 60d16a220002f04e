using Risks.App;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace Risks.Tests.Tui;

/// <summary>The main window drawn headless by the real driver, with keys injected.</summary>
public sealed class MainWindowTests
{
    [Fact]
    public void The_register_at_80x24_shows_risks_bands_in_words_and_the_counts()
    {
        using var ui = new Headless();

        var screen = ui.Screen;
        screen.ShouldContain("14 of 14 risks: 11 Extreme, 2 High, 1 Moderate, 0 Low");
        screen.ShouldContain("BAF-05");
        screen.ShouldContain("Extreme");
        screen.ShouldContain("5 x 4 = 20");
        ui.Window.Current.ShouldBe(Screen.Register);
    }

    [Fact]
    public void Slash_then_typing_filters_as_you_type()
    {
        using var ui = new Headless();

        ui.Press(new Key('/'));
        ui.Type("ineq");

        ui.Screen.ShouldContain("2 of 14 risks");
        ui.Screen.ShouldContain("matching \"ineq\"");
        ui.Press(Key.Enter);
        ui.Window.RegisterScreen.Table.HasFocus.ShouldBeTrue();
    }

    [Fact]
    public void Esc_where_a_screen_gives_it_no_meaning_does_nothing_and_only_ctrl_q_quits()
    {
        using var ui = new Headless();

        ui.Press(new Key('/'));
        ui.Type("zz");
        ui.Press(Key.Esc);
        ui.Window.RegisterScreen.Table.HasFocus.ShouldBeTrue("Esc leaves the filter for the table");
        ui.Press(Key.Esc);
        ui.Window.StopRequested.ShouldBeFalse("Esc on the register is not a key for quitting");
        ui.Window.Current.ShouldBe(Screen.Register);
        ui.Press(Key.D2, Key.Esc);
        ui.Window.StopRequested.ShouldBeFalse("nor on the heat map");

        ui.Press(Key.Q.WithCtrl);

        ui.Window.StopRequested.ShouldBeTrue();
    }

    [Fact]
    public void Letters_toggle_kinds_and_x_clears()
    {
        using var ui = new Headless();

        ui.Press(Key.O);
        ui.Screen.ShouldContain("8 of 14 risks");
        ui.Press(Key.X);
        ui.Screen.ShouldContain("14 of 14 risks");
    }

    [Fact]
    public void Enter_opens_the_selected_risk_and_q_goes_back()
    {
        using var ui = new Headless();

        ui.Press(Key.Enter);

        ui.Window.Current.ShouldBe(Screen.Risk);
        ui.Screen.ShouldContain("BAF-05 Diagnostics");
        ui.Screen.ShouldContain("you may edit it");
        ui.Press(Key.Q);
        ui.Window.Current.ShouldBe(Screen.Register);
    }

    [Fact]
    public void A_reviewer_is_told_why_they_cannot_save()
    {
        using var ui = new Headless(login: "auditchair");

        ui.Press(Key.Enter);
        ui.Screen.ShouldContain("read only:");
        ui.Press(Key.W);

        ui.Window.Message.ShouldStartWith("Cannot save: ");
        ui.Window.Message.ShouldContain("reviewer");
    }

    [Fact]
    public void A_reviewer_is_told_why_before_any_question_about_removing_an_item()
    {
        using var ui = new Headless(login: "auditchair");
        ui.Press(Key.Enter);
        while (ui.Window.RiskScreen.Selected?.List is null)
        {
            ui.Press(Key.CursorDown);
        }

        ui.Press(Key.CursorDown, Key.D);

        ui.App.TopRunnableView.ShouldBeSameAs(ui.Window);
        ui.Window.Message.ShouldContain("reviewers read the register but change nothing");
    }

    [Fact]
    public void Number_keys_switch_screens()
    {
        using var ui = new Headless();

        ui.Press(Key.D2);
        ui.Window.Current.ShouldBe(Screen.HeatMap);
        ui.Screen.ShouldContain("Current scores of 14 risks");
        ui.Screen.ShouldContain("4 Major");

        ui.Press(Key.D3);
        ui.Window.Current.ShouldBe(Screen.Actions);
        ui.Screen.ShouldContain("All actions (open)");

        ui.Press(Key.F2);
        ui.Window.Current.ShouldBe(Screen.Register);
    }

    [Fact]
    public void On_the_heat_map_arrows_move_and_enter_filters_the_register()
    {
        using var ui = new Headless();

        ui.Press(Key.D2, Key.CursorDown, Key.CursorLeft, Key.Enter);

        ui.Window.Current.ShouldBe(Screen.Register);
        ui.Screen.ShouldContain("9 of 14 risks");
        ui.Screen.ShouldContain("current impact 4 x likelihood 4");
    }

    [Theory]
    [InlineData(60, 20)]
    [InlineData(120, 40)]
    [InlineData(200, 50)]
    public void Every_screen_draws_at_other_sizes(int width, int height)
    {
        using var ui = new Headless(width: width, height: height);

        ui.Screen.ShouldContain("BAF-05");
        ui.Press(Key.D2);
        ui.Screen.ShouldContain("Impact");
        ui.Press(Key.D3);
        ui.Screen.ShouldContain("Due");
        ui.Press(Key.D1, Key.Enter);
        ui.Screen.ShouldContain("Diagnostics");
    }

    [Fact]
    public void The_owner_column_shows_on_a_wide_terminal()
    {
        using var ui = new Headless(width: 160, height: 30);

        ui.Screen.ShouldContain("Dr Matt Sweeting");
    }

    [Fact]
    public void A_save_by_someone_else_shows_without_losing_the_edits_on_screen()
    {
        using var ui = new Headless();
        ui.Press(new Key('/'));
        ui.Type("ineq");
        ui.Press(Key.Enter, Key.Enter);
        var editor = ui.Window.RiskScreen.Editor!;
        editor.Edit("directorate", "Public Health").ShouldBeNull();

        var other = new Session(ui.Session.Register, "rjarvis", ui.Clock);
        var theirs = new RiskEditor(other, other.Snapshot.Find("BAF-07")!);
        theirs.Edit("performance", "Uptake rose to 71%.").ShouldBeNull();
        theirs.Save(null).ShouldBeOfType<SaveResult.Saved>();

        ui.Window.Watch();

        ui.Window.Message.ShouldStartWith("Someone else saved BAF-07 just now");
        editor.Draft.Directorate.ShouldBe("Public Health");
        ui.Screen.ShouldContain("someone else has saved it since you opened it");
    }
}

/// <summary>The screens of the register's past, and cutting an iteration, drawn headless.</summary>
public sealed class PastScreensTests
{
    [Fact]
    public void On_a_risk_h_shows_its_history_and_b_who_last_changed_each_field()
    {
        using var ui = new Headless(width: 100, height: 30);
        ui.Press(new Key('/'));
        ui.Type("BAF-07");
        ui.Press(Key.Enter, Key.Enter);

        ui.Press(Key.H);
        ui.Window.Current.ShouldBe(Screen.History);
        ui.Screen.ShouldContain("History of BAF-07 Inequalities: 2 commits, newest first");
        ui.Screen.ShouldContain("current score 12 -> 9");
        ui.Screen.ShouldContain("- current likelihood 4 -> 3");

        ui.Press(Key.Q);
        ui.Window.Current.ShouldBe(Screen.Risk);
        ui.Press(Key.B);
        ui.Window.Current.ShouldBe(Screen.Blame);
        ui.Screen.ShouldContain("current likelihood");
        ui.Screen.ShouldContain("4 Mar 2025");
        ui.Screen.ShouldContain("Rebecca Jarvis");
    }

    [Fact]
    public void Leaving_a_risks_history_for_another_screen_asks_about_its_unsaved_edits_first()
    {
        using var ui = new Headless();
        ui.Press(Key.Enter);
        var editor = ui.Window.RiskScreen.Editor!;
        editor.Edit("title", "Renamed but not saved").ShouldBeNull();
        ui.Press(Key.H);
        ui.Window.Current.ShouldBe(Screen.History);

        ui.PressWithDialogs(new Key('1'), (h, dialog) =>
        {
            dialog.Title.ShouldBe("Unsaved edits");
            dialog.Result = 2;
            h.App.RequestStop(dialog);
        });

        ui.Window.Current.ShouldBe(Screen.Risk);
        editor.IsDirty.ShouldBeTrue();
    }

    [Fact]
    public void The_selected_field_is_named_in_full_below_the_table()
    {
        using var ui = new Headless();
        ui.Press(Key.Enter);
        var screen = ui.Window.RiskScreen;

        screen.Select(screen.Rows.ToList().FindIndex(r => r.Path == "actions[0].due"));
        ui.Press();

        ui.Screen.ShouldContain("Action A1 due: ");
        ui.Screen.ShouldNotContain("actions[0]");
    }

    [Fact]
    public void Four_compares_the_last_two_iterations_and_f_chooses_another_side()
    {
        using var ui = new Headless(width: 100, height: 30);

        ui.Press(new Key('4'));

        ui.Window.Current.ShouldBe(Screen.Compare);
        ui.Screen.ShouldContain("From iteration 2025-01 (Board, January 2025)");
        ui.Screen.ShouldContain("12 → 9 down");
        ui.Screen.ShouldContain("No change since the January 2025 report", Case.Sensitive, "the selected risk's movement in words, below the table");

        ui.PressWithDialogs(Key.F, (h, dialog) =>
        {
            var list = All(dialog).OfType<ListView>().Single();
            list.SelectedItem = 0;
            dialog.Result = 1;
            h.App.RequestStop(dialog);
        });

        ui.Screen.ShouldContain("From HEAD");
        ui.Screen.ShouldContain("0 up, 0 down");
    }

    [Fact]
    public void A_typed_name_that_names_nothing_is_asked_for_again_with_the_reason_then_a_date_compares()
    {
        using var ui = new Headless(width: 100, height: 30);
        ui.Press(new Key('4'));

        ui.PressWithDialogs(
            Key.F,
            (h, dialog) =>
            {
                var list = All(dialog).OfType<ListView>().Single();
                list.SelectedItem = list.Source!.Count - 1;
                dialog.Result = 1;
                h.App.RequestStop(dialog);
            },
            (h, dialog) =>
            {
                All(dialog).OfType<TextField>().Single().Text = "last tuesday";
                dialog.Result = 1;
                h.App.RequestStop(dialog);
            },
            (h, dialog) =>
            {
                All(dialog).OfType<Label>().ShouldContain(l => l.Text.Contains("'last tuesday' is not an iteration, commit or date", StringComparison.Ordinal));
                All(dialog).OfType<TextField>().Single().Text = "2025-02-28";
                dialog.Result = 1;
                h.App.RequestStop(dialog);
            });

        ui.Screen.ShouldContain("From the register as at the end of 28 Feb 2025");
        ui.Screen.ShouldContain("to iteration 2025-03");
    }

    [Fact]
    public async Task A_governance_lead_cuts_an_iteration_and_trends_are_then_measured_against_it()
    {
        using var ui = new Headless();

        ui.PressWithDialogs(Key.I, ChooseFirst, (h, dialog) =>
        {
            var fields = All(dialog).OfType<TextField>().ToList();
            fields.Select(f => f.Text).ShouldBe(["2025-03", "Board 20 Mar 2025", "20 Mar 2025"]);
            fields[0].Text = "2025-04";
            fields[1].Text = "Board 10 April 2025";
            fields[2].Text = "10/04/2025";
            dialog.Result = 1;
            h.App.RequestStop(dialog);
        });

        ui.Window.Message.ShouldBe("Cut iteration 2025-04 (board 10 Apr 2025): trends are now measured against it.");
        var cut = ui.Session.Register.Iterations.All()[^1];
        (cut.Name, cut.Title, cut.By, cut.BoardDate).ShouldBe(("2025-04", "Board 10 April 2025", "Sara O'Connor", new DateOnly(2025, 4, 10)));
        await ui.Session.BaselineLoaded;
        ui.Session.Baseline!.Name.ShouldBe("2025-04");
    }

    [Fact]
    public void A_board_date_that_is_not_a_date_is_asked_for_again_with_the_reason_and_the_title_offered_follows_the_date()
    {
        using var ui = new Headless();

        ui.PressWithDialogs(
            Key.I,
            ChooseFirst,
            (h, dialog) =>
            {
                var fields = All(dialog).OfType<TextField>().ToList();
                fields[0].Text = "2025-04";
                fields[2].Text = "31/04/2025";
                dialog.Result = 1;
                h.App.RequestStop(dialog);
            },
            (h, dialog) =>
            {
                dialog.Title.ShouldBe("Cut an iteration");
                All(dialog).OfType<Label>().ShouldContain(l => l.Text.Contains("! '31/04/2025' is not a date: write the day of the board", StringComparison.Ordinal));
                var fields = All(dialog).OfType<TextField>().ToList();
                fields.Select(f => f.Text).ShouldBe(["2025-04", "Board 20 Mar 2025", "31/04/2025"]);
                fields[2].Text = "17 Apr 2025";
                dialog.Result = 1;
                h.App.RequestStop(dialog);
            });

        ui.Window.Message.ShouldBe("Cut iteration 2025-04 (board 17 Apr 2025): trends are now measured against it.");
        var cut = ui.Session.Register.Iterations.All()[^1];
        (cut.Name, cut.Title, cut.BoardDate).ShouldBe(("2025-04", "Board 17 Apr 2025", new DateOnly(2025, 4, 17)));
    }

    [Fact]
    public void A_name_already_taken_is_asked_for_again_keeping_the_board_date()
    {
        using var ui = new Headless();

        ui.PressWithDialogs(
            Key.I,
            ChooseFirst,
            (h, dialog) =>
            {
                var fields = All(dialog).OfType<TextField>().ToList();
                fields[2].Text = "2025-03-27";
                dialog.Result = 1;
                h.App.RequestStop(dialog);
            },
            (h, dialog) =>
            {
                All(dialog).OfType<Label>().ShouldContain(l => l.Text.Contains("! there is already an iteration called '2025-03'", StringComparison.Ordinal));
                var fields = All(dialog).OfType<TextField>().ToList();
                fields.Select(f => f.Text).ShouldBe(["2025-03", "Board 27 Mar 2025", "27 Mar 2025"]);
                fields[0].Text = "2025-03-extra";
                dialog.Result = 1;
                h.App.RequestStop(dialog);
            });

        var cut = ui.Session.Register.Iterations.All()[^1];
        (cut.Name, cut.Title, cut.BoardDate).ShouldBe(("2025-03-extra", "Board 27 Mar 2025", new DateOnly(2025, 3, 27)));
    }

    [Fact]
    public void A_reviewer_cannot_cut_an_iteration_and_is_told_why_before_any_dialog()
    {
        using var ui = new Headless(login: "auditchair");

        ui.PressWithDialogs(Key.I, ChooseFirst);

        ui.Window.Message.ShouldContain("reviewers read the register but change nothing");
        ui.Session.Register.Iterations.All().Select(i => i.Name).ShouldBe(["2025-01", "2025-03"]);
    }

    [Fact]
    public void The_iterations_list_newest_first_and_one_can_be_compared_with_now()
    {
        using var ui = new Headless();

        ui.PressWithDialogs(
            Key.I,
            (h, dialog) =>
            {
                var list = All(dialog).OfType<ListView>().Single();
                list.Source!.Count.ShouldBe(3);
                list.Source.ToList().Cast<string>().Skip(1).ShouldBe(
                [
                    "2025-03  13 Mar 2025  Sara O'Connor  Board, 13 March 2025",
                    "2025-01  16 Jan 2025  Sara O'Connor  Board, January 2025",
                ]);
                list.SelectedItem.ShouldBe(0, "cutting a new iteration is always where the list starts, full or empty");
                list.SelectedItem = 1;
                dialog.Result = 1;
                h.App.RequestStop(dialog);
            },
            (h, dialog) =>
            {
                dialog.Title.ShouldBe("Iteration 2025-03");
                dialog.Result = 0;
                h.App.RequestStop(dialog);
            });

        ui.Window.Current.ShouldBe(Screen.Compare);
        ui.Screen.ShouldContain("From iteration 2025-03");
    }

    [Fact]
    public void P_writes_the_last_iterations_paper_to_the_file_named_and_says_where()
    {
        using var ui = new Headless();
        var path = Path.Combine(Path.GetDirectoryName(ui.Session.Register.Root)!, "board.html");

        ui.PressWithDialogs(
            Key.P,
            (h, dialog) =>
            {
                var list = All(dialog).OfType<ListView>().Single();
                list.Source!.ToList().Cast<string>().ShouldBe(
                [
                    "BAF paper (HTML, prints to A4) of iteration 2025-03",
                    "BAF paper (PDF) of iteration 2025-03",
                    "BAF paper (Word) of iteration 2025-03",
                    "BAF paper (Markdown) of iteration 2025-03",
                    "Excel workbook (.xlsx) of risks, actions and board log",
                    "Risks as CSV (one row per risk, every field)",
                    "Actions as CSV (one row per action)",
                ]);
                ChooseFirst(h, dialog);
            },
            (h, dialog) =>
            {
                All(dialog).OfType<TextField>().Single().Text.ShouldEndWith("BAF-2025-03.html");
                All(dialog).OfType<TextField>().Single().Text = path;
                dialog.Result = 1;
                h.App.RequestStop(dialog);
            },
            (h, dialog) =>
            {
                dialog.Title.ShouldBe("Written");
                dialog.Result = 0;
                h.App.RequestStop(dialog);
            });

        ui.Window.Message.ShouldStartWith($"Wrote the BAF paper for March 2025 (iteration 2025-03, commit ");
        File.ReadAllText(path).ShouldStartWith("<!DOCTYPE html>");
        File.ReadAllText(path).ShouldContain("Reduced from 12 since the January 2025 report");
    }

    [Fact]
    public void P_then_word_writes_the_paper_as_a_word_document()
    {
        using var ui = new Headless();
        var path = Path.Combine(Path.GetDirectoryName(ui.Session.Register.Root)!, "board.docx");

        WriteFromPapers(ui, 2, "BAF-2025-03.docx", path);

        ui.Window.Message.ShouldStartWith("Wrote the BAF paper for March 2025 (iteration 2025-03, commit ");
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false);
        word.MainDocumentPart!.Document!.Body!.InnerText.ShouldContain("BAF-07 Inequalities");
    }

    [Fact]
    public void P_then_risks_as_csv_writes_every_risk_for_excel()
    {
        using var ui = new Headless();
        var path = Path.Combine(Path.GetDirectoryName(ui.Session.Register.Root)!, "risks.csv");

        WriteFromPapers(ui, 5, "risks-2025-03-20.csv", path);

        ui.Window.Message.ShouldStartWith($"Wrote 14 risks to {path}");
        var bytes = File.ReadAllBytes(path);
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        System.Text.Encoding.UTF8.GetString(bytes).ShouldContain("BAF-07");
    }

    [Fact]
    public void P_then_the_workbook_writes_the_register_as_an_excel_workbook()
    {
        using var ui = new Headless();
        var path = Path.Combine(Path.GetDirectoryName(ui.Session.Register.Root)!, "register.xlsx");

        WriteFromPapers(ui, 4, "risks-2025-03-20.xlsx", path);

        ui.Window.Message.ShouldStartWith($"Wrote 14 risks with their actions, and the board's actions and undertakings, to {path} (");
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        book.WorkbookPart!.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ShouldBe(["Risks", "Actions", "Board actions", "Undertakings"]);
        book.WorkbookPart.SharedStringTablePart!.SharedStringTable!.InnerText.ShouldContain("Inequalities");
    }

    /// <summary>
    /// On the papers dialog, chooses entry <paramref name="choice"/>, checks the file name offered
    /// ends with <paramref name="offered"/>, writes to <paramref name="path"/> instead and closes the message.
    /// </summary>
    private static void WriteFromPapers(Headless ui, int choice, string offered, string path) =>
        ui.PressWithDialogs(
            Key.P,
            (h, dialog) =>
            {
                All(dialog).OfType<ListView>().Single().SelectedItem = choice;
                dialog.Result = 1;
                h.App.RequestStop(dialog);
            },
            (h, dialog) =>
            {
                All(dialog).OfType<TextField>().Single().Text.ShouldEndWith(offered);
                All(dialog).OfType<TextField>().Single().Text = path;
                dialog.Result = 1;
                h.App.RequestStop(dialog);
            },
            (h, dialog) =>
            {
                dialog.Result = 0;
                h.App.RequestStop(dialog);
            });

    /// <summary>Chooses the first entry of a list dialog: in the iterations, "Cut a new iteration".</summary>
    private static void ChooseFirst(Headless h, Dialog dialog)
    {
        All(dialog).OfType<ListView>().Single().SelectedItem = 0;
        dialog.Result = 1;
        h.App.RequestStop(dialog);
    }

    private static IEnumerable<Terminal.Gui.ViewBase.View> All(Terminal.Gui.ViewBase.View view) => Headless.All(view);
}
