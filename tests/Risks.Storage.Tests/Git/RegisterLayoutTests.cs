using System.Text.RegularExpressions;
using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.Storage.Tests.Git;

public sealed class RegisterLayoutTests
{
    [Theory]
    [InlineData("BAF-07", "risks/BAF/00/BAF-07.yaml")]
    [InlineData("BAF-7", "risks/BAF/00/BAF-7.yaml")]
    [InlineData("CRR-058", "risks/CRR/00/CRR-058.yaml")]
    [InlineData("CRR-99", "risks/CRR/00/CRR-99.yaml")]
    [InlineData("CRR-100", "risks/CRR/01/CRR-100.yaml")]
    [InlineData("CRR-1234", "risks/CRR/12/CRR-1234.yaml")]
    [InlineData("R-1", "risks/R/00/R-1.yaml")]
    [InlineData("X9-999999", "risks/X9/9999/X9-999999.yaml")]
    public void A_risk_s_path_follows_from_its_id(string id, string path)
    {
        RegisterLayout.PathOf(RiskId.Parse(id)).ShouldBe(path);
    }

    [Theory]
    [InlineData("risks/BAF/00/BAF-07.yaml", "BAF-07", true)]
    [InlineData("risks/CRR/12/CRR-1234.yaml", "CRR-1234", true)]
    [InlineData("risks/BAF/01/BAF-07.yaml", "BAF-07", false)]
    [InlineData("risks/CRR/00/BAF-07.yaml", "BAF-07", false)]
    [InlineData("risks/BAF-07.yaml", "BAF-07", false)]
    public void A_path_names_the_id_of_its_file_and_whether_it_is_in_place(string path, string id, bool inPlace)
    {
        var parsed = RegisterLayout.Parse(path).ShouldNotBeNull();

        parsed.Id.ShouldBe(RiskId.Parse(id));
        parsed.InPlace.ShouldBe(inPlace);
    }

    [Theory]
    [InlineData("risks/BAF/00/baf-07.yaml")]
    [InlineData("risks/BAF/00/BAF 07.yaml")]
    [InlineData("risks/BAF/00/notes.yaml")]
    [InlineData("risks/BAF/00/BAF-07.yml")]
    [InlineData("risks/BAF/00/BAF-07.YAML")]
    [InlineData("risks/BAF/00/BAF-07.yaml.bak")]
    [InlineData("risks/BAF/00/.BAF-07.yaml.123.tmp")]
    [InlineData("risks/BAF/00/CON.yaml")]
    [InlineData("risks/BAF/00/.yaml")]
    public void A_file_name_that_is_not_an_id_names_no_risk(string path)
    {
        RegisterLayout.Parse(path).ShouldBeNull();
    }

    [Fact]
    public void Every_path_for_an_id_stays_inside_the_risks_folder()
    {
        var shape = new Regex(@"\Arisks/[A-Z][A-Z0-9]{0,9}/[0-9]{2,4}/[A-Z][A-Z0-9]{0,9}-[0-9]{1,6}\.yaml\z");
        foreach (var text in new[] { "BAF-07", "A-0", "Z-000001", "ABCDEFGHIJ-123456", "R2D2-42", "CRR-58" })
        {
            var path = RegisterLayout.PathOf(RiskId.Parse(text));

            shape.IsMatch(path).ShouldBeTrue(path);
            RegisterLayout.Parse(path).ShouldNotBeNull().InPlace.ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("../.git/hooks/pre-commit")]
    [InlineData("BAF-07/../../x")]
    [InlineData("R7\n")]
    public void An_id_that_could_name_a_path_outside_the_register_cannot_be_made(string text)
    {
        RiskId.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => RiskId.Parse(text));
    }

    [Theory]
    [InlineData("risks/BAF/00/BAF-07.yaml", true)]
    [InlineData("risks/BAF/00/notes.yml", true)]
    [InlineData("risks/README.md", false)]
    [InlineData("register.yaml", false)]
    [InlineData("other/BAF-07.yaml", false)]
    public void Risk_files_are_the_yaml_files_under_risks(string path, bool isRisk)
    {
        RegisterLayout.IsRiskFile(path).ShouldBe(isRisk);
    }
}
