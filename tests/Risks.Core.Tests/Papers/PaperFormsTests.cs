using System.Net;
using System.Text.RegularExpressions;
using Risks.Core.Domain;
using Risks.Core.Papers;

namespace Risks.Core.Tests.Papers;

/// <summary>
/// The HTML and Markdown papers say the same things: every heading, field label and value of the
/// paper's document appears in both, so neither form can drop or reword a field on its own.
/// </summary>
public sealed partial class PaperFormsTests
{
    private static BoardPaper Paper()
    {
        var risk = Samples.Inequalities() with
        {
            Title = "Inequalities | gaps",
            Directorate = "Strategy and Partnerships",
            KeyElements = ["Inequalities strategy", "Data analytics"],
            Narrative = Samples.Inequalities().Narrative with { Effect = "Outcomes stay unequal\nacross the area." },
            Current = new Score(3, 3) { Rationale = "Down as the dashboard is published" },
            Response = RiskResponse.Treat,
            Trajectory = Trajectory.Improving,
            Performance = "The dashboard is live.\n\nThe slope index is flat.",
            TargetDate = new DateOnly(2025, 1, 31),
            Gaps = [.. Samples.Inequalities().Gaps, new Gap { Id = "G2", Type = GapType.Assurance, Text = "Limited analytics resource." }],
            Assurances =
            [
                new Assurance
                {
                    Id = "S1",
                    Text = "Internal audit.",
                    Key = true,
                    Line = 3,
                    Source = AssuranceSource.Independent,
                    Rating = AssuranceRating.Substantial,
                    Outcome = AssuranceOutcome.Positive,
                    Date = new DateOnly(2025, 2, 10),
                },
            ],
            Custom = new Dictionary<string, CustomValue>(StringComparer.Ordinal)
            {
                ["cqc_domain"] = CustomValue.Of("Well-led"),
                ["risk_source"] = CustomValue.Of("Walk-round finding"),
            },
        };
        var unscored = Samples.Operational("CRR-003") with { Current = null };
        var settings = Samples.Settings() with
        {
            PartnerRisks = [new PartnerRisk { Organisation = "MSEFT", Title = "Financial sustainability", Score = 25, Reported = new DateOnly(2025, 2, 28) }],
            CustomFields =
            [
                new CustomField { Key = "cqc_domain", Label = "CQC domain", Type = CustomFieldType.Choice, Choices = ["Safe", "Well-led"], OnPaper = true },
                new CustomField { Key = "date_identified", Label = "Date identified", Type = CustomFieldType.Date, OnPaper = true },
                new CustomField { Key = "risk_source", Label = "Risk source", Type = CustomFieldType.Text },
            ],
        };
        var source = new PaperSource
        {
            Commit = "0123456789abcdef0123456789abcdef01234567",
            Committed = new DateTimeOffset(2025, 3, 6, 11, 0, 0, TimeSpan.Zero),
            Iteration = "2025-03",
            IterationTitle = "Board, 13 March 2025",
            IterationBoardDate = new DateOnly(2025, 3, 13),
            IterationCut = new DateTimeOffset(2025, 3, 6, 17, 0, 0, TimeSpan.Zero),
            IterationCutBy = "Sara O'Connor",
            Baseline = "2025-01",
            BaselineBoardDate = new DateOnly(2025, 1, 16),
        };
        return BoardPaper.Of(settings, [risk, Samples.Operational(), unscored], [Samples.Inequalities()], source) with
        {
            Unreadable = ["risks/BAF/00/BAF-02.yaml"],
        };
    }

    [Fact]
    public void Both_forms_show_every_heading_label_and_value_of_the_document()
    {
        var document = PaperDocument.Of(Paper());

        var html = PaperHtml.Render(document);
        var markdown = PaperMarkdown.Render(document);

        var words = Words(document).ToList();
        words.ShouldContain("Response and trajectory");
        words.ShouldContain("Treat; improving");
        words.ShouldContain("line 3, independent, substantial assurance, positive, 10 Feb 2025");
        words.ShouldContain("(target date passed)");
        Missing(document, FromHtml(html)).ShouldBeEmpty("missing from the HTML");
        Missing(document, FromMarkdown(markdown)).ShouldBeEmpty("missing from the Markdown");
    }

    [Fact]
    public void The_check_finds_a_field_one_form_leaves_out()
    {
        var document = PaperDocument.Of(Paper());
        var risk = document.Risks.Single();
        var cut = document with { Risks = [risk with { Fields = [.. risk.Fields.Where(f => f.Labels[0] != "Response and trajectory")] }] };

        Missing(document, FromMarkdown(PaperMarkdown.Render(cut))).ShouldBe(["Response and trajectory", "Treat; improving"]);
    }

    [Fact]
    public void A_field_added_to_a_risk_appears_in_both_forms()
    {
        var document = PaperDocument.Of(Paper());
        var risk = document.Risks.Single();
        var added = document with { Risks = [risk with { Fields = [.. risk.Fields, PaperField.Of("Funding stream", "Health inequalities fund")] }] };

        PaperHtml.Render(added).ShouldContain("<th>Funding stream</th>\n<td>Health inequalities fund</td>");
        PaperMarkdown.Render(added).ShouldContain("- **Funding stream:** Health inequalities fund\n");
    }

    /// <summary>The words of the document the forms must show, each once.</summary>
    private static IEnumerable<string> Words(PaperDocument d)
    {
        IEnumerable<string> Lines(IEnumerable<PaperLine> lines) => lines.SelectMany(l => l.Spans).Select(s => s.Text);

        var cover = d.Cover;
        IEnumerable<string> all =
        [
            cover.Organisation, cover.Title, cover.Period, cover.Scope, cover.Incomplete!.Label, cover.Incomplete.Text,
            .. d.Contents.Select(c => c.Title),
            d.Summary.Heading, .. d.Summary.Columns,
            .. d.Summary.Rows.SelectMany(r => (IEnumerable<string>)[r.Id, r.Title, .. r.KeyElements, r.Owner, .. r.KeyAssurances, r.Score, r.BandName, r.Movement ?? ""]),
            .. d.Risks.SelectMany(r => (IEnumerable<string>)
            [
                r.Heading,
                .. r.Fields.SelectMany(f => (IEnumerable<string>)[.. f.Labels, f.Hint ?? "", .. Lines(f.Lines)]),
                r.Performance.Heading, .. r.Performance.Paragraphs,
                .. new[] { r.Controls, r.ControlGaps, r.AssuranceGaps, r.Assurances }.SelectMany(l => (IEnumerable<string>)[l.Heading, .. Lines(l.Items)]),
                r.Actions.Heading, .. r.Actions.Columns,
                .. r.Actions.Rows.SelectMany(a => (IEnumerable<string>)[a.Action, a.Update ?? "", a.Owner, a.Due, a.Overdue ?? "", a.Status]),
                r.Review,
            ]),
            d.HeatMap.Heading, d.HeatMap.Intro, d.HeatMap.ImpactAxis, d.HeatMap.LikelihoodAxis, .. d.HeatMap.Likelihoods,
            .. d.HeatMap.Rows.SelectMany(r => (IEnumerable<string>)[r.Impact, .. r.Cells.SelectMany(c => (IEnumerable<string>)[.. c.Strategic, c.Operational ?? ""])]),
            d.HeatMap.Legend.Label, .. d.HeatMap.Legend.Entries.Select(e => e.Text), d.HeatMap.Legend.Note ?? "",
            d.Outside.Heading, .. d.Outside.Columns,
            .. d.Outside.Rows.SelectMany(r => (IEnumerable<string>)[r.Id, r.Title, r.Current, r.Target, r.TargetDate, r.Passed ?? "", r.Appetite]),
            d.Partners.Heading, .. d.Partners.Columns,
            .. d.Partners.Rows.SelectMany(r => (IEnumerable<string>)[r.Organisation, r.Title, r.Score, r.Source]),
            d.Footer.Organisation, d.Footer.Title, d.Footer.Iteration, d.Footer.Commit, d.Footer.AsAt, d.Footer.Sha,
        ];
        return all.Select(Squeeze).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal);
    }

    /// <summary>The document's words that <paramref name="shown"/> lacks (ignoring case, emphasis and line breaks).</summary>
    private static List<string> Missing(PaperDocument document, string shown) =>
        [.. Words(document).Where(w => !shown.Contains(w.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))];

    /// <summary>What the HTML's reader sees: tags gone, entities decoded.</summary>
    private static string FromHtml(string html) =>
        Squeeze(WebUtility.HtmlDecode(Tag().Replace(html.Replace("<br>", "\n", StringComparison.Ordinal), "")));

    /// <summary>What the Markdown's reader sees: emphasis, line-break tags and escapes gone.</summary>
    private static string FromMarkdown(string markdown) =>
        Squeeze(markdown.Replace("**", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)
            .Replace("<br>", "\n", StringComparison.Ordinal).Replace("\\|", "|", StringComparison.Ordinal));

    private static string Squeeze(string text) => Space().Replace(text, " ").Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [Fact]
    public void The_register_s_own_fields_chosen_for_the_paper_are_in_both_forms_and_no_others()
    {
        var paper = Paper();
        foreach (var text in new[] { PaperHtml.Render(paper), PaperMarkdown.Render(paper) })
        {
            text.ShouldContain("CQC domain");
            text.ShouldContain("Well-led");
            text.ShouldContain("Date identified");
            text.ShouldNotContain("Risk source");
            text.ShouldNotContain("Walk-round finding");
        }
    }
}
