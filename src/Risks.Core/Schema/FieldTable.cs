using System.Text;
using Risks.Core.Domain;
using Risks.Core.Presentation;

namespace Risks.Core.Schema;

/// <summary>
/// The table of a risk's fields in docs/format.md, written from the schema, so the format's
/// documentation cannot drift from what the program reads and writes.
/// </summary>
public static class FieldTable
{
    /// <summary>The line before the generated table in docs/format.md.</summary>
    public const string Start = "<!-- The table of fields is written from the schema: run the tests with RISKS_WRITE_DOCS=1 to rewrite it. -->";

    /// <summary>The line after it.</summary>
    public const string End = "<!-- End of the table of fields. -->";

    /// <summary>The table, one row per field and part, in the file's key order.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("| key | required | takes | what it is | spreadsheet column |\n");
        text.Append("| --- | --- | --- | --- | --- |\n");
        Rows(text, RiskSchema.BuiltIn, parent: null);
        return text.ToString();
    }

    private static void Rows(StringBuilder text, IReadOnlyList<Field> fields, Field? parent)
    {
        foreach (var field in fields)
        {
            text.Append("| `").Append(field.Path).Append("` | ")
                .Append(Required(field, parent)).Append(" | ")
                .Append(Takes(field)).Append(" | ")
                .Append(What(field)).Append(" | ")
                .Append(field.Column is { } column ? $"`{column}`" : field.Path.Contains("[]", StringComparison.Ordinal) ? "in its list's cell" : "").Append(" |\n");
            Rows(text, field.Parts, field);
        }
    }

    /// <summary>docs/format.md with its table of fields written afresh between <see cref="Start"/> and <see cref="End"/>.</summary>
    public static string Into(string document) => GeneratedSection.Into(document, Start, End, Markdown());

    private static string Required(Field field, Field? parent)
    {
        var when = field.Required switch
        {
            Requirement.Always when parent?.Type == FieldType.Items => $"yes, in every {parent.ItemNoun}",
            Requirement.Always when parent is not null && parent.Required != Requirement.Always => $"yes, when `{parent.Path}` is given",
            Requirement.Always => "yes",
            Requirement.Strategic => "for a strategic risk",
            Requirement.Operational => "for an operational risk",
            _ => "no",
        };
        return field.Condition is { } condition ? (when == "no" ? condition : $"{when}; {condition}") : when;
    }

    private static string Takes(Field field)
    {
        var one = field.Type switch
        {
            FieldType.Text => "one line of text",
            FieldType.LongText => "text, may run to several lines",
            FieldType.Date => "a date, `YYYY-MM-DD`",
            FieldType.Number => field.Min is { } min && field.Max is { } max ? $"a whole number {min}-{max}" : "a number",
            FieldType.Choice when field.Choices == ChoiceSource.Categories => "one of `register.yaml`'s `categories` when that list is given, else text",
            FieldType.Choice => Text.OneOf(field.Words.Select(w => $"`{w}`").ToList()),
            FieldType.YesNo => "`true`, or nothing for no",
            FieldType.Person => "a login of one of `register.yaml`'s `people`",
            FieldType.Objective => "an id of one of `register.yaml`'s `objectives`",
            FieldType.RiskId => "a risk id (`BAF-07`)",
            FieldType.ItemId => "an id, unique in its list",
            FieldType.Score => "`impact` and `likelihood`, with an optional `rationale`",
            FieldType.Group => field.Key == RiskSchema.CustomKey
                ? "a value for each of the register's own fields, by key (see `custom_fields`)"
                : "the fields below",
            FieldType.Items => $"a list of {field.ItemNoun}s, each with the fields below",
            _ => "",
        };
        return field.IsList ? $"a list; each entry {one}" : one;
    }

    private static string What(Field field) => field.Help.Replace("|", "\\|", StringComparison.Ordinal);
}
