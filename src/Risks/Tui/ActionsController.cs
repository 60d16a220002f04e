using Risks.App;

namespace Risks.Tui;

/// <summary>The actions screen's controller: the "mine" and "finished" toggles, and opening the risk of an action at that action.</summary>
internal sealed class ActionsController : ScreenController
{
    private readonly RiskController _risk;

    public ActionsController(IScreenHost host, RiskController risk)
        : base(host)
    {
        _risk = risk;
        Actions = new ActionsView(host.Session);
        View = new ActionsScreen(Actions, () => host.Session.Today);
        View.Table.Accepted += (_, _) => Open();
    }

    public override Screen Screen => Screen.Actions;

    public override ActionsScreen View { get; }

    /// <summary>The actions shown, overdue first.</summary>
    public ActionsView Actions { get; }

    public override void Shown()
    {
        View.Update();
        View.Table.SetFocus();
    }

    public override void Refresh()
    {
        Actions.Refresh();
        // Hidden, the screen is not updated; its rows are worked out when next asked for (the table asks as it is laid out,
        // even hidden), not once per refresh: the start refreshes every screen as the last iteration and as the trends come in.
        if (View.Visible)
        {
            View.Update();
        }
    }

    public override void Execute(UiCommand command)
    {
        switch (command)
        {
            case UiCommand.Open:
                Open();
                break;
            case UiCommand.ToggleMine:
                Actions.ToggleMine();
                View.Update();
                break;
            case UiCommand.ToggleFinished:
                Actions.ToggleFinished();
                View.Update();
                break;
        }
    }

    /// <summary>Opens the selected action's risk, at that action's text.</summary>
    private void Open()
    {
        var action = View.Selected;
        _risk.Open(action is null ? null : Session.Snapshot.Find(action.Risk.Id), action is null ? null : $"actions[{action.Index}].text");
    }
}
