using LibGit2Sharp;
using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.Storage.Tests.Git;

/// <summary>Importing many risks as one commit: only what changed is written, and history, blame and the change index see the commit like any save.</summary>
[Collection(ProcessCaches.Name)]
public sealed class ImportTests : IDisposable
{
    private readonly TestRegister _register = new();

    public ImportTests() => ChangeIndex.ForgetAll();

    public void Dispose() => _register.Dispose();

    private Register Repo => _register.Repo;

    private static readonly DateTimeOffset When = TestRegister.Start.AddDays(1);

    private static Risk[] Three() =>
    [
        Samples.Operational("CRR-018") with { LinkedRisks = ["CRR-102"] },
        Samples.Operational("CRR-102") with { Owner = "etimpson" },
        Samples.Operational("BAF-07"),
    ];

    private ImportOutcome.Imported Import(IReadOnlyList<Risk> risks, string? reason = null) =>
        Repo.Import.Run(risks, "risks.csv", reason, TestRegister.Bob, _register.Settings, When).ShouldBeOfType<ImportOutcome.Imported>();

    [Fact]
    public void New_risks_are_one_commit_naming_the_file_with_a_trailer_for_each_and_links_between_them_allowed()
    {
        var head = _register.History()[0].Sha;

        var done = Import(Three(), "Moved from the old spreadsheet.");

        done.Commit.ShouldNotBeNull();
        done.Headline.ShouldBe("Imported 3 risks from risks.csv: 3 new, 0 changed");
        done.Changes.Select(c => (c.Risk.Id.Value, c.Kind)).ShouldBe([("CRR-018", ImportKind.New), ("CRR-102", ImportKind.New), ("BAF-07", ImportKind.New)]);
        var commits = _register.History();
        commits.Count.ShouldBe(2);
        var commit = commits[0];
        (commit.Sha, commit.AuthorName, commit.When, commit.Parents).ShouldBe((done.Commit, "Bob Other", When, 1));
        commits[1].Sha.ShouldBe(head);
        commit.Touched.Order().ShouldBe(["risks/BAF/00/BAF-07.yaml", "risks/CRR/00/CRR-018.yaml", "risks/CRR/01/CRR-102.yaml"]);
        commit.Message.ShouldBe(
            "Imported 3 risks from risks.csv: 3 new, 0 changed\n\n" +
            "Moved from the old spreadsheet.\n\n" +
            "- CRR-018 Inequalities: new risk, current score 12\n" +
            "- CRR-102 Inequalities: new risk, current score 12\n" +
            "- BAF-07 Inequalities: new risk, current score 12\n\n" +
            "Risk-Id: CRR-018\nRisk-Id: CRR-102\nRisk-Id: BAF-07\n");
        GitSandbox.Git(_register.Root, "status", "--porcelain").Output.ShouldBeEmpty();
        Repo.Reader.Load().Risks.Select(s => s.Risk.Id.Value).ShouldBe(["BAF-07", "CRR-018", "CRR-102"]);
    }

    [Fact]
    public void Importing_the_same_risks_again_writes_nothing_and_makes_no_commit()
    {
        Import(Three());
        var commits = _register.CommitCount();

        var again = Import(Three());

        again.Commit.ShouldBeNull();
        again.Changes.ShouldAllBe(c => c.Kind == ImportKind.Unchanged);
        _register.CommitCount().ShouldBe(commits);
    }

    [Fact]
    public void Only_the_files_of_changed_risks_are_in_the_commit_and_each_risks_history_shows_it_with_its_own_changes()
    {
        Import(Three());
        var risks = Three();
        risks[1] = risks[1] with { Current = new Score(2, 4) };

        var done = Import(risks, "Scores from the March review.");

        done.Headline.ShouldBe("Imported 1 risk from risks.csv: 0 new, 1 changed");
        done.Changes.Select(c => c.Kind).ShouldBe([ImportKind.Unchanged, ImportKind.Changed, ImportKind.Unchanged]);
        done.Changes[1].Headline.ShouldBe("CRR-102 Inequalities: current score 12 -> 8");
        _register.History()[0].Touched.ShouldBe(["risks/CRR/01/CRR-102.yaml"]);
        var history = Repo.History.Of(RiskId.Parse("CRR-102"), _register.Settings);
        history.Select(v => v.Revision.Headline).ShouldBe(["Imported 1 risk from risks.csv: 0 new, 1 changed", "Imported 3 risks from risks.csv: 3 new, 0 changed"]);
        history[0].Revision.Reason.ShouldBe("Scores from the March review.");
        history[0].Changes.Select(c => c.Description).ShouldBe(["current impact 3 -> 2"]);
        history.ShouldAllBe(v => v.ByProgram);
        Repo.History.Of(RiskId.Parse("CRR-018")).Count.ShouldBe(1);
        Repo.History.Blame(RiskId.Parse("CRR-102"), _register.Settings).Single(f => f.Field == "current.impact").Revision.Id.ShouldBe(done.Commit);
    }

    [Fact]
    public void The_change_index_records_every_file_of_an_import_and_agrees_when_rebuilt_from_git_or_from_trees()
    {
        Import(Three());
        var risks = Three();
        risks[0] = risks[0] with { Title = "Funding" };
        risks[2] = risks[2] with { Title = "Health inequalities" };
        Import(risks);
        var ids = Three().Select(r => r.Id).ToList();
        var first = ids.Select(id => Repo.History.Of(id).Select(v => (v.Revision.Id, v.BeforeVersion, v.AfterVersion)).ToList()).ToList();
        first.Select(h => h.Count).ShouldBe([2, 1, 2]);

        ChangeIndex.ForgetAll();
        ids.Select(id => Repo.History.Of(id).Select(v => (v.Revision.Id, v.BeforeVersion, v.AfterVersion)).ToList()).ToList().ShouldBe(first);
        try
        {
            ChangeIndex.UseGitProgram = false;
            ChangeIndex.ForgetAll();
            File.Delete(Path.Combine(_register.Root, ".git", "risks", "changes.idx"));
            ids.Select(id => Repo.History.Of(id).Select(v => (v.Revision.Id, v.BeforeVersion, v.AfterVersion)).ToList()).ToList().ShouldBe(first);
        }
        finally
        {
            ChangeIndex.UseGitProgram = true;
        }
    }

    [Fact]
    public void A_file_with_an_edit_not_yet_committed_stops_the_whole_import_and_nothing_is_written()
    {
        Import(Three());
        var path = RegisterLayout.PathOf(RiskId.Parse("CRR-018"));
        var edited = File.ReadAllText(_register.FullPath(path)).Replace("title: Inequalities", "title: Edited by hand", StringComparison.Ordinal);
        _register.WriteFile(path, edited);
        var commits = _register.CommitCount();
        var risks = Three().Select(r => r with { Title = "Changed" }).ToList();

        var outcome = Repo.Import.Run(risks, "risks.csv", null, TestRegister.Bob, _register.Settings, When);

        outcome.ShouldBeOfType<ImportOutcome.Conflict>().Problems.ShouldHaveSingleItem()
            .ShouldStartWith($"{path} holds an edit not yet committed (file modified ");
        _register.CommitCount().ShouldBe(commits);
        File.ReadAllText(_register.FullPath(path)).ShouldBe(edited);
        File.ReadAllText(_register.FullPath(RegisterLayout.PathOf(RiskId.Parse("BAF-07")))).ShouldContain("title: Inequalities\n");
    }

    [Fact]
    public void An_invalid_risk_or_an_id_spelt_otherwise_than_an_existing_ones_stops_the_import()
    {
        _register.SaveNew(Samples.Operational());
        var commits = _register.CommitCount();

        var invalid = Repo.Import.Run([Samples.Operational("CRR-1") with { Owner = "nobody", LinkedRisks = ["CRR-2"] }], "risks.csv", null, TestRegister.Bob, _register.Settings, When);
        var twin = Repo.Import.Run([Samples.Operational("BAF-7")], "risks.csv", null, TestRegister.Bob, _register.Settings, When);

        invalid.ShouldBeOfType<ImportOutcome.Invalid>().Problems.ShouldBe(
            ["CRR-1: owner names nobody, who is not among register.yaml's people", "CRR-1: linked risk 1 names CRR-2, which is not in the register"]);
        twin.ShouldBeOfType<ImportOutcome.Conflict>().Problems.ShouldBe(
            ["BAF-7 is the same id as risks/BAF/00/BAF-07.yaml (ids that differ only in leading zeros are one id); write it as that risk's id"]);
        _register.CommitCount().ShouldBe(commits);
        Directory.GetFiles(_register.FullPath("risks/BAF/00")).Select(Path.GetFileName).ShouldBe(["BAF-07.yaml"]);
    }

    [Fact]
    public void A_plan_says_what_an_import_would_do_and_writes_nothing()
    {
        Import(Three().Take(2).ToList());
        var risks = Three();
        risks[0] = risks[0] with { Title = "Funding" };
        var head = _register.History()[0].Sha;

        var plan = Repo.Import.Plan(risks, _register.Settings);

        plan.Select(c => (c.Kind, c.Headline)).ShouldBe(
        [
            (ImportKind.Changed, "CRR-018 Funding: title \"Inequalities\" -> \"Funding\""),
            (ImportKind.Unchanged, "CRR-102 Inequalities: no change"),
            (ImportKind.New, "BAF-07 Inequalities: new risk, current score 12"),
        ]);
        _register.History()[0].Sha.ShouldBe(head);
        File.Exists(_register.FullPath("risks/BAF/00/BAF-07.yaml")).ShouldBeFalse();
        using var repo = new Repository(_register.Root);
        repo.RetrieveStatus().IsDirty.ShouldBeFalse();
    }
}
