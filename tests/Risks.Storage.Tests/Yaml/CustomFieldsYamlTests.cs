using System.Text;
using Risks.Core.Domain;
using Risks.Storage.Tests.Git;
using Risks.Storage.Yaml;

namespace Risks.Storage.Tests.Yaml;

/// <summary>The register's own fields: under <c>custom</c> in a risk file, declared under <c>custom_fields</c> in register.yaml.</summary>
public sealed class CustomFieldsYamlTests
{
    private const string WithCustom =
        Samples.Minimal +
        "custom:\n" +
        "  cqc_domain: Well-led\n" +
        "  date_identified: 2024-03-01\n" +
        "  score_weight: 2.5\n" +
        "  sources:\n" +
        "    - Datix\n" +
        "    - Audit\n";

    private static RegisterSettings Declared(RegisterSettings settings) => settings with
    {
        CustomFields =
        [
            new CustomField { Key = "cqc_domain", Label = "CQC domain", Type = CustomFieldType.Choice, Choices = ["Safe", "Effective", "Caring", "Responsive", "Well-led"], RequiredFor = RequiredFor.Strategic, Help = "The CQC key question this risk bears on." },
            new CustomField { Key = "date_identified", Label = "Date identified", Type = CustomFieldType.Date },
            new CustomField { Key = "lead_officer", Label = "Lead officer", Type = CustomFieldType.Person },
            new CustomField { Key = "score_weight", Label = "Weight", Type = CustomFieldType.Number, OnPaper = true },
            new CustomField { Key = "sources", Label = "Sources", Type = CustomFieldType.List, Retired = true },
        ],
    };

    [Fact]
    public void Every_key_under_custom_is_read_as_text_or_a_list()
    {
        var read = RiskYaml.Read(WithCustom, Samples.File, Samples.Id);

        read.Problems.ShouldBeEmpty();
        var custom = read.Risk.ShouldNotBeNull().Custom;
        custom.Keys.ShouldBe(["cqc_domain", "date_identified", "score_weight", "sources"], ignoreOrder: true);
        custom["cqc_domain"].ShouldBe(CustomValue.Of("Well-led"));
        custom["date_identified"].ShouldBe(CustomValue.Of("2024-03-01"));
        custom["score_weight"].ShouldBe(CustomValue.Of("2.5"));
        custom["sources"].ShouldBe(CustomValue.Of(["Datix", "Audit"]));
    }

    [Fact]
    public void Custom_values_round_trip_to_the_same_bytes()
    {
        var risk = RiskYaml.Read(WithCustom, Samples.File, Samples.Id).Risk.ShouldNotBeNull();

        RiskYaml.Write(risk).ShouldBe(WithCustom);
    }

    [Fact]
    public void Custom_keys_are_written_sorted_with_numbers_and_dates_plain_and_other_texts_quoted_where_yaml_needs_it()
    {
        var risk = Samples.Operational() with
        {
            Custom = new Dictionary<string, CustomValue>(StringComparer.Ordinal)
            {
                ["zeta"] = CustomValue.Of("yes"),
                ["alpha"] = CustomValue.Of("12"),
                ["beta"] = CustomValue.Of("2025-06-30"),
                ["gamma"] = CustomValue.Of("0x1F"),
                ["delta"] = CustomValue.Of(["3", "no", "Two words"]),
                ["notes"] = CustomValue.Of("Line one\nline two"),
            },
        };

        var written = RiskYaml.Write(risk);

        written.ShouldEndWith(
            "custom:\n" +
            "  alpha: 12\n" +
            "  beta: 2025-06-30\n" +
            "  delta:\n" +
            "    - 3\n" +
            "    - \"no\"\n" +
            "    - Two words\n" +
            "  gamma: \"0x1F\"\n" +
            "  notes: |-\n" +
            "    Line one\n" +
            "    line two\n" +
            "  zeta: \"yes\"\n");
        var back = RiskYaml.Read(written, Samples.File, Samples.Id).Risk.ShouldNotBeNull();
        back.Custom.OrderBy(kv => kv.Key, StringComparer.Ordinal).ShouldBe(risk.Custom.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        RiskYaml.Write(back).ShouldBe(written);
    }

    [Fact]
    public void A_risk_without_custom_values_writes_no_custom_key()
    {
        RiskYaml.Write(Samples.Operational()).ShouldBe(Samples.Minimal);
    }

    [Fact]
    public void A_custom_value_that_is_neither_text_nor_a_list_of_texts_is_a_problem_at_its_position()
    {
        var read = RiskYaml.Read(Samples.Minimal + "custom:\n  cqc_domain:\n    nested: x\n  sources:\n    - [a]\n", Samples.File, Samples.Id);

        read.Risk.ShouldBeNull();
        read.Problems.Select(p => p.ToString()).ShouldBe(
        [
            $"{Samples.File}:13:5: custom.cqc_domain must be text or a list of texts, found a mapping",
            $"{Samples.File}:15:7: custom.sources[0] must be text, found a list",
        ]);
    }

    [Fact]
    public void Custom_values_have_positions_by_path()
    {
        var positions = RiskYaml.PositionsOf(WithCustom, Samples.File);

        positions["custom"].ShouldBe(new Position(12, 3));
        positions["custom.cqc_domain"].ShouldBe(new Position(12, 15));
        positions["custom.sources"].ShouldBe(new Position(16, 5));
        positions["custom.sources[1]"].ShouldBe(new Position(17, 7));
    }

    [Fact]
    public void An_unknown_key_still_names_the_keys_of_the_format_and_custom_is_not_unknown()
    {
        var read = RiskYaml.Read(WithCustom + "colour: red\n", Samples.File, Samples.Id);

        read.Problems.Single().Message.ShouldStartWith("unknown key \"colour\" at the top level; the keys allowed are id, kind, title, ");
    }

    [Fact]
    public void Custom_fields_in_register_yaml_round_trip()
    {
        var settings = Declared(TestRegister.DefaultSettings());

        var written = SettingsYaml.Write(settings);
        var (back, problems) = SettingsYaml.Read(Encoding.UTF8.GetBytes(written));

        problems.ShouldBeEmpty();
        back.ShouldNotBeNull().CustomFields.ShouldBe(settings.CustomFields, ignoreOrder: false, comparer: new DeclarationComparer());
        written.ShouldContain(
            "custom_fields:\n" +
            "  - key: cqc_domain\n" +
            "    label: CQC domain\n" +
            "    type: choice\n" +
            "    choices:\n" +
            "      - Safe\n" +
            "      - Effective\n" +
            "      - Caring\n" +
            "      - Responsive\n" +
            "      - Well-led\n" +
            "    required_for: strategic\n" +
            "    help: The CQC key question this risk bears on.\n" +
            "  - key: date_identified\n");
        written.ShouldContain("    type: number\n    paper: true\n");
        written.ShouldContain("    type: list\n    retired: true\n");
        SettingsYaml.Write(back).ShouldBe(written);
    }

    [Fact]
    public void The_issue_s_example_declaration_reads()
    {
        var text = SettingsYaml.Write(TestRegister.DefaultSettings()) +
            "custom_fields:\n" +
            "  - key: cqc_domain\n" +
            "    label: CQC domain\n" +
            "    type: choice            # text | long_text | date | number | choice | person | list\n" +
            "    choices: [Safe, Effective, Caring, Responsive, Well-led]\n" +
            "    required_for: strategic # optional: strategic | operational | all\n" +
            "    help: The CQC key question this risk bears on.\n";

        var (settings, problems) = SettingsYaml.Read(Encoding.UTF8.GetBytes(text));

        problems.ShouldBeEmpty();
        var field = settings.ShouldNotBeNull().CustomFields.Single();
        field.Key.ShouldBe("cqc_domain");
        field.Type.ShouldBe(CustomFieldType.Choice);
        field.Choices.ShouldBe(["Safe", "Effective", "Caring", "Responsive", "Well-led"]);
        field.RequiredFor.ShouldBe(RequiredFor.Strategic);
    }

    [Fact]
    public void Bad_declarations_are_reported_at_file_line_and_column()
    {
        var head = SettingsYaml.Write(TestRegister.DefaultSettings());
        var line = head.Split('\n').Length; // the line of "custom_fields:"
        var text = head +
            "custom_fields:\n" +
            "  - key: CQC-domain\n" +
            "    type: choice\n" +
            "  - key: owner\n" +
            "    type: text\n" +
            "    choices: [a]\n" +
            "  - key: weight\n" +
            "    type: decimal\n" +
            "  - key: weight\n" +
            "    type: number\n" +
            "    required_for: some\n" +
            "  - key: when\n" +
            "    type: date\n" +
            "    colour: red\n";

        var problems = SettingsYaml.Read(Encoding.UTF8.GetBytes(text)).Problems.Select(p => p.ToString()).ToList();

        problems.ShouldBe(
        [
            $"register.yaml:{line + 7}:11: custom_fields[2].type must be text, long_text, date, number, choice, person or list, found \"decimal\"",
            $"register.yaml:{line + 10}:19: custom_fields[3].required_for must be strategic, operational or all, found \"some\"",
            $"register.yaml:{line + 13}:5: unknown key \"colour\" in custom_fields[4]; the keys allowed are key, label, type, choices, required_for, help, paper or retired",
            $"register.yaml:{line + 1}:10: custom_fields[0].key must be lower-case letters, digits and '_', starting with a letter, such as cqc_domain, found \"CQC-domain\"",
            $"register.yaml:{line + 1}:5: custom_fields[0].choices is required for a choice: the values it takes",
            $"register.yaml:{line + 3}:10: custom_fields[1].key owner is a key of every risk already: choose another",
            $"register.yaml:{line + 5}:14: custom_fields[1].choices is only for a choice; type is text",
            $"register.yaml:{line + 8}:10: custom_fields[3].key weight is given twice",
        ]);
    }

    [Fact]
    public void Loading_reports_undeclared_keys_disallowed_values_and_missing_required_fields_at_their_positions_and_keeps_the_values()
    {
        using var register = new TestRegister(Declared(TestRegister.DefaultSettings()));
        const string path = "risks/BAF/00/BAF-07.yaml";
        var text = Samples.Minimal.Replace("kind: operational", "kind: strategic", StringComparison.Ordinal)
                .Replace("owner: rjarvis\n", "owner: rjarvis\nobjectives:\n  - SO2\n", StringComparison.Ordinal) +
            "custom:\n" +
            "  date_identified: 1 March\n" +
            "  lead_officer: nobody\n" +
            "  old_field: kept\n" +
            "  score_weight: heavy\n";
        register.WriteFile(path, text);
        var lines = text.Split('\n').ToList();
        int Line(string start) => lines.FindIndex(l => l.StartsWith(start, StringComparison.Ordinal)) + 1;

        var snapshot = register.Repo.Reader.Load();

        snapshot.Problems.Select(p => p.ToString()).ShouldBe(
        [
            $"{path}:{Line("  date_identified:")}:3: CQC domain is required for a strategic risk",
            $"{path}:{Line("  date_identified:")}:20: Date identified must be a date (YYYY-MM-DD), found \"1 March\"",
            $"{path}:{Line("  lead_officer:")}:17: Lead officer names nobody, who is not among register.yaml's people",
            $"{path}:{Line("  old_field:")}:14: custom.old_field is not one of register.yaml's custom_fields (cqc_domain, date_identified, lead_officer, score_weight or sources): declare it, or remove the value",
            $"{path}:{Line("  score_weight:")}:17: Weight must be a number, found \"heavy\"",
        ]);
        var risk = snapshot.Risks.Single().Risk;
        risk.Custom["old_field"].ShouldBe(CustomValue.Of("kept"));
        risk.Custom["score_weight"].ShouldBe(CustomValue.Of("heavy"));
    }

    [Fact]
    public void A_choice_not_among_the_choices_is_named_by_its_label()
    {
        using var register = new TestRegister(Declared(TestRegister.DefaultSettings()));
        const string path = "risks/BAF/00/BAF-07.yaml";
        register.WriteFile(path, Samples.Minimal + "custom:\n  cqc_domain: Unsafe\n");

        var snapshot = register.Repo.Reader.Load();

        snapshot.Problems.Select(p => p.ToString()).ShouldBe([$"{path}:12:15: CQC domain must be Safe, Effective, Caring, Responsive or Well-led, found \"Unsafe\""]);
        snapshot.Risks.Single().Risk.Custom["cqc_domain"].ShouldBe(CustomValue.Of("Unsafe"));
    }

    private sealed class DeclarationComparer : IEqualityComparer<CustomField>
    {
        public bool Equals(CustomField? x, CustomField? y) =>
            x is not null && y is not null && (x with { Choices = [] }) == (y with { Choices = [] }) && x.Choices.SequenceEqual(y.Choices);

        public int GetHashCode(CustomField obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
