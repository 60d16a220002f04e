using Risks.Core.Domain;

namespace Risks.Core.Tests.Domain;

public sealed class RiskIdTests
{
    [Theory]
    [InlineData("BAF-07", "BAF", 7)]
    [InlineData("CRR-058", "CRR", 58)]
    [InlineData("R-1", "R", 1)]
    [InlineData("CRR-1234", "CRR", 1234)]
    [InlineData("A1B2C3D4E5-999999", "A1B2C3D4E5", 999999)]
    public void A_valid_id_parses_into_prefix_and_number(string text, string prefix, int number)
    {
        RiskId.TryParse(text, out var id).ShouldBeTrue();

        id.Value.ShouldBe(text);
        id.Prefix.ShouldBe(prefix);
        id.Number.ShouldBe(number);
        id.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("../BAF-07")]
    [InlineData("BAF-07/../x")]
    [InlineData("BAF 07")]
    [InlineData("baf-07")]
    [InlineData("BAF-07\n")]
    [InlineData("\nBAF-07")]
    [InlineData(" BAF-07")]
    [InlineData("BAF-07 ")]
    [InlineData("CON")]
    [InlineData("NUL")]
    [InlineData("")]
    [InlineData("BAF-1234567")]
    [InlineData("ABCDEFGHIJK-1")]
    [InlineData("7AF-07")]
    [InlineData("BAF-")]
    [InlineData("-07")]
    [InlineData("BAF--07")]
    [InlineData("BAF-07.yaml")]
    [InlineData("BAF-0\u0667")]
    [InlineData("ΒAF-07")]
    [InlineData("BAF-07\u202E")]
    public void Anything_but_prefix_dash_digits_is_refused(string text)
    {
        RiskId.TryParse(text, out var id).ShouldBeFalse();
        id.ShouldBe(default);
    }

    [Fact]
    public void Null_is_refused()
    {
        RiskId.TryParse(null, out _).ShouldBeFalse();
    }

    [Fact]
    public void Parse_of_a_bad_id_says_what_an_id_is()
    {
        var error = Should.Throw<FormatException>(() => RiskId.Parse("../x"));

        error.Message.ShouldBe("\"../x\" is not a risk id: " + RiskId.Rules);
        RiskId.Rules.ShouldContain("BAF-07");
    }

    [Fact]
    public void Ids_that_differ_only_in_leading_zeros_share_an_identity_but_are_not_equal()
    {
        var short7 = RiskId.Parse("BAF-7");
        var long7 = RiskId.Parse("BAF-07");

        short7.Identity.ShouldBe("BAF-7");
        long7.Identity.ShouldBe("BAF-7");
        RiskId.Parse("BAF-007").Identity.ShouldBe(long7.Identity);
        short7.ShouldNotBe(long7);
        RiskId.Parse("BAF-07").ShouldBe(long7);
    }

    [Fact]
    public void Ids_with_other_prefixes_or_numbers_have_other_identities()
    {
        RiskId.Parse("BAF-70").Identity.ShouldNotBe(RiskId.Parse("BAF-07").Identity);
        RiskId.Parse("CRR-07").Identity.ShouldNotBe(RiskId.Parse("BAF-07").Identity);
    }

    [Theory]
    [InlineData("BAF-0", "BAF-0")]
    [InlineData("BAF-00", "BAF-0")]
    [InlineData("BAF-000100", "BAF-100")]
    [InlineData("B2-10", "B2-10")]
    public void The_identity_is_the_number_without_leading_zeros(string text, string identity)
    {
        RiskId.Parse(text).Identity.ShouldBe(identity);
    }
}
