using System.Text;
using LibGit2Sharp;
using Risks.Core.Domain;
using Risks.Storage.Git;
using Risks.Storage.Yaml;

namespace Risks.Storage.Tests.Git;

public sealed class RegisterTests : IDisposable
{
    private const string RiskPath = "risks/BAF/00/BAF-07.yaml";

    private readonly TestRegister _register = new();

    public void Dispose() => _register.Dispose();

    private static Risk Inequalities() => Samples.Operational() with { Objectives = ["SO2"] };

    [Fact]
    public void Init_makes_one_commit_holding_the_settings()
    {
        using var repo = new Repository(_register.Root);

        repo.Commits.Count().ShouldBe(1);
        var commit = repo.Head.Tip;
        repo.Head.FriendlyName.ShouldBe("main");
        commit.Message.ShouldBe("Register created for Mid and South Essex Integrated Care Board\n");
        commit.Author.Name.ShouldBe("Ann Author");
        commit.Author.Email.ShouldBe("ann.author@mse.example");
        commit.Author.When.ShouldBe(TestRegister.Start);
        commit.Tree.Select(e => e.Path).Order(StringComparer.Ordinal).ShouldBe([".gitattributes", "register.yaml"]);
        ((Blob)commit["register.yaml"].Target).GetContentText().ShouldBe(SettingsYaml.Write(_register.Settings));
        File.ReadAllText(_register.FullPath("register.yaml")).ShouldBe(SettingsYaml.Write(_register.Settings));
        File.ReadAllText(_register.FullPath(".gitattributes")).ShouldBe("*.yaml text eol=lf\n");
        repo.RetrieveStatus().IsDirty.ShouldBeFalse();
    }

    [Fact]
    public void Init_refuses_a_folder_that_is_not_empty()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "notes.txt"), "x");

        var error = Should.Throw<RegisterException>(() => Register.Init(folder.Path, TestRegister.DefaultSettings(), TestRegister.Ann));

        error.Message.ShouldBe($"{folder.Path} is not empty; a new register needs an empty or new folder");
        Directory.Exists(Path.Combine(folder.Path, ".git")).ShouldBeFalse();
    }

    [Fact]
    public void Init_refuses_invalid_settings_and_makes_nothing()
    {
        using var folder = new TempFolder();
        var root = Path.Combine(folder.Path, "register");

        var error = Should.Throw<RegisterException>(() => Register.Init(root, new RegisterSettings(), TestRegister.Ann));

        error.Message.ShouldBe("the settings are not valid: organisation is required");
        Directory.Exists(root).ShouldBeFalse();
    }

    [Fact]
    public void Open_refuses_a_folder_that_is_not_a_register()
    {
        using var folder = new TempFolder();

        var error = Should.Throw<RegisterException>(() => Register.Open(folder.Path));

        error.Message.ShouldBe($"{folder.Path} is not a register: it needs register.yaml and a Git repository (make one with 'risks init')");
    }

    [Fact]
    public void A_register_is_discovered_from_a_folder_inside_it()
    {
        var inside = _register.FullPath("risks/BAF");
        Directory.CreateDirectory(inside);

        Register.Discover(inside).ShouldBe(_register.Root);
        Register.Open(_register.Root).Root.ShouldBe(_register.Root);
    }

    [Fact]
    public void A_new_register_loads_with_no_risks_and_no_problems()
    {
        var snapshot = _register.Repo.Reader.Load();

        snapshot.SettingsValid.ShouldBeTrue();
        snapshot.Risks.ShouldBeEmpty();
        snapshot.InvalidFiles.ShouldBeEmpty();
        snapshot.Problems.ShouldBeEmpty();
        snapshot.Settings.Organisation.ShouldBe("Mid and South Essex Integrated Care Board");
    }

    [Fact]
    public void Saving_a_new_risk_makes_one_commit_touching_only_its_file()
    {
        var risk = Inequalities();
        var when = new DateTimeOffset(2025, 3, 13, 14, 30, 0, TimeSpan.FromHours(1));

        var saved = _register.Repo.Saves.Save(risk, null, "Raised at the March board.", TestRegister.Ann, _register.Settings, when).ShouldBeOfType<SaveOutcome.Saved>();

        using var repo = new Repository(_register.Root);
        repo.Commits.Count().ShouldBe(2);
        var commit = repo.Head.Tip;
        commit.Sha.ShouldBe(saved.Commit);
        commit.Parents.Count().ShouldBe(1);
        TestRegister.Touched(repo, commit).ShouldBe([RiskPath]);
        commit.Author.Name.ShouldBe("Ann Author");
        commit.Author.Email.ShouldBe("ann.author@mse.example");
        commit.Author.When.ShouldBe(when);
        commit.Committer.Name.ShouldBe("Ann Author");
        saved.Headline.ShouldBe("BAF-07 Inequalities: new risk, current score 12");
        commit.Message.ShouldBe("BAF-07 Inequalities: new risk, current score 12\n\nRaised at the March board.\n\nRisk-Id: BAF-07\n");
        commit.MessageShort.ShouldBe(saved.Headline);
        commit.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].ShouldBe("Risk-Id: BAF-07");

        var onDisk = File.ReadAllBytes(_register.FullPath(RiskPath));
        onDisk.ShouldBe(Encoding.UTF8.GetBytes(RiskYaml.Write(risk)));
        saved.Version.ShouldBe(BlobId.Of(onDisk));
        commit[RiskPath].Target.Sha.ShouldBe(saved.Version);
        repo.RetrieveStatus().IsDirty.ShouldBeFalse();
        Directory.EnumerateFiles(_register.FullPath("risks"), "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public void A_saved_risk_loads_back_at_the_saved_version()
    {
        var saved = _register.SaveNew(Inequalities());

        var stored = _register.Repo.Reader.Load().Find("BAF-07").ShouldNotBeNull();

        stored.Path.ShouldBe(RiskPath);
        stored.Version.ShouldBe(saved.Version);
        RiskYaml.Write(stored.Risk).ShouldBe(RiskYaml.Write(Inequalities()));
        _register.Repo.Reader.Load().Find("BAF-7").ShouldBe(stored);
    }

    [Fact]
    public void Without_a_time_the_commit_is_dated_by_the_register_s_clock()
    {
        _register.Clock.Advance(TimeSpan.FromDays(2));

        _register.SaveNew(Inequalities());

        _register.History()[0].When.ShouldBe(TestRegister.Start.AddDays(2));
    }

    [Fact]
    public void An_edit_is_committed_with_the_score_change_as_headline_and_the_reason_in_the_body()
    {
        var first = _register.SaveNew(Inequalities());

        var edited = Inequalities() with { Current = new Score(3, 3) };
        var saved = _register.Repo.Saves.Save(edited, first.Version, "Datix risk 18 fell to 9.", TestRegister.Bob, _register.Settings).ShouldBeOfType<SaveOutcome.Saved>();

        saved.Headline.ShouldBe("BAF-07 Inequalities: current score 12 -> 9");
        saved.Changes.Select(c => c.Description).ShouldBe(["current likelihood 4 -> 3"]);
        var history = _register.History();
        history.Count.ShouldBe(3);
        history[0].Message.ShouldBe("BAF-07 Inequalities: current score 12 -> 9\n\nDatix risk 18 fell to 9.\n\n- current likelihood 4 -> 3\n\nRisk-Id: BAF-07\n");
        history[0].AuthorName.ShouldBe("Bob Other");
        history[0].Touched.ShouldBe([RiskPath]);
        File.ReadAllText(_register.FullPath(RiskPath)).ShouldBe(RiskYaml.Write(edited));
    }

    [Fact]
    public void A_change_the_headline_says_in_full_is_not_listed_again()
    {
        var first = _register.SaveNew(Inequalities());

        _register.Repo.Saves.Save(Inequalities() with { NextReview = new DateOnly(2025, 7, 1) }, first.Version, null, TestRegister.Ann);

        _register.History()[0].Message.ShouldBe("BAF-07 Inequalities: next review set to 2025-07-01\n\nRisk-Id: BAF-07\n");
    }

    [Fact]
    public void Saving_an_unchanged_risk_makes_no_commit()
    {
        var first = _register.SaveNew(Inequalities());

        var outcome = _register.Repo.Saves.Save(Inequalities(), first.Version, "nothing", TestRegister.Ann);

        outcome.ShouldBeOfType<SaveOutcome.Unchanged>();
        _register.CommitCount().ShouldBe(2);
    }

    [Fact]
    public void Saving_from_a_stale_version_is_a_conflict_naming_who_saved_since()
    {
        var first = _register.SaveNew(Inequalities());
        _register.Repo.Saves.Save(Inequalities() with { Current = new Score(3, 3) }, first.Version, null, TestRegister.Bob, when: TestRegister.Start.AddHours(1))
            .ShouldBeOfType<SaveOutcome.Saved>();
        var bobs = File.ReadAllText(_register.FullPath(RiskPath));

        var outcome = _register.Repo.Saves.Save(Inequalities() with { Current = new Score(2, 4) }, first.Version, null, TestRegister.Ann);

        var conflict = outcome.ShouldBeOfType<SaveOutcome.Conflict>();
        conflict.By.ShouldBe("Bob Other");
        conflict.When.ShouldBe(TestRegister.Start.AddHours(1));
        conflict.Message.ShouldBe(
            $"{RiskPath} was changed by someone else since it was read: Bob Other saved it on 2025-03-13 at 10:00 (BAF-07 Inequalities: current score 12 -> 9); reload it and apply your edit again");
        _register.CommitCount().ShouldBe(3);
        File.ReadAllText(_register.FullPath(RiskPath)).ShouldBe(bobs);
    }

    [Fact]
    public void Saving_a_new_risk_whose_file_exists_is_a_conflict()
    {
        _register.SaveNew(Inequalities(), TestRegister.Bob);

        var outcome = _register.Repo.Saves.Save(Inequalities() with { Title = "Another" }, null, null, TestRegister.Ann);

        var conflict = outcome.ShouldBeOfType<SaveOutcome.Conflict>();
        conflict.By.ShouldBe("Bob Other");
        conflict.Message.ShouldBe($"{RiskPath} already exists: Bob Other saved it on 2025-03-13 at 09:00 (BAF-07 Inequalities: new risk, current score 12); choose another id or edit that risk");
        _register.CommitCount().ShouldBe(2);
    }

    [Fact]
    public void Saving_a_new_risk_whose_id_differs_only_in_leading_zeros_is_refused()
    {
        _register.SaveNew(Inequalities());

        var outcome = _register.Repo.Saves.Save(Inequalities() with { Id = RiskId.Parse("BAF-7") }, null, null, TestRegister.Bob);

        outcome.ShouldNotBeOfType<SaveOutcome.Saved>();
        _register.CommitCount().ShouldBe(2);
        File.Exists(_register.FullPath("risks/BAF/00/BAF-7.yaml")).ShouldBeFalse();
    }

    [Fact]
    public void Saving_over_a_file_removed_since_it_was_read_is_a_conflict()
    {
        var first = _register.SaveNew(Inequalities());
        File.Delete(_register.FullPath(RiskPath));

        var conflict = _register.Repo.Saves.Save(Inequalities() with { Current = new Score(3, 3) }, first.Version, null, TestRegister.Ann).ShouldBeOfType<SaveOutcome.Conflict>();

        conflict.Message.ShouldBe($"{RiskPath} was removed by someone else since it was read; reload it and apply your edit again");
        conflict.CurrentVersion.ShouldBeNull();
    }

    [Fact]
    public void Saving_over_an_uncommitted_hand_edit_is_a_conflict()
    {
        var first = _register.SaveNew(Inequalities());
        var edited = File.ReadAllText(_register.FullPath(RiskPath)).Replace("likelihood: 4", "likelihood: 2", StringComparison.Ordinal);
        File.WriteAllText(_register.FullPath(RiskPath), edited);

        var conflict = _register.Repo.Saves.Save(Inequalities() with { Current = new Score(3, 3) }, first.Version, null, TestRegister.Ann).ShouldBeOfType<SaveOutcome.Conflict>();

        conflict.Message.ShouldStartWith($"{RiskPath} has changed since it was read: it holds an edit not yet committed (file modified ");
        conflict.CurrentVersion.ShouldBe(BlobId.Of(Encoding.UTF8.GetBytes(edited)));
        File.ReadAllText(_register.FullPath(RiskPath)).ShouldBe(edited);
        _register.CommitCount().ShouldBe(2);
    }

    [Fact]
    public void A_hand_edit_that_was_loaded_is_committed_by_the_next_save()
    {
        _register.SaveNew(Inequalities());
        File.WriteAllText(_register.FullPath(RiskPath), File.ReadAllText(_register.FullPath(RiskPath)).Replace("likelihood: 4", "likelihood: 2", StringComparison.Ordinal));
        var loaded = _register.Repo.Reader.Load().Find("BAF-07")!;

        var saved = _register.Repo.Saves.Save(loaded.Risk with { Title = "Health inequalities" }, loaded.Version, null, TestRegister.Ann).ShouldBeOfType<SaveOutcome.Saved>();

        saved.Changes.Select(c => c.Description).ShouldBe(["title \"Inequalities\" -> \"Health inequalities\"", "current likelihood 4 -> 2"]);
        using var repo = new Repository(_register.Root);
        repo.RetrieveStatus().IsDirty.ShouldBeFalse();
    }

    [Fact]
    public void Saving_the_committed_content_over_a_hand_edit_makes_no_empty_commit()
    {
        _register.SaveNew(Inequalities());
        File.WriteAllText(_register.FullPath(RiskPath), File.ReadAllText(_register.FullPath(RiskPath)).Replace("likelihood: 4", "likelihood: 2", StringComparison.Ordinal));
        var loaded = _register.Repo.Reader.Load().Find("BAF-07")!;

        _register.Repo.Saves.Save(Inequalities(), loaded.Version, null, TestRegister.Ann);

        using var repo = new Repository(_register.Root);
        foreach (var commit in repo.Commits)
        {
            TestRegister.Touched(repo, commit).ShouldNotBeEmpty($"commit {commit.MessageShort} changes no file");
        }

        File.ReadAllText(_register.FullPath(RiskPath)).ShouldBe(RiskYaml.Write(Inequalities()));
    }

    [Fact]
    public void An_invalid_risk_is_refused_and_nothing_is_written()
    {
        var outcome = _register.Repo.Saves.Save(Inequalities() with { Current = new Score(7, 4), Owner = "" }, null, null, TestRegister.Ann);

        outcome.ShouldBeOfType<SaveOutcome.Invalid>().Problems.ShouldBe(["owner is required", "current impact must be 1-5, found 7"]);
        File.Exists(_register.FullPath(RiskPath)).ShouldBeFalse();
        Directory.Exists(_register.FullPath("risks")).ShouldBeFalse();
        _register.CommitCount().ShouldBe(1);
    }

    [Fact]
    public void With_settings_a_risk_naming_unknown_people_or_risks_is_refused()
    {
        var risk = Inequalities() with { Owner = "zsmith", LinkedRisks = ["CRR-018"] };

        var outcome = _register.Repo.Saves.Save(risk, null, null, TestRegister.Ann, _register.Settings);

        outcome.ShouldBeOfType<SaveOutcome.Invalid>().Problems.ShouldBe(
        [
            "owner names zsmith, who is not among register.yaml's people",
            "linked risk 1 names CRR-018, which is not in the register",
        ]);
        _register.CommitCount().ShouldBe(1);
    }

    [Fact]
    public void With_settings_a_link_to_a_saved_risk_is_accepted()
    {
        _register.SaveNew(Samples.Operational("CRR-018"));

        var outcome = _register.Repo.Saves.Save(Inequalities() with { LinkedRisks = ["CRR-018"] }, null, null, TestRegister.Ann, _register.Settings);

        outcome.ShouldBeOfType<SaveOutcome.Saved>();
    }

    [Fact]
    public void Links_need_not_exist_when_entering_risks_that_link_to_each_other()
    {
        var outcome = _register.Repo.Saves.Save(Inequalities() with { LinkedRisks = ["CRR-018"] }, null, null, TestRegister.Ann, _register.Settings, requireLinkedRisks: false);

        outcome.ShouldBeOfType<SaveOutcome.Saved>();
    }

    [Fact]
    public void With_settings_a_link_is_found_whatever_its_leading_zeros()
    {
        _register.SaveNew(Samples.Operational("CRR-018"));

        var outcome = _register.Repo.Saves.Save(Inequalities() with { LinkedRisks = ["CRR-18"] }, null, null, TestRegister.Ann, _register.Settings);

        outcome.ShouldBeOfType<SaveOutcome.Saved>();
    }

    [Fact]
    public void A_broken_file_is_listed_as_invalid_while_the_other_risks_load()
    {
        _register.SaveNew(Inequalities());
        _register.SaveNew(Samples.Operational("CRR-018"));
        var broken = RiskYaml.Write(Samples.Operational("BAF-08")).Replace("impact: 3", "impact: 7", StringComparison.Ordinal);
        _register.WriteFile("risks/BAF/00/BAF-08.yaml", broken);

        var snapshot = _register.Repo.Reader.Load();

        snapshot.Risks.Select(r => r.Risk.Id.Value).ShouldBe(["BAF-07", "CRR-018"]);
        snapshot.InvalidFiles.ShouldBe(["risks/BAF/00/BAF-08.yaml"]);
        snapshot.Problems.Select(p => p.ToString()).ShouldBe(["risks/BAF/00/BAF-08.yaml:9:11: current impact must be 1-5, found 7"]);
    }

    [Fact]
    public void Files_that_cannot_be_read_at_all_are_each_listed_with_their_problem()
    {
        _register.SaveNew(Inequalities());
        _register.WriteFile("risks/BAF/00/BAF-08.yaml", "");
        _register.WriteFile("risks/BAF/00/BAF-09.yaml", "id: &a BAF-09\n");
        _register.WriteFile("risks/BAF/00/notes.yaml", RiskYaml.Write(Samples.Operational("BAF-10")));
        _register.WriteFile("risks/BAF/01/BAF-11.yaml", RiskYaml.Write(Samples.Operational("BAF-11")));

        var snapshot = _register.Repo.Reader.Load();

        snapshot.Risks.Select(r => r.Risk.Id.Value).ShouldBe(["BAF-07"]);
        snapshot.InvalidFiles.Order(StringComparer.Ordinal).ShouldBe(["risks/BAF/00/BAF-08.yaml", "risks/BAF/00/BAF-09.yaml", "risks/BAF/00/notes.yaml", "risks/BAF/01/BAF-11.yaml"]);
        snapshot.Problems.Select(p => p.ToString()).ShouldBe(
        [
            "risks/BAF/00/BAF-08.yaml:1:1: file is empty",
            "risks/BAF/00/BAF-09.yaml:1:5: anchors (&a) are not allowed in a register file",
            $"risks/BAF/00/notes.yaml:1:1: the file name is not a risk id followed by .yaml: {RiskId.Rules}",
            "risks/BAF/01/BAF-11.yaml:1:1: BAF-11 belongs at risks/BAF/00/BAF-11.yaml; move the file there",
        ]);
    }

    [Fact]
    public void Two_files_whose_ids_differ_only_in_leading_zeros_are_a_duplicate()
    {
        _register.SaveNew(Inequalities());
        _register.WriteFile("risks/BAF/00/BAF-7.yaml", RiskYaml.Write(Samples.Operational("BAF-7")));

        var snapshot = _register.Repo.Reader.Load();

        snapshot.Risks.Select(r => r.Path).ShouldBe([RiskPath]);
        snapshot.InvalidFiles.ShouldBe(["risks/BAF/00/BAF-7.yaml"]);
        snapshot.Problems.Select(p => p.ToString()).ShouldBe(
            ["risks/BAF/00/BAF-7.yaml:1:1: BAF-7 is the same id as risks/BAF/00/BAF-07.yaml; ids that differ only in leading zeros are one id"]);
    }

    [Fact]
    public void Names_the_register_does_not_know_are_reported_where_the_file_gives_them_but_the_risk_loads()
    {
        var risk = Inequalities() with { Owner = "zsmith", LinkedRisks = ["CRR-099"] };
        _register.WriteFile(RiskPath, RiskYaml.Write(risk));

        var snapshot = _register.Repo.Reader.Load();

        snapshot.Risks.Select(r => r.Risk.Id.Value).ShouldBe(["BAF-07"]);
        snapshot.InvalidFiles.ShouldBeEmpty();
        snapshot.Problems.Select(p => p.ToString()).ShouldBe(
        [
            $"{RiskPath}:7:8: owner names zsmith, who is not among register.yaml's people",
            $"{RiskPath}:11:5: linked risk 1 names CRR-099, which is not in the register",
        ]);
    }

    [Fact]
    public void A_broken_register_yaml_is_reported_and_risks_still_load()
    {
        _register.SaveNew(Inequalities());
        File.WriteAllText(_register.FullPath("register.yaml"), "organisation: Org\nbands: nope\n");

        var snapshot = _register.Repo.Reader.Load();

        snapshot.SettingsValid.ShouldBeFalse();
        snapshot.Risks.Count.ShouldBe(1);
        snapshot.Problems.ShouldContain(p => p.File == "register.yaml");
        snapshot.Problems.ShouldAllBe(p => p.File == "register.yaml");
    }

    [Fact]
    public void The_committed_risk_is_read_from_head_not_the_work_tree()
    {
        var risk = Inequalities();
        _register.SaveNew(risk);
        File.WriteAllText(_register.FullPath(RegisterLayout.PathOf(risk.Id)), "owner: someone-else\n");

        _register.Repo.Reader.CommittedRisk(risk.Id).Risk.ShouldBeEquivalentTo(risk);
        _register.Repo.Reader.CommittedRisk(RiskId.Parse("BAF-99")).ShouldBe((false, null));
    }

    [Fact]
    public void The_committed_settings_are_read_from_head_not_the_work_tree()
    {
        File.WriteAllText(_register.FullPath("register.yaml"), "not: [valid\n");

        var (settings, problems) = _register.Repo.Reader.CommittedSettings();

        problems.ShouldBeEmpty();
        settings.ShouldNotBeNull().Organisation.ShouldBe(_register.Settings.Organisation);
        settings.People.Select(p => p.Login).ShouldBe(_register.Settings.People.Select(p => p.Login));
    }

    [Fact]
    public void The_repository_stays_valid_for_git_after_saves()
    {
        var first = _register.SaveNew(Inequalities());
        _register.Repo.Saves.Save(Inequalities() with { Current = new Score(3, 3) }, first.Version, null, TestRegister.Bob);
        _register.SaveNew(Samples.Operational("CRR-1234"));

        var (fsck, fsckOutput) = GitSandbox.Git(_register.Root, "fsck", "--full", "--strict");
        var (status, statusOutput) = GitSandbox.Git(_register.Root, "status", "--porcelain");
        var (log, logOutput) = GitSandbox.Git(_register.Root, "log", "--format=%s", "--name-only");

        fsck.ShouldBe(0, fsckOutput);
        status.ShouldBe(0);
        statusOutput.ShouldBeEmpty();
        log.ShouldBe(0);
        logOutput.ShouldContain("CRR-1234 Inequalities: new risk, current score 12\n\nrisks/CRR/12/CRR-1234.yaml\n");
    }
}
