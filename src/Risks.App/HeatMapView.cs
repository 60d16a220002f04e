using Risks.Core.Domain;

namespace Risks.App;

/// <summary>
/// The 5x5 matrix: how many of the register's shown risks sit in each cell, by current, target
/// or inherent score, with a selected cell that Enter turns into a register filter.
/// </summary>
public sealed class HeatMapView(Session session, RegisterView register)
{
    public ScoreBasis Basis { get; private set; } = ScoreBasis.Current;

    /// <summary>The selected cell; starts at the top right (impact 5, likelihood 5).</summary>
    public Cell Selected { get; private set; } = new(5, 5);

    /// <summary>The number of risks in a cell.</summary>
    public int Count(int impact, int likelihood) =>
        register.ForHeatMap().Count(r => RegisterView.ScoreOf(r.Risk, Basis) is { } s && s.Impact == impact && s.Likelihood == likelihood);

    /// <summary>Risks without a score of this basis, which no cell shows.</summary>
    public int Unscored => register.ForHeatMap().Count(r => RegisterView.ScoreOf(r.Risk, Basis) is null);

    public int Total => register.ForHeatMap().Count();

    public Band? BandOf(int impact, int likelihood) => session.Settings.Bands.For(impact * likelihood);

    public string ImpactWord(int impact) => session.Settings.Scoring.DescribeImpact(impact);

    public string LikelihoodWord(int likelihood) => session.Settings.Scoring.DescribeLikelihood(likelihood);

    public string Title => $"{Basis} scores of {Total} risks ({register.FilterSummary})";

    /// <summary>Current, then target, then inherent, then current again.</summary>
    public void NextBasis() => Basis = Basis switch
    {
        ScoreBasis.Current => ScoreBasis.Target,
        ScoreBasis.Target => ScoreBasis.Inherent,
        _ => ScoreBasis.Current,
    };

    /// <summary>Moves the selection; likelihood runs left to right, impact bottom to top.</summary>
    public void Move(int likelihoodStep, int impactStep) =>
        Selected = new Cell(Math.Clamp(Selected.Impact + impactStep, 1, 5), Math.Clamp(Selected.Likelihood + likelihoodStep, 1, 5));

    public void Select(Cell cell) => Selected = new Cell(Math.Clamp(cell.Impact, 1, 5), Math.Clamp(cell.Likelihood, 1, 5));

    /// <summary>Filters the register to the selected cell.</summary>
    public void FilterRegister() => register.FilterToCell(Selected, Basis);
}
