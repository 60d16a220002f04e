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
    public int Count(int impact, int likelihood) => Counted().Cells[impact - 1, likelihood - 1];

    /// <summary>
    /// Counts every cell in one pass over the risks shown, with the risks no cell shows (no score
    /// of this basis) and the total: a draw takes this once for all 25 cells.
    /// </summary>
    public (int[,] Cells, int Unscored, int Total) Counted()
    {
        var cells = new int[5, 5];
        var unscored = 0;
        var total = 0;
        foreach (var row in register.ForHeatMap())
        {
            total++;
            if (RegisterView.ScoreOf(row.Risk, Basis) is { Impact: >= 1 and <= 5, Likelihood: >= 1 and <= 5 } score)
            {
                cells[score.Impact - 1, score.Likelihood - 1]++;
            }
            else
            {
                unscored++;
            }
        }

        return (cells, unscored, total);
    }

    public Band? BandOf(int impact, int likelihood) => session.Settings.Bands.For(impact * likelihood);

    public string ImpactWord(int impact) => session.Settings.Scoring.DescribeImpact(impact);

    public string LikelihoodWord(int likelihood) => session.Settings.Scoring.DescribeLikelihood(likelihood);

    public string TitleFor(int total) => $"{Basis} scores of {total} risks ({register.FilterSummary})";

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
