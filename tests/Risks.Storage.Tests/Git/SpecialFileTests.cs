using System.Diagnostics;
using Risks.Core.Domain;
using Risks.Storage.Files;
using Risks.Storage.Git;

namespace Risks.Storage.Tests.Git;

/// <summary>
/// A risk file that is not an ordinary file of a sane size (a named pipe, a huge sparse file, a
/// link to a device or out of the register) is reported at <c>file:1:1</c> and never read, and
/// every other risk loads and saves as usual. Each load runs under a time limit, so a regression
/// that waits on a pipe fails the test rather than hanging the run.
/// </summary>
[Collection(ProcessCaches.Name)]
public sealed class SpecialFileTests
{
    private static readonly RiskId Other = RiskId.Parse("CRR-001");
    private static readonly RiskId Odd = RiskId.Parse("CRR-002");

    [Fact]
    public async Task A_named_pipe_is_reported_and_not_waited_on()
    {
        using var t = Register();
        File.Delete(OddFile(t));
        Run("mkfifo", OddFile(t));

        var snapshot = await Within(() => t.Repo.Reader.Load());

        ShouldReportOnly(snapshot, "is a named pipe (FIFO), not a file; remove it");
        await SavingTheOtherRiskStillWorks(t);
    }

    [Fact]
    public async Task A_huge_sparse_file_is_reported_by_its_size_without_being_read()
    {
        using var t = Register();
        using (var stream = new FileStream(OddFile(t), FileMode.Create))
        {
            stream.SetLength(2L << 30);
        }

        var snapshot = await Within(() => t.Repo.Reader.Load());

        ShouldReportOnly(snapshot, "file is 2,147,483,648 bytes; a register file may be at most 262,144 bytes (256 KiB)");
        Process.GetCurrentProcess().PeakWorkingSet64.ShouldBeLessThan(1L << 30, "the file was not read into memory");
        await SavingTheOtherRiskStillWorks(t);
    }

    [Fact]
    public async Task A_link_to_a_device_or_out_of_the_register_is_reported_and_not_followed()
    {
        using var t = Register();
        using var outside = new TempFolder();
        var secret = Path.Combine(outside.Path, "secret.yaml");
        File.Copy(OddFile(t), secret);
        File.Delete(OddFile(t));
        File.CreateSymbolicLink(OddFile(t), "/dev/zero");

        ShouldReportOnly(await Within(() => t.Repo.Reader.Load()), "is a link to /dev/zero, outside the register; put the file itself here");

        File.Delete(OddFile(t));
        File.CreateSymbolicLink(OddFile(t), secret);
        ShouldReportOnly(await Within(() => t.Repo.Reader.Load()), $"is a link to {secret}, outside the register; put the file itself here");
        await SavingTheOtherRiskStillWorks(t);
    }

    [Fact]
    public async Task A_link_to_a_file_inside_the_register_is_read()
    {
        using var t = Register();
        var kept = t.FullPath("kept-copy.txt");
        File.Move(OddFile(t), kept);
        File.CreateSymbolicLink(OddFile(t), kept);

        var snapshot = await Within(() => t.Repo.Reader.Load());

        snapshot.Problems.ShouldBeEmpty();
        snapshot.Find(Odd).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_folder_linked_out_of_the_register_is_not_walked()
    {
        using var t = Register();
        using var outside = new TempFolder();
        var linked = RegisterLayout.PathOf(RiskId.Parse("CRR-900"));
        File.WriteAllText(Path.Combine(outside.Path, Path.GetFileName(linked)), Risks.Storage.Yaml.RiskYaml.Write(Samples.Operational("CRR-900")));
        Directory.CreateSymbolicLink(t.FullPath(Path.GetDirectoryName(linked)!), outside.Path);

        var snapshot = await Within(() => t.Repo.Reader.Load());

        snapshot.Risks.Select(r => r.Risk.Id.Value).ShouldBe(["CRR-001", "CRR-002"]);
        snapshot.Problems.ShouldBeEmpty();
        snapshot.InvalidFiles.ShouldBeEmpty();

        // Asked for by its id, the file is found through the link and refused.
        var alone = await Within(() => t.Repo.Reader.LoadRisk(RiskId.Parse("CRR-900")));
        alone.Risks.ShouldBeEmpty();
        alone.Problems.ShouldHaveSingleItem().Message.ShouldEndWith("outside the register; put the file itself here");
    }

    [Fact]
    public async Task A_register_yaml_that_is_a_pipe_is_reported_and_the_risks_still_load()
    {
        using var t = Register();
        File.Delete(t.FullPath("register.yaml"));
        Run("mkfifo", t.FullPath("register.yaml"));

        var snapshot = await Within(() => t.Repo.Reader.Load());

        snapshot.SettingsValid.ShouldBeFalse();
        snapshot.Problems.ShouldContain(p => p.ToString() == "register.yaml:1:1: is a named pipe (FIFO), not a file; remove it");
        snapshot.Risks.Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_oversized_register_yaml_is_reported_by_its_size_unread_and_the_risks_still_load()
    {
        using var t = Register();
        using (var stream = new FileStream(t.FullPath("register.yaml"), FileMode.Open))
        {
            stream.SetLength(2L << 30);
        }

        const string Said = "register.yaml:1:1: file is 2,147,483,648 bytes; a register file may be at most 262,144 bytes (256 KiB)";
        var snapshot = await Within(() => t.Repo.Reader.Load());

        snapshot.SettingsValid.ShouldBeFalse();
        snapshot.Problems.Select(p => p.ToString()).ShouldBe([Said]);
        snapshot.Risks.Count.ShouldBe(2);
        (await Within(() => t.Repo.SettingsFile.Read())).Problems.Select(p => p.ToString()).ShouldBe([Said]);
        Process.GetCurrentProcess().PeakWorkingSet64.ShouldBeLessThan(1L << 30, "the file was not read into memory");
    }

    [Fact]
    public async Task A_folder_in_place_of_a_risk_file_is_reported_rather_than_the_risk_missing()
    {
        using var t = Register();
        using var outside = new TempFolder();
        File.Delete(OddFile(t));
        Directory.CreateDirectory(OddFile(t));

        ShouldReportOnly(await Within(() => t.Repo.Reader.Load()), "is a folder, not a file");

        Directory.Delete(OddFile(t));
        Directory.CreateSymbolicLink(OddFile(t), outside.Path);
        ShouldReportOnly(await Within(() => t.Repo.Reader.Load()), $"is a link to {outside.Path}, outside the register; put the file itself here");
        await SavingTheOtherRiskStillWorks(t);
    }

    [Fact]
    public async Task Named_pipes_in_place_of_the_programs_own_files_under_git_stop_nothing()
    {
        using var t = Register();
        t.Repo.History.Of(Other).Count.ShouldBe(1, "the change index is written");
        foreach (var file in new[] { "risks-cache/parsed.bin", "risks/changes.idx", "risks/drafts/rjarvis/CRR-002.json", "risks-pending/CRR-002.json" })
        {
            var full = t.FullPath(Path.Combine(".git", file));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.Delete(full);
            Run("mkfifo", full);
        }

        ChangeIndex.ForgetAll();

        var snapshot = await Within(() => t.Repo.Reader.Load());
        snapshot.Problems.ShouldBeEmpty();
        snapshot.Risks.Count.ShouldBe(2);
        (await Within(() => t.Repo.Drafts.Of("rjarvis"))).ShouldBeEmpty();
        (await Within(() => t.Repo.Sync.PendingEdits())).ShouldBeEmpty();
        (await Within(() => t.Repo.History.Of(Other))).Count.ShouldBe(1);
        await SavingTheOtherRiskStillWorks(t);
    }

    [Fact]
    public async Task A_journal_that_is_a_named_pipe_is_read_past_by_a_load_and_named_by_a_save()
    {
        using var t = Register();
        Run("mkfifo", t.FullPath(".git/risks-journal.json"));

        var snapshot = await Within(() => t.Repo.Reader.Load());
        snapshot.Risks.Count.ShouldBe(2);

        var stored = snapshot.Find(Other)!;
        var refused = await Within(() => Should.Throw<UnreadableFileException>(() => t.Repo.Saves.Save(stored.Risk with { Title = "Not saved" }, stored.Version, "Refused", TestRegister.Ann, t.Settings)));
        refused.Message.ShouldBe(".git/risks-journal.json: is a named pipe (FIFO), not a file; remove it");
        File.ReadAllText(t.FullPath(RegisterLayout.PathOf(Other))).ShouldContain("title: Other\n");
    }

    [Fact]
    public async Task One_risk_read_alone_that_is_a_pipe_is_reported()
    {
        using var t = Register();
        File.Delete(OddFile(t));
        Run("mkfifo", OddFile(t));

        var snapshot = await Within(() => t.Repo.Reader.LoadRisk(Odd));

        snapshot.Risks.ShouldBeEmpty();
        snapshot.InvalidFiles.ShouldBe([RegisterLayout.PathOf(Odd)]);
    }

    private static void ShouldReportOnly(RegisterSnapshot snapshot, string message)
    {
        var path = RegisterLayout.PathOf(Odd);
        snapshot.Problems.Select(p => p.ToString()).ShouldBe([$"{path}:1:1: {message}"]);
        snapshot.InvalidFiles.ShouldBe([path]);
        snapshot.Find(Other)!.Risk.Title.ShouldBe("Other");
    }

    private static async Task SavingTheOtherRiskStillWorks(TestRegister t)
    {
        var stored = (await Within(() => t.Repo.Reader.Load())).Find(Other)!;
        var outcome = await Within(() => t.Repo.Saves.Save(stored.Risk with { Title = "Other, saved" }, stored.Version, "Still works", TestRegister.Ann, t.Settings));
        outcome.ShouldBeOfType<SaveOutcome.Saved>();
    }

    private static async Task<T> Within<T>(Func<T> work)
    {
        var task = Task.Run(work);
        (await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30)))).ShouldBe(task, "it did not finish within 30 seconds");
        return await task;
    }

    private static TestRegister Register()
    {
        var t = new TestRegister();
        t.SaveNew(Samples.Operational(Other.Value) with { Title = "Other", Owner = "rjarvis" });
        t.SaveNew(Samples.Operational(Odd.Value) with { Title = "Odd", Owner = "rjarvis" });
        return t;
    }

    private static string OddFile(TestRegister t) => t.FullPath(RegisterLayout.PathOf(Odd));

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true })!;
        process.WaitForExit(10_000).ShouldBeTrue();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
    }
}
