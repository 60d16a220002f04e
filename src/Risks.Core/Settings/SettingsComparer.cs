using System.Globalization;
using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Core.Presentation;

namespace Risks.Core.Settings;

/// <summary>
/// Two versions of register.yaml's settings compared, each change in the board's words
/// ("objective SO8 Digital services added", "Kathy Bonney (kbonney) role risk owner -> governance
/// lead"), with <see cref="FieldChange.Field"/> naming it by its path (<c>people[kbonney].role</c>).
/// </summary>
public static class SettingsComparer
{
    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>, in the file's order.</summary>
    public static IReadOnlyList<FieldChange> Compare(RegisterSettings before, RegisterSettings after)
    {
        var changes = new List<FieldChange>();
        Scalar(changes, "organisation", "organisation", before.Organisation, after.Organisation);
        Scalar(changes, "require_sign_off", "sign-off required to cut an iteration", YesNo(before.RequireSignOff), YesNo(after.RequireSignOff));
        Scalar(changes, "ssh_account", "account for SSH keys", before.SshAccount, after.SshAccount);
        Keyed(changes, "objectives", before.Objectives, after.Objectives, o => o.Id, o => $"objective {o.Id}", Describe, (path, label, a, b) =>
        {
            Scalar(changes, path + ".title", label + " title", a.Title, b.Title);
            Scalar(changes, path + ".short_title", label + " short title", a.ShortTitle, b.ShortTitle);
            Scalar(changes, path + ".appetite", label + " appetite", Vocabulary.Phrase(a.Appetite), Vocabulary.Phrase(b.Appetite));
            Scalar(changes, path + ".tolerance", label + " tolerance", Number(a.Tolerance), Number(b.Tolerance));
            if (a.Retired != b.Retired)
            {
                changes.Add(new FieldChange(path + ".retired", ChangeKind.Changed, YesNo(a.Retired), YesNo(b.Retired), b.Retired ? $"{label} retired" : $"{label} back in use") { Label = label });
            }
        });
        Scoring(changes, "scoring.impact", "impact", before.Scoring.Impact, after.Scoring.Impact);
        Scoring(changes, "scoring.likelihood", "likelihood", before.Scoring.Likelihood, after.Scoring.Likelihood);
        Keyed(changes, "bands", before.Bands.Bands, after.Bands.Bands, b => b.Name, b => $"band {b.Name}", b => $"{Vocabulary.Word(b.Rag)}, {b.Min}-{b.Max}", (path, label, a, b) =>
        {
            Scalar(changes, path + ".rag", label + " colour", Vocabulary.Word(a.Rag), Vocabulary.Word(b.Rag));
            Scalar(changes, path + ".min", label + " lowest score", Number(a.Min), Number(b.Min));
            Scalar(changes, path + ".max", label + " highest score", Number(a.Max), Number(b.Max));
        });
        foreach (var category in before.Categories.Except(after.Categories, StringComparer.Ordinal))
        {
            changes.Add(new FieldChange($"categories[{category}]", ChangeKind.Removed, category, null, $"category {category} removed") { Label = "category" });
        }

        foreach (var category in after.Categories.Except(before.Categories, StringComparer.Ordinal))
        {
            changes.Add(new FieldChange($"categories[{category}]", ChangeKind.Added, null, category, $"category {category} added") { Label = "category" });
        }

        Keyed(changes, "people", before.People, after.People, p => p.Login, p => $"{(p.Name.Length > 0 ? p.Name : p.Login)} ({p.Login})", p => Vocabulary.Phrase(p.Role), (path, label, a, b) =>
        {
            Scalar(changes, path + ".name", label + " name", a.Name, b.Name);
            Scalar(changes, path + ".email", label + " email", a.Email, b.Email);
            Scalar(changes, path + ".role", label + " role", Vocabulary.Phrase(a.Role), Vocabulary.Phrase(b.Role));
            Scalar(changes, path + ".job_title", label + " job title", a.JobTitle, b.JobTitle);
            Scalar(changes, path + ".signs_off", label + " may sign off", YesNo(a.SignsOff), YesNo(b.SignsOff));
            foreach (var key in b.SshKeys.Except(a.SshKeys, StringComparer.Ordinal))
            {
                changes.Add(new FieldChange(path + ".ssh_keys", ChangeKind.Added, null, key, $"{label} SSH key {KeyName(key)} added") { Label = label + " SSH key" });
            }

            foreach (var key in a.SshKeys.Except(b.SshKeys, StringComparer.Ordinal))
            {
                changes.Add(new FieldChange(path + ".ssh_keys", ChangeKind.Removed, key, null, $"{label} SSH key {KeyName(key)} removed") { Label = label + " SSH key" });
            }
        });
        Partners(changes, before.PartnerRisks, after.PartnerRisks);
        Keyed(changes, "custom_fields", before.CustomFields, after.CustomFields, f => f.Key, f => $"custom field {f.Key}", f => f.Label, (path, label, a, b) =>
        {
            Scalar(changes, path + ".label", label + " label", a.Label, b.Label);
            Scalar(changes, path + ".type", label + " type", Vocabulary.Phrase(a.Type), Vocabulary.Phrase(b.Type));
            foreach (var choice in a.Choices.Except(b.Choices, StringComparer.Ordinal))
            {
                changes.Add(new FieldChange(path + ".choices", ChangeKind.Removed, choice, null, $"{label} choice {choice} removed") { Label = label + " choice" });
            }

            foreach (var choice in b.Choices.Except(a.Choices, StringComparer.Ordinal))
            {
                changes.Add(new FieldChange(path + ".choices", ChangeKind.Added, null, choice, $"{label} choice {choice} added") { Label = label + " choice" });
            }

            Scalar(changes, path + ".required_for", label + " required for", Vocabulary.Phrase(a.RequiredFor), Vocabulary.Phrase(b.RequiredFor));
            Scalar(changes, path + ".help", label + " help", a.Help, b.Help);
            if (a.OnPaper != b.OnPaper)
            {
                changes.Add(new FieldChange(path + ".paper", ChangeKind.Changed, YesNo(a.OnPaper), YesNo(b.OnPaper), b.OnPaper ? $"{label} shown on the paper" : $"{label} no longer shown on the paper") { Label = label });
            }

            if (a.Retired != b.Retired)
            {
                changes.Add(new FieldChange(path + ".retired", ChangeKind.Changed, YesNo(a.Retired), YesNo(b.Retired), b.Retired ? $"{label} retired" : $"{label} back in use") { Label = label });
            }
        });
        var (mailBefore, mailAfter) = (before.Mail ?? new MailSettings(), after.Mail ?? new MailSettings());
        Scalar(changes, "mail.host", "mail server", before.Mail?.Host, after.Mail?.Host);
        Scalar(changes, "mail.port", "mail port", before.Mail is null ? null : Number(mailBefore.Port), after.Mail is null ? null : Number(mailAfter.Port));
        Scalar(changes, "mail.security", "mail security", before.Mail is null ? null : Vocabulary.Word(mailBefore.Security), after.Mail is null ? null : Vocabulary.Word(mailAfter.Security));
        Scalar(changes, "mail.from", "mail from", before.Mail?.From, after.Mail?.From);
        Scalar(changes, "mail.username", "mail username", before.Mail?.Username, after.Mail?.Username);
        Scalar(changes, "mail.password_env", "mail password variable", before.Mail?.PasswordEnv, after.Mail?.PasswordEnv);
        Scalar(changes, "mail.password_file", "mail password file", before.Mail?.PasswordFile, after.Mail?.PasswordFile);
        Scalar(changes, "baf_check.on_push", "BAF rules checked on push", YesNo(before.BafCheck.OnPush), YesNo(after.BafCheck.OnPush));
        foreach (var rule in Validation.BafCheck.Rules)
        {
            Scalar(changes, $"baf_check.rules[{rule.Id}]", $"BAF rule {rule.Id}", Vocabulary.Word(before.BafCheck.SeverityOf(rule.Id, rule.Default)), Vocabulary.Word(after.BafCheck.SeverityOf(rule.Id, rule.Default)));
        }
        return changes;
    }

    /// <summary>The first line of the commit that saves the settings: "Settings: objective SO8 added and 2 more changes".</summary>
    public static string Headline(IReadOnlyList<FieldChange> changes) => changes.Count switch
    {
        0 => "Settings: no change",
        1 => $"Settings: {changes[0].Description}",
        _ => $"Settings: {changes[0].Description} and {Text.Count(changes.Count - 1, "more change")}",
    };

    private static string Describe(Objective o) => o.ShortTitle.Length > 0 ? o.ShortTitle : Text.Brief(o.Title);

    private static void Keyed<T>(
        List<FieldChange> changes,
        string list,
        IReadOnlyList<T> before,
        IReadOnlyList<T> after,
        Func<T, string> key,
        Func<T, string> name,
        Func<T, string> summary,
        Action<string, string, T, T> compare)
    {
        var old = before.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var item in before.Where(i => !now.ContainsKey(key(i))))
        {
            changes.Add(new FieldChange($"{list}[{key(item)}]", ChangeKind.Removed, summary(item), null, $"{name(item)} removed") { Label = name(item) });
        }

        foreach (var item in after)
        {
            if (old.TryGetValue(key(item), out var was))
            {
                compare($"{list}[{key(item)}]", name(item), was, item);
            }
            else
            {
                var what = summary(item);
                changes.Add(new FieldChange($"{list}[{key(item)}]", ChangeKind.Added, null, what, $"{name(item)} added{(what.Length > 0 ? ": " + what : "")}") { Label = name(item) });
            }
        }
    }

    private static void Scoring(List<FieldChange> changes, string path, string label, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            Scalar(changes, $"{path}[{number}]", $"{label} {number} word", i < before.Count ? before[i] : null, i < after.Count ? after[i] : null);
        }
    }

    private static void Partners(List<FieldChange> changes, IReadOnlyList<PartnerRisk> before, IReadOnlyList<PartnerRisk> after)
    {
        // Partner risks have no key: one that is the same on both sides is unchanged, others are removed or added.
        static string Line(PartnerRisk p) => $"{p.Organisation}: {p.Title} ({p.Score}{(p.Reported is { } d ? $", reported {Formats.Date(d)}" : "")}{(p.Source is { } source ? $", {source}" : "")})";
        foreach (var gone in before.Where(p => !after.Contains(p)))
        {
            changes.Add(new FieldChange("partner_risks", ChangeKind.Removed, Line(gone), null, $"partner risk removed: {Line(gone)}") { Label = "partner risk" });
        }

        foreach (var added in after.Where(p => !before.Contains(p)))
        {
            changes.Add(new FieldChange("partner_risks", ChangeKind.Added, null, Line(added), $"partner risk added: {Line(added)}") { Label = "partner risk" });
        }
    }

    private static void Scalar(List<FieldChange> changes, string path, string label, string? before, string? after)
    {
        before = string.IsNullOrEmpty(before) ? null : before;
        after = string.IsNullOrEmpty(after) ? null : after;
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return;
        }

        var (kind, description) = (before, after) switch
        {
            (null, _) => (ChangeKind.Added, $"{label} set to {Show(after!)}"),
            (_, null) => (ChangeKind.Removed, $"{label} cleared (was {Show(before)})"),
            _ when Quoted(before) || Quoted(after) => (ChangeKind.Changed, $"{label} {Text.Quote(before)} -> {Text.Quote(after)}"),
            _ => (ChangeKind.Changed, $"{label} {before} -> {after}"),
        };
        changes.Add(new FieldChange(path, kind, before, after, description) { Label = label });
    }

    /// <summary>Numbers and a few words as they are ("risk owner"); longer text quoted and cut.</summary>
    private static string Show(string value) => Quoted(value) ? Text.Quote(value) : value;

    private static bool Quoted(string value) => value.Split(' ').Length > 3 || value.Length > 30;

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>A key as a change names it: its comment and fingerprint (<c>kbonney@laptop, SHA256:...</c>), not its long data.</summary>
    private static string KeyName(string line) =>
        Access.SshKey.Parse(line).Key is { } key ? (key.Comment is { } comment ? $"{comment} ({key.Fingerprint})" : key.Fingerprint) : Text.Quote(line);
}
