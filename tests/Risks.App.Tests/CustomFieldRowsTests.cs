using Risks.Core.Domain;
using Risks.Core.Settings;

namespace Risks.App.Tests;

/// <summary>The register's own fields on the risk screen (a row each, edited by its type) and declared through <see cref="SettingsEdit"/>.</summary>
public sealed class CustomFieldRowsTests
{
    private static readonly RegisterSettings Settings = new()
    {
        People = [new Person { Login = "kbonney", Name = "Kate Bonney", Role = Role.RiskOwner }],
        CustomFields =
        [
            new CustomField { Key = "cqc_domain", Label = "CQC domain", Type = CustomFieldType.Choice, Choices = ["Safe", "Effective", "Caring", "Responsive", "Well-led"], Help = "The CQC key question." },
            new CustomField { Key = "identified", Label = "Date identified", Type = CustomFieldType.Date },
            new CustomField { Key = "cost", Label = "Cost", Type = CustomFieldType.Number },
            new CustomField { Key = "sponsor", Label = "Sponsor", Type = CustomFieldType.Person },
            new CustomField { Key = "sources", Label = "Sources", Type = CustomFieldType.List },
            new CustomField { Key = "notes", Label = "Notes", Type = CustomFieldType.LongText },
            new CustomField { Key = "old", Label = "Old field", Type = CustomFieldType.Text, Retired = true },
        ],
    };

    private static readonly Risk Risk = new() { Id = RiskId.Parse("CRR-001"), Title = "Staffing", Owner = "kbonney" };

    private static Risk Set(Risk risk, string path, string input)
    {
        var (changed, error) = RiskFields.Set(risk, path, input, Settings);
        error.ShouldBeNull();
        return changed!;
    }

    [Fact]
    public void Each_declared_field_has_a_row_under_the_registers_own_fields_edited_by_its_type()
    {
        var rows = RiskFields.Rows(Risk, Settings, []);
        var custom = rows.SkipWhile(r => r.Path != "custom").ToList();

        (custom[0].Label, custom[0].Kind).ShouldBe(("Register's own fields", FieldKind.Heading));
        custom.Skip(1).Select(r => (r.Path, r.Label, r.Kind)).ShouldBe([
            ("custom.cqc_domain", "CQC domain", FieldKind.Choice),
            ("custom.identified", "Date identified", FieldKind.Date),
            ("custom.cost", "Cost", FieldKind.Text),
            ("custom.sponsor", "Sponsor", FieldKind.Choice),
            ("custom.sources", "Sources", FieldKind.Lines),
            ("custom.notes", "Notes", FieldKind.LongText),
        ]);
        custom[1].Choices.Select(c => c.Label).ShouldBe(["(none)", "Safe", "Effective", "Caring", "Responsive", "Well-led"]);
        custom[1].Help.ShouldBe("The CQC key question.");
        custom[1].FullLabel.ShouldBe("CQC domain");
        custom[4].Choices.Select(c => c.Value).ShouldBe(["", "kbonney"]);
    }

    [Fact]
    public void Values_are_set_by_type_and_a_blank_clears_them()
    {
        var risk = Set(Risk, "custom.cqc_domain", "well-led");
        risk = Set(risk, "custom.identified", "13 Mar 2025");
        risk = Set(risk, "custom.cost", "1250.50");
        risk = Set(risk, "custom.sponsor", "kbonney");
        risk = Set(risk, "custom.sources", "Datix\n\n Audit ");
        risk = Set(risk, "custom.notes", "Line one\nLine two");

        risk.Custom["cqc_domain"].ShouldBe(CustomValue.Of("Well-led"));
        risk.Custom["identified"].ShouldBe(CustomValue.Of("2025-03-13"));
        risk.Custom["cost"].ShouldBe(CustomValue.Of("1250.50"));
        risk.Custom["sponsor"].ShouldBe(CustomValue.Of("kbonney"));
        risk.Custom["sources"].ShouldBe(CustomValue.Of(["Datix", "Audit"]));
        risk.Custom["notes"].ShouldBe(CustomValue.Of("Line one\nLine two"));
        var rows = RiskFields.Rows(risk, Settings, []);
        rows.Single(r => r.Path == "custom.identified").Value.ShouldBe("13 Mar 2025");
        rows.Single(r => r.Path == "custom.sponsor").Value.ShouldBe("Kate Bonney");
        rows.Single(r => r.Path == "custom.sources").Value.ShouldBe("Datix; Audit");

        Set(risk, "custom.cqc_domain", " ").Custom.ContainsKey("cqc_domain").ShouldBeFalse();
        Set(risk, "custom.sources", "").Custom.ContainsKey("sources").ShouldBeFalse();
    }

    [Fact]
    public void A_value_the_field_does_not_take_is_refused_naming_the_field()
    {
        RiskFields.Set(Risk, "custom.cqc_domain", "Kind", Settings).Error.ShouldBe("CQC domain must be Safe, Effective, Caring, Responsive or Well-led, found \"Kind\"");
        RiskFields.Set(Risk, "custom.identified", "soon", Settings).Error!.ShouldStartWith("Date identified must be a date");
        RiskFields.Set(Risk, "custom.cost", "lots", Settings).Error.ShouldBe("Cost must be a number, found \"lots\"");
    }

    [Fact]
    public void Undeclared_keys_are_shown_marked_so_they_can_be_cleared_and_retired_fields_only_where_set()
    {
        var risk = Risk with { Custom = new Dictionary<string, CustomValue> { ["colour"] = CustomValue.Of("red"), ["old"] = CustomValue.Of("kept") } };

        var rows = RiskFields.Rows(risk, Settings, []);
        rows.Single(r => r.Path == "custom.colour").Label.ShouldBe("Colour (not declared)");
        rows.Single(r => r.Path == "custom.old").Label.ShouldBe("Old field (retired)");
        RiskFields.Rows(Risk, Settings, []).ShouldNotContain(r => r.Path == "custom.old");
        Set(risk, "custom.colour", "").Custom.Keys.ShouldBe(["old"]);
    }

    [Fact]
    public void Every_custom_row_can_be_set_to_its_own_value()
    {
        var risk = Set(Set(Set(Risk, "custom.cqc_domain", "Safe"), "custom.sources", "Datix\nAudit"), "custom.identified", "2025-03-13");
        foreach (var row in RiskFields.Rows(risk, Settings, []).Where(r => r.IsEditable && r.Path.StartsWith("custom.", StringComparison.Ordinal)))
        {
            RiskFields.Set(risk, row.Path, row.Raw, Settings).Risk!.Custom.ShouldBe(risk.Custom, row.Path);
        }
    }

    [Fact]
    public void A_register_with_no_fields_of_its_own_shows_no_heading_for_them()
    {
        RiskFields.Rows(Risk, new RegisterSettings(), []).ShouldNotContain(r => r.Path.StartsWith("custom", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_declare_a_field_starting_with_its_type_and_change_its_choices_one_at_a_time()
    {
        var s = Apply(new RegisterSettings(), "custom_fields[cqc_domain].type=choice", "custom_fields[cqc_domain].label=CQC domain", "custom_fields[cqc_domain].choices=Safe, Effective,Caring", "custom_fields[cqc_domain].choices+=Well-led", "custom_fields[cqc_domain].choices-=caring", "custom_fields[cqc_domain].required_for=strategic", "custom_fields[cqc_domain].paper=yes");

        s.CustomFields.ShouldBe([new CustomField { Key = "cqc_domain", Label = "CQC domain", Type = CustomFieldType.Choice, Choices = ["Safe", "Effective", "Well-led"], RequiredFor = RequiredFor.Strategic, OnPaper = true }], new CustomFieldComparer());
        SettingsComparer.Compare(new RegisterSettings(), s).Single().Description.ShouldBe("custom field cqc_domain added: CQC domain");
        SettingsEdit.Apply(new RegisterSettings(), "custom_fields[cqc_domain].label=CQC").Error.ShouldStartWith("there is no custom field cqc_domain: a new field starts with its type");
        SettingsEdit.Apply(new RegisterSettings(), "custom_fields[CQC].type=text").Error.ShouldStartWith("a field's key must be lower case letters");
        SettingsEdit.Apply(s, "custom_fields[cqc_domain].type=colour").Error.ShouldBe("custom_fields[cqc_domain].type must be text, long_text, date, number, choice, person or list, found \"colour\"");
        SettingsEdit.Apply(s, "custom_fields[cqc_domain].label+=x").Error!.ShouldStartWith("+= adds to or takes from a list");
        var changed = Apply(s, "custom_fields[cqc_domain].label=CQC key question", "custom_fields[cqc_domain].choices+=Caring", "custom_fields[cqc_domain].retired=yes");
        SettingsComparer.Compare(s, changed).Select(c => c.Description).ShouldBe([
            "custom field cqc_domain label CQC domain -> CQC key question",
            "custom field cqc_domain choice Caring added",
            "custom field cqc_domain retired",
        ]);
    }

    [Fact]
    public void Removing_a_field_risks_hold_values_for_is_refused_naming_them()
    {
        var s = Apply(new RegisterSettings(), "custom_fields[cqc_domain].type=choice", "custom_fields[cqc_domain].label=CQC domain");
        var holding = Risk with { Custom = new Dictionary<string, CustomValue> { ["cqc_domain"] = CustomValue.Of("Safe") } };
        var removed = Apply(s, "custom_fields[cqc_domain]=");

        removed.CustomFields.ShouldBeEmpty();
        SettingsImpact.Problems(s, removed, [holding, Risk]).ShouldBe(["custom field cqc_domain (CQC domain) has values on CRR-001: retire it instead (the values stay on those risks but it is no longer offered), or clear it on them first"]);
        SettingsImpact.Problems(s, removed, [Risk]).ShouldBeEmpty();
        SettingsImpact.Problems(s, Apply(s, "custom_fields[cqc_domain].retired=yes"), [holding]).ShouldBeEmpty();
    }

    private static RegisterSettings Apply(RegisterSettings settings, params string[] changes)
    {
        foreach (var change in changes)
        {
            var (changed, error) = SettingsEdit.Apply(settings, change);
            error.ShouldBeNull(change);
            settings = changed!;
        }

        return settings;
    }

    private sealed class CustomFieldComparer : IEqualityComparer<CustomField>
    {
        public bool Equals(CustomField? x, CustomField? y) =>
            x is not null && y is not null && x with { Choices = [] } == y with { Choices = [] } && x.Choices.SequenceEqual(y.Choices);

        public int GetHashCode(CustomField obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
