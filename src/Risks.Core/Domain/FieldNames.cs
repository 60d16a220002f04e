using System.Globalization;
using System.Text.RegularExpressions;
using Risks.Core.Validation;

namespace Risks.Core.Domain;

/// <summary>
/// The one name of each field of a risk, in the board's words, for every place that names one:
/// the risk screen, <c>risks check</c>'s messages, commit messages, comparisons and blame.
/// <c>current.likelihood</c> is "current likelihood", <c>actions[A3].due</c> (or <c>actions[2].due</c>,
/// with the risk to find its id) is "action A3 due", <c>narrative.cause</c> is "cause".
/// </summary>
public static partial class FieldNames
{
    private static readonly Dictionary<string, string> Fields = Schema.RiskSchema.Flatten(Schema.RiskSchema.BuiltIn)
        .Where(f => !f.Path.Contains('[', StringComparison.Ordinal) && f.Type != Schema.FieldType.Items)
        .Where(f => !f.Path.Contains('.', StringComparison.Ordinal) || FieldPath.Parent(f.Path) is var parent && Schema.RiskSchema.Find(parent)?.Type != Schema.FieldType.Score)
        .ToDictionary(f => f.Path, f => f.Label, StringComparer.Ordinal);

    /// <summary>One entry of a list of names, by its place: "lead 2".</summary>
    private static readonly Dictionary<string, string> Entries = Schema.RiskSchema.BuiltIn
        .Where(f => f.EntryNoun is not null)
        .ToDictionary(f => f.Key, f => f.EntryNoun!, StringComparer.Ordinal);

    private static readonly Dictionary<string, (string Noun, Dictionary<string, string> Parts)> Items = Schema.RiskSchema.BuiltIn
        .Where(f => f.Type == Schema.FieldType.Items)
        .ToDictionary(f => f.Key, f => (f.ItemNoun!, f.Parts.ToDictionary(p => p.Key, p => p.Label, StringComparer.Ordinal)), StringComparer.Ordinal);

    /// <summary>The name of the field at <paramref name="path"/>; an item named by its place is named by its id when <paramref name="risk"/> has one.</summary>
    public static string Label(string path, Risk? risk = null, RegisterSettings? settings = null)
    {
        if (Fields.TryGetValue(path, out var name))
        {
            return name;
        }

        if (Schema.RiskSchema.Find(path, settings) is { } declared && !path.Contains('[', StringComparison.Ordinal))
        {
            return declared.Label;
        }

        var item = ItemPath().Match(path);
        if (item.Success)
        {
            var list = item.Groups["list"].Value;
            var key = item.Groups["key"].Value;
            var field = item.Groups["field"].Success ? item.Groups["field"].Value : null;
            if (Items.TryGetValue(list, out var entry))
            {
                // An id that is itself the problem is no name: the item is named by its place.
                var named = $"{entry.Noun} {(field == "id" ? Place(key) : ItemId(list, key, risk))}";
                return field is null ? named : $"{named} {(entry.Parts.TryGetValue(field, out var p) ? p : field.Replace('_', ' '))}";
            }

            if (Entries.TryGetValue(list, out var entryName))
            {
                // A name in a list of names: "objectives[1]" is objective 2, the second.
                return $"{entryName} {Place(key)}";
            }
        }

        // A key under custom that the register does not declare is named by its key.
        return path.StartsWith(Schema.RiskSchema.CustomKey + ".", StringComparison.Ordinal)
            ? path[(Schema.RiskSchema.CustomKey.Length + 1)..].Replace('_', ' ')
            : path.Replace('_', ' ');
    }

    /// <summary>
    /// A message that begins with a field's path (as the rules are written) begun with its name
    /// instead: "actions[0].due must be a date" becomes "action A1 due must be a date".
    /// </summary>
    public static string Reword(string path, string message, Risk? risk = null, RegisterSettings? settings = null) =>
        path.Length > 0 && message.StartsWith(path, StringComparison.Ordinal) ? Label(path, risk, settings) + message[path.Length..] : message;

    private static string Place(string key) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? (index + 1).ToString(CultureInfo.InvariantCulture) : key;

    /// <summary>An item's id from its key: the id itself, or, for a place (<c>2</c>), the id of the item there (or its number, from 1, when it has none).</summary>
    private static string ItemId(string list, string key, Risk? risk)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return key;
        }

        var id = (list, risk) switch
        {
            (_, null) => null,
            ("lead_remits", _) when index < risk.LeadRemits.Count => risk.LeadRemits[index].Id,
            ("controls", _) when index < risk.Controls.Count => risk.Controls[index].Id,
            ("gaps", _) when index < risk.Gaps.Count => risk.Gaps[index].Id,
            ("assurances", _) when index < risk.Assurances.Count => risk.Assurances[index].Id,
            ("actions", _) when index < risk.Actions.Count => risk.Actions[index].Id,
            _ => null,
        };
        return string.IsNullOrEmpty(id) ? $"{index + 1}" : id;
    }

    [GeneratedRegex(@"\A(?<list>[a-z_]+)\[(?<key>[^\]]+)\](\.(?<field>[a-z_]+))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPath();
}
