using Risks.Core.Domain;
using Risks.Storage.Exchange;

namespace Risks.App;

/// <summary>
/// The register as CSV files for spreadsheets, from the UI: the risks as the session last read
/// them (saved edits, not unsaved ones), one row per risk or one per action, written as
/// <c>risks export</c> writes them (UTF-8 with a byte order mark, so Excel reads it right).
/// </summary>
public static class RegisterCsv
{
    /// <summary>The file name offered for the risks: <c>risks-2025-03-20.csv</c>.</summary>
    public static string RisksFileName(Session session) => $"risks-{Core.Validation.Rules.Iso(session.Today)}.csv";

    /// <summary>The file name offered for the actions: <c>actions-2025-03-20.csv</c>.</summary>
    public static string ActionsFileName(Session session) => $"actions-{Core.Validation.Rules.Iso(session.Today)}.csv";

    /// <summary>Writes one row per risk to <paramref name="path"/> (replacing it) and says what was written.</summary>
    public static string WriteRisks(Session session, string path)
    {
        var risks = session.Snapshot.Risks.Select(s => s.Risk).ToList();
        var bytes = Storage.Files.OutputFile.Write(path, w => RiskCsv.WriteRisks(w, risks, session.Settings, session.Today));
        return $"Wrote {Text.Count(risks.Count, "risk")} to {path} ({Size(bytes)}).{Unread(session)}";
    }

    /// <summary>Writes one row per action of every risk to <paramref name="path"/> (replacing it) and says what was written.</summary>
    public static string WriteActions(Session session, string path)
    {
        var risks = session.Snapshot.Risks.Select(s => s.Risk).ToList();
        var bytes = Storage.Files.OutputFile.Write(path, w => RiskCsv.WriteActions(w, risks, session.Settings, session.Today));
        return $"Wrote {Text.Count(risks.Sum(r => r.Actions.Count), "action")} of {Text.Count(risks.Count, "risk")} to {path} ({Size(bytes)}).{Unread(session)}";
    }

    private static string Size(long bytes) => bytes < 1024 ? $"{bytes} bytes" : $"{bytes / 1024} KB";

    private static string Unread(Session session) => Exports.LeftOut(session.Snapshot.InvalidFiles);
}
