using System.Globalization;
using System.Text;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Git;
using Risks.Storage.Yaml;

namespace Risks.Storage.Sample;

/// <summary>
/// Builds a register repository from a sample folder (<c>data/</c>): <c>register.yaml</c>, the
/// risk files as they stand at the last iteration, and <c>history.yaml</c>, which says how each
/// earlier iteration differed and who made each change, so the new repository has real,
/// attributed history and an annotated tag per iteration.
/// </summary>
public static class SampleBuilder
{
    public const string HistoryFile = "history.yaml";

    /// <summary>What was built: the iterations tagged and the commits made.</summary>
    public sealed record Result(Register Register, IReadOnlyList<string> Tags, int Commits, int Risks);

    /// <summary>
    /// Builds the sample at <paramref name="target"/>. A <paramref name="visitor"/> whose login is
    /// not among the sample's people is added to them, so the person trying the sample can edit it.
    /// </summary>
    public static Result Build(string dataFolder, string target, IProgress<string>? progress = null, Person? visitor = null)
    {
        var settings = ReadSettings(dataFolder);
        if (visitor is not null && settings.FindPerson(visitor.Login) is null)
        {
            settings = settings with { People = [.. settings.People, visitor] };
        }

        var finals = ReadRisks(dataFolder);
        var history = ReadHistory(dataFolder);
        var commits = 1;
        var register = Register.Init(target, settings, Person(settings, history.By, HistoryFile), when: At(history.Date, 9, 0));
        progress?.Report($"register created for {settings.Organisation}");

        var current = new Dictionary<string, StoredVersion>(StringComparer.Ordinal);
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        var tags = new List<string>();
        foreach (var iteration in history.Iterations)
        {
            var state = finals.ToDictionary(f => f.Key, f => StateAt(f.Value, iteration.State.GetValueOrDefault(f.Key) ?? [], iteration.Tag, settings), StringComparer.Ordinal);
            if (iteration.Entered is { } entered)
            {
                var minute = 0;
                foreach (var (id, risk) in state.Where(s => !current.ContainsKey(s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    // Adding a risk is a governance lead's to do (as the roles have it): the lead who set the register up enters them.
                    var author = Person(settings, history.By, HistoryFile);
                    current[id] = Save(register, risk, null, $"Entered for the {iteration.Title} BAF.", author, settings, At(entered, 10, minute++));
                    commits++;
                }
            }

            // Risk updates and the board log's and undertakings' changes, in the order of their dates.
            var steps = iteration.Updates.Select(u => (u.Date, Update: (Update?)u, Item: (ItemStep?)null))
                .Concat(iteration.Items.Select(i => (i.Date, Update: (Update?)null, Item: (ItemStep?)i)))
                .OrderBy(step => step.Date)
                .ToList();
            foreach (var (_, update, item) in steps)
            {
                commits++;
                if (item is not null)
                {
                    SaveItem(register, dataFolder, item, items, settings, finals);
                    continue;
                }

                if (!current.TryGetValue(update!.Risk, out var was))
                {
                    throw new RegisterException($"{HistoryFile}: {iteration.Tag} updates {update.Risk}, which no earlier iteration entered");
                }

                current[update.Risk] = Save(register, state[update.Risk], was.Version, update.Reason, Person(settings, update.By, update.Risk), settings, At(update.Date, 11, 0));
            }

            foreach (var (id, risk) in state)
            {
                if (!current.TryGetValue(id, out var now) || now.Yaml != RiskYaml.Write(risk))
                {
                    throw new RegisterException($"{HistoryFile}: at {iteration.Tag}, {id} differs from its previous state but has no update");
                }
            }

            register.Iterations.Cut(iteration.Tag, iteration.Title, Person(settings, iteration.By, iteration.Tag), At(iteration.Date, 17, 0), iteration.BoardDate, iteration.Cover);
            tags.Add(iteration.Tag);
            progress?.Report($"iteration {iteration.Tag} tagged: {iteration.Title}");
        }

        foreach (var path in FinalItems(dataFolder))
        {
            if (!items.TryGetValue(path, out var saved) || saved != File.ReadAllText(Path.Combine(dataFolder, path)))
            {
                throw new RegisterException($"{HistoryFile}: {path} is not as the last change to it in the history leaves it");
            }
        }

        return new Result(register, tags, commits, finals.Count);
    }

    /// <summary>A change to a board action or an undertaking: the file it makes, from which file of the sample, by whom, when and why.</summary>
    private sealed record ItemStep(string File, string Source, string By, DateOnly Date, string Reason);

    /// <summary>The board actions' and undertakings' files as the sample ends: those named by their number alone.</summary>
    private static IEnumerable<string> FinalItems(string folder) =>
        new[] { TrackedKinds.BoardActions.Folder, TrackedKinds.Undertakings.Folder }
            .Where(f => Directory.Exists(Path.Combine(folder, f)))
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(folder, f), "*.yaml").Select(file => $"{f}/{Path.GetFileName(file)}"))
            .Where(path => int.TryParse(Path.GetFileNameWithoutExtension(path), out _))
            .Order(StringComparer.Ordinal);

    private static void SaveItem(Register register, string folder, ItemStep step, Dictionary<string, string> items, RegisterSettings settings, IReadOnlyDictionary<string, YMappingSource> risks)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, step.Source));
        var author = Person(settings, step.By, step.File);
        var ids = risks.Keys.Select(k => RiskId.Parse(k).Identity).ToHashSet(StringComparer.Ordinal);
        var when = At(step.Date, 12, 0);
        items.TryGetValue(step.File, out var was);
        var version = was is null ? null : BlobId.Of(Encoding.UTF8.GetBytes(was));
        SaveOutcome outcome;
        string text;
        if (TrackedKinds.BoardActions.Holds(step.File))
        {
            var (action, problems) = TrackedKinds.BoardActions.ReadFile(bytes, step.File);
            action = action ?? throw new RegisterException($"the sample's {step.Source} is not valid: {string.Join("; ", problems)}");
            text = TrackedKinds.BoardActions.Write(action);
            outcome = register.BoardActions.Save(action, version, was is null ? $"Board action {action.Number} added: {Text.Brief(action.Item, 60)}" : $"Board action {action.Number} updated", step.Reason, author, settings, ids, when);
        }
        else
        {
            var (undertaking, problems) = TrackedKinds.Undertakings.ReadFile(bytes, step.File);
            undertaking = undertaking ?? throw new RegisterException($"the sample's {step.Source} is not valid: {string.Join("; ", problems)}");
            text = TrackedKinds.Undertakings.Write(undertaking);
            outcome = register.Undertakings.Save(undertaking, version, was is null ? $"Undertaking {undertaking.Number} added: {Text.Brief(undertaking.Title, 60)}" : $"Undertaking {undertaking.Number} updated", step.Reason, author, settings, ids, when);
        }

        if (outcome is not SaveOutcome.Saved)
        {
            throw new RegisterException($"{HistoryFile}: {step.File} from {step.Source} was not saved: {outcome}");
        }

        items[step.File] = text;
    }

    private sealed record StoredVersion(string Version, string Yaml);

    private static StoredVersion Save(Register register, Risk risk, string? expected, string reason, Author author, RegisterSettings settings, DateTimeOffset when)
    {
        var outcome = register.Saves.Save(risk, expected, reason, author, settings, when, requireLinkedRisks: false);
        return outcome switch
        {
            SaveOutcome.Saved saved => new StoredVersion(saved.Version, RiskYaml.Write(risk)),
            SaveOutcome.Unchanged => throw new RegisterException($"{HistoryFile}: the update of {risk.Id} on {Rules.Iso(DateOnly.FromDateTime(when.Date))} changes nothing"),
            SaveOutcome.Invalid invalid => throw new RegisterException($"{risk.Id} is not valid: {string.Join("; ", invalid.Problems)}"),
            SaveOutcome.Conflict conflict => throw new RegisterException(conflict.Message),
            _ => throw new InvalidOperationException(outcome.ToString()),
        };
    }

    private static DateTimeOffset At(DateOnly date, int hour, int minute) =>
        new(date.ToDateTime(new TimeOnly(hour, 0)).AddMinutes(minute), TimeSpan.Zero);

    private static Author Person(RegisterSettings settings, string login, string who) =>
        settings.FindPerson(login) is { } p
            ? new Author(p.Name, p.Email ?? $"{login}@example.invalid", login)
            : throw new RegisterException($"{HistoryFile}: {who} is '{login}', who is not among register.yaml's people");

    private static Risk StateAt(YMappingSource final, IReadOnlyList<string> settings, string tag, RegisterSettings register)
    {
        var tree = final.Fresh();
        foreach (var setting in settings)
        {
            if (FieldSetter.Apply(tree, setting, register) is { } error)
            {
                throw new RegisterException($"{HistoryFile}: {tag}: {final.Path}: {error}");
            }
        }

        var read = RiskYaml.FromTree(tree, final.Path, null, []);
        return read.Risk ?? throw new RegisterException($"{HistoryFile}: {tag}: {final.Path}: {string.Join("; ", read.Problems.Select(p => p.Message))}");
    }

    private static RegisterSettings ReadSettings(string folder)
    {
        var (settings, problems) = SettingsYaml.Read(File.ReadAllBytes(Path.Combine(folder, SettingsYaml.FileName)));
        return settings ?? throw new RegisterException("the sample's register.yaml is not valid: " + string.Join("; ", problems));
    }

    private sealed class YMappingSource(string path, string text)
    {
        public string Path => path;

        public YMapping Fresh()
        {
            var problems = new List<Problem>();
            return YamlTreeReader.Read(text, path, problems) as YMapping
                ?? throw new RegisterException($"{path}: {string.Join("; ", problems)}");
        }
    }

    private static Dictionary<string, YMappingSource> ReadRisks(string folder)
    {
        var risks = new Dictionary<string, YMappingSource>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, RegisterLayout.RisksFolder), "*.yaml", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(folder, file).Replace('\\', '/');
            var bytes = File.ReadAllBytes(file);
            var read = RiskYaml.Read(bytes, path, RegisterLayout.Parse(path)?.Id);
            if (!read.IsValid)
            {
                throw new RegisterException("the sample has an invalid risk: " + string.Join("; ", read.Problems));
            }

            risks[read.Risk!.Id.Value] = new YMappingSource(path, Encoding.UTF8.GetString(bytes));
        }

        return risks;
    }

    private sealed record Update(string Risk, string By, DateOnly Date, string Reason);

    private sealed record Iteration(string Tag, string Title, DateOnly Date, DateOnly BoardDate, string By, DateOnly? Entered, Dictionary<string, IReadOnlyList<string>> State, IReadOnlyList<Update> Updates, IReadOnlyList<ItemStep> Items, Core.Papers.CoverSheet? Cover);

    private sealed record History(DateOnly Date, string By, IReadOnlyList<Iteration> Iterations);

    /// <summary>An iteration's cover sheet in history.yaml: its parts by the names the command line gives them, with _ for -.</summary>
    private static Core.Papers.CoverSheet CoverOf(NodeReader c)
    {
        var cover = Core.Papers.CoverSheetParts.Apply(new Core.Papers.CoverSheet(), new Core.Papers.CoverSheet().Parts().Select(p => (p.Key, c.Text(p.Key.ToLowerInvariant().Replace('-', '_')))));
        c.Finish();
        return cover;
    }

    private static History ReadHistory(string folder)
    {
        var problems = new List<Problem>();
        var text = SafeText.Decode(File.ReadAllBytes(Path.Combine(folder, HistoryFile)), HistoryFile, problems);
        var tree = text is null ? null : YamlTreeReader.Read(text, HistoryFile, problems);
        var map = new Dictionary<string, Position>(StringComparer.Ordinal);
        var root = tree is null ? null : NodeReader.Root(tree, HistoryFile, problems, map);
        if (root is null)
        {
            throw new RegisterException(string.Join("; ", problems));
        }

        var register = root.Mapping("register");
        var history = new History(
            register?.Date("date") ?? default,
            register?.Text("by") ?? "",
            root.Items("iterations").Select(i =>
            {
                var state = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                if (i.Mapping("state") is { } s)
                {
                    foreach (var id in s.Keys)
                    {
                        state[id] = s.Texts(id);
                    }

                    s.Finish();
                }

                var date = i.Date("date") ?? default;
                var iteration = new Iteration(
                    i.Text("tag") ?? "",
                    i.Text("title") ?? "",
                    date,
                    i.Date("board_date") ?? date,
                    i.Text("by") ?? "",
                    i.Date("entered"),
                    state,
                    i.Items("updates").Select(u =>
                    {
                        var update = new Update(u.Text("risk") ?? "", u.Text("by") ?? "", u.Date("date") ?? default, u.Text("reason") ?? "");
                        u.Finish();
                        return update;
                    }).ToList(),
                    i.Items("items").Select(u =>
                    {
                        var file = u.Text("file") ?? "";
                        var step = new ItemStep(file, u.Text("source") ?? file, u.Text("by") ?? "", u.Date("date") ?? default, u.Text("reason") ?? "");
                        u.Finish();
                        return step;
                    }).ToList(),
                    i.Mapping("cover") is { } c ? CoverOf(c) : null);
                i.Finish();
                return iteration;
            }).ToList());
        register?.Finish();
        root.Finish();
        if (problems.Count > 0)
        {
            throw new RegisterException(string.Join("; ", problems));
        }

        return history;
    }
}
