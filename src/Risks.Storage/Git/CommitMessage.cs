using Risks.Core.Domain;

namespace Risks.Storage.Git;

/// <summary>A commit message as the program writes it: headline, reason, the changes listed, and trailers.</summary>
internal sealed record CommitMessage(string Headline, string? Reason, IReadOnlyList<string> RiskIds)
{
    public bool Names(RiskId id) => RiskIds.Any(r => RiskId.TryParse(r, out var named) && named.Identity == id.Identity);

    /// <summary>
    /// Splits a message: the first line is the headline; a last paragraph of <c>Key: value</c>
    /// lines is trailers; in the program's own messages a paragraph of <c>- </c> lines lists the
    /// changes (which are worked out from the files instead); what remains is the reason.
    /// </summary>
    public static CommitMessage Parse(string message)
    {
        var paragraphs = message.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n")
            .Select(p => p.Trim('\n'))
            .Where(p => p.Trim().Length > 0)
            .ToList();
        if (paragraphs.Count == 0)
        {
            return new CommitMessage("", null, []);
        }

        var lines = paragraphs[0].Split('\n');
        var headline = lines[0].Trim();
        var rest = new List<string>();
        if (lines.Length > 1)
        {
            rest.Add(string.Join('\n', lines.Skip(1)));
        }

        rest.AddRange(paragraphs.Skip(1));
        var ids = new List<string>();
        if (rest.Count > 0 && rest[^1].Split('\n').All(IsTrailer))
        {
            ids.AddRange(rest[^1].Split('\n')
                .Where(l => l.StartsWith(RiskSaves.TrailerKey + ":", StringComparison.OrdinalIgnoreCase))
                .Select(l => l[(RiskSaves.TrailerKey.Length + 1)..].Trim()));
            rest.RemoveAt(rest.Count - 1);
        }

        if (ids.Count > 0)
        {
            rest.RemoveAll(p => p.Split('\n').All(l => l.StartsWith("- ", StringComparison.Ordinal)));
        }

        var reason = string.Join("\n\n", rest).Trim();
        return new CommitMessage(headline, reason.Length > 0 ? reason : null, ids);
    }

    private static bool IsTrailer(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && line[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }
}
