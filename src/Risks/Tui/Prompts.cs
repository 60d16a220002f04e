using System.Collections.ObjectModel;
using Risks.App;
using Risks.Core.Changes;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Risks.Tui;

/// <summary>
/// The dialogs: editing one field, saving with a reason, a conflict, questions and help. Every
/// dialog has buttons for each way out, so Esc is never the only way to cancel.
/// </summary>
internal sealed class Prompts(IApplication app)
{
    /// <summary>Asks a question; returns the index of the button pressed, or null when cancelled.</summary>
    public int? Ask(string title, string message, params string[] buttons) =>
        MessageBox.Query(app, title, message, buttons);

    public void Tell(string title, string message) => MessageBox.Query(app, title, message, "_OK");

    /// <summary>Shows long text to read (a patch, a version of a risk): scrolls with the arrows and PgUp/PgDn; Enter or Esc closes it.</summary>
    public void Read(string title, string text)
    {
#pragma warning disable CS0618 // TextView is the only scrolling text viewer this Terminal.Gui offers; it works.
        var wrapped = string.Join('\n', Wrap(text.Split('\n'), (app.Screen.Width * 95 / 100) - 4));
        var view = new TextView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1), Text = wrapped, ReadOnly = true };
#pragma warning restore CS0618
        using var dialog = new Dialog { HotKeySpecifier = Texts.NoHotKey, Title = title, Width = Dim.Percent(95), Height = Dim.Percent(90), Buttons = [new Button { Text = "_Close" }] };
        dialog.Add(view);
        Run(dialog, view);
    }

    /// <summary>
    /// Shows lines to read with words an edit removed and added in their colours and marked in the
    /// text (a comparison's both sides): scrolls with the arrows, PgUp/PgDn, Home and End; Enter or Esc closes it.
    /// </summary>
    public void Read(string title, IReadOnlyList<MarkedLine> lines)
    {
        var view = new MarkedTextView { X = 0, Y = 0, Height = Dim.Fill(1), CanFocus = true, Lines = lines, More = "arrows and PgDn scroll" };
        using var dialog = new Dialog { HotKeySpecifier = Texts.NoHotKey, Title = title, Width = Dim.Percent(95), Height = Dim.Percent(90), Buttons = [new Button { Text = "_Close" }] };
        dialog.Add(view);
        Run(dialog, view);
    }

    /// <summary>
    /// A short menu, each entry numbered: its number chooses it at once, as do the arrows and Enter.
    /// Returns the index chosen, or null when cancelled.
    /// </summary>
    public int? Menu(string title, IReadOnlyList<string> entries, int selected = 0)
    {
        if (entries.Count == 0)
        {
            return null;
        }

        var numbered = entries.Select((e, i) => i < 9 ? $"{i + 1}  {e}" : $"   {e}").ToList();
        var note = new Label { HotKeySpecifier = Texts.NoHotKey, Text = "A section's number goes there; or arrows and Enter.", X = 0, Y = 0, Width = Dim.Fill() };
        var list = new ListView { X = 0, Y = 1, Width = Dim.Fill(), Height = Math.Min(numbered.Count, 14), ShowMarks = true, MarkMultiple = false };
        FollowWithMark(list);
        list.SetSource(new ObservableCollection<string>(numbered));
        using var dialog = WithButtons(title, 70, "_Go");
        dialog.Add(note, list);
        void Choose()
        {
            dialog.Result = Accept;
            app.RequestStop(dialog);
        }

        list.Accepting += (_, e) =>
        {
            Choose();
            e.Handled = true;
        };

        // A number chooses at once: taken before the list sees it (the list would only move to it).
        void Number(object? sender, Key key)
        {
            var rune = key.AsRune.Value;
            if (ReferenceEquals(app.TopRunnableView, dialog) && !key.IsCtrl && !key.IsAlt && rune is >= '1' and <= '9' && rune - '1' < numbered.Count)
            {
                list.SelectedItem = rune - '1';
                Choose();
                key.Handled = true;
            }
        }

        app.Keyboard.KeyDown += Number;
        try
        {
            return Run(dialog, list, () => list.SelectedItem = Math.Clamp(selected, 0, numbered.Count - 1)) && list.SelectedItem is { } chosen ? chosen : null;
        }
        finally
        {
            app.Keyboard.KeyDown -= Number;
        }
    }

    /// <summary>Chooses one of <paramref name="choices"/>; null when cancelled.</summary>
    public string? Pick(string title, string note, IReadOnlyList<(string Value, string Label)> choices, int selected = 0, string empty = "There is nothing to choose from yet.", string accept = "C_hoose")
    {
        if (choices.Count == 0)
        {
            Tell(title, empty);
            return null;
        }

        var labels = new ObservableCollection<string>(choices.Select(c => c.Label));
        var lines = Wrap(note.Split('\n'), (app.Screen.Width * 8 / 10) - 4);
        var help = new Label { HotKeySpecifier = Texts.NoHotKey, Text = string.Join('\n', lines), X = 0, Y = 0, Width = Dim.Fill(), Height = lines.Count };
        var list = new ListView { X = 0, Y = Pos.Bottom(help), Width = Dim.Fill(), Height = Math.Clamp(labels.Count, 1, 12), ShowMarks = true, MarkMultiple = false };
        FollowWithMark(list);
        list.SetSource(labels);
        using var dialog = WithButtons(title, 80, accept);
        dialog.Add(help, list);
        list.Accepting += (_, e) =>
        {
            dialog.Result = Accept;
            app.RequestStop(dialog);
            e.Handled = true;
        };
        return Run(dialog, list, () => list.SelectedItem = Math.Clamp(selected, 0, choices.Count - 1))
            && list.SelectedItem is { } chosen && chosen < choices.Count ? choices[chosen].Value : null;
    }

    /// <summary>Asks for one line of text; null when cancelled.</summary>
    public string? Line(string title, string note, string initial, string accept)
    {
        var lines = Wrap(note.Split('\n'), (app.Screen.Width * 8 / 10) - 4);
        var help = new Label { HotKeySpecifier = Texts.NoHotKey, Text = string.Join('\n', lines), X = 0, Y = 0, Width = Dim.Fill(), Height = lines.Count };
        var field = new TextField { X = 0, Y = Pos.Bottom(help) + 1, Width = Dim.Fill(), Text = initial };
        using var dialog = WithButtons(title, 80, accept);
        dialog.Add(help, field);
        return Run(dialog, field) ? field.Text.Trim() : null;
    }

    /// <summary>
    /// Asks for several lines of text, each under its label (a name, a title and a date, say), the
    /// first focused, below a note (which may have several lines); returns them trimmed, in order,
    /// or null when cancelled.
    /// </summary>
    public IReadOnlyList<string>? Form(string title, string note, IReadOnlyList<(string Label, string Value)> fields, string accept)
    {
        var lines = Wrap(note.Split('\n'), (app.Screen.Width * 8 / 10) - 4);
        var help = new Label { HotKeySpecifier = Texts.NoHotKey, Text = string.Join('\n', lines), X = 0, Y = 0, Width = Dim.Fill(), Height = lines.Count };
        using var dialog = WithButtons(title, 80, accept);
        dialog.Add(help);
        View above = help;
        var inputs = new List<TextField>();
        // More than four fields would not fit 24 lines each under its label: then each label sits to the left of its field.
        var beside = fields.Count > 4 ? fields.Max(f => f.Label.Length) + 1 : 0;
        for (var i = 0; i < fields.Count; i++)
        {
            var (label, value) = fields[i];
            var caption = new Label { HotKeySpecifier = Texts.NoHotKey, Text = label, X = 0, Y = Pos.Bottom(above) + (beside == 0 || i == 0 ? 1 : 0) };
            var input = beside == 0
                ? new TextField { X = 0, Y = Pos.Bottom(caption), Width = Dim.Fill(), Text = value }
                : new TextField { X = beside, Y = Pos.Top(caption), Width = Dim.Fill(), Text = value };
            dialog.Add(caption, input);
            inputs.Add(input);
            above = beside == 0 ? input : caption;
        }

        return Run(dialog, inputs[0]) ? inputs.ConvertAll(i => i.Text.Trim()) : null;
    }

    /// <summary>Edits one field; returns what was typed or chosen, or null when cancelled.</summary>
    public string? Edit(FieldRow row, string? error = null)
    {
        return row.Kind switch
        {
            FieldKind.Choice => Choose(row),
            FieldKind.MultiChoice => ChooseMany(row),
            _ => Type(row, error),
        };
    }

    /// <summary>Shows the change in the board's words and asks for the reason; returns the reason, or null when cancelled.</summary>
    public string? Save(RiskEditor editor, string? problem = null) =>
        Save(
            $"Save {editor.Id}",
            editor.Headline,
            editor.Changes,
            editor.Overlaps.Count > 0 ? [$"Yours replaced theirs in: {string.Join(", ", editor.Overlaps)}"] : [],
            editor.ReasonRequired ? "Reason (required: a score changed):" : "Reason (recorded with the change):",
            problem);

    /// <summary>Shows the changes to save, the first line the commit will have, and asks for the reason; null when cancelled.</summary>
    public string? Save(string title, string headline, IReadOnlyList<FieldChange> changes, IEnumerable<string> notes, string reasonPrompt, string? problem)
    {
        var lines = new List<string> { headline, "" };
        lines.AddRange(changes.Take(8).Select(c => "- " + c.Description));
        if (changes.Count > 8)
        {
            lines.Add($"- and {changes.Count - 8} more");
        }

        lines.AddRange(notes);
        lines.Add("");
        lines.Add(reasonPrompt);
        lines = Wrap(lines, (app.Screen.Width * 9 / 10) - 4);
        var summary = new Label { HotKeySpecifier = Texts.NoHotKey, Text = string.Join('\n', lines), X = 0, Y = 0, Width = Dim.Fill(), Height = lines.Count };
        var reason = new TextField { X = 0, Y = Pos.Bottom(summary), Width = Dim.Fill() };
        var note = new Label { HotKeySpecifier = Texts.NoHotKey, Text = problem ?? "Enter saves; Tab reaches the buttons.", X = 0, Y = Pos.Bottom(reason), Width = Dim.Fill(), Height = 1 };
        using var dialog = WithButtons(title, 90, "_Save");
        dialog.Add(summary, reason, note);
        return Run(dialog, reason) ? reason.Text : null;
    }

    /// <summary>Someone else saved the risk: shows both sides' changes. Returns true to re-apply the edits on theirs.</summary>
    public bool Conflict(SaveResult.Conflict conflict)
    {
        var lines = new List<string> { conflict.Message, "", "Their changes:" };
        lines.AddRange(Describe(conflict.TheirChanges, conflict.Theirs is null ? "the file is gone or cannot be read" : "none"));
        lines.Add("");
        lines.Add("Your changes (kept, not lost):");
        lines.AddRange(Describe(conflict.MyChanges, "none"));
        lines.Add("");
        lines.Add("Re-apply puts your changes on top of theirs; you then check and save again.");
        var choice = Ask("Someone else saved this risk", string.Join('\n', lines), "_Re-apply mine on theirs", "_Keep editing");
        return choice == 0;
    }

    /// <summary>
    /// The keys of a screen, from the key map, left-aligned in two columns: it scrolls (arrows,
    /// PgUp, PgDn, Home, End, the mouse wheel), so every line can be read at 80x24.
    /// </summary>
    public void Help(Screen screen)
    {
        var bindings = KeyMap.For(screen).ToList();
        var width = bindings.Max(b => b.KeysText.Length) + 2;
        var lines = bindings.Select(b => b.KeysText.PadRight(width) + b.Description).ToList();
        lines.Add("");
        lines.Add("In a dialog: Enter presses the highlighted button, Tab moves between fields and buttons, Esc cancels.");
        lines.Add("Every key is also in docs/keys.md.");
        var view = new MarkedTextView { X = 0, Y = 0, Height = Dim.Fill(1), CanFocus = true, Indent = width, Lines = [.. lines.Select(MarkedLine.Plain)], More = "arrows and PgDn scroll" };
        using var dialog = new Dialog { HotKeySpecifier = Texts.NoHotKey, Title = $"Keys: {KeyMap.Title(screen)}", Width = Dim.Percent(95), Height = Dim.Percent(90), Buttons = [new Button { Text = "_OK" }] };
        dialog.Add(view);
        Run(dialog, view);
    }

    /// <summary>Wraps lines at word boundaries to <paramref name="width"/> columns, so a label's height can be counted.</summary>
    internal static List<string> Wrap(IEnumerable<string> lines, int width)
    {
        var wrapped = new List<string>();
        foreach (var line in lines)
        {
            var rest = line;
            while (rest.Length > width && width > 10)
            {
                var cut = rest.LastIndexOf(' ', width);
                cut = cut <= width / 2 ? width : cut;
                wrapped.Add(rest[..cut].TrimEnd());
                rest = "  " + rest[cut..].TrimStart();
            }

            wrapped.Add(rest);
        }

        return wrapped;
    }

    /// <summary>The index of the accepting button: the last one added, which is the dialog's default (Enter).</summary>
    private const int Accept = 1;

    /// <summary>A dialog with Cancel and, last (so Enter presses it), the accepting button.</summary>
    private static Dialog WithButtons(string title, int widthPercent, string accept) =>
        new() { HotKeySpecifier = Texts.NoHotKey, Title = title, Width = Dim.Percent(widthPercent), Buttons = [new Button { Text = "_Cancel" }, new Button { Text = accept }] };

    /// <summary>Runs a dialog with <paramref name="first"/> focused; true when it was accepted.</summary>
    private bool Run(Dialog dialog, View first, Action? started = null)
    {
        void Focus(object? sender, EventArgs e)
        {
            // Raised on starting and on stopping: only set things up when it starts.
            if (dialog.IsRunning)
            {
                first.SetFocus();
                started?.Invoke();
            }
        }

        dialog.IsRunningChanged += Focus;
        try
        {
            return app.Run(dialog) is Accept;
        }
        catch
        {
            // A dialog that failed while starting is still on the stack with nothing running it: end it, so the screen is not left dead.
            Sessions.EndIfLeft(app, dialog);
            throw;
        }
        finally
        {
            dialog.IsRunningChanged -= Focus;
        }
    }

    /// <summary>
    /// In a list of one choice, the highlighted entry also carries the list's mark (◉), so which one
    /// Enter takes shows without colour.
    /// </summary>
    private static void FollowWithMark(ListView list) =>
        list.ValueChanged += (_, _) =>
        {
            if (list.Source is not { } source)
            {
                return;
            }

            for (var i = 0; i < source.Count; i++)
            {
                source.SetMark(i, i == list.SelectedItem);
            }

            list.SetNeedsDraw();
        };

    /// <summary>A field's dialog is titled by its name in full: "Action A3 due".</summary>
    private static string TitleOf(FieldRow row)
    {
        var name = row.FullLabel.Length > 0 ? row.FullLabel : row.Label;
        return name.Length > 0 ? char.ToUpperInvariant(name[0]) + name[1..] : name;
    }

    /// <summary>A pick list with nothing in it says what to add and where, instead of opening empty.</summary>
    private bool NothingToChoose(FieldRow row)
    {
        if (row.Choices.Count > 0)
        {
            return false;
        }

        Tell(row.Label, row.NoChoices);
        return true;
    }

    private static IEnumerable<string> Describe(IReadOnlyList<FieldChange> changes, string none) =>
        changes.Count == 0 ? [$"- {none}"] : changes.Take(6).Select(c => "- " + c.Description).Concat(changes.Count > 6 ? [$"- and {changes.Count - 6} more"] : []);

    private string? Type(FieldRow row, string? error)
    {
        var multiLine = row.Kind is FieldKind.LongText or FieldKind.Lines;
        var hint = row.Kind switch
        {
            FieldKind.Date => "A date: 30 Jun 2025, 30/06/2025 or 2025-06-30. Blank clears it.",
            FieldKind.Lines => "One entry per line; Alt+S keeps them (or Tab to Save field, then Enter).",
            FieldKind.LongText => "Enter starts a new line; Alt+S keeps the text (or Tab to Save field, then Enter).",
            _ => "",
        };
        if (row.CanClear && row.Kind is FieldKind.Text or FieldKind.LongText)
        {
            hint = (hint + " Blank clears it.").Trim();
        }

        if (row.Raw.Length > 0)
        {
            hint += multiLine
                ? " Ctrl+A selects all the text, and typing then replaces it."
                : " The text is selected: typing replaces it, an arrow or End keeps it to change; Ctrl+A selects all again.";
        }

        var helpLines = Wrap(new[] { error is null ? "" : "! " + error, row.Help, hint }.Where(s => s.Length > 0), (app.Screen.Width * 9 / 10) - 4);
        var help = new Label { HotKeySpecifier = Texts.NoHotKey, Text = string.Join('\n', helpLines), X = 0, Y = 0, Width = Dim.Fill(), Height = helpLines.Count };
        View input;
        Func<string> value;
        if (multiLine)
        {
#pragma warning disable CS0618 // TextView is the only multi-line editor this Terminal.Gui offers; it works.
            var text = new TextView { X = 0, Y = Pos.Bottom(help) + 1, Width = Dim.Fill(), Height = 8, Text = row.Raw, TabKeyAddsTab = false, WordWrap = true };
            value = () => text.Text;
#pragma warning restore CS0618
            input = text;
        }
        else
        {
            var field = new TextField { X = 0, Y = Pos.Bottom(help) + 1, Width = Dim.Fill(), Text = row.Raw };
            value = () => field.Text;
            input = field;
        }

        using var dialog = WithButtons(TitleOf(row), 90, "_Save field");
        dialog.Add(help, input);
        return Run(dialog, input) ? value() : null;
    }

    private string? Choose(FieldRow row)
    {
        if (NothingToChoose(row))
        {
            return null;
        }

        // Each choice once, as people read it: "Helen Tester (hetester)", "partially effective", "4 Major".
        var labels = new ObservableCollection<string>(row.Choices.Select(c => c.Label));
        var list = new ListView { X = 0, Y = 0, Width = Dim.Fill(), Height = Math.Min(labels.Count, 14), ShowMarks = true, MarkMultiple = false };
        FollowWithMark(list);
        list.SetSource(labels);
        var current = Math.Max(0, row.Choices.ToList().FindIndex(c => c.Value == row.Raw));
        using var dialog = WithButtons(TitleOf(row), 80, "C_hoose");
        dialog.Add(list);
        list.Accepting += (_, e) =>
        {
            dialog.Result = Accept;
            app.RequestStop(dialog);
            e.Handled = true;
        };
        return Run(dialog, list, () => list.SelectedItem = current) && list.SelectedItem is { } chosen && chosen < row.Choices.Count ? row.Choices[chosen].Value : null;
    }

    private string? ChooseMany(FieldRow row)
    {
        if (NothingToChoose(row))
        {
            return null;
        }

        var chosen = row.Raw.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var labels = new ObservableCollection<string>(row.Choices.Select(c => c.Label));
        var note = new Label { HotKeySpecifier = Texts.NoHotKey, Text = "Space marks or unmarks; Enter or Save keeps the marked ones.", X = 0, Y = 0, Width = Dim.Fill() };
        var list = new ListView { X = 0, Y = 1, Width = Dim.Fill(), Height = Math.Min(labels.Count, 14), ShowMarks = true, MarkMultiple = true };
        list.SetSource(labels);
        for (var i = 0; i < row.Choices.Count; i++)
        {
            list.Source!.SetMark(i, chosen.Contains(row.Choices[i].Value));
        }

        using var dialog = WithButtons(TitleOf(row), 80, "_Save field");
        dialog.Add(note, list);
        if (!Run(dialog, list, () => list.SelectedItem = 0))
        {
            return null;
        }

        return string.Join('\n', row.Choices.Where((_, i) => list.Source!.IsMarked(i)).Select(c => c.Value));
    }
}
