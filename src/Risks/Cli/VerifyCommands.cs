using System.CommandLine;
using Risks.Storage.Git;

namespace Risks.Cli;

internal sealed partial class Commands
{
    /// <summary>
    /// The check a Git server runs as its <c>update</c> hook (<c>risks verify-push REF OLD NEW</c>),
    /// or by hand on a range of commits: one line per refusal on stderr (git shows them to the
    /// person pushing) and exit 6 when anything is refused.
    /// </summary>
    public int VerifyPush(string[] update, string? range, string? pusher, bool pusherIsLogin)
    {
        var gitDir = Path.GetFullPath(context.Variable("GIT_DIR") ?? ".", context.CurrentDirectory);
        pusher ??= context.Variable("GL_USERNAME") ?? context.Variable("GITEA_PUSHER_NAME") ?? (pusherIsLogin ? context.Login : null);
        IReadOnlyList<PushRefusal> refusals;
        if (range is not null)
        {
            var parts = range.Split("..", 2);
            refusals = PushCheck.CheckRange(gitDir, parts.Length == 2 && parts[0].Length > 0 ? parts[0] : null, parts[^1], pusher);
        }
        else if (update.Length == 3)
        {
            refusals = PushCheck.Check(gitDir, update[0], update[1], update[2], pusher, context.Today);
        }
        else
        {
            Error.WriteLine("risks: give the update hook's three arguments (REF OLD NEW), or --range FROM..TO");
            return ExitCodes.Usage;
        }

        foreach (var refusal in refusals)
        {
            Error.WriteLine($"risks: {refusal}");
        }

        return refusals.Count == 0 ? ExitCodes.Ok : ExitCodes.NotAllowed;
    }
}
