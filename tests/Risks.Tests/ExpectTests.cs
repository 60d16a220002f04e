using System.Collections.Concurrent;
using System.Text.Json;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>
/// Scripts that read a risk, change it and write it back: <c>--expect</c> names the version read,
/// so a save over someone else's is refused (exit 3) rather than made; changes to lists are
/// applied to whatever version is there. Four real processes at once lose nothing.
/// </summary>
public sealed class ExpectTests : RegisterTest
{
    private const string Baf07 = SampleRegister.Baf07;

    private string Version(string id = "BAF-07")
    {
        var show = Run("show", id, "--format", "json");
        show.Code.ShouldBe(0, show.ToString());
        return JsonDocument.Parse(show.Out).RootElement.GetProperty("version").GetString()!;
    }

    [Fact]
    public void Show_reports_the_files_version_as_git_has_it()
    {
        Version().ShouldBe(Git.Run(Register, "hash-object", Baf07).Trim());
    }

    [Fact]
    public void A_set_that_expects_the_version_there_is_saved_and_one_that_expects_an_older_is_refused()
    {
        Join();
        var read = Version();
        Run("set", "BAF-07", "performance=Someone else's update", "-m", "Meanwhile").Code.ShouldBe(0);
        var head = Git.Head(Register);

        var stale = Run("set", "BAF-07", "performance=My update", "-m", "Mine", "--expect", read);

        stale.Code.ShouldBe(3, stale.ToString());
        stale.Error.ShouldStartWith("risks: not saved: ");
        Git.Head(Register).ShouldBe(head);
        FileText(Baf07).ShouldContain("Someone else's update");

        var fresh = Run("set", "BAF-07", "performance=My update", "-m", "Mine", "--expect", Version());
        fresh.Code.ShouldBe(0, fresh.ToString());
        FileText(Baf07).ShouldContain("My update");
    }

    [Fact]
    public void A_commit_names_the_version_the_file_had_there_and_a_short_blob_id_does_too()
    {
        Join();
        var commit = Git.Head(Register);
        Run("set", "BAF-07", "performance=Later", "-m", "Later").Code.ShouldBe(0);

        Run("set", "BAF-07", "performance=From the old commit", "-m", "Stale", "--expect", commit).Code.ShouldBe(3);
        Run("set", "BAF-07", "performance=From HEAD", "-m", "Fresh", "--expect", Git.Head(Register)).Code.ShouldBe(0);
        Run("set", "BAF-07", "performance=Short id", "-m", "Short", "--expect", Version()[..10]).Code.ShouldBe(0);
    }

    [Fact]
    public void An_expected_version_that_is_no_version_is_a_usage_error()
    {
        Join();

        var result = Run("set", "BAF-07", "performance=x", "-m", "x", "--expect", "not-a-version");

        result.Code.ShouldBe(2);
        result.Error.ShouldBe("risks: --expect not-a-version is not a version of BAF-07: give the \"version\" that 'risks show BAF-07 --format json' reports (a blob id), or a commit\n");
    }

    [Fact]
    public void Four_processes_reading_changing_and_writing_back_lose_nothing()
    {
        Join();
        Run("set", "BAF-07", "performance=0", "-m", "Start the count").Code.ShouldBe(0);
        const int Each = 3;
        var refused = 0;
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (var done = 0; done < Each;)
            {
                var show = RisksProcess.Run(Register, "show", "BAF-07", "--format", "json");
                show.Code.ShouldBe(0, show.ToString());
                var risk = JsonDocument.Parse(show.Out).RootElement;
                var count = int.Parse(risk.GetProperty("performance").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                var set = RisksProcess.Run(Register, "set", "BAF-07", $"performance={count + 1}", "-m", "Count one", "--expect", risk.GetProperty("version").GetString()!);
                if (set.Code == 3)
                {
                    Interlocked.Increment(ref refused);
                    continue;
                }

                set.Code.ShouldBe(0, set.ToString());
                done++;
            }
        });

        var final = JsonDocument.Parse(Run("show", "BAF-07", "--format", "json").Out).RootElement;
        final.GetProperty("performance").GetString().ShouldBe($"{4 * Each}", $"{refused} saves were refused as stale and tried again");
        Git.Lines(Register, "log", "--format=%s", "-n", $"{4 * Each}").ShouldAllBe(s => s.EndsWith("performance updated", StringComparison.Ordinal));
    }

    [Fact]
    public void Four_processes_adding_to_a_list_at_once_each_keep_their_entries()
    {
        Join();
        var failures = new ConcurrentBag<string>();
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, p =>
        {
            for (var i = 0; i < 3; i++)
            {
                var set = RisksProcess.Run(Register, "set", "BAF-07", $"committees+=Committee {p}-{i}", "-m", "Add a committee");
                if (set.Code != 0)
                {
                    failures.Add(set.ToString());
                }
            }
        });

        failures.ShouldBeEmpty();
        var text = FileText(Baf07);
        for (var p = 0; p < 4; p++)
        {
            for (var i = 0; i < 3; i++)
            {
                text.ShouldContain($"Committee {p}-{i}");
            }
        }
    }
}
