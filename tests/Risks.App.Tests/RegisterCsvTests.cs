using Risks.Core.Exchange;
using Risks.Storage.Exchange;

namespace Risks.App.Tests;

/// <summary>The CSV files the UI writes: what the session read, as 'risks export' writes it.</summary>
public sealed class RegisterCsvTests : IDisposable
{
    private readonly Sample _sample = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("risks-app-csv-").FullName;

    public void Dispose()
    {
        _sample.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_risks_and_the_actions_are_written_to_the_files_named_with_the_day_and_say_what_was_written()
    {
        var session = _sample.As("auditchair");
        RegisterCsv.RisksFileName(session).ShouldBe("risks-2025-03-20.csv");
        RegisterCsv.ActionsFileName(session).ShouldBe("actions-2025-03-20.csv");
        var risksFile = Path.Combine(_folder, RegisterCsv.RisksFileName(session));
        var actionsFile = Path.Combine(_folder, RegisterCsv.ActionsFileName(session));

        var risks = RegisterCsv.WriteRisks(session, risksFile);
        var actions = RegisterCsv.WriteActions(session, actionsFile);

        var actionCount = session.Snapshot.Risks.Sum(s => s.Risk.Actions.Count);
        risks.ShouldStartWith($"Wrote 14 risks to {risksFile} (");
        actions.ShouldStartWith($"Wrote {actionCount} actions of 14 risks to {actionsFile} (");
        var table = RiskCsv.Read(File.ReadAllBytes(risksFile), "risks.csv");
        table.Headers.ShouldBe(RiskCells.Columns);
        table.Rows.Select(r => r.Cells["id"]).ShouldBe(session.Snapshot.Risks.Select(s => s.Risk.Id.Value));
        File.ReadAllBytes(actionsFile)[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        RiskCsv.Read(File.ReadAllBytes(actionsFile), "actions.csv").Rows.Count.ShouldBe(actionCount);
    }

    [Fact]
    public void Risk_files_that_could_not_be_read_are_named_as_left_out()
    {
        File.WriteAllText(Path.Combine(_sample.Root, "risks", "BAF", "00", "BAF-02.yaml"), "id: [");
        var session = _sample.As("auditchair");

        var said = RegisterCsv.WriteRisks(session, Path.Combine(_folder, "risks.csv"));

        said.ShouldEndWith(" 1 risk file could not be read and is left out: risks/BAF/00/BAF-02.yaml.");
        said.ShouldStartWith("Wrote 13 risks to ");
    }
}
