using System.Text.Json;
using Risks.Core.Domain;
using Risks.Core.Exchange;

namespace Risks.Core.Tests.Exchange;

/// <summary>The register's own fields in spreadsheets: a column each, after the built-in fields and before the derived ones, read back on import.</summary>
public sealed class CustomFieldCellsTests
{
    private static readonly RegisterSettings Settings = Samples.Settings() with
    {
        CustomFields =
        [
            new CustomField { Key = "cqc_domain", Label = "CQC domain", Type = CustomFieldType.Choice, Choices = ["Safe", "Effective", "Caring", "Responsive", "Well-led"] },
            new CustomField { Key = "identified", Label = "Date identified", Type = CustomFieldType.Date },
            new CustomField { Key = "sources", Label = "Sources", Type = CustomFieldType.List },
        ],
    };

    private static readonly Risk[] Registered = [Samples.Operational("CRR-018"), Samples.Operational("BAF-01") with { Owner = "etimpson" }];

    private static Risk WithCustom() => Samples.Inequalities() with
    {
        Custom = new Dictionary<string, CustomValue>(StringComparer.Ordinal)
        {
            ["cqc_domain"] = CustomValue.Of("Well-led"),
            ["identified"] = CustomValue.Of("2025-03-13"),
            ["sources"] = CustomValue.Of(["Audit", "Datix"]),
        },
    };

    private static Dictionary<string, string> Cells(Risk risk) =>
        RiskCells.ColumnsFor(Settings).Zip(RiskCells.Row(risk, Settings, Samples.Today)).ToDictionary(p => p.First, p => p.Second);

    [Fact]
    public void The_built_in_columns_are_as_they_were()
    {
        RiskCells.FieldColumns.ShouldBe(
        [
            "id", "kind", "title", "narrative.cause", "narrative.event", "narrative.effect", "key_elements", "category", "status",
            "closure.date", "closure.rationale", "closure.merged_into", "owner", "leads", "lead_remits", "directorate", "committees", "objectives",
            "linked_risks", "external_refs", "not_on_baf",
            "inherent.impact", "inherent.likelihood", "inherent.rationale",
            "current.impact", "current.likelihood", "current.rationale",
            "target.impact", "target.likelihood", "target.rationale",
            "target_date", "response", "performance", "trajectory", "tolerance_acceptance.date", "tolerance_acceptance.by", "tolerance_acceptance.reason", "controls", "gaps", "assurances", "actions",
            "last_reviewed.date", "last_reviewed.by", "next_review",
        ]);
    }

    [Fact]
    public void Each_of_the_register_s_own_fields_has_a_column_after_the_built_in_ones_and_before_the_derived_ones()
    {
        var columns = RiskCells.ColumnsFor(Settings);

        columns.ShouldBe([.. RiskCells.FieldColumns, "custom.cqc_domain", "custom.identified", "custom.sources", .. RiskCells.DerivedColumns]);
        RiskCells.Row(WithCustom(), Settings, Samples.Today).Count.ShouldBe(columns.Count);
        var cells = Cells(WithCustom());
        (cells["custom.cqc_domain"], cells["custom.identified"], cells["custom.sources"]).ShouldBe(("Well-led", "2025-03-13", "Audit\nDatix"));
    }

    [Fact]
    public void A_risk_with_its_own_fields_exported_and_read_back_is_the_same_risk()
    {
        var risk = WithCustom();

        var read = RiskImport.Read(RiskCells.ColumnsFor(Settings), [new ImportRow(2, Cells(risk))], ImportMap.ExportFor(Settings), Settings, Registered);

        read.Problems.ShouldBeEmpty();
        JsonSerializer.Serialize(read.Risks.Single().Risk.Custom).ShouldBe(JsonSerializer.Serialize(risk.Custom));
    }

    [Fact]
    public void A_value_the_declaration_does_not_allow_is_a_problem_naming_the_row_and_column()
    {
        var cells = Cells(WithCustom());
        cells["custom.cqc_domain"] = "Kind";

        var read = RiskImport.Read(RiskCells.ColumnsFor(Settings), [new ImportRow(2, cells)], ImportMap.ExportFor(Settings), Settings, Registered);

        read.Risks.ShouldBeEmpty();
        var problem = read.Problems.ShouldHaveSingleItem();
        problem.ToString().ShouldBe("row 2, column \"custom.cqc_domain\" (custom.cqc_domain): CQC domain must be Safe, Effective, Caring, Responsive or Well-led, found \"Kind\"");
    }

    [Fact]
    public void An_empty_cell_clears_the_value_and_a_missing_column_keeps_it()
    {
        var registered = WithCustom();
        var cells = new Dictionary<string, string> { ["id"] = "BAF-07", ["custom.cqc_domain"] = "" };

        var risk = RiskImport.Read(["id", "custom.cqc_domain"], [new ImportRow(2, cells)], ImportMap.ExportFor(Settings), Settings, [registered, .. Registered]).Risks.Single().Risk;

        risk.Custom.Keys.Order().ShouldBe(["identified", "sources"]);
    }
}
