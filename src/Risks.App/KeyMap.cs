using System.Text;

namespace Risks.App;

/// <summary>The screens a key can belong to.</summary>
public enum Screen { Everywhere, Register, HeatMap, Actions, Risk, History, Blame, Compare, Settings, BoardLog }

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
    ShowSettings,
    GoToSection,
    FirstRow,
    LastRow,
    SignOff,
    ShowBoardLog,
    NewItem,
    UpdateItem,
    MeetMilestone,
    CloseItem,
}

/// <summary>
/// One key binding: the command, the screen it works on, its keys (as Terminal.Gui spells them:
/// <c>Ctrl+Q</c>, <c>F2</c>, <c>Q</c> for the letter q), and the words the status bar, the help
/// overlay and docs/keys.md show.
/// </summary>
public sealed record KeyBinding(UiCommand Command, Screen Screen, IReadOnlyList<string> Keys, string Hint, string Description)
{
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
        new(UiCommand.Help, Screen.Everywhere, ["?", "F1"], "Help", "Show the keys of this screen"),
        new(UiCommand.Quit, Screen.Everywhere, ["Ctrl+Q", "F10"], "Quit", "Quit (asks first if a risk has unsaved edits)"),
        new(UiCommand.ShowRegister, Screen.Everywhere, ["1", "F2"], "Register", "Show the register"),
        new(UiCommand.ShowHeatMap, Screen.Everywhere, ["2", "F3"], "Heat map", "Show the heat map"),
        new(UiCommand.ShowActions, Screen.Everywhere, ["3", "F4"], "Actions", "Show every action, overdue first"),
        new(UiCommand.ShowCompare, Screen.Everywhere, ["4", "F6"], "Compare", "Compare two versions of the register: iterations, commits or dates"),
        new(UiCommand.ShowSettings, Screen.Everywhere, ["5", "F8"], "Settings", "Show the register's settings: organisation, objectives, people and roles, categories, scoring words, bands and partner risks (governance leads change them)"),
        new(UiCommand.ShowBoardLog, Screen.Everywhere, ["6"], "Board log", "Show the board's action log and the undertakings to regulators, overdue first"),
        new(UiCommand.Reload, Screen.Everywhere, ["Ctrl+R", "F5"], "Reload", "Read the register again (unsaved edits are kept)"),

        new(UiCommand.Open, Screen.Register, ["Enter"], "Open", "Open the selected risk"),
        new(UiCommand.Filter, Screen.Register, ["/"], "Filter", "Filter as you type (every word must appear); Enter or Down returns to the table"),
        new(UiCommand.ClearFilters, Screen.Register, ["X"], "Clear", "Clear the filters: every open risk"),
        new(UiCommand.Sort, Screen.Register, ["S"], "Sort", "Sort by the next column"),
        new(UiCommand.ReverseSort, Screen.Register, ["R"], "Reverse", "Reverse the sort order"),
        new(UiCommand.ToggleStrategic, Screen.Register, ["B"], "BAF", "Show or hide strategic (BAF) risks"),
        new(UiCommand.ToggleOperational, Screen.Register, ["O"], "Operational", "Show or hide operational risks"),
        new(UiCommand.ToggleClosed, Screen.Register, ["C"], "Closed", "Show or hide closed and merged risks"),
        new(UiCommand.NewRisk, Screen.Register, ["N", "F7"], "New risk", "Add a new risk (governance leads)"),
        new(UiCommand.Iterations, Screen.Register, ["I"], "Iterations", "List the iterations; cut a new one for the board or remove one (governance leads), or compare one with now"),
        new(UiCommand.Export, Screen.Register, ["P"], "Papers", "Write the board's BAF paper (HTML or Markdown, from the register as committed) or the risks or actions as CSV to a file"),

        new(UiCommand.FilterToCell, Screen.HeatMap, ["Enter"], "Filter", "Show the register filtered to the selected cell"),
        new(UiCommand.NextBasis, Screen.HeatMap, ["T"], "Score", "Switch between current, target and inherent scores"),
        new(UiCommand.CellUp, Screen.HeatMap, ["CursorUp", "K"], "Up", "Select the cell above (higher impact)"),
        new(UiCommand.CellDown, Screen.HeatMap, ["CursorDown", "J"], "Down", "Select the cell below (lower impact)"),
        new(UiCommand.CellLeft, Screen.HeatMap, ["CursorLeft", "H"], "Left", "Select the cell to the left (lower likelihood)"),
        new(UiCommand.CellRight, Screen.HeatMap, ["CursorRight", "L"], "Right", "Select the cell to the right (higher likelihood)"),

        new(UiCommand.Open, Screen.Actions, ["Enter"], "Open", "Open the risk of the selected action"),
        new(UiCommand.ToggleMine, Screen.Actions, ["M"], "Mine", "Show only my actions, or everyone's"),
        new(UiCommand.ToggleFinished, Screen.Actions, ["F"], "Finished", "Show or hide complete and cancelled actions"),

        new(UiCommand.EditField, Screen.Risk, ["Enter", "E"], "Edit", "Edit the selected field"),
        new(UiCommand.Save, Screen.Risk, ["Ctrl+S", "W", "F9"], "Save", "Save: shows the change and asks for a reason"),
        new(UiCommand.AddItem, Screen.Risk, ["A", "Insert"], "Add", "Add a control, gap, assurance or action after the selected one"),
        new(UiCommand.RemoveItem, Screen.Risk, ["D", "Delete"], "Remove", "Remove the selected control, gap, assurance or action"),
        new(UiCommand.MoveUp, Screen.Risk, ["K", "Ctrl+CursorUp"], "Up", "Move the selected item up its list"),
        new(UiCommand.MoveDown, Screen.Risk, ["J", "Ctrl+CursorDown"], "Down", "Move the selected item down its list"),
        new(UiCommand.GoToSection, Screen.Risk, ["G"], "Sections", "Go to a section: a short menu of the sections, each with its number"),
        new(UiCommand.NextSection, Screen.Risk, ["Tab", "N"], "Next section", "Go to the next section"),
        new(UiCommand.PreviousSection, Screen.Risk, ["Shift+Tab", "P"], "Previous section", "Go to the previous section"),
        new(UiCommand.FirstRow, Screen.Risk, ["Home"], "Top", "Go to the first field"),
        new(UiCommand.LastRow, Screen.Risk, ["End"], "Bottom", "Go to the last field"),
        new(UiCommand.Discard, Screen.Risk, ["U"], "Undo all", "Throw away every unsaved edit to this risk"),
        new(UiCommand.SignOff, Screen.Risk, ["S"], "Sign off", "Sign the risk off for the board as it is saved (its owner, or someone register.yaml lets sign off); a later change to a score, control, gap, assurance or action makes it lapse"),
        new(UiCommand.ShowHistory, Screen.Risk, ["H"], "History", "Every commit that changed this risk: when, who, why and what"),
        new(UiCommand.ShowBlame, Screen.Risk, ["B"], "Who", "Who last changed each field, when and why"),
        new(UiCommand.CloseRisk, Screen.Risk, ["Q", "Backspace", "Esc"], "Close", "Close the risk and go back (asks first if there are unsaved edits)"),

        new(UiCommand.ViewVersion, Screen.History, ["Enter", "V"], "Version", "Show the risk as it was after the selected commit"),
        new(UiCommand.ShowPatch, Screen.History, ["P"], "Patch", "Show the selected commit's Git patch of the risk's file"),
        new(UiCommand.Back, Screen.History, ["Q", "Backspace", "Esc"], "Back", "Back to the risk"),

        new(UiCommand.Details, Screen.Blame, ["Enter"], "Details", "Show the field's value and the commit that last changed it in full"),
        new(UiCommand.Back, Screen.Blame, ["Q", "Backspace", "Esc"], "Back", "Back to the risk"),

        new(UiCommand.Details, Screen.Compare, ["Enter"], "Both sides", "Show the selected risk's changes and the risk on both sides"),
        new(UiCommand.CompareFrom, Screen.Compare, ["F"], "From", "Choose the earlier version: an iteration, or a commit or date typed"),
        new(UiCommand.CompareTo, Screen.Compare, ["T"], "To", "Choose the later version: an iteration, now, or a commit or date typed"),
        new(UiCommand.Back, Screen.Compare, ["Q", "Backspace", "Esc"], "Back", "Back to the register"),

        new(UiCommand.Details, Screen.BoardLog, ["Enter", "V"], "Details", "Show the selected board action or undertaking in full, with every commit that changed it"),
        new(UiCommand.NewItem, Screen.BoardLog, ["N"], "New", "Add a board action or an undertaking (governance leads)"),
        new(UiCommand.UpdateItem, Screen.BoardLog, ["U"], "Update", "Add a dated update to the selected board action, or evidence to the selected undertaking (its leads, or a governance lead)"),
        new(UiCommand.MeetMilestone, Screen.BoardLog, ["M"], "Milestone", "Mark a milestone of the selected undertaking met (its leads), or add one (governance leads)"),
        new(UiCommand.CloseItem, Screen.BoardLog, ["C"], "Close", "Close the selected board action (complete or closed) or undertaking (met or closed), with a closing note (governance leads)"),
        new(UiCommand.ToggleFinished, Screen.BoardLog, ["F"], "Finished", "Show or hide the complete, met and closed ones"),
        new(UiCommand.Back, Screen.BoardLog, ["Q", "Backspace", "Esc"], "Back", "Back to the register"),

        new(UiCommand.EditField, Screen.Settings, ["Enter", "E"], "Edit", "Edit the selected setting (governance leads)"),
        new(UiCommand.Save, Screen.Settings, ["Ctrl+S", "W", "F9"], "Save", "Save: shows the changes and asks for the reason"),
        new(UiCommand.AddItem, Screen.Settings, ["A", "Insert"], "Add", "Add an objective, person, band or partner risk to the selected list"),
        new(UiCommand.RemoveItem, Screen.Settings, ["D", "Delete"], "Remove", "Remove the selected objective, person, band or partner risk (refused while risks name it; an objective can be retired instead)"),
        new(UiCommand.GoToSection, Screen.Settings, ["G"], "Sections", "Go to a section: a short menu of the sections, each with its number"),
        new(UiCommand.NextSection, Screen.Settings, ["Tab", "N"], "Next section", "Go to the next section"),
        new(UiCommand.PreviousSection, Screen.Settings, ["Shift+Tab", "P"], "Previous section", "Go to the previous section"),
        new(UiCommand.FirstRow, Screen.Settings, ["Home"], "Top", "Go to the first setting"),
        new(UiCommand.LastRow, Screen.Settings, ["End"], "Bottom", "Go to the last setting"),
        new(UiCommand.Discard, Screen.Settings, ["U"], "Undo all", "Throw away every unsaved change to the settings"),
        new(UiCommand.CloseRisk, Screen.Settings, ["Q", "Backspace", "Esc"], "Close", "Close the settings and go back (asks first if there are unsaved changes)"),
    ];

    /// <summary>
    /// Each screen's hints for the bar at the bottom, most important first (help and quit last);
    /// <see cref="Hints(Screen, int)"/> drops the least important that do not fit the width.
    /// </summary>
    private static readonly Dictionary<Screen, UiCommand[]> HintOrder = new()
    {
        [Screen.Register] = [UiCommand.Open, UiCommand.NewRisk, UiCommand.Filter, UiCommand.Iterations, UiCommand.Export, UiCommand.ShowSettings, UiCommand.Help, UiCommand.Quit],
        [Screen.HeatMap] = [UiCommand.FilterToCell, UiCommand.NextBasis, UiCommand.ShowRegister, UiCommand.Help, UiCommand.Quit],
        [Screen.Actions] = [UiCommand.Open, UiCommand.ToggleMine, UiCommand.ToggleFinished, UiCommand.ShowRegister, UiCommand.Help, UiCommand.Quit],
        [Screen.Risk] = [UiCommand.EditField, UiCommand.Save, UiCommand.AddItem, UiCommand.GoToSection, UiCommand.ShowHistory, UiCommand.CloseRisk, UiCommand.Help, UiCommand.Quit],
        [Screen.History] = [UiCommand.ViewVersion, UiCommand.ShowPatch, UiCommand.Back, UiCommand.Help, UiCommand.Quit],
        [Screen.Blame] = [UiCommand.Details, UiCommand.Back, UiCommand.Help, UiCommand.Quit],
        [Screen.Compare] = [UiCommand.Details, UiCommand.CompareFrom, UiCommand.CompareTo, UiCommand.Back, UiCommand.Help, UiCommand.Quit],
        [Screen.BoardLog] = [UiCommand.Details, UiCommand.NewItem, UiCommand.UpdateItem, UiCommand.MeetMilestone, UiCommand.CloseItem, UiCommand.Back, UiCommand.Help, UiCommand.Quit],
        [Screen.Settings] = [UiCommand.EditField, UiCommand.Save, UiCommand.AddItem, UiCommand.RemoveItem, UiCommand.GoToSection, UiCommand.CloseRisk, UiCommand.Help, UiCommand.Quit],
    };

    /// <summary>Every hint of <paramref name="screen"/>, most important first.</summary>
    public static IReadOnlyList<KeyBinding> Hints(Screen screen) =>
        HintOrder.TryGetValue(screen, out var order)
            ? [.. order.Select(c => For(screen).First(b => b.Command == c))]
            : [];

    /// <summary>How wide a hint is on the bar: its key, a space, its words, and two spaces before the next.</summary>
    public static int HintWidth(KeyBinding binding) => Readable(binding.Keys[0]).Length + 1 + binding.Hint.Length + 2;

    /// <summary>
    /// The hints of <paramref name="screen"/> that fit in <paramref name="width"/> columns, in
    /// order: the least important go first as the width shrinks, but help stays, as it lists the rest.
    /// </summary>
    public static IReadOnlyList<KeyBinding> Hints(Screen screen, int width)
    {
        var hints = Hints(screen).ToList();
        while (hints.Sum(HintWidth) - 2 > width && hints.Count > 1)
        {
            var drop = hints.FindLastIndex(h => h.Command != UiCommand.Help);
            if (drop < 0)
            {
                break;
            }

            hints.RemoveAt(drop);
        }

        return hints;
    }

    /// <summary>The first key of <paramref name="command"/> as a person reads it (<c>5</c> for the settings), for text that names it.</summary>
    public static string KeyOf(UiCommand command) => Readable(All.First(b => b.Command == command).Keys[0]);

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
        text.Append("Every key of the full-screen UI (`risks`, or `risks demo`). The same list is the hint bar at the\n");
        text.Append("bottom of each screen (its most used keys, as many as fit the width) and the help that `?` shows;\n");
        text.Append("this page is written from it, and a test fails if the two differ.\n\n");
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
        text.Append("button cancels. The highlighted button is always the safe answer (Keep, Cancel); a button that\n");
        text.Append("throws something away (Discard, Remove, Throw away) has no underlined letter, so typing never\n");
        text.Append("presses it: move to it with `Tab` or `Shift+Tab` and press `Space` or `Enter`.\n");
        text.Append("In a list of choices, `Space` marks or unmarks an entry where several can be chosen.\n");
        return text.ToString();
    }

    public static string Title(Screen screen) => screen switch
    {
        Screen.Everywhere => "Everywhere",
        Screen.HeatMap => "Heat map",
        Screen.Risk => "Risk",
        Screen.Blame => "Who changed what",
        Screen.Settings => "Settings",
        Screen.BoardLog => "Board log",
        _ => screen.ToString(),
    };
}
