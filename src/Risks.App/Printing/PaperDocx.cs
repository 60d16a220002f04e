using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Risks.Core.Domain;
using Risks.Core.Papers;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Risks.App.Printing;

/// <summary>
/// The paper as a Word document (.docx), laid out from the same <see cref="PaperDocument"/> as the
/// HTML and Markdown: Word's own heading styles (so the navigation pane and a table of contents
/// work), real tables with header rows that repeat on each page, scores shaded in their band's
/// colour, on A4 landscape pages numbered in the footer. Nothing in it depends on when it is made:
/// the document's dates are the commit's, and so are the zip entries', so a paper made from an
/// iteration is the same file every time.
/// </summary>
public static class PaperDocx
{
    private const string Font = "Arial";

    public static void Write(BoardPaper paper, Stream output)
    {
        var document = PaperDocument.Of(paper);
        using var buffer = new MemoryStream();
        using (var word = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            Styles(main);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Right }),
                Run($"{document.Footer.Organisation} · {document.Footer.Title} · page ", size: 16),
                Field("PAGE"),
                Run(" of ", size: 16),
                Field("NUMPAGES")));
            var body = new Body();
            Fill(body, document);
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 680, Bottom = 680, Left = 720, Right = 720, Header = 360, Footer = 360, Gutter = 0 }));
            main.Document = new Document(body);
            word.PackageProperties.Title = document.Cover.FullTitle;
            word.PackageProperties.Creator = document.Cover.Organisation;
            word.PackageProperties.Created = paper.Source.Committed.UtcDateTime;
            word.PackageProperties.Modified = paper.Source.Committed.UtcDateTime;
        }

        Storage.Files.OpenXmlFile.Repack(buffer, output, paper.Source.Committed);
    }

    private static void Fill(Body body, PaperDocument paper)
    {
        var cover = paper.Cover;
        body.Append(Heading(cover.FullTitle, "Title"));
        body.Append(Para(cover.Scope));
        if (cover.Incomplete is { } incomplete)
        {
            body.Append(new Paragraph(Run(incomplete.Label + " ", bold: true, colour: "D5281B"), Run(incomplete.Text)));
        }

        body.Append(Heading(paper.CoverSheet.Heading, "Heading2"));
        body.Append(Table(["Part", "Detail"], paper.CoverSheet.Rows.Select(r => new[] { Cell(Run(r.Label, bold: true)), Cell(r.Value) }), [22, 78], header: false));
        body.Append(Heading("Contents", "Heading2"));
        foreach (var (entry, i) in paper.Contents.Select((e, i) => (e, i)))
        {
            body.Append(Para($"{i + 1}. {entry.Title}"));
        }

        var summary = paper.Summary;
        body.Append(Heading(summary.Heading, "Heading1"));
        if (summary.Rows.Count == 0)
        {
            body.Append(Para(summary.None));
        }
        else
        {
            body.Append(Table(summary.Columns, summary.Rows.Select(s => new[]
            {
                Cell(s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Cell([Para(Run($"{s.Id} {s.Title}", bold: true)), .. s.KeyElements.Select(k => Para("• " + k))]),
                Cell(s.Owner),
                Cell([.. s.KeyAssurances.Select(a => Para("• " + a)).DefaultIfEmpty(Para(""))]),
                Cell([Para(Run(s.Score, bold: true)), Para(s.BandName), .. s.Movement is { } m ? new[] { Para(m) } : []], s.Band),
            }), [6, 34, 14, 32, 14]));
        }

        Section(body, paper.Objectives, o => [Cell(Run(o.Id, bold: true)), Cell(o.Title), Cell(o.Appetite), Cell(o.Tolerance)], [22, 58, 10, 10]);

        foreach (var r in paper.Risks)
        {
            body.Append(Heading($"{r.Number}. {r.Heading}", "Heading1", pageBreak: true));
            body.Append(Table(["Field", "Value"], r.Fields.Select(f => new[]
            {
                Cell(Run(string.Join(" / ", f.Labels) + (f.Hint is { } hint ? $" ({hint})" : ""), bold: true)),
                Cell([.. f.Lines.Select(Line)], f.Banded ? f.Band : null, banded: f.Banded),
            }), [24, 76], header: false));
            body.Append(Heading(r.Performance.Heading, "Heading2"));
            foreach (var paragraph in r.Performance.Paragraphs.DefaultIfEmpty(r.Performance.None))
            {
                body.Append(Para(paragraph));
            }

            foreach (var list in new[] { r.Controls, r.ControlGaps, r.AssuranceGaps, r.Assurances })
            {
                body.Append(Heading(list.Heading, "Heading2"));
                if (list.Items.Count == 0)
                {
                    body.Append(Para(list.None));
                }

                foreach (var item in list.Items)
                {
                    body.Append(new Paragraph([new ParagraphProperties(new ParagraphStyleId { Val = "ListBullet" }), .. Runs(item)]));
                }
            }

            body.Append(Heading(r.Actions.Heading, "Heading2"));
            body.Append(r.Actions.Rows.Count == 0
                ? Para(r.Actions.None)
                : Table(r.Actions.Columns, r.Actions.Rows.Select(a => new[]
                {
                    Cell([Para(a.Action), .. a.Update is { } update ? new[] { new Paragraph(Run(update, italic: true)) } : []]),
                    Cell(a.Owner),
                    Cell(new Paragraph([Run(a.Due), .. a.Overdue is { } overdue ? new[] { Run(" " + overdue, bold: true, colour: "D5281B") } : []])),
                    Cell(a.Status),
                }), [52, 18, 15, 15]));
            body.Append(Para(r.Review));
        }

        var map = paper.HeatMap;
        body.Append(Heading(map.Heading, "Heading1", pageBreak: true));
        body.Append(Para(map.Intro));
        body.Append(Table(
            [$"{map.ImpactAxis} ↑ / {map.LikelihoodAxis} →", .. map.Likelihoods],
            map.Rows.Select(row => new[] { Cell(Run(row.Impact, bold: true)) }.Concat(row.Cells.Select(cell => Cell(
                [Para(Run($"{cell.Score} {cell.BandName}".TrimEnd(), bold: true)), .. cell.Strategic.Count > 0 ? new[] { Para(string.Join(" ", cell.Strategic)) } : [], .. cell.Operational is { } o ? new[] { Para(o) } : []],
                cell.Band))).ToArray()),
            [20, 16, 16, 16, 16, 16]));
        body.Append(Para($"{map.Legend.Label}: {string.Join("; ", map.Legend.Entries.Select(e => e.Text))}.{(map.Legend.Note is { } note ? $" {note}" : "")}"));

        Section(body, paper.Outside, row => [Cell(Run($"{row.Id} {row.Title}", bold: true)), Cell(row.Current, row.CurrentBand), Cell(row.Target), Cell(new Paragraph([Run(row.TargetDate), .. row.Passed is { } passed ? new[] { Run($" ({passed})", bold: true, colour: "D5281B") } : []])), Cell(row.Appetite)], [34, 10, 10, 16, 30]);
        Section(body, paper.Partners, p => [Cell(p.Organisation), Cell(p.Title), Cell(p.Score, p.Band), Cell(p.Source)], [25, 45, 10, 20]);
        Section(body, paper.BoardActions, a => [Cell(a.Number), Cell([Para(Run(a.Item, bold: true)), Para(a.Action)]), Cell(a.Leads), Cell(new Paragraph([Run(a.Deadline), .. a.Overdue is { } overdue ? new[] { Run($" ({overdue})", bold: true, colour: "D5281B") } : []])), Cell(a.Status), Cell(a.LatestUpdate)], [6, 34, 14, 12, 10, 24]);
        Section(body, paper.Undertakings, u => [Cell(u.Number), Cell([Para(Run(u.Title, bold: true)), Para(u.Undertaking)]), Cell(u.Regulator), Cell(u.Leads), Cell([.. u.Milestones.Select(m => new Paragraph(Run(m.Text, bold: m.Overdue, colour: m.Overdue ? "D5281B" : null))).DefaultIfEmpty(Para(""))]), Cell(u.Status)], [5, 33, 16, 12, 24, 10]);

        var footer = paper.Footer;
        body.Append(Para($"{footer.Organisation} · {footer.Title}"));
        body.Append(Para($"{footer.Iteration} · {footer.Commit} · {footer.AsAt}"));
        body.Append(Para($"Commit {footer.Sha}"));
    }

    private static void Section<TRow>(Body body, PaperTable<TRow> table, Func<TRow, TableCell[]> cells, int[] widths)
    {
        body.Append(Heading(table.Heading, "Heading1"));
        body.Append(table.Rows.Count == 0 ? Para(table.None) : Table(table.Columns, table.Rows.Select(cells), widths));
    }

    /// <summary>A table over the page's width (<paramref name="widths"/> in per cent), its header row repeated on every page it runs onto.</summary>
    private static Table Table(IReadOnlyList<string> columns, IEnumerable<TableCell[]> rows, int[] widths, bool header = true)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "PaperTable" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid([.. widths.Select(w => new GridColumn { Width = (w * 153).ToString(System.Globalization.CultureInfo.InvariantCulture) })]));
        if (header)
        {
            table.Append(new TableRow([
                new TableRowProperties(new TableHeader(), new CantSplit()),
                .. columns.Select(c => Shaded(Cell(Run(c, bold: true, colour: "FFFFFF")), "003087"))]));
        }

        foreach (var row in rows)
        {
            table.Append(new TableRow([new TableRowProperties(new CantSplit()), .. row]));
        }

        return table;
    }

    private static TableCell Cell(string text, Band? band = null) => Cell([Para(text)], band);

    private static TableCell Cell(Run run) => Cell([new Paragraph(run)]);

    private static TableCell Cell(Paragraph paragraph) => Cell([paragraph]);

    private static TableCell Cell(IReadOnlyList<Paragraph> paragraphs, Band? band = null, bool banded = false)
    {
        var cell = new TableCell([.. paragraphs]);
        return band is null ? cell : Shaded(cell, Colour(band.Rag));
    }

    private static TableCell Shaded(TableCell cell, string fill)
    {
        cell.PrependChild(new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill }));
        return cell;
    }

    private static string Colour(Rag rag) => Core.Presentation.BandColours.Hex(rag);

    private static Paragraph Heading(string text, string style, bool pageBreak = false) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }, pageBreak ? new PageBreakBefore() : null!), Run(text));

    private static Paragraph Para(string text) => new(Run(text));

    private static Paragraph Para(Run run) => new(run);

    private static Paragraph Line(PaperLine line) => new(Runs(line));

    private static IEnumerable<Run> Runs(PaperLine line) => line.Spans.Select(span => span.Style switch
    {
        PaperStyle.Strong or PaperStyle.Headline => Run(span.Text, bold: true),
        PaperStyle.Warning => Run(span.Text, bold: true, colour: "D5281B"),
        PaperStyle.Tag => Run(" " + span.Text.Trim(), size: 16, colour: "444444"),
        PaperStyle.Missing => Run(span.Text, italic: true, colour: "666666"),
        _ => Run(span.Text),
    });

    private static Run Run(string text, bool bold = false, bool italic = false, string? colour = null, int? size = null)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        if (colour is not null)
        {
            properties.Append(new Color { Val = colour });
        }

        if (size is { } half)
        {
            properties.Append(new FontSize { Val = half.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var run = new Run();
        if (properties.HasChildren)
        {
            run.Append(properties);
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new WordText(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    /// <summary>A field Word fills in when it lays the page out: PAGE, NUMPAGES.</summary>
    private static SimpleField Field(string code) => new(Run("1", size: 16)) { Instruction = $" {code} " };

    /// <summary>Word's built-in styles the document uses, so headings are Word's headings.</summary>
    private static void Styles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        Style Paragraph(string id, string name, int size, bool bold, string? colour = null, int? outline = null, string? basedOn = "Normal") =>
            new(
                new StyleName { Val = name },
                basedOn is null ? null! : new BasedOn { Val = basedOn },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "200", After = "80" }, outline is { } level ? new OutlineLevel { Val = level } : null!),
                new StyleRunProperties(bold ? new Bold() : null!, colour is null ? null! : new Color { Val = colour }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            { Type = StyleValues.Paragraph, StyleId = id };

        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font }, new FontSize { Val = "19" }, new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "252", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Paragraph("Title", "Title", 40, true, "003087"),
            Paragraph("Heading1", "heading 1", 28, true, "003087", 0),
            Paragraph("Heading2", "heading 2", 22, true, "003087", 1),
            new Style(
                new StyleName { Val = "List Bullet" },
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new Indentation { Left = "284", Hanging = "284" }))
            { Type = StyleValues.Paragraph, StyleId = "ListBullet" },
            new Style(
                new StyleName { Val = "Paper Table" },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                        new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                        new RightBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "999999" }),
                    new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "PaperTable" });
    }
}
