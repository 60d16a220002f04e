using System.Globalization;
using System.Net;
using System.Text;
using Risks.Core.Domain;
using Risks.Core.Presentation;

namespace Risks.Core.Papers;

/// <summary>
/// The paper as one self-contained HTML file: styles inline, no scripts, fonts, images or links
/// to fetch, so it opens offline and prints to A4 landscape. The output is a function of the
/// paper alone: the same paper gives the same bytes.
/// </summary>
public static class PaperHtml
{
    public static string Render(BoardPaper paper)
    {
        var html = new Html();
        html.Line("<!DOCTYPE html>");
        html.Line("<html lang=\"en-GB\">");
        html.Line("<head>");
        html.Line("<meta charset=\"utf-8\">");
        html.Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Line($"<title>{E(paper.Organisation)}: Board Assurance Framework, {E(paper.Period)}</title>");
        html.Line($"<style>{Style}</style>");
        html.Line("</head>");
        html.Line("<body>");

        html.Line("<header class=\"cover\">");
        html.Line($"<p class=\"organisation\">{E(paper.Organisation)}</p>");
        html.Line($"<h1>Board Assurance Framework</h1>");
        html.Line($"<p class=\"period\">{E(paper.Period)}</p>");
        html.Line($"<p class=\"scope\">{E(paper.ScopeLine)} {E(paper.MovementLine)}</p>");
        if (paper.Unreadable.Count > 0)
        {
            html.Line($"<p class=\"warning\"><strong>Incomplete:</strong> {E(Text.Count(paper.Unreadable.Count, "risk file"))} could not be read at this commit and {(paper.Unreadable.Count == 1 ? "is" : "are")} not in this paper: {E(string.Join(", ", paper.Unreadable))}.</p>");
        }

        html.Line("<nav><ol>");
        html.Line("<li><a href=\"#summary\">Summary report</a></li>");
        html.Line("<li><a href=\"#risks\">Individual risks: controls, gaps, assurances and actions</a></li>");
        html.Line("<li><a href=\"#heat-map\">Heat map</a></li>");
        html.Line("<li><a href=\"#outside\">Risks outside appetite or target</a></li>");
        html.Line("<li><a href=\"#partners\">Partner organisations' red risks</a></li>");
        html.Line("</ol></nav>");
        html.Line("</header>");

        Summary(html, paper);
        html.Line("<div id=\"risks\">");
        foreach (var section in paper.Risks)
        {
            Section(html, section, paper);
        }

        html.Line("</div>");
        HeatMap(html, paper);
        Outside(html, paper);
        Partners(html, paper);

        html.Line("<footer>");
        html.Line($"<p>{E(paper.Organisation)} &middot; Board Assurance Framework, {E(paper.Period)}</p>");
        html.Line($"<p>{E(paper.IterationLine)} &middot; {E(paper.CommitLine)} &middot; as at {E(Formats.Date(paper.Source.AsAt))}</p>");
        html.Line($"<p class=\"sha\">Commit {E(paper.Source.Commit)}</p>");
        html.Line("</footer>");
        html.Line("</body>");
        html.Line("</html>");
        return html.ToString();
    }

    private static void Summary(Html html, BoardPaper paper)
    {
        html.Line("<section id=\"summary\" class=\"summary\">");
        html.Line("<h2>BAF risks: summary report</h2>");
        if (paper.Risks.Count == 0)
        {
            html.Line("<p class=\"none\">No open strategic risks are on the register.</p>");
            html.Line("</section>");
            return;
        }

        html.Line("<table>");
        html.Line("<thead><tr><th class=\"num\">No</th><th>Risk and key elements</th><th>SRO</th><th>Key assurances</th><th class=\"score\">I x L = score</th></tr></thead>");
        html.Line("<tbody>");
        foreach (var s in paper.Risks)
        {
            html.Line("<tr>");
            html.Line($"<td class=\"num\">{s.Number}.</td>");
            html.Line($"<td><a href=\"#{Anchor(s)}\"><strong>{E(s.Risk.Id.Value)} {E(s.Risk.Title.ToUpper(CultureInfo.InvariantCulture))}</strong></a>{List(s.Risk.KeyElements)}</td>");
            html.Line($"<td>{E(s.OwnerName)}</td>");
            html.Line($"<td>{List(s.KeyAssurances.Select(a => a.Text))}</td>");
            html.Line($"<td class=\"score {Rag(s.Facts.Band)}\"><strong>{E(s.Risk.Current?.ToString() ?? "Not scored")}</strong><br>{E(s.Facts.Band?.Name ?? "")}{(s.Movement is { } m ? $"<br><span class=\"movement\">{E(m)}</span>" : "")}</td>");
            html.Line("</tr>");
        }

        html.Line("</tbody>");
        html.Line("</table>");
        html.Line("</section>");
    }

    private static void Section(Html html, RiskSection s, BoardPaper paper)
    {
        var r = s.Risk;
        html.Line($"<section class=\"risk\" id=\"{Anchor(s)}\">");
        html.Line($"<h2><span class=\"num\">{s.Number}.</span> {E(r.Id.Value)} {E(r.Title)}</h2>");
        html.Line("<table class=\"frame\">");
        html.Line("<colgroup><col class=\"label\"><col><col class=\"label\"><col></colgroup>");
        html.Line("<tr>");
        html.Line("<th>Risk narrative</th>");
        html.Line($"<td>{Narrative(r.Narrative)}</td>");
        html.Line("<th>Risk score<br><span class=\"hint\">impact x likelihood</span></th>");
        html.Line($"<td class=\"{Rag(s.Facts.Band)}\"><strong>{E(s.Score)}</strong>{(r.Current?.Rationale is { } why ? $"<br>{E(why)}" : "")}{(s.Movement is { } m ? $"<br><strong>{E(BoardPaper.Sentence(m))}</strong>" : "")}</td>");
        html.Line("</tr>");
        html.Line("<tr>");
        html.Line("<th>Risk owner</th>");
        html.Line($"<td>{E(s.Owner)}{(s.Leads.Count > 0 ? $"<br>Leads: {E(Text.All(s.Leads))}" : "")}</td>");
        html.Line("<th>Directorate<br>Committee</th>");
        html.Line($"<td>{E(r.Directorate ?? "")}<br>{E(string.Join("; ", r.Committees))}</td>");
        html.Line("</tr>");
        html.Line("<tr>");
        html.Line("<th>Strategic objectives</th>");
        html.Line($"<td>{E(string.Join("; ", s.Objectives))}</td>");
        html.Line("<th>Linked risks</th>");
        html.Line($"<td>{E(string.Join("; ", s.Linked))}</td>");
        html.Line("</tr>");
        html.Line("<tr>");
        html.Line("<th>Inherent and target</th>");
        html.Line($"<td>Inherent {E(Formats.Score(r.Inherent))}; target {E(Formats.Score(r.Target))}{(r.TargetDate is { } td ? $" by {E(Formats.Date(td))}" : "")}{(s.Facts.TargetDateMissed ? " <strong class=\"overdue\">(target date passed)</strong>" : "")}</td>");
        html.Line("<th>Response and trajectory</th>");
        html.Line($"<td>{E(Words(r.Response))}{(r.Trajectory is { } t ? $"; {E(Vocabulary.Phrase(t))}" : "")}</td>");
        html.Line("</tr>");
        html.Line("</table>");

        html.Line("<h3>Current performance against target and trajectory</h3>");
        html.Line(r.Performance is { } performance ? Paragraphs(performance) : "<p class=\"none\">Not stated.</p>");

        html.Line("<div class=\"pair\">");
        html.Line("<div>");
        html.Line("<h3>How is it being addressed? (controls)</h3>");
        html.Line(Items(r.Controls.Select(c => E(c.Text) + (c.Effectiveness is { } e ? $" <span class=\"tag\">{E(Vocabulary.Phrase(e))}</span>" : "")), "No controls recorded."));
        html.Line("</div>");
        html.Line("<div>");
        html.Line("<h3>Gaps in control</h3>");
        html.Line(Items(s.ControlGaps.Select(g => E(g.Text)), "None recorded."));
        html.Line("<h3>Gaps in assurance</h3>");
        html.Line(Items(s.AssuranceGaps.Select(g => E(g.Text)), "None recorded."));
        html.Line("</div>");
        html.Line("</div>");

        html.Line("<div class=\"pair\">");
        html.Line("<div>");
        html.Line("<h3>How will we know it is working? (assurances)</h3>");
        html.Line(Items(r.Assurances.Select(Assurance), "No assurances recorded."));
        html.Line("</div>");
        html.Line("<div>");
        html.Line("<h3>Next steps (actions)</h3>");
        if (s.Actions.Count == 0)
        {
            html.Line("<p class=\"none\">No actions recorded.</p>");
        }
        else
        {
            html.Line("<table class=\"actions\">");
            html.Line("<thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Status</th></tr></thead>");
            html.Line("<tbody>");
            foreach (var a in s.Actions)
            {
                html.Line($"<tr{(a.Overdue ? " class=\"overdue\"" : "")}>");
                html.Line($"<td>{E(a.Action.Text)}{(a.Action.Update is { } update ? $"<br><span class=\"hint\">{E(update)}</span>" : "")}</td>");
                html.Line($"<td>{E(a.Owner)}</td>");
                html.Line($"<td>{E(a.Due)}{(a.Overdue ? "<br><strong>OVERDUE</strong>" : "")}</td>");
                html.Line($"<td>{E(a.Status)}</td>");
                html.Line("</tr>");
            }

            html.Line("</tbody>");
            html.Line("</table>");
        }

        html.Line("</div>");
        html.Line("</div>");
        var review = r.LastReviewed is { } last ? $"Last reviewed {Formats.Date(last.Date)}" : "Not yet reviewed";
        html.Line($"<p class=\"review\">{E(review)}{(r.NextReview is { } next ? $"; next review {E(Formats.Date(next))}" : "")}. {E(paper.IterationLine)}; {E(paper.CommitLine)}.</p>");
        html.Line("</section>");
    }

    private static void HeatMap(Html html, BoardPaper paper)
    {
        html.Line("<section id=\"heat-map\" class=\"heat\">");
        html.Line("<h2>Heat map: open risks by current score</h2>");
        html.Line("<p>Each cell lists the strategic risks in it and counts the operational risks.</p>");
        html.Line("<table class=\"matrix\">");
        for (var impact = 5; impact >= 1; impact--)
        {
            html.Line("<tr>");
            html.Line($"<th class=\"axis\">{E(paper.Scoring.DescribeImpact(impact))}</th>");
            for (var likelihood = 1; likelihood <= 5; likelihood++)
            {
                var cell = paper.HeatMap.At(impact, likelihood);
                var content = new List<string>();
                if (cell.Strategic.Count > 0)
                {
                    content.Add(string.Join(" ", cell.Strategic.Select(id => $"<strong class=\"id\">{E(id)}</strong>")));
                }

                if (cell.Operational > 0)
                {
                    content.Add(E(Text.Count(cell.Operational, "operational risk")));
                }

                html.Line($"<td class=\"{Rag(cell.Band)}\"><span class=\"cellscore\">{cell.Score}</span>{string.Join("<br>", content)}</td>");
            }

            html.Line("</tr>");
        }

        html.Line("<tr><th class=\"axis corner\">Impact &uarr;<br>Likelihood &rarr;</th>");
        for (var likelihood = 1; likelihood <= 5; likelihood++)
        {
            html.Line($"<th class=\"axis\">{E(paper.Scoring.DescribeLikelihood(likelihood))}</th>");
        }

        html.Line("</tr>");
        html.Line("</table>");
        html.Line($"<p class=\"key\">Bands: {string.Join("; ", paper.Bands.Bands.Select(b => $"<span class=\"{Rag(b)}\">&nbsp;{E(b.Name)} {b.Min}-{b.Max}&nbsp;</span>"))}.{(paper.HeatMap.Unscored > 0 ? $" {E(Text.Count(paper.HeatMap.Unscored, "open risk"))} without a current score not shown." : "")}</p>");
        html.Line("</section>");
    }

    private static void Outside(Html html, BoardPaper paper) => ListSection(
        html,
        "outside",
        "Risks outside appetite or target",
        "Every open risk is within appetite and at or below its target score.",
        "<th>Risk</th><th class=\"score\">Current</th><th class=\"score\">Target</th><th>Target date</th><th>Tolerance exceeded (objective: tolerance, appetite)</th>",
        paper.Outside.Select(row =>
            $"<td><strong>{E(row.Risk.Id.Value)}</strong> {E(row.Risk.Title)}</td>" +
            $"<td class=\"score {Rag(paper.Bands.For(row.Current ?? 0))}\">{row.Current}</td>" +
            $"<td class=\"score\">{row.Target}</td>" +
            $"<td>{E(row.TargetDate)}{(row.TargetDateMissed ? " <strong class=\"overdue\">passed</strong>" : "")}</td>" +
            $"<td>{E(row.Appetite)}</td>"));

    private static void Partners(Html html, BoardPaper paper) => ListSection(
        html,
        "partners",
        "Partner organisations' red risks",
        "No partner risks recorded.",
        "<th>Organisation</th><th>Risk</th><th class=\"score\">Score</th><th>Reported</th>",
        paper.PartnerRisks.Select(p =>
            $"<td>{E(p.Organisation)}</td><td>{E(p.Title)}</td><td class=\"score {Rag(paper.Bands.For(p.Score))}\">{p.Score}</td><td>{E(Formats.Date(p.Reported))}</td>"));

    /// <summary>A section holding a table of rows (each given as its encoded cells), or a sentence when there are none.</summary>
    private static void ListSection(Html html, string id, string heading, string none, string header, IEnumerable<string> rows)
    {
        html.Line($"<section id=\"{id}\">");
        html.Line($"<h2>{E(heading)}</h2>");
        var list = rows.ToList();
        if (list.Count == 0)
        {
            html.Line($"<p class=\"none\">{E(none)}</p>");
        }
        else
        {
            html.Line("<table>");
            html.Line($"<thead><tr>{header}</tr></thead>");
            html.Line("<tbody>");
            foreach (var row in list)
            {
                html.Line($"<tr>{row}</tr>");
            }

            html.Line("</tbody>");
            html.Line("</table>");
        }

        html.Line("</section>");
    }

    private static string Narrative(Narrative n)
    {
        var parts = new List<string>();
        if (n.Cause is { } cause)
        {
            parts.Add($"<strong>Cause:</strong> {E(cause).Replace("\n", "<br>", StringComparison.Ordinal)}");
        }

        if (n.Event is { } ev)
        {
            parts.Add($"<strong>Event:</strong> {E(ev).Replace("\n", "<br>", StringComparison.Ordinal)}");
        }

        if (n.Effect is { } effect)
        {
            parts.Add($"<strong>Effect:</strong> {E(effect).Replace("\n", "<br>", StringComparison.Ordinal)}");
        }

        return parts.Count == 0 ? "<span class=\"none\">Not stated.</span>" : string.Join("<br>", parts);
    }

    private static string Assurance(Assurance a)
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

        return (a.Key ? "<strong>Key:</strong> " : "") + E(a.Text) + (tags.Count > 0 ? $" <span class=\"tag\">{E(string.Join(", ", tags))}</span>" : "");
    }

    private static string Words(RiskResponse? response) => response is { } r ? ActionLine.Capitalise(Vocabulary.Phrase(r)) : "Not stated";

    private static string Anchor(RiskSection s) => "risk-" + s.Risk.Id.Value.ToLowerInvariant();

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "" : "<ul>" + string.Concat(list.Select(i => $"<li>{E(i)}</li>")) + "</ul>";
    }

    private static string Items(IEnumerable<string> encoded, string none)
    {
        var list = encoded.ToList();
        return list.Count == 0 ? $"<p class=\"none\">{E(none)}</p>" : "<ul>" + string.Concat(list.Select(i => $"<li>{i}</li>")) + "</ul>";
    }

    private static string Paragraphs(string text) =>
        string.Concat(text.Split('\n').Where(l => l.Trim().Length > 0).Select(l => $"<p>{E(l.Trim())}</p>"));

    private static string Rag(Band? band) => band is null ? "band-none" : "band-" + Vocabulary.Word(band.Rag);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Lines joined with \n whatever the platform, so the bytes are the same everywhere.</summary>
    private sealed class Html
    {
        private readonly StringBuilder _text = new();

        public void Line(string line) => _text.Append(line).Append('\n');

        public override string ToString() => _text.ToString();
    }

    private const string Style = """

        @page { size: A4 landscape; margin: 10mm 12mm 12mm; }
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
        .band-red { background: #d5281b; color: #fff; }
        .band-amber { background: #ffb81c; color: #111; }
        .band-yellow { background: #fff27a; color: #111; }
        .band-green { background: #78be20; color: #111; }
        .band-none { background: #fff; }
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
