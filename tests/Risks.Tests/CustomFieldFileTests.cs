using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>The register's own fields through the command line: <c>risks set</c> and <c>risks check</c>.</summary>
public sealed class CustomFieldFileTests : RegisterTest
{
    private const string Baf07 = SampleRegister.Baf07;

    private const string Declaration =
        "custom_fields:\n" +
        "  - key: cqc_domain\n" +
        "    label: CQC domain\n" +
        "    type: choice\n" +
        "    choices: [Safe, Effective, Caring, Responsive, Well-led]\n" +
        "    help: The CQC key question this risk bears on.\n";

    private void Declare()
    {
        Join();
        File.AppendAllText(Path.Combine(Register, "register.yaml"), Declaration);
        Git.Run(Register, "commit", "-qm", "Declare the CQC domain", "--", "register.yaml");
    }

    [Fact]
    public void Set_of_a_declared_custom_field_saves_it_under_custom()
    {
        Declare();

        var result = Run("set", "BAF-07", "custom.cqc_domain=Safe", "-m", "CQC domain agreed");

        result.Code.ShouldBe(0, result.ToString());
        FileText(Baf07).ShouldEndWith("custom:\n  cqc_domain: Safe\n");
        Git.Status(Register).ShouldBeEmpty();
        Run("check").Code.ShouldBe(0);
    }

    [Fact]
    public void Set_takes_a_choice_as_a_person_types_it()
    {
        Declare();

        var result = Run("set", "BAF-07", "custom.cqc_domain=well-led", "-m", "CQC domain agreed");

        result.Code.ShouldBe(0, result.ToString());
        FileText(Baf07).ShouldEndWith("custom:\n  cqc_domain: Well-led\n");
    }

    [Fact]
    public void Set_of_a_mistyped_custom_field_names_the_fields_allowed_and_changes_nothing()
    {
        Declare();
        var before = FileBytes(Baf07);

        var result = Run("set", "BAF-07", "custom.cqc_domian=Safe", "-m", "x");

        result.Code.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("unknown key \"cqc_domian\" in custom; the keys allowed are cqc_domain");
        FileBytes(Baf07).ShouldBe(before);
    }

    [Fact]
    public void Set_of_a_value_the_declaration_does_not_allow_is_refused()
    {
        Declare();
        var before = FileBytes(Baf07);

        var result = Run("set", "BAF-07", "custom.cqc_domain=Unsafe", "-m", "x");

        result.Code.ShouldNotBe(0, result.ToString());
        result.Error.ShouldContain("CQC domain must be Safe, Effective, Caring, Responsive or Well-led, found \"Unsafe\"");
        FileBytes(Baf07).ShouldBe(before);
    }

    [Fact]
    public void Check_reports_an_undeclared_key_and_a_disallowed_value_at_file_line_and_column()
    {
        Declare();
        var text = FileText(Baf07) + "custom:\n  colour: red\n  cqc_domain: Unsafe\n";
        File.WriteAllText(Path.Combine(Register, Baf07), text);
        var lines = text.Split('\n').ToList();
        var colour = lines.IndexOf("  colour: red") + 1;

        var result = Run("check");

        result.Code.ShouldBe(1, result.ToString());
        result.OutLines.ShouldBe(
        [
            $"{Baf07}:{colour}:11: custom.colour is not one of register.yaml's custom_fields (cqc_domain): declare it, or remove the value",
            $"{Baf07}:{colour + 1}:15: CQC domain must be Safe, Effective, Caring, Responsive or Well-led, found \"Unsafe\"",
        ]);
    }
}
