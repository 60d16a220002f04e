using Risks.Core.Domain;
using Risks.Core.Schema;
using Risks.Core.Validation;

namespace Risks.Core.Queries;

/// <summary>
/// A condition on one field, written as <c>risks set</c> writes a change: <c>FIELD=VALUE</c>
/// (<c>custom.cqc_domain=Well-led</c>, <c>response=treat</c>, <c>actions[].status=in progress</c>),
/// or <c>FIELD=</c> for a field with no value. A list matches when any entry is the value; a part
/// of an item when any item's part is. Any field of the schema, the register's own fields too.
/// </summary>
public sealed record FieldCondition(Field Field, string? Value)
{
    /// <summary>Reads <c>FIELD=VALUE</c>, the value as a person types it (a date as 13 Mar 2025, a person by login or name); an error says what is wrong.</summary>
    public static (FieldCondition? Condition, string? Error) Parse(string text, RegisterSettings? settings)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return (null, $"{Text.Quote(text)} is not FIELD=VALUE, such as custom.cqc_domain=Well-led or response=treat");
        }

        var path = text[..equals].Trim();
        var input = text[(equals + 1)..];
        var field = RiskSchema.Find(path, settings) ?? RiskSchema.Find(path);
        if (field is null && path.StartsWith(RiskSchema.CustomKey + ".", StringComparison.Ordinal) && !path[(RiskSchema.CustomKey.Length + 1)..].Contains('.', StringComparison.Ordinal))
        {
            // A key the register does not declare may still be held by risks.
            field = RiskSchema.CustomPart(new CustomField { Key = path[(RiskSchema.CustomKey.Length + 1)..] });
        }

        if (field is null || field.HasParts)
        {
            return (null, $"{Text.Quote(path)} is not a field of one value or list: give a field's path, such as owner, current.likelihood, actions[].status or custom.cqc_domain");
        }

        if (field.Type == FieldType.Person && settings?.People.FirstOrDefault(p => string.Equals(p.Name, input.Trim(), StringComparison.OrdinalIgnoreCase)) is { } person)
        {
            input = person.Login;
        }

        var (value, error) = FieldValues.FromInput(field with { Type = field.Type == FieldType.LongText ? FieldType.Text : field.Type }, input, settings);
        return error is null ? (new FieldCondition(field, value), null) : (null, error);
    }

    /// <summary>Whether <paramref name="risk"/> holds the value (or, for <c>FIELD=</c>, has none).</summary>
    public bool Matches(Risk risk)
    {
        var values = Owners(FieldPath.Parent(Field.Path), risk)
            .SelectMany(o => Field.IsList ? Field.List(o) : Field.Text(o) is { } t ? [t] : (IEnumerable<string>)[])
            .Where(v => v.Length > 0)
            .ToList();
        return Value is null
            ? values.Count == 0
            : values.Any(v => string.Equals(v.Trim(), Value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What holds a field at a path (with <c>[]</c> for any item): the risk, a group, or each item of a list.</summary>
    private static IEnumerable<object> Owners(string parent, Risk risk)
    {
        if (parent.Length == 0)
        {
            return [risk];
        }

        var items = parent.EndsWith("[]", StringComparison.Ordinal);
        var path = items ? parent[..^2] : parent;
        var holder = RiskSchema.Find(path);
        if (holder is null)
        {
            return [];
        }

        return Owners(FieldPath.Parent(path), risk).SelectMany(o => items ? holder.ItemsOf(o) : holder.Get(o) is { } g ? [g] : (IEnumerable<object>)[]);
    }
}
