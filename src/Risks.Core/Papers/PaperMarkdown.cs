using System.Text;
using Risks.Core.Domain;

namespace Risks.Core.Papers;

/// <summary>
/// The paper as Markdown (GitHub-flavoured tables), for pasting into other papers or reading in a
/// Git server's web view. Like <see cref="PaperHtml"/>, it lays out a <see cref="PaperDocument"/>
/// and says nothing the document does not.
/// </summary>
public static class PaperMarkdown
{
    public static string Render(BoardPaper paper) => Render(PaperDocument.Of(paper));

    public static string Render(PaperDocument paper)
    {
        var md = new StringBuilder();
        void Line(string line = "") => md.Append(line).Append('\n');

        var cover = paper.Cover;
        Line($"# {Flat(cover.FullTitle)}");
        Line();
        Line(Flat(cover.Scope));
        Line();
        if (cover.Incomplete is { } incomplete)
        {
            Line($"> **{incomplete.Label}** {Flat(incomplete.Text)}");
            Line();
        }

        Line($"| {paper.CoverSheet.Heading} | |");
        Line("|---|---|");
        foreach (var (label, value) in paper.CoverSheet.Rows)
        {
            Line($"| **{label}** | {Cell(value)} |");
        }

        Line();
        for (var i = 0; i < paper.Contents.Count; i++)
        {
            Line($"{i + 1}. {Flat(paper.Contents[i].Title)}");
        }

        Line();
        var summary = paper.Summary;
        Line($"## {summary.Heading}");
        Line();
        if (summary.Rows.Count == 0)
        {
            Line(summary.None);
        }
        else
        {
            Line(Row(summary.Columns));
            Line("|---:|---|---|---|---|");
        }

        foreach (var s in summary.Rows)
        {
            var risk = $"**{s.Id} {s.Title}**" + string.Concat(s.KeyElements.Select(k => $"<br>- {k}"));
            var assurances = string.Join("<br>", s.KeyAssurances.Select(a => $"- {a}"));
            var score = $"**{s.Score}** {s.BandName}".TrimEnd() + (s.Movement is { } m ? $"<br>{m}" : "");
            Line($"| {s.Number} | {Cell(risk)} | {Cell(s.Owner)} | {Cell(assurances)} | {Cell(score)} |");
        }

        Table(paper.Objectives, "|---|---|---|---:|", o => [$"**{o.Id}**", o.Title, o.Appetite, o.Tolerance]);

        foreach (var r in paper.Risks)
        {
            Line();
            Line($"## {r.Number}. {Flat(r.Heading)}");
            Line();
            foreach (var field in r.Fields)
            {
                Line($"- {Field(field)}");
            }

            Line();
            Line($"### {r.Performance.Heading}");
            Line();
            foreach (var paragraph in r.Performance.Paragraphs.DefaultIfEmpty(r.Performance.None))
            {
                Line(paragraph);
                Line();
            }

            Items(r.Controls);
            Items(r.ControlGaps);
            Items(r.AssuranceGaps);
            Items(r.Assurances);
            Line($"### {r.Actions.Heading}");
            Line();
            if (r.Actions.Rows.Count == 0)
            {
                Line(r.Actions.None);
            }
            else
            {
                Line(Row(r.Actions.Columns));
                Line("|---|---|---|---|");
                foreach (var a in r.Actions.Rows)
                {
                    Line($"| {Cell(a.Action + (a.Update is { } update ? $"<br>_{update}_" : ""))} | {Cell(a.Owner)} | {Cell(a.Due)}{(a.Overdue is { } overdue ? $" **{overdue}**" : "")} | {Cell(a.Status)} |");
                }
            }

            Line();
            Line(Flat(r.Review));
        }

        var map = paper.HeatMap;
        Line();
        Line($"## {map.Heading}");
        Line();
        Line(map.Intro);
        Line();
        Line(Row([$"{map.ImpactAxis} ↑<br>{map.LikelihoodAxis} →", .. map.Likelihoods]));
        Line("|---:|---|---|---|---|---|");
        foreach (var row in map.Rows)
        {
            var cells = row.Cells.Select(cell =>
            {
                var parts = new List<string> { $"{cell.Score} {cell.BandName}".TrimEnd() };
                if (cell.Strategic.Count > 0)
                {
                    parts.Add(string.Join(" ", cell.Strategic.Select(id => $"**{id}**")));
                }

                if (cell.Operational is { } operational)
                {
                    parts.Add(operational);
                }

                return string.Join("<br>", parts);
            });
            Line(Row([row.Impact, .. cells]));
        }

        Line();
        Line($"{map.Legend.Label}: {string.Join("; ", map.Legend.Entries.Select(e => e.Text))}.{(map.Legend.Note is { } note ? $" {note}" : "")}");

        Table(paper.Outside, "|---|---:|---:|---|---|", row =>
            [$"**{row.Id}** {row.Title}", row.Current, row.Target, row.TargetDate + (row.Passed is { } passed ? $" ({passed})" : ""), row.Appetite]);
        Table(paper.Partners, "|---|---|---:|---|", p => [p.Organisation, p.Title, p.Score, p.Source]);
        Table(paper.BoardActions, "|---:|---|---|---|---|---|", a =>
            [a.Number, $"**{a.Item}** {a.Action}", a.Leads, a.Deadline + (a.Overdue is { } overdue ? $" (**{overdue}**)" : ""), a.Status, a.LatestUpdate]);
        Table(paper.Undertakings, "|---:|---|---|---|---|---|", u =>
            [u.Number, $"**{u.Title}** {u.Undertaking}", u.Regulator, u.Leads, string.Join("; ", u.Milestones.Select(m => m.Overdue ? $"**{m.Text}**" : m.Text)), u.Status]);

        var footer = paper.Footer;
        Line();
        Line("---");
        Line();
        Line($"{Flat(footer.Organisation)} · {Flat(footer.Title)}");
        Line();
        Line($"{footer.Iteration}. {footer.Commit} (`{footer.Sha}`). {ActionLine.Capitalise(footer.AsAt)}.");
        return md.ToString();

        void Items(PaperList list)
        {
            Line($"### {list.Heading}");
            Line();
            if (list.Items.Count == 0)
            {
                Line(list.None);
            }

            foreach (var item in list.Items)
            {
                Line($"- {Spans(item.Spans)}");
            }

            Line();
        }

        void Table<TRow>(PaperTable<TRow> table, string rule, Func<TRow, IReadOnlyList<string>> cells)
        {
            Line();
            Line($"## {table.Heading}");
            Line();
            if (table.Rows.Count == 0)
            {
                Line(table.None);
                return;
            }

            Line(Row(table.Columns));
            Line(rule);
            foreach (var row in table.Rows)
            {
                Line(Row(cells(row)));
            }
        }
    }

    /// <summary>
    /// A field as a list item: its label in bold, then its value. A value of several lines runs on
    /// as sentences; a field with a label for each line gives each line after its own label.
    /// </summary>
    private static string Field(PaperField field)
    {
        if (field.Labels.Count > 1 && field.Labels.Count == field.Lines.Count)
        {
            return string.Join("; ", field.Labels.Zip(field.Lines, (label, line) => $"**{label}:** {Spans(line.Spans)}"));
        }

        var label = $"**{string.Join(" / ", field.Labels)}{(field.Hint is { } hint ? $" ({hint})" : "")}:**";
        var value = field.Lines.Count == 1
            ? Spans(field.Lines[0].Spans)
            : string.Join(" ", field.Lines.Select(l => Spans([.. l.Spans.SkipLast(1), l.Spans[^1] with { Text = BoardPaper.Sentence(l.Spans[^1].Text) }])));
        return $"{label} {value}";
    }

    /// <summary>Runs of text in their styles, each on one line.</summary>
    private static string Spans(IReadOnlyList<PaperSpan> spans) => string.Concat(spans.Select(span =>
    {
        var text = Flat(span.Text);
        return span.Style switch
        {
            PaperStyle.Strong or PaperStyle.Warning => $"**{text}**",
            PaperStyle.Tag => $" _({text})_",
            PaperStyle.Missing => $"_{text}_",
            _ => text,
        };
    }));

    /// <summary>A table row of cells.</summary>
    private static string Row(IEnumerable<string> cells) => $"| {string.Join(" | ", cells.Select(Cell))} |";

    /// <summary>A table cell: pipes escaped, line breaks as &lt;br&gt;.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    private static string Flat(string text) => text.Replace("\n", " ", StringComparison.Ordinal);
}
