using LibGit2Sharp;
using Risks.Core.Domain;
using Risks.Storage.Git;
using Risks.Storage.Yaml;

namespace Risks.Storage.Tests.Git;

[Collection(ProcessCaches.Name)]
public sealed class IterationTests : IDisposable
{
    private const string RiskPath = "risks/BAF/00/BAF-07.yaml";

    private static readonly DateTimeOffset January = new(2025, 1, 30, 17, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset March = new(2025, 3, 27, 17, 0, 0, TimeSpan.Zero);

    private readonly TestRegister _register = new();

    public void Dispose() => _register.Dispose();

    private static Risk Inequalities() => Samples.Operational() with { Objectives = ["SO2"] };

    [Fact]
    public void A_new_register_has_no_iterations()
    {
        _register.Repo.Iterations.All().ShouldBeEmpty();
    }

    [Fact]
    public void Iterations_are_listed_oldest_first_with_the_title_tagger_and_date_of_each_tag()
    {
        _register.SaveNew(Inequalities());
        var first = _register.Repo.Reader.HeadCommit()!;
        _register.Repo.Iterations.Cut("2025-01", "January 2025 BAF\n\nAgreed at the January board.", TestRegister.Ann, January);
        _register.SaveNew(Samples.Operational("CRR-018"));
        var second = _register.Repo.Reader.HeadCommit()!;
        _register.Repo.Iterations.Cut("2025-03", "March 2025 BAF", TestRegister.Bob, March);

        _register.Repo.Iterations.All().ShouldBe(
        [
            new Iteration("2025-01", "January 2025 BAF", first, January, "Ann Author", new DateOnly(2025, 1, 30)),
            new Iteration("2025-03", "March 2025 BAF", second, March, "Bob Other", new DateOnly(2025, 3, 27)),
        ]);
    }

    [Fact]
    public void Iterations_are_ordered_by_date_not_name_and_by_name_on_the_same_date()
    {
        _register.SaveNew(Inequalities());
        _register.Repo.Iterations.Cut("2025-03", "March", TestRegister.Ann, March);
        _register.Repo.Iterations.Cut("2025-01", "January, tagged late", TestRegister.Ann, January);
        _register.Repo.Iterations.Cut("2025-01-bis", "January again", TestRegister.Bob, January);

        _register.Repo.Iterations.All().Select(i => i.Name).ShouldBe(["2025-01", "2025-01-bis", "2025-03"]);
    }

    [Fact]
    public void A_lightweight_tag_is_an_iteration_without_a_title_dated_and_named_by_its_commit()
    {
        var saved = _register.SaveNew(Inequalities(), TestRegister.Bob);
        using (var repo = new Repository(_register.Root))
        {
            repo.ApplyTag("2025-02");
            var blob = repo.ObjectDatabase.CreateBlob(new MemoryStream("not a commit"u8.ToArray()));
            repo.Tags.Add("a-blob", blob);
        }

        _register.Repo.Iterations.All().ShouldBe([new Iteration("2025-02", "", saved.Commit, TestRegister.Start, "Bob Other", DateOnly.FromDateTime(TestRegister.Start.DateTime))]);
    }

    [Fact]
    public void The_board_date_is_a_trailer_of_the_tag_s_message_that_people_and_the_program_read()
    {
        var saved = _register.SaveNew(Inequalities());

        _register.Repo.Iterations.Cut("2025-03", "Board, 13 March 2025\n", TestRegister.Ann, new DateTimeOffset(2025, 3, 6, 17, 0, 0, TimeSpan.Zero), new DateOnly(2025, 3, 13));

        using (var repo = new Repository(_register.Root))
        {
            repo.Tags["2025-03"].Annotation.Message.ShouldBe("Board, 13 March 2025\n\nBoard-Date: 2025-03-13\n");
        }

        var iteration = _register.Repo.Iterations.All().ShouldHaveSingleItem();
        iteration.ShouldBe(new Iteration("2025-03", "Board, 13 March 2025", saved.Commit, new DateTimeOffset(2025, 3, 6, 17, 0, 0, TimeSpan.Zero), "Ann Author", new DateOnly(2025, 3, 13)));
    }

    [Fact]
    public void Without_a_board_date_an_iteration_is_for_the_day_it_is_cut_and_the_trailer_says_so()
    {
        _register.SaveNew(Inequalities());

        _register.Repo.Iterations.Cut("2025-03", "March 2025 BAF", TestRegister.Ann, March);
        _register.Repo.Iterations.Cut("2025-03-now", "", TestRegister.Ann);

        using (var repo = new Repository(_register.Root))
        {
            repo.Tags["2025-03"].Annotation.Message.ShouldBe("March 2025 BAF\n\nBoard-Date: 2025-03-27\n");
            repo.Tags["2025-03-now"].Annotation.Message.ShouldBe("Iteration 2025-03-now\n\nBoard-Date: 2025-03-13\n");
        }

        _register.Repo.Iterations.All().Select(i => (i.Name, i.Title, i.BoardDate)).ShouldBe(
        [
            ("2025-03-now", "Iteration 2025-03-now", DateOnly.FromDateTime(_register.Clock.GetLocalNow().DateTime)),
            ("2025-03", "March 2025 BAF", new DateOnly(2025, 3, 27)),
        ]);
    }

    [Fact]
    public void A_tag_made_without_a_board_date_is_for_the_day_its_tagger_cut_it()
    {
        var saved = _register.SaveNew(Inequalities());
        using (var repo = new Repository(_register.Root))
        {
            var tagger = new Signature("Ann Author", "ann.author@mse.example", new DateTimeOffset(2025, 1, 30, 23, 30, 0, TimeSpan.FromHours(-1)));
            repo.ApplyTag("2025-01", tagger, "January 2025 BAF\n\nAgreed at the January board.\n");
            repo.ApplyTag("2025-02", tagger, "February\n\nBoard-Date: next Thursday\n");
            repo.ApplyTag("2025-03", tagger, "Board-Date: 2025-03-13\n");
        }

        var iterations = _register.Repo.Iterations.All();

        iterations.Select(i => (i.Name, i.Title, i.BoardDate)).ShouldBe(
        [
            ("2025-01", "January 2025 BAF", new DateOnly(2025, 1, 30)),
            ("2025-02", "February", new DateOnly(2025, 1, 30)),
            ("2025-03", "Board-Date: 2025-03-13", new DateOnly(2025, 1, 30)),
        ]);
        iterations.ShouldAllBe(i => i.Commit == saved.Commit);
    }

    [Fact]
    public void A_board_date_written_by_hand_is_read_in_any_case_and_as_dates_are_typed()
    {
        _register.SaveNew(Inequalities());
        using (var repo = new Repository(_register.Root))
        {
            var tagger = new Signature("Ann Author", "ann.author@mse.example", March);
            repo.ApplyTag("2025-01", tagger, "Board, January 2025\n\nAgreed at the meeting.\n\nSigned-off-by: Ann Author <ann.author@mse.example>\nboard-date: 16/01/2025\n");
            repo.ApplyTag("2025-02", tagger, "Board, February 2025\n\nBoard-Date:  20 Feb 2025\n");
        }

        _register.Repo.Iterations.All().Select(i => (i.Name, i.Title, i.BoardDate)).ShouldBe(
        [
            ("2025-01", "Board, January 2025", new DateOnly(2025, 1, 16)),
            ("2025-02", "Board, February 2025", new DateOnly(2025, 2, 20)),
        ]);
    }

    [Fact]
    public void Iterations_cut_on_one_day_are_ordered_by_their_board_dates()
    {
        _register.SaveNew(Inequalities());
        var day = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

        _register.Repo.Iterations.Cut("march", "Board, March 2025", TestRegister.Ann, day, new DateOnly(2025, 3, 13));
        _register.Repo.Iterations.Cut("january", "Board, January 2025", TestRegister.Ann, day.AddMinutes(5), new DateOnly(2025, 1, 16));

        _register.Repo.Iterations.All().Select(i => (i.Name, i.BoardDate)).ShouldBe(
        [
            ("january", new DateOnly(2025, 1, 16)),
            ("march", new DateOnly(2025, 3, 13)),
        ]);
    }

    [Fact]
    public void An_iteration_loads_as_it_was_tagged_after_later_saves_change_and_add_risks()
    {
        var first = _register.SaveNew(Inequalities());
        _register.SaveNew(Samples.Operational("CRR-018"));
        _register.Repo.Iterations.Cut("2025-01", "January 2025 BAF", TestRegister.Ann, January);
        _register.Repo.Saves.Save(Inequalities() with { Current = new Score(3, 3) }, first.Version, "Fell.", TestRegister.Bob).ShouldBeOfType<SaveOutcome.Saved>();
        _register.SaveNew(Samples.Operational("BAF-08"));

        var then = _register.Repo.Reader.LoadAt("2025-01");

        then.SettingsValid.ShouldBeTrue();
        then.Problems.ShouldBeEmpty();
        then.InvalidFiles.ShouldBeEmpty();
        then.Risks.Select(r => r.Risk.Id.Value).ShouldBe(["BAF-07", "CRR-018"]);
        var baf07 = then.Find("BAF-07").ShouldNotBeNull();
        baf07.Path.ShouldBe(RiskPath);
        baf07.Version.ShouldBe(first.Version);
        baf07.Risk.Current.ShouldBe(new Score(3, 4));
        var now = _register.Repo.Reader.Load();
        now.Risks.Select(r => r.Risk.Id.Value).ShouldBe(["BAF-07", "BAF-08", "CRR-018"]);
        now.Find("BAF-07")!.Risk.Current.ShouldBe(new Score(3, 3));
    }

    [Fact]
    public void A_revision_may_be_a_branch_a_commit_sha_an_abbreviated_sha_or_head()
    {
        var first = _register.SaveNew(Inequalities());
        _register.SaveNew(Samples.Operational("CRR-018"));

        _register.Repo.Reader.LoadAt(first.Commit).Risks.Select(r => r.Risk.Id.Value).ShouldBe(["BAF-07"]);
        _register.Repo.Reader.LoadAt(first.Commit[..10]).Risks.Select(r => r.Risk.Id.Value).ShouldBe(["BAF-07"]);
        _register.Repo.Reader.LoadAt("HEAD~1").Risks.Select(r => r.Risk.Id.Value).ShouldBe(["BAF-07"]);
        _register.Repo.Reader.LoadAt("main").Risks.Select(r => r.Risk.Id.Value).ShouldBe(["BAF-07", "CRR-018"]);
        _register.Repo.Reader.LoadAt("HEAD").Risks.Select(r => r.Risk.Id.Value).ShouldBe(["BAF-07", "CRR-018"]);
    }

    [Fact]
    public void The_first_commit_loads_as_a_register_with_no_risks()
    {
        using (var repo = new Repository(_register.Root))
        {
            repo.ApplyTag("created");
        }

        _register.SaveNew(Inequalities());

        var snapshot = _register.Repo.Reader.LoadAt("created");

        snapshot.SettingsValid.ShouldBeTrue();
        snapshot.Settings.Organisation.ShouldBe(_register.Settings.Organisation);
        snapshot.Risks.ShouldBeEmpty();
        snapshot.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Head_loads_as_load_does_on_a_clean_work_tree_reusing_the_risks_already_read()
    {
        _register.SaveNew(Inequalities() with { Owner = "zsmith" });
        _register.SaveNew(Samples.Operational("CRR-018"));
        _register.SaveNew(Samples.Operational("CRR-1234"));

        var loaded = _register.Repo.Reader.Load();
        var committed = _register.Repo.Reader.LoadAt("HEAD");

        committed.SettingsValid.ShouldBe(loaded.SettingsValid);
        SettingsYaml.Write(committed.Settings).ShouldBe(SettingsYaml.Write(loaded.Settings));
        committed.Risks.ShouldBe(loaded.Risks);
        committed.InvalidFiles.ShouldBe(loaded.InvalidFiles);
        committed.Problems.ShouldBe(loaded.Problems);
        committed.Problems.Select(p => p.ToString()).ShouldBe([$"{RiskPath}:7:8: owner names zsmith, who is not among register.yaml's people"]);
        for (var i = 0; i < loaded.Risks.Count; i++)
        {
            committed.Risks[i].Risk.ShouldBeSameAs(loaded.Risks[i].Risk, "a version already parsed is not parsed again");
        }
    }

    [Fact]
    public void A_version_read_at_a_revision_is_not_parsed_again_by_load()
    {
        _register.SaveNew(Samples.Operational("CRR-018"));

        var committed = _register.Repo.Reader.LoadAt("HEAD");
        var loaded = _register.Repo.Reader.Load();

        loaded.Risks.Single().Risk.ShouldBeSameAs(committed.Risks.Single().Risk);
    }

    [Fact]
    public void Edits_not_yet_committed_are_not_seen_at_head()
    {
        var saved = _register.SaveNew(Inequalities());
        File.WriteAllText(_register.FullPath(RiskPath), File.ReadAllText(_register.FullPath(RiskPath)).Replace("likelihood: 4", "likelihood: 2", StringComparison.Ordinal));
        _register.WriteFile("risks/BAF/00/BAF-08.yaml", RiskYaml.Write(Samples.Operational("BAF-08")));
        _register.WriteFile("risks/BAF/00/BAF-09.yaml", "");
        File.WriteAllText(_register.FullPath("register.yaml"), "organisation: Org\nbands: nope\n");

        var committed = _register.Repo.Reader.LoadAt("HEAD");

        committed.SettingsValid.ShouldBeTrue();
        committed.Problems.ShouldBeEmpty();
        committed.InvalidFiles.ShouldBeEmpty();
        var stored = committed.Risks.ShouldHaveSingleItem();
        stored.Version.ShouldBe(saved.Version);
        stored.Risk.Current.ShouldBe(new Score(3, 4));
        _register.Repo.Reader.Load().Find("BAF-07")!.Risk.Current.ShouldBe(new Score(3, 2));
    }

    [Fact]
    public void Problems_at_a_revision_are_placed_by_the_committed_file_even_when_the_work_tree_s_is_gone()
    {
        _register.SaveNew(Inequalities() with { Owner = "zsmith" });
        File.Delete(_register.FullPath(RiskPath));

        var committed = _register.Repo.Reader.LoadAt("HEAD");

        committed.Problems.Select(p => p.ToString()).ShouldBe([$"{RiskPath}:7:8: owner names zsmith, who is not among register.yaml's people"]);
    }

    [Fact]
    public void Files_that_cannot_be_read_at_a_revision_are_listed_with_their_problems_as_load_lists_them()
    {
        _register.SaveNew(Inequalities());
        _register.WriteFile("risks/BAF/00/BAF-08.yaml", RiskYaml.Write(Samples.Operational("BAF-08")).Replace("impact: 3", "impact: 7", StringComparison.Ordinal));
        _register.WriteFile("risks/BAF/00/BAF-09.yaml", "");
        _register.WriteFile("risks/BAF/00/notes.yaml", RiskYaml.Write(Samples.Operational("BAF-10")));
        _register.WriteFile("risks/BAF/01/BAF-11.yaml", RiskYaml.Write(Samples.Operational("BAF-11")));
        _register.WriteFile("risks/BAF/00/BAF-7.yaml", RiskYaml.Write(Samples.Operational("BAF-7")));
        _register.WriteFile("risks/README.md", "Not a risk.\n");
        var loaded = _register.Repo.Reader.Load();
        var commit = CommitWorkTree("Hand edits committed with git");
        _register.SaveNew(Samples.Operational("CRR-018"));
        File.Delete(_register.FullPath("risks/BAF/00/BAF-09.yaml"));

        var committed = _register.Repo.Reader.LoadAt(commit);

        committed.Risks.Select(r => r.Risk.Id.Value).ShouldBe(["BAF-07"]);
        committed.InvalidFiles.Order(StringComparer.Ordinal).ShouldBe(
            ["risks/BAF/00/BAF-08.yaml", "risks/BAF/00/BAF-09.yaml", "risks/BAF/00/BAF-7.yaml", "risks/BAF/00/notes.yaml", "risks/BAF/01/BAF-11.yaml"]);
        committed.Problems.Select(p => p.ToString()).ShouldBe(
        [
            "risks/BAF/00/BAF-08.yaml:9:11: current impact must be 1-5, found 7",
            "risks/BAF/00/BAF-09.yaml:1:1: file is empty",
            "risks/BAF/00/BAF-7.yaml:1:1: BAF-7 is the same id as risks/BAF/00/BAF-07.yaml; ids that differ only in leading zeros are one id",
            $"risks/BAF/00/notes.yaml:1:1: the file name is not a risk id followed by .yaml: {RiskId.Rules}",
            "risks/BAF/01/BAF-11.yaml:1:1: BAF-11 belongs at risks/BAF/00/BAF-11.yaml; move the file there",
        ]);
        committed.Risks.ShouldBe(loaded.Risks);
        committed.InvalidFiles.ShouldBe(loaded.InvalidFiles);
        committed.Problems.ShouldBe(loaded.Problems);
    }

    [Fact]
    public void A_broken_register_yaml_at_a_revision_is_reported_and_risks_still_load()
    {
        _register.SaveNew(Inequalities());
        File.WriteAllText(_register.FullPath("register.yaml"), "organisation: Org\nbands: nope\n");
        CommitWorkTree("Settings broken by hand");
        File.WriteAllText(_register.FullPath("register.yaml"), SettingsYaml.Write(_register.Settings));

        var committed = _register.Repo.Reader.LoadAt("HEAD");

        committed.SettingsValid.ShouldBeFalse();
        committed.Risks.Count.ShouldBe(1);
        committed.Problems.ShouldContain(p => p.File == "register.yaml");
        committed.Problems.ShouldAllBe(p => p.File == "register.yaml");
        _register.Repo.Reader.Load().SettingsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("2024-12")]
    [InlineData("no-such-branch")]
    [InlineData("0123456789abcdef0123456789abcdef01234567")]
    [InlineData("HEAD~5")]
    [InlineData("HEAD:register.yaml")]
    [InlineData("^^..bad")]
    [InlineData("")]
    public void An_unknown_revision_is_refused_saying_so(string revision)
    {
        _register.SaveNew(Inequalities());

        var error = Should.Throw<RegisterException>(() => _register.Repo.Reader.LoadAt(revision));

        error.Message.ShouldBe($"no iteration, branch or commit called '{revision}'");
    }

    [Fact]
    public void The_head_commit_changes_with_each_save_and_not_with_a_tag()
    {
        string initial;
        using (var repo = new Repository(_register.Root))
        {
            initial = repo.Head.Tip.Sha;
        }

        _register.Repo.Reader.HeadCommit().ShouldBe(initial);
        var saved = _register.SaveNew(Inequalities());
        _register.Repo.Reader.HeadCommit().ShouldBe(saved.Commit);
        saved.Commit.ShouldNotBe(initial);
        _register.Repo.Iterations.Cut("2025-03", "March 2025 BAF", TestRegister.Ann, March);
        _register.Repo.Reader.HeadCommit().ShouldBe(saved.Commit);
    }

    [Fact]
    public void A_register_with_no_commits_has_no_head_commit()
    {
        using var folder = new TempFolder();
        Repository.Init(folder.Path);
        File.WriteAllText(Path.Combine(folder.Path, SettingsYaml.FileName), SettingsYaml.Write(TestRegister.DefaultSettings()));
        var register = Register.Open(folder.Path);

        register.Reader.HeadCommit().ShouldBeNull();
        register.Iterations.All().ShouldBeEmpty();
        Should.Throw<RegisterException>(() => register.Reader.LoadAt("HEAD")).Message.ShouldBe("no iteration, branch or commit called 'HEAD'");
    }

    /// <summary>Commits the work tree as it is, as someone using git by hand would; returns the commit's sha.</summary>
    private string CommitWorkTree(string message)
    {
        using var repo = new Repository(_register.Root);
        Commands.Stage(repo, "*");
        var signature = new Signature(TestRegister.Bob.Name, TestRegister.Bob.Email, _register.Clock.GetLocalNow());
        return repo.Commit(message, signature, signature).Sha;
    }
}
