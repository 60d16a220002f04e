using Risks.App;

namespace Risks.Tui;

/// <summary>The history screen's controller: every commit that changed the open risk, newest first; each version and its patch.</summary>
internal sealed class HistoryController : ScreenController
{
    private RiskHistoryView? _history;

    public HistoryController(IScreenHost host)
        : base(host)
    {
        View.Table.Accepted += (_, _) => host.Execute(UiCommand.ViewVersion);
    }

    public override Screen Screen => Screen.History;

    public override ListScreen View { get; } = new(["When", "Who", "Change"], 2, 7, (0, 18, 18), (1, 8, 18));

    public override void Shown() => View.Table.SetFocus();

    public override void Execute(UiCommand command)
    {
        switch (command)
        {
            case UiCommand.ViewVersion or UiCommand.ShowPatch:
                ShowVersion(command == UiCommand.ShowPatch);
                break;
            case UiCommand.Back:
                Host.Show(Screen.Risk);
                break;
        }
    }

    /// <summary>Shows the history of the risk <paramref name="editor"/> has open (saved before).</summary>
    public void Open(RiskEditor editor)
    {
        _history = RiskHistoryView.For(Session, editor.Id);
        var entries = _history.Entries;
        var rows = entries.Select(e => new[] { e.Exact, e.Who, e.Change }).ToList();
        View.Show(
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
        Host.Show(Screen.History);
    }

    /// <summary>The risk as it was after the selected commit, or that commit's patch of its file.</summary>
    private void ShowVersion(bool patch)
    {
        if (_history is null || View.SelectedIndex is var i && i < 0)
        {
            return;
        }

        var entry = _history.Entries[i];
        if (patch)
        {
            Prompts.Read($"Commit {entry.ShortCommit}: {entry.Version.Path}", _history.Patch(entry));
            return;
        }

        var text = entry.Version.After is { } risk
            ? Core.Domain.Text.Count(entry.Version.Changes.Count, "change") + " in this commit:\n" + string.Join('\n', entry.Changes.Select(c => "- " + c)) + "\n\n" + RiskFields.Text(risk, Session.Settings)
            : entry.Version.AfterVersion is null ? "The risk's file was removed in this commit." : "This version could not be read:\n" + string.Join('\n', entry.Version.Problems.Select(p => p.ToString()));
        Prompts.Read($"{_history.Id} after {entry.ShortCommit}, {entry.Exact} by {entry.Who}", text);
    }
}
