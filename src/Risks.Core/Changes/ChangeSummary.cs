using Risks.Core.Domain;

namespace Risks.Core.Changes;

/// <summary>
/// A change to one risk in the board's words, as a commit message and the save screen show it:
/// <c>BAF-07 Inequalities: current score 12 -> 9</c>.
/// </summary>
public static class ChangeSummary
{
    /// <summary>The one-line headline: the risk, then its most important change.</summary>
    public static string Headline(Risk? before, Risk after, IReadOnlyList<FieldChange> changes)
    {
        var prefix = string.IsNullOrWhiteSpace(after.Title) ? after.Id.Value : $"{after.Id} {after.Title}";
        if (changes.Count == 0)
        {
            return $"{prefix}: no change";
        }

        var (main, covered) = Main(before, after, changes);
        var others = changes.Count(c => !covered.Contains(c));
        return others switch
        {
            0 => $"{prefix}: {main}",
            1 => $"{prefix}: {main} and 1 more change",
            _ => $"{prefix}: {main} and {others} more changes",
        };
    }

    private static (string Main, HashSet<FieldChange> Covered) Main(Risk? before, Risk after, IReadOnlyList<FieldChange> changes)
    {
        var first = changes.FirstOrDefault(c => c.Field is "" or "status");
        if (first is not null)
        {
            return (first.Description, [first]);
        }

        var signOff = changes.Where(c => c.Field == "sign_off" || c.Field.StartsWith("sign_off.", StringComparison.Ordinal)).ToHashSet();
        if (signOff.Count > 0)
        {
            return (after.SignOff is { } s ? $"signed off by {s.By}" : "sign-off removed", signOff);
        }

        foreach (var part in new[] { "current", "target", "inherent" })
        {
            var parts = changes.Where(c => c.Field == $"{part}.impact" || c.Field == $"{part}.likelihood").ToHashSet();
            var was = Pick(before, part);
            var now = Pick(after, part);
            if (parts.Count > 0 && was is not null && now is not null)
            {
                var main = was.Value == now.Value
                    ? $"{part} score {was.Value} ({was.Impact} x {was.Likelihood} -> {now.Impact} x {now.Likelihood})"
                    : $"{part} score {was.Value} -> {now.Value}";
                return (main, parts);
            }

            var whole = changes.FirstOrDefault(c => c.Field == part);
            if (whole is not null)
            {
                return (whole.Description, [whole]);
            }
        }

        var owner = changes.FirstOrDefault(c => c.Field == "owner");
        var chosen = owner ?? changes[0];
        return (chosen.Description, [chosen]);
    }

    private static Score? Pick(Risk? risk, string part) => part switch
    {
        "current" => risk?.Current,
        "target" => risk?.Target,
        _ => risk?.Inherent,
    };
}
