using System.Diagnostics;
using System.Globalization;
using System.Text;
using Risks.App;
using Risks.Core.Exchange;
using Risks.Core.Papers;
using Risks.Storage.Exchange;
using Risks.Storage.Git;

namespace Risks.Benchmarks;

/// <summary>What the papers and spreadsheet measurements reported, times in milliseconds.</summary>
internal sealed record PapersResult(
    string Iteration,
    int StrategicRisks,
    int OutsideRows,
    long PaperBytes,
    List<double> PaperMs,
    long CsvBytes,
    List<double> ExportMs,
    int ImportedRisks,
    double ImportMs,
    double ReimportMs);

/// <summary>
/// The board paper and the CSV exchange as a person runs them, each in a fresh process as
/// <c>risks report</c> and <c>risks export</c> are: the paper of the last iteration (load at
/// the tag and at the iteration before it, then HTML), every risk written as CSV, and that CSV
/// imported into an empty register with the same settings (read, check, one commit), then again
/// (nothing to do).
/// </summary>
internal static class PapersMeasure
{
    public static PapersResult Run(string dir, int reps)
    {
        var paperMs = new List<double>();
        var exportMs = new List<double>();
        Dictionary<string, string> paper = [];
        Dictionary<string, string> export = [];
        for (var i = 0; i <= reps; i++)
        {
            var (paperOut, _) = Measure.RunSelf(Measure.OwnDll, "--child-paper", dir);
            var (exportOut, _) = Measure.RunSelf(Measure.OwnDll, "--child-export", dir);
            if (i == 0)
            {
                continue; // one run first, not counted, as for the cold loads
            }

            paper = Measure.Fields(paperOut);
            export = Measure.Fields(exportOut);
            paperMs.Add(double.Parse(paper["ms"], CultureInfo.InvariantCulture));
            exportMs.Add(double.Parse(export["ms"], CultureInfo.InvariantCulture));
        }

        var (importOut, _) = Measure.RunSelf(Measure.OwnDll, "--child-import", dir);
        var imported = Measure.Fields(importOut);
        return new PapersResult(
            paper["iteration"],
            int.Parse(paper["strategic"], CultureInfo.InvariantCulture),
            int.Parse(paper["outside"], CultureInfo.InvariantCulture),
            long.Parse(paper["bytes"], CultureInfo.InvariantCulture),
            paperMs,
            long.Parse(export["bytes"], CultureInfo.InvariantCulture),
            exportMs,
            int.Parse(imported["risks"], CultureInfo.InvariantCulture),
            double.Parse(imported["ms"], CultureInfo.InvariantCulture),
            double.Parse(imported["again_ms"], CultureInfo.InvariantCulture));
    }

    /// <summary><c>--child-paper DIR</c>: the paper of the last iteration as HTML, from opening the register to the text.</summary>
    public static int ChildPaper(string dir)
    {
        var watch = Stopwatch.StartNew();
        var register = Register.Open(dir);
        var iteration = register.Iterations.All()[^1].Name;
        var made = Risks.App.Papers.Make(register, iteration);
        var html = PaperHtml.Render(made);
        var ms = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine(FormattableString.Invariant($"{Measure.ResultMarker}ms={ms:F1} iteration={iteration} strategic={made.Risks.Count} outside={made.Outside.Count} bytes={Encoding.UTF8.GetByteCount(html)}"));
        return 0;
    }

    /// <summary><c>--child-export DIR</c>: every risk of the work tree as CSV, from opening the register to the file written.</summary>
    public static int ChildExport(string dir)
    {
        var watch = Stopwatch.StartNew();
        var register = Register.Open(dir);
        var snapshot = register.Reader.Load();
        var file = CsvFile(dir);
        var bytes = Risks.Storage.Files.OutputFile.Write(file, w => RiskCsv.WriteRisks(w, snapshot.Risks.Select(s => s.Risk), snapshot.Settings, DateOnly.FromDateTime(DateTime.Today)));
        var ms = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine(FormattableString.Invariant($"{Measure.ResultMarker}ms={ms:F1} bytes={bytes}"));
        return 0;
    }

    /// <summary>
    /// <c>--child-import DIR</c>: the CSV the export child wrote, imported into a new register with
    /// the same register.yaml: read, checked row by row, planned and committed as one commit; then
    /// the same again, which finds nothing to do.
    /// </summary>
    public static int ChildImport(string dir)
    {
        var source = Register.Open(dir);
        var settings = source.Reader.ReadSettings().Settings ?? throw new InvalidOperationException($"{dir}/register.yaml cannot be read");
        var target = Path.Combine(Path.GetDirectoryName(dir)!, Path.GetFileName(dir) + "-import");
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        var lead = settings.People.First(p => p.Role == Core.Domain.Role.GovernanceLead);
        var author = Author.Of(lead);
        var register = Register.Init(target, settings, author);
        var bytes = File.ReadAllBytes(CsvFile(dir));
        try
        {
            var first = Import(register, settings, author, bytes);
            var again = Import(register, settings, author, bytes);
            if (first.Commits != 1 || again.Commits != 0)
            {
                Console.Error.WriteLine($"the import made {first.Commits} commits and the second {again.Commits}; expected 1 and 0");
                return 1;
            }

            Console.WriteLine(FormattableString.Invariant($"{Measure.ResultMarker}ms={first.Ms:F1} again_ms={again.Ms:F1} risks={first.Risks}"));
            return 0;
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }

    private static (double Ms, int Risks, int Commits) Import(Register register, Core.Domain.RegisterSettings settings, Author author, byte[] bytes)
    {
        var watch = Stopwatch.StartNew();
        var existing = register.Reader.Load().Risks.Select(s => s.Risk);
        var table = RiskCsv.Read(bytes, "risks.csv");
        var read = RiskImport.Read(table.Headers, table.Rows, ImportMap.Export, settings, existing);
        if (table.Problems.Count > 0 || read.Problems.Count > 0)
        {
            throw new InvalidOperationException($"the export does not import cleanly: {string.Join("; ", table.Problems.Concat(read.Problems.Take(5).Select(p => p.ToString())))}");
        }

        var risks = read.Risks.Select(r => r.Risk).ToList();
        var before = register.Reader.HeadCommit();
        var outcome = register.Import.Run(risks, "risks.csv", "Benchmark import", author, settings);
        if (outcome is not ImportOutcome.Imported)
        {
            throw new InvalidOperationException($"the import was refused: {outcome}");
        }

        var ms = watch.Elapsed.TotalMilliseconds;
        return (ms, risks.Count, register.Reader.HeadCommit() == before ? 0 : 1);
    }

    private static string CsvFile(string dir) => Path.Combine(Path.GetDirectoryName(dir)!, Path.GetFileName(dir) + "-export.csv");
}
