using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Storage.Yaml;

/// <summary><c>register.yaml</c>, both ways.</summary>
public static class SettingsYaml
{
    public const string FileName = "register.yaml";

    public static string Write(RegisterSettings s) => YamlWriter.Document(w =>
    {
        w.Text("organisation", s.Organisation);
        w.Items("objectives", s.Objectives, (m, o) =>
        {
            m.Text("id", o.Id);
            m.Text("title", o.Title);
            m.Text("short_title", o.ShortTitle);
            m.Choice("appetite", o.Appetite);
            m.Int("tolerance", o.Tolerance);
            m.Bool("retired", o.Retired);
        });
        w.Mapping("scoring", true, m =>
        {
            m.Texts("impact", s.Scoring.Impact);
            m.Texts("likelihood", s.Scoring.Likelihood);
        });
        w.Items("bands", s.Bands.Bands, (m, b) =>
        {
            m.Text("name", b.Name);
            m.Choice<Rag>("rag", b.Rag);
            m.Int("min", b.Min);
            m.Int("max", b.Max);
        });
        w.Texts("categories", s.Categories);
        w.Items("people", s.People, (m, p) =>
        {
            m.Text("login", p.Login);
            m.Text("name", p.Name);
            m.Text("email", p.Email);
            m.Choice<Role>("role", p.Role);
            m.Text("job_title", p.JobTitle);
            m.Bool("signs_off", p.SignsOff);
            m.Texts("ssh_keys", p.SshKeys);
        });
        w.Items("partner_risks", s.PartnerRisks, (m, p) =>
        {
            m.Text("organisation", p.Organisation);
            m.Text("title", p.Title);
            m.Int("score", p.Score);
            m.Date("reported", p.Reported);
            m.Text("source", p.Source);
        });
        w.Items("custom_fields", s.CustomFields, (m, f) =>
        {
            m.Text("key", f.Key);
            m.Text("label", f.Label);
            m.Choice<CustomFieldType>("type", f.Type);
            m.Texts("choices", f.Choices);
            m.Choice("required_for", f.RequiredFor);
            m.Text("help", f.Help);
            m.Bool("paper", f.OnPaper);
            m.Bool("retired", f.Retired);
        });
        w.Bool("require_sign_off", s.RequireSignOff);
        w.Text("ssh_account", s.SshAccount);
        w.Mapping("mail", s.Mail is not null, m =>
        {
            var mail = s.Mail!;
            m.Text("host", mail.Host);
            m.Int("port", mail.Port);
            m.Choice<MailSecurity>("security", mail.Security);
            m.Text("from", mail.From);
            m.Text("username", mail.Username);
            m.Text("password_env", mail.PasswordEnv);
            m.Text("password_file", mail.PasswordFile);
        });
        w.Mapping("baf_check", !s.BafCheck.IsDefault, m =>
        {
            m.Bool("on_push", s.BafCheck.OnPush);
            m.Mapping("rules", s.BafCheck.Rules.Count > 0, rules =>
            {
                // In the order the rules are declared, so a file written twice is the same.
                foreach (var rule in BafCheck.Rules.Where(rule => s.BafCheck.Rules.ContainsKey(rule.Id)))
                {
                    rules.Word(rule.Id, Vocabulary.Word(s.BafCheck.Rules[rule.Id]));
                }
            });
        });
    });

    /// <summary>
    /// The last file read, by its name and bytes: a command reads register.yaml as the work tree holds it and as
    /// committed (who may write is judged by that), most often the same bytes, and more than once; reading and
    /// checking them was a tenth of <c>risks set</c>'s work each time.
    /// </summary>
    private static volatile ReadBefore? s_last;

    /// <summary>Reads <c>register.yaml</c>; the settings are null when the file cannot be used.</summary>
    public static (RegisterSettings? Settings, IReadOnlyList<Problem> Problems) Read(ReadOnlySpan<byte> bytes, string file = FileName)
    {
        if (s_last is { } last && last.File == file && bytes.SequenceEqual(last.Bytes))
        {
            return (last.Settings, last.Problems);
        }

        var (settings, problems) = ReadAnew(bytes, file);
        Problem[] kept = [.. problems];
        s_last = new ReadBefore(file, bytes.ToArray(), settings, kept);
        return (settings, kept);
    }

    private sealed record ReadBefore(string File, byte[] Bytes, RegisterSettings? Settings, Problem[] Problems);

    private static (RegisterSettings? Settings, IReadOnlyList<Problem> Problems) ReadAnew(ReadOnlySpan<byte> bytes, string file)
    {
        var problems = new List<Problem>();
        var text = SafeText.Decode(bytes, file, problems);
        var tree = text is null ? null : YamlTreeReader.Read(text, file, problems);
        if (tree is null)
        {
            return (null, problems);
        }

        var map = new Dictionary<string, Position>(StringComparer.Ordinal);
        var r = NodeReader.Root(tree, file, problems, map);
        if (r is null)
        {
            return (null, problems);
        }

        var scoring = r.Mapping("scoring");
        var settings = new RegisterSettings
        {
            Organisation = r.Text("organisation") ?? "",
            Objectives = r.Items("objectives").Select(o => o.Finish(new Objective
            {
                Id = o.Text("id") ?? "",
                Title = o.Text("title") ?? "",
                ShortTitle = o.Text("short_title") ?? "",
                Appetite = o.Choice<Appetite>("appetite"),
                Tolerance = o.Int("tolerance"),
                Retired = o.Bool("retired") ?? false,
            })).ToList(),
            Scoring = scoring is null
                ? Missing(r, "scoring", ScoringMatrix.Default)
                : scoring.Finish(new ScoringMatrix(scoring.Texts("impact"), scoring.Texts("likelihood"))),
            Bands = new BandScheme(r.Items("bands").Select(b => b.Finish(new Band(
                b.Text("name") ?? "",
                b.Choice<Rag>("rag") ?? Missing(b, "rag", Rag.Red),
                b.Int("min") ?? Missing(b, "min", 0),
                b.Int("max") ?? Missing(b, "max", 0)))).ToList()),
            Categories = r.Texts("categories"),
            People = r.Items("people").Select(p => p.Finish(new Person
            {
                Login = p.Text("login") ?? "",
                Name = p.Text("name") ?? "",
                Email = p.Text("email"),
                Role = p.Choice<Role>("role") ?? Missing(p, "role", Role.Reviewer),
                JobTitle = p.Text("job_title"),
                SignsOff = p.Bool("signs_off") ?? false,
                SshKeys = p.Texts("ssh_keys"),
            })).ToList(),
            PartnerRisks = r.Items("partner_risks").Select(p => p.Finish(new PartnerRisk
            {
                Organisation = p.Text("organisation") ?? "",
                Title = p.Text("title") ?? "",
                Score = p.Int("score") ?? Missing(p, "score", 0),
                Reported = p.Date("reported"),
                Source = p.Text("source"),
            })).ToList(),
            CustomFields = r.Items("custom_fields").Select(f => f.Finish(new CustomField
            {
                Key = f.Text("key") ?? "",
                Label = f.Text("label") ?? "",
                Type = f.Choice<CustomFieldType>("type") ?? Missing(f, "type", CustomFieldType.Text, Vocabulary.Choices<CustomFieldType>()),
                Choices = f.Texts("choices"),
                RequiredFor = f.Choice<RequiredFor>("required_for"),
                Help = f.Text("help"),
                OnPaper = f.Bool("paper") ?? false,
                Retired = f.Bool("retired") ?? false,
            })).ToList(),
        };
        settings = settings with { BafCheck = ReadBafCheck(r), Mail = ReadMail(r), RequireSignOff = r.Bool("require_sign_off") ?? false, SshAccount = r.Text("ssh_account") };
        r.Finish();
        foreach (var issue in SettingsValidator.Validate(settings))
        {
            problems.Add(RiskYaml.Locate(file, map, issue));
        }

        return (problems.Count == 0 ? settings : null, problems);
    }

    /// <summary><c>mail</c>: the SMTP server reminders go through, or null when there is none.</summary>
    private static MailSettings? ReadMail(NodeReader r)
    {
        if (r.Mapping("mail") is not { } m)
        {
            return null;
        }

        return m.Finish(new MailSettings
        {
            Host = m.Text("host") ?? "",
            Port = m.Int("port") ?? 587,
            Security = m.Choice<MailSecurity>("security") ?? MailSecurity.Starttls,
            From = m.Text("from") ?? "",
            Username = m.Text("username"),
            PasswordEnv = m.Text("password_env"),
            PasswordFile = m.Text("password_file"),
        });
    }

    /// <summary><c>baf_check</c>: whether a push must pass, and each rule's severity where the register sets one; an unknown rule is a problem at its key.</summary>
    private static BafCheckSettings ReadBafCheck(NodeReader r)
    {
        if (r.Mapping("baf_check") is not { } check)
        {
            return new BafCheckSettings();
        }

        var severities = new Dictionary<string, RuleSeverity>(StringComparer.Ordinal);
        if (check.Mapping("rules") is { } rules)
        {
            foreach (var key in rules.Keys)
            {
                if (BafCheck.Find(key) is null)
                {
                    rules.Problem(key, $"there is no BAF rule {Text.Quote(key)}; the rules are {Text.OneOf([.. BafCheck.Rules.Select(x => x.Id)])}");
                }
                else if (rules.Choice<RuleSeverity>(key) is { } severity)
                {
                    severities[key] = severity;
                }
            }
        }

        return check.Finish(new BafCheckSettings { OnPush = check.Bool("on_push") ?? false, Rules = severities });
    }

    private static T Missing<T>(NodeReader reader, string key, T fallback, string what = "")
    {
        reader.Require(key, what);
        return fallback;
    }
}
