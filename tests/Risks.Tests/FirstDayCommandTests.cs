using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>A new organisation's first day with the real program: a register made, and its settings filled in, without YAML or Git.</summary>
public sealed class FirstDayCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_new_register_gets_its_objectives_people_categories_and_partners_risks_from_the_command_line()
    {
        var target = _temp.Combine("southend");
        var init = RisksProcess.Run(_temp.Path, "init", target, "--organisation", "Southend Trust", "--name", "Kathy Bonney", "--email", "kathy.bonney@example.nhs.uk", "--job-title", "Head of Corporate Governance");
        init.Code.ShouldBe(0, init.ToString());

        string[][] steps =
        [
            ["objectives", "add", "SO1", "--title", "Deliver safe, high-quality care for every patient", "--short-title", "Safe, high-quality care", "--appetite", "minimal", "--tolerance", "9", "-m", "Objectives agreed by the board on 13 Mar 2025"],
            ["objectives", "add", "SO2", "--title", "Live within our means", "--appetite", "cautious", "--tolerance", "12", "-m", "Objectives agreed by the board on 13 Mar 2025"],
            ["people", "add", "rjarvis", "--name", "Rebecca Jarvis", "--role", "risk_owner", "--email", "rebecca.jarvis@example.nhs.uk", "-m", "Owner of the quality risks"],
            ["settings", "set", "categories=Quality\nFinance\nWorkforce", "-m", "Categories as the board reports them"],
            ["partners", "add", "--organisation", "EPUT", "--title", "Digital resilience", "--score", "16", "--reported", "2025-02-28", "-m", "EPUT's February board"],
        ];
        foreach (var step in steps)
        {
            var run = RisksProcess.Run(target, step);
            run.Code.ShouldBe(0, $"{string.Join(' ', step)}\n{run}");
        }

        Git.Lines(target, "log", "--format=%an <%ae> | %s").ShouldBe(
        [
            "Kathy Bonney <kathy.bonney@example.nhs.uk> | Settings: partner risk added: EPUT: Digital resilience (16, reported 28 Feb 2025)",
            "Kathy Bonney <kathy.bonney@example.nhs.uk> | Settings: category Quality added and 2 more changes",
            "Kathy Bonney <kathy.bonney@example.nhs.uk> | Settings: Rebecca Jarvis (rjarvis) added: risk owner",
            "Kathy Bonney <kathy.bonney@example.nhs.uk> | Settings: objective SO2 added: Live within our means",
            "Kathy Bonney <kathy.bonney@example.nhs.uk> | Settings: objective SO1 added: Safe, high-quality care",
            "Kathy Bonney <kathy.bonney@example.nhs.uk> | Register created for Southend Trust",
        ]);
        Git.Status(target).ShouldBeEmpty();
        var show = RisksProcess.Run(target, "settings", "show");
        show.Code.ShouldBe(0, show.ToString());
        show.Out.ShouldContain("Organisation: Southend Trust\n\nStrategic objectives (2)\n  SO1  Safe, high-quality care\n");
        show.Out.ShouldContain("Categories: Quality; Finance; Workforce\n");
        show.Out.ShouldContain("Head of Corporate Governance");
        RisksProcess.Run(target, "check").Code.ShouldBe(0);
    }
}
