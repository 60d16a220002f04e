using Risks.Core.Schema;
using Risks.Tests.Support;

namespace Risks.Tests.Docs;

public sealed class FormatDocTests
{
    [Fact]
    public void Docs_format_md_has_the_table_of_fields_written_from_the_schema()
    {
        var file = Path.Combine(Paths.RepoRoot, "docs", "format.md");
        var current = File.ReadAllText(file);
        var expected = FieldTable.Into(current);
        if (Environment.GetEnvironmentVariable("RISKS_WRITE_DOCS") == "1")
        {
            File.WriteAllText(file, expected);
            current = expected;
        }

        current.ShouldBe(expected, "docs/format.md's table of fields is stale: run the tests with RISKS_WRITE_DOCS=1 to write it from the schema");
    }

    [Fact]
    public void Docs_format_md_has_the_table_of_baf_rules_written_from_the_rules()
    {
        var file = Path.Combine(Paths.RepoRoot, "docs", "format.md");
        var current = File.ReadAllText(file);
        var expected = Risks.Core.Validation.BafCheck.IntoDocument(current);
        if (Environment.GetEnvironmentVariable("RISKS_WRITE_DOCS") == "1")
        {
            File.WriteAllText(file, expected);
            current = expected;
        }

        current.ShouldBe(expected, "docs/format.md's table of BAF rules is stale: run the tests with RISKS_WRITE_DOCS=1 to write it from the rules");
    }

    [Fact]
    public void Every_field_of_the_schema_is_in_the_table()
    {
        var table = FieldTable.Markdown();
        foreach (var field in RiskSchema.Flatten(RiskSchema.BuiltIn))
        {
            table.ShouldContain($"| `{field.Path}` |");
        }
    }
}
