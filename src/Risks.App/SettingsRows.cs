using System.Globalization;
using System.Text.RegularExpressions;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Settings;

namespace Risks.App;

/// <summary>
/// register.yaml's settings as the Settings screen shows them: a row per field, in the file's
/// order, each named by the path <see cref="SettingsEdit"/> sets it by.
/// </summary>
public static partial class SettingsRows
{
    public static IReadOnlyList<FieldRow> Of(RegisterSettings s, IReadOnlyList<Risk> risks)
    {
        var rows = new List<FieldRow>
        {
            Heading("organisation", "Organisation", null, ""),
            Text("organisation", "Organisation", s.Organisation) with { CanClear = false, Help = "The organisation's name, as the papers give it." },
            YesNo("require_sign_off", "Sign-off to cut", s.RequireSignOff) with { Help = "Whether cutting an iteration needs every open strategic risk signed off, and not lapsed." },
            Text("ssh_account", "SSH key account", s.SshAccount) with { Help = "The Unix account on this server that takes people's SSH keys (such as risks): the only one that may open the register as the person a key belongs to. Blank: keys are not used (docs/server.md)." },
        };

        rows.Add(Heading("objectives", "Strategic objectives", "objectives", Count(s.Objectives.Count, "objective")));
        for (var i = 0; i < s.Objectives.Count; i++)
        {
            var o = s.Objectives[i];
            var path = $"objectives[{o.Id}]";
            var users = risks.Where(r => r.Objectives.Contains(o.Id, StringComparer.Ordinal)).Select(r => r.Id.Value).ToList();
            var named = users.Count == 0 ? "No risk names it." : $"Named by {Core.Domain.Text.All(users)}.";
            rows.Add(Item(Text($"{path}.title", o.Id + (o.Retired ? " (retired)" : ""), o.Title) with { CanClear = false, Help = "The objective as the board states it. " + named }, "objectives", i, o.Id));
            rows.Add(Item(Text($"{path}.short_title", "short title", o.ShortTitle) with { Help = "A few words for tables and pick lists, such as Reduce health inequalities." }, "objectives", i, o.Id, 1));
            rows.Add(Item(Pick<Appetite>($"{path}.appetite", "appetite", o.Appetite) with { Help = "How much risk the board will take in pursuit of this objective." }, "objectives", i, o.Id, 1));
            rows.Add(Item(Score($"{path}.tolerance", "tolerance", o.Tolerance) with { Help = "The highest current score the board accepts for risks to this objective; risks above it are flagged." }, "objectives", i, o.Id, 1));
            rows.Add(Item(YesNo($"{path}.retired", "retired", o.Retired) with { Help = "A retired objective stays on the risks and in the history that name it, but is no longer offered. " + named }, "objectives", i, o.Id, 1));
        }

        rows.Add(Heading("people", "People and roles", "people", Count(s.People.Count, "person")));
        for (var i = 0; i < s.People.Count; i++)
        {
            var p = s.People[i];
            var path = $"people[{p.Login}]";
            var uses = risks.SelectMany(r => SettingsImpact.Uses(r, p.Login).Select(u => $"{r.Id} ({u})")).ToList();
            var named = uses.Count == 0 ? "Named on no risk." : $"Named on {Core.Domain.Text.All(uses.Take(8).ToList())}{(uses.Count > 8 ? $" and {uses.Count - 8} more" : "")}.";
            rows.Add(Item(Text($"{path}.name", p.Login, p.Name) with { CanClear = false, Help = $"The person who signs in as {p.Login}. " + named }, "people", i, p.Login));
            rows.Add(Item(Pick<Role>($"{path}.role", "role", p.Role, clearable: false) with { Help = "Governance leads change everything; risk owners edit the risks they own or lead; reviewers read." }, "people", i, p.Login, 1));
            rows.Add(Item(Text($"{path}.email", "email", p.Email) with { Help = "Where commits and reminders name them." }, "people", i, p.Login, 1));
            rows.Add(Item(Text($"{path}.job_title", "job title", p.JobTitle), "people", i, p.Login, 1));
            rows.Add(Item(YesNo($"{path}.signs_off", "signs off", p.SignsOff) with { Help = "Whether they may sign off any strategic risk for the board (an owner may always sign off their own)." }, "people", i, p.Login, 1));
            rows.Add(Item(new FieldRow($"{path}.ssh_keys", "SSH keys", Keys(p.SshKeys), FieldKind.Lines)
            {
                Raw = string.Join('\n', p.SshKeys),
                Help = "Their public SSH keys, one per line as each .pub file gives it (ssh-ed25519 AAAA... name@laptop): with one they log in to the register's server as themselves, with no shell account (docs/server.md). Delete a line to take a key away.",
            }, "people", i, p.Login, 1));
        }

        rows.Add(Heading("categories", "Categories", null, s.Categories.Count == 0 ? "none: a risk's category is free text" : Count(s.Categories.Count, "category")));
        rows.Add(new FieldRow("categories", "Categories", string.Join("; ", s.Categories), FieldKind.Lines)
        {
            Raw = string.Join('\n', s.Categories),
            Help = "The categories a risk may have, one per line. With none, a risk's category is free text.",
        });

        rows.Add(Heading("scoring", "Scoring words", null, ""));
        for (var i = 1; i <= 5; i++)
        {
            rows.Add(Text($"scoring.impact[{i}]", $"Impact {i}", i <= s.Scoring.Impact.Count ? s.Scoring.Impact[i - 1] : "") with { CanClear = false, Help = $"The word for impact {i}, as the score pick lists and papers show it." });
        }

        for (var i = 1; i <= 5; i++)
        {
            rows.Add(Text($"scoring.likelihood[{i}]", $"Likelihood {i}", i <= s.Scoring.Likelihood.Count ? s.Scoring.Likelihood[i - 1] : "") with { CanClear = false, Help = $"The word for likelihood {i}." });
        }

        rows.Add(Heading("bands", "RAG bands", "bands", Count(s.Bands.Bands.Count, "band")));
        for (var i = 0; i < s.Bands.Bands.Count; i++)
        {
            var b = s.Bands.Bands[i];
            var path = $"bands[{b.Name}]";
            rows.Add(Item(Pick<Rag>($"{path}.rag", b.Name, b.Rag, clearable: false) with { Help = "The band's colour. Every score 1-25 must fall in exactly one band." }, "bands", i, b.Name));
            rows.Add(Item(Score($"{path}.min", "lowest score", b.Min > 0 ? b.Min : null) with { CanClear = false }, "bands", i, b.Name, 1));
            rows.Add(Item(Score($"{path}.max", "highest score", b.Max > 0 ? b.Max : null) with { CanClear = false }, "bands", i, b.Name, 1));
        }

        rows.Add(Heading("partner_risks", "Partner organisations' red risks", "partner_risks", Count(s.PartnerRisks.Count, "risk")));
        for (var i = 0; i < s.PartnerRisks.Count; i++)
        {
            var p = s.PartnerRisks[i];
            var key = (i + 1).ToString(CultureInfo.InvariantCulture);
            var path = $"partner_risks[{key}]";
            rows.Add(Item(Text($"{path}.organisation", key, p.Organisation) with { CanClear = false, Help = "The partner organisation." }, "partner_risks", i, key));
            rows.Add(Item(Text($"{path}.title", "title", p.Title) with { CanClear = false }, "partner_risks", i, key, 1));
            rows.Add(Item(Score($"{path}.score", "score", p.Score > 0 ? p.Score : null) with { CanClear = false, Help = "The score the partner reported, 1-25." }, "partner_risks", i, key, 1));
            rows.Add(Item(new FieldRow($"{path}.reported", "reported", Formats.Date(p.Reported), FieldKind.Date) { Raw = Formats.Date(p.Reported), Help = "The date of the partner's report." }, "partner_risks", i, key, 1));
            rows.Add(Item(Text($"{path}.source", "source", p.Source ?? "") with { Help = "Where the partner reported it, as the paper names it: \"February 2025 BAF report to the Trust Board\"." }, "partner_risks", i, key, 1));
        }

        rows.Add(Heading("custom_fields", "Custom fields", "custom_fields", Count(s.CustomFields.Count, "field")));
        for (var i = 0; i < s.CustomFields.Count; i++)
        {
            var f = s.CustomFields[i];
            var path = $"custom_fields[{f.Key}]";
            var users = risks.Where(r => r.Custom.ContainsKey(f.Key)).Select(r => r.Id.Value).ToList();
            var held = users.Count == 0 ? "No risk has a value for it." : $"Risks with a value: {Core.Domain.Text.All(users.Take(8).ToList())}{(users.Count > 8 ? $" and {users.Count - 8} more" : "")}.";
            rows.Add(Item(Text($"{path}.label", f.Key + (f.Retired ? " (retired)" : ""), f.Label) with { CanClear = false, Help = $"The field's name as the risk screen, papers and spreadsheets give it; risks keep its value under custom: {f.Key}. " + held }, "custom_fields", i, f.Key));
            rows.Add(Item(Pick<CustomFieldType>($"{path}.type", "type", f.Type, clearable: false) with { Help = "What the field holds: text (one line), long text, a date, a number, a choice of its choices, a person, or a list (one per line)." }, "custom_fields", i, f.Key, 1));
            if (f.Type == CustomFieldType.Choice || f.Choices.Count > 0)
            {
                rows.Add(Item(new FieldRow($"{path}.choices", "choices", string.Join("; ", f.Choices), FieldKind.Lines) { Raw = string.Join('\n', f.Choices), Help = "The values a choice takes, one per line." }, "custom_fields", i, f.Key, 1));
            }

            rows.Add(Item(Pick<RequiredFor>($"{path}.required_for", "required for", f.RequiredFor) with { Help = "Which risks must give a value: strategic, operational or all; none for an optional field." }, "custom_fields", i, f.Key, 1));
            rows.Add(Item(Text($"{path}.help", "help", f.Help) with { Help = "What the field is for and what it takes, as the risk screen shows it." }, "custom_fields", i, f.Key, 1));
            rows.Add(Item(YesNo($"{path}.paper", "on the paper", f.OnPaper) with { Help = "Whether the board paper shows the field with each risk." }, "custom_fields", i, f.Key, 1));
            rows.Add(Item(YesNo($"{path}.retired", "retired", f.Retired) with { Help = "A retired field stays on the risks and in the history that have a value for it, but is no longer offered. " + held }, "custom_fields", i, f.Key, 1));
        }

        rows.Add(Heading("baf_check", "BAF rules", null, "what risks check --baf holds the BAF to"));
        rows.Add(YesNo("baf_check.on_push", "Checked on push", s.BafCheck.OnPush) with { Help = "Whether the Git server (verify-push) refuses a push that breaks a rule of severity error that the branch did not already break." });
        foreach (var rule in Core.Validation.BafCheck.Rules)
        {
            rows.Add(Pick<RuleSeverity>($"baf_check.rules[{rule.Id}]", rule.Id, s.BafCheck.SeverityOf(rule.Id, rule.Default), clearable: false) with
            {
                Help = $"{char.ToUpperInvariant(rule.Asks[0])}{rule.Asks[1..]}. Error fails the check; warning is shown; off is not checked (unless set, {Vocabulary.Word(rule.Default)}).",
            });
        }

        var mail = s.Mail ?? new MailSettings();
        rows.Add(Heading("mail", "Mail", null, s.Mail is null ? "none: risks remind sends nothing" : mail.Host));
        rows.Add(Text("mail.host", "Server", s.Mail?.Host) with { Help = "The SMTP server reminders are sent through (risks remind). Blank every mail field to send none." });
        rows.Add(Text("mail.port", "Port", s.Mail is null ? null : mail.Port.ToString(CultureInfo.InvariantCulture)) with { Help = "587 for STARTTLS, 465 for TLS from the start, 25 for none." });
        rows.Add(Pick<MailSecurity>("mail.security", "Security", s.Mail is null ? null : mail.Security, clearable: false) with { Help = "starttls, tls (from the start) or none." });
        rows.Add(Text("mail.from", "From", s.Mail?.From) with { Help = "The address reminders come from." });
        rows.Add(Text("mail.username", "Username", s.Mail?.Username) with { Help = "The account to log in to the server as; blank for a server that takes mail from this host without." });
        rows.Add(Text("mail.password_env", "Password variable", s.Mail?.PasswordEnv) with { Help = "The environment variable that holds the password when risks remind runs (never the password itself: register.yaml is seen by every reader)." });
        rows.Add(Text("mail.password_file", "Password file", s.Mail?.PasswordFile) with { Help = "Or a file, readable only by the account that sends, whose first line is the password." });

        return [.. rows.Select(r => r with { FullLabel = r.Kind == FieldKind.Heading ? r.Label : Label(r.Path) })];
    }

    /// <summary>A message that begins with a setting's path begun with its name instead: "objective SO2 tolerance must be a score 1-25".</summary>
    public static string Reword(string path, string message) =>
        path.Length > 0 && message.StartsWith(path, StringComparison.Ordinal) ? Label(path) + message[path.Length..] : message;

    /// <summary>A setting's path in words: <c>objectives[SO2].tolerance</c> is "objective SO2 tolerance", <c>people[kbonney].ssh_keys</c> "person kbonney SSH keys".</summary>
    public static string Label(string path) => Words(path).Replace("ssh ", "SSH ", StringComparison.Ordinal);

    private static string Words(string path)
    {
        var match = KeyPath().Match(path);
        if (!match.Success)
        {
            return path.Replace('_', ' ').Replace('.', ' ');
        }

        var (list, key, field) = (match.Groups["list"].Value, match.Groups["key"].Value, match.Groups["field"].Value.Replace('_', ' '));
        var noun = list switch
        {
            "objectives" => "objective",
            "people" => "person",
            "bands" => "band",
            "partner_risks" => "partner risk",
            "custom_fields" => "custom field",
            "scoring.impact" => "impact",
            "scoring.likelihood" => "likelihood",
            "baf_check.rules" => "BAF rule",
            _ => list,
        };
        return field.Length > 0 ? $"{noun} {key} {field}" : $"{noun} {key}";
    }

    /// <summary>A person's keys as a row shows them: "2 keys: sara@laptop, sara@desktop", or "none".</summary>
    private static string Keys(IReadOnlyList<string> keys) =>
        keys.Count == 0
            ? "none"
            : $"{(keys.Count == 1 ? "1 key" : $"{keys.Count.ToString(CultureInfo.InvariantCulture)} keys")}: {string.Join(", ", keys.Select(k => Core.Access.SshKey.Parse(k).Key is { } key ? key.Comment ?? key.Fingerprint[..15] + "…" : "not a key"))}";

    private static string Count(int count, string noun) => count switch
    {
        0 => "none yet (a adds one)",
        _ when noun == "person" => count == 1 ? "1 person" : $"{count.ToString(CultureInfo.InvariantCulture)} people",
        _ when noun == "category" => count == 1 ? "1 category" : $"{count.ToString(CultureInfo.InvariantCulture)} categories",
        _ => Core.Domain.Text.Count(count, noun),
    };

    /// <summary>A section's heading, its path apart from any setting's (the organisation's heading is not the organisation).</summary>
    private static FieldRow Heading(string section, string label, string? list, string value) =>
        new($"section:{section}", label, value, FieldKind.Heading) { List = list };

    private static FieldRow Item(FieldRow row, string list, int index, string key, int depth = 0) =>
        row with { List = list, Item = index, ItemKey = key, Depth = depth };

    private static FieldRow Text(string path, string label, string? value) =>
        new(path, label, value ?? "", FieldKind.Text) { Raw = value ?? "" };

    private static FieldRow Score(string path, string label, int? value)
    {
        var text = value?.ToString(CultureInfo.InvariantCulture) ?? "";
        return new FieldRow(path, label, text, FieldKind.Text) { Raw = text };
    }

    private static FieldRow YesNo(string path, string label, bool value) =>
        new(path, label, value ? "yes" : "no", FieldKind.Choice) { Raw = value ? "yes" : "no", Choices = [new Choice("no", "no"), new Choice("yes", "yes")], CanClear = false };

    private static FieldRow Pick<T>(string path, string label, T? value, bool clearable = true) where T : struct, Enum =>
        FieldRow.Pick(path, label, value, clearable);

    [GeneratedRegex(@"\A(?<list>[a-z_.]+)\[(?<key>[^\]]+)\](\.(?<field>[a-z_]+))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPath();
}
