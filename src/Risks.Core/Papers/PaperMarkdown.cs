using System.Text;
using Risks.Core.Domain;
using Risks.Core.Presentation;

namespace Risks.Core.Papers;

/// <summary>
/// The paper as Markdown (GitHub-flavoured tables), for pasting into other papers or reading in a
/// Git server's web view. Like <see cref="PaperHtml"/>, a function of the paper alone.
/// </summary>
public static class PaperMarkdown
{
    public static string Render(BoardPaper paper)
    {
        var md = new StringBuilder();
        void Line(string line = "") => md.Append(line).Append('\n');

        Line($"# {Flat(paper.Organisation)}: Board Assurance Framework, {Flat(paper.Period)}");
        Line();
        Line($"{paper.ScopeLine} {paper.MovementLine}");
        Line();
        if (paper.Unreadable.Count > 0)
        {
            Line($"> **Incomplete:** {Text.Count(paper.Unreadable.Count, "risk file")} could not be read at this commit and {(paper.Unreadable.Count == 1 ? "is" : "are")} not in this paper: {string.Join(", ", paper.Unreadable)}.");
            Line();
        }

        Line("## BAF risks: summary report");
        Line();
        if (paper.Risks.Count == 0)
        {
            Line("No open strategic risks are on the register.");
        }
        else
        {
            Line("| No | Risk and key elements | SRO | Key assurances | I x L = score |");
            Line("|---:|---|---|---|---|");
        }

        foreach (var s in paper.Risks)
        {
            var risk = $"**{s.Risk.Id.Value} {s.Risk.Title}**" + string.Concat(s.Risk.KeyElements.Select(k => $"<br>- {k}"));
            var assurances = string.Join("<br>", s.KeyAssurances.Select(a => $"- {a.Text}"));
            var score = $"**{s.Risk.Current?.ToString() ?? "Not scored"}** {s.Facts.Band?.Name}".TrimEnd() + (s.Movement is { } m ? $"<br>{m}" : "");
            Line($"| {s.Number} | {Cell(risk)} | {Cell(s.OwnerName)} | {Cell(assurances)} | {Cell(score)} |");
        }

        foreach (var s in paper.Risks)
        {
            var r = s.Risk;
            Line();
            Line($"## {s.Number}. {r.Id.Value} {Flat(r.Title)}");
            Line();
            Line($"**Risk score (impact x likelihood):** {s.Score}{(r.Current?.Rationale is { } why ? $". {BoardPaper.Sentence(why)}" : ".")}{(s.Movement is { } movement ? $" **{BoardPaper.Sentence(movement)}**" : "")}");
            Line();
            if (r.Narrative.Cause is { } cause)
            {
                Line($"- **Cause:** {Flat(cause)}");
            }

            if (r.Narrative.Event is { } ev)
            {
                Line($"- **Event:** {Flat(ev)}");
            }

            if (r.Narrative.Effect is { } effect)
            {
                Line($"- **Effect:** {Flat(effect)}");
            }

            Line($"- **Risk owner:** {s.Owner}{(s.Leads.Count > 0 ? $"; leads: {Text.All(s.Leads)}" : "")}");
            Line($"- **Directorate:** {r.Directorate}; **committee:** {string.Join("; ", r.Committees)}");
            Line($"- **Strategic objectives:** {string.Join("; ", s.Objectives)}");
            Line($"- **Linked risks:** {string.Join("; ", s.Linked)}");
            Line($"- **Inherent:** {Formats.Score(r.Inherent)}; **target:** {Formats.Score(r.Target)}{(r.TargetDate is { } td ? $" by {Formats.Date(td)}" : "")}{(s.Facts.TargetDateMissed ? " (target date passed)" : "")}");
            Line();
            Line("### Current performance against target and trajectory");
            Line();
            if (r.Performance is { } performance)
            {
                foreach (var paragraph in performance.Split('\n').Where(p => p.Trim().Length > 0))
                {
                    Line(paragraph.Trim());
                    Line();
                }
            }
            else
            {
                Line("Not stated.");
                Line();
            }

            Items("How is it being addressed? (controls)", r.Controls.Select(c => c.Text + (c.Effectiveness is { } e ? $" _({Vocabulary.Phrase(e)})_" : "")), "No controls recorded.");
            Items("Gaps in control", s.ControlGaps.Select(g => g.Text), "None recorded.");
            Items("Gaps in assurance", s.AssuranceGaps.Select(g => g.Text), "None recorded.");
            Items("How will we know it is working? (assurances)", r.Assurances.Select(a => (a.Key ? "**Key:** " : "") + a.Text + (a.Rating is { } rating ? $" _({Vocabulary.Phrase(rating)} assurance)_" : "")), "No assurances recorded.");
            Line("### Next steps (actions)");
            Line();
            if (s.Actions.Count == 0)
            {
                Line("No actions recorded.");
            }
            else
            {
                Line("| Action | Owner | Due | Status |");
                Line("|---|---|---|---|");
                foreach (var a in s.Actions)
                {
                    Line($"| {Cell(a.Action.Text + (a.Action.Update is { } update ? $"<br>_{update}_" : ""))} | {Cell(a.Owner)} | {Cell(a.Due)}{(a.Overdue ? " **OVERDUE**" : "")} | {Cell(a.Status)} |");
                }
            }
        }

        Line();
        Line("## Heat map: open risks by current score");
        Line();
        Line("Impact down the side (5 at the top), likelihood along the top. Strategic risks by id, operational risks counted.");
        Line();
        Line("| Impact | 1 | 2 | 3 | 4 | 5 |");
        Line("|---:|---|---|---|---|---|");
        for (var impact = 5; impact >= 1; impact--)
        {
            var cells = Enumerable.Range(1, 5).Select(likelihood =>
            {
                var cell = paper.HeatMap.At(impact, likelihood);
                var parts = new List<string> { $"{cell.Score} {cell.Band?.Name}".TrimEnd() };
                parts.AddRange(cell.Strategic.Select(id => $"**{id}**"));
                if (cell.Operational > 0)
                {
                    parts.Add($"+{cell.Operational} op.");
                }

                return string.Join(" ", parts);
            });
            Line($"| {impact} | {string.Join(" | ", cells)} |");
        }

        Line();
        Line("## Risks outside appetite or target");
        Line();
        if (paper.Outside.Count == 0)
        {
            Line("Every open risk is within appetite and at or below its target score.");
        }
        else
        {
            Line("| Risk | Current | Target | Target date | Tolerance exceeded (objective: tolerance, appetite) |");
            Line("|---|---:|---:|---|---|");
            foreach (var row in paper.Outside)
            {
                Line($"| **{row.Risk.Id.Value}** {Cell(row.Risk.Title)} | {row.Current} | {row.Target} | {row.TargetDate}{(row.TargetDateMissed ? " (passed)" : "")} | {Cell(row.Appetite)} |");
            }
        }

        Line();
        Line("## Partner organisations' red risks");
        Line();
        if (paper.PartnerRisks.Count == 0)
        {
            Line("No partner risks recorded.");
        }
        else
        {
            Line("| Organisation | Risk | Score | Reported |");
            Line("|---|---|---:|---|");
            foreach (var p in paper.PartnerRisks)
            {
                Line($"| {Cell(p.Organisation)} | {Cell(p.Title)} | {p.Score} | {Formats.Date(p.Reported)} |");
            }
        }

        Line();
        Line("---");
        Line();
        Line($"{paper.IterationLine}. {paper.CommitLine} (`{paper.Source.Commit}`). As at {Formats.Date(paper.Source.AsAt)}.");
        return md.ToString();

        void Items(string heading, IEnumerable<string> items, string none)
        {
            Line($"### {heading}");
            Line();
            var list = items.ToList();
            if (list.Count == 0)
            {
                Line(none);
            }

            foreach (var item in list)
            {
                Line($"- {Flat(item)}");
            }

            Line();
        }
    }

    /// <summary>A table cell: pipes escaped, line breaks as &lt;br&gt;.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    private static string Flat(string text) => text.Replace("\n", " ", StringComparison.Ordinal);
}
