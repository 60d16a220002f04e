using System.Globalization;
using System.Text.RegularExpressions;
using Risks.Core.Access;
using Risks.Core.Domain;
using Risks.Core.Schema;

namespace Risks.Core.Settings;

/// <summary>
/// Changes to register.yaml's settings, each named by a path as the file names the field, with list
/// items by their key: <c>organisation</c>, <c>objectives[SO2].tolerance</c>, <c>people[kbonney].role</c>,
/// <c>categories</c> (one per line, or <c>+=</c> and <c>-=</c> one at a time), <c>scoring.impact[3]</c>,
/// <c>bands[High].min</c>, <c>partner_risks[2].score</c> and <c>custom_fields[cqc_domain].label</c> (a register's
/// own field: label, type, choices, required_for, help, paper and retired; a new one starts with its type, and its
/// choices, like categories, take <c>+=</c> and <c>-=</c>). Setting a field of an item that is not
/// there adds it (<c>objectives[SO8].title=...</c> adds SO8); <c>objectives[SO8]=</c> removes it.
/// The screen and the command line both change settings only through this, so each change is
/// checked and worded the same way; whether the result is valid is for <see cref="Validation.SettingsValidator"/>
/// and whether the register's risks still fit it for <see cref="SettingsImpact"/>.
/// </summary>
public static partial class SettingsEdit
{
    public const string Syntax = "FIELD=VALUE (FIELD= clears it), or for categories and a field's choices FIELD+=VALUE and FIELD-=VALUE, with FIELD a path in register.yaml such as organisation, objectives[SO2].tolerance, people[kbonney].role, scoring.impact[3], bands[High].min, partner_risks[1].score or custom_fields[cqc_domain].label";

    /// <summary>The lists of register.yaml whose items a path can name, with what names them.</summary>
    public static IReadOnlyList<string> Lists { get; } = ["objectives", "people", "bands", "partner_risks", "custom_fields"];

    /// <summary>Applies one <c>FIELD=VALUE</c> (or <c>+=</c>, <c>-=</c>) setting; returns the changed settings, or why not.</summary>
    public static (RegisterSettings? Settings, string? Error) Apply(RegisterSettings settings, string setting)
    {
        var match = SettingPattern().Match(setting);
        if (!match.Success)
        {
            return (null, $"\"{setting}\" is not a setting: write {Syntax}");
        }

        return Apply(settings, match.Groups["path"].Value, match.Groups["op"].Value, match.Groups["value"].Value);
    }

    /// <summary>Sets the field at <paramref name="path"/> to <paramref name="value"/> (blank clears an optional field, or removes a named item).</summary>
    public static (RegisterSettings? Settings, string? Error) Set(RegisterSettings settings, string path, string value) =>
        Apply(settings, path, "=", value);

    private static (RegisterSettings? Settings, string? Error) Apply(RegisterSettings settings, string path, string op, string value)
    {
        try
        {
            value = value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
            return (Change(settings, path, op, value), null);
        }
        catch (EditException ex)
        {
            return (null, ex.Message);
        }
    }

    private static RegisterSettings Change(RegisterSettings s, string path, string op, string value)
    {
        if (path == "categories")
        {
            return s with { Categories = Categories(s.Categories, op, value) };
        }

        if (op != "=" && !IsChoices(path) && !IsSshKeys(path))
        {
            throw new EditException($"{op} adds to or takes from a list, and only categories, a field's choices and a person's ssh_keys are such lists; write {path}=VALUE");
        }

        if (path == "organisation")
        {
            return s with { Organisation = OneLine(path, value) };
        }

        if (path == "require_sign_off")
        {
            return s with { RequireSignOff = YesNo(path, value) };
        }

        if (path == "ssh_account")
        {
            return s with { SshAccount = Optional(OneLine(path, value)) };
        }

        if (path.StartsWith("mail.", StringComparison.Ordinal))
        {
            return s with { Mail = Mail(s.Mail ?? new MailSettings(), path["mail.".Length..], value, path) };
        }

        if (path == "baf_check.on_push")
        {
            return s with { BafCheck = s.BafCheck with { OnPush = YesNo(path, value) } };
        }

        if (path.StartsWith("baf_check.rules[", StringComparison.Ordinal) && path.EndsWith(']'))
        {
            var rule = path["baf_check.rules[".Length..^1];
            if (Validation.BafCheck.Find(rule) is null)
            {
                throw new EditException($"there is no BAF rule {Text.Quote(rule)}; the rules are {Text.OneOf([.. Validation.BafCheck.Rules.Select(r => r.Id)])}");
            }

            var rules = new Dictionary<string, RuleSeverity>(s.BafCheck.Rules, StringComparer.Ordinal);
            if (Word<RuleSeverity>(path, value) is { } severity && severity != Validation.BafCheck.Find(rule)!.Default)
            {
                rules[rule] = severity;
            }
            else
            {
                rules.Remove(rule);
            }

            return s with { BafCheck = s.BafCheck with { Rules = rules } };
        }

        var item = ItemPath().Match(path);
        if (!item.Success)
        {
            throw new EditException($"{path} is not a setting in register.yaml: {Syntax}");
        }

        var (list, key, field) = (item.Groups["list"].Value, item.Groups["key"].Value, item.Groups["field"].Success ? item.Groups["field"].Value : null);
        return list switch
        {
            "objectives" => s with { Objectives = Keyed(s.Objectives, o => o.Id, key, field, value, "objective", (k, _) => NewObjective(k), (o, f, v) => Objective(o, f, v, path)) },
            "people" => s with { People = Keyed(s.People, p => p.Login, key, field, value, "person", (k, _) => throw new EditException($"there is no person {k}: add them with their name, email and role first ('risks people add {k} --name NAME --email EMAIL --role ROLE', or a on People in Settings)"), (p, f, v) => Person(p, f, op, v, path)) },
            "bands" => s with { Bands = new BandScheme(Keyed(s.Bands.Bands, b => b.Name, key, field, value, "band", NewBand, (b, f, v) => Band(b, f, v, path))) },
            "custom_fields" => s with { CustomFields = Keyed(s.CustomFields, f => f.Key, key, field, value, "custom field", NewCustomField, (f, name, v) => Custom(f, name, op, v, path)) },
            "partner_risks" => s with { PartnerRisks = Numbered(s.PartnerRisks, key, field, value, "partner risk", () => new PartnerRisk(), (p, f, v) => Partner(p, f, v, path)) },
            "scoring.impact" when field is null => s with { Scoring = s.Scoring with { Impact = Descriptor(s.Scoring.Impact, key, value, path) } },
            "scoring.likelihood" when field is null => s with { Scoring = s.Scoring with { Likelihood = Descriptor(s.Scoring.Likelihood, key, value, path) } },
            _ => throw new EditException($"{path} is not a setting in register.yaml: {Syntax}"),
        };
    }

    /// <summary>
    /// A list whose items have a key (an objective's id, a person's login, a band's name): a field
    /// of a missing item adds it, a blank value for the whole item removes it. Keys cannot change,
    /// as risks name them.
    /// </summary>
    private static IReadOnlyList<T> Keyed<T>(IReadOnlyList<T> items, Func<T, string> keyOf, string key, string? field, string value, string noun, Func<string, string, T> create, Func<T, string, string, T> set)
    {
        var index = items.ToList().FindIndex(i => string.Equals(keyOf(i), key, StringComparison.Ordinal));
        if (field is null)
        {
            if (value.Length > 0)
            {
                throw new EditException($"name a field of the {noun} to set it, such as {Example(noun, key)}; write the {noun} alone with nothing after = to remove it");
            }

            return index < 0 ? throw new EditException($"there is no {noun} {key}") : items.Where((_, i) => i != index).ToList();
        }

        if (index < 0)
        {
            if (value.Length == 0)
            {
                throw new EditException($"there is no {noun} {key}");
            }

            return [.. items, set(create(key, field), field, value)];
        }

        return items.Select((x, i) => i == index ? set(x, field, value) : x).ToList();
    }

    /// <summary>A list whose items are numbered from 1 (partner risks): one more than there are adds one.</summary>
    private static IReadOnlyList<T> Numbered<T>(IReadOnlyList<T> items, string key, string? field, string value, string noun, Func<T> create, Func<T, string, string, T> set)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > items.Count + 1)
        {
            throw new EditException($"{noun}s are numbered 1 to {items.Count}{(items.Count == 0 ? " (there are none yet)" : "")}, and {items.Count + 1} adds one; found {Text.Quote(key)}");
        }

        var index = number - 1;
        if (field is null)
        {
            if (value.Length > 0)
            {
                throw new EditException($"name a field of {noun} {number} to set it, or write it alone with nothing after = to remove it");
            }

            return index < items.Count ? items.Where((_, i) => i != index).ToList() : throw new EditException($"there is no {noun} {number}");
        }

        return index == items.Count ? [.. items, set(create(), field, value)] : items.Select((x, i) => i == index ? set(x, field, value) : x).ToList();
    }

    private static string Example(string noun, string key) => noun switch
    {
        "objective" => $"objectives[{key}].title=...",
        "custom field" => $"custom_fields[{key}].label=...",
        "person" => $"people[{key}].name=...",
        _ => $"bands[{key}].min=...",
    };

    private static Objective NewObjective(string id) =>
        Validation.Rules.IsItemId(id) ? new Objective { Id = id } : throw new EditException($"an objective's id must be {Validation.Rules.ItemIdRules}, found {Text.Quote(id)}");

    /// <summary>A new band starts with its colour, which nothing else can stand in for: <c>bands[Severe].rag=red</c>, then its scores.</summary>
    private static Band NewBand(string name, string field) =>
        field == "rag" ? new Band(name, Rag.Green, 0, 0) : throw new EditException($"there is no band {name}: a new band starts with its colour, bands[{name}].rag=red (green, yellow, amber or red), then its min and max");

    /// <summary>Adds <paramref name="person"/>, whose login must be new; their fields are checked with the rest of the settings.</summary>
    public static (RegisterSettings? Settings, string? Error) AddPerson(RegisterSettings settings, Person person)
    {
        if (!Validation.Rules.IsLogin(person.Login))
        {
            return (null, $"a person's login must be {Validation.Rules.LoginRules}, found {Text.Quote(person.Login)}");
        }

        return settings.FindPerson(person.Login) is { } there
            ? (null, $"{there.Name} ({there.Login}) is already among the people")
            : (settings with { People = [.. settings.People, person] }, null);
    }

    /// <summary>A path to a person's SSH keys, which take <c>+=</c> (a key) and <c>-=</c> (a key, its fingerprint or its comment).</summary>
    private static bool IsSshKeys(string path) =>
        path.StartsWith("people[", StringComparison.Ordinal) && path.EndsWith("].ssh_keys", StringComparison.Ordinal);

    /// <summary>
    /// A person's keys after <c>+=</c> a public key (checked, and kept as one line), <c>-=</c> one
    /// named by the key, its fingerprint or its comment, or <c>=</c> the whole list, one key a line.
    /// </summary>
    private static IReadOnlyList<string> SshKeys(IReadOnlyList<string> keys, string op, string value, string path)
    {
        switch (op)
        {
            case "+=":
                var (key, error) = SshKey.Parse(value);
                if (key is null)
                {
                    throw new EditException($"{path}: {error}");
                }

                return keys.Any(k => SshKey.Parse(k).Key?.Key == key.Key)
                    ? throw new EditException($"{path}: the person has that key already ({key.Fingerprint})")
                    : [.. keys, key.ToString()];
            case "-=":
                var kept = keys.Where(k => SshKey.Parse(k).Key is not { } known ? k != value : !known.IsNamedBy(value)).ToList();
                return kept.Count == keys.Count
                    ? throw new EditException($"{path}: the person has no key {Text.Quote(value)}; name it by the key, its fingerprint (SHA256:...) or its comment")
                    : kept;
            default:
                // The whole list, one key a line (as the Settings screen edits it); nothing removes them all.
                var lines = value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var all = new List<string>();
                for (var i = 0; i < lines.Length; i++)
                {
                    var (parsed, problem) = SshKey.Parse(lines[i]);
                    if (parsed is null)
                    {
                        throw new EditException(lines.Length == 1 ? $"{path}: {problem}" : $"{path}: line {i + 1}: {problem}");
                    }

                    if (all.Any(k => SshKey.Parse(k).Key?.Key == parsed.Key))
                    {
                        throw new EditException($"{path}: line {i + 1} gives a key given already ({parsed.Fingerprint})");
                    }

                    all.Add(parsed.ToString());
                }

                return all;
        }
    }

    /// <summary>A path to a register's own field's choices, which take <c>+=</c> and <c>-=</c> as categories do.</summary>
    private static bool IsChoices(string path) =>
        path.StartsWith("custom_fields[", StringComparison.Ordinal) && path.EndsWith("].choices", StringComparison.Ordinal);

    /// <summary>
    /// A new field of the register's own starts with its type, which decides what it holds
    /// (<c>custom_fields[cqc_domain].type=choice</c>), then its label, choices and the rest.
    /// </summary>
    private static CustomField NewCustomField(string key, string field)
    {
        if (!CustomKey().IsMatch(key))
        {
            throw new EditException($"a field's key must be lower case letters, digits and underscores, starting with a letter (it is the key under custom: in each risk's file), found {Text.Quote(key)}");
        }

        return field == "type"
            ? new CustomField { Key = key, Label = key.Replace('_', ' ') }
            : throw new EditException($"there is no custom field {key}: a new field starts with its type, custom_fields[{key}].type=choice ({Vocabulary.Choices<CustomFieldType>()}), then its label and the rest");
    }

    private static CustomField Custom(CustomField f, string field, string op, string value, string path)
    {
        if (op != "=" && field != "choices")
        {
            throw new EditException($"{op} adds to or takes from a list, and only categories and a field's choices are such lists; write {path}=VALUE");
        }

        return field switch
        {
            "key" => throw new EditException($"a field's key cannot change, as risks keep their values under it: add a new field, copy the values over, and retire {f.Key}"),
            "label" => f with { Label = value.Length == 0 ? throw new EditException($"{path} is required: the field's name as the board reads it") : OneLine(path, value) },
            "type" => f with { Type = Word<CustomFieldType>(path, value) ?? throw new EditException($"{path} is required: {Vocabulary.Choices<CustomFieldType>()}") },
            "choices" => f with { Choices = Choices(f.Choices, op, value, path) },
            "required_for" => f with { RequiredFor = Word<RequiredFor>(path, value) },
            "help" => f with { Help = Optional(OneLine(path, value)) },
            "paper" => f with { OnPaper = YesNo(path, value) },
            "retired" => f with { Retired = YesNo(path, value) },
            _ => throw new EditException($"{path}: a custom field has key, label, type, choices, required_for, help, paper and retired"),
        };
    }

    /// <summary>A choice field's choices: one per line (or separated by commas) with <c>=</c>, or one at a time with <c>+=</c> and <c>-=</c>.</summary>
    private static IReadOnlyList<string> Choices(IReadOnlyList<string> choices, string op, string value, string path)
    {
        switch (op)
        {
            case "+=":
                if (value.Length == 0)
                {
                    throw new EditException($"{path}+= needs the choice to add");
                }

                return choices.Contains(value, StringComparer.OrdinalIgnoreCase) ? throw new EditException($"there is already a choice {Text.Quote(value)}") : [.. choices, OneLine(path, value)];
            case "-=":
                var kept = choices.Where(c => !string.Equals(c, value, StringComparison.OrdinalIgnoreCase)).ToList();
                return kept.Count == choices.Count ? throw new EditException($"there is no choice {Text.Quote(value)}") : kept;
            default:
                var separator = value.Contains('\n', StringComparison.Ordinal) ? '\n' : ',';
                return value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    private static Objective Objective(Objective o, string field, string value, string path) => field switch
    {
        "id" => throw new EditException($"an objective's id cannot change, as risks name it: add a new objective, move the risks to it, and retire {o.Id}"),
        "title" => o with { Title = OneLine(path, value) },
        "short_title" => o with { ShortTitle = OneLine(path, value) },
        "appetite" => o with { Appetite = Word<Appetite>(path, value) },
        "tolerance" => o with { Tolerance = Number(path, value, 1, 25, "a score 1-25") },
        "retired" => o with { Retired = YesNo(path, value) },
        _ => throw new EditException($"{path}: an objective has id, title, short_title, appetite, tolerance and retired"),
    };

    private static MailSettings? Mail(MailSettings m, string field, string value, string path)
    {
        var changed = field switch
        {
            "host" => m with { Host = OneLine(path, value) },
            "port" => m with { Port = Number(path, value, 1, 65535, "a port 1-65535") ?? 587 },
            "security" => m with { Security = Word<MailSecurity>(path, value) ?? MailSecurity.Starttls },
            "from" => m with { From = OneLine(path, value) },
            "username" => m with { Username = Optional(OneLine(path, value)) },
            "password_env" => m with { PasswordEnv = Optional(OneLine(path, value)) },
            "password_file" => m with { PasswordFile = Optional(OneLine(path, value)) },
            _ => throw new EditException($"{path}: mail has host, port, security, from, username, password_env and password_file (never a password itself)"),
        };

        // A mail server with nothing but defaults left is no mail server.
        return changed.Host.Length == 0 && changed.From.Length == 0 && changed.Username is null && changed.PasswordEnv is null && changed.PasswordFile is null ? null : changed;
    }

    private static Person Person(Person p, string field, string op, string value, string path) => field switch
    {
        "ssh_keys" => p with { SshKeys = SshKeys(p.SshKeys, op, value, path) },
        _ when op != "=" => throw new EditException($"{op} adds to or takes from a list, and a person's only list is ssh_keys; write {path}=VALUE"),
        "login" => throw new EditException($"a person's login cannot change, as risks name it: add them again under the new login and hand their risks over"),
        "name" => p with { Name = OneLine(path, value) },
        "email" => p with { Email = Optional(OneLine(path, value)) },
        "role" => p with { Role = Word<Role>(path, value) ?? throw new EditException($"{path} is required: {Vocabulary.Choices<Role>()}") },
        "job_title" => p with { JobTitle = Optional(OneLine(path, value)) },
        "signs_off" => p with { SignsOff = YesNo(path, value) },
        _ => throw new EditException($"{path}: a person has login, name, email, role, job_title, signs_off and ssh_keys"),
    };

    private static Band Band(Band b, string field, string value, string path) => field switch
    {
        "name" => b with { Name = OneLine(path, value) },
        "rag" => b with { Rag = Word<Rag>(path, value) ?? throw new EditException($"{path} is required: {Vocabulary.Choices<Rag>()}") },
        "min" => b with { Min = Number(path, value, 1, 25, "a score 1-25") ?? throw new EditException($"{path} is required: a score 1-25") },
        "max" => b with { Max = Number(path, value, 1, 25, "a score 1-25") ?? throw new EditException($"{path} is required: a score 1-25") },
        _ => throw new EditException($"{path}: a band has name, rag, min and max"),
    };

    private static PartnerRisk Partner(PartnerRisk p, string field, string value, string path) => field switch
    {
        "organisation" => p with { Organisation = OneLine(path, value) },
        "title" => p with { Title = OneLine(path, value) },
        "score" => p with { Score = Number(path, value, 1, 25, "a score 1-25") ?? 0 },
        "reported" => p with { Reported = Date(path, value) },
        "source" => p with { Source = string.IsNullOrWhiteSpace(value) ? null : OneLine(path, value) },
        _ => throw new EditException($"{path}: a partner risk has organisation, title, score, reported and source"),
    };

    private static IReadOnlyList<string> Descriptor(IReadOnlyList<string> words, string key, string value, string path)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > 5)
        {
            throw new EditException($"{path}: the words are numbered 1 to 5, found {Text.Quote(key)}");
        }

        if (value.Length == 0)
        {
            throw new EditException($"{path} is required: the word for {number}");
        }

        var list = words.ToList();
        while (list.Count < 5)
        {
            list.Add("");
        }

        list[number - 1] = OneLine(path, value);
        return list;
    }

    private static IReadOnlyList<string> Categories(IReadOnlyList<string> categories, string op, string value)
    {
        switch (op)
        {
            case "+=":
                if (value.Length == 0)
                {
                    throw new EditException("categories+= needs the category to add");
                }

                return categories.Contains(value, StringComparer.OrdinalIgnoreCase) ? throw new EditException($"there is already a category {Text.Quote(value)}") : [.. categories, OneLine("categories", value)];
            case "-=":
                var kept = categories.Where(c => !string.Equals(c, value, StringComparison.OrdinalIgnoreCase)).ToList();
                return kept.Count == categories.Count ? throw new EditException($"there is no category {Text.Quote(value)}") : kept;
            default:
                return value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    private static string OneLine(string path, string value) =>
        value.Contains('\n', StringComparison.Ordinal) ? throw new EditException($"{path} is one line") : value;

    private static string? Optional(string value) => value.Length == 0 ? null : value;

    // Values are taken as a risk's fields take them (FieldValues), and a refusal stops the edit.
    private static TValue Taken<TValue>((TValue Value, string? Error) result) => result.Error is { } error ? throw new EditException(error) : result.Value;

    private static T? Word<T>(string path, string value) where T : struct, Enum =>
        Taken(FieldValues.WordFromInput(path, value, Vocabulary.Words<T>())) is { } word && Vocabulary.TryParse<T>(word, out var parsed) ? parsed : null;

    private static int? Number(string path, string value, int min, int max, string what) =>
        Taken(FieldValues.WholeFromInput(path, value, min, max, rule: what));

    private static bool YesNo(string path, string value) => Taken(FieldValues.YesNoFromInput(path, value)) ?? false;

    private static DateOnly? Date(string path, string value) => Taken(FieldValues.DateFromInput(path, value));

    [GeneratedRegex(@"\A(?<path>[a-z_][a-z_0-9.]*(\[[^\]\n]+\](\.[a-z_]+)?)?)(?<op>\+=|-=|=)(?<value>.*)\z", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SettingPattern();

    [GeneratedRegex(@"\A(?<list>[a-z_.]+)\[(?<key>[^\]\n]+)\](\.(?<field>[a-z_]+))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPath();

    [GeneratedRegex(@"\A[a-z][a-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex CustomKey();

    private sealed class EditException(string message) : Exception(message);
}
