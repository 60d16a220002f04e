using System.Text;
using System.Text.Json;
using Risks.Tests.Support;

namespace Risks.Tests;

public sealed class ShowCommandTests : RegisterTest
{
    [Fact]
    public void Show_gives_the_score_band_descriptors_owner_and_every_section()
    {
        var result = Run("show", "BAF-07");

        result.Code.ShouldBe(0, result.ToString());
        var text = result.Out;
        text.ShouldStartWith("BAF-07  Inequalities\n");
        text.ShouldContain("(risks/BAF/00/BAF-07.yaml)");
        text.ShouldContain("3 x 3 = 9");
        text.ShouldContain("High (amber)");
        text.ShouldContain("impact 3 Moderate");
        text.ShouldContain("likelihood 3 Possible");
        text.ShouldContain("Inherent:      4 x 4 = 16  (impact 4 Major, likelihood 4 Likely)");
        text.ShouldContain("Owner:         Rebecca Jarvis, Alliance Director, South-East Essex");
        text.ShouldContain("Leads:         Emma Timpson");
        text.ShouldContain("Objectives:    SO2 Reduce health inequalities; SO7 System partnership working");
        foreach (var section in new[] { "Narrative", "Performance against target", "Controls (6)", "Gaps (4)", "Assurances (4)", "Actions (3)" })
        {
            result.OutLines.ShouldContain(section);
        }

        text.ShouldContain("  C1   PHIB co-ordinates");
        text.ShouldContain("  G2   Business intelligence");
        text.ShouldContain("[gap in assurance]");
        text.ShouldContain("[line 3, independent, substantial, positive]");
        text.ShouldContain("  A1   Launch the digital EHIIA tool.");
    }

    [Fact]
    public void Show_humanises_dates_against_the_clock()
    {
        var result = Run("show", "BAF-07");

        // On 20 March 2025 no action of BAF-07 is overdue, nor its review, and the target date is ahead.
        result.Out.ShouldContain("Last reviewed: 4 Mar 2025 by Rebecca Jarvis");
        result.Out.ShouldContain("Next review:   6 May 2025 (in 1 month)");
        result.Out.ShouldNotContain("OVERDUE");
        result.Out.ShouldNotContain("overdue");
        result.Out.ShouldContain("Target:        not yet reached");
        result.Out.ShouldContain("[Emma Timpson, in progress, due 30 Jun 2025 (in 3 months)]");
    }

    [Fact]
    public void Show_marks_overdue_actions()
    {
        var result = Run("show", "CRR-005");

        result.Code.ShouldBe(0);
        result.Out.ShouldContain("due 28 Feb 2025 (2 weeks overdue), OVERDUE]");
        result.Out.ShouldContain("OVERDUE");
    }

    [Fact]
    public void Show_as_yaml_gives_the_file_byte_for_byte()
    {
        var result = Run("show", "BAF-07", "--format", "yaml");

        result.Code.ShouldBe(0, result.ToString());
        Encoding.UTF8.GetBytes(result.Out).ShouldBe(FileBytes(SampleRegister.Baf07));
    }

    [Fact]
    public void Show_as_json_has_the_fields_and_what_is_derived()
    {
        var result = Run("show", "BAF-07", "--format", "json");

        result.Code.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("id").GetString().ShouldBe("BAF-07");
        root.GetProperty("owner").GetString().ShouldBe("rjarvis");
        root.GetProperty("current").GetProperty("impact").GetInt32().ShouldBe(3);
        root.GetProperty("derived").GetProperty("current_score").GetInt32().ShouldBe(9);
        root.GetProperty("derived").GetProperty("band").GetString().ShouldBe("High");
        root.GetProperty("derived").GetProperty("inherent_score").GetInt32().ShouldBe(16);
        root.GetProperty("derived").GetProperty("target_score").GetInt32().ShouldBe(6);
        root.GetProperty("derived").GetProperty("overdue_actions").GetArrayLength().ShouldBe(0);
        root.GetProperty("actions").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public void Show_finds_an_id_written_without_its_leading_zero()
    {
        var result = Run("show", "BAF-7");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldStartWith("BAF-07  Inequalities");
    }

    [Fact]
    public void Show_of_an_unknown_id_exits_4()
    {
        var result = Run("show", "BAF-99");

        result.Code.ShouldBe(4);
        result.Out.ShouldBeEmpty();
        result.Error.ShouldContain("there is no risk BAF-99 in the register");
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("baf-07")]
    [InlineData("BAF 07")]
    [InlineData("risks/BAF/00/BAF-07")]
    public void Show_of_a_malformed_id_exits_2_with_the_id_rules(string id)
    {
        var result = Run("show", id);

        result.Code.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.Error.ShouldContain($"\"{id}\" is not a risk id");
        result.Error.ShouldContain("such as BAF-07");
    }

    [Fact]
    public void Show_of_a_risk_whose_file_cannot_be_read_exits_4_and_points_to_check()
    {
        SampleRegister.Break(Register);

        var result = Run("show", "BAF-07");

        result.Code.ShouldBe(4);
        result.Error.ShouldContain("BAF-07 cannot be read (risks/BAF/00/BAF-07.yaml)");
        result.Error.ShouldContain("risks check");
    }
}
