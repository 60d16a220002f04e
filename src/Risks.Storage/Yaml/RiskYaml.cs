using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Storage.Yaml;

/// <summary>A risk file read: the risk when it could be read, its problems, and where each field is.</summary>
public sealed record RiskFile(Risk? Risk, IReadOnlyList<Problem> Problems)
{
    public bool IsValid => Risk is not null && Problems.Count == 0;
}

/// <summary>One risk as YAML, both ways. The key order here is the file format's key order.</summary>
public static class RiskYaml
{
    public static string Write(Risk risk) => YamlWriter.Document(w =>
    {
        w.Text("id", risk.Id.Value);
        w.Choice<RiskKind>("kind", risk.Kind);
        w.Text("title", risk.Title);
        var n = risk.Narrative;
        w.Mapping("narrative", n.Cause is not null || n.Event is not null || n.Effect is not null, m =>
        {
            m.Text("cause", n.Cause);
            m.Text("event", n.Event);
            m.Text("effect", n.Effect);
        });
        w.Texts("key_elements", risk.KeyElements);
        w.Text("category", risk.Category);
        w.Choice<RiskStatus>("status", risk.Status);
        w.Mapping("closure", risk.Closure is not null, m =>
        {
            m.Date("date", risk.Closure!.Date);
            m.Text("rationale", risk.Closure.Rationale);
            m.Text("merged_into", risk.Closure.MergedInto);
        });
        w.Text("owner", risk.Owner);
        w.Texts("leads", risk.Leads);
        w.Text("directorate", risk.Directorate);
        w.Texts("committees", risk.Committees);
        w.Texts("objectives", risk.Objectives);
        w.Texts("linked_risks", risk.LinkedRisks);
        w.Texts("external_refs", risk.ExternalRefs);
        WriteScore(w, "inherent", risk.Inherent);
        WriteScore(w, "current", risk.Current);
        WriteScore(w, "target", risk.Target);
        w.Date("target_date", risk.TargetDate);
        w.Choice("response", risk.Response);
        w.Text("performance", risk.Performance);
        w.Choice("trajectory", risk.Trajectory);
        w.Items("controls", risk.Controls, (m, c) =>
        {
            m.Text("id", c.Id);
            m.Text("text", c.Text);
            m.Text("owner", c.Owner);
            m.Choice("effectiveness", c.Effectiveness);
        });
        w.Items("gaps", risk.Gaps, (m, g) =>
        {
            m.Text("id", g.Id);
            m.Choice<GapType>("type", g.Type);
            m.Text("text", g.Text);
        });
        w.Items("assurances", risk.Assurances, (m, a) =>
        {
            m.Text("id", a.Id);
            m.Text("text", a.Text);
            m.Int("line", a.Line);
            m.Choice("source", a.Source);
            m.Choice("rating", a.Rating);
            m.Choice("outcome", a.Outcome);
            m.Bool("key", a.Key);
            m.Date("date", a.Date);
        });
        w.Items("actions", risk.Actions, (m, a) =>
        {
            m.Text("id", a.Id);
            m.Text("text", a.Text);
            m.Text("owner", a.Owner);
            m.Date("due", a.Due);
            m.Choice<ActionStatus>("status", a.Status);
            m.Date("completed", a.Completed);
            m.Text("update", a.Update);
        });
        w.Mapping("last_reviewed", risk.LastReviewed is not null, m =>
        {
            m.Date("date", risk.LastReviewed!.Date);
            m.Text("by", risk.LastReviewed.By);
        });
        w.Date("next_review", risk.NextReview);
        w.Mapping("custom", risk.Custom.Count > 0, m =>
        {
            foreach (var (key, value) in risk.Custom.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (value.Items is { } items)
                {
                    m.Texts(key, items);
                }
                else
                {
                    m.Text(key, value.Text);
                }
            }
        });
    });

    private static void WriteScore(YamlWriter w, string key, Score? score) =>
        w.Mapping(key, score is not null, m =>
        {
            m.Int("impact", score!.Impact);
            m.Int("likelihood", score.Likelihood);
            m.Text("rationale", score.Rationale);
        });

    /// <summary>
    /// Reads a risk file's bytes. <paramref name="file"/> is the path shown in messages;
    /// <paramref name="expectedId"/>, when given, is the id the file name says the file holds.
    /// </summary>
    public static RiskFile Read(ReadOnlySpan<byte> bytes, string file, RiskId? expectedId)
    {
        var problems = new List<Problem>();
        var text = SafeText.Decode(bytes, file, problems);
        return text is null ? new RiskFile(null, problems) : Read(text, file, expectedId, problems);
    }

    public static RiskFile Read(string text, string file, RiskId? expectedId) => Read(text, file, expectedId, []);

    private static RiskFile Read(string text, string file, RiskId? expectedId, List<Problem> problems)
    {
        var tree = YamlTreeReader.Read(text, file, problems);
        return tree is null ? new RiskFile(null, problems) : FromTree(tree, file, expectedId, problems);
    }

    /// <summary>Reads a risk from a tree already parsed (and perhaps changed by <see cref="FieldSetter"/>).</summary>
    public static RiskFile FromTree(YNode tree, string file, RiskId? expectedId) => FromTree(tree, file, expectedId, []);

    internal static RiskFile FromTree(YNode tree, string file, RiskId? expectedId, List<Problem> problems)
    {
        var map = new Dictionary<string, Position>(StringComparer.Ordinal);
        var root = NodeReader.Root(tree, file, problems, map);
        if (root is null)
        {
            return new RiskFile(null, problems);
        }

        var risk = Map(root, expectedId);
        root.Finish();
        if (risk is not null)
        {
            // A field whose wrong value was reported while reading is not also reported as missing.
            foreach (var issue in RiskValidator.Validate(risk).Where(i => !(i.IsMissing && root.ReportedWithin(i.Path))))
            {
                problems.Add(Locate(file, map, issue));
            }
        }

        return new RiskFile(problems.Count == 0 ? risk : null, problems);
    }

    /// <summary>Where each field of a file is, by its path.</summary>
    internal static IReadOnlyDictionary<string, Position> PositionsOf(string text, string file)
    {
        var problems = new List<Problem>();
        var map = new Dictionary<string, Position>(StringComparer.Ordinal);
        if (YamlTreeReader.Read(text, file, problems) is { } tree && NodeReader.Root(tree, file, problems, map) is { } root)
        {
            Map(root, expectedId: null);
        }

        return map;
    }

    /// <summary>A field issue placed at its field's position, or the nearest enclosing one.</summary>
    internal static Problem Locate(string file, IReadOnlyDictionary<string, Position> map, FieldIssue issue)
    {
        var path = issue.Path;
        while (true)
        {
            if (map.TryGetValue(path, out var at))
            {
                return new Problem(file, at.Line, at.Column, issue.Message);
            }

            path = FieldPath.Parent(path);
            if (path.Length == 0)
            {
                return new Problem(file, 1, 1, issue.Message);
            }
        }
    }

    private static Risk? Map(NodeReader r, RiskId? expectedId)
    {
        // With no usable id the rest of the file is still read, so all its problems are reported at once.
        var placeholder = expectedId ?? RiskId.Parse("X-0");
        var idText = r.Text("id");
        RiskId id;
        if (idText is null)
        {
            if (!r.Has("id") && !r.Keys.Any(k => string.Equals(k, "id", StringComparison.OrdinalIgnoreCase)))
            {
                r.Problem("id", expectedId is { } e ? $"id is required: this file's name says {e}" : "id is required");
            }

            id = placeholder;
        }
        else if (!RiskId.TryParse(idText, out id))
        {
            r.Problem("id", $"id must be a risk id ({RiskId.Rules}), found {Text.Quote(idText)}");
            id = placeholder;
        }
        else if (expectedId is { } expected && expected.Value != id.Value)
        {
            r.Problem("id", $"id is {id} but the file name says {expected}; they must match");
        }

        var kind = r.Choice<RiskKind>("kind");
        if (kind is null)
        {
            Required(r, "kind", Vocabulary.Choices<RiskKind>());
        }

        var title = r.Text("title") ?? "";
        var narrative = r.Mapping("narrative");
        var status = r.Choice<RiskStatus>("status");
        if (status is null)
        {
            Required(r, "status", Vocabulary.Choices<RiskStatus>());
        }

        var closure = r.Mapping("closure");
        var risk = new Risk
        {
            Id = id,
            Kind = kind ?? RiskKind.Operational,
            Title = title,
            Narrative = narrative is null ? new Narrative() : narrative.Finish(new Narrative
            {
                Cause = narrative.Text("cause"),
                Event = narrative.Text("event"),
                Effect = narrative.Text("effect"),
            }),
            KeyElements = r.Texts("key_elements"),
            Category = r.Text("category"),
            Status = status ?? RiskStatus.Open,
            Closure = closure is null ? null : closure.Finish(new Closure
            {
                Date = closure.Date("date"),
                Rationale = closure.Text("rationale"),
                MergedInto = closure.Text("merged_into"),
            }),
            Owner = r.Text("owner") ?? "",
            Leads = r.Texts("leads"),
            Directorate = r.Text("directorate"),
            Committees = r.Texts("committees"),
            Objectives = r.Texts("objectives"),
            LinkedRisks = r.Texts("linked_risks"),
            ExternalRefs = r.Texts("external_refs"),
            Inherent = ReadScore(r, "inherent"),
            Current = ReadScore(r, "current"),
            Target = ReadScore(r, "target"),
            TargetDate = r.Date("target_date"),
            Response = r.Choice<RiskResponse>("response"),
            Performance = r.Text("performance"),
            Trajectory = r.Choice<Trajectory>("trajectory"),
            Controls = r.Items("controls").Select(c => c.Finish(new Control
            {
                Id = c.Text("id") ?? "",
                Text = c.Text("text") ?? "",
                Owner = c.Text("owner"),
                Effectiveness = c.Choice<Effectiveness>("effectiveness"),
            })).ToList(),
            Gaps = r.Items("gaps").Select(g => g.Finish(new Gap
            {
                Id = g.Text("id") ?? "",
                Type = g.Choice<GapType>("type"),
                Text = g.Text("text") ?? "",
            })).ToList(),
            Assurances = r.Items("assurances").Select(a => a.Finish(new Assurance
            {
                Id = a.Text("id") ?? "",
                Text = a.Text("text") ?? "",
                Line = a.Int("line"),
                Source = a.Choice<AssuranceSource>("source"),
                Rating = a.Choice<AssuranceRating>("rating"),
                Outcome = a.Choice<AssuranceOutcome>("outcome"),
                Key = a.Bool("key") ?? false,
                Date = a.Date("date"),
            })).ToList(),
            Actions = r.Items("actions").Select(a => a.Finish(new RiskAction
            {
                Id = a.Text("id") ?? "",
                Text = a.Text("text") ?? "",
                Owner = a.Text("owner"),
                Due = a.Date("due"),
                Status = a.Choice<ActionStatus>("status"),
                Completed = a.Date("completed"),
                Update = a.Text("update"),
            })).ToList(),
            LastReviewed = ReadReview(r),
            NextReview = r.Date("next_review"),
            Custom = ReadCustom(r),
        };
        return risk;
    }

    /// <summary>The values of the register's own fields, each a text or a list, kept as written.</summary>
    private static Dictionary<string, CustomValue> ReadCustom(NodeReader r)
    {
        var custom = new Dictionary<string, CustomValue>(StringComparer.Ordinal);
        // Asked only when present, so the keys named as allowed are as they were until the full reader lands.
        if (r.Has("custom") && r.Mapping("custom") is { } m)
        {
            foreach (var key in m.Keys)
            {
                custom[key] = m.IsList(key) ? CustomValue.Of(m.Texts(key)) : CustomValue.Of(m.Text(key) ?? "");
            }

            m.Finish();
        }

        return custom;
    }

    private static Score? ReadScore(NodeReader r, string key)
    {
        var m = r.Mapping(key);
        if (m is null)
        {
            return null;
        }

        var impact = m.Int("impact");
        var likelihood = m.Int("likelihood");
        var rationale = m.Text("rationale");
        m.Finish();
        if (impact is null)
        {
            m.Require("impact", "a whole number 1-5");
        }

        if (likelihood is null)
        {
            m.Require("likelihood", "a whole number 1-5");
        }

        return impact is { } i && likelihood is { } l ? new Score(i, l) { Rationale = rationale } : null;
    }

    private static Review? ReadReview(NodeReader r)
    {
        var m = r.Mapping("last_reviewed");
        if (m is null)
        {
            return null;
        }

        var date = m.Date("date");
        var by = m.Text("by");
        m.Finish();
        if (date is null)
        {
            m.Require("date", "the date of the review (YYYY-MM-DD)");
        }

        return date is { } d ? new Review(d, by ?? "") : null;
    }

    /// <summary>Reports a missing key; a key given with a wrong value has been reported already.</summary>
    private static void Required(NodeReader r, string key, string choices) => r.Require(key, choices);

    private static T Required<T>(NodeReader r, string key, string choices, T fallback)
    {
        Required(r, key, choices);
        return fallback;
    }
}
