using System.Text;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>The register's own fields on the command line: 'risks list --where', 'risks diff', 'risks blame', 'risks show' and the CSV round trip, with a CQC domain.</summary>
public sealed class CustomFieldCommandTests : RegisterTest
{
    private const string Declaration =
        "custom_fields:\n" +
        "  - key: cqc_domain\n" +
        "    label: CQC domain\n" +
        "    type: choice\n" +
        "    choices: [Safe, Effective, Caring, Responsive, Well-led]\n" +
        "    help: The CQC key question this risk bears on.\n";

    private const string Baf07 = "risks/BAF/00/BAF-07.yaml";

    public CustomFieldCommandTests()
    {
        Join();
        Append("register.yaml", Declaration);
        Append(Baf07, "custom:\n  cqc_domain: Safe\n");
        Git.Run(Register, "commit", "-qam", "BAF-07 bears on the CQC's safe domain");
        var text = FileText(Baf07).Replace("cqc_domain: Safe", "cqc_domain: Well-led", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(Register, Baf07), text, new UTF8Encoding(false));
        Git.Run(Register, "commit", "-qam", "BAF-07 is about leadership");
    }

    private void Append(string path, string text)
    {
        var file = Path.Combine(Register, path);
        var was = File.ReadAllText(file);
        File.WriteAllText(file, was + (was.EndsWith('\n') ? "" : "\n") + text, new UTF8Encoding(false));
    }

    [Fact]
    public void List_filters_on_the_register_s_own_field_by_its_path()
    {
        var result = Run("list", "--where", "custom.cqc_domain=Well-led", "--format", "csv");

        result.Code.ShouldBe(0, result.ToString());
        result.OutLines.Skip(1).Select(l => l.Split(',')[0]).ShouldBe(["BAF-07"]);
        Run("list", "--where", "custom.cqc_domain=Safe", "--format", "csv").OutLines.Length.ShouldBe(1);
    }

    [Fact]
    public void List_refuses_a_value_the_declaration_does_not_allow()
    {
        var result = Run("list", "--where", "custom.cqc_domain=Kind");

        result.Code.ShouldNotBe(0);
        result.Error.ShouldContain("custom.cqc_domain must be Safe, Effective, Caring, Responsive or Well-led, found \"Kind\"");
    }

    [Fact]
    public void Diff_and_blame_name_the_change_by_its_label()
    {
        var diff = Run("diff", "HEAD~1", "HEAD");
        diff.Code.ShouldBe(0, diff.ToString());
        diff.Out.ShouldContain("CQC domain Safe -> Well-led");

        var blame = Run("blame", "BAF-07");
        blame.Code.ShouldBe(0, blame.ToString());
        blame.Out.ShouldContain("CQC domain");
        blame.Out.ShouldContain("Well-led");
    }

    [Fact]
    public void Show_gives_the_register_s_own_fields_by_their_labels()
    {
        Run("show", "BAF-07").Out.ShouldContain("CQC domain:    Well-led");
    }

    [Fact]
    public void An_export_imported_again_changes_nothing_and_keeps_the_value()
    {
        var export = Run("export");
        export.Code.ShouldBe(0, export.ToString());
        var header = export.OutLines[0];
        header.ShouldContain("next_review,custom.cqc_domain,current_score");
        File.WriteAllText(Temp.Combine("export.csv"), export.Out, new UTF8Encoding(false));
        var commits = Git.CommitCount(Register);

        var imported = Run("import", "../export.csv");

        imported.Code.ShouldBe(0, imported.ToString());
        Git.CommitCount(Register).ShouldBe(commits);
        FileText(Baf07).ShouldContain("custom:\n  cqc_domain: Well-led\n");
    }

    [Fact]
    public void An_import_of_a_value_the_declaration_does_not_allow_names_the_file_row_and_column()
    {
        var csv = Run("export").Out.Replace(",Well-led,", ",Kind,", StringComparison.Ordinal);
        File.WriteAllText(Temp.Combine("bad.csv"), csv, new UTF8Encoding(false));

        var result = Run("import", "../bad.csv");

        result.Code.ShouldNotBe(0);
        result.Error.ShouldContain("bad.csv");
        result.Error.ShouldContain("column \"custom.cqc_domain\"");
        result.Error.ShouldContain("CQC domain must be Safe, Effective, Caring, Responsive or Well-led, found \"Kind\"");
    }
}
