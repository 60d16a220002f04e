using System.Globalization;
using System.Text.RegularExpressions;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Scoring;

namespace Risks.App;

/// <summary>
/// Every field of a risk as the risk screen shows and edits it: the rows, and setting a field from
/// what was typed or chosen. Parsing errors name the field by its path, as <c>risks check</c> does;
/// everything else is checked by the register's validators on the whole risk.
/// </summary>
public static partial class RiskFields
{

    /// <summary>The rows of the risk screen, in order, for <paramref name="risk"/>.</summary>
    public static IReadOnlyList<FieldRow> Rows(Risk risk, RegisterSettings settings, IEnumerable<RiskId> others)
    {
        var rows = new List<FieldRow>();
        var people = People(settings);
        var optionalPeople = people.Prepend(new Choice("", "(none)")).ToList();

        rows.Add(Heading("risk", $"{risk.Id} {risk.Title}"));
        rows.Add(Text("title", "Title", risk.Title) with { CanClear = false, Help = "The risk's name as the board knows it." });
        rows.Add(Pick<RiskKind>("kind", "Kind", risk.Kind, clearable: false));
        rows.Add(Pick<RiskStatus>("status", "Status", risk.Status, clearable: false) with { Help = "A closed or merged risk needs a closure date and rationale." });
        if (risk.Status != RiskStatus.Open || risk.Closure is not null)
        {
            rows.Add(DateRow("closure.date", "Closure date", risk.Closure?.Date) with { Depth = 1 });
            rows.Add(Long("closure.rationale", "Closure reason", risk.Closure?.Rationale) with { Depth = 1 });
            rows.Add(Text("closure.merged_into", "Merged into", risk.Closure?.MergedInto) with { Depth = 1, Help = "The id of the risk this one was merged into." });
        }

        rows.Add(settings.Categories.Count > 0
            ? new FieldRow("category", "Category", risk.Category ?? "", FieldKind.Choice)
            {
                Raw = risk.Category ?? "",
                Choices = settings.Categories.Select(c => new Choice(c, c)).Prepend(new Choice("", "(none)")).ToList(),
            }
            : Text("category", "Category", risk.Category));
        rows.Add(LinesRow("key_elements", "Key elements", risk.KeyElements) with { Help = "The themes the board sees beside the title, one per line." });

        rows.Add(Heading("narrative", "Narrative"));
        rows.Add(Long("narrative.cause", "Cause", risk.Narrative.Cause));
        rows.Add(Long("narrative.event", "Event", risk.Narrative.Event) with { CanClear = false });
        rows.Add(Long("narrative.effect", "Effect", risk.Narrative.Effect));

        rows.Add(Heading("ownership", "Ownership"));
        rows.Add(new FieldRow("owner", "Owner", settings.NameOf(risk.Owner), FieldKind.Choice) { Raw = risk.Owner, Choices = people, CanClear = false, Help = "The senior responsible owner.", NoChoices = Guidance.NoPeople });
        rows.Add(Multi("leads", "Leads", risk.Leads, people, settings.NameOf) with { NoChoices = Guidance.NoPeople });
        rows.Add(Text("directorate", "Directorate", risk.Directorate));
        rows.Add(LinesRow("committees", "Committees", risk.Committees) with { Help = "The committees that oversee the risk, one per line." });
        rows.Add(Multi(
            "objectives",
            "Objectives",
            risk.Objectives,
            // A retired objective is offered only to the risks that still name it, so it can be taken off them.
            settings.Objectives.Where(o => !o.Retired || risk.Objectives.Contains(o.Id, StringComparer.Ordinal))
                .Select(o => new Choice(o.Id, $"{o.Id} {(o.ShortTitle.Length > 0 ? o.ShortTitle : Core.Domain.Text.Brief(o.Title, 40))}{(o.Retired ? " (retired)" : "")}")).ToList(),
            id => settings.FindObjective(id) is { } o ? $"{o.Id} {o.ShortTitle}" : id) with { NoChoices = Guidance.NoObjectives });
        rows.Add(Multi(
            "linked_risks",
            "Linked risks",
            risk.LinkedRisks,
            others.Where(o => o.Identity != risk.Id.Identity).Select(o => new Choice(o.Value, o.Value)).ToList(),
            id => id) with { NoChoices = "There are no other risks in the register to link to yet." });
        rows.Add(LinesRow("external_refs", "External references", risk.ExternalRefs) with { Help = "References in other systems, such as Datix 53, one per line." });

        rows.Add(Heading("scores", "Scores"));
        ScoreRows(rows, "inherent", "Inherent", risk.Inherent, settings, required: false);
        ScoreRows(rows, "current", "Current", risk.Current, settings, required: risk.Kind == RiskKind.Strategic);
        ScoreRows(rows, "target", "Target", risk.Target, settings, required: false);
        rows.Add(DateRow("target_date", "Target date", risk.TargetDate));
        rows.Add(Pick("response", "Response", risk.Response));
        rows.Add(Pick("trajectory", "Trajectory", risk.Trajectory));
        rows.Add(Long("performance", "Performance", risk.Performance) with { Help = "Performance against target, as the BAF reports it." });

        ItemRows(rows, "controls", "Controls", risk.Controls, (path, i, c) =>
        [
            ItemText(path, "controls", i, c.Id, c.Text),
            Sub(new FieldRow($"{path}.owner", "owner", c.Owner is null ? "" : settings.NameOf(c.Owner), FieldKind.Choice) { Raw = c.Owner ?? "", Choices = optionalPeople }, "controls", i),
            Sub(Pick($"{path}.effectiveness", "effectiveness", c.Effectiveness), "controls", i),
        ]);
        ItemRows(rows, "gaps", "Gaps", risk.Gaps, (path, i, g) =>
        [
            ItemText(path, "gaps", i, g.Id, g.Text),
            Sub(Pick<GapType>($"{path}.type", "type", g.Type, clearable: false) with { Help = "A gap in control (a control missing or not working) or in assurance (no evidence that a control works)." }, "gaps", i),
        ]);
        ItemRows(rows, "assurances", "Assurances", risk.Assurances, (path, i, a) =>
        [
            ItemText(path, "assurances", i, a.Id, a.Text),
            Sub(new FieldRow($"{path}.line", "line of defence", a.Line?.ToString(CultureInfo.InvariantCulture) ?? "", FieldKind.Choice)
            {
                Raw = a.Line?.ToString(CultureInfo.InvariantCulture) ?? "",
                Choices = [new Choice("", "(none)"), new Choice("1", "1 first line (management)"), new Choice("2", "2 second line (oversight)"), new Choice("3", "3 third line (independent)")],
            }, "assurances", i),
            Sub(Pick($"{path}.source", "source", a.Source), "assurances", i),
            Sub(Pick($"{path}.rating", "rating", a.Rating), "assurances", i),
            Sub(Pick($"{path}.outcome", "outcome", a.Outcome), "assurances", i),
            Sub(new FieldRow($"{path}.key", "key assurance", a.Key ? "yes" : "no", FieldKind.Choice) { Raw = a.Key ? "yes" : "no", Choices = [new Choice("yes", "yes"), new Choice("no", "no")], CanClear = false }, "assurances", i),
            Sub(DateRow($"{path}.date", "date", a.Date), "assurances", i),
        ]);
        ItemRows(rows, "actions", "Actions", risk.Actions, (path, i, a) =>
        [
            ItemText(path, "actions", i, a.Id, a.Text),
            Sub(new FieldRow($"{path}.owner", "owner", a.Owner is null ? "" : settings.NameOf(a.Owner), FieldKind.Choice) { Raw = a.Owner ?? "", Choices = optionalPeople }, "actions", i),
            Sub(DateRow($"{path}.due", "due", a.Due) with { Help = "Blank for an ongoing action." }, "actions", i),
            Sub(Pick<ActionStatus>($"{path}.status", "status", a.Status, clearable: false), "actions", i),
            Sub(DateRow($"{path}.completed", "completed", a.Completed) with { Help = "The date a complete action was done." }, "actions", i),
            Sub(Long($"{path}.update", "update", a.Update) with { Help = "The latest update on progress." }, "actions", i),
        ]);

        rows.Add(Heading("review", "Review"));
        rows.Add(DateRow("last_reviewed.date", "Last reviewed", risk.LastReviewed?.Date));
        rows.Add(new FieldRow("last_reviewed.by", "Reviewed by", risk.LastReviewed is { } r ? settings.NameOf(r.By) : "", FieldKind.Choice) { Raw = risk.LastReviewed?.By ?? "", Choices = optionalPeople });
        rows.Add(DateRow("next_review", "Next review", risk.NextReview));
        return [.. rows.Select(r => r with { FullLabel = r.Kind == FieldKind.Heading ? r.Label : FieldNames.Label(r.Path, risk) })];
    }

    /// <summary>
    /// Sets the field at <paramref name="path"/> from <paramref name="input"/> (a blank input
    /// clears an optional field). Returns the changed risk, or the reason the input cannot be taken.
    /// </summary>
    /// <summary>A version of a risk as plain text, a field per line under its section headings, for reading (a past version, one side of a comparison).</summary>
    public static string Text(Risk risk, RegisterSettings settings)
    {
        var lines = new List<string>();
        foreach (var row in Rows(risk, settings, []))
        {
            if (row.Kind == FieldKind.Heading)
            {
                lines.Add("");
                lines.Add($"── {row.Label}");
            }
            else if (row.Value.Length > 0)
            {
                lines.Add($"{new string(' ', 2 * row.Depth)}{row.Label}: {row.Value.ReplaceLineEndings(" ")}");
            }
        }

        return string.Join('\n', lines).Trim('\n');
    }

    public static (Risk? Risk, string? Error) Set(Risk risk, string path, string input)
    {
        try
        {
            return (Apply(risk, path, input), null);
        }
        catch (FieldException ex)
        {
            return (null, FieldNames.Reword(path, ex.Message, risk));
        }
    }

    /// <summary>Adds a new, empty item to a list after <paramref name="after"/> (or at the end); returns its index.</summary>
    public static (Risk Risk, int Index) AddItem(Risk risk, string list, int? after, DateOnly today)
    {
        var id = NextId(risk, list);
        var at = after is { } a ? a + 1 : Count(risk, list);
        Risk changed = list switch
        {
            "controls" => risk with { Controls = Insert(risk.Controls, at, new Control { Id = id }) },
            "gaps" => risk with { Gaps = Insert(risk.Gaps, at, new Gap { Id = id }) },
            "assurances" => risk with { Assurances = Insert(risk.Assurances, at, new Assurance { Id = id }) },
            "actions" => risk with { Actions = Insert(risk.Actions, at, new RiskAction { Id = id }) },
            _ => throw new ArgumentException($"{list} is not a list of items", nameof(list)),
        };
        return (changed, at);
    }

    public static Risk RemoveItem(Risk risk, string list, int index) => list switch
    {
        "controls" => risk with { Controls = Without(risk.Controls, index) },
        "gaps" => risk with { Gaps = Without(risk.Gaps, index) },
        "assurances" => risk with { Assurances = Without(risk.Assurances, index) },
        "actions" => risk with { Actions = Without(risk.Actions, index) },
        _ => risk,
    };

    /// <summary>Moves an item up (-1) or down (+1); returns the risk and the item's new index.</summary>
    public static (Risk Risk, int Index) MoveItem(Risk risk, string list, int index, int step)
    {
        var to = index + step;
        if (to < 0 || to >= Count(risk, list))
        {
            return (risk, index);
        }

        Risk changed = list switch
        {
            "controls" => risk with { Controls = Swap(risk.Controls, index, to) },
            "gaps" => risk with { Gaps = Swap(risk.Gaps, index, to) },
            "assurances" => risk with { Assurances = Swap(risk.Assurances, index, to) },
            "actions" => risk with { Actions = Swap(risk.Actions, index, to) },
            _ => risk,
        };
        return (changed, to);
    }

    public static int Count(Risk risk, string list) => list switch
    {
        "controls" => risk.Controls.Count,
        "gaps" => risk.Gaps.Count,
        "assurances" => risk.Assurances.Count,
        "actions" => risk.Actions.Count,
        _ => 0,
    };

    private static Risk Apply(Risk risk, string path, string input)
    {
        var text = Normalise(input);
        var item = ItemPath().Match(path);
        if (item.Success)
        {
            var list = item.Groups[1].Value;
            var index = int.Parse(item.Groups[2].Value, CultureInfo.InvariantCulture);
            if (index >= Count(risk, list))
            {
                throw new FieldException($"{list}[{index}] does not exist");
            }

            return SetItem(risk, list, index, item.Groups[3].Value, path, text);
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var (part, field) = (path[..dot], path[(dot + 1)..]);
            return part switch
            {
                "narrative" => risk with { Narrative = SetNarrative(risk.Narrative, field, path, text) },
                "closure" => risk with { Closure = SetClosure(risk.Closure ?? new Closure(), field, path, text) },
                "last_reviewed" => risk with { LastReviewed = SetReview(risk.LastReviewed, field, path, text) },
                "inherent" => risk with { Inherent = SetScore(risk.Inherent, field, path, text) },
                "current" => risk with { Current = SetScore(risk.Current, field, path, text) },
                "target" => risk with { Target = SetScore(risk.Target, field, path, text) },
                _ => throw new FieldException($"{path} is not a field of a risk"),
            };
        }

        return path switch
        {
            "title" => risk with { Title = OneLine(text) },
            "kind" => risk with { Kind = Word<RiskKind>(path, text) ?? risk.Kind },
            "status" => SetStatus(risk, Word<RiskStatus>(path, text) ?? risk.Status),
            "category" => risk with { Category = Optional(OneLine(text)) },
            "key_elements" => risk with { KeyElements = List(text) },
            "owner" => risk with { Owner = OneLine(text) },
            "leads" => risk with { Leads = List(text) },
            "directorate" => risk with { Directorate = Optional(OneLine(text)) },
            "committees" => risk with { Committees = List(text) },
            "objectives" => risk with { Objectives = List(text) },
            "linked_risks" => risk with { LinkedRisks = List(text) },
            "external_refs" => risk with { ExternalRefs = List(text) },
            "target_date" => risk with { TargetDate = Date(path, text) },
            "response" => risk with { Response = Word<RiskResponse>(path, text) },
            "trajectory" => risk with { Trajectory = Word<Trajectory>(path, text) },
            "performance" => risk with { Performance = Optional(text) },
            "next_review" => risk with { NextReview = Date(path, text) },
            _ => throw new FieldException($"{path} is not a field of a risk"),
        };
    }

    private static Risk SetStatus(Risk risk, RiskStatus status) =>
        status == RiskStatus.Open && risk.Closure is { Date: null, Rationale: null, MergedInto: null }
            ? risk with { Status = status, Closure = null }
            : risk with { Status = status };

    private static Narrative SetNarrative(Narrative narrative, string field, string path, string text) => field switch
    {
        "cause" => narrative with { Cause = Optional(text) },
        "event" => narrative with { Event = Optional(text) },
        "effect" => narrative with { Effect = Optional(text) },
        _ => throw new FieldException($"{path} is not a field of a risk"),
    };

    private static Closure? SetClosure(Closure closure, string field, string path, string text)
    {
        var changed = field switch
        {
            "date" => closure with { Date = Date(path, text) },
            "rationale" => closure with { Rationale = Optional(text) },
            "merged_into" => closure with { MergedInto = Optional(OneLine(text)) },
            _ => throw new FieldException($"{path} is not a field of a risk"),
        };
        return changed is { Date: null, Rationale: null, MergedInto: null } ? null : changed;
    }

    private static Review? SetReview(Review? review, string field, string path, string text)
    {
        switch (field)
        {
            case "date":
                var date = Date(path, text);
                return date is { } d ? new Review(d, review?.By ?? "") : null;
            case "by":
                if (review is null)
                {
                    throw new FieldException("last_reviewed.by needs the date of the review: set last reviewed first");
                }

                return review with { By = OneLine(text) };
            default:
                throw new FieldException($"{path} is not a field of a risk");
        }
    }

    private static Score? SetScore(Score? score, string field, string path, string text)
    {
        switch (field)
        {
            case "impact" or "likelihood":
                if (text.Length == 0)
                {
                    return null;
                }

                if (!int.TryParse(text.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > 5)
                {
                    throw new FieldException($"{path} must be 1-5, found {Core.Domain.Text.Quote(text)}");
                }

                var basis = score ?? new Score(0, 0);
                return field == "impact" ? basis with { Impact = value } : basis with { Likelihood = value };
            case "rationale":
                if (score is null)
                {
                    throw new FieldException($"{path} needs a score: set the {path.Split('.')[0]} impact and likelihood first");
                }

                return score with { Rationale = Optional(OneLine(text)) };
            default:
                throw new FieldException($"{path} is not a field of a risk");
        }
    }

    private static Risk SetItem(Risk risk, string list, int index, string field, string path, string text)
    {
        switch (list)
        {
            case "controls":
                var control = risk.Controls[index];
                control = field switch
                {
                    "text" => control with { Text = text },
                    "owner" => control with { Owner = Optional(OneLine(text)) },
                    "effectiveness" => control with { Effectiveness = Word<Effectiveness>(path, text) },
                    _ => throw new FieldException($"{path} is not a field of a control"),
                };
                return risk with { Controls = Replace(risk.Controls, index, control) };
            case "gaps":
                var gap = risk.Gaps[index];
                gap = field switch
                {
                    "text" => gap with { Text = text },
                    "type" => gap with { Type = Word<GapType>(path, text) ?? gap.Type },
                    _ => throw new FieldException($"{path} is not a field of a gap"),
                };
                return risk with { Gaps = Replace(risk.Gaps, index, gap) };
            case "assurances":
                var assurance = risk.Assurances[index];
                assurance = field switch
                {
                    "text" => assurance with { Text = text },
                    "line" => assurance with { Line = Line(path, text) },
                    "source" => assurance with { Source = Word<AssuranceSource>(path, text) },
                    "rating" => assurance with { Rating = Word<AssuranceRating>(path, text) },
                    "outcome" => assurance with { Outcome = Word<AssuranceOutcome>(path, text) },
                    "key" => assurance with { Key = text is "yes" or "true" },
                    "date" => assurance with { Date = Date(path, text) },
                    _ => throw new FieldException($"{path} is not a field of an assurance"),
                };
                return risk with { Assurances = Replace(risk.Assurances, index, assurance) };
            case "actions":
                var action = risk.Actions[index];
                action = field switch
                {
                    "text" => action with { Text = text },
                    "owner" => action with { Owner = Optional(OneLine(text)) },
                    "due" => action with { Due = Date(path, text) },
                    "status" => WithStatus(action, Word<ActionStatus>(path, text) ?? action.Status),
                    "completed" => action with { Completed = Date(path, text) },
                    "update" => action with { Update = Optional(text) },
                    _ => throw new FieldException($"{path} is not a field of an action"),
                };
                return risk with { Actions = Replace(risk.Actions, index, action) };
            default:
                throw new FieldException($"{path} is not a field of a risk");
        }
    }

    /// <summary>Marking an action complete leaves its completed date for the person to fill in; leaving complete clears it.</summary>
    private static RiskAction WithStatus(RiskAction action, ActionStatus? status) =>
        status == ActionStatus.Complete ? action with { Status = status } : action with { Status = status, Completed = null };

    private static int? Line(string path, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        return int.TryParse(text.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var line) && line is >= 1 and <= 3
            ? line
            : throw new FieldException($"{path} must be 1, 2 or 3, found {Core.Domain.Text.Quote(text)}");
    }

    private static DateOnly? Date(string path, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        return Formats.TryParseDate(text, out var date)
            ? date
            : throw new FieldException($"{path} must be a date (YYYY-MM-DD, or as 30 Jun 2025 or 30/06/2025), found {Core.Domain.Text.Quote(text)}");
    }

    private static T? Word<T>(string path, string text) where T : struct, Enum
    {
        if (text.Length == 0)
        {
            return null;
        }

        var word = text.Replace(' ', '_').ToLowerInvariant();
        return Vocabulary.TryParse<T>(word, out var value)
            ? value
            : throw new FieldException($"{path} must be {Vocabulary.Choices<T>()}, found {Core.Domain.Text.Quote(text)}");
    }

    private static string Normalise(string input) => input.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    private static string OneLine(string text) => text.Contains('\n', StringComparison.Ordinal) ? string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) : text;

    private static string? Optional(string text) => text.Length == 0 ? null : text;

    private static IReadOnlyList<string> List(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string NextId(Risk risk, string list)
    {
        var used = list switch
        {
            "controls" => risk.Controls.Select(c => c.Id),
            "gaps" => risk.Gaps.Select(g => g.Id),
            "assurances" => risk.Assurances.Select(a => a.Id),
            _ => risk.Actions.Select(a => a.Id),
        };
        return ItemIds.Next(ItemIds.Letters[list], used);
    }

    private static IReadOnlyList<T> Insert<T>(IReadOnlyList<T> items, int at, T item)
    {
        var list = items.ToList();
        list.Insert(Math.Clamp(at, 0, list.Count), item);
        return list;
    }

    private static IReadOnlyList<T> Without<T>(IReadOnlyList<T> items, int index) =>
        items.Where((_, i) => i != index).ToList();

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, int index, T item) =>
        items.Select((x, i) => i == index ? item : x).ToList();

    private static IReadOnlyList<T> Swap<T>(IReadOnlyList<T> items, int a, int b)
    {
        var list = items.ToList();
        (list[a], list[b]) = (list[b], list[a]);
        return list;
    }

    private static List<Choice> People(RegisterSettings settings) =>
        settings.People.Select(p => new Choice(p.Login, $"{p.Name} ({p.Login}){(p.JobTitle is { } job ? ", " + job : "")}")).ToList();

    private static FieldRow Heading(string path, string label) => new(path, label, "", FieldKind.Heading);

    private static FieldRow Text(string path, string label, string? value) =>
        new(path, label, value ?? "", FieldKind.Text) { Raw = value ?? "" };

    private static FieldRow Long(string path, string label, string? value) =>
        new(path, label, value ?? "", FieldKind.LongText) { Raw = value ?? "" };

    private static FieldRow DateRow(string path, string label, DateOnly? value) =>
        new(path, label, Formats.Date(value), FieldKind.Date) { Raw = Formats.Date(value) };

    private static FieldRow LinesRow(string path, string label, IReadOnlyList<string> values) =>
        new(path, label, string.Join("; ", values), FieldKind.Lines) { Raw = string.Join('\n', values) };

    private static FieldRow Multi(string path, string label, IReadOnlyList<string> values, IReadOnlyList<Choice> choices, Func<string, string> name)
    {
        // A value that is not among the choices (a typo in the file) stays choosable, so it can be seen and removed.
        var all = choices.Concat(values.Where(v => !choices.Any(c => c.Value == v)).Select(v => new Choice(v, $"{v} (unknown)"))).ToList();
        return new FieldRow(path, label, string.Join("; ", values.Select(name)), FieldKind.MultiChoice) { Raw = string.Join('\n', values), Choices = all };
    }

    private static FieldRow Pick<T>(string path, string label, T? value, bool clearable = true) where T : struct, Enum =>
        FieldRow.Pick(path, label, value, clearable);

    private static void ScoreRows(List<FieldRow> rows, string part, string label, Score? score, RegisterSettings settings, bool required)
    {
        var band = score is null ? null : settings.Bands.For(score.Value);
        rows.Add(new FieldRow(part, $"{label} score", score is null ? "not set" : $"{score}  {Formats.Band(band)}", FieldKind.Summary));
        var impacts = Enumerable.Range(1, 5).Select(i => new Choice($"{i}", settings.Scoring.DescribeImpact(i))).ToList();
        var likelihoods = Enumerable.Range(1, 5).Select(i => new Choice($"{i}", settings.Scoring.DescribeLikelihood(i))).ToList();
        if (!required)
        {
            impacts.Insert(0, new Choice("", "(none: no score)"));
            likelihoods.Insert(0, new Choice("", "(none: no score)"));
        }

        rows.Add(new FieldRow($"{part}.impact", "impact", score is { Impact: > 0 } ? settings.Scoring.DescribeImpact(score.Impact) : "", FieldKind.Choice)
        {
            Raw = score is { Impact: > 0 } ? $"{score.Impact}" : "",
            Choices = impacts,
            Depth = 1,
            CanClear = !required,
        });
        rows.Add(new FieldRow($"{part}.likelihood", "likelihood", score is { Likelihood: > 0 } ? settings.Scoring.DescribeLikelihood(score.Likelihood) : "", FieldKind.Choice)
        {
            Raw = score is { Likelihood: > 0 } ? $"{score.Likelihood}" : "",
            Choices = likelihoods,
            Depth = 1,
            CanClear = !required,
        });
        if (score is not null)
        {
            rows.Add(Text($"{part}.rationale", "rationale", score.Rationale) with { Depth = 1, Help = "Why the score is what it is." });
        }
    }

    private static void ItemRows<T>(List<FieldRow> rows, string list, string label, IReadOnlyList<T> items, Func<string, int, T, FieldRow[]> build)
    {
        rows.Add(new FieldRow(list, label, items.Count == 0 ? "none (press a to add one)" : $"{items.Count}", FieldKind.Heading) { List = list });
        for (var i = 0; i < items.Count; i++)
        {
            rows.AddRange(build($"{list}[{i}]", i, items[i]));
        }
    }

    private static FieldRow ItemText(string path, string list, int index, string id, string text) =>
        new($"{path}.text", id, text, FieldKind.LongText) { Raw = text, List = list, Item = index, CanClear = false };

    private static FieldRow Sub(FieldRow row, string list, int index) => row with { List = list, Item = index, Depth = 1 };

    [GeneratedRegex(@"\A(controls|gaps|assurances|actions)\[(\d+)\]\.([a-z_]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPath();

    private sealed class FieldException(string message) : Exception(message);
}
