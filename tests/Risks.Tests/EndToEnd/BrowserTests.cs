using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Risks.Tests.Support;

namespace Risks.Tests.EndToEnd;

/// <summary>
/// The BAF paper in a real browser: headless Chromium prints it to PDF (A4 landscape, every
/// strategic risk on its pages) and takes a screenshot. Skipped where Chromium is not installed,
/// unless RISKS_REQUIRE_BROWSER=1 (as .ci/run sets), when a missing browser fails the test.
/// </summary>
public sealed partial class BrowserTests : RegisterTest
{
    private static readonly string[] Strategic =
    [
        "BAF-01 Workforce", "BAF-02 Primary Care", "BAF-03 Capital", "BAF-04 UEC and System Co-ordination",
        "BAF-05 Diagnostics, Elective Care and Cancer Performance", "BAF-06 System Financial Performance",
        "BAF-07 Inequalities", "BAF-08 Mental Health Quality Assurance",
    ];

    [BrowserFact]
    public void Chromium_prints_the_paper_to_a4_landscape_pages_holding_every_risk()
    {
        var html = Temp.Combine("BAF-2025-03.html");
        var made = Run("report", "--at", "2025-03", "--out", html);
        made.Code.ShouldBe(0, made.ToString());
        var pdf = Temp.Combine("BAF-2025-03.pdf");

        var printed = Browser.Run(Temp.Combine("profile-pdf"), "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri);

        printed.Code.ShouldBe(0, printed.ToString());
        File.Exists(pdf).ShouldBeTrue(printed.ToString());
        var bytes = File.ReadAllBytes(pdf);
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        var raw = Encoding.Latin1.GetString(bytes);
        var boxes = MediaBox().Matches(raw).Select(m => (Width: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Height: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        boxes.ShouldNotBeEmpty("the PDF should give its page size");
        foreach (var (width, height) in boxes)
        {
            width.ShouldBe(841.9, 2.0, "A4 landscape is 297 mm (842 pt) wide");
            height.ShouldBe(595.3, 2.0, "A4 landscape is 210 mm (595 pt) high");
        }

        // A cover, the summary and at least a page per strategic risk, then the heat map and the lists.
        boxes.Count.ShouldBeGreaterThanOrEqualTo(Strategic.Length + 4);

        var text = Browser.PdfText(pdf);
        var flat = Regex.Replace(text, @"\s+", " ");
        foreach (var risk in Strategic)
        {
            flat.ShouldContain(risk);
        }

        foreach (var operational in new[] { "CRR-005", "CRR-007", "CRR-018", "CRR-026", "CRR-053", "CRR-058" })
        {
            flat.ShouldContain(operational);
        }

        flat.ShouldContain("Reduced from 12 since the January 2025 report");
        flat.ShouldContain("Iteration 2025-03 (Board, 13 March 2025)");
    }

    [BrowserFact]
    public void Report_format_pdf_prints_numbered_pages_holding_every_risk_with_the_same_text_each_time()
    {
        var pdf = Temp.Combine("BAF.pdf");
        var again = Temp.Combine("BAF-again.pdf");

        var path = new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin" };
        var made = RunWith(path, "report", "--at", "2025-03", "--format", "pdf", "--out", pdf);
        made.Code.ShouldBe(0, made.ToString());
        made.Out.ShouldStartWith("Wrote the BAF paper for March 2025 (iteration 2025-03, commit ");
        RunWith(path, "report", "--at", "2025-03", "--format", "pdf", "--out", again).Code.ShouldBe(0);

        // The same text every time, and Chromium's date stamps set to the commit's; its byte layout may differ between runs.
        var text = Browser.PdfText(pdf);
        Browser.PdfText(again).ShouldBe(text, "a paper made from an iteration says the same every time");
        var flat = Regex.Replace(text, @"\s+", " ");
        foreach (var risk in Strategic)
        {
            flat.ShouldContain(risk);
        }

        flat.ShouldContain("Page 1 of ");
        flat.ShouldContain("Agenda item 12.1");
        flat.ShouldContain("Summary of movement Since the January 2025 report: 0 new, 0 closed; scores 0 up, 1 down, 7 unchanged.");
        flat.ShouldContain("Recommendation");
        flat.ShouldContain("Board action log: open actions");
        flat.ShouldContain("Undertakings to regulators");
        Encoding.Latin1.GetString(File.ReadAllBytes(pdf)).ShouldContain("/CreationDate (D:20250306110000");
    }

    [Fact]
    public void Report_format_pdf_without_a_browser_says_which_package_to_install_and_writes_nothing()
    {
        var pdf = Temp.Combine("BAF.pdf");

        var refused = RunWith(new Dictionary<string, string> { ["PATH"] = Temp.Combine("empty") }, "report", "--format", "pdf", "--out", pdf);

        refused.Code.ShouldBe(70);
        refused.Error.ShouldBe("risks: making a PDF needs Chromium, which is not on PATH: install the Debian package 'chromium' (or set RISKS_CHROMIUM to a Chromium or Chrome program), or write --format html and print it from a browser\n");
        File.Exists(pdf).ShouldBeFalse();
        Run("report", "--format", "pdf").Error.ShouldBe("risks: --format pdf writes a file: give it with --out, such as --out BAF.pdf\n");
    }

    [BrowserFact]
    public void Chromium_renders_the_paper_on_screen_with_every_section_in_its_dom()
    {
        var html = Temp.Combine("paper.html");
        Run("report", "--at", "2025-03", "--out", html).Code.ShouldBe(0);
        var png = Temp.Combine("paper.png");

        var shot = Browser.Run(Temp.Combine("profile-png"), "--window-size=1280,1600", "--hide-scrollbars", $"--screenshot={png}", new Uri(html).AbsoluteUri);
        shot.Code.ShouldBe(0, shot.ToString());
        var image = File.ReadAllBytes(png);
        image.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        image.Length.ShouldBeGreaterThan(20_000, "a screenshot of the paper, not a blank page");

        var dom = Browser.Run(Temp.Combine("profile-dom"), "--dump-dom", new Uri(html).AbsoluteUri);
        dom.Code.ShouldBe(0, dom.ToString());
        foreach (var id in Enumerable.Range(1, 8).Select(n => $"risk-baf-0{n}"))
        {
            dom.Out.ShouldContain($"<section class=\"risk\" id=\"{id}\">");
        }

        dom.Out.ShouldContain("<section id=\"heat-map\" class=\"heat\">");
        dom.Out.ShouldContain("<section id=\"partners\">");
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]")]
    private static partial Regex MediaBox();
}

/// <summary>A test that needs headless Chromium: skipped without it, unless RISKS_REQUIRE_BROWSER=1.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.Program is null && Environment.GetEnvironmentVariable("RISKS_REQUIRE_BROWSER") != "1")
        {
            Skip = "Chromium is not installed (Debian: apt install chromium poppler-utils); .ci/run installs it and requires this test";
        }
    }
}

/// <summary>Headless Chromium as the issue describes it: no sandbox, GPU, network services or first-run, and a fresh profile each time.</summary>
internal static class Browser
{
    public static string? Program { get; } = Find("chromium") ?? Find("chromium-browser") ?? Find("google-chrome");

    public static CliRunner.Result Run(string profile, params string[] args)
    {
        Program.ShouldNotBeNull("Chromium is needed: apt install chromium (RISKS_REQUIRE_BROWSER=1 is set)");
        Directory.CreateDirectory(profile);
        string[] flags =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", $"--user-data-dir={profile}",
        ];
        var (code, output, error) = ChildProcess.Run(Program, [.. flags, .. args], profile, TimeSpan.FromSeconds(90));
        return new CliRunner.Result(code, output, error);
    }

    /// <summary>The PDF's text as poppler's pdftotext reads it.</summary>
    public static string PdfText(string pdf)
    {
        var pdftotext = Find("pdftotext");
        pdftotext.ShouldNotBeNull("pdftotext is needed to read the PDF: apt install poppler-utils");
        var (code, output, error) = ChildProcess.Run(pdftotext, [pdf, "-"], Path.GetDirectoryName(pdf), TimeSpan.FromSeconds(60));
        code.ShouldBe(0, error);
        return output;
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
