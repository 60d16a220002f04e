using System.Diagnostics;
using System.Text.RegularExpressions;
using Risks.Tests.Support;

namespace Risks.Tests;

public sealed partial class CheckCommandTests : RegisterTest
{
    [GeneratedRegex(@"^risks/[A-Z]+/\d\d/[A-Z]+-\d+\.yaml:\d+:\d+: \S.*$")]
    private static partial Regex ProblemLine();

    [Fact]
    public void Check_of_the_clean_sample_exits_0()
    {
        var result = Run("check");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldBeEmpty();
        result.Error.ShouldContain("14 risks, 2 board actions, 2 undertakings checked: no problems.");
    }

    [Fact]
    public void Check_reports_one_file_line_column_line_per_problem_and_exits_1()
    {
        var broken = SampleRegister.Break(Register);
        var timer = Stopwatch.StartNew();

        var result = Run("check");

        timer.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "the alias bomb must not be expanded");
        result.Code.ShouldBe(1, result.ToString());
        var lines = result.OutLines;
        lines.Length.ShouldBe(3, result.Out);
        lines.ShouldAllBe(l => ProblemLine().IsMatch(l));

        broken.ImpactLine.ShouldBe(36);
        broken.ImpactColumn.ShouldBe(11);
        lines.ShouldContain($"risks/BAF/00/BAF-07.yaml:{broken.ImpactLine}:{broken.ImpactColumn}: current impact must be 1-5, found 7");
        lines.ShouldContain("risks/BAF/00/BAF-07.yaml:36:11: current impact must be 1-5, found 7");

        var duplicate = lines.Single(l => l.StartsWith("risks/BAF/00/BAF-01.yaml:", StringComparison.Ordinal));
        duplicate.ShouldStartWith($"risks/BAF/00/BAF-01.yaml:{broken.DuplicateTitleLine}:1: ");
        duplicate.ShouldContain("duplicate key title");
        duplicate.ShouldContain($"first given at line {broken.FirstTitleLine}");

        var bomb = lines.Single(l => l.StartsWith("risks/BAF/00/BAF-02.yaml:", StringComparison.Ordinal));
        bomb.ShouldStartWith("risks/BAF/00/BAF-02.yaml:2:");
        bomb.ShouldMatch("anchor|alias");
        bomb.ShouldContain("not allowed");

        result.Error.ShouldContain("3 problems in 3 files; 11 risks read, 3 could not be.");
    }

    [Fact]
    public void List_still_lists_the_other_11_risks_and_names_the_unreadable_files()
    {
        SampleRegister.Break(Register);

        var result = Run("list");

        result.Code.ShouldBe(0, result.ToString());
        var ids = result.Out.Split('\n').Skip(1).TakeWhile(l => l.Length > 0).Select(l => l.Split(' ')[0]).ToList();
        ids.Count.ShouldBe(11);
        ids.ShouldNotContain("BAF-01");
        ids.ShouldNotContain("BAF-02");
        ids.ShouldNotContain("BAF-07");
        result.OutLines[^1].ShouldStartWith("11 risks: ");
        result.Error.ShouldContain("3 files could not be read and are not listed: risks/BAF/00/BAF-01.yaml, risks/BAF/00/BAF-02.yaml, risks/BAF/00/BAF-07.yaml");
        result.Error.ShouldContain("risks check");
    }

    [Fact]
    public void List_as_json_of_a_broken_register_is_still_valid_json_of_the_readable_risks()
    {
        SampleRegister.Break(Register);

        var result = Run("list", "--format", "json");

        result.Code.ShouldBe(0);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        json.RootElement.GetArrayLength().ShouldBe(11);
        result.Error.ShouldContain("3 files could not be read");
    }

    [Fact]
    public void Check_reports_a_broken_register_yaml_first()
    {
        var settings = Path.Combine(Register, "register.yaml");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("    tolerance: 9\n", "    tolerance: 99\n", StringComparison.Ordinal));

        var result = Run("check");

        result.Code.ShouldBe(1, result.ToString());
        result.OutLines.ShouldNotBeEmpty();
        result.OutLines[0].ShouldStartWith("register.yaml:");
        result.OutLines[0].ShouldContain("99");
    }

    [Fact]
    public void Check_reports_an_owner_who_is_not_among_the_people_at_the_owner_line()
    {
        var file = Path.Combine(Register, SampleRegister.Baf07);
        var text = File.ReadAllText(file).Replace("owner: rjarvis\nleads:", "owner: nobody\nleads:", StringComparison.Ordinal);
        File.WriteAllText(file, text);
        var line = Array.IndexOf(text.Split('\n'), "owner: nobody") + 1;

        var result = Run("check");

        result.Code.ShouldBe(1);
        var problem = result.OutLines.ShouldHaveSingleItem();
        problem.ShouldStartWith($"risks/BAF/00/BAF-07.yaml:{line}:");
        problem.ShouldContain("nobody");
    }
}
