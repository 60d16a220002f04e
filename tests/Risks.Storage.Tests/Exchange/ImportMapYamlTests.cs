using System.Text;
using Risks.Core.Domain;
using Risks.Storage.Exchange;
using Risks.Storage.Yaml;

namespace Risks.Storage.Tests.Exchange;

public sealed class ImportMapYamlTests
{
    private static readonly RegisterSettings Sample = SettingsYaml.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Data, "register.yaml"))).Settings!;

    private static List<string> Problems(string yaml) =>
        ImportMapYaml.Read(Encoding.UTF8.GetBytes(yaml), "map.yaml", Sample).Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void The_example_map_in_the_docs_reads_without_problems_against_the_sample_register()
    {
        var (map, problems) = ImportMapYaml.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "docs", "import-map-example.yaml")), "import-map-example.yaml", Sample);

        problems.ShouldBeEmpty();
        map.ShouldNotBeNull();
        map.Columns["owner"].ShouldBe("Handler");
        map.Columns["inherent"].ShouldBe("Initial rating");
        (map.IdPrefix, map.IdDigits, map.ListSeparator).ShouldBe(("CRR", 3, ";"));
        map.Defaults["kind"].ShouldBe("operational");
        map.ImpactWords["severe"].ShouldBe(4);
        map.LikelihoodWords["Probable"].ShouldBe(4);
        map.People["k bonney"].ShouldBe("kbonney");
        map.Values["status"]["live"].ShouldBe("open");
        map.IsExport.ShouldBeFalse();
    }

    [Fact]
    public void Every_problem_is_named_at_its_line_and_column()
    {
        var problems = Problems(
            "columns:\n" +
            "  id: Ref\n" +
            "  titel: Title\n" +
            "  current: Rating\n" +
            "  current.impact: Consequence\n" +
            "ids:\n" +
            "  prefix: crr\n" +
            "defaults:\n" +
            "  kind: strategy\n" +
            "scores:\n" +
            "  impact:\n" +
            "    Severe: 6\n" +
            "people:\n" +
            "  J Smith: jsmith\n" +
            "values:\n" +
            "  status:\n" +
            "    Live: active\n" +
            "  owner:\n" +
            "    X: y\n" +
            "colour: blue\n");

        problems.ShouldBe(
        [
            "map.yaml:3:10: columns names \"titel\", which is not a field; the fields are " + Text.OneOf(Core.Exchange.ImportMap.Fields),
            "map.yaml:5:19: columns gives current both in one cell and in parts (current.impact); give one or the other",
            "map.yaml:7:11: ids.prefix must be the start of a risk id (an id is 1-10 capital letters or digits starting with a letter, a dash, and 1-6 digits, such as BAF-07), found \"crr\"",
            "map.yaml:17:11: values.status.Live must be open, closed or merged, found \"active\"",
            "map.yaml:19:5: values names \"owner\", which is not a field of choices; they are kind, status, response, trajectory, controls.effectiveness, gaps.type, assurances.source, assurances.rating, assurances.outcome or actions.status",
            "map.yaml:9:9: defaults.kind must be strategic or operational, found \"strategy\"",
            "map.yaml:12:13: scores.impact.Severe must be a whole number 1-5, found 6",
            "map.yaml:14:12: people.J Smith names jsmith, who is not among register.yaml's people",
            "map.yaml:20:1: unknown key \"colour\" at the top level; the keys allowed are columns, ids, list_separator, values, scores, defaults or people",
        ]);
    }

    [Fact]
    public void A_map_needs_its_columns_and_an_id_column()
    {
        Problems("defaults:\n  kind: operational\n").ShouldBe(["map.yaml:1:1: columns is required: which column feeds each field, such as id: Risk ID"]);
        Problems("columns:\n  title: Title\n").ShouldBe(["map.yaml:2:3: columns.id is required: the column that holds each risk's id"]);
    }

    [Fact]
    public void A_map_that_is_not_yaml_is_reported_where_the_parser_stopped()
    {
        Problems("columns:\n  id: [Ref\n").ShouldHaveSingleItem().ShouldStartWith("map.yaml:3:1: YAML syntax error: ");
    }
}
