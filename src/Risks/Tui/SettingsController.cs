using Risks.App;
using Risks.Core.Domain;

namespace Risks.Tui;

/// <summary>
/// The Settings screen's controller: register.yaml's settings, changed by governance leads (each
/// in its dialog, objectives, people, bands and partner risks added and removed) and saved as one
/// commit with a reason.
/// </summary>
internal sealed class SettingsController : FieldController
{
    private Screen _returnTo = Screen.Register;

    public SettingsController(IScreenHost host)
        : base(host)
    {
        View.Table.Accepted += (_, _) => host.Execute(UiCommand.EditField);
    }

    public override Screen Screen => Screen.Settings;

    public override SettingsScreen View { get; } = new();

    /// <summary>Opens the settings as saved now, on the screen shown now unless that is a risk's (closing them goes back to it).</summary>
    public void Open()
    {
        _returnTo = Host.Current is Screen.Settings or Screen.Risk or Screen.History or Screen.Blame ? Screen.Register : Host.Current;
        var editor = SettingsEditor.Open(Session);
        View.Open(editor);
        Host.Show(Screen.Settings);
        Say(editor.Permission.Allowed
            ? "Enter changes the selected setting; a adds to the list selected (objectives, people, bands, partner risks); w saves."
            : "Read only: " + editor.Permission.Reason);
    }

    public override void Execute(UiCommand command)
    {
        if (Navigate(command) || View.Editor is not { } editor)
        {
            return;
        }

        var row = View.Selected;
        if (command == UiCommand.EditField && !editor.Permission.Allowed && row is { IsEditable: true })
        {
            ReadOnly(row, editor.Permission.Reason);
            return;
        }

        if (command is UiCommand.EditField or UiCommand.AddItem or UiCommand.RemoveItem or UiCommand.Save && !editor.Permission.Allowed)
        {
            Say((command == UiCommand.Save ? "Cannot save: " : "") + editor.Permission.Reason);
            return;
        }

        switch (command)
        {
            case UiCommand.EditField:
                EditSetting(editor, row);
                break;
            case UiCommand.AddItem:
                AddSetting(editor, row);
                break;
            case UiCommand.RemoveItem:
                RemoveSetting(editor, row);
                break;
            case UiCommand.Save:
                SaveSettings(editor);
                break;
            case UiCommand.Discard:
                if (editor.IsDirty && Ask("Undo all", "Throw away every unsaved change to the settings?", "Throw away", "_Keep") == 0)
                {
                    editor.Discard();
                    View.Update();
                }

                break;
            case UiCommand.CloseRisk:
                if (Leave("closing them"))
                {
                    Host.Show(_returnTo);
                }

                break;
        }
    }

    private void EditSetting(SettingsEditor editor, FieldRow? row)
    {
        if (row is null || !row.IsEditable)
        {
            Say(row?.List is not null ? "a adds to this list; select an entry's line to change it." : "Select a setting's line to change it.");
            return;
        }

        // The screen names a setting as its row does; the command line, which takes paths, keeps the path.
        EditLoop(row, (path, input) => editor.Edit(path, input) is { } error ? SettingsRows.Reword(path, error) : null, "w saves.");
    }

    private void AddSetting(SettingsEditor editor, FieldRow? row)
    {
        switch (row?.List)
        {
            case "objectives":
                AddObjective(editor);
                break;
            case "people":
                AddPerson(editor);
                break;
            case "bands":
                AddBand(editor);
                break;
            case "partner_risks":
                AddPartnerRisk(editor);
                break;
            case "custom_fields":
                AddCustomField(editor);
                break;
            default:
                Say("Select the objectives, people, bands, partner risks or custom fields (their heading or an entry) to add to them; categories are one per line in their own field.");
                break;
        }
    }

    private void AddObjective(SettingsEditor editor)
    {
        var next = $"SO{editor.Draft.Objectives.Count + 1}";
        var note = "The new objective's id: letters, digits and dashes, such as SO8. Risks name it by this id, so it cannot change later. Its title, short title, appetite and tolerance come next.";
        var id = next;
        while (true)
        {
            var typed = Prompts.Line("Add a strategic objective", note, id, "_Add");
            if (string.IsNullOrWhiteSpace(typed))
            {
                return;
            }

            if (editor.AddObjective(typed) is not { } error)
            {
                // Straight on to its title, which it needs; the rest are on the rows below it.
                View.Update($"objectives[{typed.Trim()}].title");
                EditSetting(editor, View.Selected);
                Say($"Objective {typed.Trim()} added; its short title, appetite and tolerance are on the lines below; w saves.");
                return;
            }

            (note, id) = ("! " + error + "\nThe new objective's id, such as SO8.", typed);
        }
    }

    private void AddPerson(SettingsEditor editor)
    {
        var note = "The person's login (the name they sign in to this computer with), their name, and if known their email and job title. Their role is asked next.";
        var values = new[] { "", "", "", "" };
        while (true)
        {
            var typed = Prompts.Form("Add a person", note, [("Login:", values[0]), ("Name:", values[1]), ("Email:", values[2]), ("Job title:", values[3])], "_Next");
            if (typed is null)
            {
                return;
            }

            values = [.. typed];
            var roles = Vocabulary.Words<Role>().Select(w => (w, Vocabulary.Phrase(Vocabulary.TryParse<Role>(w, out var r) ? r : Role.Reviewer))).ToList();
            var role = Prompts.Pick(
                $"Role of {(typed[1].Length > 0 ? typed[1] : typed[0])}",
                "Governance leads change everything and cut iterations; risk owners edit the risks they own or lead; reviewers read.",
                roles,
                selected: roles.FindIndex(r => r.w == Vocabulary.Word(Role.RiskOwner)));
            if (role is null || !Vocabulary.TryParse<Role>(role, out var chosen))
            {
                return;
            }

            var person = new Person
            {
                Login = typed[0],
                Name = typed[1],
                Email = typed[2].Length > 0 ? typed[2] : null,
                JobTitle = typed[3].Length > 0 ? typed[3] : null,
                Role = chosen,
            };
            if (editor.AddPerson(person) is not { } error)
            {
                View.Update($"people[{person.Login}].name");
                var issues = View.Selected?.Issues ?? [];
                Say(issues.Count > 0 ? "! " + issues[0] : $"{person.Name} ({person.Login}) added as a {Vocabulary.Phrase(chosen)}; w saves.");
                return;
            }

            note = "! " + error + "\nThe person's login, name, and if known their email and job title.";
        }
    }

    private void AddCustomField(SettingsEditor editor)
    {
        var key = Prompts.Line("Add a custom field", "The field's key, such as cqc_domain: lower case letters, digits and underscores. Risks keep its value under this key, so it cannot change later. Its type is asked next, then its label and the rest.", "", "_Next");
        var type = string.IsNullOrWhiteSpace(key) ? null : Prompts.Pick($"Type of {key.Trim()}", "What the field holds:", [.. Vocabulary.Words<CustomFieldType>().Select(w => (w, w.Replace('_', ' ')))]);
        if (type is null || !Vocabulary.TryParse<CustomFieldType>(type, out var chosen))
        {
            return;
        }

        if (editor.AddCustomField(key!, chosen) is { } error)
        {
            Say(SettingsRows.Reword($"custom_fields[{key!.Trim()}].type", error));
            return;
        }

        View.Update($"custom_fields[{key!.Trim()}].label");
        EditSetting(editor, View.Selected);
        Say($"Field {key!.Trim()} added; its choices, help and the rest are on the lines below; w saves.");
    }

    private void AddBand(SettingsEditor editor)
    {
        var name = Prompts.Line("Add a RAG band", "The band's name, such as Severe. Its colour is asked next, then its lowest and highest scores; every score 1-25 must fall in exactly one band.", "", "_Next");
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        var rag = Prompts.Pick($"Colour of {name}", "The band's colour:", [.. Vocabulary.Words<Rag>().Select(w => (w, w))]);
        if (rag is null || !Vocabulary.TryParse<Rag>(rag, out var colour))
        {
            return;
        }

        if (editor.AddBand(name, colour) is { } error)
        {
            Say(error);
            return;
        }

        View.Update($"bands[{name.Trim()}].min");
        Say($"Band {name.Trim()} added; give its lowest and highest scores.");
    }

    private void AddPartnerRisk(SettingsEditor editor)
    {
        var note = "A partner organisation's red risk, as reported to its own board: the organisation, the risk, its score (1-25) and the date reported.";
        var values = new[] { "", "", "", "" };
        while (true)
        {
            var typed = Prompts.Form("Add a partner's red risk", note, [("Organisation:", values[0]), ("Risk:", values[1]), ("Score (1-25):", values[2]), ("Reported (such as 13 Mar 2025):", values[3])], "_Add");
            if (typed is null)
            {
                return;
            }

            values = [.. typed];
            var problem = typed[2].Length > 0 && !int.TryParse(typed[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) ? $"the score must be a whole number 1-25, found \"{typed[2]}\""
                : typed[3].Length > 0 && !Core.Presentation.Formats.TryParseDate(typed[3], out _) ? $"\"{typed[3]}\" is not a date: write it as 13 Mar 2025, 13/03/2025 or 2025-03-13"
                : null;
            if (problem is null)
            {
                var risk = new PartnerRisk
                {
                    Organisation = typed[0],
                    Title = typed[1],
                    Score = typed[2].Length > 0 ? int.Parse(typed[2], System.Globalization.CultureInfo.InvariantCulture) : 0,
                    Reported = Core.Presentation.Formats.TryParseDate(typed[3], out var reported) ? reported : null,
                };
                problem = editor.AddPartnerRisk(risk);
                if (problem is null)
                {
                    View.Update($"partner_risks[{editor.Draft.PartnerRisks.Count}].organisation");
                    Say("Partner risk added; w saves.");
                    return;
                }
            }

            note = "! " + problem + "\nThe organisation, the risk, its score and the date reported.";
        }
    }

    private void RemoveSetting(SettingsEditor editor, FieldRow? row)
    {
        if (row?.List is not { } list || row.ItemKey is not { } key)
        {
            Say("Select an objective, person, band or partner risk to remove it.");
            return;
        }

        var what = SettingsRows.Label($"{list}[{key}]");
        var hint = list == "objectives" ? " An objective that risks name cannot go: retire it instead (its retired line)." : "";
        // The safe answer is the default, and removing has no letter to press by accident.
        if (Ask("Remove", $"Remove {what}? It goes when you save.{hint}", "Remove", "_Keep") != 0)
        {
            return;
        }

        if (editor.Remove(list, key) is { } error)
        {
            Say(error);
            return;
        }

        View.Update();
        var problems = editor.Issues;
        Say(problems.Count > 0 ? "! " + problems[0].Message : $"{Capital(what)} removed; w saves.");
    }

    private void SaveSettings(SettingsEditor editor)
    {
        if (!editor.IsDirty)
        {
            Say("Nothing to save: no changes since the settings were opened.");
            return;
        }

        if (editor.Issues is { Count: > 0 } issues)
        {
            Prompts.Tell("Cannot save yet", "Fix the settings marked ! first:\n" + string.Join('\n', issues.Take(10).Select(i => "- " + i.Message)));
            return;
        }

        string? problem = null;
        while (true)
        {
            var reason = Prompts.Save("Save settings", editor.Headline, editor.Changes, [], "Reason (required: recorded with the change):", problem);
            if (reason is null)
            {
                Say("Not saved; your changes are still here.");
                return;
            }

            var notes = SettingsEditor.NotesSentence(editor.Notes);
            switch (editor.Save(reason))
            {
                case SaveResult.Saved saved:
                    Host.Refresh();
                    Host.UpdateHeader();
                    View.Update();
                    Say($"Saved as commit {saved.Commit[..7]}: {saved.Headline}{(notes is null ? "" : $". {notes}")}");
                    return;
                case SaveResult.Unchanged:
                    View.Update();
                    Say("Nothing to save: the settings are already as changed.");
                    return;
                case SaveResult.NeedsReason needs:
                    problem = "! " + needs.Message;
                    continue;
                case SaveResult.NotAllowed refused:
                    Say("Cannot save: " + refused.Reason);
                    return;
                case SaveResult.Invalid invalid:
                    Prompts.Tell("Not saved", string.Join('\n', invalid.Problems.Take(10)));
                    View.Update();
                    return;
                case SaveResult.Conflict conflict:
                    if (Ask("Someone else saved the settings", conflict.Message + "\n\nYour changes are kept. Re-apply them on the settings as saved now, then check and save again?", "_Re-apply mine", "_Keep editing") == 0)
                    {
                        var refused = editor.Reapply();
                        View.Update();
                        Say(refused.Count == 0 ? "Your changes are now on the settings as saved; check them and save again." : $"Re-applied, except: {string.Join("; ", refused)}");
                    }

                    return;
            }
        }
    }

    /// <summary>Leaving the Settings screen: asks first when there are unsaved changes. Returns whether to go on.</summary>
    public bool Leave(string doing)
    {
        if (Host.Current != Screen.Settings || View.Editor is not { IsDirty: true } editor || !editor.Permission.Allowed)
        {
            return true;
        }

        var answer = Ask("Unsaved settings", $"The settings have {Core.Domain.Text.Count(editor.Changes.Count, "unsaved change")}. Save before {doing}?", "_Save", "Discard", "_Keep editing");
        switch (answer)
        {
            case 0:
                SaveSettings(editor);
                return !editor.IsDirty;
            case 1:
                editor.Discard();
                return true;
            default:
                Host.Show(Screen.Settings);
                return false;
        }
    }

    private static string Capital(string text) => text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;
}
