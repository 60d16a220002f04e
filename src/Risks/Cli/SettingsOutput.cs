using System.Globalization;
using System.Text.Json.Nodes;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Settings;

namespace Risks.Cli;

/// <summary>register.yaml's settings as readable text, as JSON with the file's keys, and the lists of objectives, people, partners' risks and custom fields.</summary>
internal static class SettingsOutput
{
    /// <summary>Every setting, section by section in the file's order.</summary>
    public static void Text(TextWriter o, RegisterSettings s)
    {
        o.WriteLine($"Organisation: {s.Organisation}");

        o.WriteLine();
        o.WriteLine(Heading("Strategic objectives", s.Objectives.Count));
        foreach (var objective in s.Objectives)
        {
            var shortTitle = objective.ShortTitle.Length > 0 ? objective.ShortTitle : Core.Domain.Text.Brief(objective.Title);
            o.WriteLine($"  {objective.Id}  {shortTitle}{(objective.Retired ? "  (retired: kept on the risks that name it, no longer offered)" : "")}");
            var indent = new string(' ', objective.Id.Length + 4);
            foreach (var line in Wrap(objective.Title, 78 - indent.Length))
            {
                o.WriteLine(indent + line);
            }

            o.WriteLine($"{indent}Appetite: {Or(Vocabulary.Phrase(objective.Appetite))}; tolerance: {Or(Number(objective.Tolerance))}");
        }

        o.WriteLine();
        o.WriteLine(Heading("People and roles", s.People.Count));
        Table(o, ["Login", "Name", "Role", "Email", "Job title"], s.People.Select(p => new[] { p.Login, p.Name, Vocabulary.Phrase(p.Role), p.Email ?? "", p.JobTitle ?? "" }), indent: "  ", header: false);

        o.WriteLine();
        o.WriteLine(s.Categories.Count == 0
            ? "Categories: none (a risk's category is free text)"
            : $"Categories: {string.Join("; ", s.Categories)}");

        o.WriteLine();
        o.WriteLine("Scoring words");
        o.WriteLine($"  Impact:      {Words(s.Scoring.Impact)}");
        o.WriteLine($"  Likelihood:  {Words(s.Scoring.Likelihood)}");

        o.WriteLine();
        o.WriteLine(Heading("RAG bands", s.Bands.Bands.Count));
        Table(o, ["Band", "Colour", "Scores"], s.Bands.Bands.Select(b => new[] { b.Name, Vocabulary.Word(b.Rag), b.Min == b.Max ? Number(b.Min) : $"{Number(b.Min)}-{Number(b.Max)}" }), indent: "  ", header: false);

        o.WriteLine();
        o.WriteLine(Heading("Partner organisations' red risks", s.PartnerRisks.Count));
        Table(o, ["No.", "Organisation", "Score", "Reported", "Title"], Partners(s), indent: "  ", header: false);
    }

    /// <summary>The objectives, one a line, with how many risks name each.</summary>
    public static void Objectives(TextWriter o, RegisterSettings s, IReadOnlyList<Risk> risks)
    {
        if (s.Objectives.Count == 0)
        {
            o.WriteLine("No strategic objectives yet: a governance lead adds one with 'risks objectives add ID --title TITLE -m REASON' (or 5 for Settings in the full-screen register).");
            return;
        }

        Table(o, ["ID", "Short title", "Appetite", "Tolerance", "Risks", "Retired"], s.Objectives.Select(obj => new[]
        {
            obj.Id,
            obj.ShortTitle.Length > 0 ? obj.ShortTitle : Core.Domain.Text.Brief(obj.Title, 44),
            Vocabulary.Phrase(obj.Appetite),
            Number(obj.Tolerance),
            Number(risks.Count(r => r.Objectives.Contains(obj.Id, StringComparer.Ordinal))),
            obj.Retired ? "retired" : "",
        }));
        var retired = s.Objectives.Count(obj => obj.Retired);
        o.WriteLine();
        o.WriteLine($"{Core.Domain.Text.Count(s.Objectives.Count, "objective")}{(retired > 0 ? $", {Number(retired)} retired" : "")}.");
        o.WriteLine("Risks: how many risks name each. 'risks settings show' gives their full titles.");
    }

    /// <summary>The register's own fields, one a line, with how many risks have a value for each.</summary>
    public static void CustomFields(TextWriter o, RegisterSettings s, IReadOnlyList<Risk> risks)
    {
        if (s.CustomFields.Count == 0)
        {
            o.WriteLine("No custom fields yet: a governance lead adds one with 'risks fields add KEY --label LABEL --type TYPE -m REASON'.");
            return;
        }

        Table(o, ["Key", "Label", "Type", "Choices", "Required for", "Paper", "Risks", "Retired"], s.CustomFields.Select(f => new[]
        {
            f.Key,
            f.Label,
            Vocabulary.Phrase(f.Type),
            string.Join(", ", f.Choices),
            Vocabulary.Phrase(f.RequiredFor),
            f.OnPaper ? "yes" : "",
            Number(risks.Count(r => r.Custom.ContainsKey(f.Key))),
            f.Retired ? "retired" : "",
        }));
        var retired = s.CustomFields.Count(f => f.Retired);
        o.WriteLine();
        o.WriteLine($"{Core.Domain.Text.Count(s.CustomFields.Count, "custom field")}{(retired > 0 ? $", {Number(retired)} retired" : "")}.");
        o.WriteLine("Risks: how many risks have a value for each, kept under custom: in their files.");
    }

    /// <summary>The people, one a line, with their roles and how many risks name them.</summary>
    public static void People(TextWriter o, RegisterSettings s, IReadOnlyList<Risk> risks)
    {
        Table(o, ["Login", "Name", "Role", "Risks", "Email", "Job title"], s.People.Select(p => new[]
        {
            p.Login,
            p.Name,
            Vocabulary.Phrase(p.Role),
            Number(risks.Count(r => SettingsImpact.Uses(r, p.Login).Any())),
            p.Email ?? "",
            p.JobTitle ?? "",
        }));
        var roles = Enum.GetValues<Role>()
            .Select(role => (role, count: s.People.Count(p => p.Role == role)))
            .Where(x => x.count > 0)
            .Select(x => Core.Domain.Text.Count(x.count, Vocabulary.Phrase(x.role)))
            .ToList();
        o.WriteLine();
        o.WriteLine($"{(s.People.Count == 1 ? "1 person" : $"{Number(s.People.Count)} people")}: {Core.Domain.Text.All(roles)}.");
        o.WriteLine("Risks: how many risks name them, as owner, lead, control or action owner, or last reviewer.");
    }

    /// <summary>The people's SSH keys (or one person's): login, name, fingerprint and comment, one key a row.</summary>
    public static void Keys(TextWriter o, RegisterSettings s, string? login)
    {
        var people = s.People.Where(p => login is null || p.Login == login).ToList();
        var rows = people.SelectMany(p => p.SshKeys.Select(line => Core.Access.SshKey.Parse(line).Key is { } key
            ? new[] { p.Login, p.Name, key.Type, key.Fingerprint, key.Comment ?? "" }
            : [p.Login, p.Name, "?", "not a key (risks check says why)", ""])).ToList();
        if (rows.Count == 0)
        {
            o.WriteLine(login is null
                ? "Nobody has an SSH key yet: a governance lead gives one with 'risks people add-key LOGIN KEY -m REASON' (see docs/server.md)."
                : $"{login} has no SSH key: a governance lead gives one with 'risks people add-key {login} KEY -m REASON'.");
            return;
        }

        Table(o, ["Login", "Name", "Type", "Fingerprint", "Comment"], rows);
    }

    /// <summary>Partner organisations' red risks, numbered as <c>risks partners edit</c> and <c>remove</c> name them.</summary>
    public static void PartnerRisks(TextWriter o, RegisterSettings s)
    {
        if (s.PartnerRisks.Count == 0)
        {
            o.WriteLine("No partner organisations' red risks yet: a governance lead adds one with 'risks partners add --organisation ORG --title TITLE --score N -m REASON'.");
            return;
        }

        Table(o, ["No.", "Organisation", "Score", "Reported", "Title"], Partners(s));
        o.WriteLine();
        o.WriteLine($"{Core.Domain.Text.Count(s.PartnerRisks.Count, "partner risk")}.");
    }

    /// <summary>The settings with register.yaml's keys and words, for scripts.</summary>
    public static JsonObject Json(RegisterSettings s) => new()
    {
        ["organisation"] = s.Organisation,
        ["objectives"] = new JsonArray([.. s.Objectives.Select(o => (JsonNode)new JsonObject
        {
            ["id"] = o.Id,
            ["title"] = o.Title,
            ["short_title"] = o.ShortTitle.Length > 0 ? o.ShortTitle : null,
            ["appetite"] = o.Appetite is { } appetite ? Vocabulary.Word(appetite) : null,
            ["tolerance"] = o.Tolerance,
            ["retired"] = o.Retired,
        })]),
        ["scoring"] = new JsonObject
        {
            ["impact"] = new JsonArray([.. s.Scoring.Impact.Select(w => (JsonNode)w)]),
            ["likelihood"] = new JsonArray([.. s.Scoring.Likelihood.Select(w => (JsonNode)w)]),
        },
        ["bands"] = new JsonArray([.. s.Bands.Bands.Select(b => (JsonNode)new JsonObject
        {
            ["name"] = b.Name,
            ["rag"] = Vocabulary.Word(b.Rag),
            ["min"] = b.Min,
            ["max"] = b.Max,
        })]),
        ["categories"] = new JsonArray([.. s.Categories.Select(c => (JsonNode)c)]),
        ["people"] = new JsonArray([.. s.People.Select(p => (JsonNode)new JsonObject
        {
            ["login"] = p.Login,
            ["name"] = p.Name,
            ["email"] = p.Email,
            ["role"] = Vocabulary.Word(p.Role),
            ["job_title"] = p.JobTitle,
            ["ssh_keys"] = new JsonArray([.. p.SshKeys.Select(k => (JsonNode)k)]),
        })]),
        ["partner_risks"] = new JsonArray([.. s.PartnerRisks.Select(p => (JsonNode)new JsonObject
        {
            ["organisation"] = p.Organisation,
            ["title"] = p.Title,
            ["score"] = p.Score,
            ["reported"] = p.Reported is { } reported ? Core.Validation.Rules.Iso(reported) : null,
        })]),
    };

    private static IEnumerable<string[]> Partners(RegisterSettings s) =>
        s.PartnerRisks.Select((p, i) => new[] { Number(i + 1), p.Organisation, Number(p.Score), Formats.Date(p.Reported), p.Title });

    private static string Heading(string title, int count) =>
        count == 0 ? $"{title}: none yet" : $"{title} ({Number(count)})";

    private static string Words(IReadOnlyList<string> words) =>
        string.Join(", ", words.Select((w, i) => $"{Number(i + 1)} {w}"));

    private static string Or(string value) => value.Length > 0 ? value : "not set";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Columns padded to their widest cell, nothing cut: these lists are read whole.</summary>
    private static void Table(TextWriter o, string[] headers, IEnumerable<string[]> cells, string indent = "", bool header = true)
    {
        var rows = cells.ToList();
        if (header)
        {
            rows.Insert(0, headers);
        }

        var widths = headers.Select((_, c) => rows.Select(r => r[c].Length).DefaultIfEmpty(0).Max()).ToArray();
        foreach (var row in rows)
        {
            o.WriteLine(indent + string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    /// <summary>A text as lines of at most <paramref name="width"/> characters, broken at spaces.</summary>
    private static IEnumerable<string> Wrap(string text, int width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    yield return line;
                    line = "";
                }

                line = line.Length == 0 ? word : line + " " + word;
            }

            yield return line;
        }
    }
}
