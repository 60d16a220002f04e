using System.Globalization;
using Risks.Core.Changes;
using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Schema;
using Risks.Core.Scoring;

namespace Risks.Core.Papers;

/// <summary>
/// Where a paper's register came from: the commit it was read at, the iteration that commit is
/// (if any), the earlier iteration movement is measured against (if any), and the day the paper
/// is "as at". Everything here is fixed by the commit and its tags, never by the clock, so the
/// same iteration always gives the same paper.
/// </summary>
public sealed record PaperSource
{
    /// <summary>The full sha of the commit the register was read at.</summary>
    public required string Commit { get; init; }

    /// <summary>When that commit was made.</summary>
    public required DateTimeOffset Committed { get; init; }

    /// <summary>The iteration the commit is, such as <c>2025-03</c>, or null for a commit that is not one.</summary>
    public string? Iteration { get; init; }

    /// <summary>The iteration's title, such as "Board 13 March 2025".</summary>
    public string? IterationTitle { get; init; }

    /// <summary>The day of the board meeting the iteration is for.</summary>
    public DateOnly? IterationBoardDate { get; init; }

    /// <summary>When the iteration was cut and by whom.</summary>
    public DateTimeOffset? IterationCut { get; init; }

    public string? IterationCutBy { get; init; }

    /// <summary>The cover sheet given for the iteration (empty for a commit that is not one, or when none was given).</summary>
    public CoverSheet Cover { get; init; } = new();

    /// <summary>The earlier iteration movement is measured against, such as <c>2025-01</c>.</summary>
    public string? Baseline { get; init; }

    /// <summary>The day of the board meeting the earlier iteration was for: it names the report, as in "January 2025 report".</summary>
    public DateOnly? BaselineBoardDate { get; init; }

    /// <summary>
    /// The day the paper speaks of: the iteration's board date (else the day it was cut), or for a
    /// commit that is not an iteration the commit's. Its month is the paper's period; actions due before it are overdue.
    /// </summary>
    public DateOnly AsAt => IterationBoardDate ?? DateOnly.FromDateTime((IterationCut ?? Committed).DateTime);

    public string ShortCommit => Commit.Length > 10 ? Commit[..10] : Commit;
}

/// <summary>
/// The Board Assurance Framework paper as the board reads it: a summary table of the strategic
/// risks, one section per strategic risk, the heat map, the risks outside appetite or target, and
/// partner organisations' red risks. Built from the register at one commit and worded as a
/// <see cref="PaperDocument"/>, which the renderers (<see cref="PaperHtml"/>,
/// <see cref="PaperMarkdown"/>) only lay out.
/// </summary>
public sealed record BoardPaper
{
    public required string Organisation { get; init; }

    /// <summary>"March 2025": the month the paper is for.</summary>
    public required string Period { get; init; }

    public required PaperSource Source { get; init; }

    /// <summary>"January 2025 report", or null when there is no earlier iteration.</summary>
    public string? BaselineReport { get; init; }

    public required IReadOnlyList<RiskSection> Risks { get; init; }

    public required HeatMap HeatMap { get; init; }

    public required IReadOnlyList<OutsideRow> Outside { get; init; }

    public required IReadOnlyList<PartnerRisk> PartnerRisks { get; init; }

    /// <summary>The band scheme, for the key under the heat map.</summary>
    public required BandScheme Bands { get; init; }

    /// <summary>The words for impact and likelihood 1-5, for the heat map's axes.</summary>
    public required ScoringMatrix Scoring { get; init; }

    /// <summary>How many open operational risks sit beneath the strategic ones.</summary>
    public int OperationalCount { get; init; }

    /// <summary>Risk files that could not be read at the commit, so are not in the paper: the paper says so.</summary>
    public IReadOnlyList<string> Unreadable { get; init; } = [];

    /// <summary>The board's action log as committed: the paper lists the open actions, the overdue first.</summary>
    public IReadOnlyList<Board.BoardAction> BoardActions { get; init; } = [];

    /// <summary>The undertakings as committed: the paper lists the open ones with each milestone's state.</summary>
    public IReadOnlyList<Board.Undertaking> Undertakings { get; init; } = [];

    /// <summary>The register's settings the paper was made with, for the leads' names.</summary>
    public RegisterSettings? Settings { get; init; }

    /// <summary>
    /// The cover sheet's summary of movement among the strategic risks since the last report:
    /// "Since the January 2025 report: 1 new, 0 closed; scores 0 up, 2 down, 6 unchanged.", or
    /// that there is no earlier report to compare with.
    /// </summary>
    public string MovementSummary { get; init; } = "";

    /// <summary>
    /// Builds the paper from the register at <paramref name="source"/>'s commit (<paramref name="risks"/>)
    /// and, for movement, the register at the baseline iteration (<paramref name="baseline"/>, null
    /// when there is none). Only open risks are reported.
    /// </summary>
    /// <param name="signOffs">Each risk's sign-off state by id, when the register signs risks off (a risk has been, or register.yaml requires it); the paper then says of each strategic risk who signed it off and whether it has changed since.</param>
    public static BoardPaper Of(RegisterSettings settings, IReadOnlyList<Risk> risks, IReadOnlyList<Risk>? baseline, PaperSource source, IReadOnlyDictionary<string, Changes.SignOffState>? signOffs = null)
    {
        var asAt = source.AsAt;
        var open = risks.Where(r => r.Status == RiskStatus.Open).OrderBy(r => r.Id.Prefix, StringComparer.Ordinal).ThenBy(r => r.Id.Number).ToList();
        var then = baseline?.GroupBy(r => r.Id.Identity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var report = source.BaselineBoardDate is { } board ? Movement.ReportName(board) : null;
        var titles = risks.GroupBy(r => r.Id.Identity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);

        var sections = open
            .Where(r => r.Kind == RiskKind.Strategic)
            .Select((risk, i) => RiskSection.Of(
                i + 1,
                risk,
                settings,
                asAt,
                then is null || report is null ? null : Movement.Since(then.GetValueOrDefault(risk.Id.Identity), risk, report),
                titles) with
                {
                    SignOff = signOffs?.GetValueOrDefault(risk.Id.Identity, Changes.SignOffState.None),
                    SignOffText = signOffs?.GetValueOrDefault(risk.Id.Identity, Changes.SignOffState.None).Describe(settings) ?? "",
                })
            .ToList();

        var facts = open.Select(r => RiskFacts.Of(r, settings, asAt)).ToList();
        var outside = facts
            .Where(f => f.AboveTolerance || f.OutsideTarget)
            .OrderBy(f => f.Risk.Kind)
            .ThenByDescending(f => f.CurrentScore)
            .Select(f => OutsideRow.Of(f))
            .ToList();

        return new BoardPaper
        {
            Organisation = settings.Organisation,
            Period = asAt.ToString("MMMM yyyy", Formats.Culture),
            Source = source,
            BaselineReport = report,
            Risks = sections,
            HeatMap = HeatMap.Of(open, settings.Bands),
            Outside = outside,
            // Grouped by organisation (the one with the highest score first), each group highest score first.
            PartnerRisks =
            [
                .. settings.PartnerRisks
                    .GroupBy(p => p.Organisation, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Max(p => p.Score)).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .SelectMany(g => g.OrderByDescending(p => p.Score)),
            ],
            Bands = settings.Bands,
            Scoring = settings.Scoring,
            OperationalCount = open.Count(r => r.Kind == RiskKind.Operational),
            Settings = settings,
            MovementSummary = SummaryOfMovement(open.Where(r => r.Kind == RiskKind.Strategic).ToList(), baseline, report),
        };
    }

    private static string SummaryOfMovement(IReadOnlyList<Risk> strategic, IReadOnlyList<Risk>? baseline, string? report)
    {
        if (baseline is null || report is null)
        {
            return "There is no earlier report to compare with.";
        }

        var before = baseline.Where(r => r.Kind == RiskKind.Strategic && r.Status == RiskStatus.Open).GroupBy(r => r.Id.Identity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = strategic.Select(r => r.Id.Identity).ToHashSet(StringComparer.Ordinal);
        var compared = strategic.Where(r => before.ContainsKey(r.Id.Identity)).Select(r => (Was: before[r.Id.Identity].Current?.Value, Is: r.Current?.Value)).ToList();
        var up = compared.Count(c => c.Was is { } was && c.Is is { } score && score > was);
        var down = compared.Count(c => c.Was is { } was && c.Is is { } score && score < was);
        return $"Since the {report}: {strategic.Count - compared.Count} new, {before.Keys.Count(k => !now.Contains(k))} closed; scores {up} up, {down} down, {compared.Count - up - down} unchanged.";
    }

    /// <summary>
    /// "Iteration 2025-03 (Board 13 March 2025), for the board of 13 Mar 2025, cut 11 Mar 2025 by
    /// Sara O'Connor", or "Not an iteration" for a plain commit.
    /// </summary>
    public string IterationLine => Source.Iteration is { } name
        ? $"Iteration {name}{(string.IsNullOrWhiteSpace(Source.IterationTitle) ? "" : $" ({Source.IterationTitle})")}, "
            + (Source.IterationBoardDate is { } board ? $"for the board of {Formats.Date(board)}, " : "")
            + $"cut {Formats.Date(DateOnly.FromDateTime(Source.IterationCut!.Value.DateTime))}{(string.IsNullOrWhiteSpace(Source.IterationCutBy) ? "" : $" by {Source.IterationCutBy}")}"
        : "Not an iteration: the register as committed";

    /// <summary>A text as a sentence: with a full stop unless it already ends in one (or in ? or !).</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '?' or '!' ? trimmed : trimmed + ".";
    }

    /// <summary>"Commit 1a2b3c4d5e of 12 Mar 2025 10:02".</summary>
    public string CommitLine => $"Commit {Source.ShortCommit} of {Formats.Moment(Source.Committed)}";

    /// <summary>"8 strategic risks on the framework, 6 open operational risks beneath them."</summary>
    public string ScopeLine =>
        $"{Text.Count(Risks.Count, "strategic risk")} on the framework, {Text.Count(OperationalCount, "open operational risk")} beneath them.";

    /// <summary>"Movement is measured against the January 2025 report (iteration 2025-01)".</summary>
    public string MovementLine => BaselineReport is { } report
        ? $"Movement is measured against the {report} (iteration {Source.Baseline})."
        : "There is no earlier iteration to measure movement against.";
}

/// <summary>One strategic risk as its section of the paper shows it.</summary>
public sealed record RiskSection
{
    /// <summary>1, 2, 3...: the risk's number in the paper.</summary>
    public required int Number { get; init; }

    public required Risk Risk { get; init; }

    public required RiskFacts Facts { get; init; }

    /// <summary>"No change since the January 2025 report", or null without a baseline.</summary>
    public string? Movement { get; init; }

    /// <summary>Where the risk's sign-off stands, when the register signs risks off; null when it does not.</summary>
    public Changes.SignOffState? SignOff { get; init; }

    /// <summary>The sign-off in words, with people named: "Signed off by Rebecca Jarvis on 3 Mar 2025".</summary>
    public string SignOffText { get; init; } = "";

    /// <summary>"Kathy Bonney, Interim Chief People Officer".</summary>
    public required string Owner { get; init; }

    /// <summary>The owner's name alone, for the summary's SRO column.</summary>
    public required string OwnerName { get; init; }

    public required IReadOnlyList<string> Leads { get; init; }

    /// <summary>"SO2 Reduce health inequalities".</summary>
    public required IReadOnlyList<string> Objectives { get; init; }

    /// <summary>The register's own risks it is linked with: "CRR-018 Health inequalities data".</summary>
    public required IReadOnlyList<string> Linked { get; init; }

    /// <summary>References in other systems, kept apart from the register's risks: "Datix 18".</summary>
    public IReadOnlyList<string> ExternalRefs { get; init; } = [];

    /// <summary>
    /// The fields the paper shows beyond those it places itself (<see cref="PaperFields.Placed"/>):
    /// every other field marked for the paper, built-in or the register's own (declared with
    /// <c>paper: true</c>), as caption and value, in the schema's order; those the risk has no value
    /// for are shown as "Not stated".
    /// </summary>
    public IReadOnlyList<(string Label, string Value)> OtherFields { get; init; } = [];

    public IEnumerable<Gap> ControlGaps => Risk.Gaps.Where(g => g.Type == GapType.Control);

    public IEnumerable<Gap> AssuranceGaps => Risk.Gaps.Where(g => g.Type == GapType.Assurance);

    /// <summary>The assurances the board sees in the summary: those marked key, else all.</summary>
    public IReadOnlyList<Assurance> KeyAssurances =>
        Risk.Assurances.Any(a => a.Key) ? [.. Risk.Assurances.Where(a => a.Key)] : Risk.Assurances;

    /// <summary>Actions not finished, then finished ones, each in the file's order.</summary>
    public IReadOnlyList<ActionLine> Actions { get; init; } = [];

    /// <summary>"4 x 5 = 20 Extreme".</summary>
    public string Score => Risk.Current is { } s ? $"{s} {Facts.Band?.Name}".TrimEnd() : "Not scored";

    /// <param name="fields">The fields of a risk; by default the register's (<see cref="RiskSchema.For(RegisterSettings?)"/>).</param>
    public static RiskSection Of(int number, Risk risk, RegisterSettings settings, DateOnly asAt, string? movement, IReadOnlyDictionary<string, string> titles, IReadOnlyList<Field>? fields = null)
    {
        return new RiskSection
        {
            Number = number,
            Risk = risk,
            Facts = RiskFacts.Of(risk, settings, asAt),
            Movement = movement,
            Owner = Person(risk.Owner, risk, settings),
            OwnerName = settings.NameOf(risk.Owner),
            Leads = [.. risk.Leads.Select(login => Person(login, risk, settings))],
            Objectives = [.. risk.Objectives.Select(id => settings.FindObjective(id) is { } o ? $"{o.Id} {Short(o)}" : id)],
            Linked = [.. risk.LinkedRisks.Select(id => RiskId.TryParse(id, out var parsed) && titles.TryGetValue(parsed.Identity, out var title) ? $"{id} {title}" : id)],
            ExternalRefs = risk.ExternalRefs,
            Actions = [.. risk.Actions.Where(a => !a.IsFinished).Concat(risk.Actions.Where(a => a.IsFinished)).Select(a => ActionLine.Of(a, settings, asAt))],
            OtherFields = OtherFieldsOf(risk, settings, fields ?? RiskSchema.For(settings)),
        };
    }

    /// <summary>A person as the BAF names the owner and leads: "Aleks Mecan, Alliance Director, Thurrock (Diagnostic SRO)", with their job title and any remit on this risk.</summary>
    private static string Person(string login, Risk risk, RegisterSettings settings)
    {
        var person = settings.FindPerson(login);
        var named = person is null ? login : string.IsNullOrWhiteSpace(person.JobTitle) ? person.Name : $"{person.Name}, {person.JobTitle}";
        var remits = risk.LeadRemits.Where(x => x.Lead == login && x.Text.Length > 0).Select(x => x.Text).ToList();
        return remits.Count == 0 ? named : $"{named} ({string.Join("; ", remits)})";
    }

    private static IReadOnlyList<(string Label, string Value)> OtherFieldsOf(Risk risk, RegisterSettings settings, IReadOnlyList<Field> fields) =>
    [
        .. RiskSchema.Unplaced(fields, risk, PaperFields.Placed)
            .Where(v => v.Field.OnPaper)
            .Select(v => (v.Field.Caption, FieldValues.Show(v.Field, v.Owner, settings))),
    ];

    private static string Short(Objective objective) =>
        string.IsNullOrWhiteSpace(objective.ShortTitle) ? objective.Title : objective.ShortTitle;
}

/// <summary>A next step as the paper lists it: what, who, by when, and whether it is overdue at the paper's date.</summary>
public sealed record ActionLine(RiskAction Action, string Owner, string Due, string Status, bool Overdue)
{
    public static ActionLine Of(RiskAction action, RegisterSettings settings, DateOnly asAt)
    {
        var status = action.Status switch
        {
            ActionStatus.Complete => action.Completed is { } done ? $"Complete {Formats.Date(done)}" : "Complete",
            _ => Capitalise(Vocabulary.Phrase(action.Status)),
        };
        return new ActionLine(
            action,
            action.Owner is { } owner ? settings.NameOf(owner) : "",
            action.Due is { } due ? Formats.Date(due) : "No date",
            status,
            action.IsOverdue(asAt));
    }

    internal static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}

/// <summary>The 5x5 matrix of open risks by current score: the strategic risks by id in each cell, and how many operational ones.</summary>
public sealed record HeatMap(IReadOnlyList<HeatCell> Cells, int Unscored)
{
    public HeatCell At(int impact, int likelihood) => Cells[((impact - 1) * 5) + likelihood - 1];

    public static HeatMap Of(IReadOnlyList<Risk> open, BandScheme bands)
    {
        var cells = new List<HeatCell>(25);
        for (var impact = 1; impact <= 5; impact++)
        {
            for (var likelihood = 1; likelihood <= 5; likelihood++)
            {
                var here = open.Where(r => r.Current is { } s && s.Impact == impact && s.Likelihood == likelihood).ToList();
                cells.Add(new HeatCell(
                    impact,
                    likelihood,
                    bands.For(impact * likelihood),
                    [.. here.Where(r => r.Kind == RiskKind.Strategic).Select(r => r.Id.Value)],
                    here.Count(r => r.Kind == RiskKind.Operational)));
            }
        }

        return new HeatMap(cells, open.Count(r => r.Current is not { Impact: >= 1 and <= 5, Likelihood: >= 1 and <= 5 }));
    }
}

/// <summary>One cell of the heat map.</summary>
public sealed record HeatCell(int Impact, int Likelihood, Band? Band, IReadOnlyList<string> Strategic, int Operational)
{
    public int Score => Impact * Likelihood;
}

/// <summary>
/// An open risk whose current score is above an objective's tolerance (outside appetite) or above
/// its own target. <see cref="Appetite"/> names the objectives whose tolerance it exceeds, with the
/// tolerance and appetite: "SO1 (12, cautious); SO4 (15, open)", or "None".
/// </summary>
public sealed record OutsideRow(Risk Risk, int? Current, int? Target, string Appetite, string TargetDate, bool TargetDateMissed)
{
    public static OutsideRow Of(RiskFacts facts)
    {
        var appetite = facts.AboveToleranceOf
            .Select(o => $"{o.Id} ({o.Tolerance?.ToString(CultureInfo.InvariantCulture)}{(o.Appetite is { } a ? $", {Vocabulary.Phrase(a)}" : "")})")
            .ToList();
        return new OutsideRow(
            facts.Risk,
            facts.CurrentScore,
            facts.TargetScore,
            appetite.Count == 0 ? "None" : string.Join("; ", appetite),
            facts.Risk.TargetDate is { } date ? Formats.Date(date) : "",
            facts.TargetDateMissed);
    }
}

/// <summary>The forms a paper is written in: text (HTML, Markdown), or files made from it by a printer or a word processor's format (PDF, Word).</summary>
public enum PaperFormat { Html, Markdown, Pdf, Docx }

/// <summary>Renders a paper in a form, and names its file.</summary>
public static class Paper
{
    /// <summary>The paper as HTML or Markdown text (PDF and Word files are made from it at the edge, where a browser and a document library are to hand).</summary>
    public static string Render(BoardPaper paper, PaperFormat format)
    {
        var document = PaperDocument.Of(paper);
        return format switch
        {
            PaperFormat.Markdown => PaperMarkdown.Render(document),
            PaperFormat.Html => PaperHtml.Render(document),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "a PDF or Word paper is a file, not text"),
        };
    }

    /// <summary>"BAF-2025-03.html", or "BAF-1a2b3c4d5e.md" for a commit that is not an iteration.</summary>
    public static string FileName(BoardPaper paper, PaperFormat format) => FileName(paper.Source.Iteration ?? paper.Source.ShortCommit, format);

    /// <summary>"BAF-2025-03.html" for the version named <paramref name="version"/>.</summary>
    public static string FileName(string version, PaperFormat format) =>
        $"BAF-{version}{format switch { PaperFormat.Markdown => ".md", PaperFormat.Pdf => ".pdf", PaperFormat.Docx => ".docx", _ => ".html" }}";
}
