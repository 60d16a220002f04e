using System.Diagnostics;
using System.Globalization;
using System.Text;
using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Storage.Git;
using Risks.Storage.Yaml;

namespace Risks.Benchmarks;

/// <summary>What generating a register made, and how long each step took.</summary>
internal sealed record Generated(
    string Dir,
    int Risks,
    int ChangeCommits,
    int TotalCommits,
    int Tags,
    double AverageFileBytes,
    long GitBytes,
    double StreamSeconds,
    double GcSeconds,
    double CheckoutSeconds,
    double ValidateSeconds,
    double TotalSeconds);

/// <summary>
/// Generates a register with <c>git fast-import</c>: <c>register.yaml</c>, N risks entered in one
/// commit per folder of 100, then C commits each changing 1-3 risks (a score change or an action
/// update) with the product's <c>Risk-Id:</c> trailer, and an annotated tag at the end of each of
/// 60 months. Then <c>git gc</c> and <c>git reset --hard</c>, and a check that the product loads it
/// with no problems and that every file is the version generated.
/// </summary>
internal static class Generator
{
    private const int Months = 60;
    private static readonly DateTimeOffset Start = new(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Generated Generate(string dir, int riskCount, int commitCount)
    {
        var total = Stopwatch.StartNew();
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        Git.Run(dir, "init", "-q", "-b", "main");

        var settings = Content.Settings();
        var lead = settings.FindPerson(Content.GovernanceLead)!;
        var created = new DateTimeOffset(2020, 12, 31, 9, 0, 0, TimeSpan.Zero);
        var state = new Risk[riskCount + 1];
        var commits = 0;
        var tags = 0;
        long yamlBytes = 0;

        var stream = Stopwatch.StartNew();
        using (var import = new FastImport(dir))
        {
            import.Commit(lead, created, $"Register created for {settings.Organisation}\n",
            [
                (".gitattributes", Encoding.UTF8.GetBytes("*.yaml text eol=lf\n")),
                (SettingsYaml.FileName, Encoding.UTF8.GetBytes(SettingsYaml.Write(settings))),
            ]);
            commits++;

            // Entered in one commit per folder (100 risks), each naming its risks in trailers.
            var entered = DateOnly.FromDateTime(created.Date);
            for (var first = 1; first <= riskCount; first += 100)
            {
                var last = Math.Min(riskCount, first + 99);
                var files = new List<(string, byte[])>();
                var message = new StringBuilder($"Risks {Content.IdOf(first)} to {Content.IdOf(last)} entered from the previous register\n\n");
                for (var n = first; n <= last; n++)
                {
                    state[n] = Content.Initial(n, entered);
                    files.Add((RegisterLayout.PathOf(state[n].Id), Encoding.UTF8.GetBytes(RiskYaml.Write(state[n]))));
                }

                for (var n = first; n <= last; n++)
                {
                    message.Append(RiskSaves.TrailerKey).Append(": ").Append(state[n].Id.Value).Append('\n');
                }

                import.Commit(lead, created.AddMinutes(10 + commits), message.ToString(), files);
                commits++;
            }

            var rng = new Random(20210101);
            var picked = new List<int>(3);
            for (var i = 0; i < commitCount; i++)
            {
                var month = (int)((long)i * Months / commitCount);
                var monthStart = Start.AddMonths(month);
                var fraction = ((long)i * Months % commitCount) / (double)commitCount;
                var when = monthStart + ((monthStart.AddMonths(1) - monthStart) * fraction) + TimeSpan.FromHours(8);
                var day = DateOnly.FromDateTime(when.Date);

                picked.Clear();
                var count = rng.Next(10) switch { < 7 => 1, < 9 => 2, _ => 3 };
                while (picked.Count < Math.Min(count, riskCount))
                {
                    var n = rng.Next(1, riskCount + 1);
                    if (!picked.Contains(n))
                    {
                        picked.Add(n);
                    }
                }

                var reason = Content.Reason(rng);
                var files = new List<(string, byte[])>(picked.Count);
                var headlines = new List<(RiskId Id, string Headline, IReadOnlyList<FieldChange> Changes)>(picked.Count);
                foreach (var n in picked)
                {
                    var before = state[n];
                    var after = Content.Edit(before, rng, day);
                    state[n] = after;
                    var changes = RiskComparer.Compare(before, after, settings);
                    headlines.Add((after.Id, ChangeSummary.Headline(before, after, changes), changes));
                    files.Add((RegisterLayout.PathOf(after.Id), Encoding.UTF8.GetBytes(RiskYaml.Write(after))));
                }

                var author = settings.FindPerson(state[picked[0]].Owner)!;
                import.Commit(author, when, MessageFor(headlines, reason), files);
                commits++;

                var nextMonth = i + 1 < commitCount ? (int)((long)(i + 1) * Months / commitCount) : Months;
                if (nextMonth != month)
                {
                    var tagWhen = when.AddMinutes(1);
                    import.Tag(monthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture), lead, tagWhen, $"Register as at the end of {monthStart.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}\n");
                    tags++;
                }
            }

            import.Done();
        }

        stream.Stop();
        Console.WriteLine($"  fast-import stream: {commits:N0} commits, {tags} tags in {stream.Elapsed.TotalSeconds:F1} s");

        var gc = Stopwatch.StartNew();
        Git.Run(dir, "gc", "--quiet");
        gc.Stop();
        Console.WriteLine($"  git gc: {gc.Elapsed.TotalSeconds:F1} s");

        var checkout = Stopwatch.StartNew();
        Git.Run(dir, "reset", "--hard", "-q");
        checkout.Stop();
        Console.WriteLine($"  git reset --hard: {checkout.Elapsed.TotalSeconds:F1} s");

        var validate = Stopwatch.StartNew();
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 1; n <= riskCount; n++)
        {
            var bytes = Encoding.UTF8.GetBytes(RiskYaml.Write(state[n]));
            yamlBytes += bytes.Length;
            expected[state[n].Id.Value] = BlobId.Of(bytes);
        }

        Validate(dir, riskCount, expected);
        var counted = int.Parse(Git.Run(dir, "rev-list", "--count", "HEAD").Trim(), CultureInfo.InvariantCulture);
        var tagCount = Git.Run(dir, "tag", "--list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        if (counted != commits || tagCount != tags)
        {
            throw new InvalidOperationException($"generated {commits} commits and {tags} tags, but the repository has {counted} commits and {tagCount} tags");
        }

        validate.Stop();
        Console.WriteLine($"  validated with RegisterReader.Load(): {riskCount:N0} risks, 0 problems, every file the generated version ({validate.Elapsed.TotalSeconds:F1} s)");

        total.Stop();
        return new Generated(dir, riskCount, commitCount, commits, tags, yamlBytes / (double)riskCount, DirectorySize(Path.Combine(dir, ".git")),
            stream.Elapsed.TotalSeconds, gc.Elapsed.TotalSeconds, checkout.Elapsed.TotalSeconds, validate.Elapsed.TotalSeconds, total.Elapsed.TotalSeconds);
    }

    /// <summary>Loads the register as the product does and fails loudly unless it holds exactly the risks generated, with no problems.</summary>
    public static void Validate(string dir, int riskCount, IReadOnlyDictionary<string, string>? versions = null)
    {
        var snapshot = Register.Open(dir).Reader.Load();
        if (snapshot.Problems.Count > 0 || snapshot.InvalidFiles.Count > 0 || !snapshot.SettingsValid)
        {
            throw new InvalidOperationException(
                $"the generated register at {dir} has {snapshot.Problems.Count} problems and {snapshot.InvalidFiles.Count} invalid files; first: "
                + string.Join("; ", snapshot.Problems.Take(5)));
        }

        if (snapshot.Risks.Count != riskCount)
        {
            throw new InvalidOperationException($"the generated register at {dir} loads {snapshot.Risks.Count} risks, expected {riskCount}");
        }

        if (versions is not null)
        {
            var wrong = snapshot.Risks.Where(r => versions.GetValueOrDefault(r.Risk.Id.Value) != r.Version).Select(r => r.Path).ToList();
            if (wrong.Count > 0)
            {
                throw new InvalidOperationException($"{wrong.Count} files in the work tree are not the version generated, such as {wrong[0]}");
            }
        }
    }

    /// <summary>The product's message for one risk; for a review of several, a headline, one line per risk and one trailer per risk.</summary>
    private static string MessageFor(List<(RiskId Id, string Headline, IReadOnlyList<FieldChange> Changes)> edits, string reason)
    {
        if (edits.Count == 1)
        {
            return RiskSaves.Message(edits[0].Headline, reason, edits[0].Changes, edits[0].Id);
        }

        var text = new StringBuilder($"Review of {edits.Count} risks\n\n{reason}\n\n");
        foreach (var edit in edits)
        {
            text.Append("- ").Append(edit.Headline).Append('\n');
        }

        text.Append('\n');
        foreach (var edit in edits)
        {
            text.Append(RiskSaves.TrailerKey).Append(": ").Append(edit.Id.Value).Append('\n');
        }

        return text.ToString();
    }

    public static long DirectorySize(string dir) =>
        Directory.Exists(dir) ? new DirectoryInfo(dir).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
}

/// <summary>A <c>git fast-import</c> process fed through its standard input.</summary>
internal sealed class FastImport : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Task<string> _errors;
    private int _mark;

    public FastImport(string dir)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = dir,
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "fast-import", "--quiet", "--done" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start git fast-import");
        _errors = _process.StandardError.ReadToEndAsync();
        _ = _process.StandardOutput.ReadToEndAsync();
        _input = new BufferedStream(_process.StandardInput.BaseStream, 1 << 20);
    }

    public void Commit(Person author, DateTimeOffset when, string message, IEnumerable<(string Path, byte[] Content)> files)
    {
        _mark++;
        var ident = Ident(author, when);
        Write($"commit refs/heads/main\nmark :{_mark}\nauthor {ident}\ncommitter {ident}\n");
        Data(Encoding.UTF8.GetBytes(message));
        foreach (var (path, content) in files)
        {
            Write($"M 100644 inline {path}\n");
            Data(content);
        }

        Write("\n");
    }

    /// <summary>An annotated tag on the last commit.</summary>
    public void Tag(string name, Person tagger, DateTimeOffset when, string message)
    {
        Write($"tag {name}\nfrom :{_mark}\ntagger {Ident(tagger, when)}\n");
        Data(Encoding.UTF8.GetBytes(message));
    }

    public void Done()
    {
        Write("done\n");
        _input.Flush();
        _process.StandardInput.Close();
        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git fast-import failed ({_process.ExitCode}): {_errors.Result}");
        }
    }

    public void Dispose() => _process.Dispose();

    private static string Ident(Person person, DateTimeOffset when) =>
        $"{person.Name} <{person.Email}> {when.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)} +0000";

    private void Data(byte[] bytes)
    {
        Write($"data {bytes.Length.ToString(CultureInfo.InvariantCulture)}\n");
        Write(bytes);
        Write("\n");
    }

    private void Write(string text) => Write(Encoding.UTF8.GetBytes(text));

    private void Write(byte[] bytes)
    {
        try
        {
            _input.Write(bytes);
        }
        catch (IOException e)
        {
            _process.WaitForExit(5000);
            throw new InvalidOperationException($"git fast-import stopped reading ({e.Message}): {_errors.Result}", e);
        }
    }
}

/// <summary>Runs the git command line.</summary>
internal static class Git
{
    public static string Run(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start git");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({process.ExitCode}): {errors.Result}");
        }

        return output;
    }
}
