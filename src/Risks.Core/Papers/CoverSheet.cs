namespace Risks.Core.Papers;

/// <summary>
/// What a board's cover sheet says of a paper, given by the governance lead when an iteration is
/// cut or afterwards, and kept with the iteration, so that the paper of an iteration always says
/// the same: the meeting and its agenda item, the executive lead and author (logins of
/// register.yaml's people, or names), the purpose, the recommendation and the committees that
/// reviewed it. The summary of movement is not here: the paper works it out.
/// </summary>
public sealed record CoverSheet
{
    /// <summary>"Part I ICB Board Meeting".</summary>
    public string? Meeting { get; init; }

    /// <summary>"9".</summary>
    public string? AgendaItem { get; init; }

    public string? ExecutiveLead { get; init; }

    public string? Author { get; init; }

    /// <summary>"Assurance", "Approval", "Discussion", "Information".</summary>
    public string? Purpose { get; init; }

    /// <summary>"The Board is asked to note the BAF and the movement since the last report."</summary>
    public string? Recommendation { get; init; }

    /// <summary>The committees that reviewed it before the board.</summary>
    public IReadOnlyList<string> ReviewedBy { get; init; } = [];

    public bool IsEmpty => Meeting is null && AgendaItem is null && ExecutiveLead is null && Author is null && Purpose is null && Recommendation is null && ReviewedBy.Count == 0;

    /// <summary>Each part with its key, in order: the key names it in an iteration's tag message and on the command line.</summary>
    public IReadOnlyList<(string Key, string? Value)> Parts() =>
    [
        ("Meeting", Meeting),
        ("Agenda-Item", AgendaItem),
        ("Executive-Lead", ExecutiveLead),
        ("Author", Author),
        ("Purpose", Purpose),
        ("Recommendation", Recommendation),
        ("Reviewed-By", ReviewedBy.Count == 0 ? null : string.Join(", ", ReviewedBy)),
    ];

    /// <summary>The sheet with the part named <paramref name="key"/> (as <see cref="Parts"/> names it, any case) set; blank clears it. Null for a key it does not have.</summary>
    public CoverSheet? With(string key, string value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim().ReplaceLineEndings(" ");
        return key.ToLowerInvariant() switch
        {
            "meeting" => this with { Meeting = text },
            "agenda-item" => this with { AgendaItem = text },
            "executive-lead" => this with { ExecutiveLead = text },
            "author" => this with { Author = text },
            "purpose" => this with { Purpose = text },
            "recommendation" => this with { Recommendation = text },
            "reviewed-by" => this with { ReviewedBy = text is null ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] },
            _ => null,
        };
    }
}

/// <summary>Applying parts given by key (as on the command line) to a cover sheet.</summary>
public static class CoverSheetParts
{
    /// <summary>The sheet with each part given (not null) set, a blank one cleared; the others kept.</summary>
    public static CoverSheet Apply(CoverSheet sheet, IEnumerable<(string Key, string? Value)> parts) =>
        parts.Where(p => p.Value is not null).Aggregate(sheet, (s, p) => s.With(p.Key, p.Value!) ?? throw new ArgumentException($"a cover sheet has no part '{p.Key}'", nameof(parts)));
}
