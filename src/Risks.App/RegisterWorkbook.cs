using Risks.Core.Exchange;
using Risks.Storage.Exchange;
using Risks.Storage.Files;
using Risks.Storage.Git;

namespace Risks.App;

/// <summary>
/// The register as an Excel workbook, for the CLI and the UI alike: its risks, their actions, the
/// board's actions and the undertakings, each a sheet, as they are in the folder or at a version.
/// </summary>
public static class RegisterWorkbook
{
    /// <summary>The file name offered: <c>risks-2025-03-20.xlsx</c>.</summary>
    public static string FileName(DateOnly today) => $"risks-{Core.Validation.Rules.Iso(today)}.xlsx";

    /// <summary>
    /// Writes the workbook of <paramref name="snapshot"/> (read at <paramref name="revision"/>, or
    /// from the folder when null) to <paramref name="path"/>, whole or not at all, stamped with
    /// <paramref name="stamp"/>; returns its size in bytes. Tracked items that cannot be read are left out, as the paper leaves them.
    /// </summary>
    public static long Write(Register register, RegisterSnapshot snapshot, string? revision, DateOnly today, DateTimeOffset stamp, string path)
    {
        var actions = revision is null ? register.BoardActions.List().Items : register.BoardActions.ListAt(revision).Items;
        var undertakings = revision is null ? register.Undertakings.List().Items : register.Undertakings.ListAt(revision).Items;
        var sheets = RegisterSheets.Of(
            snapshot.Risks.Select(s => s.Risk).ToList(),
            actions.Select(a => a.Item).ToList(),
            undertakings.Select(u => u.Item).ToList(),
            snapshot.Settings,
            today);
        var organisation = snapshot.Settings.Organisation;
        var title = organisation.Length > 0 ? $"{organisation}: risk register" : "Risk register";
        return OutputFile.WriteBytes(path, s => WorkbookWriter.Write(sheets, title, organisation, stamp, s));
    }
}
