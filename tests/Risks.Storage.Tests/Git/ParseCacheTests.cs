using System.Text;
using Risks.Core.Domain;
using Risks.Core.Schema;
using Risks.Core.Scoring;
using Risks.Core.Validation;
using Risks.Storage.Cache;
using Risks.Storage.Git;
using Risks.Storage.Tests.Yaml;
using Risks.Storage.Yaml;

namespace Risks.Storage.Tests.Git;

/// <summary>
/// The parse cache under .git: a fresh process reads an unchanged register without reading or
/// parsing its files, sees every change however it was made, and never trusts a cache that is
/// damaged, and several writers at once leave a usable one.
/// </summary>
[Collection(ProcessCaches.Name)]
public sealed class ParseCacheTests
{
    private static readonly DateTime LongAgo = new(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(RiskYamlRoundTripTests.SampleRiskFiles), MemberType = typeof(RiskYamlRoundTripTests))]
    public void Every_sample_risk_comes_back_from_its_binary_form_as_it_was_read(string path)
    {
        var read = RiskYaml.Read(File.ReadAllBytes(Samples.DataFile(path)), path, RegisterLayout.Parse(path)!.Value.Id);

        var back = RoundTrip(read);

        RiskYaml.Write(back.Risk!).ShouldBe(RiskYaml.Write(read.Risk!));
    }

    [Theory]
    [MemberData(nameof(RiskYamlRoundTripTests.SampleRiskFiles), MemberType = typeof(RiskYamlRoundTripTests))]
    public void A_sample_risk_read_for_a_listing_has_no_prose_and_every_other_field_and_fact_as_read(string path)
    {
        var read = RiskYaml.Read(File.ReadAllBytes(Samples.DataFile(path)), path, RegisterLayout.Parse(path)!.Value.Id);
        var (settings, _) = SettingsYaml.Read(File.ReadAllBytes(Samples.DataFile(SettingsYaml.FileName)));

        var listed = RoundTrip(read, withoutProse: true).Risk!;

        var (prose, rest) = Leaves(RiskSchema.BuiltIn, read.Risk!, "");
        var (proseListed, restListed) = Leaves(RiskSchema.BuiltIn, listed, "");
        prose.ShouldNotBeEmpty();
        proseListed.ShouldBeEmpty();
        restListed.ShouldBe(rest);
        foreach (var today in new[] { new DateOnly(2024, 1, 1), new DateOnly(2025, 6, 1), new DateOnly(2030, 1, 1) })
        {
            Facts(RiskFacts.Of(listed, settings!, today)).ShouldBe(Facts(RiskFacts.Of(read.Risk!, settings!, today)));
        }

        var known = new HashSet<string>(StringComparer.Ordinal) { read.Risk!.Id.Identity };
        RegisterValidator.CrossCheck(listed, settings!, known).ShouldBe(RegisterValidator.CrossCheck(read.Risk!, settings!, known));
        RegisterValidator.CrossCheck(listed, new RegisterSettings(), known).ShouldBe(RegisterValidator.CrossCheck(read.Risk!, new RegisterSettings(), known));
    }

    [Fact]
    public void A_listing_takes_the_risks_from_the_cache_without_prose_and_a_later_load_still_gives_them_whole()
    {
        using var t = Register(3);
        t.SaveNew(Samples.Operational("CRR-004") with { Title = "Risk 4", Owner = "nobody", Narrative = new Narrative { Cause = "Demand.", Event = "Delay.", Effect = "Harm." } });
        File.SetLastWriteTimeUtc(t.FullPath(RegisterLayout.PathOf(RiskId.Parse("CRR-004"))), LongAgo);
        var full = Load(t);
        full.Problems.ShouldContain(p => p.Message.Contains("nobody", StringComparison.Ordinal));

        Forget();
        var listed = t.Repo.Reader.LoadListing();

        listed.WithoutProse.ShouldBeTrue();
        full.WithoutProse.ShouldBeFalse();
        t.Repo.Reader.LastLoad.ShouldBe(new LoadCounts(4, 0, 0));
        listed.Risks.Select(r => (r.Path, r.Version, r.Risk.Id, r.Risk.Title, r.Risk.Owner, r.Risk.Current)).ShouldBe(full.Risks.Select(r => (r.Path, r.Version, r.Risk.Id, r.Risk.Title, r.Risk.Owner, r.Risk.Current)));
        listed.Problems.ShouldBe(full.Problems);
        listed.Risks.ShouldAllBe(r => r.Risk.Narrative.Cause == null && r.Risk.Controls.All(c => c.Text == null));
        full.Risks.Single(r => r.Risk.Id.Value == "CRR-004").Risk.Narrative.Cause.ShouldBe("Demand.");

        Texts(t.Repo.Reader.Load()).ShouldBe(Texts(full));
    }

    [Fact]
    public void A_risk_with_every_key_and_its_own_fields_comes_back_whole()
    {
        var full = Samples.Full() with
        {
            Custom = new Dictionary<string, CustomValue>(StringComparer.Ordinal)
            {
                ["cqc_domain"] = CustomValue.Of("Well-led"),
                ["sources"] = CustomValue.Of(["Audit", "Survey"]),
            },
        };

        var back = RoundTrip(new RiskFile(full, []));

        RiskYaml.Write(back.Risk!).ShouldBe(RiskYaml.Write(full));
    }

    [Fact]
    public void A_file_that_could_not_be_read_comes_back_with_its_problems()
    {
        var read = RiskYaml.Read("id: BAF-07\nkind: strategic\ntitle: [\n"u8.ToArray(), Samples.File, Samples.Id);
        read.Problems.ShouldNotBeEmpty();

        var back = RoundTrip(read);

        back.Risk.ShouldBe(read.Risk);
        back.Problems.ShouldBe(read.Problems);
    }

    [Fact]
    public void A_fresh_process_reads_an_unchanged_register_from_the_cache_without_reading_a_file()
    {
        using var t = Register(3);
        var first = Load(t);

        Forget();
        var again = t.Repo.Reader.Load();

        t.Repo.Reader.LastLoad.ShouldBe(new LoadCounts(3, 0, 0));
        Texts(again).ShouldBe(Texts(first));
    }

    [Fact]
    public void A_file_changed_by_hand_is_read_and_parsed_again()
    {
        using var t = Register(3);
        Load(t);

        var path = t.FullPath(RegisterLayout.PathOf(RiskId.Parse("CRR-002")));
        File.WriteAllText(path, File.ReadAllText(path).Replace("title: Risk 2", "title: Risk two, renamed", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, LongAgo.AddDays(1));
        Forget();
        var snapshot = t.Repo.Reader.Load();

        snapshot.Find("CRR-002")!.Risk.Title.ShouldBe("Risk two, renamed");
        t.Repo.Reader.LastLoad.ShouldBe(new LoadCounts(3, 1, 1));
    }

    [Fact]
    public void A_change_that_keeps_the_size_is_seen_by_its_new_time()
    {
        using var t = Register(3);
        Load(t);

        var path = t.FullPath(RegisterLayout.PathOf(RiskId.Parse("CRR-002")));
        File.WriteAllText(path, File.ReadAllText(path).Replace("title: Risk 2", "title: Risk 9", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, LongAgo.AddSeconds(1));
        Forget();

        t.Repo.Reader.Load().Find("CRR-002")!.Risk.Title.ShouldBe("Risk 9");
    }

    [Fact]
    public void A_file_changed_in_the_moment_the_cache_was_written_is_never_trusted_by_its_time()
    {
        using var t = Register(3);
        var path = t.FullPath(RegisterLayout.PathOf(RiskId.Parse("CRR-002")));
        var now = DateTime.UtcNow;
        File.SetLastWriteTimeUtc(path, now);
        Load(t);

        // Same size, same time to the tick: only the rule on recent times catches it.
        File.WriteAllText(path, File.ReadAllText(path).Replace("title: Risk 2", "title: Risk 8", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, now);
        Forget();

        t.Repo.Reader.Load().Find("CRR-002")!.Risk.Title.ShouldBe("Risk 8");
    }

    [Fact]
    public void Saves_new_files_and_removed_files_are_all_seen()
    {
        using var t = Register(3);
        Load(t);

        t.SaveNew(Samples.Operational("CRR-004") with { Title = "Fourth" });
        File.Delete(t.FullPath(RegisterLayout.PathOf(RiskId.Parse("CRR-001"))));
        Forget();
        var snapshot = t.Repo.Reader.Load();

        snapshot.Risks.Select(r => r.Risk.Id.Value).ShouldBe(["CRR-002", "CRR-003", "CRR-004"]);
        snapshot.Find("CRR-004")!.Risk.Title.ShouldBe("Fourth");
    }

    [Fact]
    public void A_file_with_problems_keeps_its_problems_when_read_from_the_cache()
    {
        using var t = Register(2);
        var path = RegisterLayout.PathOf(RiskId.Parse("CRR-002"));
        File.WriteAllText(t.FullPath(path), "id: CRR-002\nkind: operational\ntitle: [\n");
        File.SetLastWriteTimeUtc(t.FullPath(path), LongAgo);
        var first = Load(t);
        first.InvalidFiles.ShouldBe([path]);

        Forget();
        var again = t.Repo.Reader.Load();

        t.Repo.Reader.LastLoad.Read.ShouldBe(0);
        again.InvalidFiles.ShouldBe([path]);
        again.Problems.Select(p => p.ToString()).ShouldBe(first.Problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("empty")]
    [InlineData("other")]
    public void A_damaged_cache_is_not_trusted_and_is_written_anew(string damage)
    {
        using var t = Register(3);
        var first = Load(t);
        var file = ParseCache.PathIn(Path.Combine(t.Root, ".git"));
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, damage switch
        {
            "flip" => Flip(bytes, bytes.Length / 2),
            "truncate" => bytes[..(bytes.Length / 2)],
            "empty" => [],
            _ => Encoding.UTF8.GetBytes("not a cache at all\n"),
        });

        Forget();
        var again = t.Repo.Reader.Load();

        Texts(again).ShouldBe(Texts(first));
        t.Repo.Reader.LastLoad.Parsed.ShouldBe(3);
        Forget();
        t.Repo.Reader.Load();
        t.Repo.Reader.LastLoad.ShouldBe(new LoadCounts(3, 0, 0));
    }

    [Fact]
    public void A_parsed_version_whose_bytes_are_damaged_is_parsed_again_alone_and_the_rest_still_come_from_the_cache()
    {
        using var t = Register(3);
        var first = Load(t);
        var file = ParseCache.PathIn(Path.Combine(t.Root, ".git"));

        // The parsed versions come straight after the file's opening line; the table of contents, at its end.
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, Flip(bytes, "RISKS PARSE CACHE\n".Length + 10));

        Forget();
        var again = t.Repo.Reader.Load();

        Texts(again).ShouldBe(Texts(first));
        t.Repo.Reader.LastLoad.ShouldBe(new LoadCounts(3, 1, 1));
        Forget();
        t.Repo.Reader.Load();
        t.Repo.Reader.LastLoad.ShouldBe(new LoadCounts(3, 0, 0));
    }

    [Fact]
    public void A_writer_killed_part_way_leaves_a_temporary_file_that_a_later_writer_removes()
    {
        using var t = Register(2);
        Load(t);
        var folder = Path.GetDirectoryName(ParseCache.PathIn(Path.Combine(t.Root, ".git")))!;
        var old = Path.Combine(folder, $".{ParseCache.FileName}.99999.tmp");
        var fresh = Path.Combine(folder, $".{ParseCache.FileName}.99998.tmp");
        File.WriteAllText(old, "half");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-1));
        File.WriteAllText(fresh, "being written");

        t.SaveNew(Samples.Operational("CRR-003"));
        Forget();
        Load(t);

        File.Exists(old).ShouldBeFalse();
        File.Exists(fresh).ShouldBeTrue();
    }

    [Fact]
    public async Task Several_processes_loading_and_saving_at_once_leave_a_cache_that_gives_the_register_as_it_is()
    {
        using var t = Register(20);
        const int Saves = 12;
        var saved = 0;
        var loads = 0;

        // Threads of their own rather than the pool's, so that neither side waits for a thread
        // to be free however busy the machine is.
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Factory.StartNew(() =>
        {
            // Each its own register object, as separate processes would have.
            var register = Storage.Git.Register.Open(t.Root, t.Clock);
            do
            {
                ParsedVersions.Forget();
                register.Reader.Load().Problems.ShouldBeEmpty();
                Interlocked.Increment(ref loads);
            }
            while (Volatile.Read(ref saved) < Saves);
        }, TaskCreationOptions.LongRunning)).ToList();
        var writer = Task.Factory.StartNew(() =>
        {
            for (var n = 0; n < Saves; n++)
            {
                var id = RiskId.Parse($"CRR-{(n % 20) + 1:000}");
                var stored = t.Repo.Reader.Load().Find(id)!;
                t.Repo.Saves.Save(stored.Risk with { Title = $"Saved {n}" }, stored.Version, null, TestRegister.Ann).ShouldBeOfType<SaveOutcome.Saved>();
                Volatile.Write(ref saved, n + 1);
            }
        }, TaskCreationOptions.LongRunning);
        await Task.WhenAll([.. readers, writer]);

        Forget();
        var cached = Texts(t.Repo.Reader.Load());
        Directory.Delete(Path.GetDirectoryName(ParseCache.PathIn(Path.Combine(t.Root, ".git")))!, recursive: true);
        Forget();
        var parsed = Texts(t.Repo.Reader.Load());

        loads.ShouldBeGreaterThan(Saves / 2);
        cached.ShouldBe(parsed);
    }

    [Fact]
    public void A_past_commit_read_once_is_kept_in_the_cache_for_the_next_process()
    {
        using var t = Register(2);
        string first;
        using (var repo = new LibGit2Sharp.Repository(t.Root))
        {
            first = repo.Head.Tip.Sha;
        }

        var stored = Load(t).Find("CRR-001")!;
        t.Repo.Saves.Save(stored.Risk with { Title = "Changed since" }, stored.Version, null, TestRegister.Ann).ShouldBeOfType<SaveOutcome.Saved>();
        Forget();
        var then = Texts(t.Repo.Reader.LoadAt(first));

        using var cache = ParseCache.Open(Path.Combine(t.Root, ".git"));
        var old = t.Repo.Reader.LoadAt(first).Find("CRR-001")!;
        cache.Holds(old.Version, old.Path).ShouldBeTrue();
        Forget();
        Texts(t.Repo.Reader.LoadAt(first)).ShouldBe(then);
        then.ShouldContain(x => x.Contains("title: Risk 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Versions_read_in_many_batches_all_come_back_and_are_kept_in_the_cache_when_it_can_be_written(bool cacheWritable)
    {
        using var t = Register(1);
        var gitDir = Path.Combine(t.Root, ".git");
        if (!cacheWritable)
        {
            // A file where the cache's folder goes: nothing can be written there, so the batches are read only by the parse.
            if (Directory.Exists(Path.Combine(gitDir, ParseCache.FolderName)))
            {
                Directory.Delete(Path.Combine(gitDir, ParseCache.FolderName), recursive: true);
            }

            File.WriteAllText(Path.Combine(gitDir, ParseCache.FolderName), "not a folder");
        }

        var path = RegisterLayout.PathOf(RiskId.Parse("CRR-001"));
        var wanted = new List<(LibGit2Sharp.ObjectId Id, string Path)>();
        using (var repo = new LibGit2Sharp.Repository(t.Root))
        {
            for (var i = 0; i < 700; i++)
            {
                var yaml = RiskYaml.Write(Samples.Operational("CRR-001") with { Title = $"Version {i}", Current = new Score(1 + (i % 5), 1 + (i / 5 % 5)) });
                wanted.Add((repo.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(yaml))).Id, path));
            }

            Forget();
            var whole = ParsedVersions.ParseAll(repo, wanted, remember: false, withoutProse: true);
            Forget();
            var scores = ParsedVersions.ParseAll(repo, wanted, file => (file.Risk!.Title, file.Risk.Current), remember: false, withoutProse: true);

            whole.Count.ShouldBe(700);
            scores.Count.ShouldBe(700);
            for (var i = 0; i < 700; i++)
            {
                var key = (wanted[i].Id.Sha, path);
                whole[key].Risk!.Title.ShouldBe($"Version {i}");
                whole[key].Risk!.Narrative.Event.ShouldBeNull("read without prose");
                scores[key].ShouldBe(($"Version {i}", new Score(1 + (i % 5), 1 + (i / 5 % 5))));
            }
        }

        if (cacheWritable)
        {
            using var cache = ParseCache.Open(gitDir);
            wanted.ShouldAllBe(w => cache.Holds(w.Id.Sha, path));
            wanted.Select(w => cache.TryGet(w.Id.Sha, path, out var file) ? file.Risk!.Title : null).ShouldBe(Enumerable.Range(0, 700).Select(i => $"Version {i}"));
        }
        else
        {
            File.ReadAllText(Path.Combine(gitDir, ParseCache.FolderName)).ShouldBe("not a folder");
        }
    }

    [Fact]
    public void A_comparison_keeps_the_versions_it_parsed_for_the_next_process_and_gives_the_same_answer_from_them()
    {
        using var t = Register(3);
        string first;
        using (var repo = new LibGit2Sharp.Repository(t.Root))
        {
            first = repo.Head.Tip.Sha;
        }

        foreach (var id in new[] { "CRR-001", "CRR-003" })
        {
            var stored = t.Repo.Reader.Load().Find(id)!;
            t.Repo.Saves.Save(stored.Risk with { Title = stored.Risk.Title + ", renamed" }, stored.Version, null, TestRegister.Ann).ShouldBeOfType<SaveOutcome.Saved>();
        }

        Forget();
        var parsed = t.Repo.Comparisons.Compare(first, "HEAD");
        using var cache = ParseCache.Open(Path.Combine(t.Root, ".git"));
        Forget();
        var cached = t.Repo.Comparisons.Compare(first, "HEAD");

        parsed.Comparison.Risks.Count.ShouldBe(2);
        cache.Count.ShouldBeGreaterThanOrEqualTo(4, "both versions of both risks");
        cached.Comparison.Risks.Select(r => string.Join("; ", r.Changes.Select(c => c.Description))).ShouldBe(parsed.Comparison.Risks.Select(r => string.Join("; ", r.Changes.Select(c => c.Description))));
    }

    [Fact]
    public void Trends_read_past_versions_without_keeping_them_or_their_prose_and_leave_them_in_the_cache_for_the_next_process()
    {
        using var t = Register(2);
        var january = new DateTimeOffset(2025, 1, 16, 17, 0, 0, TimeSpan.Zero);
        t.Repo.Iterations.Cut("2025-01", "January", TestRegister.Ann, january);
        var before = Load(t).Find("CRR-001")!;
        t.Repo.Saves.Save(before.Risk with { Current = new Score(1, 1) }, before.Version, null, TestRegister.Ann).ShouldBeOfType<SaveOutcome.Saved>();
        t.Repo.Iterations.Cut("2025-02", "February", TestRegister.Ann, january.AddMonths(1));
        var now = Load(t);
        File.Delete(ParseCache.PathIn(Path.Combine(t.Root, ".git")));

        var parsed = t.Repo.Comparisons.RisksAt("2025-01");
        var cache = ParseCache.Open(Path.Combine(t.Root, ".git"));
        var held = cache.Holds(before.Version, before.Path);
        cache.Dispose();
        Forget();
        var cached = t.Repo.Comparisons.RisksAt("2025-01");

        foreach (var then in new[] { parsed, cached })
        {
            then.Keys.Order().ShouldBe(["CRR-1", "CRR-2"]);
            then["CRR-1"].Current.ShouldBe(before.Risk.Current);
            then["CRR-1"].Title.ShouldBe("Risk 1");
            then["CRR-1"].Narrative.Event.ShouldBeNull("prose is not read for a trend");
            ParsedVersions.TryGet(before.Version, before.Path, out _).ShouldBeFalse();
        }

        ReferenceEquals(parsed["CRR-2"], now.Find("CRR-002")!.Risk).ShouldBeTrue("a version read already is the one read");
        held.ShouldBeTrue();

        Forget();
        var scores = t.Repo.Comparisons.ScoresAt(t.Repo.Iterations.All());
        scores["CRR-1"].ShouldBe([before.Risk.Current!.Value, 1]);
        scores["CRR-2"].ShouldBe([12, 12]);
        ParsedVersions.TryGet(before.Version, before.Path, out _).ShouldBeFalse();
    }

    [Fact]
    public void The_pack_windows_a_long_session_maps_are_limited_and_the_register_still_reads()
    {
        using var t = Register(3);
        var expected = Texts(Load(t));

        PackMapping.Limit().ShouldBeTrue();

        PackMapping.Current().ShouldBe((PackMapping.WindowBytes, PackMapping.MappedBytes));
        using (var repo = new LibGit2Sharp.Repository(t.Root))
        {
            repo.ObjectDatabase.Pack(new LibGit2Sharp.PackBuilderOptions(Path.Combine(t.Root, ".git", "objects", "pack")));
        }

        Forget();
        Texts(t.Repo.Reader.LoadAt("HEAD")).ShouldBe(expected);
    }

    [Fact]
    public void A_load_tells_how_far_it_has_got()
    {
        using var t = new TestRegister();
        var yaml = RiskYaml.Write(Samples.Operational("CRR-001"));
        for (var i = 1; i <= 500; i++)
        {
            var id = RiskId.Parse($"CRR-{i:000}");
            Directory.CreateDirectory(Path.GetDirectoryName(t.FullPath(RegisterLayout.PathOf(id)))!);
            File.WriteAllText(t.FullPath(RegisterLayout.PathOf(id)), yaml.Replace("CRR-001", id.Value, StringComparison.Ordinal));
        }

        var reports = new System.Collections.Concurrent.ConcurrentBag<LoadProgress>();
        var snapshot = t.Repo.Reader.Load(new Progress(reports.Add));

        snapshot.Risks.Count.ShouldBe(500);
        reports.OrderBy(r => r.Done).ShouldBe([new LoadProgress(250, 500), new LoadProgress(500, 500)]);
    }

    private sealed class Progress(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => report(value);
    }

    private static RiskFile RoundTrip(RiskFile file, bool withoutProse = false)
    {
        using var memory = new MemoryStream();
        using (var w = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            RiskFileBinary.Write(w, file);
        }

        return RiskFileBinary.Read(memory.ToArray(), withoutProse);
    }

    /// <summary>Every value of a risk as its fields give it, by path (items by place): the prose fields' apart from the rest.</summary>
    private static (List<string> Prose, List<string> Others) Leaves(IReadOnlyList<Field> fields, object owner, string prefix)
    {
        var (prose, rest) = (new List<string>(), new List<string>());
        foreach (var field in fields)
        {
            var path = prefix + field.Key;
            if (field.IsGroup)
            {
                if (field.Get(owner) is { } group)
                {
                    var (p, r) = Leaves(field.Parts, group, path + ".");
                    (prose, rest) = ([.. prose, .. p], [.. rest, .. r]);
                }
            }
            else if (field.Type == FieldType.Items)
            {
                var items = field.ItemsOf(owner);
                for (var i = 0; i < items.Count; i++)
                {
                    var (p, r) = Leaves(field.Parts, items[i], $"{path}[{i}].");
                    (prose, rest) = ([.. prose, .. p], [.. rest, .. r]);
                }
            }
            else if (field.Key == RiskSchema.CustomKey)
            {
                rest.AddRange(((Risk)owner).Custom.Select(kv => $"{path}.{kv.Key}={kv.Value}"));
            }
            else
            {
                var value = field.IsList ? string.Join("|", field.List(owner)) : field.Text(owner);
                if (!string.IsNullOrEmpty(value))
                {
                    (field.IsProse ? prose : rest).Add($"{path}={value}");
                }
            }
        }

        return (prose, rest);
    }

    private static string Facts(RiskFacts f) =>
        $"{f.CurrentScore} {f.TargetScore} {f.InherentScore} {f.Band?.Name} {string.Join(",", f.AboveToleranceOf.Select(o => o.Id))} {f.OutsideTarget} {f.TargetDateMissed} "
        + $"{string.Join(",", f.OpenActions.Select(a => a.Id))} {string.Join(",", f.OverdueActions.Select(a => a.Id))} {f.ReviewOverdue}";

    /// <summary>A register of <paramref name="count"/> operational risks CRR-001..., their files dated long ago (so their times are trusted).</summary>
    private static TestRegister Register(int count)
    {
        var t = new TestRegister();
        for (var i = 1; i <= count; i++)
        {
            t.SaveNew(Samples.Operational($"CRR-{i:000}") with { Title = $"Risk {i}" });
            File.SetLastWriteTimeUtc(t.FullPath(RegisterLayout.PathOf(RiskId.Parse($"CRR-{i:000}"))), LongAgo);
        }

        return t;
    }

    /// <summary>A load as a fresh process makes it: nothing parsed in memory yet, so the cache is written.</summary>
    private static RegisterSnapshot Load(TestRegister t)
    {
        Forget();
        var snapshot = t.Repo.Reader.Load();
        File.Exists(ParseCache.PathIn(Path.Combine(t.Root, ".git"))).ShouldBeTrue();
        return snapshot;
    }

    private static void Forget() => ParsedVersions.Forget();

    private static List<string> Texts(RegisterSnapshot snapshot) => [.. snapshot.Risks.Select(r => r.Path + "\n" + RiskYaml.Write(r.Risk))];

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = bytes.ToArray();
        copy[at] ^= 0x20;
        return copy;
    }
}

/// <summary>Reading one risk alone, for commands that need nothing else of the register.</summary>
public sealed class LoadRiskTests
{
    [Fact]
    public void One_risk_is_read_alone_with_the_settings()
    {
        using var t = new TestRegister();
        t.SaveNew(Samples.Operational("CRR-001") with { Title = "First" });
        t.SaveNew(Samples.Operational("CRR-002") with { Title = "Second" });
        File.WriteAllText(t.FullPath(RegisterLayout.PathOf(RiskId.Parse("CRR-002"))), "id: CRR-002\ntitle: [\n");

        var snapshot = t.Repo.Reader.LoadRisk(RiskId.Parse("CRR-001"));

        snapshot.Risks.Single().Risk.Title.ShouldBe("First");
        snapshot.Risks.Single().Version.ShouldBe(BlobId.Of(File.ReadAllBytes(t.FullPath(RegisterLayout.PathOf(RiskId.Parse("CRR-001"))))));
        snapshot.InvalidFiles.ShouldBeEmpty("the other, broken file is not read");
        snapshot.Settings.Organisation.ShouldBe(t.Settings.Organisation);
    }

    [Fact]
    public void A_risk_whose_file_cannot_be_read_is_among_the_invalid_with_its_problems()
    {
        using var t = new TestRegister();
        t.SaveNew(Samples.Operational("CRR-001"));
        var path = RegisterLayout.PathOf(RiskId.Parse("CRR-001"));
        File.WriteAllText(t.FullPath(path), "id: CRR-001\ntitle: [\n");

        var snapshot = t.Repo.Reader.LoadRisk(RiskId.Parse("CRR-001"));

        snapshot.Risks.ShouldBeEmpty();
        snapshot.InvalidFiles.ShouldBe([path]);
        snapshot.Problems.ShouldNotBeEmpty();
        snapshot.Problems.ShouldAllBe(p => p.File == path);
    }

    [Fact]
    public void A_risk_with_no_file_where_its_id_says_is_looked_for_in_the_whole_register()
    {
        using var t = new TestRegister();
        t.SaveNew(Samples.Operational("CRR-001"));
        var misplaced = "risks/CRR/07/CRR-001.yaml";
        Directory.CreateDirectory(Path.GetDirectoryName(t.FullPath(misplaced))!);
        File.Move(t.FullPath(RegisterLayout.PathOf(RiskId.Parse("CRR-001"))), t.FullPath(misplaced));

        var snapshot = t.Repo.Reader.LoadRisk(RiskId.Parse("CRR-001"));

        snapshot.Risks.ShouldBeEmpty();
        snapshot.InvalidFiles.ShouldBe([misplaced]);
        snapshot.Problems.ShouldContain(p => p.File == misplaced && p.Message.Contains("belongs at", StringComparison.Ordinal));
    }
}
