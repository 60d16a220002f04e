using System.Text;

namespace Risks.App;

/// <summary>The screens a key can belong to.</summary>
public enum Screen { Everywhere, Register, HeatMap, Actions, Risk, History, Blame, Compare }

/// <summary>Everything a key can do.</summary>
public enum UiCommand
{
    Help,
    Quit,
    ShowRegister,
    ShowHeatMap,
    ShowActions,
    Reload,
    Open,
    Filter,
    ClearFilters,
    Sort,
    ReverseSort,
    ToggleStrategic,
    ToggleOperational,
    ToggleClosed,
    NewRisk,
    NextBasis,
    FilterToCell,
    CellUp,
    CellDown,
    CellLeft,
    CellRight,
    ToggleMine,
    ToggleFinished,
    EditField,
    AddItem,
    RemoveItem,
    MoveUp,
    MoveDown,
    NextSection,
    PreviousSection,
    Save,
    Discard,
    CloseRisk,
    ShowCompare,
    Iterations,
    ShowHistory,
    ShowBlame,
    ViewVersion,
    ShowPatch,
    Details,
    CompareFrom,
    CompareTo,
    Back,
    Export,
}

/// <summary>
/// One key binding: the command, the screen it works on, its keys (as Terminal.Gui spells them:
/// <c>Ctrl+Q</c>, <c>F2</c>, <c>Q</c> for the letter q), and the words the status bar, the help
/// overlay and docs/keys.md show.
/// </summary>
public sealed record KeyBinding(UiCommand Command, Screen Screen, IReadOnlyList<string> Keys, string Hint, string Description)
{
    /// <summary>Shown in the status bar of its screen.</summary>
    public bool InStatusBar { get; init; }

    /// <summary>How the keys read to a person: <c>Ctrl+Q, q</c>.</summary>
    public string KeysText => string.Join(", ", Keys.Select(KeyMap.Readable));
}

/// <summary>
/// Every key of the full-screen UI, declared once: the UI binds these, the status bar and the
/// <c>?</c> overlay list them, and docs/keys.md is written from them. Each command has a letter
/// (or plain) key as well as any F-key, since some SSH clients eat F-keys, and Esc is never the
/// only key for anything.
/// </summary>
public static class KeyMap
{
    public static IReadOnlyList<KeyBinding> All { get; } =
    [
        new(UiCommand.Help, Screen.Everywhere, ["?", "F1"], "Help", "Show the keys of this screen") { InStatusBar = true },
        new(UiCommand.Quit, Screen.Everywhere, ["Ctrl+Q", "F10"], "Quit", "Quit (asks first if a risk has unsaved edits)") { InStatusBar = true },
        new(UiCommand.ShowRegister, Screen.Everywhere, ["1", "F2"], "Register", "Show the register"),
        new(UiCommand.ShowHeatMap, Screen.Everywhere, ["2", "F3"], "Heat map", "Show the heat map"),
        new(UiCommand.ShowActions, Screen.Everywhere, ["3", "F4"], "Actions", "Show every action, overdue first"),
        new(UiCommand.ShowCompare, Screen.Everywhere, ["4", "F6"], "Compare", "Compare two versions of the register: iterations, commits or dates"),
        new(UiCommand.Reload, Screen.Everywhere, ["Ctrl+R", "F5"], "Reload", "Read the register again (unsaved edits are kept)"),

        new(UiCommand.Open, Screen.Register, ["Enter"], "Open", "Open the selected risk") { InStatusBar = true },
        new(UiCommand.Filter, Screen.Register, ["/"], "Filter", "Filter as you type (every word must appear); Enter or Down returns to the table") { InStatusBar = true },
        new(UiCommand.ClearFilters, Screen.Register, ["X"], "Clear", "Clear the filters: every open risk"),
        new(UiCommand.Sort, Screen.Register, ["S"], "Sort", "Sort by the next column") { InStatusBar = true },
        new(UiCommand.ReverseSort, Screen.Register, ["R"], "Reverse", "Reverse the sort order"),
        new(UiCommand.ToggleStrategic, Screen.Register, ["B"], "BAF", "Show or hide strategic (BAF) risks"),
        new(UiCommand.ToggleOperational, Screen.Register, ["O"], "Operational", "Show or hide operational risks"),
        new(UiCommand.ToggleClosed, Screen.Register, ["C"], "Closed", "Show or hide closed and merged risks"),
        new(UiCommand.NewRisk, Screen.Register, ["N", "F7"], "New", "Add a new risk (governance leads)"),
        new(UiCommand.Iterations, Screen.Register, ["I"], "Iterations", "List the iterations; cut a new one for the board or remove one (governance leads), or compare one with now"),
        new(UiCommand.Export, Screen.Register, ["P"], "Papers", "Write the board's BAF paper (HTML or Markdown, from the register as committed) or the risks or actions as CSV to a file"),

        new(UiCommand.FilterToCell, Screen.HeatMap, ["Enter"], "Filter", "Show the register filtered to the selected cell") { InStatusBar = true },
        new(UiCommand.NextBasis, Screen.HeatMap, ["T"], "Score", "Switch between current, target and inherent scores") { InStatusBar = true },
        new(UiCommand.CellUp, Screen.HeatMap, ["CursorUp", "K"], "Up", "Select the cell above (higher impact)"),
        new(UiCommand.CellDown, Screen.HeatMap, ["CursorDown", "J"], "Down", "Select the cell below (lower impact)"),
        new(UiCommand.CellLeft, Screen.HeatMap, ["CursorLeft", "H"], "Left", "Select the cell to the left (lower likelihood)"),
        new(UiCommand.CellRight, Screen.HeatMap, ["CursorRight", "L"], "Right", "Select the cell to the right (higher likelihood)"),

        new(UiCommand.Open, Screen.Actions, ["Enter"], "Open", "Open the risk of the selected action") { InStatusBar = true },
        new(UiCommand.ToggleMine, Screen.Actions, ["M"], "Mine", "Show only my actions, or everyone's") { InStatusBar = true },
        new(UiCommand.ToggleFinished, Screen.Actions, ["F"], "Finished", "Show or hide complete and cancelled actions"),

        new(UiCommand.EditField, Screen.Risk, ["Enter", "E"], "Edit", "Edit the selected field") { InStatusBar = true },
        new(UiCommand.Save, Screen.Risk, ["Ctrl+S", "W", "F9"], "Save", "Save: shows the change and asks for a reason") { InStatusBar = true },
        new(UiCommand.AddItem, Screen.Risk, ["A", "Insert"], "Add", "Add a control, gap, assurance or action after the selected one"),
        new(UiCommand.RemoveItem, Screen.Risk, ["D", "Delete"], "Remove", "Remove the selected control, gap, assurance or action"),
        new(UiCommand.MoveUp, Screen.Risk, ["K", "Ctrl+CursorUp"], "Up", "Move the selected item up its list"),
        new(UiCommand.MoveDown, Screen.Risk, ["J", "Ctrl+CursorDown"], "Down", "Move the selected item down its list"),
        new(UiCommand.NextSection, Screen.Risk, ["Tab", "N"], "Next section", "Go to the next section"),
        new(UiCommand.PreviousSection, Screen.Risk, ["Shift+Tab", "P"], "Previous section", "Go to the previous section"),
        new(UiCommand.Discard, Screen.Risk, ["U"], "Undo all", "Throw away every unsaved edit to this risk"),
        new(UiCommand.ShowHistory, Screen.Risk, ["H"], "History", "Every commit that changed this risk: when, who, why and what") { InStatusBar = true },
        new(UiCommand.ShowBlame, Screen.Risk, ["B"], "Who", "Who last changed each field, when and why"),
        new(UiCommand.CloseRisk, Screen.Risk, ["Q", "Backspace", "Esc"], "Close", "Close the risk and go back (asks first if there are unsaved edits)") { InStatusBar = true },

        new(UiCommand.ViewVersion, Screen.History, ["Enter", "V"], "Version", "Show the risk as it was after the selected commit") { InStatusBar = true },
        new(UiCommand.ShowPatch, Screen.History, ["P"], "Patch", "Show the selected commit's Git patch of the risk's file") { InStatusBar = true },
        new(UiCommand.Back, Screen.History, ["Q", "Backspace", "Esc"], "Back", "Back to the risk") { InStatusBar = true },

        new(UiCommand.Details, Screen.Blame, ["Enter"], "Details", "Show the field's value and the commit that last changed it in full") { InStatusBar = true },
        new(UiCommand.Back, Screen.Blame, ["Q", "Backspace", "Esc"], "Back", "Back to the risk") { InStatusBar = true },

        new(UiCommand.Details, Screen.Compare, ["Enter"], "Both sides", "Show the selected risk's changes and the risk on both sides") { InStatusBar = true },
        new(UiCommand.CompareFrom, Screen.Compare, ["F"], "From", "Choose the earlier version: an iteration, or a commit or date typed") { InStatusBar = true },
        new(UiCommand.CompareTo, Screen.Compare, ["T"], "To", "Choose the later version: an iteration, now, or a commit or date typed") { InStatusBar = true },
        new(UiCommand.Back, Screen.Compare, ["Q", "Backspace", "Esc"], "Back", "Back to the register"),
    ];

    /// <summary>The bindings that work on <paramref name="screen"/>: its own, then those that work everywhere.</summary>
    public static IEnumerable<KeyBinding> For(Screen screen) =>
        All.Where(b => b.Screen == screen).Concat(All.Where(b => b.Screen == Screen.Everywhere));

    /// <summary>A key as a person reads it: <c>Q</c> is <c>q</c>, <c>Ctrl+CursorUp</c> is <c>Ctrl+Up</c>.</summary>
    public static string Readable(string key) => key switch
    {
        
        _ when key.Contains("Cursor", StringComparison.Ordinal) => key.Replace("Cursor", "", StringComparison.Ordinal),
        _ when key.Length == 1 && char.IsLetter(key[0]) => key.ToLowerInvariant(),
        _ => key,
    };

    /// <summary>docs/keys.md: every key, by screen.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("# Keys\n\n");
        text.Append("Every key of the full-screen UI (`risks`, or `risks demo`). The same list is the status bar's hints\n");
        text.Append("and the help that `?` shows; this page is written from it, and a test fails if the two differ.\n\n");
        text.Append("Every command has a plain key as well as any F-key, since some SSH clients do not pass F-keys\n");
        text.Append("on; Esc is never the only way to do anything. The mouse works too: click a row to select it\n");
        text.Append("and a status bar hint to do what it says.\n");
        text.Append("Letter keys work while a table has the focus; in a text box they type.\n");
        foreach (var screen in Enum.GetValues<Screen>())
        {
            text.Append("\n## ").Append(Title(screen)).Append("\n\n| keys | does |\n| --- | --- |\n");
            foreach (var binding in All.Where(b => b.Screen == screen))
            {
                text.Append("| ").Append(string.Join(", ", binding.Keys.Select(k => $"`{Readable(k)}`"))).Append(" | ").Append(binding.Description).Append(" |\n");
            }
        }

        text.Append("\nOn the register, actions and risk screens, the arrows, `PgUp`, `PgDn`, `Home` and `End` move\n");
        text.Append("the selection; on the heat map a click selects a cell and a double click filters the register\n");
        text.Append("to it.\n");
        text.Append("\nIn a dialog: `Enter` presses the highlighted button (the one that saves or chooses; in a\n");
        text.Append("multi-line text, `Enter` starts a new line), `Alt` with a button's underlined letter presses it\n");
        text.Append("(`Alt+S` saves a field), `Tab` moves between the fields and buttons, and `Esc` or the Cancel\n");
        text.Append("button cancels.\n");
        text.Append("In a list of choices, `Space` marks or unmarks an entry where several can be chosen.\n");
        return text.ToString();
    }

    public static string Title(Screen screen) => screen switch
    {
        Screen.Everywhere => "Everywhere",
        Screen.HeatMap => "Heat map",
        Screen.Risk => "Risk",
        Screen.Blame => "Who changed what",
        _ => screen.ToString(),
    };
}
