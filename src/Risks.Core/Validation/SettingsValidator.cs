using Risks.Core.Domain;

namespace Risks.Core.Validation;

/// <summary>The rules <c>register.yaml</c> must keep.</summary>
public static class SettingsValidator
{
    public static IReadOnlyList<FieldIssue> Validate(RegisterSettings settings)
    {
        var issues = new List<FieldIssue>();
        if (string.IsNullOrWhiteSpace(settings.Organisation))
        {
            issues.Add(new FieldIssue("organisation", "organisation is required"));
        }

        Rules.CheckText(issues, "organisation", settings.Organisation, multiLine: false);
        if (settings.SshAccount is { } account && !Rules.IsLogin(account))
        {
            issues.Add(new FieldIssue("ssh_account", $"ssh_account must be the Unix account that takes SSH keys, {Rules.LoginRules}, found {Text.Quote(account)}"));
        }
        var objectiveIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < settings.Objectives.Count; i++)
        {
            var o = settings.Objectives[i];
            var path = $"objectives[{i}]";
            if (!Rules.IsItemId(o.Id))
            {
                issues.Add(new FieldIssue(path + ".id", $"{path}.id must be {Rules.ItemIdRules}, found {Text.Quote(o.Id)}"));
            }
            else if (!objectiveIds.Add(o.Id))
            {
                issues.Add(new FieldIssue(path + ".id", $"{path}.id {o.Id} is given twice"));
            }

            if (string.IsNullOrWhiteSpace(o.Title))
            {
                issues.Add(new FieldIssue(path + ".title", $"{path}.title is required"));
            }

            Rules.CheckText(issues, path + ".title", o.Title, multiLine: false);
            Rules.CheckText(issues, path + ".short_title", o.ShortTitle, multiLine: false);
            if (o.Tolerance is { } t && (t < 1 || t > 25))
            {
                issues.Add(new FieldIssue(path + ".tolerance", $"{path}.tolerance must be a score 1-25, found {t}"));
            }
        }

        Descriptors(issues, "scoring.impact", settings.Scoring.Impact);
        Descriptors(issues, "scoring.likelihood", settings.Scoring.Likelihood);
        Bands(issues, settings.Bands);
        var categories = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < settings.Categories.Count; i++)
        {
            Rules.CheckText(issues, $"categories[{i}]", settings.Categories[i], multiLine: false);
            if (!categories.Add(settings.Categories[i]))
            {
                issues.Add(new FieldIssue($"categories[{i}]", $"categories[{i}] {Text.Quote(settings.Categories[i])} is given twice"));
            }
        }

        People(issues, settings.People);
        Mail(issues, settings.Mail);
        for (var i = 0; i < settings.PartnerRisks.Count; i++)
        {
            var p = settings.PartnerRisks[i];
            var path = $"partner_risks[{i}]";
            if (string.IsNullOrWhiteSpace(p.Organisation))
            {
                issues.Add(new FieldIssue(path + ".organisation", $"{path}.organisation is required"));
            }

            if (string.IsNullOrWhiteSpace(p.Title))
            {
                issues.Add(new FieldIssue(path + ".title", $"{path}.title is required"));
            }

            Rules.CheckText(issues, path + ".organisation", p.Organisation, multiLine: false);
            Rules.CheckText(issues, path + ".title", p.Title, multiLine: false);
            if (p.Score < 1 || p.Score > 25)
            {
                issues.Add(new FieldIssue(path + ".score", $"{path}.score must be 1-25, found {p.Score}"));
            }
        }

        CustomFields(issues, settings.CustomFields);
        return issues;
    }

    /// <summary>The register's own fields: a key of its own that is no key of the format's, a type's choices, one declaration per key.</summary>
    private static void CustomFields(List<FieldIssue> issues, IReadOnlyList<CustomField> fields)
    {
        var builtIn = Schema.RiskSchema.BuiltIn.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var path = $"custom_fields[{i}]";
            if (field.Key.Length == 0)
            {
                issues.Add(new FieldIssue(path + ".key", $"{path}.key is required: {Rules.CustomKeyRules}") { IsMissing = true });
            }
            else if (!Rules.IsCustomKey(field.Key))
            {
                issues.Add(new FieldIssue(path + ".key", $"{path}.key must be {Rules.CustomKeyRules}, found {Text.Quote(field.Key)}"));
            }
            else if (builtIn.Contains(field.Key))
            {
                issues.Add(new FieldIssue(path + ".key", $"{path}.key {field.Key} is a key of every risk already: choose another"));
            }
            else if (!keys.Add(field.Key))
            {
                issues.Add(new FieldIssue(path + ".key", $"{path}.key {field.Key} is given twice"));
            }

            Rules.CheckText(issues, path + ".label", field.Label, multiLine: false);
            Rules.CheckText(issues, path + ".help", field.Help, multiLine: true);
            if (field.Type == CustomFieldType.Choice && field.Choices.Count == 0)
            {
                issues.Add(new FieldIssue(path + ".choices", $"{path}.choices is required for a choice: the values it takes") { IsMissing = true });
            }
            else if (field.Type != CustomFieldType.Choice && field.Choices.Count > 0)
            {
                issues.Add(new FieldIssue(path + ".choices", $"{path}.choices is only for a choice; type is {Vocabulary.Word(field.Type)}"));
            }

            var choices = new HashSet<string>(StringComparer.Ordinal);
            for (var c = 0; c < field.Choices.Count; c++)
            {
                var choice = $"{path}.choices[{c}]";
                if (string.IsNullOrWhiteSpace(field.Choices[c]))
                {
                    issues.Add(new FieldIssue(choice, $"{choice} is required") { IsMissing = true });
                }
                else if (!choices.Add(field.Choices[c]))
                {
                    issues.Add(new FieldIssue(choice, $"{choice} {Text.Quote(field.Choices[c])} is given twice"));
                }

                Rules.CheckText(issues, choice, field.Choices[c], multiLine: false);
            }
        }
    }

    private static void Descriptors(List<FieldIssue> issues, string path, IReadOnlyList<string> words)
    {
        if (words.Count != 5)
        {
            issues.Add(new FieldIssue(path, $"{path} must list exactly 5 descriptors, for 1 to 5, found {words.Count}"));
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(words[i]))
            {
                issues.Add(new FieldIssue($"{path}[{i}]", $"{path}[{i}] is required"));
            }

            Rules.CheckText(issues, $"{path}[{i}]", words[i], multiLine: false);
        }
    }

    private static void Bands(List<FieldIssue> issues, BandScheme scheme)
    {
        if (scheme.Bands.Count == 0)
        {
            issues.Add(new FieldIssue("bands", "bands must list at least one band"));
            return;
        }

        for (var i = 0; i < scheme.Bands.Count; i++)
        {
            var band = scheme.Bands[i];
            var path = $"bands[{i}]";
            if (string.IsNullOrWhiteSpace(band.Name))
            {
                issues.Add(new FieldIssue(path + ".name", $"{path}.name is required"));
            }

            if (band.Min < 1 || band.Min > 25)
            {
                issues.Add(new FieldIssue(path + ".min", $"{path}.min must be 1-25, found {band.Min}"));
            }

            if (band.Max < band.Min || band.Max > 25)
            {
                issues.Add(new FieldIssue(path + ".max", $"{path}.max must be from min ({band.Min}) to 25, found {band.Max}"));
            }
        }

        foreach (var problem in scheme.Problems())
        {
            issues.Add(new FieldIssue("bands", $"bands must give every possible score one band: {problem}"));
        }
    }

    private static void Mail(List<FieldIssue> issues, MailSettings? mail)
    {
        if (mail is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(mail.Host))
        {
            issues.Add(new FieldIssue("mail.host", "mail.host is required: the SMTP server reminders are sent through") { IsMissing = true });
        }

        if (mail.Port is < 1 or > 65535)
        {
            issues.Add(new FieldIssue("mail.port", $"mail.port must be 1-65535, found {mail.Port}"));
        }

        if (!mail.From.Contains('@', StringComparison.Ordinal))
        {
            issues.Add(new FieldIssue("mail.from", $"mail.from must be an email address, found {Text.Quote(mail.From)}") { IsMissing = mail.From.Length == 0 });
        }

        if (mail.PasswordEnv is not null && mail.PasswordFile is not null)
        {
            issues.Add(new FieldIssue("mail.password_file", "give mail.password_env or mail.password_file, not both"));
        }

        if ((mail.PasswordEnv ?? mail.PasswordFile) is not null && string.IsNullOrWhiteSpace(mail.Username))
        {
            issues.Add(new FieldIssue("mail.username", "mail.username is required with a password: the account to log in as"));
        }
    }

    private static void People(List<FieldIssue> issues, IReadOnlyList<Person> people)
    {
        var logins = new HashSet<string>(StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            var path = $"people[{i}]";
            if (!Rules.IsLogin(person.Login))
            {
                issues.Add(new FieldIssue(path + ".login", $"{path}.login must be {Rules.LoginRules}, found {Text.Quote(person.Login)}"));
            }
            else if (!logins.Add(person.Login))
            {
                issues.Add(new FieldIssue(path + ".login", $"{path}.login {person.Login} is given twice"));
            }

            if (string.IsNullOrWhiteSpace(person.Name))
            {
                issues.Add(new FieldIssue(path + ".name", $"{path}.name is required"));
            }

            Rules.CheckText(issues, path + ".name", person.Name, multiLine: false);
            Rules.CheckText(issues, path + ".email", person.Email, multiLine: false);
            Rules.CheckText(issues, path + ".job_title", person.JobTitle, multiLine: false);
            if (person.Email is { } email && !email.Contains('@', StringComparison.Ordinal))
            {
                issues.Add(new FieldIssue(path + ".email", $"{path}.email must be an email address, found {Text.Quote(email)}"));
            }

            for (var k = 0; k < person.SshKeys.Count; k++)
            {
                var at = $"{path}.ssh_keys[{k}]";
                var (key, error) = Access.SshKey.Parse(person.SshKeys[k]);
                if (key is null)
                {
                    issues.Add(new FieldIssue(at, $"{at} is not a public SSH key: {error}"));
                }
                else if (keys.TryGetValue(key.Key, out var holder))
                {
                    issues.Add(new FieldIssue(at, holder == person.Login
                        ? $"{at} is given twice"
                        : $"{at} is {holder}'s key too: a key is one person's, so that the server knows who logs in with it"));
                }
                else
                {
                    keys[key.Key] = person.Login;
                }
            }
        }
    }
}
