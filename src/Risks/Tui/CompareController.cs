using Risks.App;
using Risks.Storage.Git;

namespace Risks.Tui;

/// <summary>
/// The compare screen's controller: two versions of the register side by side (iterations,
/// commits or dates), each risk's movement and changes, and choosing either side.
/// </summary>
internal sealed class CompareController : ScreenController
{
    private ComparisonView? _comparison;
    private string? _from;
    private string? _to;

    public CompareController(IScreenHost host)
        : base(host)
    {
        View.Table.Accepted += (_, _) => host.Execute(UiCommand.Details);
    }

    public override Screen Screen => Screen.Compare;

    public override ListScreen View { get; } = new(["Risk", "Title", "Movement", "Changes"], 5, 6, (0, 8, 11), (1, 12, 22), (2, 9, 25));

    public override void Shown() => View.Table.SetFocus();

    public override void Execute(UiCommand command)
    {
        switch (command)
        {
            case UiCommand.Details:
                var c = View.SelectedIndex;
                if (_comparison is not null && c >= 0 && c < _comparison.Risks.Count)
                {
                    var risk = _comparison.Risks[c];
                    Prompts.Read($"{risk.Id} {risk.Title}: {_comparison.Title}", _comparison.BothSides(risk));
                }
                else if (_comparison is not null && c >= _comparison.Risks.Count && c - _comparison.Risks.Count < _comparison.Diff.Tracked.Count)
                {
                    var item = _comparison.Diff.Tracked[c - _comparison.Risks.Count];
                    Prompts.Read($"{item.Heading}: {_comparison.Title}", string.Join('\n', item.Changes.Select(line => "- " + line).DefaultIfEmpty(item.Heading)));
                }

                break;
            case UiCommand.CompareFrom or UiCommand.CompareTo:
                ChooseSide(command == UiCommand.CompareFrom);
                break;
            case UiCommand.Back:
                Host.Show(Screen.Register);
                break;
        }
    }

    /// <summary>The compare screen, by default this month's iteration against last month's (or the last one against now).</summary>
    public void Open()
    {
        var iterations = Session.Register.Iterations.All();
        var (from, to) = (_from, _to) is (string f, string t) ? (f, t) : iterations.Count switch
        {
            0 => ("HEAD", "HEAD"),
            1 => (iterations[0].Name, "HEAD"),
            _ => (iterations[^2].Name, iterations[^1].Name),
        };

        var error = Compare(from, to);
        Host.Show(Screen.Compare);
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
    public string? Compare(string from, string to)
    {
        try
        {
            _comparison = ComparisonView.Of(Session.Register.Comparisons, from, to);
        }
        catch (RegisterException ex)
        {
            return ex.Message;
        }

        (_from, _to) = (from, to);
        var view = _comparison;
        // The board actions and undertakings that changed follow the risks.
        var tracked = view.Diff.Tracked;
        var rows = view.Risks.Select(r => new[] { r.Id.Value, r.Title, ComparisonView.BriefMovement(r), ComparisonView.Summary(r) })
            .Concat(tracked.Select(t => new[] { $"{(t.Noun == "board action" ? "Action" : "Undertaking")} {t.Number}", t.Title, t.Kind.ToString().ToLowerInvariant(), Core.Domain.Text.Count(t.Changes.Count, "change") }))
            .ToList();
        View.Show(
            $"From {view.Diff.From.Description}\n  to {view.Diff.To.Description}\n{view.MovementCounts}{(tracked.Count > 0 ? $"; board log: {tracked.Count} changed (listed after the risks)" : "")}\n{view.ChangeCounts}",
            rows,
            i => i < view.Risks.Count ? view.DetailLines(view.Risks[i]) : [.. tracked[i - view.Risks.Count].Changes.Select(line => MarkedLine.Plain("- " + line)).Prepend(MarkedLine.Plain(tracked[i - view.Risks.Count].Heading))],
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
        var choices = Session.Register.Iterations.All().Reverse()
            .Select(i => (i.Name, $"{i.Name}  {Core.Presentation.Formats.Date(i.BoardDate)}  {i.Title}"))
            .Prepend(("HEAD", "now (the register as last saved)"))
            .Append((Typed, "another commit or a date..."))
            .ToList();
        var title = from ? "Compare from" : "Compare to";
        var current = (from ? _from : _to) ?? "HEAD";
        var picked = Prompts.Pick(title, "Choose a version of the register:", choices, Math.Max(0, choices.FindIndex(c => c.Item1 == current)));
        var typed = picked == Typed;
        var note = Hint;
        while (picked is not null)
        {
            if (typed)
            {
                picked = Prompts.Line(title, note, current, "C_ompare");
                if (string.IsNullOrWhiteSpace(picked))
                {
                    return;
                }
            }

            var error = from ? Compare(picked, _to ?? "HEAD") : Compare(_from ?? "HEAD", picked);
            if (error is null)
            {
                return;
            }

            if (!typed)
            {
                Prompts.Tell("Cannot compare", error);
                return;
            }

            (note, current) = ("! " + error + "\n" + Hint, picked);
        }
    }
}
