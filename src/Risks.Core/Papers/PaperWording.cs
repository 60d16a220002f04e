using System.Globalization;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Schema;

namespace Risks.Core.Papers;

/// <summary>
/// Words a <see cref="BoardPaper"/> as a <see cref="PaperDocument"/>: every heading, label, value
/// and sentence of the paper is chosen here, once, for both of its forms.
/// </summary>
internal static class PaperWording
{
    public static PaperDocument Of(BoardPaper paper)
    {
        var summary = new PaperContentsEntry("summary", "Summary report");
        var objectives = new PaperContentsEntry("objectives", "Strategic objectives");
        var risks = new PaperContentsEntry("risks", "Individual risks: controls, gaps, assurances and actions");
        var heat = new PaperContentsEntry("heat-map", "Heat map");
        var outside = new PaperContentsEntry("outside", "Risks outside appetite or target");
        var partners = new PaperContentsEntry("partners", "Partner organisations' red risks");
        var boardActions = new PaperContentsEntry("board-actions", "Board action log: open actions");
        var undertakings = new PaperContentsEntry("undertakings", "Undertakings to regulators");
        var settings = paper.Settings ?? new RegisterSettings();
        var asAt = paper.Source.AsAt;
        return new PaperDocument
        {
            Cover = Cover(paper),
            CoverSheet = CoverSheet(paper),
            Contents = [summary, objectives, risks, heat, outside, partners, boardActions, undertakings],
            RisksAnchor = risks.Anchor,
            Summary = new PaperSummary(
                summary.Anchor,
                "BAF risks: summary report",
                ["No", "Risk and key elements", "SRO", "Key assurances", "I x L = score"],
                [.. paper.Risks.Select(SummaryRow)],
                "No open strategic risks are on the register."),
            Objectives = new PaperTable<PaperObjectiveRow>(
                objectives.Anchor,
                objectives.Title,
                ["Objective", "In full", "Appetite", "Tolerance"],
                [.. settings.Objectives.Where(o => !o.Retired).Select(o => new PaperObjectiveRow(
                    string.IsNullOrWhiteSpace(o.ShortTitle) ? o.Id : $"{o.Id} {o.ShortTitle}",
                    o.Title,
                    o.Appetite is { } appetite ? Vocabulary.Phrase(appetite) : "Not stated",
                    o.Tolerance is { } tolerance ? tolerance.ToString(CultureInfo.InvariantCulture) : "Not stated"))],
                "The register names no strategic objectives."),
            Risks = [.. paper.Risks.Select(s => Risk(s, paper))],
            HeatMap = HeatMap(paper, heat),
            Outside = new PaperTable<PaperOutsideRow>(
                outside.Anchor,
                outside.Title,
                ["Risk", "Current", "Target", "Target date", "Tolerance exceeded (objective: tolerance, appetite)"],
                [.. paper.Outside.Select(row => new PaperOutsideRow(
                    row.Risk.Id.Value,
                    row.Risk.Title,
                    Number(row.Current),
                    paper.Bands.For(row.Current ?? 0),
                    Number(row.Target),
                    row.TargetDate,
                    row.TargetDateMissed ? "passed" : null,
                    row.Appetite))],
                "Every open risk is within appetite and at or below its target score."),
            Partners = new PaperTable<PaperPartnerRow>(
                partners.Anchor,
                partners.Title,
                ["Organisation", "Risk", "Score", "Source"],
                [.. paper.PartnerRisks.Select((p, i) => new PaperPartnerRow(
                    i > 0 && paper.PartnerRisks[i - 1].Organisation == p.Organisation ? "" : p.Organisation,
                    p.Title,
                    Number(p.Score),
                    paper.Bands.For(p.Score),
                    i > 0 && paper.PartnerRisks[i - 1].Organisation == p.Organisation && paper.PartnerRisks[i - 1].Source == p.Source && paper.PartnerRisks[i - 1].Reported == p.Reported
                        ? ""
                        : string.Join(", ", new[] { p.Source, p.Reported is { } reported ? Formats.Date(reported) : null }.OfType<string>())))],
                "No partner risks recorded."),
            BoardActions = new PaperTable<PaperBoardActionRow>(
                boardActions.Anchor,
                boardActions.Title,
                ["No", "Agenda item and action", "Lead", "Deadline", "Status", "Latest update"],
                [.. paper.BoardActions.Where(a => a.IsOpen)
                    .OrderBy(a => a.IsOverdue(asAt) ? 0 : 1).ThenBy(a => a.Deadline ?? DateOnly.MaxValue).ThenBy(a => a.Number)
                    .Select(a => new PaperBoardActionRow(
                        a.Number.ToString(CultureInfo.InvariantCulture),
                        a.Item,
                        a.Action,
                        a.Leads.Count == 0 ? "" : Text.All([.. a.Leads.Select(settings.NameOf)]),
                        a.Deadline is { } deadline ? Formats.Date(deadline) : "",
                        a.IsOverdue(asAt) ? "overdue" : null,
                        Vocabulary.Phrase(a.Status),
                        a.Updates.Count == 0 ? "" : $"{Formats.Date(a.Updates[^1].Date)}: {a.Updates[^1].Text}"))],
                "No board actions are open."),
            Undertakings = new PaperTable<PaperUndertakingRow>(
                undertakings.Anchor,
                undertakings.Title,
                ["No", "Undertaking", "Regulator and conditions", "Lead", "Milestones", "Status"],
                [.. paper.Undertakings.Where(u => u.IsOpen)
                    .OrderBy(u => u.IsOverdue(asAt) ? 0 : 1).ThenBy(u => u.Number)
                    .Select(u => new PaperUndertakingRow(
                        u.Number.ToString(CultureInfo.InvariantCulture),
                        u.Title,
                        u.Conditions.Count == 0 ? u.Regulator : $"{u.Regulator}: {string.Join(", ", u.Conditions)}",
                        u.Text,
                        u.Leads.Count == 0 ? "" : Text.All([.. u.Leads.Select(settings.NameOf)]),
                        [.. u.Milestones.Select((m, i) => ($"{i + 1}. {m.Text}: {(m.Met is { } met ? $"met {Formats.Date(met)}" : m.Due is { } due ? (m.IsOverdue(asAt) ? $"due {Formats.Date(due)}, overdue" : $"due {Formats.Date(due)}") : "no date")}", m.IsOverdue(asAt)))],
                        $"{Vocabulary.Phrase(u.Status)}; {u.MilestoneCount}"))],
                "No undertakings to regulators are open."),
            Footer = new PaperFooter(
                paper.Organisation,
                $"Board Assurance Framework, {paper.Period}",
                paper.IterationLine,
                paper.CommitLine,
                $"as at {Formats.Date(paper.Source.AsAt)}",
                paper.Source.Commit),
        };
    }

    /// <summary>
    /// The cover sheet: what was given with the iteration (a person named by their login is named
    /// with their job title), the title and board date from the iteration, and the movement worked
    /// out; a part not given says so rather than being left out.
    /// </summary>
    private static PaperCoverSheet CoverSheet(BoardPaper paper)
    {
        var cover = paper.Source.Cover;
        var settings = paper.Settings ?? new RegisterSettings();
        string Person(string? who) => who is null ? "Not given." : settings.FindPerson(who) is { } p ? (p.JobTitle is { Length: > 0 } title ? $"{p.Name}, {title}" : p.Name) : who;
        string Given(string? text) => text ?? "Not given.";
        var meeting = string.Join(", ", new[] { cover.Meeting, paper.Source.IterationBoardDate is { } board ? Formats.Date(board) : null }.OfType<string>());
        return new PaperCoverSheet(
            "Cover sheet",
            [
                ("Meeting", meeting.Length > 0 ? meeting : "Not given."),
                ("Agenda item", Given(cover.AgendaItem)),
                ("Title", $"Board Assurance Framework, {paper.Period}{(paper.Source.IterationTitle is { Length: > 0 } t ? $" ({t})" : "")}"),
                ("Executive lead", Person(cover.ExecutiveLead)),
                ("Author", Person(cover.Author)),
                ("Purpose", Given(cover.Purpose)),
                ("Summary of movement", paper.MovementSummary),
                ("Recommendation", Given(cover.Recommendation)),
                ("Reviewed by", cover.ReviewedBy.Count == 0 ? "Not given." : Text.All(cover.ReviewedBy)),
            ]);
    }

    private static PaperCover Cover(BoardPaper paper)
    {
        var unreadable = paper.Unreadable;
        var incomplete = unreadable.Count == 0
            ? null
            : new PaperNotice(
                "Incomplete:",
                $"{Text.Count(unreadable.Count, "risk file")} could not be read at this commit and {(unreadable.Count == 1 ? "is" : "are")} not in this paper: {string.Join(", ", unreadable)}.");
        return new PaperCover(paper.Organisation, "Board Assurance Framework", paper.Period, $"{paper.ScopeLine} {paper.MovementLine}", incomplete);
    }

    private static PaperSummaryRow SummaryRow(RiskSection s) => new(
        s.Number,
        Anchor(s),
        s.Risk.Id.Value,
        s.Risk.Title,
        s.Risk.KeyElements,
        s.OwnerName,
        [.. s.KeyAssurances.Select(a => a.Text)],
        s.Risk.Current?.ToString() ?? "Not scored",
        s.Facts.Band,
        s.Movement);

    private static PaperRisk Risk(RiskSection s, BoardPaper paper)
    {
        var r = s.Risk;
        var review = r.LastReviewed is { } last ? $"Last reviewed {Formats.Date(last.Date)}" : "Not yet reviewed";
        return new PaperRisk
        {
            Number = s.Number,
            Anchor = Anchor(s),
            Heading = $"{r.Id.Value} {r.Title}",
            Fields = PaperFields.Of(s),
            Performance = new PaperParagraphs(
                "Current performance against target and trajectory",
                r.Performance is { } performance ? [.. performance.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)] : [],
                "Not stated."),
            Controls = new PaperList(
                "How is it being addressed? (controls)",
                [.. r.Controls.Select(c => Tagged([new PaperSpan(c.Text)], c.Effectiveness is { } e ? Vocabulary.Phrase(e) : null))],
                "No controls recorded."),
            ControlGaps = new PaperList("Gaps in control", [.. s.ControlGaps.Select(g => PaperLine.Plain(g.Text))], "None recorded."),
            AssuranceGaps = new PaperList("Gaps in assurance", [.. s.AssuranceGaps.Select(g => PaperLine.Plain(g.Text))], "None recorded."),
            Assurances = new PaperList("How will we know it is working? (assurances)", [.. r.Assurances.Select(Assurance)], "No assurances recorded."),
            Actions = new PaperTable<PaperActionRow>(
                null,
                "Next steps (actions)",
                ["Action", "Owner", "Due", "Status"],
                [.. s.Actions.Select(a => new PaperActionRow(a.Action.Text, a.Action.Update, a.Owner, a.Due, a.Overdue ? "OVERDUE" : null, a.Status))],
                "No actions recorded."),
            Review = $"{review}{(r.NextReview is { } next ? $"; next review {Formats.Date(next)}" : "")}. {paper.IterationLine}; {paper.CommitLine}.",
        };
    }

    /// <summary>An assurance: "Key:" if it is one, its text, and its line of defence, source, rating, outcome and date as a tag.</summary>
    private static PaperLine Assurance(Assurance a)
    {
        var tags = new List<string>();
        if (a.Line is { } line)
        {
            tags.Add($"line {line}");
        }

        if (a.Source is { } source)
        {
            tags.Add(Vocabulary.Phrase(source));
        }

        if (a.Rating is { } rating)
        {
            tags.Add($"{Vocabulary.Phrase(rating)} assurance");
        }

        if (a.Outcome is { } outcome)
        {
            tags.Add(Vocabulary.Phrase(outcome));
        }

        if (a.Date is { } date)
        {
            tags.Add(Formats.Date(date));
        }

        List<PaperSpan> spans = a.Key ? [new PaperSpan("Key:", PaperStyle.Strong), new PaperSpan(" " + a.Text)] : [new PaperSpan(a.Text)];
        return Tagged(spans, tags.Count > 0 ? string.Join(", ", tags) : null);
    }

    private static PaperLine Tagged(List<PaperSpan> spans, string? tag)
    {
        if (tag is not null)
        {
            spans.Add(new PaperSpan(tag, PaperStyle.Tag));
        }

        return new PaperLine(spans);
    }

    private static PaperHeatMap HeatMap(BoardPaper paper, PaperContentsEntry entry)
    {
        var rows = new List<PaperHeatRow>();
        for (var impact = 5; impact >= 1; impact--)
        {
            var cells = Enumerable.Range(1, 5)
                .Select(likelihood => paper.HeatMap.At(impact, likelihood))
                .Select(cell => new PaperHeatCell(cell.Score, cell.Band, cell.Strategic, cell.Operational > 0 ? Text.Count(cell.Operational, "operational risk") : null))
                .ToList();
            rows.Add(new PaperHeatRow(paper.Scoring.DescribeImpact(impact), cells));
        }

        var unscored = paper.HeatMap.Unscored;
        return new PaperHeatMap(
            entry.Anchor,
            "Heat map: open risks by current score",
            "Each cell lists the strategic risks in it and counts the operational risks.",
            "Impact",
            "Likelihood",
            rows,
            [.. Enumerable.Range(1, 5).Select(paper.Scoring.DescribeLikelihood)],
            new PaperLegend(
                "Bands",
                [.. paper.Bands.Bands.Select(b => new PaperLegendEntry(b, $"{b.Name} {b.Min}-{b.Max}"))],
                unscored > 0 ? $"{Text.Count(unscored, "open risk")} without a current score not shown." : null));
    }

    private static string Anchor(RiskSection s) => "risk-" + s.Risk.Id.Value.ToLowerInvariant();

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}

/// <summary>
/// A strategic risk's labelled fields, in the order the paper shows them. Both forms of the paper
/// show every field listed here and no other, so a field is added to the paper by adding it here.
/// </summary>
public static class PaperFields
{
    /// <summary>
    /// The fields the paper places itself, by path: in a risk's rows below, in its heading, in the
    /// summary, in its own sections (performance, controls, gaps, assurances, actions) or in its
    /// review line. Any other field marked for the paper (<see cref="Field.OnPaper"/>) follows the rows
    /// under its caption, with no line here.
    /// </summary>
    public static readonly IReadOnlySet<string> Placed = new HashSet<string>(StringComparer.Ordinal)
    {
        "title", "narrative", "key_elements", "owner", "leads", "lead_remits", "directorate", "committees", "objectives",
        "linked_risks", "external_refs", "inherent", "current", "target", "target_date", "response",
        "performance", "trajectory", "controls", "gaps", "assurances", "actions", "last_reviewed", "next_review",
    };

    public static IReadOnlyList<PaperField> Of(RiskSection s)
    {
        var r = s.Risk;
        var inherent = $"Inherent {Formats.Score(r.Inherent)}; target {Formats.Score(r.Target)}{(r.TargetDate is { } td ? $" by {Formats.Date(td)}" : "")}";
        return
        [
            new(["Risk narrative"], Narrative(r.Narrative)),
            new(["Risk score"], Score(s)) { Hint = "impact x likelihood", Banded = true, Band = s.Facts.Band },
            new(["Risk owner"], [PaperLine.Plain(s.Owner), .. s.Leads.Select(lead => PaperLine.Plain($"Lead: {lead}"))]),
            new(["Directorate", "Committee"], [PaperLine.Plain(r.Directorate ?? ""), PaperLine.Plain(string.Join("; ", r.Committees))]),
            PaperField.Of("Strategic objectives", string.Join("; ", s.Objectives)),
            PaperField.Of("Linked register risks", s.Linked.Count == 0 ? "None" : string.Join("; ", s.Linked)),
            PaperField.Of("External references", s.ExternalRefs.Count == 0 ? "None" : string.Join("; ", s.ExternalRefs)),
            new(
                ["Inherent and target"],
                [s.Facts.TargetDateMissed
                    ? PaperLine.Of(new PaperSpan(inherent), new PaperSpan(" "), new PaperSpan("(target date passed)", PaperStyle.Warning))
                    : PaperLine.Plain(inherent)]),
            PaperField.Of("Response and trajectory", Response(r.Response) + (r.Trajectory is { } t ? $"; {Vocabulary.Phrase(t)}" : "")),
            .. s.SignOff is { } signOff ? [SignOffField(signOff, s.SignOffText)] : Array.Empty<PaperField>(),
            .. s.OtherFields.Select(f => f.Value.Length > 0
                ? PaperField.Of(f.Label, f.Value)
                : new PaperField([f.Label], [PaperLine.Of(new PaperSpan("Not stated", PaperStyle.Missing))])),
        ];
    }

    private static PaperField SignOffField(Changes.SignOffState state, string text) => state.Status switch
    {
        Changes.SignOffStatus.Current => new(["Sign-off"], [PaperLine.Plain(text), .. state.SignOff!.Note is { } note ? [PaperLine.Plain(note)] : Array.Empty<PaperLine>()]),
        Changes.SignOffStatus.Lapsed => new(["Sign-off"], [PaperLine.Of(new PaperSpan(Capitalised(text), PaperStyle.Warning))]),
        _ => new(["Sign-off"], [PaperLine.Of(new PaperSpan("Not signed off", PaperStyle.Missing))]),
    };

    private static string Capitalised(string text) => text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static IReadOnlyList<PaperLine> Narrative(Narrative n)
    {
        var lines = new List<PaperLine>();
        foreach (var (label, text) in new[] { ("Cause:", n.Cause), ("Event:", n.Event), ("Effect:", n.Effect) })
        {
            if (text is not null)
            {
                lines.Add(PaperLine.Of(new PaperSpan(label, PaperStyle.Strong), new PaperSpan(" " + text)));
            }
        }

        return lines.Count == 0 ? [PaperLine.Of(new PaperSpan("Not stated.", PaperStyle.Missing))] : lines;
    }

    private static IReadOnlyList<PaperLine> Score(RiskSection s)
    {
        var lines = new List<PaperLine> { PaperLine.Of(new PaperSpan(s.Score, PaperStyle.Headline)) };
        if (s.Risk.Current?.Rationale is { } why)
        {
            lines.Add(PaperLine.Plain(why));
        }

        if (s.Movement is { } movement)
        {
            lines.Add(PaperLine.Of(new PaperSpan(BoardPaper.Sentence(movement), PaperStyle.Strong)));
        }

        return lines;
    }

    private static string Response(RiskResponse? response) =>
        response is { } r ? ActionLine.Capitalise(Vocabulary.Phrase(r)) : "Not stated";
}
