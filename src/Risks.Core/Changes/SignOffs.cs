using Risks.Core.Domain;
using Risks.Core.Presentation;
using Risks.Core.Schema;

namespace Risks.Core.Changes;

/// <summary>Where a risk's sign-off stands.</summary>
public enum SignOffStatus { None, Current, Lapsed }

/// <summary>A risk's sign-off and whether it still holds: lapsed when a material field has changed since the version signed.</summary>
public sealed record SignOffState(SignOffStatus Status, SignOff? SignOff, IReadOnlyList<string> ChangedSince)
{
    public static SignOffState None { get; } = new(SignOffStatus.None, null, []);

    /// <summary><c>Signed off by Rebecca Jarvis on 3 Mar 2025</c>, or <c>signed off by Rebecca Jarvis on 3 Mar 2025; changed since (current likelihood)</c>, or <c>not signed off</c>.</summary>
    public string Describe(RegisterSettings settings) => Status switch
    {
        SignOffStatus.Current => $"Signed off by {Who(settings)}",
        SignOffStatus.Lapsed => $"signed off by {Who(settings)}; changed since ({Text.All(ChangedSince)})",
        _ => "not signed off",
    };

    private string Who(RegisterSettings settings) =>
        $"{settings.NameOf(SignOff!.By)}{(SignOff.Date is { } date ? $" on {Formats.Date(date)}" : "")}";
}

/// <summary>Sign-offs: which fields make one lapse, and whether a risk's still holds.</summary>
public static class SignOffs
{
    /// <summary>The top-level keys of the fields whose change makes a sign-off lapse, as the schema marks them.</summary>
    public static IReadOnlySet<string> MaterialKeys { get; } = RiskSchema.BuiltIn.Where(f => f.Material).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Where <paramref name="current"/>'s sign-off stands, given the risk as it was in the version
    /// signed (<paramref name="signed"/>; null when that version cannot be found, which counts as lapsed).
    /// </summary>
    public static SignOffState Of(Risk current, Risk? signed, RegisterSettings? settings = null)
    {
        if (current.SignOff is not { } signOff)
        {
            return SignOffState.None;
        }

        if (signed is null)
        {
            return new SignOffState(SignOffStatus.Lapsed, signOff, ["the version signed cannot be found"]);
        }

        var changed = MaterialChanges(signed, current, settings);
        return new SignOffState(changed.Count == 0 ? SignOffStatus.Current : SignOffStatus.Lapsed, signOff, changed);
    }

    /// <summary>The material fields that differ between two versions of a risk, in words ("current likelihood", "action A3").</summary>
    public static IReadOnlyList<string> MaterialChanges(Risk before, Risk after, RegisterSettings? settings = null) =>
        [.. RiskComparer.Compare(before, after, settings)
            .Where(c => MaterialKeys.Contains(TopKey(c.Field)))
            .Select(c => c.Label.Length > 0 ? c.Label : c.Field)
            .Distinct(StringComparer.Ordinal)];

    private static string TopKey(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }
}
