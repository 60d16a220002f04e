using Risks.Core.Domain;

namespace Risks.Core.Papers;

/// <summary>
/// The paper as a document: every heading, label, sentence and value the board reads, in order,
/// worded once (<see cref="PaperDocument.Of"/>). <see cref="PaperHtml"/> and
/// <see cref="PaperMarkdown"/> lay this out and decide nothing of what it says, so the two forms
/// of a paper always hold the same things.
/// </summary>
public sealed record PaperDocument
{
    public required PaperCover Cover { get; init; }

    /// <summary>The cover sheet as boards have it: each part with its label, in order.</summary>
    public required PaperCoverSheet CoverSheet { get; init; }

    public required PaperSummary Summary { get; init; }

    /// <summary>The strategic objectives in full, with their appetite and tolerance.</summary>
    public required PaperTable<PaperObjectiveRow> Objectives { get; init; }

    /// <summary>The paper's parts in order, for the contents list at the top.</summary>
    public required IReadOnlyList<PaperContentsEntry> Contents { get; init; }

    /// <summary>The anchor of the part the risk sections make together.</summary>
    public required string RisksAnchor { get; init; }

    public required IReadOnlyList<PaperRisk> Risks { get; init; }

    public required PaperHeatMap HeatMap { get; init; }

    public required PaperTable<PaperOutsideRow> Outside { get; init; }

    public required PaperTable<PaperPartnerRow> Partners { get; init; }

    /// <summary>The board's open actions, the overdue first.</summary>
    public required PaperTable<PaperBoardActionRow> BoardActions { get; init; }

    /// <summary>The open undertakings to regulators, each with its milestones' state.</summary>
    public required PaperTable<PaperUndertakingRow> Undertakings { get; init; }

    public required PaperFooter Footer { get; init; }

    /// <summary>The words of <paramref name="paper"/>, laid out by neither form in particular.</summary>
    public static PaperDocument Of(BoardPaper paper) => PaperWording.Of(paper);
}

/// <summary>The top of the paper: who and when it is for, its scope, and any warning that it is incomplete.</summary>
public sealed record PaperCover(string Organisation, string Title, string Period, string Scope, PaperNotice? Incomplete)
{
    /// <summary>"Mid and South Essex Integrated Care Board: Board Assurance Framework, March 2025".</summary>
    public string FullTitle => $"{Organisation}: {Title}, {Period}";
}

/// <summary>A warning with its lead word: "Incomplete:" then what is missing.</summary>
public sealed record PaperNotice(string Label, string Text);

/// <summary>A part of the paper as the contents list names it, and the anchor a link to it goes to.</summary>
public sealed record PaperContentsEntry(string Anchor, string Title);

/// <summary>
/// A part of the paper that is a table under a heading: its columns, its rows, and the sentence
/// said instead of the table when there are no rows. <see cref="Anchor"/> is null for a table
/// within a risk's section.
/// </summary>
public sealed record PaperTable<TRow>(string? Anchor, string Heading, IReadOnlyList<string> Columns, IReadOnlyList<TRow> Rows, string None);

/// <summary>The summary report: one row per strategic risk.</summary>
public sealed record PaperSummary(string Anchor, string Heading, IReadOnlyList<string> Columns, IReadOnlyList<PaperSummaryRow> Rows, string None);

/// <summary>A strategic risk in the summary report: its key elements, SRO, key assurances and score.</summary>
public sealed record PaperSummaryRow(
    int Number,
    string Anchor,
    string Id,
    string Title,
    IReadOnlyList<string> KeyElements,
    string Owner,
    IReadOnlyList<string> KeyAssurances,
    string Score,
    Band? Band,
    string? Movement)
{
    /// <summary>The band's name, or empty for a risk not scored.</summary>
    public string BandName => Band?.Name ?? "";
}

/// <summary>
/// One strategic risk's section: its heading, its labelled fields (<see cref="PaperFields"/>), the
/// performance narrative, controls, gaps, assurances, actions, and the line on its review.
/// </summary>
public sealed record PaperRisk
{
    public required int Number { get; init; }

    public required string Anchor { get; init; }

    /// <summary>"BAF-01 Workforce".</summary>
    public required string Heading { get; init; }

    /// <summary>The risk's fields in the order the paper shows them.</summary>
    public required IReadOnlyList<PaperField> Fields { get; init; }

    public required PaperParagraphs Performance { get; init; }

    public required PaperList Controls { get; init; }

    public required PaperList ControlGaps { get; init; }

    public required PaperList AssuranceGaps { get; init; }

    public required PaperList Assurances { get; init; }

    public required PaperTable<PaperActionRow> Actions { get; init; }

    /// <summary>"Last reviewed 4 Mar 2025; next review 6 May 2025. Iteration 2025-03 ...; Commit ...".</summary>
    public required string Review { get; init; }
}

/// <summary>
/// A labelled field of a risk: "Risk owner" and its value. A value may run to several lines; a field
/// holding two things stacked (directorate and committee) has a label for each of its lines.
/// </summary>
public sealed record PaperField(IReadOnlyList<string> Labels, IReadOnlyList<PaperLine> Lines)
{
    /// <summary>A word on how to read the value, such as "impact x likelihood".</summary>
    public string? Hint { get; init; }

    /// <summary>Whether the value is a score whose band colours it (<see cref="Band"/> null: not scored).</summary>
    public bool Banded { get; init; }

    public Band? Band { get; init; }

    /// <summary>A field of one label and one line of plain text.</summary>
    public static PaperField Of(string label, string value) => new([label], [PaperLine.Plain(value)]);
}

/// <summary>A line of text made of runs, each set in its own style.</summary>
public sealed record PaperLine(IReadOnlyList<PaperSpan> Spans)
{
    public static PaperLine Plain(string text) => new([new PaperSpan(text)]);

    public static PaperLine Of(params PaperSpan[] spans) => new(spans);
}

/// <summary>A run of text and how it is set.</summary>
public sealed record PaperSpan(string Text, PaperStyle Style = PaperStyle.Plain);

/// <summary>How a run of text is set. Each form sets a style its own way; neither adds or drops words.</summary>
public enum PaperStyle
{
    Plain,

    /// <summary>Bold.</summary>
    Strong,

    /// <summary>The figure a field is about, such as a score: bold in the HTML's coloured cell, plain after Markdown's bold label.</summary>
    Headline,

    /// <summary>Something late or missed, such as "(target date passed)": bold, and red in HTML.</summary>
    Warning,

    /// <summary>A note on an item, such as a control's effectiveness: a small tag after the item, set apart by a space.</summary>
    Tag,

    /// <summary>A stand-in for something not recorded, such as "Not stated.": muted.</summary>
    Missing,
}

/// <summary>A heading and its bulleted items, or the sentence said instead when there are none.</summary>
public sealed record PaperList(string Heading, IReadOnlyList<PaperLine> Items, string None);

/// <summary>A heading and its paragraphs, or the sentence said instead when there are none.</summary>
public sealed record PaperParagraphs(string Heading, IReadOnlyList<string> Paragraphs, string None);

/// <summary>An action as the table of next steps shows it; <see cref="Overdue"/> is the word that marks it overdue, or null.</summary>
public sealed record PaperActionRow(string Action, string? Update, string Owner, string Due, string? Overdue, string Status);

/// <summary>The heat map: rows from the highest impact down, each with its cells from the lowest likelihood, and the key of bands.</summary>
public sealed record PaperHeatMap(
    string Anchor,
    string Heading,
    string Intro,
    string ImpactAxis,
    string LikelihoodAxis,
    IReadOnlyList<PaperHeatRow> Rows,
    IReadOnlyList<string> Likelihoods,
    PaperLegend Legend);

/// <summary>One impact's row of the heat map: the impact's words and its five cells.</summary>
public sealed record PaperHeatRow(string Impact, IReadOnlyList<PaperHeatCell> Cells);

/// <summary>A cell of the heat map: its score and band, the strategic risks in it, and "4 operational risks" (or null for none).</summary>
public sealed record PaperHeatCell(int Score, Band? Band, IReadOnlyList<string> Strategic, string? Operational)
{
    public string BandName => Band?.Name ?? "";
}

/// <summary>The key of bands under the heat map: "Bands: Low 1-3; ...", and a note of risks the map cannot show.</summary>
public sealed record PaperLegend(string Label, IReadOnlyList<PaperLegendEntry> Entries, string? Note);

/// <summary>A band in the key: "Extreme 15-25".</summary>
public sealed record PaperLegendEntry(Band Band, string Text);

/// <summary>A risk outside appetite or target; <see cref="Passed"/> is the word that marks its target date passed, or null.</summary>
public sealed record PaperOutsideRow(string Id, string Title, string Current, Band? CurrentBand, string Target, string TargetDate, string? Passed, string Appetite);

/// <summary>A partner organisation's red risk: the organisation on the first of its rows, and where (and when) it was reported on the first row of each source.</summary>
public sealed record PaperPartnerRow(string Organisation, string Title, string Score, Band? Band, string Source);

/// <summary>The foot of the paper: what it is, the iteration and commit it was made from, its date, and the full commit.</summary>
public sealed record PaperFooter(string Organisation, string Title, string Iteration, string Commit, string AsAt, string Sha);

/// <summary>An open board action: its number, item and action, leads, deadline (and "overdue"), status and latest update.</summary>
public sealed record PaperBoardActionRow(string Number, string Item, string Action, string Leads, string Deadline, string? Overdue, string Status, string LatestUpdate);

/// <summary>An open undertaking: its number and title, regulator and conditions, what was undertaken, leads, and each milestone's state (overdue ones marked).</summary>
public sealed record PaperUndertakingRow(string Number, string Title, string Regulator, string Undertaking, string Leads, IReadOnlyList<(string Text, bool Overdue)> Milestones, string Status);

/// <summary>The cover sheet: labelled parts (meeting and date, agenda item, title, executive lead, author, purpose, summary of movement, recommendation, committees).</summary>
public sealed record PaperCoverSheet(string Heading, IReadOnlyList<(string Label, string Value)> Rows);

/// <summary>A strategic objective: its id, its words in full, and the register's appetite and tolerance for it.</summary>
public sealed record PaperObjectiveRow(string Id, string Title, string Appetite, string Tolerance);
