using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>
/// <c>risks verify-push</c> as the update hook of a real bare repository, with real <c>git push</c>es
/// from a clone: what the server accepts and refuses, and what the person pushing is told.
/// </summary>
public sealed class VerifyPushTests : IDisposable
{
    private const string Baf07 = SampleRegister.Baf07;

    private readonly TempFolder _temp = new();

    public VerifyPushTests()
    {
        var source = SampleRegister.CopyTo(_temp.Combine("source"));
        Server = _temp.Combine("server.git");
        Git.Run(_temp.Path, "clone", "--quiet", "--bare", source, Server);
        var hook = Path.Combine(Server, "hooks", "update");
        File.WriteAllText(hook, $"#!/bin/sh\nexec {Paths.ProgramForShell} verify-push \"$1\" \"$2\" \"$3\"\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Clone = _temp.Combine("clone");
        Git.Run(_temp.Path, "clone", "--quiet", Server, Clone);
    }

    private string Server { get; }

    private string Clone { get; }

    public void Dispose() => _temp.Dispose();

    /// <summary>Edits a file of the clone and commits it as <paramref name="name"/> &lt;<paramref name="email"/>&gt; with plain git.</summary>
    private void CommitAs(string name, string email, string path, Func<string, string> edit, string message)
    {
        var file = Path.Combine(Clone, path);
        File.WriteAllText(file, edit(File.ReadAllText(file)));
        Git.Run(Clone, "-c", $"user.name={name}", "-c", $"user.email={email}", "commit", "-qam", message);
    }

    private static string Performance(string text) => text.Replace("\nperformance: ", "\nperformance: Updated. ", StringComparison.Ordinal);

    private Git.Result Push(params string[] extra) => Git.TryRun(Clone, ["push", "origin", .. extra]);

    private string ServerHead() => Git.Run(_temp.Path, "--git-dir", Server, "rev-parse", "main").Trim();

    [Fact]
    public void A_risk_owners_edit_of_their_own_risk_is_accepted()
    {
        CommitAs("Rebecca Jarvis", "Rebecca.Jarvis@mse.example", Baf07, Performance, "Monthly update");

        var push = Push("main");

        push.Code.ShouldBe(0, push.Error);
        ServerHead().ShouldBe(Git.Head(Clone));
    }

    [Fact]
    public void When_the_register_asks_a_push_that_breaks_a_baf_rule_anew_is_refused_and_one_that_does_not_is_taken()
    {
        // The sample already breaks rules (gaps with no action, reviews now overdue): those do not stop a push.
        CommitAs("Sara O'Connor", "sara.oconnor@mse.example", "register.yaml", t => t + "baf_check:\n  on_push: true\n", "Hold pushes to the BAF rules");
        Push("main").Code.ShouldBe(0);
        CommitAs("Rebecca Jarvis", "Rebecca.Jarvis@mse.example", Baf07, Performance, "Monthly update");
        Push("main").Code.ShouldBe(0);
        var before = ServerHead();

        CommitAs("Rebecca Jarvis", "Rebecca.Jarvis@mse.example", Baf07, t => t.Replace("committees:\n  - Quality Committee\n  - Audit Committee\n  - Population Health Improvement Board\n", "", StringComparison.Ordinal), "No committee");
        var push = Push("main");

        push.Code.ShouldNotBe(0);
        push.Error.ShouldContain($"remote: risks: refused {Git.Head(Clone)[..7]} \"No committee\": {Baf07}: breaks BAF rule committee: BAF-07 has no committee overseeing it");
        ServerHead().ShouldBe(before);
    }

    [Fact]
    public void A_board_actions_lead_may_push_an_update_to_it_but_not_change_its_deadline()
    {
        const string path = "board-actions/54.yaml";
        Directory.CreateDirectory(Path.Combine(Clone, "board-actions"));
        File.WriteAllText(Path.Combine(Clone, path), "number: 54\nitem: EDI High Impact Actions\naction: Report on the high impact actions.\nleads:\n  - kbonney\ndeadline: 2025-04-30\nstatus: open\n");
        Git.Run(Clone, "add", path);
        Git.Run(Clone, "-c", "user.name=Sara O'Connor", "-c", "user.email=sara.oconnor@mse.example", "commit", "-qm", "Board action 54 added");
        Push("main").Code.ShouldBe(0);

        CommitAs("Kathy Bonney", "kathy.bonney@mse.example", path, t => t.Replace("status: open\n", "status: in_progress\nupdates:\n  - date: 2025-03-13\n    text: Report drafted.\n", StringComparison.Ordinal), "Board action 54 updated");
        Push("main").Code.ShouldBe(0, "a lead adds an update");
        var before = ServerHead();

        CommitAs("Kathy Bonney", "kathy.bonney@mse.example", path, t => t.Replace("deadline: 2025-04-30", "deadline: 2025-09-30", StringComparison.Ordinal), "More time");
        var push = Push("main");

        push.Code.ShouldNotBe(0);
        push.Error.ShouldContain($"{path}: only governance leads may add, change or close board actions; a board action's leads may add updates to it; Kathy Bonney is a risk owner");
        ServerHead().ShouldBe(before);
    }

    [Fact]
    public void An_undertakings_lead_may_push_a_milestone_met_and_evidence_but_not_move_a_milestones_date()
    {
        const string path = "undertakings/2.yaml";
        CommitAs("Dr Matt Sweeting", "matt.sweeting@mse.example", path, t => t
            .Replace("    due: 2021-03-31\n", "    due: 2021-03-31\n    met: 2021-03-30\n", StringComparison.Ordinal)
            .Replace("risks:\n", "evidence:\n  - date: 2021-03-30\n    text: Backlog below 6,900.\nrisks:\n", StringComparison.Ordinal), "Undertaking 2: milestone 2 met");
        Push("main").Code.ShouldBe(0, "a lead marks a milestone met and adds evidence");
        var before = ServerHead();

        CommitAs("Dr Matt Sweeting", "matt.sweeting@mse.example", path, t => t.Replace("    due: 2021-06-30\n", "    due: 2021-09-30\n", StringComparison.Ordinal), "More time");
        var push = Push("main");

        push.Code.ShouldNotBe(0);
        push.Error.ShouldContain($"{path}: only governance leads may add, change or close undertakings; an undertaking's leads may mark its milestones met and add evidence; Dr Matt Sweeting is a risk owner");
        ServerHead().ShouldBe(before);
    }

    [Fact]
    public void A_reviewers_commit_is_refused_and_the_pusher_is_told_why()
    {
        var before = ServerHead();
        CommitAs("Audit Chair", "audit.chair@mse.example", Baf07, Performance, "Tidy");

        var push = Push("main");

        push.Code.ShouldNotBe(0);
        var sha = Git.Head(Clone)[..7];
        push.Error.ShouldContain($"remote: risks: refused {sha} \"Tidy\": {Baf07}: Audit Chair is a reviewer: reviewers read the register but change nothing; ask a governance lead to change your role in register.yaml");
        ServerHead().ShouldBe(before);
    }

    [Fact]
    public void A_risk_owners_edit_of_someone_elses_risk_is_refused()
    {
        CommitAs("Kathy Bonney", "kathy.bonney@mse.example", Baf07, Performance, "Helping out");

        var push = Push("main");

        push.Code.ShouldNotBe(0);
        push.Error.ShouldContain($"{Baf07}: Kathy Bonney is a risk owner and may edit only the risks they own or lead; BAF-07 is owned by Rebecca Jarvis");
    }

    [Fact]
    public void A_file_that_breaks_the_schema_is_refused_with_its_line_and_column_even_from_a_governance_lead()
    {
        CommitAs("Sara O'Connor", "sara.oconnor@mse.example", Baf07, t => t.Replace("current:\n  impact: 3\n", "current:\n  impact: 7\n", StringComparison.Ordinal), "Typo");

        var push = Push("main");

        push.Code.ShouldNotBe(0);
        push.Error.ShouldContain($"{Baf07}: {Baf07}:36:11: current impact must be 1-5, found 7");
    }

    [Fact]
    public void Files_other_than_risks_are_changed_by_governance_leads_only()
    {
        File.WriteAllText(Path.Combine(Clone, "README.md"), "Notes\n");
        Git.Run(Clone, "add", "README.md");
        Git.Run(Clone, "-c", "user.name=Rebecca Jarvis", "-c", "user.email=rebecca.jarvis@mse.example", "commit", "-qm", "Notes");

        var owner = Push("main");
        Git.Run(Clone, "-c", "user.name=Sara O'Connor", "-c", "user.email=sara.oconnor@mse.example", "commit", "-q", "--amend", "--reset-author", "--no-edit");
        var lead = Push("main");

        owner.Code.ShouldNotBe(0);
        owner.Error.ShouldContain("README.md: only governance leads may change files other than risks and register.yaml; Rebecca Jarvis is a risk owner");
        lead.Code.ShouldBe(0, lead.Error);
    }

    [Fact]
    public void An_author_not_among_the_people_is_refused_whatever_name_they_give()
    {
        CommitAs("Rebecca Jarvis", "someone@elsewhere.example", Baf07, Performance, "Looks like Rebecca");

        var push = Push("main");

        push.Code.ShouldNotBe(0);
        push.Error.ShouldContain("author: Rebecca Jarvis <someone@elsewhere.example> is not among register.yaml's people (matched by email), so may write nothing");
    }

    [Fact]
    public void When_the_server_knows_the_pusher_their_commits_must_be_their_own_unless_they_are_a_governance_lead()
    {
        CommitAs("Rebecca Jarvis", "rebecca.jarvis@mse.example", Baf07, Performance, "Monthly update");


        // GitLab names the person pushing in GL_USERNAME.
        var byOther = RunPushWith(new() { ["GL_USERNAME"] = "kbonney" });
        var byLead = RunPushWith(new() { ["GL_USERNAME"] = "soconnor" });

        byOther.Code.ShouldNotBe(0);
        byOther.Error.ShouldContain("made by Rebecca Jarvis (rjarvis) but pushed by 'kbonney': only a governance lead may push commits made by someone else");
        byLead.Code.ShouldBe(0, byLead.Error);
    }

    [Fact]
    public void Iterations_are_cut_by_governance_leads_only()
    {
        Git.Run(Clone, "-c", "user.name=Kathy Bonney", "-c", "user.email=kathy.bonney@mse.example", "tag", "-a", "2025-04", "-m", "Board April 2025");
        Git.Run(Clone, "-c", "user.name=Sara O'Connor", "-c", "user.email=sara.oconnor@mse.example", "tag", "-a", "2025-05", "-m", "Board May 2025");
        Git.Run(Clone, "tag", "2025-06");

        var owner = Push("refs/tags/2025-04");
        var lead = Push("refs/tags/2025-05");
        var lightweight = Push("refs/tags/2025-06");
        var removal = Push(":refs/tags/2025-01");

        owner.Code.ShouldNotBe(0);
        owner.Error.ShouldContain("refused iteration 2025-04: refs/tags/2025-04: only governance leads may cut, move or remove iterations (cutting it); Kathy Bonney is a risk owner");
        lead.Code.ShouldBe(0, lead.Error);
        lightweight.Error.ShouldContain("who did it cannot be told (an iteration is an annotated tag naming who cut it)");
        removal.Error.ShouldContain("(removing it)");
        Git.Run(_temp.Path, "--git-dir", Server, "tag").Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["2025-01", "2025-03", "2025-05"]);
    }

    [Fact]
    public void A_forced_push_and_deleting_the_branch_are_refused()
    {
        var before = ServerHead();
        Git.Run(Clone, "reset", "--quiet", "--hard", "HEAD~1");
        CommitAs("Rebecca Jarvis", "rebecca.jarvis@mse.example", Baf07, Performance, "Rewritten");

        var forced = Push("--force", "main");
        var deleted = Push(":main");

        forced.Code.ShouldNotBe(0);
        forced.Error.ShouldContain("a forced push would rewrite history");
        deleted.Code.ShouldNotBe(0);
        ServerHead().ShouldBe(before);
    }

    [Fact]
    public void A_history_can_be_checked_by_hand()
    {
        CommitAs("Audit Chair", "audit.chair@mse.example", Baf07, Performance, "Tidy");

        var all = RisksProcess.Run(Clone, "verify-push", "--range", "..HEAD");
        var last = RisksProcess.Run(Clone, "verify-push", "--range", "HEAD~1..HEAD");

        all.Code.ShouldBe(6, all.ToString());
        all.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem("the sample's own history keeps the rules").ShouldContain("Audit Chair is a reviewer");
        RisksProcess.Run(Clone, "verify-push", "--range", "..HEAD~1").Code.ShouldBe(0);
        last.Code.ShouldBe(6);
    }

    private Git.Result RunPushWith(Dictionary<string, string> environment)
    {
        var (code, output, error) = ChildProcess.Run("git", ["-C", Clone, "push", "origin", "main"], null, TimeSpan.FromSeconds(60), environment);
        return new Git.Result(code, output, error);
    }
}
