using System.CommandLine;
using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.Cli;

internal sealed partial class Commands
{
    /// <summary>
    /// Fetches from and pushes to the register's remote, putting the commits made here on top of
    /// the remote's. Exit 3 when some risk was changed in the same field on both sides: the
    /// register then holds the remote's version and the edit waits to be re-applied in the UI.
    /// </summary>
    public int Sync(string? remote, ParseResult parse)
    {
        var register = Open(parse);
        var remotes = register.Sync.Remotes();
        remote ??= remotes.Contains("origin") ? "origin" : remotes.Count == 1 ? remotes[0] : null;
        if (remote is null || !remotes.Contains(remote))
        {
            Error.WriteLine(remotes.Count == 0
                ? $"risks: the register has no remote to sync with; add one with: git -C {Quote(register.Root)} remote add origin URL"
                : $"risks: {(remote is null ? "say which remote to sync with" : $"there is no remote called '{remote}'")}: --remote {string.Join(" or --remote ", remotes)}");
            return ExitCodes.NotFound;
        }

        var gate = Gate(register);
        var syncer = gate.Author ?? new Author(context.Login, $"{context.Login}@{Environment.MachineName}", context.Login);
        var outcome = register.Sync.Run(remote, syncer, context.ErrorIsTerminal ? message => Error.WriteLine($"{message}...") : null);

        var parts = new List<string>
        {
            outcome.Received == 0 ? "nothing new from it" : $"{Text.Count(outcome.Received, "commit")} received",
            outcome.Pushed == 0 ? "nothing to send" : $"{Text.Count(outcome.Pushed, "commit")} sent",
        };
        Out.WriteLine(outcome.UpToDate ? $"Up to date with {remote}." : $"Synced with {remote}: {string.Join(", ", parts)}.");
        if (outcome.MergedFields.Count > 0)
        {
            Out.WriteLine($"Merged field by field (both sides changed {(outcome.MergedFields.Count == 1 ? "this risk" : "these risks")}, in different fields): {string.Join(", ", outcome.MergedFields)}.");
        }

        var pending = register.Sync.PendingEdits();
        if (pending.Count == 0)
        {
            return ExitCodes.Ok;
        }

        Error.WriteLine($"risks: {(outcome.Conflicts.Count > 0 ? "conflict" : "still to resolve")}: {(pending.Count == 1 ? "this edit changes a field" : "these edits change fields")} that {remote} changed too, differently; the register holds {remote}'s version and your edit waits:");
        foreach (var edit in pending)
        {
            Error.WriteLine($"  {edit.Id}: {string.Join(", ", edit.Fields)} (\"{edit.Subject}\" by {edit.By})");
        }

        Error.WriteLine("Open each risk in the full-screen register ('risks'): your edit is re-applied on theirs, with those fields named; check them, save, then sync again.");
        if (outcome.Kept is { } kept)
        {
            Error.WriteLine($"The commits as they were before this sync are kept at {kept}.");
        }

        return ExitCodes.Conflict;
    }
}
