using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Yaml;

namespace Risks.Storage.Tests.Yaml;

public sealed class FieldSetterTests
{
    private readonly string _original = Samples.Inequalities();

    private YMapping Tree()
    {
        var problems = new List<Problem>();
        var tree = YamlTreeReader.Read(_original, Samples.File, problems);
        problems.ShouldBeEmpty();
        return tree.ShouldBeOfType<YMapping>();
    }

    /// <summary>Applies the settings, which must all succeed, and returns the file as it would be written.</summary>
    private (RiskFile File, string Written) Apply(params string[] settings)
    {
        var tree = Tree();
        foreach (var setting in settings)
        {
            FieldSetter.Apply(tree, setting).ShouldBeNull();
        }

        var file = RiskYaml.FromTree(tree, Samples.File, Samples.Id);
        return (file, file.Risk is { } risk ? RiskYaml.Write(risk) : "");
    }

    private string? Error(string setting) => FieldSetter.Apply(Tree(), setting);

    private List<(int Line, string Before, string After)> ChangedLines(string written)
    {
        var a = _original.Split('\n');
        var b = written.Split('\n');
        b.Length.ShouldBe(a.Length);
        return a.Zip(b).Select((pair, i) => (Line: i + 1, Before: pair.First, After: pair.Second)).Where(d => d.Before != d.After).ToList();
    }

    [Fact]
    public void Setting_the_current_likelihood_changes_that_line_only()
    {
        var (file, written) = Apply("current.likelihood=2");

        file.Problems.ShouldBeEmpty();
        file.Risk!.Current.ShouldBe(new Score(3, 2) { Rationale = file.Risk.Current!.Rationale });
        ChangedLines(written).ShouldBe([(37, "  likelihood: 3", "  likelihood: 2")]);
    }

    [Fact]
    public void Setting_a_field_of_an_existing_item_finds_it_by_id()
    {
        var (file, written) = Apply("actions[A3].due=2025-06-30");

        file.Problems.ShouldBeEmpty();
        file.Risk!.Actions.Single(a => a.Id == "A3").Due.ShouldBe(new DateOnly(2025, 6, 30));
        ChangedLines(written).ShouldBe([(131, "    due: 2025-05-31", "    due: 2025-06-30")]);
    }

    [Fact]
    public void Setting_fields_of_a_missing_item_creates_it_at_the_end()
    {
        var (file, written) = Apply("actions[A9].text=Agree the 2026/27 programme.", "actions[A9].status=not_started", "actions[A9].owner=etimpson");

        file.Problems.ShouldBeEmpty();
        file.Risk!.Actions.Select(a => a.Id).ShouldBe(["A1", "A2", "A3", "A9"]);
        written.ShouldContain(
            "    status: not_started\n" +
            "  - id: A9\n" +
            "    text: Agree the 2026/27 programme.\n" +
            "    owner: etimpson\n" +
            "    status: not_started\n" +
            "last_reviewed:\n");
    }

    [Fact]
    public void A_created_item_is_still_checked_for_required_fields()
    {
        var (file, _) = Apply("actions[A9].text=Agree the 2026/27 programme.");

        file.Risk.ShouldBeNull();
        file.Problems.Select(p => p.Message).ShouldBe(["action A9 status is required: not_started, in_progress, complete or cancelled"]);
    }

    [Fact]
    public void Adding_to_a_list_appends_one_entry()
    {
        var (file, _) = Apply("committees+=Finance Committee");

        file.Risk!.Committees.ShouldBe(["Quality Committee", "Audit Committee", "Population Health Improvement Board", "Finance Committee"]);
    }

    [Fact]
    public void Adding_an_entry_already_there_changes_nothing()
    {
        var (file, written) = Apply("committees+=Audit Committee");

        file.Problems.ShouldBeEmpty();
        written.ShouldBe(_original);
    }

    [Fact]
    public void Adding_to_a_missing_list_creates_it()
    {
        var (file, _) = Apply("key_elements-=Data analytics", "key_elements-=Inequalities strategy", "key_elements-=Population health management", "key_elements+=Prevention");

        file.Risk!.KeyElements.ShouldBe(["Prevention"]);
    }

    [Fact]
    public void Removing_from_a_list_removes_that_entry()
    {
        var (file, written) = Apply("committees-=Audit Committee");

        file.Risk!.Committees.ShouldBe(["Quality Committee", "Population Health Improvement Board"]);
        written.ShouldBe(_original.Replace("  - Audit Committee\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Removing_what_a_list_does_not_hold_is_an_error()
    {
        Error("committees-=Board").ShouldBe("committees does not hold \"Board\"");
        Error("title-=Inequalities").ShouldBe("title is not a list holding \"Inequalities\"");
    }

    [Fact]
    public void Adding_to_a_text_is_an_error()
    {
        Error("title+=x").ShouldBe("title is not a list: use title=VALUE");
    }

    [Fact]
    public void Setting_nothing_clears_the_field()
    {
        var (file, written) = Apply("target_date=");

        file.Problems.ShouldBeEmpty();
        file.Risk!.TargetDate.ShouldBeNull();
        written.ShouldBe(_original.Replace("target_date: 2026-03-31\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Setting_nothing_for_an_item_removes_it()
    {
        var (file, _) = Apply("actions[A2]=");

        file.Risk!.Actions.Select(a => a.Id).ShouldBe(["A1", "A3"]);
        Error("actions[A7]=").ShouldBe("actions has no item A7");
    }

    [Fact]
    public void Clearing_a_field_of_a_missing_item_does_nothing()
    {
        var (file, written) = Apply("actions[A7].due=");

        file.Problems.ShouldBeEmpty();
        written.ShouldBe(_original);
    }

    [Fact]
    public void Clearing_a_required_field_is_caught_when_the_file_is_read()
    {
        var (file, _) = Apply("narrative.event=");

        file.Risk.ShouldBeNull();
        file.Problems.Select(p => p.Message).ShouldBe(["event is required"]);
    }

    [Theory]
    [InlineData("current.likelihood")]
    [InlineData("likelihood: 3")]
    [InlineData("Current.likelihood=3")]
    [InlineData("=3")]
    [InlineData("actions[A 3].due=2025-06-30")]
    public void A_setting_without_the_syntax_is_refused_with_the_syntax(string setting)
    {
        Error(setting).ShouldBe($"\"{setting}\" is not a setting: write {FieldSetter.Syntax}");
    }

    [Fact]
    public void A_whole_item_cannot_be_set_to_a_value()
    {
        Error("actions[A3]=x").ShouldBe("\"actions[A3]\" names a whole list item: set its fields (actions[A3].text=...), or write actions[A3]= to remove it");
    }

    [Fact]
    public void A_mapping_or_list_cannot_be_set_to_a_value()
    {
        Error("current=5").ShouldBe("current holds a list or fields: use current+=VALUE and current-=VALUE for lists, or set its fields");
        Error("title.text=x").ShouldBe("title is not a mapping of fields");
        Error("title[A1].text=x").ShouldBe("title is not a list");
    }

    [Fact]
    public void A_bad_value_is_caught_by_reading_the_changed_tree()
    {
        var (file, _) = Apply("current.impact=7");

        file.Risk.ShouldBeNull();
        file.Problems.Select(p => p.Message).ShouldBe(["current impact must be 1-5, found 7"]);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_caught_by_reading_the_changed_tree()
    {
        var (file, _) = Apply("next_review=soon");

        file.Problems.Select(p => p.Message).ShouldBe(["next_review must be a date (YYYY-MM-DD), found \"soon\""]);
    }

    [Fact]
    public void A_text_that_looks_like_a_number_stays_text()
    {
        var (file, written) = Apply("directorate=12");

        file.Risk!.Directorate.ShouldBe("12");
        written.ShouldContain("\ndirectorate: \"12\"\n");
    }
}
