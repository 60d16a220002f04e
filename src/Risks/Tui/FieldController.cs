using Risks.App;

namespace Risks.Tui;

/// <summary>
/// The controller of a screen of fields (the risk, the settings): moving between its fields and
/// sections, editing one field in its dialog, and showing a field that may not be changed.
/// </summary>
internal abstract class FieldController(IScreenHost host) : ScreenController(host)
{
    public abstract override FieldScreen View { get; }

    public override void Shown() => View.Table.SetFocus();

    /// <summary>
    /// Moving on the screen: Home, End, the next or previous section, and the menu of sections
    /// (each numbered; a number, or Enter, goes there). Returns whether <paramref name="command"/> was one of these.
    /// </summary>
    protected bool Navigate(UiCommand command)
    {
        var fields = View;
        switch (command)
        {
            case UiCommand.NextSection:
                fields.NextSection(1);
                return true;
            case UiCommand.PreviousSection:
                fields.NextSection(-1);
                return true;
            case UiCommand.FirstRow:
                fields.Select(0);
                return true;
            case UiCommand.LastRow:
                fields.Select(fields.Rows.Count - 1);
                return true;
            case UiCommand.GoToSection:
                var sections = fields.Sections;
                var at = sections.Select((s, n) => (s.Row, n)).LastOrDefault(x => x.Row <= fields.SelectedIndex).n;
                var chosen = Prompts.Menu("Go to section", [.. sections.Select(s => s.Heading.Label)], at);
                if (chosen is { } n)
                {
                    fields.Select(sections[n].Row);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Edits <paramref name="row"/> in its dialog until <paramref name="edit"/> takes what was
    /// typed or chosen; a refused input opens the dialog again on what was typed, with the reason.
    /// </summary>
    protected void EditLoop(FieldRow row, Func<string, string, string?> edit, string then)
    {
        string? error = null;
        while (true)
        {
            var input = Prompts.Edit(row, error);
            if (input is null)
            {
                return;
            }

            error = edit(row.Path, input);
            if (error is null)
            {
                View.Update(row.Path);
                var issues = View.Selected?.Issues ?? [];
                var name = row.FullLabel.Length > 0 ? row.FullLabel : row.Label;
                Say(issues.Count > 0 ? "! " + issues[0] : $"{char.ToUpperInvariant(name[0])}{name[1..]} changed; {then}");
                return;
            }

            row = row with { Raw = input };
        }
    }

    /// <summary>For someone who may not change a field: a long text is shown whole, to read and scroll; the reason is said.</summary>
    protected void ReadOnly(FieldRow row, string reason)
    {
        if (row.Kind is FieldKind.LongText or FieldKind.Lines && row.Raw.Length > 0)
        {
            var name = row.FullLabel.Length > 0 ? row.FullLabel : row.Label;
            Prompts.Read(char.ToUpperInvariant(name[0]) + name[1..] + " (read only)", row.Raw);
        }

        Say(reason);
    }
}
