using Risks.App;

namespace Risks.Tui;

/// <summary>The heat map's controller: moving between cells, switching the score shown, and filtering the register to a cell.</summary>
internal sealed class HeatMapController : ScreenController
{
    private readonly RegisterController _register;

    public HeatMapController(IScreenHost host, RegisterController register)
        : base(host)
    {
        _register = register;
        Map = new HeatMapView(host.Session, register.Register);
        View = new HeatMapScreen(Map, () => host.Execute(UiCommand.FilterToCell));
    }

    public override Screen Screen => Screen.HeatMap;

    public override HeatMapScreen View { get; }

    /// <summary>The counts per cell and the cell selected.</summary>
    public HeatMapView Map { get; }

    public override void Shown() => View.SetFocus();

    public override void Execute(UiCommand command)
    {
        switch (command)
        {
            case UiCommand.NextBasis:
                Map.NextBasis();
                View.SetNeedsDraw();
                break;
            case UiCommand.CellUp or UiCommand.CellDown or UiCommand.CellLeft or UiCommand.CellRight:
                Map.Move(
                    command switch { UiCommand.CellLeft => -1, UiCommand.CellRight => 1, _ => 0 },
                    command switch { UiCommand.CellUp => 1, UiCommand.CellDown => -1, _ => 0 });
                View.SetNeedsDraw();
                break;
            case UiCommand.FilterToCell:
                Map.FilterRegister();
                _register.View.Update();
                Host.Show(Screen.Register);
                Say($"Filtered to {Map.Basis.ToString().ToLowerInvariant()} {Map.Selected}; x clears the filters.");
                break;
        }
    }
}
