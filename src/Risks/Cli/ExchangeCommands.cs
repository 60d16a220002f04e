using System.CommandLine;
using Risks.Core.Domain;
using Risks.Core.Exchange;
using Risks.Storage.Exchange;
using Risks.Storage.Git;

namespace Risks.Cli;

/// <summary><c>risks export</c> and <c>risks import</c>: the register to and from spreadsheets, as CSV or Excel workbooks.</summary>
internal sealed partial class Commands
{
    public int Export(string format, bool actions, string? at, string? output, ParseResult parse)
    {
        var workbook = format == "xlsx";
        if (workbook && (output is null || output == "-"))
        {
            Error.WriteLine("risks: a workbook is written to a file, not to the screen: give --out FILE.xlsx");
            return ExitCodes.Usage;
        }

        if (workbook && actions)
        {
            Error.WriteLine("risks: --actions is for CSV; a workbook has a sheet of risks and a sheet of actions already");
            return ExitCodes.Usage;
        }

        var register = Open(parse);
        RegisterSnapshot snapshot;
        string from;
        ResolvedRevision? version = null;
        if (at is null)
        {
            snapshot = register.Reader.Load();
            from = "the register in the folder";
        }
        else
        {
            version = register.History.ResolveRevision(at);
            snapshot = register.Reader.LoadAt(version.Sha);
            from = version.Description;
        }

        if (workbook)
        {
            var path = Path.GetFullPath(output!, context.CurrentDirectory);
            long size;
            try
            {
                size = Risks.App.RegisterWorkbook.Write(register, snapshot, version?.Sha, context.Today, version?.When ?? context.Clock.GetLocalNow(), path);
            }
            catch (InvalidDataException e)
            {
                Error.WriteLine($"risks: nothing was written: {e.Message}");
                return ExitCodes.Problems;
            }

            Out.WriteLine($"Wrote {Text.Count(snapshot.Risks.Count, "risk")} from {from} to {path} ({Math.Max(1, size / 1024)} KB), with sheets of risks, actions, board actions and undertakings.");
            return LeftOut(snapshot, at);
        }

        var risks = snapshot.Risks.Select(s => s.Risk).ToList();
        Action<TextWriter> write = actions
            ? w => RiskCsv.WriteActions(w, risks, snapshot.Settings, context.Today)
            : w => RiskCsv.WriteRisks(w, risks, snapshot.Settings, context.Today);
        if (output is null || output == "-")
        {
            write(Out);
        }
        else
        {
            var path = Path.GetFullPath(output, context.CurrentDirectory);
            var bytes = Storage.Files.OutputFile.Write(path, write);
            var what = actions ? $"{Text.Count(risks.Sum(r => r.Actions.Count), "action")} of {Text.Count(risks.Count, "risk")}" : Text.Count(risks.Count, "risk");
            Out.WriteLine($"Wrote {what} from {from} to {path} ({Math.Max(1, bytes / 1024)} KB).");
        }

        return LeftOut(snapshot, at);
    }

    /// <summary>Names each risk file the export left out, as it could not be read: the exit code.</summary>
    private int LeftOut(RegisterSnapshot snapshot, string? at)
    {
        foreach (var file in snapshot.InvalidFiles)
        {
            Error.WriteLine($"risks: {file} could not be read and is not in the export (run 'risks check'{(at is null ? "" : " on a checkout of that version")} to see why)");
        }

        return snapshot.InvalidFiles.Count > 0 ? ExitCodes.Problems : ExitCodes.Ok;
    }

    public int Import(string file, string? mapFile, string? sheet, bool dryRun, bool skipInvalid, string? reason, ParseResult parse)
    {
        var register = Open(parse);
        var snapshot = register.Reader.Load();
        if (!snapshot.SettingsValid)
        {
            Error.WriteLine("risks: register.yaml has problems, so the rows cannot be checked against it; nothing was imported. Run 'risks check' to see them.");
            return ExitCodes.Problems;
        }

        var settings = snapshot.Settings;
        var map = ImportMap.ExportFor(settings);
        if (mapFile is not null)
        {
            if (ReadInput(mapFile) is not { } mapBytes)
            {
                return ExitCodes.NotFound;
            }

            var (read, problems) = ImportMapYaml.Read(mapBytes, mapFile, settings);
            if (read is null)
            {
                problems.ToList().ForEach(p => Error.WriteLine(p));
                Error.WriteLine($"risks: the map has {Text.Count(problems.Count, "problem")}; nothing was imported.");
                return ExitCodes.Problems;
            }

            map = read;
        }

        if (ReadInput(file) is not { } bytes)
        {
            return ExitCodes.NotFound;
        }

        if (Path.GetExtension(file).Equals(".xls", StringComparison.OrdinalIgnoreCase))
        {
            Error.WriteLine($"risks: {file} is an Excel 97-2003 workbook (.xls), which cannot be read; in Excel, save it as \"Excel Workbook (*.xlsx)\" and import that");
            return ExitCodes.Problems;
        }

        var workbook = IsWorkbook(file, bytes);
        if (sheet is not null && !workbook)
        {
            Error.WriteLine($"risks: --sheet is for a workbook (.xlsx), and {file} is not one");
            return ExitCodes.Usage;
        }

        IReadOnlyList<string> headers;
        IReadOnlyList<ImportRow> tableRows;
        var (headerRow, where, name) = (1, "", Path.GetFileName(file));
        if (workbook)
        {
            var read = WorkbookReader.Read(bytes, file, sheet, map.HeadersAmong, map.DateColumns(settings));
            read.Notes.ToList().ForEach(Error.WriteLine);
            if (read.Problems.Count > 0)
            {
                read.Problems.ToList().ForEach(Error.WriteLine);
                Error.WriteLine("risks: nothing was imported.");
                return ExitCodes.Problems;
            }

            (headers, tableRows, headerRow, where, name) = (read.Headers, read.Rows, read.HeaderRow, read.Where, $"{Path.GetFileName(file)} (sheet \"{read.Sheet}\")");
        }
        else
        {
            var table = RiskCsv.Read(bytes, file);
            if (table.Problems.Count > 0)
            {
                table.Problems.ToList().ForEach(Error.WriteLine);
                Error.WriteLine($"risks: {file} cannot be read as CSV; nothing was imported.");
                return ExitCodes.Problems;
            }

            (headers, tableRows) = (table.Headers, table.Rows);
        }

        var progress = new RowProgress(Error, context.ErrorIsTerminal, tableRows.Count);
        var rows = RiskImport.Read(headers, tableRows, map, settings, snapshot.Risks.Select(s => s.Risk), progress.Report, headerRow);
        progress.Finish();
        foreach (var problem in rows.Problems)
        {
            Error.WriteLine($"{file}: {where}{problem}");
        }

        var invalid = rows.InvalidRows;
        if (invalid.Contains(headerRow))
        {
            Error.WriteLine(map.IsExport
                ? $"risks: {file} does not have the export's columns; nothing was imported. To import a spreadsheet with columns of its own, give a map (--map MAP.yaml; see docs/import-map-example.yaml)."
                : $"risks: {file} does not have the columns the map names; nothing was imported.");
            return ExitCodes.Problems;
        }

        if (invalid.Count > 0 && !skipInvalid)
        {
            Error.WriteLine($"risks: nothing was imported: {Text.Count(rows.Problems.Count, "problem")} in {Text.Count(invalid.Count, "row")}. Fix {(rows.Problems.Count == 1 ? "it" : "them")}, or give --skip-invalid to import the {Text.Count(rows.Risks.Count, "valid row")}.");
            return ExitCodes.Problems;
        }

        var risks = rows.Risks.Select(r => r.Risk).ToList();
        var plan = register.Import.Plan(risks, settings);
        var gate = Gate(register);
        if (Refusals(plan, rows, gate) is { Count: > 0 } refusals)
        {
            refusals.ForEach(r => Error.WriteLine($"risks: {r}"));
            Error.WriteLine("Nothing was imported.");
            return ExitCodes.NotAllowed;
        }

        var code = invalid.Count > 0 ? ExitCodes.Problems : ExitCodes.Ok;
        var skipped = invalid.Count > 0 ? $" {Text.Count(invalid.Count, "row")} with problems {(invalid.Count == 1 ? "was" : "were")} skipped ({(invalid.Count == 1 ? "row" : "rows")} {Text.All(invalid.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList())})." : "";
        if (dryRun)
        {
            plan.ToList().ForEach(c => Out.WriteLine(Describe(c)));
            Out.WriteLine($"Would import {Counts(plan, name: name)}; nothing was written (--dry-run).{skipped}");
            return code;
        }

        if (plan.All(c => c.Kind == ImportKind.Unchanged))
        {
            Out.WriteLine($"Nothing to import from {name}: {(plan.Count == 1 ? "its risk is" : $"all {plan.Count} of its risks are")} already in the register as the file has them.{skipped}");
            return code;
        }

        var author = gate.Author!;
        switch (register.Import.Run(risks, name, reason, author, settings, context.Clock.GetLocalNow()))
        {
            case ImportOutcome.Imported { Commit: { } commit } done:
                done.Changes.Where(c => c.Kind != ImportKind.Unchanged).ToList().ForEach(c => Out.WriteLine(Describe(c)));
                Out.WriteLine($"Imported {Counts(done.Changes, name)} [{commit[..8]}] by {author.Name}.{skipped}");
                return code;
            case ImportOutcome.Imported:
                Out.WriteLine($"Nothing to import from {name}: its risks are already in the register as the file has them.{skipped}");
                return code;
            case ImportOutcome.Conflict conflict:
                conflict.Problems.ToList().ForEach(p => Error.WriteLine($"risks: {p}"));
                Error.WriteLine("Nothing was imported.");
                return ExitCodes.Conflict;
            case ImportOutcome.Invalid refused:
                refused.Problems.ToList().ForEach(p => Error.WriteLine($"risks: {p}"));
                Error.WriteLine("Nothing was imported.");
                return ExitCodes.Problems;
            default:
                throw new System.Diagnostics.UnreachableException();
        }
    }

    /// <summary>Whether a file is a workbook: named .xlsx or .xlsm, or a zip package, as a workbook is, whatever its name.</summary>
    private static bool IsWorkbook(string file, byte[] bytes) =>
        Path.GetExtension(file).ToLowerInvariant() is ".xlsx" or ".xlsm" || bytes.AsSpan().StartsWith("PK\u0003\u0004"u8);

    /// <summary>The bytes of a file named on the command line, or null (with a message) when there is no such file.</summary>
    private byte[]? ReadInput(string name)
    {
        var path = Path.GetFullPath(name, context.CurrentDirectory);
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        Error.WriteLine($"risks: there is no file {name}");
        return null;
    }

    /// <summary>
    /// Why the person may not make each change, grouped by reason with the rows: only governance
    /// leads add risks; risk owners change only the risks they own or lead; reviewers change nothing.
    /// </summary>
    private static List<string> Refusals(IReadOnlyList<ImportChange> plan, ImportRead rows, Risks.App.Gate gate)
    {
        var rowOf = rows.Risks.ToDictionary(r => r.Risk.Id.Identity, r => r.Row, StringComparer.Ordinal);
        var changes = plan.Where(c => c.Kind != ImportKind.Unchanged).ToList();
        var permissions = gate.Save(changes.ConvertAll(c => c.Risk));
        return changes
            .Select((c, i) => (Change: c, Permission: permissions[i]))
            .Where(p => !p.Permission.Allowed)
            .GroupBy(p => p.Permission.Reason)
            .Select(g => $"{g.Key} (row {string.Join(", ", g.Select(p => $"{rowOf[p.Change.Risk.Id.Identity]} {p.Change.Risk.Id}"))})")
            .ToList();
    }

    private static string Describe(ImportChange change) => change.Kind switch
    {
        ImportKind.New => $"new        {change.Headline}",
        ImportKind.Changed => $"changed    {change.Headline}",
        _ => $"unchanged  {change.Risk.Id} {change.Risk.Title}",
    };

    /// <summary><c>3 risks from risks.csv: 1 new, 2 changed, 11 unchanged</c>.</summary>
    private static string Counts(IReadOnlyList<ImportChange> changes, string name)
    {
        var written = changes.Count(c => c.Kind != ImportKind.Unchanged);
        return $"{Text.Count(written, "risk")} from {name}: {changes.Count(c => c.Kind == ImportKind.New)} new, {changes.Count(c => c.Kind == ImportKind.Changed)} changed, {changes.Count(c => c.Kind == ImportKind.Unchanged)} unchanged";
    }

    /// <summary>
    /// "read N of M rows" on standard error while a long file's rows are read (more than
    /// <see cref="Threshold"/>), every <see cref="Step"/> rows: on one line written over when it is
    /// a terminal, as plain lines otherwise.
    /// </summary>
    internal sealed class RowProgress(TextWriter error, bool terminal, int total)
    {
        public const int Threshold = 200;

        public const int Step = 100;

        private bool Shown => total > Threshold;

        public void Report(int read, int all)
        {
            if (!Shown || (read % Step != 0 && read != all))
            {
                return;
            }

            if (terminal)
            {
                error.Write($"\rread {read} of {all} rows");
                error.Flush();
            }
            else
            {
                error.WriteLine($"read {read} of {all} rows");
            }
        }

        /// <summary>Ends the line written over, so what follows starts on a line of its own.</summary>
        public void Finish()
        {
            if (Shown && terminal)
            {
                error.WriteLine();
            }
        }
    }
}
