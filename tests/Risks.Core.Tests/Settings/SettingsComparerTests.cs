using Risks.Core.Domain;
using Risks.Core.Settings;

namespace Risks.Core.Tests.Settings;

public sealed class SettingsComparerTests
{
    [Fact]
    public void Each_change_is_worded_as_the_board_reads_it()
    {
        var before = Samples.Settings();
        var after = before with
        {
            Organisation = "Northfield Trust",
            Objectives = [before.Objectives[0] with { Tolerance = 15 }, before.Objectives[1] with { Retired = true }, new Objective { Id = "SO8", Title = "Digital", ShortTitle = "Digital services" }],
            Categories = ["Workforce", "Estates"],
            People = [before.People[0] with { Role = Role.GovernanceLead }, before.People[2]],
            PartnerRisks = [new PartnerRisk { Organisation = "EPUT", Title = "Staffing", Score = 20 }],
        };

        SettingsComparer.Compare(before, after).Select(c => c.Description).ShouldBe(
        [
            "organisation \"Mid and South Essex Integrated Care Board\" -> \"Northfield Trust\"",
            "objective SO1 tolerance 12 -> 15",
            "objective SO2 retired",
            "objective SO8 added: Digital services",
            "category Quality removed",
            "category Estates added",
            "Emma Timpson (etimpson) removed",
            "Rebecca Jarvis (rjarvis) role risk owner -> governance lead",
            "partner risk added: EPUT: Staffing (20)",
        ]);
    }

    [Fact]
    public void The_headline_is_the_first_change_and_a_count()
    {
        var before = Samples.Settings();
        SettingsComparer.Headline(SettingsComparer.Compare(before, before with { Categories = ["A"] }))
            .ShouldBe("Settings: category Workforce removed and 2 more changes");
    }
}
