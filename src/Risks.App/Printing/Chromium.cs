using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Risks.App.Printing;

/// <summary>
/// Prints an HTML paper to PDF with headless Chromium, found on PATH (or named by
/// <c>RISKS_CHROMIUM</c>): the browser lays out the same HTML a person would print, so the PDF has
/// the HTML paper's A4 landscape pages, repeated table headers and page numbers. Chromium stamps
/// the PDF with the time it was made; that stamp is set to the paper's own time, so a paper made
/// from an iteration has the same pages, text and dates every time (the bytes are Chromium's to lay
/// out, and have been seen to differ between runs on a busy machine).
/// </summary>
public static partial class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser to print with, or null when none is installed.</summary>
    public static string? Find(Func<string, string?> variable)
    {
        if (variable("RISKS_CHROMIUM") is { Length: > 0 } named)
        {
            return File.Exists(named) ? named : null;
        }

        var path = variable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => Names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>What to tell a person whose machine has no browser to print with.</summary>
    public const string Missing = "making a PDF needs Chromium, which is not on PATH: install the Debian package 'chromium' (or set RISKS_CHROMIUM to a Chromium or Chrome program), or write --format html and print it from a browser";

    /// <summary>
    /// The PDF of <paramref name="html"/>, its creation and modification times set to
    /// <paramref name="stamp"/>; or the reason it could not be made.
    /// </summary>
    public static (byte[]? Pdf, string? Error) Print(string browser, string html, DateTimeOffset stamp, TimeSpan? timeout = null)
    {
        var work = Directory.CreateTempSubdirectory("risks-pdf-");
        try
        {
            var page = Path.Combine(work.FullName, "paper.html");
            var pdf = Path.Combine(work.FullName, "paper.pdf");
            File.WriteAllText(page, html, new UTF8Encoding(false));
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // The page is the program's own file, read from disk with no network: the sandbox (which
            // cannot start as root, as on many servers) adds nothing here.
            foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(work.FullName, "profile")}", $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["TZ"] = "UTC";
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{browser} did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"{browser} did not finish printing the paper within {(timeout ?? TimeSpan.FromMinutes(2)).TotalSeconds:0} seconds");
            }

            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                var said = (errors.Result + output.Result).Split('\n').Where(l => l.Length > 0 && !l.Contains("dbus", StringComparison.OrdinalIgnoreCase)).TakeLast(3);
                return (null, $"{browser} could not print the paper (exit {process.ExitCode}): {string.Join(" ", said)}".TrimEnd(' ', ':'));
            }

            return (Stamp(File.ReadAllBytes(pdf), stamp), null);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (null, $"{browser} could not be run: {ex.Message}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Sets every <c>D:YYYYMMDDHHMMSS</c> date in the PDF to <paramref name="stamp"/> (UTC), keeping each byte where it was.</summary>
    internal static byte[] Stamp(byte[] pdf, DateTimeOffset stamp)
    {
        var digits = Encoding.ASCII.GetBytes(stamp.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        var text = Encoding.Latin1.GetString(pdf);
        foreach (Match match in PdfDate().Matches(text))
        {
            digits.CopyTo(pdf, match.Index + 3);
        }

        return pdf;
    }

    [GeneratedRegex(@"\(D:\d{14}")]
    private static partial Regex PdfDate();
}
