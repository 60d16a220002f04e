using System.Globalization;
using System.Net;
using System.Text;
using Risks.Core.Domain;

namespace Risks.Core.Papers;

/// <summary>
/// The paper as one self-contained HTML file: styles inline, no scripts, fonts, images or links
/// to fetch, so it opens offline and prints to A4 landscape. It lays out a
/// <see cref="PaperDocument"/> and says nothing the document does not: the same paper gives the
/// same bytes.
/// </summary>
public static class PaperHtml
{
    public static string Render(BoardPaper paper) => Render(PaperDocument.Of(paper));

    public static string Render(PaperDocument paper)
    {
        var cover = paper.Cover;
        var html = new Html();
        html.Line("<!DOCTYPE html>");
        html.Line("<html lang=\"en-GB\">");
        html.Line("<head>");
        html.Line("<meta charset=\"utf-8\">");
        html.Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Line($"<title>{E(cover.FullTitle)}</title>");
        html.Line($"<style>{Style}</style>");
        html.Line("</head>");
        html.Line("<body>");

        html.Line("<header class=\"cover\">");
        html.Line($"<p class=\"organisation\">{E(cover.Organisation)}</p>");
        html.Line($"<h1>{E(cover.Title)}</h1>");
        html.Line($"<p class=\"period\">{E(cover.Period)}</p>");
        html.Line($"<p class=\"scope\">{E(cover.Scope)}</p>");
        if (cover.Incomplete is { } incomplete)
        {
            html.Line($"<p class=\"warning\"><strong>{E(incomplete.Label)}</strong> {E(incomplete.Text)}</p>");
        }

        html.Line($"<table class=\"cover-sheet\" aria-label=\"{E(paper.CoverSheet.Heading)}\"><tbody>");
        foreach (var (label, value) in paper.CoverSheet.Rows)
        {
            html.Line($"<tr><th scope=\"row\">{E(label)}</th><td>{E(value)}</td></tr>");
        }

        html.Line("</tbody></table>");
        html.Line("<nav><ol>");
        foreach (var entry in paper.Contents)
        {
            html.Line($"<li><a href=\"#{E(entry.Anchor)}\">{Content(entry.Title)}</a></li>");
        }

        html.Line("</ol></nav>");
        html.Line("</header>");

        Summary(html, paper.Summary);
        Table(html, paper.Objectives, [], o => $"<td><strong>{E(o.Id)}</strong></td><td>{E(o.Title)}</td><td>{E(o.Appetite)}</td><td>{E(o.Tolerance)}</td>");
        html.Line($"<div id=\"{E(paper.RisksAnchor)}\">");
        foreach (var risk in paper.Risks)
        {
            Section(html, risk);
        }

        html.Line("</div>");
        HeatMap(html, paper.HeatMap);
        Table(html, paper.Outside, [1, 2], row =>
            $"<td><strong>{E(row.Id)}</strong> {E(row.Title)}</td>" +
            $"<td class=\"score {Rag(row.CurrentBand)}\">{E(row.Current)}</td>" +
            $"<td class=\"score\">{E(row.Target)}</td>" +
            $"<td>{E(row.TargetDate)}{(row.Passed is { } passed ? $" <strong class=\"overdue\">{E(passed)}</strong>" : "")}</td>" +
            $"<td>{E(row.Appetite)}</td>");
        Table(html, paper.Partners, [2], p =>
            $"<td>{E(p.Organisation)}</td><td>{E(p.Title)}</td><td class=\"score {Rag(p.Band)}\">{E(p.Score)}</td><td>{E(p.Source)}</td>");
        Table(html, paper.BoardActions, [], a =>
            $"<td>{E(a.Number)}</td><td><strong>{E(a.Item)}</strong> {E(a.Action)}</td><td>{E(a.Leads)}</td>" +
            $"<td>{E(a.Deadline)}{(a.Overdue is { } overdue ? $" <strong class=\"overdue\">{E(overdue)}</strong>" : "")}</td><td>{E(a.Status)}</td><td>{E(a.LatestUpdate)}</td>");
        Table(html, paper.Undertakings, [], u =>
            $"<td>{E(u.Number)}</td><td><strong>{E(u.Title)}</strong> {E(u.Undertaking)}</td><td>{E(u.Regulator)}</td><td>{E(u.Leads)}</td>" +
            $"<td>{string.Join("<br>", u.Milestones.Select(m => m.Overdue ? $"<strong class=\"overdue\">{E(m.Text)}</strong>" : E(m.Text)))}</td><td>{E(u.Status)}</td>");

        var footer = paper.Footer;
        html.Line("<footer>");
        html.Line($"<p>{E(footer.Organisation)} &middot; {E(footer.Title)}</p>");
        html.Line($"<p>{E(footer.Iteration)} &middot; {E(footer.Commit)} &middot; {E(footer.AsAt)}</p>");
        html.Line($"<p class=\"sha\">Commit {E(footer.Sha)}</p>");
        html.Line("</footer>");
        html.Line("</body>");
        html.Line("</html>");
        return html.ToString();
    }

    private static void Summary(Html html, PaperSummary summary)
    {
        html.Line($"<section id=\"{E(summary.Anchor)}\" class=\"summary\">");
        html.Line($"<h2>{E(summary.Heading)}</h2>");
        if (summary.Rows.Count == 0)
        {
            html.Line($"<p class=\"none\">{E(summary.None)}</p>");
            html.Line("</section>");
            return;
        }

        var columns = summary.Columns;
        html.Line("<table>");
        html.Line($"<thead><tr><th class=\"num\">{E(columns[0])}</th>{string.Concat(columns.Skip(1).SkipLast(1).Select(c => $"<th>{E(c)}</th>"))}<th class=\"score\">{E(columns[^1])}</th></tr></thead>");
        html.Line("<tbody>");
        foreach (var s in summary.Rows)
        {
            html.Line("<tr>");
            html.Line($"<td class=\"num\">{s.Number}.</td>");
            html.Line($"<td><a href=\"#{E(s.Anchor)}\"><strong>{E(s.Id)} {E(s.Title.ToUpper(CultureInfo.InvariantCulture))}</strong></a>{List(s.KeyElements)}</td>");
            html.Line($"<td>{E(s.Owner)}</td>");
            html.Line($"<td>{List(s.KeyAssurances)}</td>");
            html.Line($"<td class=\"score {Rag(s.Band)}\"><strong>{E(s.Score)}</strong><br>{E(s.BandName)}{(s.Movement is { } m ? $"<br><span class=\"movement\">{E(m)}</span>" : "")}</td>");
            html.Line("</tr>");
        }

        html.Line("</tbody>");
        html.Line("</table>");
        html.Line("</section>");
    }

    private static void Section(Html html, PaperRisk risk)
    {
        html.Line($"<section class=\"risk\" id=\"{E(risk.Anchor)}\">");
        html.Line($"<h2><span class=\"num\">{risk.Number}.</span> {E(risk.Heading)}</h2>");
        html.Line("<table class=\"frame\">");
        html.Line("<colgroup><col class=\"label\"><col><col class=\"label\"><col></colgroup>");
        foreach (var pair in risk.Fields.Chunk(2))
        {
            html.Line("<tr>");
            foreach (var field in pair)
            {
                html.Line($"<th>{string.Join("<br>", field.Labels.Select(E))}{(field.Hint is { } hint ? $"<br><span class=\"hint\">{E(hint)}</span>" : "")}</th>");
                html.Line($"<td{(field.Banded ? $" class=\"{Rag(field.Band)}\"" : "")}>{string.Join("<br>", field.Lines.Select(l => Spans(l, breaks: true)))}</td>");
            }

            html.Line("</tr>");
        }

        html.Line("</table>");

        html.Line($"<h3>{E(risk.Performance.Heading)}</h3>");
        html.Line(risk.Performance.Paragraphs.Count == 0
            ? None(risk.Performance.None)
            : string.Concat(risk.Performance.Paragraphs.Select(p => $"<p>{E(p)}</p>")));

        html.Line("<div class=\"pair\">");
        html.Line("<div>");
        Items(html, risk.Controls);
        html.Line("</div>");
        html.Line("<div>");
        Items(html, risk.ControlGaps);
        Items(html, risk.AssuranceGaps);
        html.Line("</div>");
        html.Line("</div>");

        html.Line("<div class=\"pair\">");
        html.Line("<div>");
        Items(html, risk.Assurances);
        html.Line("</div>");
        html.Line("<div>");
        var actions = risk.Actions;
        html.Line($"<h3>{E(actions.Heading)}</h3>");
        if (actions.Rows.Count == 0)
        {
            html.Line(None(actions.None));
        }
        else
        {
            html.Line("<table class=\"actions\">");
            html.Line($"<thead><tr>{string.Concat(actions.Columns.Select(c => $"<th>{E(c)}</th>"))}</tr></thead>");
            html.Line("<tbody>");
            foreach (var a in actions.Rows)
            {
                html.Line($"<tr{(a.Overdue is null ? "" : " class=\"overdue\"")}>");
                html.Line($"<td>{E(a.Action)}{(a.Update is { } update ? $"<br><span class=\"hint\">{E(update)}</span>" : "")}</td>");
                html.Line($"<td>{E(a.Owner)}</td>");
                html.Line($"<td>{E(a.Due)}{(a.Overdue is { } overdue ? $"<br><strong>{E(overdue)}</strong>" : "")}</td>");
                html.Line($"<td>{E(a.Status)}</td>");
                html.Line("</tr>");
            }

            html.Line("</tbody>");
            html.Line("</table>");
        }

        html.Line("</div>");
        html.Line("</div>");
        html.Line($"<p class=\"review\">{E(risk.Review)}</p>");
        html.Line("</section>");
    }

    private static void HeatMap(Html html, PaperHeatMap map)
    {
        html.Line($"<section id=\"{E(map.Anchor)}\" class=\"heat\">");
        html.Line($"<h2>{E(map.Heading)}</h2>");
        html.Line($"<p>{E(map.Intro)}</p>");
        html.Line("<table class=\"matrix\">");
        foreach (var row in map.Rows)
        {
            html.Line("<tr>");
            html.Line($"<th class=\"axis\">{E(row.Impact)}</th>");
            foreach (var cell in row.Cells)
            {
                var content = new List<string>();
                if (cell.Strategic.Count > 0)
                {
                    content.Add(string.Join(" ", cell.Strategic.Select(id => $"<strong class=\"id\">{E(id)}</strong>")));
                }

                if (cell.Operational is { } operational)
                {
                    content.Add(E(operational));
                }

                html.Line($"<td class=\"{Rag(cell.Band)}\"><span class=\"cellscore\">{cell.Score}</span>{string.Join("<br>", content)}</td>");
            }

            html.Line("</tr>");
        }

        html.Line($"<tr><th class=\"axis corner\">{E(map.ImpactAxis)} &uarr;<br>{E(map.LikelihoodAxis)} &rarr;</th>");
        foreach (var likelihood in map.Likelihoods)
        {
            html.Line($"<th class=\"axis\">{E(likelihood)}</th>");
        }

        html.Line("</tr>");
        html.Line("</table>");
        var legend = map.Legend;
        html.Line($"<p class=\"key\">{E(legend.Label)}: {string.Join("; ", legend.Entries.Select(b => $"<span class=\"{Rag(b.Band)}\">&nbsp;{E(b.Text)}&nbsp;</span>"))}.{(legend.Note is { } note ? $" {E(note)}" : "")}</p>");
        html.Line("</section>");
    }

    /// <summary>
    /// A part of the paper that is a table: each row given as its encoded cells, the columns at
    /// <paramref name="scores"/> centred as scores; or its sentence when there are no rows.
    /// </summary>
    private static void Table<TRow>(Html html, PaperTable<TRow> table, int[] scores, Func<TRow, string> cells)
    {
        html.Line($"<section id=\"{E(table.Anchor ?? "")}\">");
        html.Line($"<h2>{E(table.Heading)}</h2>");
        if (table.Rows.Count == 0)
        {
            html.Line(None(table.None));
        }
        else
        {
            html.Line("<table>");
            html.Line($"<thead><tr>{string.Concat(table.Columns.Select((c, i) => $"<th{(scores.Contains(i) ? " class=\"score\"" : "")}>{E(c)}</th>"))}</tr></thead>");
            html.Line("<tbody>");
            foreach (var row in table.Rows)
            {
                html.Line($"<tr>{cells(row)}</tr>");
            }

            html.Line("</tbody>");
            html.Line("</table>");
        }

        html.Line("</section>");
    }

    /// <summary>A heading and its list, or its sentence when the list is empty.</summary>
    private static void Items(Html html, PaperList list)
    {
        html.Line($"<h3>{E(list.Heading)}</h3>");
        html.Line(list.Items.Count == 0
            ? None(list.None)
            : "<ul>" + string.Concat(list.Items.Select(i => $"<li>{Spans(i, breaks: false)}</li>")) + "</ul>");
    }

    /// <summary>A line's runs, each in its style; with <paramref name="breaks"/>, line breaks within a run are kept.</summary>
    private static string Spans(PaperLine line, bool breaks) => string.Concat(line.Spans.Select(span =>
    {
        var text = breaks ? E(span.Text).Replace("\n", "<br>", StringComparison.Ordinal) : E(span.Text);
        return span.Style switch
        {
            PaperStyle.Strong or PaperStyle.Headline => $"<strong>{text}</strong>",
            PaperStyle.Warning => $"<strong class=\"overdue\">{text}</strong>",
            PaperStyle.Tag => $" <span class=\"tag\">{text}</span>",
            PaperStyle.Missing => $"<span class=\"none\">{text}</span>",
            _ => text,
        };
    }));

    private static string None(string sentence) => $"<p class=\"none\">{E(sentence)}</p>";

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "" : "<ul>" + string.Concat(list.Select(i => $"<li>{E(i)}</li>")) + "</ul>";
    }

    private static string Rag(Band? band) => band is null ? "band-none" : "band-" + Vocabulary.Word(band.Rag);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Text within an element, where quotes need no escaping.</summary>
    private static string Content(string text) => E(text).Replace("&#39;", "'", StringComparison.Ordinal).Replace("&quot;", "\"", StringComparison.Ordinal);

    /// <summary>Lines joined with \n whatever the platform, so the bytes are the same everywhere.</summary>
    private sealed class Html
    {
        private readonly StringBuilder _text = new();

        public void Line(string line) => _text.Append(line).Append('\n');

        public override string ToString() => _text.ToString();
    }

    /// <summary>A band's colour as the style sheet writes it: <c>d5281b</c>.</summary>
    private static string Hex(Domain.Rag rag) => Presentation.BandColours.Hex(rag).ToLowerInvariant();

    private static readonly string Style = $$"""

        @page { size: A4 landscape; margin: 10mm 12mm 12mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #444; } }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.35; color: #111; max-width: 277mm; margin: 0 auto; padding: 0 4mm; }
        h1 { font-size: 22pt; margin: 2mm 0; }
        h2 { font-size: 14pt; margin: 0 0 3mm; padding: 1.5mm 2mm; background: #003087; color: #fff; }
        h3 { font-size: 10.5pt; margin: 3mm 0 1mm; color: #003087; }
        h2, h3 { break-after: avoid-page; }
        #outside, #partners { break-inside: avoid-page; }
        p { margin: 1mm 0; }
        ul { margin: 0.5mm 0; padding-left: 5mm; }
        li { margin: 0.3mm 0; }
        a { color: inherit; }
        table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
        th, td { border: 0.3mm solid #8a8a8a; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
        thead th { background: #e8edee; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        .cover { margin: 4mm 0 6mm; }
        .organisation { font-size: 12pt; color: #003087; font-weight: bold; }
        .period { font-size: 16pt; }
        .scope { color: #333; }
        .summary, .risk, .heat { break-before: page; }
        .risk h2 .num { font-weight: normal; }
        .frame th { background: #e8edee; width: 13%; }
        .frame td { width: 37%; }
        .num { width: 3em; text-align: right; }
        .score { text-align: center; white-space: nowrap; width: 9em; }
        .movement { font-size: 8.5pt; white-space: normal; }
        .hint { font-size: 8.5pt; color: #444; }
        .tag { font-size: 8pt; color: #333; background: #eef0f1; padding: 0 1mm; border-radius: 1mm; white-space: nowrap; }
        .none { color: #555; font-style: italic; }
        .pair { display: flex; gap: 5mm; break-inside: auto; }
        .pair > div { flex: 1 1 0; min-width: 0; }
        .actions td:nth-child(2), .actions td:nth-child(3) { white-space: nowrap; }
        tr.overdue td { background: #fde7e7; }
        .overdue, tr.overdue strong { color: #a00000; }
        .warning { border: 0.6mm solid #a00000; padding: 2mm; color: #a00000; }
        .review { font-size: 8.5pt; color: #444; margin-top: 2mm; }
        .band-red { background: #{{Hex(Domain.Rag.Red)}}; color: #fff; }
        .band-amber { background: #{{Hex(Domain.Rag.Amber)}}; color: #111; }
        .band-yellow { background: #{{Hex(Domain.Rag.Yellow)}}; color: #111; }
        .band-green { background: #{{Hex(Domain.Rag.Green)}}; color: #111; }
        .band-none { background: #fff; }
        table.cover-sheet { width: auto; max-width: 100%; margin: 3mm 0; }
        table.cover-sheet th { background: #e8edee; color: #111; text-align: left; width: 45mm; }
        .matrix { width: auto; }
        .matrix td { width: 40mm; height: 19mm; font-size: 9pt; }
        .matrix .axis { background: #fff; border: none; text-align: center; vertical-align: middle; width: 24mm; font-weight: normal; }
        .matrix .corner { font-size: 8pt; color: #444; }
        .matrix .id { white-space: nowrap; }
        .cellscore { float: right; font-size: 8pt; opacity: 0.8; margin-left: 1mm; }
        .key span { padding: 0.3mm 0; }
        footer { font-size: 8.5pt; color: #333; border-top: 0.3mm solid #8a8a8a; margin-top: 4mm; padding-top: 2mm; }
        .sha { font-family: "Liberation Mono", monospace; font-size: 8pt; }
        nav ol { margin: 1mm 0; }
        @media screen { body { padding-bottom: 10mm; } section { margin-bottom: 8mm; } }

        """;
}
