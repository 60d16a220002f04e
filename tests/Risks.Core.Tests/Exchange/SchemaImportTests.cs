using Risks.Core.Domain;
using Risks.Core.Exchange;
using Risks.Core.Schema;
using Risks.Core.Validation;

namespace Risks.Core.Tests.Exchange;

/// <summary>
/// The import reads every field of the schema that has a column, with no code of its own for the
/// field: a risk with every field filled, exported as a row and imported as a new risk, has every
/// field as it was. A field added to the schema is covered once the test's risk fills it.
/// </summary>
public sealed class SchemaImportTests
{
    /// <summary>The register with one of its own fields of each type.</summary>
    private static readonly RegisterSettings Settings = Samples.Settings() with
    {
        CustomFields =
        [
            new CustomField { Key = "note", Label = "Note", Type = CustomFieldType.Text },
            new CustomField { Key = "history", Label = "History", Type = CustomFieldType.LongText },
            new CustomField { Key = "identified", Label = "Date identified", Type = CustomFieldType.Date },
            new CustomField { Key = "cost", Label = "Cost", Type = CustomFieldType.Number },
            new CustomField { Key = "cqc_domain", Label = "CQC domain", Type = CustomFieldType.Choice, Choices = ["Safe", "Effective", "Well-led"] },
            new CustomField { Key = "sponsor", Label = "Sponsor", Type = CustomFieldType.Person },
            new CustomField { Key = "sources", Label = "Sources", Type = CustomFieldType.List },
        ],
    };

    /// <summary>Risks already in the register, so the risk's links hold; not the risk itself, which the import makes new.</summary>
    private static readonly Risk[] Registered = [Samples.Operational("CRR-018"), Samples.Operational("BAF-01") with { Owner = "etimpson" }];

    private static Risk Filled() => RiskImportTests.Full() with
    {
        Custom = new Dictionary<string, CustomValue>(StringComparer.Ordinal)
        {
            ["note"] = CustomValue.Of("Raised at the March board."),
            ["history"] = CustomValue.Of("First seen in 2023.\nReviewed in 2024."),
            ["identified"] = CustomValue.Of("2025-03-13"),
            ["cost"] = CustomValue.Of("1500"),
            ["cqc_domain"] = CustomValue.Of("Well-led"),
            ["sponsor"] = CustomValue.Of("kbonney"),
            ["sources"] = CustomValue.Of(["Audit", "Datix"]),
        },
    };

    [Fact]
    public void Every_field_with_a_column_is_read_back_by_the_import_as_it_was_exported()
    {
        var risk = Filled();
        var columns = RiskCells.ColumnsFor(Settings);
        var row = new ImportRow(2, columns.Zip(RiskCells.Row(risk, Settings, Samples.Today)).ToDictionary(p => p.First, p => p.Second));

        var read = RiskImport.Read(columns, [row], ImportMap.ExportFor(Settings), Settings, Registered);

        read.Problems.ShouldBeEmpty();
        var back = read.Risks.ShouldHaveSingleItem().Risk;
        var fields = RiskCells.ColumnFields(Settings);
        fields.Select(f => f.Path).ShouldBe(RiskSchema.Flatten(RiskSchema.For(Settings)).Where(f => f.Column is not null).Select(f => f.Path));
        foreach (var field in fields)
        {
            var before = Value(field, risk);
            before.ShouldNotBeEmpty($"fill {field.Path} in the test's risk, so that the test shows the import reads it");
            Value(field, back).ShouldBe(before, $"{field.Path} read back");
        }
    }

    /// <summary>A field's value on a risk through the schema's Get, as text; a list of items each part of each item, every part filled in some item.</summary>
    private static string Value(Field field, Risk risk)
    {
        var parent = FieldPath.Parent(field.Path);
        var owner = parent.Length == 0 ? risk : RiskSchema.Find(parent, Settings)!.Get(risk);
        if (owner is null)
        {
            return "";
        }

        if (field.Type != FieldType.Items)
        {
            return field.IsList ? string.Join("\n", field.List(owner)) : field.Text(owner) ?? "";
        }

        var items = field.ItemsOf(owner);
        foreach (var part in field.Parts)
        {
            items.ShouldContain(item => part.Get(item) != null, $"fill {field.Path}[].{part.Key} in one of the test's {field.Key}");
        }

        return string.Join("\n", items.Select(item => string.Join(" | ", field.Parts.Select(p => $"{p.Key}={p.Text(item)}"))));
    }
}
