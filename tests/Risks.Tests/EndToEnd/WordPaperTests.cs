using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Risks.Tests.Support;

namespace Risks.Tests.EndToEnd;

/// <summary>
/// The paper as a Word document: Word's heading styles, real tables with repeating header rows,
/// band colours, A4 landscape with numbered pages, the same file every time it is made from an
/// iteration; and LibreOffice opens it (where it is installed; .ci/run installs it and requires it).
/// </summary>
public sealed class WordPaperTests : RegisterTest
{
    private static readonly string[] Strategic =
    [
        "BAF-01 Workforce", "BAF-02 Primary Care", "BAF-03 Capital", "BAF-04 UEC and System Co-ordination (Unblocking the Hospital)",
        "BAF-05 Diagnostics, Elective Care and Cancer Performance", "BAF-06 System Financial Performance",
        "BAF-07 Inequalities", "BAF-08 Mental Health Quality Assurance",
    ];

    private string Make(string name)
    {
        var docx = Temp.Combine(name);
        var made = Run("report", "--at", "2025-03", "--format", "docx", "--out", docx);
        made.Code.ShouldBe(0, made.ToString());
        return docx;
    }

    [Fact]
    public void The_docx_has_words_headings_real_tables_band_colours_and_numbered_landscape_pages()
    {
        var docx = Make("BAF.docx");

        File.ReadAllBytes(docx).ShouldBe(File.ReadAllBytes(Make("again.docx")), "a paper made from an iteration is the same file every time");
        using var word = WordprocessingDocument.Open(docx, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(p => p.InnerText)
            .ToList();
        headings.ShouldBe(
        [
            "BAF risks: summary report",
            "Strategic objectives",
            .. Strategic.Select((risk, i) => $"{i + 1}. {risk}"),
            "Heat map: open risks by current score",
            "Risks outside appetite or target",
            "Partner organisations' red risks",
            "Board action log: open actions",
            "Undertakings to regulators",
        ]);
        word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Heading1").StyleName!.Val!.Value.ShouldBe("heading 1");

        var tables = body.Elements<Table>().ToList();
        tables.Count.ShouldBeGreaterThan(Strategic.Length * 2);
        tables[0].InnerText.ShouldContain("Summary of movementSince the January 2025 report: 0 new, 0 closed; scores 0 up, 1 down, 7 unchanged.");
        tables[1].Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull("the summary's header row repeats on each page");
        tables[1].InnerText.ShouldContain("BAF-07 Inequalities");
        body.Descendants<Shading>().Select(s => s.Fill!.Value).ShouldContain("D5281B", "an Extreme score is shaded red");

        var page = body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        page.Orient!.Value.ShouldBe(PageOrientationValues.Landscape);
        page.Width!.Value.ShouldBe(16838U);
        word.MainDocumentPart.FooterParts.Single().Footer!.Descendants<SimpleField>().Select(f => f.Instruction!.Value!.Trim()).ShouldBe(["PAGE", "NUMPAGES"]);
        word.PackageProperties.Title.ShouldBe("Mid and South Essex Integrated Care Board: Board Assurance Framework, March 2025");
    }

    [OfficeFact]
    public void LibreOffice_opens_the_docx_and_its_text_holds_every_risk()
    {
        var docx = Make("BAF.docx");
        var folder = Temp.Combine("converted");
        Directory.CreateDirectory(folder);

        var (code, output, error) = ChildProcess.Run(Office.Program!, ["--headless", $"-env:UserInstallation={new Uri(Temp.Combine("lo-profile")).AbsoluteUri}", "--convert-to", "pdf", "--outdir", folder, docx], Temp.Path, TimeSpan.FromMinutes(3));

        code.ShouldBe(0, output + error);
        var pdf = Path.Combine(folder, "BAF.pdf");
        File.Exists(pdf).ShouldBeTrue(output + error);
        var flat = Regex.Replace(Browser.PdfText(pdf), @"\s+", " ");
        foreach (var risk in Strategic)
        {
            flat.ShouldContain(risk);
        }

        flat.ShouldContain("Board action log: open actions");
        flat.ShouldContain("Elective backlog");
        flat.ShouldContain("Agenda item 12.1");
        flat.ShouldContain("Summary of movement Since the January 2025 report: 0 new, 0 closed; scores 0 up, 1 down, 7 unchanged.");
        flat.ShouldContain("Recommendation");
    }
}

/// <summary>LibreOffice, for reading the Word paper and the workbooks as another program would.</summary>
internal static class Office
{
    public static string? Program { get; } = new[] { "soffice", "libreoffice" }
        .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(Path.PathSeparator).Select(folder => Path.Combine(folder, name)))
        .FirstOrDefault(File.Exists);
}

/// <summary>A test that needs LibreOffice: skipped where it is not installed, unless RISKS_REQUIRE_OFFICE=1 (as .ci/run sets).</summary>
public sealed class OfficeFactAttribute : FactAttribute
{
    public OfficeFactAttribute()
    {
        if (Office.Program is null && Environment.GetEnvironmentVariable("RISKS_REQUIRE_OFFICE") != "1")
        {
            Skip = "LibreOffice is not installed (Debian: apt install libreoffice-writer-nogui libreoffice-calc-nogui); .ci/run installs it and requires this test";
        }
    }
}
