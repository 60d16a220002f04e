using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Queries;
using Risks.Core.Scoring;
using Risks.Core.Validation;
using Risks.Storage.Files;
using Risks.Storage.Git;
using Risks.Storage.Sample;
using Risks.Storage.Yaml;

namespace Risks.Cli;

/// <summary>What each command does. Each returns its exit code.</summary>
internal sealed partial class Commands(CliContext context, Func<ParseResult, string?> registerOption)
{
    private TextWriter Out => context.Out;

    private TextWriter Error => context.Error;

    public int Demo(string? path, bool noUi)
    {
        var folder = path is null
            ? Path.Combine(Path.GetTempPath(), "risks-demo-" + Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal))
            : Path.GetFullPath(path, context.CurrentDirectory);
        var built = SampleBuilder.Build(context.DataFolder, folder, visitor: Visitor());
        if (!noUi && context.Interactive)
        {
            return Ui(built.Register, ["--register", built.Register.Root]);
        }

        var snapshot = built.Register.Reader.Load();
        Out.WriteLine($"Built the sample register at {built.Register.Root}");
        Out.WriteLine($"{snapshot.Settings.Organisation}: {built.Risks} risks, {built.Commits} commits, iterations {string.Join(" and ", built.Tags)}.");
        Out.WriteLine($"You ({context.Login}) can edit it: the sample lists you among its people as a governance lead.");
        Out.WriteLine();
        Out.WriteLine("Try:");
        Out.WriteLine($"  risks --register {Quote(built.Register.Root)}");
        Out.WriteLine($"  risks --register {Quote(built.Register.Root)} list");
        Out.WriteLine($"  git -C {Quote(built.Register.Root)} log --format='%ad %an | %s' --date=short");
        return ExitCodes.Ok;
    }

    /// <summary>The full-screen UI on the register found from the options or the current folder.</summary>
    public int Ui(ParseResult parse)
    {
        if (!context.Interactive)
        {
            Error.WriteLine("risks: the full-screen register needs a terminal; without one, use a command such as 'risks list' (see 'risks --help')");
            return ExitCodes.Usage;
        }

        return Ui(Open(parse), FullScreenProgram.OwnArguments());
    }

    /// <param name="asked">What the full-screen program is to be given, where it is a program of its own (<see cref="FullScreenProgram"/>): it then finds the register and the person again itself.</param>
    private int Ui(Register register, IReadOnlyList<string> asked)
    {
#if NO_UI
        return FullScreenProgram.Become(asked, Error);
#else
        // The session stays open and reads thousands of past versions in the background (trends): only a little of the pack is kept mapped.
        Risks.Storage.Git.PackMapping.Limit();
        Risks.App.Session session;
        using (var progress = new ReadingProgress(context.ErrorIsTerminal ? Error : null))
        {
            session = new Risks.App.Session(register, context.Login, context.Clock, progress);
        }

        // The register is read as a command reads it (Program.cs); the session, which stays open, then collects as usual.
        CommandLine.CollectAsUsual();

        return Tui.TerminalApp.Run(session, Tui.TerminalApp.LogFile(context.Variable), Error);
#endif
    }

    /// <summary>The person trying the sample, as a governance lead: named from git config when it has a name.</summary>
    private Person Visitor()
    {
        var login = context.Login;
        var config = LibGit2Sharp.Configuration.BuildFrom(null);
        var name = config.Get<string>("user.name")?.Value;
        return new Person
        {
            Login = login,
            Name = string.IsNullOrWhiteSpace(name) ? login : name,
            Email = config.Get<string>("user.email")?.Value,
            Role = Role.GovernanceLead,
            JobTitle = "Trying the sample register",
        };
    }

    public int List(RiskFilter filter, IReadOnlyList<string> where, string format, ParseResult parse)
    {
        // The table and CSV show no prose, so the risks are read without it (most of their text),
        // unless a condition asks about a prose field; JSON gives each score's rationale.
        var reader = Open(parse).Reader;
        var snapshot = format == "json" ? reader.Load() : reader.LoadListing();
        var conditions = new List<FieldCondition>();
        foreach (var text in where)
        {
            var (condition, error) = FieldCondition.Parse(text, snapshot.Settings);
            if (condition is null)
            {
                Error.WriteLine($"risks: --where {error}");
                return ExitCodes.Usage;
            }

            conditions.Add(condition);
        }

        if (snapshot.WithoutProse && conditions.Exists(c => c.Field.IsProse && !c.Field.IsCustom))
        {
            snapshot = reader.Load();
        }

        filter = filter with { Where = conditions };
        var today = context.Today;
        var facts = new RiskFacts[snapshot.Risks.Count];
        Parallel.For(0, facts.Length, i => facts[i] = RiskFacts.Of(snapshot.Risks[i].Risk, snapshot.Settings, today));
        var rows = facts.Where(filter.Matches).ToList();
        switch (format)
        {
            case "json":
                Out.WriteLine(JsonOutput.List(rows, snapshot.Settings));
                break;
            case "csv":
                CsvOutput.List(Out, rows, snapshot.Settings, context.Today);
                break;
            default:
                TableOutput.List(Out, rows, snapshot.Settings, context.Today);
                break;
        }

        ReportInvalid(snapshot);
        return ExitCodes.Ok;
    }

    public int Show(string id, string format, ParseResult parse)
    {
        var register = Open(parse);
        if (!RiskId.TryParse(id, out var riskId))
        {
            Error.WriteLine($"risks: \"{id}\" is not a risk id: {RiskId.Rules}");
            return ExitCodes.Usage;
        }

        // Only this risk's file is read: showing it needs nothing of the others.
        var snapshot = register.Reader.LoadRisk(riskId);

        var stored = snapshot.Find(riskId);
        if (stored is null)
        {
            return NotFound(snapshot, riskId);
        }

        var facts = RiskFacts.Of(stored.Risk, snapshot.Settings, context.Today);
        switch (format)
        {
            case "yaml":
                Out.Write(RiskYaml.Write(stored.Risk));
                break;
            case "json":
                Out.WriteLine(JsonOutput.Risk(facts, snapshot.Settings, stored.Version));
                break;
            default:
                TextOutput.Risk(Out, facts, snapshot.Settings, context.Today, stored.Path, signOff: stored.Risk.SignOff is null ? null : register.SignOffs.StateOf(stored.Risk, snapshot.Settings));
                break;
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Cuts an iteration: an annotated tag on the latest commit, by the governance lead running the
    /// command, for the board meeting of <paramref name="boardDate"/> (as typed; by default today).
    /// </summary>
    public int IterationCreate(string name, string? title, string? boardDate, IReadOnlyList<(string Key, string? Value)> cover, ParseResult parse)
    {
        var register = Open(parse);
        if (CannotCutIterations(register, out var gate) is { } failure)
        {
            return failure;
        }

        if (!RegisterIterations.IsName(name))
        {
            Error.WriteLine($"risks: '{name}' cannot name an iteration: {RegisterIterations.NameRules}");
            return ExitCodes.Usage;
        }

        var board = context.Today;
        if (boardDate is not null && !Formats.TryParseDate(boardDate, out board))
        {
            Error.WriteLine($"risks: --board-date: '{boardDate}' is not a date: write the day of the board meeting as 2025-03-13, 13/03/2025 or 13 Mar 2025");
            return ExitCodes.Usage;
        }

        if (register.Iterations.All().FirstOrDefault(i => i.Name == name) is { } existing)
        {
            Error.WriteLine($"risks: there is already an iteration called '{name}': {Describe(existing)}");
            return ExitCodes.Conflict;
        }

        var author = gate.Author!;
        var heading = string.IsNullOrWhiteSpace(title) ? $"Iteration {name}" : title.Trim();
        register.Iterations.Cut(name, heading + "\n", author, boardDate: board, cover: Core.Papers.CoverSheetParts.Apply(new Core.Papers.CoverSheet(), cover));
        var cut = register.Iterations.All().Single(i => i.Name == name);
        Out.WriteLine($"Cut iteration {name}: {Describe(cut)}");
        var uncommitted = UncommittedRiskFiles(register);
        if (uncommitted > 0)
        {
            Error.WriteLine($"risks: note: {Text.Count(uncommitted, "risk file")} in the folder {(uncommitted == 1 ? "holds" : "hold")} edits not yet committed; the iteration is of the register as committed");
        }

        return ExitCodes.Ok;
    }

    /// <summary><c>risks iteration cover NAME [--meeting ...]</c>: the cover sheet shown, or the parts given changed (governance leads).</summary>
    public int IterationCover(string name, IReadOnlyList<(string Key, string? Value)> parts, ParseResult parse)
    {
        var register = Open(parse);
        if (register.Iterations.All().FirstOrDefault(i => i.Name == name) is not { } iteration)
        {
            Error.WriteLine($"risks: there is no iteration called '{name}'; 'risks iteration list' lists them");
            return ExitCodes.NotFound;
        }

        if (parts.All(p => p.Value is null))
        {
            foreach (var (key, value) in iteration.Cover.Parts())
            {
                Out.WriteLine($"{key}: {value ?? "(not given)"}");
            }

            return ExitCodes.Ok;
        }

        if (CannotCutIterations(register, out var gate) is { } failure)
        {
            return failure;
        }

        register.Iterations.SetCover(name, Core.Papers.CoverSheetParts.Apply(iteration.Cover, parts), gate.Author!);
        Out.WriteLine($"Iteration {name}'s cover sheet is saved with it (its tag made again on commit {iteration.Commit[..7]} by {gate.Author!.Name}).");
        return ExitCodes.Ok;
    }

    /// <summary>Every iteration, oldest first, under a header: its board date, commit, who cut it and when, and its title.</summary>
    public int IterationList(ParseResult parse)
    {
        var iterations = Open(parse).Iterations.All();
        if (iterations.Count == 0)
        {
            Error.WriteLine("No iterations yet: a governance lead cuts one with 'risks iteration create NAME --title TITLE --board-date DATE'.");
            return ExitCodes.Ok;
        }

        string[] header = ["Name", "Board date", "Commit", "Cut by", "Cut on", "Title"];
        var rows = iterations
            .Select(i => new[] { i.Name, Formats.Date(i.BoardDate), i.Commit[..7], i.By, Formats.Date(DateOnly.FromDateTime(i.When.DateTime)), i.Title })
            .Prepend(header)
            .ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            Out.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }

        return ExitCodes.Ok;
    }

    /// <summary>Removes an iteration (governance leads only); the commits it pointed at stay.</summary>
    public int IterationRemove(string name, ParseResult parse)
    {
        var register = Open(parse);
        if (CannotCutIterations(register, out _) is { } failure)
        {
            return failure;
        }

        var existing = register.Iterations.All().FirstOrDefault(i => i.Name == name);
        if (existing is null || !register.Iterations.Remove(name))
        {
            Error.WriteLine($"risks: there is no iteration called '{name}' ('risks iteration list' lists them)");
            return ExitCodes.NotFound;
        }

        Out.WriteLine($"Removed iteration {name} ({Describe(existing)}); its commit {existing.Commit[..7]} and the history are kept.");
        return ExitCodes.Ok;
    }

    /// <summary>Null when register.yaml lets the person running the command cut iterations; otherwise says why not and returns the exit code.</summary>
    private int? CannotCutIterations(Register register, out Risks.App.Gate gate)
    {
        gate = Gate(register);
        return Refused(gate.CutIteration());
    }

    /// <summary>What the person running the program (their Unix login) may write, by register.yaml as committed.</summary>
    private Risks.App.Gate Gate(Register register) => Risks.App.Gate.For(register.Reader, context.Login);

    /// <summary>Null when allowed; otherwise says why not and returns the exit code for it.</summary>
    private int? Refused(Core.Access.Permission permission)
    {
        if (permission.Allowed)
        {
            return null;
        }

        Error.WriteLine($"risks: {permission.Reason}");
        return ExitCodes.NotAllowed;
    }

    private static string Describe(Iteration iteration) =>
        $"{(iteration.Title.Length > 0 ? $"\"{iteration.Title}\", " : "")}for the board of {Formats.Date(iteration.BoardDate)}, cut by {iteration.By} on {Formats.Date(DateOnly.FromDateTime(iteration.When.DateTime))} at commit {iteration.Commit[..7]}";

    private static int UncommittedRiskFiles(Register register)
    {
        using var repo = new LibGit2Sharp.Repository(register.Root);
        return repo.RetrieveStatus(new LibGit2Sharp.StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true })
            .Count(e => e.State != LibGit2Sharp.FileStatus.Ignored && RegisterLayout.IsRiskFile(e.FilePath));
    }

    public int Check(bool baf, ParseResult parse)
    {
        var register = Open(parse);
        var reader = register.Reader;
        var snapshot = reader.Load();

        // The board's action log is the register's too: its files are read and checked against the people and risks.
        var (boardActions, boardProblems) = register.BoardActions.List();
        var (undertakings, undertakingProblems) = register.Undertakings.List();
        var ids = snapshot.Identities();
        var problems = snapshot.Problems
            .Concat(boardProblems)
            .Concat(snapshot.SettingsValid ? register.BoardActions.Check(boardActions, snapshot.Settings, ids) : [])
            .Concat(undertakingProblems)
            .Concat(snapshot.SettingsValid ? register.Undertakings.Check(undertakings, snapshot.Settings, ids) : [])
            .ToList();
        foreach (var problem in problems)
        {
            Out.WriteLine(problem);
        }

        var files = problems.Select(p => p.File).Distinct().Count();
        var summary = problems.Count == 0
            ? $"{snapshot.Risks.Count} risks{(boardActions.Count > 0 ? $", {Text.Count(boardActions.Count, "board action")}" : "")}{(undertakings.Count > 0 ? $", {Text.Count(undertakings.Count, "undertaking")}" : "")} checked: no problems"
            : $"{Text.Count(problems.Count, "problem")} in {Text.Count(files, "file")}; {snapshot.Risks.Count} risks read, {snapshot.InvalidFiles.Count} could not be";
        var errors = 0;
        if (baf && !snapshot.SettingsValid)
        {
            // Judged by default settings, every owner would be unknown and every tolerance missing.
            summary += "; the BAF rules were not checked: they need a register.yaml that can be read.";
            errors = 1;
        }
        else if (baf)
        {
            var findings = BafCheck.Run(snapshot.Risks.Select(s => s.Risk), snapshot.Settings, context.Today);
            var placed = reader.Place(snapshot, findings.Select(f => (f.Risk, f.Path, $"{Vocabulary.Word(f.Severity)} [{f.Rule}] {f.Message}")));
            foreach (var line in placed.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column))
            {
                Out.WriteLine(line);
            }

            errors = findings.Count(f => f.Severity == RuleSeverity.Error);
            var warnings = findings.Count - errors;
            var off = BafCheck.Rules.Count(r => snapshot.Settings.BafCheck.SeverityOf(r.Id, r.Default) == RuleSeverity.Off);
            var rules = $"{Text.Count(BafCheck.Rules.Count - off, "BAF rule")}{(off > 0 ? $" ({off} turned off in register.yaml)" : "")}";
            summary += findings.Count == 0
                ? $"; {rules}: all kept."
                : $"; {rules}: {Text.Count(errors, "error")} and {Text.Count(warnings, "warning")} in {Text.Count(findings.Select(f => f.Risk).Distinct().Count(), "risk")}.";
        }
        else
        {
            summary += ".";
        }

        Error.WriteLine(summary);
        return problems.Count > 0 || errors > 0 ? ExitCodes.Problems : ExitCodes.Ok;
    }

    /// <summary>
    /// <c>risks set</c>: the settings applied to the risk's file as it is, saved as one commit if the
    /// file is still the version read (or, with <paramref name="expect"/>, the version the script
    /// says it read). Settings that only add to or take from lists hold for any version, so when the
    /// risk changed meanwhile they are applied again to the version now there rather than refused.
    /// </summary>
    public int Set(string id, string[] settings, string reason, string? expect, ParseResult parse)
    {
        if (Target(id, parse, out var target) is { } failure)
        {
            return failure;
        }

        var (register, snapshot, riskId, path) = target;
        if (Refused(Gate(register).Edit(riskId, snapshot.Find(riskId)?.Risk)) is { } refused)
        {
            return refused;
        }

        string? expected = null;
        if (expect is not null && (expected = Expected(register, riskId, path, expect)) is null)
        {
            return ExitCodes.Usage;
        }

        var listsOnly = settings.All(FieldSetter.ChangesList);
        for (var attempt = 1; ; attempt++)
        {
            var applied = Apply(register, path, riskId, settings, snapshot.Settings);
            if (applied.Bytes is null)
            {
                Error.WriteLine($"risks: {path}:1:1: {applied.Refusal}");
                return ExitCodes.Problems;
            }

            if (applied.NotYaml)
            {
                Error.WriteLine($"risks: {path} cannot be read, so it cannot be changed field by field; fix it with 'risks edit {riskId}':");
                applied.ReadProblems.ToList().ForEach(p => Error.WriteLine($"  {p}"));
                return ExitCodes.Problems;
            }

            if (applied.Refused.Count > 0)
            {
                // A field the risk does not have is a problem with what was asked, as a wrong value is.
                var (_, message, unknownField) = applied.Refused[0];
                Error.WriteLine(unknownField ? $"risks: {riskId} was not changed: {message}" : $"risks: {message}");
                return unknownField ? ExitCodes.Problems : ExitCodes.Usage;
            }

            if (applied.Risk is null)
            {
                Error.WriteLine($"risks: {riskId} was not changed: the result would not be valid:");
                foreach (var problem in applied.ReadProblems)
                {
                    Error.WriteLine($"  {problem.Message}");
                }

                return ExitCodes.Problems;
            }

            // Changes to lists are made to whatever version is there; any other change only to the version read.
            var asRead = listsOnly ? BlobId.Of(applied.Bytes) : expected ?? BlobId.Of(applied.Bytes);
            var outcome = Attempt(register, snapshot, applied.Risk, asRead, reason, out var author);
            if (outcome is SaveOutcome.Conflict && listsOnly && attempt < 10)
            {
                continue;
            }

            return Report(applied.Risk, outcome, author);
        }
    }

    /// <summary>
    /// <c>risks set --from FILE</c> (or <c>-</c> for standard input): changes to several risks, one
    /// per line as <c>ID FIELD=VALUE</c> (or <c>ID@VERSION FIELD=VALUE</c> to say which version was
    /// read; blank lines and lines starting with <c>#</c> aside), saved as one commit, all or
    /// nothing: any problem anywhere is said as <c>FILE:LINE: message</c>, every one of them, and
    /// nothing is saved.
    /// </summary>
    public int SetFrom(string source, string reason, ParseResult parse)
    {
        var register = Open(parse);
        string name;
        string input;
        if (source == "-")
        {
            (name, input) = ("stdin", context.In.ReadToEnd());
        }
        else
        {
            var file = Path.GetFullPath(source, context.CurrentDirectory);
            if (!File.Exists(file))
            {
                Error.WriteLine($"risks: --from {source}: there is no such file");
                return ExitCodes.Usage;
            }

            (name, input) = (source, File.ReadAllText(file));
        }

        var problems = new List<(int Line, string Message, int Code)>();
        var byRisk = new List<(string Id, string? Version, List<(int Line, string Setting)> Settings)>();
        var lines = input.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                problems.Add((i + 1, $"\"{line}\" is not a change: write ID FIELD=VALUE, such as BAF-07 current.likelihood=3", ExitCodes.Usage));
                continue;
            }

            var (target, setting) = (line[..space], line[(space + 1)..].Trim());
            var at = target.IndexOf('@', StringComparison.Ordinal);
            var (id, version) = at < 0 ? (target, null) : (target[..at], target[(at + 1)..]);
            var group = byRisk.FindIndex(g => string.Equals(g.Id, id, StringComparison.OrdinalIgnoreCase));
            if (group < 0)
            {
                byRisk.Add((id, version, [(i + 1, setting)]));
            }
            else if (version is not null && byRisk[group].Version is { } other && other != version)
            {
                problems.Add((i + 1, $"{id} was read as version {other} on an earlier line, and as {version} here", ExitCodes.Usage));
            }
            else
            {
                byRisk[group] = (id, byRisk[group].Version ?? version, [.. byRisk[group].Settings, (i + 1, setting)]);
            }
        }

        var changed = new List<(Risk Risk, string Version)>();
        var gate = Gate(register);
        RegisterSnapshot? settingsFrom = null;
        foreach (var (id, version, settings) in byRisk)
        {
            var first = settings[0].Line;
            if (!RiskId.TryParse(id, out var riskId))
            {
                problems.Add((first, $"\"{id}\" is not a risk id: {RiskId.Rules}", ExitCodes.Usage));
                continue;
            }

            var snapshot = register.Reader.LoadRisk(riskId);
            settingsFrom ??= snapshot;
            if (FileOf(snapshot, riskId) is not { } path)
            {
                problems.Add((first, $"there is no risk {riskId} in the register", ExitCodes.NotFound));
                continue;
            }

            if (gate.Edit(riskId, snapshot.Find(riskId)?.Risk) is { Allowed: false } refused)
            {
                problems.Add((first, refused.Reason, ExitCodes.NotAllowed));
                continue;
            }

            string? expected = null;
            if (version is not null && (expected = register.Reader.VersionOf(path, version)) is null)
            {
                problems.Add((first, $"{version} is not a version of {riskId}: give the \"version\" that 'risks show {riskId} --format json' reports, or a commit", ExitCodes.Usage));
                continue;
            }

            var result = Apply(register, path, riskId, settings.ConvertAll(s => s.Setting), snapshot.Settings);
            if (result.Bytes is null || result.NotYaml)
            {
                problems.Add((first, $"{path} cannot be read, so it cannot be changed field by field: {result.Refusal ?? string.Join("; ", result.ReadProblems.Select(p => p.ToString()))}", ExitCodes.Problems));
                continue;
            }

            if (result.Refused.Count > 0)
            {
                problems.AddRange(result.Refused.Select(r => (settings[r.Index].Line, $"{riskId}: {r.Message}", ExitCodes.Problems)));
                continue;
            }

            if (result.Risk is null)
            {
                problems.AddRange(result.ReadProblems.Select(p => (settings[^1].Line, $"{riskId} would not be valid: {p.Message}", ExitCodes.Problems)));
                continue;
            }

            changed.Add((result.Risk, expected ?? BlobId.Of(result.Bytes!)));
        }

        if (problems.Count == 0 && changed.Count == 0)
        {
            problems.Add((1, "there are no changes in it: write one per line, as ID FIELD=VALUE", ExitCodes.Usage));
        }

        foreach (var (risk, _) in changed)
        {
            if (gate.Save(risk) is { Allowed: false } refused)
            {
                problems.Add((byRisk.First(g => RiskId.TryParse(g.Id, out var i) && i.Identity == risk.Id.Identity).Settings[0].Line, refused.Reason, ExitCodes.NotAllowed));
            }
        }

        if (problems.Count > 0)
        {
            foreach (var (line, message, _) in problems.OrderBy(p => p.Line))
            {
                Error.WriteLine($"{name}:{line}: {message}");
            }

            Error.WriteLine("risks: nothing was saved");
            var codes = problems.Select(p => p.Code).ToHashSet();
            return new[] { ExitCodes.Usage, ExitCodes.NotFound, ExitCodes.NotAllowed, ExitCodes.Problems }.First(codes.Contains);
        }

        var author = gate.Author!;
        var valid = settingsFrom is { SettingsValid: true } ? settingsFrom.Settings : null;
        switch (register.Saves.SaveAll(changed, reason, author, valid, context.Clock.GetLocalNow()))
        {
            case SaveOutcome.Saved saved:
                Out.WriteLine($"Saved {saved.Headline} [{saved.Commit[..8]}] by {author.Name}");
                return ExitCodes.Ok;
            case SaveOutcome.Unchanged:
                Out.WriteLine("Every risk is already like that; nothing to save.");
                return ExitCodes.Ok;
            case SaveOutcome.Conflict conflict:
                Error.WriteLine($"risks: nothing was saved: {conflict.Message}");
                return ExitCodes.Conflict;
            case SaveOutcome.Invalid invalid:
                invalid.Problems.ToList().ForEach(p => Error.WriteLine($"risks: {p}"));
                Error.WriteLine("risks: nothing was saved");
                return ExitCodes.Problems;
            case var other:
                throw new UnreachableException(other.ToString());
        }
    }

    /// <summary>
    /// A risk's file as it is now, with <c>risks set</c>'s <paramref name="settings"/> applied to it
    /// field by field: no bytes and <see cref="Applied.Refusal"/> when the file cannot be read;
    /// <see cref="Applied.NotYaml"/> and <see cref="Applied.ReadProblems"/> when it is not YAML; otherwise every setting refused, by its place in
    /// <paramref name="settings"/>; otherwise the risk as it would be, or why it would not be valid
    /// (<see cref="Applied.ReadProblems"/>).
    /// </summary>
    private static Applied Apply(Register register, string path, RiskId id, IReadOnlyList<string> settings, RegisterSettings registerSettings)
    {
        var (bytes, refusal) = SafeFile.Read(register.Root, path);
        if (bytes is null)
        {
            return new Applied(null, refusal, false, [], [], null);
        }

        var problems = new List<Problem>();
        var text = SafeText.Decode(bytes, path, problems);
        if (text is null || YamlTreeReader.Read(text, path, problems) is not YMapping tree)
        {
            return new Applied(bytes, null, true, problems, [], null);
        }

        var refused = new List<(int Index, string Message, bool UnknownField)>();
        for (var i = 0; i < settings.Count; i++)
        {
            if (FieldSetter.UnknownField(settings[i], registerSettings) is { } unknown)
            {
                refused.Add((i, unknown, true));
            }
            else if (FieldSetter.Apply(tree, settings[i], registerSettings) is { } error)
            {
                refused.Add((i, error, false));
            }
        }

        if (refused.Count > 0)
        {
            return new Applied(bytes, null, false, [], refused, null);
        }

        var read = RiskYaml.FromTree(tree, path, id);
        return new Applied(bytes, null, false, read.Risk is null ? read.Problems : [], [], read.Risk);
    }

    /// <summary>What <see cref="Apply"/> found.</summary>
    private sealed record Applied(byte[]? Bytes, string? Refusal, bool NotYaml, IReadOnlyList<Problem> ReadProblems, IReadOnlyList<(int Index, string Message, bool UnknownField)> Refused, Risk? Risk);

    /// <summary>Says how a command was used wrongly; exit 2.</summary>
    public int Usage(string message)
    {
        Error.WriteLine($"risks: {message}");
        return ExitCodes.Usage;
    }

    /// <summary>The version <c>--expect</c> names, or null (having said why) when it names none of the risk's.</summary>
    private string? Expected(Register register, RiskId id, string path, string expect)
    {
        var version = register.Reader.VersionOf(path, expect.Trim());
        if (version is null)
        {
            Error.WriteLine($"risks: --expect {expect} is not a version of {id}: give the \"version\" that 'risks show {id} --format json' reports (a blob id), or a commit");
        }

        return version;
    }

    /// <summary><c>risks edit</c>: the file in an editor, checked when it is closed, saved if the file is still the version read (or, with <paramref name="expect"/>, the version the person says they read).</summary>
    public int Edit(string id, string? reason, string? expect, ParseResult parse)
    {
        if (Target(id, parse, out var target) is { } failure)
        {
            return failure;
        }

        var (register, snapshot, riskId, path) = target;
        string? expected = null;
        if (expect is not null && (expected = Expected(register, riskId, path, expect)) is null)
        {
            return ExitCodes.Usage;
        }

        var file = Path.Combine(register.Root, path);
        if (Refused(Gate(register).Edit(riskId, snapshot.Find(riskId)?.Risk)) is { } refused)
        {
            return refused;
        }

        var editor = context.Variable("VISUAL") ?? context.Variable("EDITOR");
        if (string.IsNullOrWhiteSpace(editor))
        {
            Error.WriteLine("risks: set $EDITOR (or $VISUAL) to the editor to use, such as nano or vi");
            return ExitCodes.Usage;
        }

        var (original, refusal) = SafeFile.Read(register.Root, path);
        if (original is null)
        {
            Error.WriteLine($"risks: {path}:1:1: {refusal}");
            return ExitCodes.Problems;
        }

        var workFolder = Directory.CreateTempSubdirectory("risks-edit-").FullName;
        var copy = Path.Combine(workFolder, Path.GetFileName(path));
        File.WriteAllBytes(copy, original);
        while (true)
        {
            if (RunEditor(editor, copy) is { } failed)
            {
                Error.WriteLine($"risks: the editor failed ({failed}); your copy is kept at {copy}");
                return ExitCodes.Failure;
            }

            var edited = File.ReadAllBytes(copy);
            if (edited.AsSpan().SequenceEqual(original))
            {
                Out.WriteLine($"{riskId} not changed.");
                Directory.Delete(workFolder, recursive: true);
                return ExitCodes.Ok;
            }

            var read = RiskYaml.Read(edited, path, riskId);
            if (read.Risk is not null)
            {
                reason ??= Ask("Reason for the change: ");
                if (string.IsNullOrWhiteSpace(reason))
                {
                    Error.WriteLine($"risks: a reason is needed (-m); your edit is kept at {copy}");
                    return ExitCodes.Usage;
                }

                var code = Save(register, snapshot, read.Risk, expected ?? BlobId.Of(original), reason);
                if (code == ExitCodes.Ok)
                {
                    Directory.Delete(workFolder, recursive: true);
                }
                else
                {
                    Error.WriteLine($"Your edit is kept at {copy}");
                }

                return code;
            }

            foreach (var problem in read.Problems)
            {
                Error.WriteLine(problem.ToString().Replace(path, copy, StringComparison.Ordinal));
            }

            var again = Ask("The file has problems. Edit it again? [Y/n] ");
            if (again is null || again.Trim().StartsWith('n') || again.Trim().StartsWith('N'))
            {
                Error.WriteLine($"Nothing was saved. Your edit is kept at {copy}");
                return ExitCodes.Problems;
            }
        }
    }

    private int Save(Register register, RegisterSnapshot snapshot, Risk risk, string version, string reason) =>
        Report(risk, Attempt(register, snapshot, risk, version, reason, out var author), author);

    /// <summary>Saves the risk if the person may and the file is still <paramref name="version"/>; null when their role refuses it (already said).</summary>
    private SaveOutcome? Attempt(Register register, RegisterSnapshot snapshot, Risk risk, string version, string reason, out Author? author)
    {
        // Asked again at the moment of saving: the result must be theirs to write too.
        var gate = Gate(register);
        author = null;
        if (Refused(gate.Save(risk)) is not null)
        {
            return null;
        }

        author = gate.Author!;
        return register.Saves.Save(risk, version, reason, author, snapshot.SettingsValid ? snapshot.Settings : null, context.Clock.GetLocalNow());
    }

    /// <summary>Says what a save did, and gives the exit code for it.</summary>
    private int Report(Risk risk, SaveOutcome? outcome, Author? author) => Report(risk.Id.Value, outcome, author);

    /// <summary>Says what a save of <paramref name="what"/> (a risk's id, "board action 54") did, and gives the exit code for it.</summary>
    private int Report(string what, SaveOutcome? outcome, Author? author)
    {
        switch (outcome)
        {
            case null:
                return ExitCodes.NotAllowed;
            case SaveOutcome.Saved saved:
                Out.WriteLine($"Saved {saved.Headline} [{saved.Commit[..8]}] by {author!.Name}");
                return ExitCodes.Ok;
            case SaveOutcome.Unchanged:
                Out.WriteLine($"{what} is already like that; nothing to save.");
                return ExitCodes.Ok;
            case SaveOutcome.Conflict conflict:
                Error.WriteLine($"risks: not saved: {conflict.Message}");
                return ExitCodes.Conflict;
            case SaveOutcome.Invalid invalid:
                Error.WriteLine($"risks: {what} was not saved:");
                invalid.Problems.ToList().ForEach(p => Error.WriteLine($"  {p}"));
                return ExitCodes.Problems;
            default:
                throw new UnreachableException(outcome.ToString());
        }
    }

    private string? RunEditor(string editor, string file)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(editor + " \"$1\"");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(file);
        using var process = Process.Start(start);
        if (process is null)
        {
            return "could not start " + editor;
        }

        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"{editor} exited with {process.ExitCode}";
    }

    private string? Ask(string question)
    {
        if (!context.Interactive)
        {
            return null;
        }

        Out.Write(question);
        Out.Flush();
        return context.In.ReadLine();
    }

    private Register Open(ParseResult parse)
    {
        var given = registerOption(parse) ?? context.Variable("RISKS_REGISTER");
        if (!string.IsNullOrEmpty(given))
        {
            return Register.Open(Path.GetFullPath(given, context.CurrentDirectory), context.Clock);
        }

        var found = Register.Discover(context.CurrentDirectory)
            ?? throw new RegisterException($"no register in {context.CurrentDirectory} or any folder above it: give --register PATH, set RISKS_REGISTER, or make one with 'risks init' or 'risks demo'");
        return Register.Open(found, context.Clock);
    }

    /// <summary>
    /// Finds the register and the file of the risk a command names, readable or not. Returns
    /// null when found, else the exit code, with the message written.
    /// </summary>
    private int? Target(string id, ParseResult parse, out (Register Register, RegisterSnapshot Snapshot, RiskId Id, string Path) target)
    {
        target = default;
        var register = Open(parse);
        if (!RiskId.TryParse(id, out var riskId))
        {
            Error.WriteLine($"risks: \"{id}\" is not a risk id: {RiskId.Rules}");
            return ExitCodes.Usage;
        }

        // Only this risk's file is read: a change to it is checked against register.yaml, and its links by the files they name.
        var snapshot = register.Reader.LoadRisk(riskId);
        if (FileOf(snapshot, riskId) is not { } path)
        {
            return NotFound(snapshot, riskId);
        }

        target = (register, snapshot, RegisterLayout.Parse(path)!.Value.Id, path);
        return null;
    }

    /// <summary>The file holding a risk, readable or not, however many leading zeros its id was typed with.</summary>
    private static string? FileOf(RegisterSnapshot snapshot, RiskId id) =>
        snapshot.Find(id)?.Path
        ?? snapshot.InvalidFiles.FirstOrDefault(f => RegisterLayout.Parse(f) is { InPlace: true } place && place.Id.Identity == id.Identity);

    private int NotFound(RegisterSnapshot snapshot, RiskId id)
    {
        var invalid = snapshot.InvalidFiles.FirstOrDefault(f => RegisterLayout.Parse(f)?.Id.Identity == id.Identity);
        Error.WriteLine(invalid is null
            ? $"risks: there is no risk {id} in the register"
            : $"risks: {id} cannot be read ({invalid}); run 'risks check' to see why");
        return ExitCodes.NotFound;
    }

    private void ReportInvalid(RegisterSnapshot snapshot)
    {
        if (snapshot.InvalidFiles.Count > 0)
        {
            Error.WriteLine($"{Text.Count(snapshot.InvalidFiles.Count, "file")} could not be read and {(snapshot.InvalidFiles.Count == 1 ? "is" : "are")} not listed: {string.Join(", ", snapshot.InvalidFiles)}. Run 'risks check' to see why.");
        }

        if (!snapshot.SettingsValid)
        {
            Error.WriteLine("register.yaml has problems, so default settings are in use. Run 'risks check' to see them.");
        }
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"'{path}'" : path;
}
