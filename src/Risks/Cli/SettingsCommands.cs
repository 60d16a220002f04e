using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Risks.App;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Storage.Yaml;

namespace Risks.Cli;

/// <summary>An objective's fields as given on the command line: null for those not given, blank to clear.</summary>
internal sealed record ObjectiveFields(string? Title, string? ShortTitle, string? Appetite, string? Tolerance);

/// <summary>A field of the register's own as given on the command line: null for those not given, blank to clear.</summary>
internal sealed record CustomFieldOptions(string? Label, string? Type, string? Choices, string? RequiredFor, string? Help, bool? Paper);

/// <summary>A person's fields as given on the command line.</summary>
internal sealed record PersonFields(string? Name, string? Role, string? Email, string? JobTitle);

/// <summary>A partner organisation's red risk as given on the command line.</summary>
internal sealed record PartnerFields(string? Organisation, string? Title, string? Score, string? Reported, string? Source = null);

/// <summary>
/// register.yaml's settings from the command line. Every change goes through the Settings
/// screen's model (<see cref="SettingsEditor"/>), so it is checked, worded and saved exactly as
/// there: governance leads only, all or nothing, a reason required, one commit by the person
/// running the command.
/// </summary>
internal sealed partial class Commands
{
    public int SettingsShow(string format, ParseResult parse)
    {
        if (ReadSettings(parse, withRisks: false, out var settings, out _) is { } failure)
        {
            return failure;
        }

        switch (format)
        {
            case "yaml":
                Out.Write(SettingsYaml.Write(settings));
                break;
            case "json":
                Out.WriteLine(JsonOutput.Write(SettingsOutput.Json(settings)));
                break;
            default:
                SettingsOutput.Text(Out, settings);
                break;
        }

        return ExitCodes.Ok;
    }

    /// <summary>Applies each <c>FIELD=VALUE</c> in order and saves them all as one commit, or nothing.</summary>
    public int SettingsSet(string[] settings, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
        {
            foreach (var setting in settings)
            {
                if (editor.Apply(setting) is { } error)
                {
                    return Usage(Naming(setting, error));
                }
            }

            return null;
        });

    public int ObjectivesList(ParseResult parse)
    {
        if (ReadSettings(parse, withRisks: true, out var settings, out var risks) is { } failure)
        {
            return failure;
        }

        SettingsOutput.Objectives(Out, settings, risks);
        return ExitCodes.Ok;
    }

    public int ObjectiveAdd(string id, ObjectiveFields fields, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
            editor.AddObjective(id) is { } error ? Usage(error) : SetObjective(editor, id.Trim(), fields));

    public int ObjectiveEdit(string id, ObjectiveFields fields, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
            NoObjective(editor, id)
            ?? (fields is { Title: null, ShortTitle: null, Appetite: null, Tolerance: null }
                ? Usage("say what to change: --title, --short-title, --appetite or --tolerance")
                : SetObjective(editor, id, fields)));

    /// <summary>Retires an objective (<paramref name="retired"/>) or brings a retired one back.</summary>
    public int ObjectiveRetire(string id, bool retired, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
            NoObjective(editor, id) ?? Set(editor, $"objectives[{id}].retired", retired ? "yes" : "no", "retired"));

    public int ObjectiveRemove(string id, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
            NoObjective(editor, id) ?? (editor.Remove("objectives", id) is { } error ? Usage(error) : null));

    public int FieldsList(ParseResult parse)
    {
        if (ReadSettings(parse, withRisks: true, out var settings, out var risks) is { } failure)
        {
            return failure;
        }

        SettingsOutput.CustomFields(Out, settings, risks);
        return ExitCodes.Ok;
    }

    /// <summary>Adds a field of the register's own: it starts with its type, then takes its label and the rest.</summary>
    public int FieldAdd(string key, CustomFieldOptions fields, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
            !Vocabulary.TryParse<CustomFieldType>((fields.Type ?? "").Trim().Replace(' ', '_').ToLowerInvariant(), out var type)
                ? Usage($"--type must be {Vocabulary.Choices<CustomFieldType>()}, found {Core.Domain.Text.Quote(fields.Type ?? "")}")
                : editor.AddCustomField(key, type) is { } error ? Usage(error) : SetField(editor, key.Trim(), fields with { Type = null }));

    public int FieldEdit(string key, CustomFieldOptions fields, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
            NoField(editor, key)
            ?? (fields is { Label: null, Type: null, Choices: null, RequiredFor: null, Help: null, Paper: null }
                ? Usage("say what to change: --label, --type, --choices, --required-for, --help or --paper")
                : SetField(editor, key, fields)));

    /// <summary>Retires a field of the register's own (<paramref name="retired"/>) or brings a retired one back.</summary>
    public int FieldRetire(string key, bool retired, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
            NoField(editor, key) ?? Set(editor, $"custom_fields[{key}].retired", retired ? "yes" : "no", "retired"));

    public int FieldRemove(string key, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
            NoField(editor, key) ?? (editor.Remove("custom_fields", key) is { } error ? Usage(error) : null));

    public int PeopleList(ParseResult parse)
    {
        if (ReadSettings(parse, withRisks: true, out var settings, out var risks) is { } failure)
        {
            return failure;
        }

        SettingsOutput.People(Out, settings, risks);
        return ExitCodes.Ok;
    }

    public int PersonAdd(string login, PersonFields fields, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
        {
            // The person starts as a reviewer, the role that allows nothing, and is given theirs at once, so the role's words are checked where every role's are.
            var person = new Person { Login = login.Trim(), Role = Role.Reviewer };
            return editor.AddPerson(person) is { } error ? Usage(error) : SetPerson(editor, person.Login, fields);
        });

    public int PersonEdit(string login, PersonFields fields, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
            NoPerson(editor, login)
            ?? (fields is { Name: null, Role: null, Email: null, JobTitle: null }
                ? Usage("say what to change: --name, --role, --email or --job-title")
                : SetPerson(editor, login, fields)));

    public int PersonRemove(string login, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
            NoPerson(editor, login) ?? (editor.Remove("people", login) is { } error ? Usage(error) : null));

    public int PeopleKeys(string? login, ParseResult parse)
    {
        if (ReadSettings(parse, withRisks: false, out var settings, out _) is { } failure)
        {
            return failure;
        }

        if (login is not null && settings.FindPerson(login) is null)
        {
            return Missing($"there is no person {login} among the people ('risks people list' lists them)");
        }

        SettingsOutput.Keys(Out, settings, login);
        return ExitCodes.Ok;
    }

    public int PersonAddKey(string login, string key, string reason, ParseResult parse)
    {
        var path = Path.GetFullPath(key, context.CurrentDirectory);
        if (!key.Contains(' ', StringComparison.Ordinal) && File.Exists(path))
        {
            // A .pub file: its one line. (A key's line has spaces; a file name given here rarely does.)
            key = File.ReadAllText(path).Trim();
        }

        return ChangeSettings(parse, reason, editor =>
            NoPerson(editor, login) ?? (editor.Apply($"people[{login}].ssh_keys+={key}") is { } error ? Usage(error) : null));
    }

    public int PersonRemoveKey(string login, string key, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
            NoPerson(editor, login) ?? (editor.Apply($"people[{login}].ssh_keys-={key}") is { } error ? Usage(error) : null));

    public int PartnersList(ParseResult parse)
    {
        if (ReadSettings(parse, withRisks: false, out var settings, out _) is { } failure)
        {
            return failure;
        }

        SettingsOutput.PartnerRisks(Out, settings);
        return ExitCodes.Ok;
    }

    public int PartnerAdd(PartnerFields fields, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor => SetPartner(editor, editor.Draft.PartnerRisks.Count + 1, fields));

    public int PartnerEdit(int number, PartnerFields fields, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
            NoPartner(editor, number)
            ?? (fields is { Organisation: null, Title: null, Score: null, Reported: null, Source: null }
                ? Usage("say what to change: --organisation, --title, --score, --reported or --source")
                : SetPartner(editor, number, fields)));

    public int PartnerRemove(int number, string reason, ParseResult parse) =>
        ChangeSettings(parse, reason, editor =>
            NoPartner(editor, number) ?? (editor.Remove("partner_risks", Key(number)) is { } error ? Usage(error) : null));

    /// <summary>
    /// The one way the settings commands write: as the person running the command, if their role
    /// (as committed) allows; <paramref name="edit"/> makes the changes on register.yaml as it is in
    /// the folder (returning an exit code, with the message written, if one cannot be made); then
    /// every change is saved as one commit with <paramref name="reason"/>, or nothing is.
    /// </summary>
    private int ChangeSettings(ParseResult parse, string reason, Func<SettingsEditor, int?> edit)
    {
        var session = new Session(Open(parse), context.Login, context.Clock);
        if (Refused(session.Gate.ChangeSettings()) is { } refused)
        {
            return refused;
        }

        var editor = SettingsEditor.Open(session);
        if (editor.Unreadable is { } unreadable)
        {
            Error.WriteLine($"risks: {unreadable}");
            return ExitCodes.Problems;
        }

        if (edit(editor) is { } failed)
        {
            return failed;
        }

        var (changes, canonical, author, notes) = (editor.Changes, editor.Canonical, session.Author, editor.Notes);
        var result = editor.Save(reason);
        switch (result)
        {
            case SaveResult.Saved saved:
                Out.WriteLine($"Saved {saved.Headline} [{saved.Commit[..8]}] by {author?.Name}");
                if (changes.Count > 1)
                {
                    changes.ToList().ForEach(c => Out.WriteLine($"  - {c.Description}"));
                }

                foreach (var note in notes.Take(10))
                {
                    Error.WriteLine($"risks: note: {note}");
                }

                if (notes.Count > 10)
                {
                    Error.WriteLine($"risks: note: and {notes.Count - 10} more; risks check lists them all");
                }

                if (!canonical)
                {
                    Error.WriteLine("risks: note: register.yaml is now laid out as the program writes it; any comments or hand layout it had are gone from the file (its history keeps them)");
                }

                return ExitCodes.Ok;
            case SaveResult.Unchanged:
                Out.WriteLine("Nothing to save: register.yaml already says that.");
                return ExitCodes.Ok;
            case SaveResult.NotAllowed notAllowed:
                Error.WriteLine($"risks: {notAllowed.Reason}");
                return ExitCodes.NotAllowed;
            case SaveResult.NeedsReason needsReason:
                return Usage($"{char.ToLowerInvariant(needsReason.Message[0])}{needsReason.Message[1..].TrimEnd('.')} (-m REASON)");
            case SaveResult.Invalid invalid:
                Error.WriteLine("risks: register.yaml was not changed:");
                invalid.Problems.ToList().ForEach(p => Error.WriteLine($"  - {p}"));
                return ExitCodes.Problems;
            case SaveResult.Conflict conflict:
                Error.WriteLine($"risks: not saved: {conflict.Message}");
                return ExitCodes.Conflict;
            default:
                throw new UnreachableException(result.ToString());
        }
    }

    /// <summary>register.yaml as it is in the folder (and the risks, if wanted); null when read, else the exit code with the problems written.</summary>
    private int? ReadSettings(ParseResult parse, bool withRisks, out RegisterSettings settings, out IReadOnlyList<Risk> risks)
    {
        var register = Open(parse);
        var (stored, problems) = register.SettingsFile.Read();
        settings = stored?.Settings ?? new RegisterSettings();
        risks = withRisks ? [.. register.Reader.Load().Risks.Select(r => r.Risk)] : [];
        if (stored is not null)
        {
            return null;
        }

        Error.WriteLine("risks: register.yaml cannot be read:");
        problems.ToList().ForEach(p => Error.WriteLine($"  {p}"));
        return ExitCodes.Problems;
    }

    private int? SetObjective(SettingsEditor editor, string id, ObjectiveFields fields) =>
        Set(editor, $"objectives[{id}].title", fields.Title, "--title")
        ?? Set(editor, $"objectives[{id}].short_title", fields.ShortTitle, "--short-title")
        ?? Set(editor, $"objectives[{id}].appetite", fields.Appetite, "--appetite")
        ?? Set(editor, $"objectives[{id}].tolerance", fields.Tolerance, "--tolerance");

    private int? SetField(SettingsEditor editor, string key, CustomFieldOptions fields) =>
        Set(editor, $"custom_fields[{key}].type", fields.Type, "--type")
        ?? Set(editor, $"custom_fields[{key}].label", fields.Label, "--label")
        ?? Set(editor, $"custom_fields[{key}].choices", fields.Choices, "--choices")
        ?? Set(editor, $"custom_fields[{key}].required_for", fields.RequiredFor, "--required-for")
        ?? Set(editor, $"custom_fields[{key}].help", fields.Help, "--help-text")
        ?? Set(editor, $"custom_fields[{key}].paper", fields.Paper is { } paper ? (paper ? "yes" : "no") : null, "--paper");

    private int? NoField(SettingsEditor editor, string key) =>
        editor.Draft.FindCustomField(key) is null ? Missing($"there is no custom field {key} ('risks fields list' lists them)") : null;

    private int? SetPerson(SettingsEditor editor, string login, PersonFields fields) =>
        Set(editor, $"people[{login}].name", fields.Name, "--name")
        ?? Set(editor, $"people[{login}].role", fields.Role, "--role")
        ?? Set(editor, $"people[{login}].email", fields.Email, "--email")
        ?? Set(editor, $"people[{login}].job_title", fields.JobTitle, "--job-title");

    private int? SetPartner(SettingsEditor editor, int number, PartnerFields fields) =>
        Set(editor, $"partner_risks[{Key(number)}].organisation", fields.Organisation, "--organisation")
        ?? Set(editor, $"partner_risks[{Key(number)}].title", fields.Title, "--title")
        ?? Set(editor, $"partner_risks[{Key(number)}].score", fields.Score, "--score")
        ?? Set(editor, $"partner_risks[{Key(number)}].reported", fields.Reported, "--reported")
        ?? Set(editor, $"partner_risks[{Key(number)}].source", fields.Source, "--source");

    /// <summary>Sets one field if a value was given; a refusal is told by the option it came from (<c>--tolerance must be a score 1-25</c>).</summary>
    private int? Set(SettingsEditor editor, string path, string? value, string option)
    {
        if (value is null || editor.Edit(path, value) is not { } error)
        {
            return null;
        }

        return Usage(error.StartsWith(path, StringComparison.Ordinal) ? option + error[path.Length..] : $"{option}: {error}");
    }

    private int? NoObjective(SettingsEditor editor, string id) =>
        editor.Draft.FindObjective(id) is null ? Missing($"there is no objective {id} ('risks objectives list' lists them)") : null;

    private int? NoPerson(SettingsEditor editor, string login) =>
        editor.Draft.FindPerson(login) is null ? Missing($"there is no person {login} among the people ('risks people list' lists them)") : null;

    private int? NoPartner(SettingsEditor editor, int number)
    {
        var count = editor.Draft.PartnerRisks.Count;
        return number >= 1 && number <= count
            ? null
            : Missing($"there is no partner risk {Key(number)}: {(count == 0 ? "there are none yet" : $"they are numbered 1 to {Key(count)}")} ('risks partners list' lists them)");
    }

    /// <summary>An error about a setting, saying which setting when it does not already.</summary>
    private static string Naming(string setting, string error)
    {
        var path = setting.Split('=', 2)[0].TrimEnd('+', '-');
        return path.Length > 0 && error.Contains(path, StringComparison.Ordinal) ? error : $"{setting}: {error}";
    }

    private static string Key(int number) => number.ToString(CultureInfo.InvariantCulture);

    private int Missing(string message)
    {
        Error.WriteLine($"risks: {message}");
        return ExitCodes.NotFound;
    }
}
