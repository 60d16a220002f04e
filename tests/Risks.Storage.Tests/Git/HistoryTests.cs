using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.Storage.Tests.Git;

/// <summary>A risk's history, read from the change index, against repositories whose history each test makes and so knows.</summary>
[Collection(ProcessCaches.Name)]
public sealed class HistoryTests : IDisposable
{
    private readonly TestRegister _register = new();

    public HistoryTests() => ChangeIndex.ForgetAll();

    public void Dispose() => _register.Dispose();

    private Register Repo => _register.Repo;

    [Fact]
    public void Every_save_appears_once_in_its_risks_history_newest_first_with_author_reason_and_the_fields_it_changed()
    {
        var ids = new[] { "BAF-01", "BAF-02", "CRR-018", "CRR-102" };
        var state = ids.ToDictionary(id => id, id => Samples.Operational(id));
        var stored = new Dictionary<string, string>();
        var expected = ids.ToDictionary(id => id, _ => new List<(string Sha, string Author, string? Reason, string[] Fields)>());
        var when = TestRegister.Start;
        foreach (var id in ids)
        {
            var saved = Repo.Saves.Save(state[id], null, null, TestRegister.Ann, when: when = when.AddHours(1)).ShouldBeOfType<SaveOutcome.Saved>();
            stored[id] = saved.Version;
            expected[id].Add((saved.Commit, TestRegister.Ann.Name, null, [""]));
        }

        var random = new Random(7);
        for (var step = 0; step < 60; step++)
        {
            var id = ids[random.Next(ids.Length)];
            var risk = state[id];
            var (edited, fields) = (step % 5) switch
            {
                0 => (risk with { Current = risk.Current! with { Likelihood = risk.Current!.Likelihood % 5 + 1 } }, new[] { "current.likelihood" }),
                1 => (risk with { Owner = risk.Owner == "rjarvis" ? "etimpson" : "rjarvis" }, ["owner"]),
                2 => (risk with { Actions = [.. risk.Actions, new RiskAction { Id = $"A{risk.Actions.Count + 1}", Text = $"Action {step}.", Due = new DateOnly(2025, 6, 30), Status = ActionStatus.NotStarted }] }, [$"actions[A{risk.Actions.Count + 1}]"]),
                3 when risk.Actions.Count > 0 => (risk with { Actions = [.. risk.Actions.Take(risk.Actions.Count - 1), risk.Actions[^1] with { Due = risk.Actions[^1].Due!.Value.AddDays(7) }] }, [$"actions[{risk.Actions[^1].Id}].due"]),
                _ => (risk with { Title = $"{risk.Title} {step}" }, ["title"]),
            };
            var author = step % 2 == 0 ? TestRegister.Ann : TestRegister.Bob;
            var reason = step % 3 == 0 ? null : $"Reason {step}.";
            var saved = Repo.Saves.Save(edited, stored[id], reason, author, when: when = when.AddHours(1)).ShouldBeOfType<SaveOutcome.Saved>();
            state[id] = edited;
            stored[id] = saved.Version;
            expected[id].Add((saved.Commit, author.Name, reason, fields));
        }

        foreach (var id in ids)
        {
            var history = Repo.History.Of(RiskId.Parse(id), _register.Settings);
            var wanted = Enumerable.Reverse(expected[id]).ToList();
            history.Select(v => v.Revision.Id).ShouldBe(wanted.Select(w => w.Sha), $"the commits of {id}");
            for (var i = 0; i < wanted.Count; i++)
            {
                history[i].Revision.Author.ShouldBe(wanted[i].Author);
                history[i].Revision.Reason.ShouldBe(wanted[i].Reason);
                history[i].Changes.Select(c => c.Field).ShouldBe(wanted[i].Fields, $"{id} at {wanted[i].Sha}");
                history[i].ByProgram.ShouldBeTrue();
            }

            history[0].After.ShouldBe(state[id]);
            history[^1].Before.ShouldBeNull();

            // A new process answers from the file's bytes, not the objects just built: the same answer.
            ChangeIndex.ForgetAll();
            Repo.History.Of(RiskId.Parse(id), _register.Settings).Select(v => (v.Revision.Id, v.Path, v.BeforeVersion, v.AfterVersion))
                .ShouldBe(history.Select(v => (v.Revision.Id, v.Path, v.BeforeVersion, v.AfterVersion)));
        }
    }

    [Fact]
    public void A_commit_made_with_plain_git_appears_with_its_author_message_and_the_fields_it_changed()
    {
        var saved = _register.SaveNew(Samples.Operational());
        var path = RegisterLayout.PathOf(Samples.Id);
        var text = File.ReadAllText(_register.FullPath(path));
        _register.WriteFile(path, text.Replace("likelihood: 4", "likelihood: 2", StringComparison.Ordinal));
        GitSandbox.Git(_register.Root, "add", path).ExitCode.ShouldBe(0);
        GitSandbox.Git(_register.Root, "-c", "user.name=Hand Editor", "-c", "user.email=hand@mse.example", "commit", "-q", "-m", "Lower the likelihood by hand", "-m", "Agreed at the risk review meeting.").ExitCode.ShouldBe(0);

        var history = Repo.History.Of(Samples.Id);

        history.Count.ShouldBe(2);
        var hand = history[0];
        hand.ByProgram.ShouldBeFalse();
        hand.Revision.Author.ShouldBe("Hand Editor");
        hand.Revision.Headline.ShouldBe("Lower the likelihood by hand");
        hand.Revision.Reason.ShouldBe("Agreed at the risk review meeting.");
        hand.Changes.Select(c => c.Description).ShouldBe(["current likelihood 4 -> 2"]);
        history[1].Revision.Id.ShouldBe(saved.Commit);
    }

    [Fact]
    public void A_change_made_on_a_branch_and_merged_appears_once_at_its_own_commit()
    {
        BranchMergedIntoMain();

        var history = Repo.History.Of(Samples.Id);

        history.Select(v => v.Revision.Headline).ShouldBe(["Retitle on a branch", "BAF-07 Inequalities: new risk, current score 12"]);
        Repo.History.Of(RiskId.Parse("CRR-018")).Select(v => v.Revision.Headline).First().ShouldBe("New owner on main");
    }

    /// <summary>BAF-07 retitled on a branch while CRR-018 gets a new owner on main, then the branch merged.</summary>
    private void BranchMergedIntoMain()
    {
        _register.SaveNew(Samples.Operational());
        _register.SaveNew(Samples.Operational("CRR-018"));
        var path = RegisterLayout.PathOf(Samples.Id);
        GitSandbox.Git(_register.Root, "checkout", "-q", "-b", "side").ExitCode.ShouldBe(0);
        var text = File.ReadAllText(_register.FullPath(path));
        _register.WriteFile(path, text.Replace("title: Inequalities", "title: Health inequalities", StringComparison.Ordinal));
        GitSandbox.Git(_register.Root, "-c", "user.name=Side", "-c", "user.email=side@mse.example", "commit", "-q", "-am", "Retitle on a branch").ExitCode.ShouldBe(0);
        GitSandbox.Git(_register.Root, "checkout", "-q", "main").ExitCode.ShouldBe(0);
        var other = RegisterLayout.PathOf(RiskId.Parse("CRR-018"));
        _register.WriteFile(other, File.ReadAllText(_register.FullPath(other)).Replace("owner: rjarvis", "owner: etimpson", StringComparison.Ordinal));
        GitSandbox.Git(_register.Root, "-c", "user.name=Main", "-c", "user.email=main@mse.example", "commit", "-q", "-am", "New owner on main").ExitCode.ShouldBe(0);
        GitSandbox.Git(_register.Root, "-c", "user.name=Main", "-c", "user.email=main@mse.example", "merge", "-q", "--no-edit", "side").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void The_index_read_with_the_git_program_and_the_one_built_from_trees_agree_on_every_risk()
    {
        BranchMergedIntoMain();
        var ids = new[] { Samples.Id, RiskId.Parse("CRR-018") };
        var byGit = ids.Select(id => Repo.History.Of(id).Select(v => (v.Revision.Id, v.BeforeVersion, v.AfterVersion)).ToList()).ToList();
        try
        {
            ChangeIndex.UseGitProgram = false;
            ChangeIndex.ForgetAll();
            File.Delete(Path.Combine(_register.Root, ".git", "risks", "changes.idx"));
            var byTrees = ids.Select(id => Repo.History.Of(id).Select(v => (v.Revision.Id, v.BeforeVersion, v.AfterVersion)).ToList()).ToList();
            byTrees.ShouldBe(byGit);
            byGit.Sum(h => h.Count).ShouldBe(4);
        }
        finally
        {
            ChangeIndex.UseGitProgram = true;
        }
    }

    [Fact]
    public void The_index_is_kept_between_processes_grows_with_new_commits_and_is_rebuilt_when_damaged()
    {
        _register.SaveNew(Samples.Operational());
        Repo.History.Of(Samples.Id).Count.ShouldBe(1);
        var file = Path.Combine(_register.Root, ".git", "risks", "changes.idx");
        File.Exists(file).ShouldBeTrue();

        ChangeIndex.ForgetAll();
        var first = Repo.History.Of(Samples.Id).Single();
        var edited = Samples.Operational() with { Title = "Health inequalities" };
        Repo.Saves.Save(edited, first.AfterVersion, "Clearer title.", TestRegister.Bob).ShouldBeOfType<SaveOutcome.Saved>();
        Repo.History.Of(Samples.Id).Count.ShouldBe(2);

        File.WriteAllBytes(file, [1, 2, 3]);
        ChangeIndex.ForgetAll();
        Repo.History.Of(Samples.Id).Select(v => v.Revision.Author).ShouldBe(["Bob Other", "Ann Author"]);

        File.WriteAllText(file, "");
        ChangeIndex.ForgetAll();
        Repo.History.Of(Samples.Id).Count.ShouldBe(2);

        // A count of commits no file of its size could hold is not believed (nor two billion of them made room for).
        var good = File.ReadAllBytes(file);
        var counted = (byte[])good.Clone();
        BitConverter.GetBytes(int.MaxValue).CopyTo(counted, 40);
        File.WriteAllBytes(file, counted);
        ChangeIndex.ForgetAll();
        Repo.History.Of(Samples.Id).Count.ShouldBe(2);

        // Nor one whose bytes changed since it was written (its checksum), nor one cut short.
        var flipped = (byte[])good.Clone();
        flipped[^1] ^= 0x20;
        File.WriteAllBytes(file, flipped);
        ChangeIndex.ForgetAll();
        Repo.History.Of(Samples.Id).Select(v => v.Revision.Author).ShouldBe(["Bob Other", "Ann Author"]);
        File.WriteAllBytes(file, good[..^7]);
        ChangeIndex.ForgetAll();
        Repo.History.Of(Samples.Id).Count.ShouldBe(2);
        File.ReadAllBytes(file).ShouldBe(good, "rebuilt as it was");
    }

    [Fact]
    public void A_commit_taken_back_with_git_reset_leaves_the_history_and_a_new_one_joins_it()
    {
        var first = _register.SaveNew(Samples.Operational());
        var second = Repo.Saves.Save(Samples.Operational() with { Title = "Second" }, first.Version, "Second.", TestRegister.Bob).ShouldBeOfType<SaveOutcome.Saved>();
        Repo.History.Of(Samples.Id).Count.ShouldBe(2);

        GitSandbox.Git(_register.Root, "reset", "-q", "--hard", "HEAD~1").ExitCode.ShouldBe(0);
        ChangeIndex.ForgetAll();
        Repo.History.Of(Samples.Id).Select(v => v.Revision.Id).ShouldBe([first.Commit]);
        var third = Repo.Saves.Save(Samples.Operational() with { Title = "Third" }, first.Version, "Third.", TestRegister.Ann).ShouldBeOfType<SaveOutcome.Saved>();

        Repo.History.Of(Samples.Id).Select(v => v.Revision.Id).ShouldBe([third.Commit, first.Commit]);
        ChangeIndex.ForgetAll();
        Repo.History.Of(Samples.Id).Select(v => v.Revision.Id).ShouldBe([third.Commit, first.Commit]);
        second.Commit.ShouldNotBe(third.Commit);
    }

    [Fact]
    public void A_version_that_could_not_be_read_is_listed_with_its_problem_and_the_next_good_one_compares_with_the_last_good()
    {
        var saved = _register.SaveNew(Samples.Operational());
        var path = RegisterLayout.PathOf(Samples.Id);
        var good = File.ReadAllText(_register.FullPath(path));
        _register.WriteFile(path, good.Replace("likelihood: 4", "likelihood: [", StringComparison.Ordinal));
        GitSandbox.Git(_register.Root, "-c", "user.name=Hand", "-c", "user.email=hand@mse.example", "commit", "-q", "-am", "Broken by hand").ExitCode.ShouldBe(0);
        _register.WriteFile(path, good.Replace("likelihood: 4", "likelihood: 3", StringComparison.Ordinal));
        GitSandbox.Git(_register.Root, "-c", "user.name=Hand", "-c", "user.email=hand@mse.example", "commit", "-q", "-am", "Mended by hand").ExitCode.ShouldBe(0);

        var history = Repo.History.Of(Samples.Id);

        history.Count.ShouldBe(3);
        history[1].After.ShouldBeNull();
        history[1].Problems.ShouldNotBeEmpty();
        history[1].Problems[0].File.ShouldBe(path);

        var blame = Repo.History.Blame(Samples.Id);
        blame.Single(f => f.Field == "current.likelihood").Revision.Headline.ShouldBe("Mended by hand");
        blame.Single(f => f.Field == "title").Revision.Id.ShouldBe(saved.Commit);
    }

    [Fact]
    public void Blame_names_the_commit_that_last_changed_each_field()
    {
        var created = _register.SaveNew(Samples.Operational());
        var risk = Samples.Operational() with { Actions = [new RiskAction { Id = "A1", Text = "Launch the tool.", Due = new DateOnly(2025, 4, 30), Status = ActionStatus.NotStarted }] };
        var added = Repo.Saves.Save(risk, created.Version, "New action.", TestRegister.Bob).ShouldBeOfType<SaveOutcome.Saved>();
        var lowered = risk with { Current = new Score(3, 3) };
        var scored = Repo.Saves.Save(lowered, added.Version, "Dashboard live.", TestRegister.Ann).ShouldBeOfType<SaveOutcome.Saved>();
        var moved = lowered with { Actions = [lowered.Actions[0] with { Due = new DateOnly(2025, 6, 30) }] };
        var due = Repo.Saves.Save(moved, scored.Version, "Supplier delay.", TestRegister.Bob).ShouldBeOfType<SaveOutcome.Saved>();

        var blame = Repo.History.Blame(Samples.Id, _register.Settings).ToDictionary(f => f.Field);

        blame["title"].Revision.Id.ShouldBe(created.Commit);
        blame["current.impact"].Revision.Id.ShouldBe(created.Commit);
        blame["current.likelihood"].Revision.Id.ShouldBe(scored.Commit);
        blame["current.likelihood"].Revision.Reason.ShouldBe("Dashboard live.");
        blame.Where(f => f.Key.StartsWith("actions[A1]", StringComparison.Ordinal)).ShouldNotBeEmpty();
        var actionFields = blame.Where(f => f.Key.StartsWith("actions[A1]", StringComparison.Ordinal)).ToList();
        actionFields.ShouldContain(f => f.Value.Revision.Id == due.Commit);
    }
}

/// <summary>Two versions of the register compared, named by iteration, commit or date.</summary>
[Collection(ProcessCaches.Name)]
public sealed class CompareTests : IDisposable
{
    private static readonly DateTimeOffset January = new(2025, 1, 16, 17, 0, 0, TimeSpan.Zero);

    private readonly TestRegister _register = new();

    public CompareTests() => ChangeIndex.ForgetAll();

    public void Dispose() => _register.Dispose();

    private Register Repo => _register.Repo;

    [Fact]
    public void Comparing_two_iterations_counts_each_movement_and_lists_each_change_once()
    {
        var day = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
        var steady = Repo.Saves.Save(Samples.Operational("BAF-01"), null, null, TestRegister.Ann, when: day).ShouldBeOfType<SaveOutcome.Saved>();
        var falling = Repo.Saves.Save(Samples.Operational("BAF-02"), null, null, TestRegister.Ann, when: day).ShouldBeOfType<SaveOutcome.Saved>();
        var rising = Repo.Saves.Save(Samples.Operational("BAF-03"), null, null, TestRegister.Ann, when: day).ShouldBeOfType<SaveOutcome.Saved>();
        var closing = Repo.Saves.Save(Samples.Operational("BAF-04"), null, null, TestRegister.Ann, when: day).ShouldBeOfType<SaveOutcome.Saved>();
        Repo.Saves.Save(Samples.Operational("BAF-05"), null, null, TestRegister.Ann, when: day).ShouldBeOfType<SaveOutcome.Saved>();
        Repo.Iterations.Cut("2025-01", "Board, January 2025", TestRegister.Ann, January);

        var february = new DateTimeOffset(2025, 2, 10, 9, 0, 0, TimeSpan.Zero);
        Repo.Saves.Save(Samples.Operational("BAF-02") with { Current = new Score(3, 3) }, falling.Version, "Dashboard live.", TestRegister.Bob, when: february).ShouldBeOfType<SaveOutcome.Saved>();
        Repo.Saves.Save(Samples.Operational("BAF-03") with { Current = new Score(4, 4) }, rising.Version, "Funding gap.", TestRegister.Bob, when: february.AddHours(1)).ShouldBeOfType<SaveOutcome.Saved>();
        Repo.Saves.Save(Samples.Operational("BAF-04") with { Status = RiskStatus.Closed, Closure = new Closure { Date = new DateOnly(2025, 2, 10), Rationale = "Target met." } }, closing.Version, "Closed by the committee.", TestRegister.Ann, when: february.AddHours(2)).ShouldBeOfType<SaveOutcome.Saved>();
        Repo.Saves.Save(Samples.Operational("BAF-01") with { Owner = "etimpson", Narrative = new Narrative { Event = "Something else happens." } }, steady.Version, "New owner.", TestRegister.Ann, when: february.AddHours(3)).ShouldBeOfType<SaveOutcome.Saved>();
        Repo.Saves.Save(Samples.Operational("BAF-06"), null, null, TestRegister.Ann, when: february.AddHours(4)).ShouldBeOfType<SaveOutcome.Saved>();
        Repo.Iterations.Cut("2025-03", "Board, March 2025", TestRegister.Ann, new DateTimeOffset(2025, 3, 13, 17, 0, 0, TimeSpan.Zero));

        var diff = Repo.Comparisons.Compare("2025-01", "2025-03");

        diff.From.Iteration!.Name.ShouldBe("2025-01");
        diff.From.ReportName.ShouldBe("January 2025 report");
        var c = diff.Comparison.Counts;
        (c.New, c.Closed, c.Escalated, c.DeEscalated, c.ScoreUp, c.ScoreDown, c.ScoreUnchanged, c.Unscored, c.OwnerChanged).ShouldBe((1, 1, 1, 0, 1, 1, 2, 0, 1), "the escalated risk's score went up too");
        c.NarrativeEdits.ShouldBe(1);
        diff.Comparison.Risks.Select(r => r.Id.Value).ShouldBe(["BAF-01", "BAF-02", "BAF-03", "BAF-04", "BAF-06"]);
        diff.Comparison.Unchanged.Select(i => i.Value).ShouldBe(["BAF-05"]);
        diff.Comparison.Risks.Single(r => r.Id.Value == "BAF-02").Changes.Select(ch => ch.Description).ShouldBe(["current likelihood 4 -> 3"]);
        diff.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Iterations_cut_on_the_same_day_name_their_reports_by_their_board_dates()
    {
        var saved = Repo.Saves.Save(Samples.Operational("BAF-02"), null, null, TestRegister.Ann, when: new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero)).ShouldBeOfType<SaveOutcome.Saved>();
        var day = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        Repo.Iterations.Cut("2025-01", "Board, January 2025", TestRegister.Ann, day, new DateOnly(2025, 1, 16));
        Repo.Saves.Save(Samples.Operational("BAF-02") with { Current = new Score(3, 3) }, saved.Version, "Dashboard live.", TestRegister.Bob, when: day.AddMinutes(1)).ShouldBeOfType<SaveOutcome.Saved>();
        Repo.Iterations.Cut("2025-03", "Board, 13 March 2025", TestRegister.Ann, day.AddMinutes(2), new DateOnly(2025, 3, 13));

        var diff = Repo.Comparisons.Compare("2025-01", "2025-03");

        diff.From.ReportName.ShouldBe("January 2025 report");
        diff.To.ReportName.ShouldBe("March 2025 report");
        diff.From.Description.ShouldBe("iteration 2025-01 (Board, January 2025), for the board of 16 Jan 2025");
        diff.To.Description.ShouldBe("iteration 2025-03 (Board, 13 March 2025), for the board of 13 Mar 2025");
        var risk = diff.Comparison.Risks.ShouldHaveSingleItem();
        Core.Changes.Movement.Since(risk.Before, risk.After, diff.From.ReportName).ShouldBe("Reduced from 12 since the January 2025 report");
    }

    [Fact]
    public void On_a_generated_history_every_change_between_two_iterations_appears_in_the_comparison_exactly_once()
    {
        var stored = new Dictionary<string, (Risk Risk, string Version)>();
        for (var n = 1; n <= 30; n++)
        {
            var risk = Samples.Operational($"CRR-{n:000}");
            stored[risk.Id.Value] = (risk, _register.SaveNew(risk).Version);
        }

        Repo.Iterations.Cut("2025-01", "January", TestRegister.Ann, January);
        var random = new Random(11);
        var expected = new Dictionary<string, string>();
        foreach (var id in stored.Keys.OrderBy(_ => random.Next()).Take(20).ToList())
        {
            var (risk, version) = stored[id];
            var (edited, field) = random.Next(4) switch
            {
                0 => (risk with { Current = new Score(3, 2) }, "current.likelihood"),
                1 => (risk with { Owner = "etimpson" }, "owner"),
                2 => (risk with { Actions = [new RiskAction { Id = "A1", Text = "Report to the committee.", Due = new DateOnly(2025, 6, 30), Status = ActionStatus.NotStarted }] }, "actions[A1]"),
                _ => (risk with { Narrative = new Narrative { Event = "Something else happens." } }, "narrative.event"),
            };
            Repo.Saves.Save(edited, version, "Edit.", TestRegister.Bob).ShouldBeOfType<SaveOutcome.Saved>();
            expected[id] = field;
        }

        Repo.Iterations.Cut("2025-02", "February", TestRegister.Ann, January.AddMonths(1));

        var comparison = Repo.Comparisons.Compare("2025-01", "2025-02").Comparison;

        comparison.Risks.ToDictionary(r => r.Id.Value, r => string.Join(",", r.Changes.Select(c => c.Field))).ShouldBe(expected, ignoreOrder: true);
        comparison.Unchanged.Count.ShouldBe(10);
        comparison.Counts.DeEscalated.ShouldBe(expected.Values.Count(f => f == "current.likelihood"), "12 (High) to 6 (Moderate) is a band down");
        comparison.Counts.ScoreDown.ShouldBe(comparison.Counts.DeEscalated, "a score that fell into a lower band fell");
        comparison.Counts.OwnerChanged.ShouldBe(expected.Values.Count(f => f == "owner"));
        comparison.Counts.ItemsAdded.ShouldBe(expected.Values.Count(f => f == "actions[A1]"));
        comparison.Counts.NarrativeEdits.ShouldBe(expected.Values.Count(f => f == "narrative.event"));
    }

    [Fact]
    public void A_date_names_the_register_at_the_end_of_that_day_and_a_name_that_is_nothing_says_what_is_known()
    {
        var first = Repo.Saves.Save(Samples.Operational(), null, null, TestRegister.Ann, when: new DateTimeOffset(2025, 2, 20, 10, 0, 0, TimeSpan.Zero)).ShouldBeOfType<SaveOutcome.Saved>();
        Repo.Saves.Save(Samples.Operational() with { Title = "Health inequalities" }, first.Version, null, TestRegister.Bob, when: new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero)).ShouldBeOfType<SaveOutcome.Saved>();
        Repo.Iterations.Cut("2025-03", "March", TestRegister.Ann, new DateTimeOffset(2025, 3, 13, 17, 0, 0, TimeSpan.Zero));

        Repo.History.ResolveRevision("2025-02-28").Sha.ShouldBe(first.Commit);
        Repo.History.ResolveRevision("28 Feb 2025").Sha.ShouldBe(first.Commit);
        Repo.History.ResolveRevision("HEAD~1").Sha.ShouldBe(first.Commit);
        Repo.Comparisons.Compare("2025-02-28", "HEAD").Comparison.Risks.Single().Changes.Select(ch => ch.Description).ShouldBe(["title \"Inequalities\" -> \"Health inequalities\""]);

        Should.Throw<RegisterException>(() => Repo.History.ResolveRevision("2024-12-31")).Message.ShouldContain("did not exist yet on 31 Dec 2024");

        // The same from the index file's bytes, as a new process reads it.
        ChangeIndex.ForgetAll();
        Repo.History.ResolveRevision("2025-02-28").Sha.ShouldBe(first.Commit);
        ChangeIndex.ForgetAll();
        Repo.History.ResolveRevision("2025-03-01").Sha.ShouldNotBe(first.Commit);
        ChangeIndex.ForgetAll();
        Should.Throw<RegisterException>(() => Repo.History.ResolveRevision("2024-12-31")).Message.ShouldContain("did not exist yet on 31 Dec 2024");
        var unknown = Should.Throw<RegisterException>(() => Repo.History.ResolveRevision("2025-04-banana"));
        unknown.Message.ShouldContain("'2025-04-banana' is not an iteration, commit or date");
        unknown.Message.ShouldContain("iterations: 2025-03");
    }

    [Fact]
    public void Scores_at_each_iteration_follow_each_risk_and_are_empty_where_it_was_not_there()
    {
        var saved = _register.SaveNew(Samples.Operational());
        Repo.Iterations.Cut("2025-01", "January", TestRegister.Ann, January);
        var lowered = Repo.Saves.Save(Samples.Operational() with { Current = new Score(3, 3) }, saved.Version, "Lower.", TestRegister.Ann).ShouldBeOfType<SaveOutcome.Saved>();
        _register.SaveNew(Samples.Operational("CRR-018"));
        Repo.Iterations.Cut("2025-02", "February", TestRegister.Ann, January.AddMonths(1));
        Repo.Saves.Save(Samples.Operational() with { Current = new Score(2, 3) }, lowered.Version, "Lower again.", TestRegister.Ann).ShouldBeOfType<SaveOutcome.Saved>();
        Repo.Iterations.Cut("2025-03", "March", TestRegister.Ann, January.AddMonths(2));

        var scores = Repo.Comparisons.ScoresAt(Repo.Iterations.All());

        scores[Samples.Id.Identity].ShouldBe([12, 9, 6]);
        scores["CRR-18"].ShouldBe([null, 12, 12]);
    }
}
