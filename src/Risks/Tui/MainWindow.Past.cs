using Risks.App;
using Risks.Storage.Git;

namespace Risks.Tui;

/// <summary>The screens of the register's past: a risk's history and who changed each field, comparisons, and iterations.</summary>
internal sealed partial class MainWindow
{
    /// <summary>"Reduced from 12 since the January 2025 report; trend ▅▄▃ (12, 12, 9)".</summary>
    private string MovementLine(Core.Domain.Risk risk)
    {
        var movement = _session.MovementOf(risk) ?? (_session.BaselineKnown ? "no iterations yet to compare with" : "reading the last iteration...");
        var trail = _session.Trail(risk);
        var trend = trail.Count > 1 ? $"; trend {Core.Presentation.Sparkline.Of(trail)} ({Core.Presentation.Sparkline.Describe(trail)})" : "";
        return $"{movement}{trend}";
    }

    /// <summary>The open risk's history: every commit that changed it, newest first.</summary>
    private void OpenHistory()
    {
        if (_riskScreen.Editor is not { IsNew: false } editor)
        {
            Say("A new risk has no history until it is saved.");
            return;
        }

        _history = RiskHistoryView.For(_session, editor.Id);
        var entries = _history.Entries;
        var rows = entries.Select(e => new[] { e.Exact, e.Who, e.Change }).ToList();
        _historyScreen.Show(
            $"History of {_history.Id} {_history.Title}: {Core.Domain.Text.Count(entries.Count, "commit")}, newest first\nEnter shows the risk as it was after a commit; p shows its Git patch.",
            rows,
            i =>
            {
                var e = entries[i];
                var lines = new List<string> { $"{e.Ago}, commit {e.ShortCommit}{(e.Origin.Length > 0 ? $", {e.Origin}" : "")}: {e.Headline}" };
                lines.Add(e.Revision.Reason is { } reason ? "Why: " + reason.ReplaceLineEndings(" ") : "No reason given.");
                lines.AddRange(e.Changes.Select(c => "- " + c));
                lines.AddRange(e.Version.Problems.Select(p => "! " + p.Message));
                return string.Join('\n', lines);
            });
        Show(Screen.History);
    }

    /// <summary>Who last changed each field of the open risk.</summary>
    private void OpenBlame()
    {
        if (_riskScreen.Editor is not { IsNew: false } editor)
        {
            Say("A new risk has no history until it is saved.");
            return;
        }

        _blame = BlameView.For(_session, editor.Id);
        var fields = _blame.Fields;
        var rows = fields.Select(f => new[] { f.Label, f.Revision.Author, Core.Presentation.Formats.Date(DateOnly.FromDateTime(f.Revision.When.DateTime)), _blame.Value(f).ReplaceLineEndings(" ") }).ToList();
        _blameScreen.Show(
            $"Who last changed each field of {editor.Id} {editor.Original.Title}, as committed\nEnter shows the field and the commit in full.",
            rows,
            i => Describe(fields[i]));
        Show(Screen.Blame);
    }

    private string Describe(Core.Changes.FieldOrigin field)
    {
        var r = field.Revision;
        return $"{field.Label}: {_blame!.Value(field).ReplaceLineEndings(" ")}\n"
            + $"{r.Author}, {Core.Presentation.Formats.Moment(r.When)} ({Core.Presentation.Formats.Ago(r.When, _session.Clock.GetUtcNow())}), commit {r.Id[..7]}: {r.Headline}\n"
            + (r.Reason is { } reason ? "Why: " + reason.ReplaceLineEndings(" ") : "No reason given.");
    }

    /// <summary>On the history screen: the risk as it was after the selected commit, or that commit's patch of its file.</summary>
    private void ShowVersion(bool patch)
    {
        if (_history is null || _historyScreen.SelectedIndex is var i && i < 0)
        {
            return;
        }

        var entry = _history.Entries[i];
        if (patch)
        {
            _prompts.Read($"Commit {entry.ShortCommit}: {entry.Version.Path}", _history.Patch(entry));
            return;
        }

        var text = entry.Version.After is { } risk
            ? Core.Domain.Text.Count(entry.Version.Changes.Count, "change") + " in this commit:\n" + string.Join('\n', entry.Changes.Select(c => "- " + c)) + "\n\n" + RiskFields.Text(risk, _session.Settings)
            : entry.Version.AfterVersion is null ? "The risk's file was removed in this commit." : "This version could not be read:\n" + string.Join('\n', entry.Version.Problems.Select(p => p.ToString()));
        _prompts.Read($"{_history.Id} after {entry.ShortCommit}, {entry.Exact} by {entry.Who}", text);
    }

    private void ShowDetails()
    {
        if (Current == Screen.Blame && _blame is not null && _blameScreen.SelectedIndex is var b && b >= 0)
        {
            _prompts.Read(_blame.Fields[b].Label, Describe(_blame.Fields[b]));
        }
        else if (Current == Screen.Compare && _comparison is not null && _compareScreen.SelectedIndex is var c && c >= 0)
        {
            var risk = _comparison.Risks[c];
            _prompts.Read($"{risk.Id} {risk.Title}: {_comparison.Title}", _comparison.BothSides(risk));
        }
    }

    /// <summary>The compare screen, by default this month's iteration against last month's (or the last one against now).</summary>
    private void OpenComparison()
    {
        var iterations = _session.Register.Iterations.All();
        var (from, to) = (_compareFrom, _compareTo) is (string f, string t) ? (f, t) : iterations.Count switch
        {
            0 => ("HEAD", "HEAD"),
            1 => (iterations[0].Name, "HEAD"),
            _ => (iterations[^2].Name, iterations[^1].Name),
        };

        var error = Compare(from, to);
        Show(Screen.Compare);
        if (error is not null)
        {
            Say(error);
        }
        else if (iterations.Count == 0)
        {
            Say("No iterations yet: f and t choose commits or dates to compare.");
        }
    }

    /// <summary>Compares <paramref name="from"/> with <paramref name="to"/> and shows it; returns why not, leaving the comparison shown as it was.</summary>
    private string? Compare(string from, string to)
    {
        try
        {
            _comparison = ComparisonView.Of(_session.Register.Comparisons, from, to);
        }
        catch (RegisterException ex)
        {
            return ex.Message;
        }

        (_compareFrom, _compareTo) = (from, to);
        var view = _comparison;
        var rows = view.Risks.Select(r => new[] { r.Id.Value, r.Title, ComparisonView.BriefMovement(r), ComparisonView.Summary(r) }).ToList();
        _compareScreen.Show(
            $"From {view.Diff.From.Description}\n  to {view.Diff.To.Description}\n{view.MovementCounts}\n{view.ChangeCounts}",
            rows,
            i => view.DetailLines(view.Risks[i]),
            "Enter shows them all");
        if (view.Diff.Problems.Count > 0)
        {
            Say($"{Core.Domain.Text.Count(view.Diff.Problems.Count, "file")} could not be read: {view.Diff.Problems[0]}");
        }

        return null;
    }

    /// <summary>
    /// Chooses one side of the comparison: an iteration, now, or a commit or date typed. A typed
    /// name that names nothing is asked for again, with the reason; the comparison shown stays.
    /// </summary>
    private void ChooseSide(bool from)
    {
        const string Typed = "\u0000typed";
        const string Hint = "A date (2025-02-28, 28 Feb 2025: the register at the end of that day), a commit, or HEAD~3 and the like.";
        var choices = _session.Register.Iterations.All().Reverse()
            .Select(i => (i.Name, $"{i.Name}  {Core.Presentation.Formats.Date(i.BoardDate)}  {i.Title}"))
            .Prepend(("HEAD", "now (the register as last saved)"))
            .Append((Typed, "another commit or a date..."))
            .ToList();
        var title = from ? "Compare from" : "Compare to";
        var current = (from ? _compareFrom : _compareTo) ?? "HEAD";
        var picked = _prompts.Pick(title, "Choose a version of the register:", choices, Math.Max(0, choices.FindIndex(c => c.Item1 == current)));
        var typed = picked == Typed;
        var note = Hint;
        while (picked is not null)
        {
            if (typed)
            {
                picked = _prompts.Line(title, note, current, "C_ompare");
                if (string.IsNullOrWhiteSpace(picked))
                {
                    return;
                }
            }

            var error = from ? Compare(picked, _compareTo ?? "HEAD") : Compare(_compareFrom ?? "HEAD", picked);
            if (error is null)
            {
                return;
            }

            if (!typed)
            {
                _prompts.Tell("Cannot compare", error);
                return;
            }

            (note, current) = ("! " + error + "\n" + Hint, picked);
        }
    }

    /// <summary>The iterations, newest first: cut a new one, or compare one with now or remove it.</summary>
    private void Iterations()
    {
        const string New = "\u0000new";
        var iterations = _session.Register.Iterations.All();
        var choices = iterations.Reverse()
            .Select(i => (i.Name, $"{i.Name}  {Core.Presentation.Formats.Date(i.BoardDate)}  {i.By}  {i.Title}"))
            .Prepend((New, "Cut a new iteration of the register as committed now..."))
            .ToList();
        var picked = _prompts.Pick("Iterations", $"{Core.Domain.Text.Count(iterations.Count, "iteration")}, newest first, each with the date of its board meeting, who cut it and its title:", choices, selected: 0);
        if (picked is null)
        {
            return;
        }

        if (picked == New)
        {
            CutIteration();
            return;
        }

        var iteration = iterations.Single(i => i.Name == picked);
        var answer = Ask(
            $"Iteration {iteration.Name}",
            $"{(iteration.Title.Length > 0 ? iteration.Title + "\n" : "")}For the board of {Core.Presentation.Formats.Date(iteration.BoardDate)}.\nCut by {iteration.By} on {Core.Presentation.Formats.Moment(iteration.When)}, at commit {iteration.Commit[..7]}.",
            "Co_mpare with now", "Remove", "_Close");
        if (answer == 0)
        {
            if (Compare(iteration.Name, "HEAD") is { } error)
            {
                _prompts.Tell("Cannot compare", error);
                return;
            }

            Show(Screen.Compare);
        }
        else if (answer == 1)
        {
            var permission = _session.Gate.CutIteration();
            if (!permission.Allowed)
            {
                Say(permission.Reason);
            }
            else if (Ask("Remove iteration", $"Remove iteration {iteration.Name}? The commits it marked, and their history, are kept.", "Remove", "_Keep") == 0)
            {
                _session.Register.Iterations.Remove(iteration.Name);
                _session.Reload();
                WhenBaselineLoaded();
                Refresh();
                UpdateHeader();
                Say($"Removed iteration {iteration.Name}; its commit {iteration.Commit[..7]} and the history are kept.");
            }
        }
    }

    /// <summary>
    /// Cuts an iteration (governance leads): an annotated tag on the register as committed now, for
    /// the board meeting on the date given (today unless changed). A title left as offered follows
    /// the board date. A name or date refused is asked for again with the reason.
    /// </summary>
    private void CutIteration()
    {
        var permission = _session.Gate.CutIteration();
        if (!permission.Allowed)
        {
            Say(permission.Reason);
            return;
        }

        static string Offered(DateOnly board) => $"Board {Core.Presentation.Formats.Date(board)}";
        var today = _session.Today;
        var name = today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var boardText = Core.Presentation.Formats.Date(today);
        var board = today;
        var title = Offered(today);
        const string About = "Marks the register as committed now, for the board meeting on the date given. The name is how reviewers will compare with it later (such as 2025-03).";
        var note = About;
        while (true)
        {
            var answer = _prompts.Form("Cut an iteration", note, [("Name:", name), ("Title:", title), ("Board date:", boardText)], "_Cut iteration");
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
                _session.Register.Iterations.Cut(name, (title.Length > 0 ? title : $"Iteration {name}") + "\n", _session.Author!, boardDate: board);
                _session.Reload();
                WhenBaselineLoaded();
                Refresh();
                UpdateHeader();
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
