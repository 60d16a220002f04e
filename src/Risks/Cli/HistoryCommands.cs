using System.CommandLine;
using System.Text.Json.Nodes;
using Risks.App;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Storage.Git;

namespace Risks.Cli;

/// <summary><c>risks log</c>, <c>risks blame</c> and <c>risks diff</c>: the register's past, read from Git.</summary>
internal sealed partial class Commands
{
    public int Log(string id, bool patch, string format, ParseResult parse)
    {
        if (HistoryTarget(id, parse) is not { } target)
        {
            return ExitCodes.Usage;
        }

        var (register, settings, riskId) = target;
        var view = new RiskHistoryView(register.History, settings, riskId, context.Clock.GetUtcNow());
        if (view.Entries.Count == 0)
        {
            Error.WriteLine($"risks: no commit has changed {riskId}: there is no such risk in the register's history");
            return ExitCodes.NotFound;
        }

        if (format == "json")
        {
            var entries = new JsonArray();
            foreach (var entry in view.Entries)
            {
                entries.Add((JsonNode)new JsonObject
                {
                    ["commit"] = entry.Revision.Id,
                    ["when"] = entry.Revision.When.ToString("yyyy-MM-ddTHH:mm:sszzz", Formats.Culture),
                    ["author"] = entry.Revision.Author,
                    ["email"] = entry.Revision.AuthorEmail,
                    ["headline"] = entry.Revision.Headline,
                    ["reason"] = entry.Revision.Reason,
                    ["by_program"] = entry.Version.ByProgram,
                    ["path"] = entry.Version.Path,
                    ["changes"] = new JsonArray([.. entry.Version.Changes.Select(c => (JsonNode)new JsonObject
                    {
                        ["field"] = c.Field,
                        ["kind"] = c.Kind.ToString().ToLowerInvariant(),
                        ["before"] = c.Before,
                        ["after"] = c.After,
                        ["description"] = c.Description,
                    })]),
                    ["problems"] = new JsonArray([.. entry.Version.Problems.Select(p => (JsonNode)JsonValue.Create(p.ToString())!)]),
                });
            }

            Out.WriteLine(JsonOutput.Write(new JsonObject { ["id"] = riskId.Value, ["history"] = entries }));
            return ExitCodes.Ok;
        }

        Out.WriteLine($"History of {view.Id} {view.Title}: {Core.Domain.Text.Count(view.Entries.Count, "commit")}, newest first");
        foreach (var entry in view.Entries)
        {
            Out.WriteLine();
            Out.WriteLine($"{entry.Exact} ({entry.Ago})  {entry.Who}  [{entry.ShortCommit}]{(entry.Origin.Length > 0 ? $"  {entry.Origin}" : "")}");
            Out.WriteLine($"  {entry.Headline}");
            if (entry.Revision.Reason is { } reason)
            {
                foreach (var line in reason.Split('\n'))
                {
                    Out.WriteLine($"  Why: {line}".TrimEnd());
                }
            }

            foreach (var change in entry.Changes)
            {
                Out.WriteLine($"  - {change}");
            }

            foreach (var problem in entry.Version.Problems)
            {
                Out.WriteLine($"  ! {problem}");
            }

            if (patch)
            {
                Out.WriteLine();
                Out.Write(view.Patch(entry));
            }
        }

        return ExitCodes.Ok;
    }

    public int Blame(string id, string format, ParseResult parse)
    {
        if (HistoryTarget(id, parse) is not { } target)
        {
            return ExitCodes.Usage;
        }

        var (register, settings, riskId) = target;
        var view = new BlameView(register.History, settings, riskId, context.Clock.GetUtcNow());
        if (view.Fields.Count == 0)
        {
            Error.WriteLine($"risks: {riskId} is not in the register as committed (it was never added, or was removed)");
            return ExitCodes.NotFound;
        }

        if (format == "json")
        {
            var fields = new JsonArray([.. view.Fields.Select(f => (JsonNode)new JsonObject
            {
                ["field"] = f.Field,
                ["label"] = f.Label,
                ["value"] = f.Value,
                ["commit"] = f.Revision.Id,
                ["when"] = f.Revision.When.ToString("yyyy-MM-ddTHH:mm:sszzz", Formats.Culture),
                ["author"] = f.Revision.Author,
                ["reason"] = f.Revision.Reason,
                ["change"] = f.Change.Description,
            })]);
            Out.WriteLine(JsonOutput.Write(new JsonObject { ["id"] = riskId.Value, ["fields"] = fields }));
            return ExitCodes.Ok;
        }

        var labelWidth = Math.Min(32, view.Fields.Max(f => f.Label.Length));
        var whoWidth = Math.Min(20, view.Fields.Max(f => f.Revision.Author.Length));
        Out.WriteLine($"Who last changed each field of {riskId}");
        foreach (var field in view.Fields)
        {
            var when = Formats.Date(DateOnly.FromDateTime(field.Revision.When.DateTime));
            var why = field.Revision.Reason is { } reason ? $"  \"{Core.Domain.Text.Brief(reason.Replace('\n', ' '), 60)}\"" : "";
            Out.WriteLine($"{Fit(field.Label, labelWidth)}  {Fit(field.Revision.Author, whoWidth)}  {when,11}  {field.Revision.Id[..7]}{why}");
            Out.WriteLine($"{new string(' ', labelWidth + 2)}{Core.Domain.Text.Brief(view.Value(field).Replace('\n', ' '), 70)}");
        }

        return ExitCodes.Ok;
    }

    public int Diff(string from, string to, string format, ParseResult parse)
    {
        var register = Open(parse);
        var view = ComparisonView.Of(register.Comparisons, from, to);
        switch (format)
        {
            case "json":
                Out.WriteLine(JsonOutput.Write(DiffJson(view)));
                break;
            case "markdown":
                WriteDiffMarkdown(view);
                break;
            default:
                WriteDiffText(view);
                break;
        }

        foreach (var problem in view.Diff.Problems)
        {
            Error.WriteLine($"risks: {problem}");
        }

        return ExitCodes.Ok;
    }

    private void WriteDiffText(ComparisonView view)
    {
        Out.WriteLine($"From {view.Diff.From.Description}");
        Out.WriteLine($"  to {view.Diff.To.Description}");
        Out.WriteLine();
        Out.WriteLine(view.MovementCounts);
        Out.WriteLine(view.ChangeCounts);
        // A person at a terminal reads word edits marked in words and colour; a script reads git's [-old-]{+new+}.
        var colour = context.Variable("NO_COLOR") is not { Length: > 0 } && context.Variable("TERM") != "dumb";
        foreach (var risk in view.Risks)
        {
            Out.WriteLine();
            Out.WriteLine($"{risk.Id} {risk.Title}");
            if (context.OutIsTerminal)
            {
                foreach (var line in view.DetailLines(risk))
                {
                    Out.WriteLine("  " + Ansi(line, colour));
                }

                continue;
            }

            var details = view.Details(risk);
            Out.WriteLine($"  {details[0]}");
            foreach (var line in details.Skip(1))
            {
                Out.WriteLine($"  - {line}");
            }
        }

        if (view.Comparison.Unchanged.Count > 0)
        {
            Out.WriteLine();
            Out.WriteLine($"Unchanged ({view.Comparison.Unchanged.Count}): {string.Join(", ", view.Comparison.Unchanged.Take(50).Select(i => i.Value))}{(view.Comparison.Unchanged.Count > 50 ? ", ..." : "")}");
        }

        foreach (var item in view.Diff.Tracked)
        {
            Out.WriteLine();
            Out.WriteLine(item.Heading);
            item.Changes.ToList().ForEach(c => Out.WriteLine($"  - {c}"));
        }
    }

    private void WriteDiffMarkdown(ComparisonView view)
    {
        var c = view.Comparison.Counts;
        Out.WriteLine($"# Changes to the register: {view.Title}");
        Out.WriteLine();
        Out.WriteLine($"From {view.Diff.From.Description} to {view.Diff.To.Description}.");
        Out.WriteLine();
        Out.WriteLine($"{view.MovementCounts}.");
        Out.WriteLine();
        Out.WriteLine("| new | closed | score up | of which escalated | score down | of which de-escalated | score unchanged | no score to compare | owners changed | items added | items removed | items changed | narrative edits |");
        Out.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Out.WriteLine($"| {c.New} | {c.Closed} | {c.ScoreUp} | {c.Escalated} | {c.ScoreDown} | {c.DeEscalated} | {c.ScoreUnchanged} | {c.Unscored} | {c.OwnerChanged} | {c.ItemsAdded} | {c.ItemsRemoved} | {c.ItemsChanged} | {c.NarrativeEdits} |");
        foreach (var risk in view.Risks)
        {
            Out.WriteLine();
            Out.WriteLine($"## {risk.Id} {Markdown(risk.Title)}");
            Out.WriteLine();
            var details = view.Details(risk, markdown: true);
            Out.WriteLine($"**{Markdown(details[0])}**");
            Out.WriteLine();
            foreach (var line in details.Skip(1))
            {
                Out.WriteLine($"- {line}");
            }
        }

        if (view.Comparison.Unchanged.Count > 0)
        {
            Out.WriteLine();
            Out.WriteLine($"Unchanged ({view.Comparison.Unchanged.Count}): {string.Join(", ", view.Comparison.Unchanged.Select(i => i.Value))}.");
        }

        if (view.Diff.Tracked.Count > 0)
        {
            Out.WriteLine();
            Out.WriteLine("## Board actions and undertakings");
            foreach (var item in view.Diff.Tracked)
            {
                Out.WriteLine();
                Out.WriteLine($"**{Markdown(item.Heading)}**");
                if (item.Changes.Count > 0)
                {
                    Out.WriteLine();
                    item.Changes.ToList().ForEach(c => Out.WriteLine($"- {Markdown(c)}"));
                }
            }
        }
    }

    /// <summary>A marked line for a terminal: removed words red and struck through, added words green and bold (ANSI SGR), or the marks alone without <paramref name="colour"/>.</summary>
    private static string Ansi(MarkedLine line, bool colour) =>
        string.Concat(line.Runs.Select(run => (colour, run.Ink) switch
        {
            (true, Ink.Removed) => $"\u001b[31;9m{run.Text}\u001b[0m",
            (true, Ink.Added) => $"\u001b[32;1m{run.Text}\u001b[0m",
            _ => run.Text,
        }));

    private static string Markdown(string text) =>
        text.Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static JsonObject DiffJson(ComparisonView view)
    {
        var c = view.Comparison.Counts;
        static JsonObject Side(ResolvedRevision side) => new()
        {
            ["name"] = side.Text,
            ["commit"] = side.Sha,
            ["description"] = side.Description,
            ["iteration"] = side.Iteration?.Name,
            ["board_date"] = side.Iteration?.BoardDate.ToString("yyyy-MM-dd", Formats.Culture),
        };

        return new JsonObject
        {
            ["from"] = Side(view.Diff.From),
            ["to"] = Side(view.Diff.To),
            ["counts"] = new JsonObject
            {
                ["compared"] = view.Compared,
                ["new"] = c.New,
                ["closed"] = c.Closed,
                ["escalated"] = c.Escalated,
                ["de_escalated"] = c.DeEscalated,
                ["score_up"] = c.ScoreUp,
                ["score_down"] = c.ScoreDown,
                ["score_unchanged"] = c.ScoreUnchanged,
                ["unscored"] = c.Unscored,
                ["owner_changed"] = c.OwnerChanged,
                ["items_added"] = c.ItemsAdded,
                ["items_removed"] = c.ItemsRemoved,
                ["items_changed"] = c.ItemsChanged,
                ["narrative_edits"] = c.NarrativeEdits,
            },
            ["risks"] = new JsonArray([.. view.Risks.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id.Value,
                ["title"] = r.Title,
                ["movement"] = Core.Domain.Vocabulary.Word(r.Kind),
                ["score_movement"] = r.Direction is { } direction ? Core.Domain.Vocabulary.Word(direction) : null,
                ["phrase"] = view.Movement(r),
                ["score_before"] = r.ScoreBefore,
                ["score_after"] = r.ScoreAfter,
                ["band_before"] = r.BandBefore?.Name,
                ["band_after"] = r.BandAfter?.Name,
                ["owner_changed"] = r.OwnerChanged,
                ["items"] = new JsonArray([.. r.Items.Select(i => (JsonNode)new JsonObject
                {
                    ["list"] = i.List,
                    ["id"] = i.Item,
                    ["change"] = i.Kind.ToString().ToLowerInvariant(),
                })]),
                ["changes"] = new JsonArray([.. r.Changes.Select(ch => (JsonNode)new JsonObject
                {
                    ["field"] = ch.Field,
                    ["kind"] = ch.Kind.ToString().ToLowerInvariant(),
                    ["before"] = ch.Before,
                    ["after"] = ch.After,
                    ["description"] = ch.Description,
                    ["words"] = r.Narrative.FirstOrDefault(n => n.Change == ch) is { } edit
                        ? new JsonArray([.. edit.Words.Select(w => (JsonNode)new JsonObject { ["kind"] = w.Kind.ToString().ToLowerInvariant(), ["text"] = w.Text })])
                        : null,
                })]),
            })]),
            ["unchanged"] = new JsonArray([.. view.Comparison.Unchanged.Select(i => (JsonNode)JsonValue.Create(i.Value)!)]),
            ["tracked"] = new JsonArray([.. view.Diff.Tracked.Select(t => (JsonNode)new JsonObject
            {
                ["kind"] = t.Noun,
                ["number"] = t.Number,
                ["title"] = t.Title,
                ["change"] = t.Kind.ToString().ToLowerInvariant(),
                ["changes"] = new JsonArray([.. t.Changes.Select(c => (JsonNode)JsonValue.Create(c)!)]),
            })]),
            ["problems"] = new JsonArray([.. view.Diff.Problems.Select(p => (JsonNode)JsonValue.Create(p.ToString())!)]),
        };
    }

    private static string Fit(string text, int width) =>
        text.Length > width ? text[..(width - 1)] + "…" : text.PadRight(width);

    /// <summary>The register, its settings (register.yaml alone: history does not need every risk read) and the risk id typed.</summary>
    private (Register Register, RegisterSettings Settings, RiskId Id)? HistoryTarget(string id, ParseResult parse)
    {
        var register = Open(parse);
        if (!RiskId.TryParse(id, out var riskId))
        {
            Error.WriteLine($"risks: \"{id}\" is not a risk id: {RiskId.Rules}");
            return null;
        }

        var (settings, _) = register.Reader.ReadSettings();
        return (register, settings ?? new RegisterSettings(), riskId);
    }
}
