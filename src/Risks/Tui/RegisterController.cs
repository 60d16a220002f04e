using Risks.App;
using Terminal.Gui.Input;

namespace Risks.Tui;

/// <summary>
/// The register screen's controller: the filter as typed, sorting and the kinds of risk shown,
/// opening a risk or adding one, and the iterations and papers its keys open.
/// </summary>
internal sealed class RegisterController : ScreenController
{
    private readonly RiskController _risk;
    private readonly IterationsController _iterations;
    private readonly PapersController _papers;

    public RegisterController(IScreenHost host, RiskController risk, IterationsController iterations, PapersController papers)
        : base(host)
    {
        _risk = risk;
        _iterations = iterations;
        _papers = papers;
        Register = new RegisterView(host.Session);
        View = new RegisterScreen(Register);
        View.Table.Accepted += (_, _) => Open();
    }

    public override Screen Screen => Screen.Register;

    public override RegisterScreen View { get; }

    /// <summary>The rows shown, as filtered and sorted.</summary>
    public RegisterView Register { get; }

    public override void Shown()
    {
        View.Update();
        View.Table.SetFocus();
    }

    public override void Refresh()
    {
        Register.Refresh();
        View.Update();
    }

    /// <summary>Typing in the filter: letters type; Enter, Down and Esc go back to the table; Ctrl and F-keys stay commands.</summary>
    public override bool Intercepts(Key key)
    {
        if (!View.FilterBox.HasFocus)
        {
            return false;
        }

        if (key == Key.Enter || key == Key.CursorDown || key == Key.Esc)
        {
            View.Table.SetFocus();
            key.Handled = true;
            return true;
        }

        return !(key.IsCtrl || (key.KeyCode >= Terminal.Gui.Drivers.KeyCode.F1 && key.KeyCode <= Terminal.Gui.Drivers.KeyCode.F12));
    }

    public override void Execute(UiCommand command)
    {
        switch (command)
        {
            case UiCommand.Open:
                Open();
                break;
            case UiCommand.Filter:
                View.FilterBox.SetFocus();
                Say("Type to filter; Enter or Down goes back to the table.");
                break;
            case UiCommand.ClearFilters:
                Register.ClearFilters();
                View.Update();
                break;
            case UiCommand.Sort:
                Register.SortByNext();
                View.Update();
                break;
            case UiCommand.ReverseSort:
                Register.Reverse();
                View.Update();
                break;
            case UiCommand.ToggleStrategic:
                Register.ToggleStrategic();
                View.Update();
                break;
            case UiCommand.ToggleOperational:
                Register.ToggleOperational();
                View.Update();
                break;
            case UiCommand.ToggleClosed:
                Register.ToggleClosed();
                View.Update();
                break;
            case UiCommand.NewRisk:
                _risk.New();
                break;
            case UiCommand.Iterations:
                _iterations.Open();
                break;
            case UiCommand.Export:
                _papers.Export();
                break;
        }
    }

    private void Open() => _risk.Open(View.Selected?.Stored);
}
