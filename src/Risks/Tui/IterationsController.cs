using Risks.App;
using Risks.Storage.Git;

namespace Risks.Tui;

/// <summary>
/// The iterations dialogs, opened from the register: the list of iterations, newest first;
/// cutting a new one for the board, removing one, or comparing one with now.
/// </summary>
internal sealed class IterationsController(IScreenHost host, CompareController compare) : Controller(host)
{
    /// <summary>The iterations, newest first: cut a new one, or compare one with now or remove it.</summary>
    public void Open()
    {
        const string New = "\u0000new";
        var iterations = Session.Register.Iterations.All();
        var choices = iterations.Reverse()
            .Select(i => (i.Name, $"{i.Name}  {Core.Presentation.Formats.Date(i.BoardDate)}  {i.By}  {i.Title}"))
            .Prepend((New, "Cut a new iteration of the register as committed now..."))
            .ToList();
        var picked = Prompts.Pick("Iterations", $"{Core.Domain.Text.Count(iterations.Count, "iteration")}, newest first, each with the date of its board meeting, who cut it and its title:", choices, selected: 0);
        if (picked is null)
        {
            return;
        }

        if (picked == New)
        {
            Cut();
            return;
        }

        var iteration = iterations.Single(i => i.Name == picked);
        var answer = Ask(
            $"Iteration {iteration.Name}",
            $"{(iteration.Title.Length > 0 ? iteration.Title + "\n" : "")}For the board of {Core.Presentation.Formats.Date(iteration.BoardDate)}.\nCut by {iteration.By} on {Core.Presentation.Formats.Moment(iteration.When)}, at commit {iteration.Commit[..7]}.",
            "Co_mpare with now", "Remove", "_Close");
        if (answer == 0)
        {
            if (compare.Compare(iteration.Name, "HEAD") is { } error)
            {
                Prompts.Tell("Cannot compare", error);
                return;
            }

            Host.Show(Screen.Compare);
        }
        else if (answer == 1)
        {
            var permission = Session.Gate.CutIteration();
            if (!permission.Allowed)
            {
                Say(permission.Reason);
            }
            else if (Ask("Remove iteration", $"Remove iteration {iteration.Name}? The commits it marked, and their history, are kept.", "Remove", "_Keep") == 0)
            {
                Session.Register.Iterations.Remove(iteration.Name);
                Session.Reload();
                Host.WhenBaselineLoaded();
                Host.Refresh();
                Host.UpdateHeader();
                Say($"Removed iteration {iteration.Name}; its commit {iteration.Commit[..7]} and the history are kept.");
            }
        }
    }

    /// <summary>
    /// Cuts an iteration (governance leads): an annotated tag on the register as committed now, for
    /// the board meeting on the date given (today unless changed). A title left as offered follows
    /// the board date. A name or date refused is asked for again with the reason.
    /// </summary>
    private void Cut()
    {
        var permission = Session.Gate.CutIteration();
        if (!permission.Allowed)
        {
            Say(permission.Reason);
            return;
        }

        static string Offered(DateOnly board) => $"Board {Core.Presentation.Formats.Date(board)}";
        var today = Session.Today;
        var name = today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var boardText = Core.Presentation.Formats.Date(today);
        var board = today;
        var title = Offered(today);
        const string About = "Marks the register as committed now, for the board meeting on the date given. The name is how reviewers will compare with it later (such as 2025-03).";
        var note = About;
        while (true)
        {
            var answer = Prompts.Form("Cut an iteration", note, [("Name:", name), ("Title:", title), ("Board date:", boardText)], "_Cut iteration");
            if (answer is null)
            {
                return;
            }

            (name, boardText) = (answer[0], answer[2]);
            var offered = answer[1] == Offered(board);
            title = answer[1];
            if (!Core.Presentation.Formats.TryParseDate(boardText, out var typed))
            {
                note = $"! '{boardText}' is not a date: write the day of the board meeting as 13 Mar 2025, 13/03/2025 or 2025-03-13.\n{About}";
                continue;
            }

            board = typed;
            title = offered ? Offered(board) : title;
            try
            {
                Session.Register.Iterations.Cut(name, (title.Length > 0 ? title : $"Iteration {name}") + "\n", Session.Author!, boardDate: board);
                Session.Reload();
                Host.WhenBaselineLoaded();
                Host.Refresh();
                Host.UpdateHeader();
                Say($"Cut iteration {name} (board {Core.Presentation.Formats.Date(board)}): trends are now measured against it.");
                return;
            }
            catch (RegisterException ex)
            {
                (note, boardText) = ("! " + ex.Message + "\n" + About, Core.Presentation.Formats.Date(board));
            }
        }
    }
}
