using Risks.App;

namespace Risks.Tui;

/// <summary>The "who changed what" screen's controller: who last changed each field of the open risk, when and why.</summary>
internal sealed class BlameController : ScreenController
{
    private BlameView? _blame;

    public BlameController(IScreenHost host)
        : base(host)
    {
        View.Table.Accepted += (_, _) => host.Execute(UiCommand.Details);
    }

    public override Screen Screen => Screen.Blame;

    public override ListScreen View { get; } = new(["Field", "Who", "When", "Value"], 2, 6, (0, 15, 25), (1, 8, 16), (2, 11, 11));

    public override void Shown() => View.Table.SetFocus();

    public override void Execute(UiCommand command)
    {
        switch (command)
        {
            case UiCommand.Details:
                if (_blame is not null && View.SelectedIndex is var b && b >= 0)
                {
                    Prompts.Read(_blame.Fields[b].Label, Describe(_blame.Fields[b]));
                }

                break;
            case UiCommand.Back:
                Host.Show(Screen.Risk);
                break;
        }
    }

    /// <summary>Shows who last changed each field of the risk <paramref name="editor"/> has open (saved before).</summary>
    public void Open(RiskEditor editor)
    {
        _blame = BlameView.For(Session, editor.Id);
        var fields = _blame.Fields;
        var rows = fields.Select(f => new[] { f.Label, f.Revision.Author, Core.Presentation.Formats.Date(DateOnly.FromDateTime(f.Revision.When.DateTime)), _blame.Value(f).ReplaceLineEndings(" ") }).ToList();
        View.Show(
            $"Who last changed each field of {editor.Id} {editor.Original.Title}, as committed\nEnter shows the field and the commit in full.",
            rows,
            i => Describe(fields[i]));
        Host.Show(Screen.Blame);
    }

    private string Describe(Core.Changes.FieldOrigin field)
    {
        var r = field.Revision;
        return $"{field.Label}: {_blame!.Value(field).ReplaceLineEndings(" ")}\n"
            + $"{r.Author}, {Core.Presentation.Formats.Moment(r.When)} ({Core.Presentation.Formats.Ago(r.When, Session.Clock.GetUtcNow())}), commit {r.Id[..7]}: {r.Headline}\n"
            + (r.Reason is { } reason ? "Why: " + reason.ReplaceLineEndings(" ") : "No reason given.");
    }
}
