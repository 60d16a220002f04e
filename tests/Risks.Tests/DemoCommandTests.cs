using Risks.Tests.Support;

namespace Risks.Tests;

public sealed class DemoCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Demo_builds_the_sample_register_with_35_commits_in_board_words_risks_entered_by_the_lead_and_updated_by_their_owners()
    {
        var target = _temp.Combine("demo");

        var result = CliRunner.Run(_temp.Path, "demo", target, "--no-ui");

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain($"Built the sample register at {target}");
        result.Out.ShouldContain("14 risks, 35 commits, iterations 2025-01 and 2025-03");
        var log = Git.Lines(target, "log", "--format=%an | %s");
        log.Length.ShouldBe(35);
        log[^1].ShouldBe("Sara O'Connor | Register created for Mid and South Essex Integrated Care Board");
        log.ShouldContain("Sara O'Connor | BAF-07 Inequalities: new risk, current score 12");
        log.ShouldContain("Rebecca Jarvis | BAF-07 Inequalities: current score 12 -> 9 and 5 more changes");
        log.ShouldContain("Emma Timpson | CRR-018 Health inequalities funding and data: current score 12 -> 9 and 4 more changes");
        log.ShouldContain("Sara O'Connor | BAF-01 Workforce: new risk, current score 20");
        log.ShouldContain("Kathy Bonney | Board action 54 updated");
        log.ShouldContain("Sara O'Connor | Undertaking 2 added: Elective backlog");
        log[0].ShouldStartWith("Dr Giles Thorpe | BAF-08 Mental Health Quality Assurance: ");
        RisksProcess.Run(target, "verify-push", "--range", "..HEAD").ShouldBe(new CliRunner.Result(0, "", ""), "the sample's history keeps the register's rules");
    }

    [Fact]
    public void Every_demo_commit_is_authored_by_a_person_of_the_register()
    {
        var target = _temp.Combine("demo");
        CliRunner.Run(_temp.Path, "demo", target, "--no-ui").Code.ShouldBe(0);

        var people = File.ReadAllLines(Path.Combine(Paths.DataFolder, "register.yaml"))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("name: ", StringComparison.Ordinal))
            .Select(l => l["name: ".Length..])
            .ToHashSet(StringComparer.Ordinal);
        people.ShouldContain("Rebecca Jarvis");
        var authors = Git.Lines(target, "log", "--format=%an <%ae>");
        authors.Length.ShouldBe(35);
        foreach (var author in authors)
        {
            people.ShouldContain(author[..author.IndexOf(" <", StringComparison.Ordinal)]);
            author.ShouldEndWith("@mse.example>");
        }
    }

    [Fact]
    public void Every_demo_commit_but_the_first_ends_with_a_Risk_Id_trailer_naming_its_risk()
    {
        var target = _temp.Combine("demo");
        CliRunner.Run(_temp.Path, "demo", target, "--no-ui").Code.ShouldBe(0);

        var commits = Git.Run(target, "log", "--format=%s%x00%B%x1e")
            .Split('\x1e', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.TrimStart('\n'))
            .Where(c => c.Length > 0)
            .Select(c => c.Split('\0'))
            .ToList();
        commits.Count.ShouldBe(35);
        // Every commit but the first (register.yaml) and the board log's and undertakings' names its risk.
        foreach (var (subject, body) in commits.Take(34).Select(c => (c[0], c[1])).Where(c => !c.Item1.StartsWith("Board action ", StringComparison.Ordinal) && !c.Item1.StartsWith("Undertaking ", StringComparison.Ordinal)))
        {
            var id = subject.Split(' ')[0];
            body.TrimEnd('\n').Split('\n')[^1].ShouldBe($"Risk-Id: {id}", subject);
        }

        commits[^1][1].ShouldNotContain("Risk-Id:");
        Git.Run(target, "log", "-1", "--format=%(trailers:key=Risk-Id,valueonly)", "--grep=BAF-07 Inequalities: current score 12 -> 9").Trim().ShouldBe("BAF-07");
    }

    [Fact]
    public void Demo_tags_the_two_iterations_with_annotated_tags_and_titles()
    {
        var target = _temp.Combine("demo");
        CliRunner.Run(_temp.Path, "demo", target, "--no-ui").Code.ShouldBe(0);

        Git.Run(target, "cat-file", "-t", "2025-01").Trim().ShouldBe("tag");
        Git.Run(target, "cat-file", "-t", "2025-03").Trim().ShouldBe("tag");
        Git.Run(target, "cat-file", "-p", "2025-01").ShouldContain("Board, January 2025");
        var march = Git.Run(target, "cat-file", "-p", "2025-03");
        march.ShouldContain("Board, 13 March 2025");
        march.ShouldContain("tagger Sara O'Connor <sara.oconnor@mse.example>");

        // January's tag is on the commit that entered the last of January's board actions and undertakings; March's is on the last update.
        Git.Run(target, "rev-list", "--count", "2025-01").Trim().ShouldBe("18");
        Git.Run(target, "rev-parse", "2025-03^{commit}").Trim().ShouldBe(Git.Head(target));
    }

    [Fact]
    public void Demo_leaves_a_clean_work_tree_that_checks_clean()
    {
        var target = _temp.Combine("demo");
        CliRunner.Run(_temp.Path, "demo", target, "--no-ui").Code.ShouldBe(0);

        Git.Status(target).ShouldBeEmpty();
        Git.Run(target, "symbolic-ref", "--short", "HEAD").Trim().ShouldBe("main");
        CliRunner.Run(target, "check").Code.ShouldBe(0);
        Git.TryRun(target, "fsck", "--full").Code.ShouldBe(0);
    }

    [Fact]
    public void Demo_into_a_folder_that_is_not_empty_refuses_and_leaves_it_untouched()
    {
        var target = _temp.Combine("busy");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "mine\n");
        Directory.CreateDirectory(Path.Combine(target, "sub"));
        var before = TempFolder.Contents(target);

        var result = CliRunner.Run(_temp.Path, "demo", target, "--no-ui");

        result.Code.ShouldNotBe(0);
        result.Error.ShouldContain($"{target} is not empty");
        result.Out.ShouldNotContain("Built");
        TempFolder.Contents(target).ShouldBe(before);
        Directory.Exists(Path.Combine(target, ".git")).ShouldBeFalse();
    }
}
