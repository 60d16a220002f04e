using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.Storage.Tests.Git;

/// <summary>Unsaved edits kept under .git, per person, so a crash loses nothing.</summary>
public sealed class DraftTests : IDisposable
{
    private readonly TestRegister _register = new();

    public void Dispose() => _register.Dispose();

    [Fact]
    public void A_draft_comes_back_exactly_as_kept_even_half_typed_and_invalid()
    {
        var mine = new Risk
        {
            Id = RiskId.Parse("BAF-01"),
            Kind = RiskKind.Strategic,
            Title = "Cyber security — £2m of systems",
            Current = new Score(4, 0),
            Gaps = [new Gap { Id = "G1", Text = "No test of the backups." }],
            Actions = [new RiskAction { Id = "A1", Text = "Test the backups.", Due = new DateOnly(2025, 6, 30) }],
        };
        var kept = new DateTimeOffset(2025, 3, 13, 14, 2, 0, TimeSpan.Zero);

        _register.Repo.Drafts.Keep("rjarvis", new Draft(mine.Id, null, null, mine, kept));
        var back = _register.Repo.Drafts.Of("rjarvis").ShouldHaveSingleItem();

        Core.Changes.RiskComparer.Compare(mine, back.Mine).ShouldBeEmpty();
        Risks.Storage.Yaml.RiskYaml.Write(back.Mine).ShouldBe(Risks.Storage.Yaml.RiskYaml.Write(mine));
        back.Mine.Current.ShouldBe(new Score(4, 0), "half a score stays half a score");
        back.IsNew.ShouldBeTrue();
        back.Kept.ShouldBe(kept);
        File.Exists(Path.Combine(_register.Root, ".git", "risks", "drafts", "rjarvis", "BAF-01.json")).ShouldBeTrue();
    }

    [Fact]
    public void Drafts_are_each_persons_own_and_go_when_dropped()
    {
        var stored = _register.SaveNew(Samples.Operational());
        var risk = Samples.Operational();
        var mine = risk with { Title = "Edited" };

        _register.Repo.Drafts.Keep("rjarvis", new Draft(risk.Id, risk, stored.Version, mine, TestRegister.Start));

        _register.Repo.Drafts.Of("etimpson").ShouldBeEmpty();
        var draft = _register.Repo.Drafts.Of("rjarvis").ShouldHaveSingleItem();
        Core.Changes.RiskComparer.Compare(risk, draft.Base).ShouldBeEmpty();
        draft.Mine.Title.ShouldBe("Edited");
        draft.BaseVersion.ShouldBe(stored.Version);
        _register.Repo.Drafts.Drop("rjarvis", risk.Id);
        _register.Repo.Drafts.Of("rjarvis").ShouldBeEmpty();
    }

    [Fact]
    public void A_damaged_draft_file_is_not_offered_and_not_removed()
    {
        var folder = Path.Combine(_register.Root, ".git", "risks", "drafts", "rjarvis");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "BAF-01.json"), "{ half");

        _register.Repo.Drafts.Of("rjarvis").ShouldBeEmpty();
        File.Exists(Path.Combine(folder, "BAF-01.json")).ShouldBeTrue();
    }

    [Fact]
    public void A_login_that_could_name_another_folder_is_refused()
    {
        Should.Throw<ArgumentException>(() => _register.Repo.Drafts.Of("../other"));
    }
}
