using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Core.Tests.Validation;

public sealed class SettingsValidatorTests
{
    private static IEnumerable<(string Path, string Message)> Issues(RegisterSettings settings) =>
        SettingsValidator.Validate(settings).Select(i => (i.Path, i.Message));

    [Fact]
    public void The_sample_settings_are_valid()
    {
        SettingsValidator.Validate(Samples.Settings()).ShouldBeEmpty();
    }

    [Fact]
    public void The_organisation_is_required()
    {
        Issues(Samples.Settings() with { Organisation = "" }).ShouldBe([("organisation", "organisation is required")]);
    }

    [Fact]
    public void Bands_must_cover_every_possible_score()
    {
        var settings = Samples.Settings() with
        {
            Bands = new BandScheme(
            [
                new Band("Low", Rag.Green, 1, 3),
                new Band("Moderate", Rag.Yellow, 4, 6),
                new Band("High", Rag.Amber, 8, 12),
                new Band("Extreme", Rag.Red, 16, 25),
            ]),
        };

        Issues(settings).ShouldBe([("bands", "bands must give every possible score one band: no band covers the score 15")]);
    }

    [Fact]
    public void Bands_must_not_overlap()
    {
        var settings = Samples.Settings() with
        {
            Bands = new BandScheme(
            [
                new Band("Low", Rag.Green, 1, 3),
                new Band("Moderate", Rag.Yellow, 4, 6),
                new Band("High", Rag.Amber, 8, 15),
                new Band("Extreme", Rag.Red, 15, 25),
            ]),
        };

        Issues(settings).ShouldBe([("bands", "bands must give every possible score one band: the score 15 is in more than one band (High and Extreme)")]);
    }

    [Fact]
    public void No_bands_at_all_is_one_problem()
    {
        Issues(Samples.Settings() with { Bands = new BandScheme([]) }).ShouldBe([("bands", "bands must list at least one band")]);
    }

    [Fact]
    public void A_band_s_range_must_lie_within_one_to_twenty_five()
    {
        var settings = Samples.Settings() with
        {
            Bands = new BandScheme(
            [
                new Band("Low", Rag.Green, 0, 6),
                new Band("High", Rag.Red, 8, 30),
            ]),
        };

        Issues(settings).ShouldBe(
        [
            ("bands[0].min", "bands[0].min must be 1-25, found 0"),
            ("bands[1].max", "bands[1].max must be from min (8) to 25, found 30"),
        ]);
    }

    [Fact]
    public void A_login_given_twice_is_reported_at_the_second()
    {
        var settings = Samples.Settings();
        settings = settings with { People = [.. settings.People, settings.People[0] with { Name = "Someone Else" }] };

        Issues(settings).ShouldBe([("people[3].login", "people[3].login rjarvis is given twice")]);
    }

    [Fact]
    public void A_login_that_is_not_a_unix_login_is_reported()
    {
        var settings = Samples.Settings();
        settings = settings with { People = [settings.People[0] with { Login = "R.Jarvis" }] };

        Issues(settings).ShouldBe([("people[0].login", $"people[0].login must be {Rules.LoginRules}, found \"R.Jarvis\"")]);
    }

    [Fact]
    public void An_email_needs_an_at_sign()
    {
        var settings = Samples.Settings();
        settings = settings with { People = [settings.People[0] with { Email = "rebecca" }] };

        Issues(settings).ShouldBe([("people[0].email", "people[0].email must be an email address, found \"rebecca\"")]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(26)]
    public void A_tolerance_must_be_a_possible_score_range(int tolerance)
    {
        var settings = Samples.Settings();
        settings = settings with { Objectives = [settings.Objectives[0] with { Tolerance = tolerance }] };

        Issues(settings).ShouldBe([("objectives[0].tolerance", $"objectives[0].tolerance must be a score 1-25, found {tolerance}")]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(25)]
    public void A_tolerance_at_the_ends_of_the_range_is_valid(int tolerance)
    {
        var settings = Samples.Settings();
        settings = settings with { Objectives = [settings.Objectives[0] with { Tolerance = tolerance }] };

        Issues(settings).ShouldBeEmpty();
    }

    [Fact]
    public void An_objective_id_given_twice_is_reported()
    {
        var settings = Samples.Settings();
        settings = settings with { Objectives = [settings.Objectives[0], settings.Objectives[1] with { Id = "so1" }] };

        Issues(settings).ShouldBe([("objectives[1].id", "objectives[1].id so1 is given twice")]);
    }

    [Fact]
    public void Impact_needs_exactly_five_descriptors()
    {
        var settings = Samples.Settings() with
        {
            Scoring = new ScoringMatrix(["Negligible", "Minor", "Moderate", "Major"], ScoringMatrix.Default.Likelihood),
        };

        Issues(settings).ShouldBe([("scoring.impact", "scoring.impact must list exactly 5 descriptors, for 1 to 5, found 4")]);
    }

    [Fact]
    public void Likelihood_descriptors_may_not_be_blank()
    {
        var settings = Samples.Settings() with
        {
            Scoring = new ScoringMatrix(ScoringMatrix.Default.Impact, ["Rare", "Unlikely", " ", "Likely", "Almost certain", "Certain"]),
        };

        Issues(settings).ShouldBe(
        [
            ("scoring.likelihood", "scoring.likelihood must list exactly 5 descriptors, for 1 to 5, found 6"),
            ("scoring.likelihood[2]", "scoring.likelihood[2] is required"),
        ]);
    }

    [Fact]
    public void A_category_given_twice_in_any_case_is_reported()
    {
        Issues(Samples.Settings() with { Categories = ["Workforce", "workforce"] })
            .ShouldBe([("categories[1]", "categories[1] \"workforce\" is given twice")]);
    }

    [Fact]
    public void A_partner_risk_score_must_be_one_to_twenty_five()
    {
        var settings = Samples.Settings() with
        {
            PartnerRisks = [new PartnerRisk { Organisation = "MSEFT", Title = "Financial sustainability", Score = 30 }],
        };

        Issues(settings).ShouldBe([("partner_risks[0].score", "partner_risks[0].score must be 1-25, found 30")]);
    }
}
