using System.Text;
using Risks.Core.Domain;
using Risks.Storage.Git;
using Risks.Storage.Yaml;

namespace Risks.Storage.Tests.Yaml;

public sealed class RiskYamlRoundTripTests
{
    public static TheoryData<string> SampleRiskFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Data, "risks"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(RepoPaths.RelativeToData(file));
        }

        return data;
    }

    [Fact]
    public void The_sample_register_has_risk_files_to_check()
    {
        var files = SampleRiskFiles().Cast<object[]>().Select(row => (string)row[0]).ToList();

        files.ShouldContain("risks/BAF/00/BAF-07.yaml");
        files.ShouldContain("risks/CRR/00/CRR-058.yaml");
    }

    [Theory]
    [MemberData(nameof(SampleRiskFiles))]
    public void Every_sample_risk_reads_without_problems_and_writes_back_to_the_same_bytes(string path)
    {
        var bytes = File.ReadAllBytes(Samples.DataFile(path));
        var place = RegisterLayout.Parse(path).ShouldNotBeNull();
        place.InPlace.ShouldBeTrue();

        var read = RiskYaml.Read(bytes, path, place.Id);

        read.Problems.ShouldBeEmpty();
        var risk = read.Risk.ShouldNotBeNull();
        risk.Id.ShouldBe(place.Id);
        Encoding.UTF8.GetBytes(RiskYaml.Write(risk)).ShouldBe(bytes);
    }

    [Fact]
    public void Changing_the_current_likelihood_changes_exactly_that_line()
    {
        var original = Samples.Inequalities();
        var risk = Read(original);

        var written = RiskYaml.Write(risk with { Current = risk.Current! with { Likelihood = 2 } });

        ChangedLines(original, written).ShouldBe([(37, "  likelihood: 3", "  likelihood: 2")]);
    }

    [Fact]
    public void Changing_an_action_s_due_date_changes_exactly_that_line()
    {
        var original = Samples.Inequalities();
        var risk = Read(original);
        var actions = risk.Actions.Select(a => a.Id == "A3" ? a with { Due = new DateOnly(2025, 6, 30) } : a).ToList();

        var written = RiskYaml.Write(risk with { Actions = actions });

        ChangedLines(original, written).ShouldBe([(131, "    due: 2025-05-31", "    due: 2025-06-30")]);
    }

    [Fact]
    public void Adding_a_committee_adds_exactly_one_line()
    {
        var original = Samples.Inequalities();
        var risk = Read(original);

        var written = RiskYaml.Write(risk with { Committees = [.. risk.Committees, "Finance Committee"] });

        var before = original.Split('\n').ToList();
        before.Insert(23, "  - Finance Committee");
        written.Split('\n').ShouldBe(before);
    }

    [Fact]
    public void Only_the_given_keys_are_written_and_nothing_for_empty_values()
    {
        RiskYaml.Write(Samples.Operational()).ShouldBe(Samples.Minimal);
    }

    [Fact]
    public void Empty_lists_and_empty_texts_are_not_written()
    {
        var risk = Samples.Operational() with
        {
            KeyElements = [],
            Leads = [],
            Directorate = "",
            Category = null,
            Narrative = new Narrative { Event = "Something happens.", Cause = null, Effect = "" },
            Controls = [],
            Actions = [],
        };

        RiskYaml.Write(risk).ShouldBe(Samples.Minimal);
    }

    [Fact]
    public void Multi_line_text_is_written_as_a_literal_block()
    {
        var risk = Samples.Operational() with
        {
            Narrative = new Narrative { Event = "Something happens.", Cause = "First line.\nSecond line." },
            Performance = "Ends with a line break.\n",
        };

        var written = RiskYaml.Write(risk);

        written.ShouldContain("narrative:\n  cause: |-\n    First line.\n    Second line.\n  event: Something happens.\n");
        written.ShouldContain("performance: |\n  Ends with a line break.\n");
        Read(written).Narrative.Cause.ShouldBe("First line.\nSecond line.");
        Read(written).Performance.ShouldBe("Ends with a line break.\n");
    }

    [Theory]
    [InlineData("yes", "\"yes\"")]
    [InlineData("no", "\"no\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("~", "\"~\"")]
    [InlineData("12", "\"12\"")]
    [InlineData("-1", "\"-1\"")]
    [InlineData("1.5", "\"1.5\"")]
    [InlineData("1e5", "\"1e5\"")]
    [InlineData("0x10", "\"0x10\"")]
    [InlineData(".inf", "\".inf\"")]
    [InlineData("2025-03-13", "\"2025-03-13\"")]
    [InlineData("Datix 18", "Datix 18")]
    [InlineData("O'Brien", "O'Brien")]
    public void A_text_that_looks_like_another_type_is_quoted_and_reads_back_as_the_same_text(string text, string written)
    {
        var risk = Samples.Operational() with { Directorate = text, ExternalRefs = [text] };

        var yaml = RiskYaml.Write(risk);

        yaml.ShouldContain($"\ndirectorate: {written}\n");
        yaml.ShouldContain($"\nexternal_refs:\n  - {written}\n");
        var back = Read(yaml);
        back.Directorate.ShouldBe(text);
        back.ExternalRefs.ShouldBe([text]);
        RiskYaml.Write(back).ShouldBe(yaml);
    }

    [Theory]
    [InlineData("- starts like a list item")]
    [InlineData("key: value")]
    [InlineData("# not a comment")]
    [InlineData("trailing #hash is fine")]
    [InlineData("*not an alias")]
    [InlineData("&not an anchor")]
    [InlineData("!not a tag")]
    [InlineData("{not: a mapping}")]
    [InlineData("[not, a, list]")]
    [InlineData(" leading space")]
    [InlineData("trailing space ")]
    [InlineData("\"quoted\"")]
    [InlineData("a\ttab")]
    [InlineData("émigré ümlaut")]
    [InlineData("  indented first line\nsecond line")]
    [InlineData("line with trailing space \nnext")]
    [InlineData("blank line follows\n\nafter it")]
    public void Awkward_texts_read_back_exactly_and_rewrite_identically(string text)
    {
        var risk = Samples.Operational() with { Narrative = new Narrative { Event = "Something happens.", Cause = text }, KeyElements = text.Contains('\n') ? [] : [text] };

        var yaml = RiskYaml.Write(risk);
        var back = Read(yaml);

        back.Narrative.Cause.ShouldBe(text);
        back.KeyElements.ShouldBe(risk.KeyElements);
        RiskYaml.Write(back).ShouldBe(yaml);
    }

    [Fact]
    public void Dates_are_written_as_iso_days()
    {
        var written = RiskYaml.Write(Samples.Operational() with { NextReview = new DateOnly(2025, 5, 6), LastReviewed = new Review(new DateOnly(2025, 3, 4), "rjarvis") });

        written.ShouldEndWith("last_reviewed:\n  date: 2025-03-04\n  by: rjarvis\nnext_review: 2025-05-06\n");
    }

    [Fact]
    public void The_written_text_has_lf_line_ends_and_no_byte_order_mark()
    {
        var written = RiskYaml.Write(Samples.Full());

        written.ShouldNotContain('\r');
        written[0].ShouldBe('i');
        written.ShouldEndWith("\n");
    }

    [Fact]
    public void The_complete_example_in_the_format_document_is_canonical()
    {
        var example = FormatDocumentExample("A complete example");

        var read = RiskYaml.Read(example, Samples.File, Samples.Id);

        read.Problems.ShouldBeEmpty();
        RiskYaml.Write(read.Risk!).ShouldBe(example);
    }

    [Fact]
    public void A_fully_populated_risk_is_written_as_the_golden_file()
    {
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "full-risk.yaml"));

        var written = RiskYaml.Write(Samples.Full());

        written.ShouldBe(expected);
    }

    [Fact]
    public void The_golden_file_reads_back_as_the_risk_it_was_written_from()
    {
        var golden = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Golden", "full-risk.yaml"));

        var read = RiskYaml.Read(golden, Samples.File, Samples.Id);

        read.Problems.ShouldBeEmpty();
        var risk = read.Risk.ShouldNotBeNull();
        var full = Samples.Full();
        risk.Closure.ShouldBe(full.Closure);
        risk.Narrative.ShouldBe(full.Narrative);
        risk.Target.ShouldBe(full.Target);
        risk.Assurances.ShouldBe(full.Assurances);
        risk.Actions.ShouldBe(full.Actions);
        risk.ExternalRefs.ShouldBe(full.ExternalRefs);
        risk.LastReviewed.ShouldBe(full.LastReviewed);
    }

    /// <summary>The first yaml block after <paramref name="marker"/> in docs/format.md.</summary>
    internal static string FormatDocumentExample(string marker)
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "format.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var from = doc.IndexOf(marker, StringComparison.Ordinal);
        from.ShouldBeGreaterThanOrEqualTo(0);
        var start = doc.IndexOf("```yaml\n", from, StringComparison.Ordinal) + "```yaml\n".Length;
        var end = doc.IndexOf("```\n", start, StringComparison.Ordinal);
        return doc[start..end];
    }

    private static Risk Read(string text)
    {
        var read = RiskYaml.Read(text, Samples.File, Samples.Id);
        read.Problems.ShouldBeEmpty();
        return read.Risk.ShouldNotBeNull();
    }

    /// <summary>The lines that differ, 1-based, for texts with the same number of lines.</summary>
    private static List<(int Line, string Before, string After)> ChangedLines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        b.Length.ShouldBe(a.Length);
        return a.Zip(b).Select((pair, i) => (Line: i + 1, Before: pair.First, After: pair.Second)).Where(d => d.Before != d.After).ToList();
    }
}
