using System.Globalization;
using Humanizer;
using Risks.Core.Domain;
using Risks.Core.Scoring;

namespace Risks.Core.Presentation;

/// <summary>
/// How the register's values read on screen, for a UK audience: dates as <c>13 Mar 2025</c>,
/// spans in British English ("in 3 weeks", "2 months overdue"). Pure functions of their inputs.
/// </summary>
public static class Formats
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("en-GB");

    /// <summary><c>13 Mar 2025</c>.</summary>
    public static string Date(DateOnly date) =>
        date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>Reads a date as people type it in the UK: 2025-06-30, 30 Jun 2025, 30/06/2025.</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, Culture, DateTimeStyles.AllowWhiteSpaces, out date);

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d MMM yyyy", "d MMMM yyyy", "dd/MM/yyyy", "d/M/yyyy", "d MMM yy", "d-MMM-yyyy"];

    /// <summary>How far a date is from today, for something due: "today", "in 3 weeks", "2 months overdue".</summary>
    public static string Due(DateOnly due, DateOnly today) => DueByDays.GetOrAdd(due.DayNumber - today.DayNumber, DueIn);

    /// <summary>Each wording worked out once: a register of 10,000 risks asks the same few hundred day counts again and again, and humanising is slow.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> DueByDays = new();

    private static string DueIn(int days)
    {
        if (days == 0)
        {
            return "today";
        }

        var span = TimeSpan.FromDays(Math.Abs(days)).Humanize(precision: 1, culture: Culture, maxUnit: Humanizer.TimeUnit.Year, minUnit: Humanizer.TimeUnit.Day);
        return days > 0 ? $"in {span}" : $"{span} overdue";
    }

    /// <summary>A moment exactly, in the time zone it was recorded in: <c>13 Mar 2025 10:02</c>.</summary>
    public static string Moment(DateTimeOffset when) =>
        when.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>How long ago a moment was, in British English: "3 weeks ago", "yesterday", "2 hours ago".</summary>
    public static string Ago(DateTimeOffset when, DateTimeOffset now) =>
        when > now ? "just now" : when.Humanize(now, Culture);

    /// <summary><c>4 x 5 = 20</c>.</summary>
    public static string Score(Score? score) => score?.ToString() ?? "";

    /// <summary>The band as text as well as colour: <c>Extreme (red)</c>.</summary>
    public static string Band(Band? band) => band is null ? "" : $"{band.Name} ({Domain.Vocabulary.Word(band.Rag)})";

    /// <summary>A trend in words as well as an arrow: <c>▲ up</c>, <c>▼ down</c>, <c>= same</c>, <c>* new</c>.</summary>
    public static string Trend(Trend trend) => trend switch
    {
        Scoring.Trend.Up => "▲ up",
        Scoring.Trend.Down => "▼ down",
        Scoring.Trend.Same => "= same",
        _ => "* new",
    };

    public static string Kind(RiskKind kind) => kind == RiskKind.Strategic ? "BAF" : "operational";

    /// <summary><c>2 open, 1 overdue</c>.</summary>
    public static string Actions(RiskFacts facts) =>
        facts.OverdueActions.Count > 0
            ? $"{facts.OpenActions.Count} open, {facts.OverdueActions.Count} overdue"
            : $"{facts.OpenActions.Count} open";
}
