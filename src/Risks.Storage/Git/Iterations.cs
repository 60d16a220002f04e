using System.Globalization;
using Risks.Core.Presentation;

namespace Risks.Storage.Git;

/// <summary>
/// A monthly BAF iteration: a tag in the register. <see cref="Title"/> is the first line of an
/// annotated tag's message and <see cref="When"/> and <see cref="By"/> are its tagger's date and
/// name; for a lightweight tag the title is empty and the date and name are the commit's author's.
/// <see cref="Commit"/> is the sha of the commit the tag points at. <see cref="BoardDate"/> is
/// the day of the board meeting the iteration is for, from the tag message's
/// <c>Board-Date:</c> trailer; a tag without one (cut before board dates were recorded, a
/// lightweight tag, a tag made with plain Git) is taken to be for the day it was cut.
/// </summary>
public sealed record Iteration(string Name, string Title, string Commit, DateTimeOffset When, string By, DateOnly BoardDate)
{
    /// <summary>The paper's cover sheet as given for this iteration (its tag message's trailers); empty when none was given.</summary>
    public Core.Papers.CoverSheet Cover { get; init; } = new();
}

/// <summary>
/// An iteration's tag message: the title on the first line, and the board date as a Git trailer
/// in the last paragraph, so that people (<c>git show 2025-03</c>) and the program both read it:
/// <code>
/// Board, 13 March 2025
///
/// Board-Date: 2025-03-13
/// </code>
/// </summary>
internal static class IterationMessage
{
    public const string BoardDateKey = "Board-Date";

    /// <summary>
    /// The message of a tag titled <paramref name="message"/> (its first line; any further lines
    /// are kept) for the board of <paramref name="boardDate"/>, with the cover sheet's parts given
    /// as trailers before the board date (<c>Meeting: Part I ICB Board Meeting</c>).
    /// </summary>
    public static string Write(string message, DateOnly boardDate, Core.Papers.CoverSheet? cover = null) =>
        message.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n\n"
        + string.Concat((cover?.Parts() ?? []).Where(p => p.Value is not null).Select(p => $"{p.Key}: {p.Value}\n"))
        + BoardDateKey + ": " + boardDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\n";

    /// <summary>The title line and any lines after it that are not the trailers: what <see cref="Write"/> was given as the message.</summary>
    public static string Body(string? message)
    {
        var paragraphs = (message ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd().Split("\n\n").ToList();
        if (paragraphs.Count > 1 && BoardDate(message) is not null)
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        return string.Join("\n\n", paragraphs) + "\n";
    }

    /// <summary>The cover sheet the trailers of the message's last paragraph give (beside its board date).</summary>
    public static Core.Papers.CoverSheet Cover(string? message)
    {
        var cover = new Core.Papers.CoverSheet();
        var paragraphs = (message ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n").Where(p => p.Trim().Length > 0).ToList();
        if (paragraphs.Count < 2)
        {
            return cover;
        }

        foreach (var line in paragraphs[^1].Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && cover.With(line[..colon].Trim(), line[(colon + 1)..]) is { } with)
            {
                cover = with;
            }
        }

        return cover;
    }

    /// <summary>The title: the first line of the message that is not blank.</summary>
    public static string Title(string? message) =>
        (message ?? "").Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";

    /// <summary>
    /// The board date a message gives: a <c>Board-Date:</c> line (whatever its case) in its last
    /// paragraph, not its first, holding a date as the program reads dates (2025-03-13, 13/03/2025,
    /// 13 Mar 2025); null when there is none, or it is not a date.
    /// </summary>
    public static DateOnly? BoardDate(string? message)
    {
        var paragraphs = (message ?? "").Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n")
            .Where(p => p.Trim().Length > 0)
            .ToList();
        if (paragraphs.Count < 2)
        {
            return null;
        }

        foreach (var line in paragraphs[^1].Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0
                && string.Equals(line[..colon].Trim(), BoardDateKey, StringComparison.OrdinalIgnoreCase)
                && Formats.TryParseDate(line[(colon + 1)..], out var date))
            {
                return date;
            }
        }

        return null;
    }
}
