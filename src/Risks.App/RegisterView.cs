using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Schema;
using Risks.Core.Scoring;
using Risks.Core.Validation;
using Risks.Storage.Git;

namespace Risks.App;

/// <summary>The register table's columns, in the order shown.</summary>
/// <summary>The register's columns, most needed first: at 80 columns everything up to the actions is on screen.</summary>
public enum RegisterColumn { Id, Title, Score, Band, Review, Actions, Rules, Target, Trend, Owner }

/// <summary>Which score the heat map (and a heat-map cell filter) uses.</summary>
public enum ScoreBasis { Current, Target, Inherent }

/// <summary>One cell of the 5x5 matrix.</summary>
public readonly record struct Cell(int Impact, int Likelihood)
{
    public override string ToString() => $"impact {Impact} x likelihood {Likelihood}";
}

/// <summary>One row of the register table: the risk and its cells as text. <see cref="Trend"/> is null while the last iteration is being read, or when there is none.</summary>
public sealed record RegisterRow(StoredRisk Stored, RiskFacts Facts, Trend? Trend)
{
    /// <summary>The current score at the last iterations and now, oldest first (empty until read).</summary>
    public IReadOnlyList<int?> Trail { get; init; } = [];

    /// <summary>The BAF rules the risk breaks (<c>risks check --baf</c>), at the severity the register gives each.</summary>
    public IReadOnlyList<Breach> Breaches { get; init; } = [];

    public int BreachErrors => Breaches.Count(b => b.Severity == RuleSeverity.Error);

    public Risk Risk => Facts.Risk;

    public string Text(RegisterColumn column, RegisterSettings settings, DateOnly today) => column switch
    {
        RegisterColumn.Id => Risk.Id.Value,
        RegisterColumn.Title => Risk.Status == RiskStatus.Open ? Risk.Title : $"{Risk.Title} ({Vocabulary.Phrase(Risk.Status)})",
        RegisterColumn.Owner => settings.NameOf(Risk.Owner),
        RegisterColumn.Score => Formats.Score(Risk.Current),
        RegisterColumn.Band => Facts.Band?.Name ?? "",
        RegisterColumn.Trend => Trail.Count > 1 ? $"{Sparkline.Of(Trail)}{(Trend is { } t ? Formats.Trend(t)[..1] : "")}" : Trend is { } trend ? Formats.Trend(trend) : "",
        RegisterColumn.Target => Facts.TargetScore?.ToString(Formats.Culture) ?? "",
        RegisterColumn.Review => Risk.NextReview is { } next ? Formats.Due(next, today) : "not set",
        RegisterColumn.Rules => RulesCell(),
        RegisterColumn.Actions => Facts.OverdueActions.Count > 0 ? $"{Facts.OpenActions.Count}, {Facts.OverdueActions.Count} late" : Facts.OpenActions.Count.ToString(Formats.Culture),
        _ => "",
    };

    private string RulesCell()
    {
        var errors = BreachErrors;
        var warnings = Breaches.Count - errors;
        var parts = new List<string>();
        if (errors > 0)
        {
            parts.Add(Core.Domain.Text.Count(errors, "error"));
        }

        if (warnings > 0)
        {
            parts.Add(Core.Domain.Text.Count(warnings, "warning"));
        }

        return string.Join(", ", parts);
    }
}

/// <summary>
/// The register screen: every risk the filters let through, sorted, with a line of counts per
/// band. Filters: text typed after <c>/</c> (every word must appear in some column), strategic,
/// operational and closed toggles, and a heat-map cell.
/// </summary>
public sealed class RegisterView
{
    private readonly Session _session;
    private List<RegisterRow> _all = [];

    public RegisterView(Session session)
    {
        _session = session;
        Refresh();
    }

    public IReadOnlyList<RegisterRow> Rows { get; private set; } = [];

    /// <summary>The BAF rules are still being checked (see <see cref="Session.CheckRulesLater"/>): no row shows a breach yet.</summary>
    public bool RulesPending { get; private set; }

    public string FilterText { get; private set; } = "";

    public bool ShowStrategic { get; private set; } = true;

    public bool ShowOperational { get; private set; } = true;

    public bool ShowClosed { get; private set; }

    /// <summary>Only risks whose <see cref="CellBasis"/> score is in this cell.</summary>
    public Cell? CellFilter { get; private set; }

    public ScoreBasis CellBasis { get; private set; }

    public RegisterColumn SortColumn { get; private set; } = RegisterColumn.Score;

    public bool Descending { get; private set; } = true;

    public static IReadOnlyList<RegisterColumn> Columns { get; } = Enum.GetValues<RegisterColumn>();

    public string Heading(RegisterColumn column)
    {
        var name = column switch
        {
            RegisterColumn.Score => "Score",
            RegisterColumn.Review => "Next review",
            RegisterColumn.Actions => "Actions",
            RegisterColumn.Rules => "BAF rules",
            _ => column.ToString(),
        };
        return column == SortColumn ? name + (Descending ? " ▼" : " ▲") : name;
    }

    public string Cell(RegisterRow row, RegisterColumn column) => row.Text(column, _session.Settings, _session.Today);

    /// <summary>When no risk is shown: why, and what to do next; null when there are risks to show.</summary>
    public string? Empty
    {
        get
        {
            if (Rows.Count > 0)
            {
                return null;
            }

            if (_all.Count > 0)
            {
                return $"No risk matches the filters shown above. {Key(UiCommand.ClearFilters)} clears them; {Key(UiCommand.ToggleStrategic)}, {Key(UiCommand.ToggleOperational)} and {Key(UiCommand.ToggleClosed)} show strategic, operational and closed risks.";
            }

            var settings = _session.Settings;
            var lead = _session.Access.Role == Role.GovernanceLead;
            var (settingsKey, newKey) = (Key(UiCommand.ShowSettings), Key(UiCommand.NewRisk));
            var first = settings.Objectives.Count == 0 || settings.People.Count < 2
                ? lead
                    ? $"Start with the settings (press {settingsKey}): add your strategic objectives{(settings.People.Count < 2 ? " and the people who own risks" : "")}. Then come back here ({Key(UiCommand.ShowRegister)}) and press {newKey} to add your first risk."
                    : $"A governance lead starts it: the settings ({settingsKey}) list who that is."
                : lead ? $"Press {newKey} to add the first risk." : "A governance lead adds the first risk.";
            return $"There are no risks in the register yet.\n\n{first}\n\n{Key(UiCommand.Help)} lists every key on any screen.";
        }
    }

    private static string Key(UiCommand command) => KeyMap.KeyOf(command);

    /// <summary>The risks shown, by band, and how many break BAF rules: <c>14 of 14 risks: 11 Extreme, 2 High, 1 Moderate, 0 Low; 3 break BAF rules</c>.</summary>
    public string Counts
    {
        get
        {
            var bands = _session.Settings.Bands.Bands.Reverse()
                .Select(b => $"{Rows.Count(r => r.Facts.Band == b)} {b.Name}");
            var counts = $"{Rows.Count} of {_all.Count} risks: {string.Join(", ", bands)}";
            if (Rows.Count == 0 && _all.Count > 0)
            {
                counts += " (x clears the filters)";
            }

            var breaking = Rows.Count(r => r.Breaches.Count > 0);
            if (RulesPending)
            {
                counts += "; checking the BAF rules";
            }
            else if (breaking > 0)
            {
                counts += $"; {breaking} break BAF rules";
            }

            var unreadable = _session.Snapshot.InvalidFiles.Count;
            return unreadable == 0 ? counts : $"{counts}; {Text.Count(unreadable, "file")} cannot be read ('risks check' says why)";
        }
    }

    /// <summary>
    /// What is the logged-in person's to do within the reminders' window (<c>risks remind</c>): reviews
    /// of the risks they own, the actions and board actions they lead, and sign-offs waiting,
    /// <c>yours due: 3 (1 overdue)</c>; null when nothing is. Worked out when the register is read, not at each redraw.
    /// </summary>
    public string? Due { get; private set; }

    private string? WorkOutDue(DateOnly today)
    {
        var items = Core.Reminders.Reminders.For(
                _session.Snapshot.Risks.Select(s => s.Risk),
                _session.Settings,
                today,
                Core.Reminders.Reminders.DefaultDays,
                _session.Login,
                r => _session.Register.SignOffs.Waiting(r, _session.Settings),
                _session.Register.BoardActions.List().Items.Select(a => a.Item),
                _session.Register.Undertakings.List().Items.Select(a => a.Item))
            .SelectMany(d => d.Items).ToList();
        if (items.Count == 0)
        {
            return null;
        }

        var overdue = items.Count(i => i.IsOverdue(today));
        return $"yours due: {items.Count}{(overdue > 0 ? $" ({overdue} overdue)" : "")}";
    }

    /// <summary>What the filters are, in words, for the line above the table.</summary>
    public string FilterSummary
    {
        get
        {
            var kinds = (ShowStrategic, ShowOperational) switch
            {
                (true, true) => "strategic and operational",
                (true, false) => "strategic only",
                (false, true) => "operational only",
                _ => "no kinds (press b or o)",
            };
            var parts = new List<string> { kinds, ShowClosed ? "open and closed" : "open" };
            if (FilterText.Length > 0)
            {
                parts.Add($"matching \"{FilterText}\"");
            }

            if (CellFilter is { } cell)
            {
                parts.Add($"{CellBasis.ToString().ToLowerInvariant()} {cell}");
            }

            return string.Join("; ", parts);
        }
    }

    public void Filter(string text)
    {
        FilterText = text.Trim();
        Apply();
    }

    public void ToggleStrategic()
    {
        ShowStrategic = !ShowStrategic;
        Apply();
    }

    public void ToggleOperational()
    {
        ShowOperational = !ShowOperational;
        Apply();
    }

    public void ToggleClosed()
    {
        ShowClosed = !ShowClosed;
        Apply();
    }

    public void FilterToCell(Cell? cell, ScoreBasis basis)
    {
        CellFilter = cell;
        CellBasis = basis;
        Apply();
    }

    /// <summary>Back to every open risk, strategic and operational, with no text or cell.</summary>
    public void ClearFilters()
    {
        FilterText = "";
        ShowStrategic = ShowOperational = true;
        ShowClosed = false;
        CellFilter = null;
        Apply();
    }

    /// <summary>Sorts by <paramref name="column"/>; the same column again reverses the order.</summary>
    public void SortBy(RegisterColumn column)
    {
        Descending = column == SortColumn ? !Descending : column is RegisterColumn.Score or RegisterColumn.Band or RegisterColumn.Target or RegisterColumn.Actions or RegisterColumn.Rules or RegisterColumn.Trend;
        SortColumn = column;
        Apply();
    }

    /// <summary>Sorts by the next column to the right (after the last, the first).</summary>
    public void SortByNext() => SortBy(Columns[(Columns.ToList().IndexOf(SortColumn) + 1) % Columns.Count]);

    public void Reverse()
    {
        Descending = !Descending;
        Apply();
    }

    /// <summary>The risks the kind and status toggles and the text let through, whatever the cell filter: what the heat map counts.</summary>
    public IEnumerable<RegisterRow> ForHeatMap() => _all.Where(r => PassesToggles(r) && PassesText(r));

    /// <summary>The index in <see cref="Rows"/> of a risk, or -1.</summary>
    public int IndexOf(RiskId id) => Rows.ToList().FindIndex(r => r.Risk.Id.Identity == id.Identity);

    /// <summary>Reads the session's snapshot again (after a save or reload).</summary>
    public void Refresh()
    {
        var today = _session.Today;
        var breaches = _session.Breaches;
        RulesPending = breaches is null;
        _all = _session.Snapshot.Risks
            .Select(s => new RegisterRow(s, RiskFacts.Of(s.Risk, _session.Settings, today), _session.Baseline is null ? null : Trends.Of(s.Risk, _session.AtBaseline(s.Risk.Id)))
            {
                Trail = _session.Trail(s.Risk),
                Breaches = breaches is null ? [] : [.. breaches[s.Risk.Id.Identity]],
            })
            .ToList();
        Due = WorkOutDue(today);
        Apply();
    }

    public static Score? ScoreOf(Risk risk, ScoreBasis basis) => basis switch
    {
        ScoreBasis.Target => risk.Target,
        ScoreBasis.Inherent => risk.Inherent,
        _ => risk.Current,
    };

    private bool PassesToggles(RegisterRow row) =>
        (row.Risk.Kind == RiskKind.Strategic ? ShowStrategic : ShowOperational)
        && (ShowClosed || row.Risk.Status == RiskStatus.Open);

    private bool PassesText(RegisterRow row)
    {
        if (FilterText.Length == 0)
        {
            return true;
        }

        var settings = _session.Settings;
        var today = _session.Today;
        var haystack = string.Join(
            " | ",
            Columns.Select(c => row.Text(c, settings, today))
                .Append(Formats.Band(row.Facts.Band))
                .Append(row.Risk.Directorate ?? "")
                .Append(row.Risk.Owner)
                .Concat(row.Risk.Leads.Select(settings.NameOf))
                .Concat(row.Risk.Committees)
                .Concat(row.Risk.Objectives)
                .Concat(RiskSchema.CustomParts(settings, row.Risk).SelectMany(f =>
                    (f.IsList ? f.List(row.Risk.Custom) : [f.Text(row.Risk.Custom) ?? ""]).Select(v => FieldValues.Show(f, v, settings)))));
        return FilterText.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .All(word => haystack.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    private bool PassesCell(RegisterRow row) =>
        CellFilter is not { } cell
        || (ScoreOf(row.Risk, CellBasis) is { } score && score.Impact == cell.Impact && score.Likelihood == cell.Likelihood);

    private void Apply()
    {
        var rows = _all.Where(r => PassesToggles(r) && PassesText(r) && PassesCell(r));
        var ordered = SortColumn switch
        {
            RegisterColumn.Id => Order(rows, r => r.Risk.Id.Prefix, r => r.Risk.Id.Number),
            RegisterColumn.Title => Order(rows, r => r.Risk.Title.ToUpperInvariant(), r => 0),
            RegisterColumn.Owner => Order(rows, r => _session.Settings.NameOf(r.Risk.Owner).ToUpperInvariant(), r => 0),
            RegisterColumn.Score or RegisterColumn.Band => Order(rows, r => r.Facts.CurrentScore ?? -1, r => r.Risk.Current?.Impact ?? -1),
            RegisterColumn.Trend => Order(rows, r => r.Trend is { } t ? (int)t : -1, r => r.Facts.CurrentScore ?? -1),
            RegisterColumn.Target => Order(rows, r => r.Facts.TargetScore ?? -1, r => r.Facts.CurrentScore ?? -1),
            RegisterColumn.Review => Order(rows, r => r.Risk.NextReview?.DayNumber ?? int.MaxValue, r => 0),
            RegisterColumn.Rules => Order(rows, r => r.BreachErrors, r => r.Breaches.Count),
            _ => Order(rows, r => r.Facts.OverdueActions.Count, r => r.Facts.OpenActions.Count),
        };
        Rows = ordered.ThenBy(r => r.Risk.Id.Prefix, StringComparer.Ordinal).ThenBy(r => r.Risk.Id.Number).ToList();
    }

    private IOrderedEnumerable<RegisterRow> Order<TFirst, TSecond>(IEnumerable<RegisterRow> rows, Func<RegisterRow, TFirst> first, Func<RegisterRow, TSecond> second) =>
        Descending
            ? rows.OrderByDescending(first).ThenByDescending(second)
            : rows.OrderBy(first).ThenBy(second);
}
