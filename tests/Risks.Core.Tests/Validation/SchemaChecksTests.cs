using Risks.Core.Domain;
using Risks.Core.Schema;
using Risks.Core.Validation;

namespace Risks.Core.Tests.Validation;

/// <summary>
/// The checks follow each field's declaration, so every field the schema declares is checked by
/// its type without a line of its own in the validator: a field added to the schema is covered here too.
/// </summary>
public sealed class SchemaChecksTests
{
    private static IEnumerable<Field> Values(params FieldType[] types) =>
        RiskSchema.Flatten(RiskSchema.BuiltIn).Where(f => !f.HasParts && types.Contains(f.Type) && f.Path != "id");

    private static readonly string[] Texts =
        [.. Values(FieldType.Text, FieldType.LongText, FieldType.Objective).Select(f => f.Path)
            .Concat(Values(FieldType.Choice).Where(f => f.Choices == ChoiceSource.Categories).Select(f => f.Path))];

    private static readonly string[] OneLines = [.. Values(FieldType.Text, FieldType.Objective).Select(f => f.Path)];

    private static readonly string[] People = [.. Values(FieldType.Person).Select(f => f.Path)];

    /// <summary>The fields every risk must give a value; kind and status, which always have one, aside.</summary>
    private static readonly string[] Required =
        [.. Values(FieldType.Text, FieldType.LongText, FieldType.Person, FieldType.Number, FieldType.Choice, FieldType.Date)
            .Where(f => f.Required == Requirement.Always && !f.IsList && f.Path is not ("kind" or "status"))
            .Select(f => f.Path)];

    public static TheoryData<string> TextFields() => [.. Texts];

    public static TheoryData<string> OneLineFields() => [.. OneLines];

    public static TheoryData<string> PersonFields() => [.. People];

    public static TheoryData<string> RequiredFields() => [.. Required];

    [Theory]
    [MemberData(nameof(TextFields))]
    public void Every_text_field_refuses_a_control_character(string path)
    {
        var (risk, at) = With(path, "a\u0007b");

        RiskValidator.Validate(risk).ShouldContain(i => i.Path == at && i.Message.EndsWith("must not hold the control character U+0007", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OneLineFields))]
    public void Every_one_line_field_refuses_two_lines(string path)
    {
        var (risk, at) = With(path, "one\ntwo");

        RiskValidator.Validate(risk).ShouldContain(i => i.Path == at && i.Message.EndsWith("must be one line", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PersonFields))]
    public void Every_person_field_takes_only_a_login(string path)
    {
        var (risk, at) = With(path, "Not A Login");

        RiskValidator.Validate(risk).ShouldContain(i => i.Path == at && i.Message.Contains(Rules.LoginRules, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void Every_required_field_left_blank_is_reported_as_missing(string path)
    {
        var (risk, at) = With(path, null);

        RiskValidator.Validate(risk).ShouldContain(i => i.Path == at && i.IsMissing && i.Message.Contains("is required", StringComparison.Ordinal));
    }

    [Fact]
    public void The_lists_are_found_and_checked()
    {
        Texts.Length.ShouldBeGreaterThan(15);
        People.ShouldContain("leads");
        Required.ShouldContain("actions[].status");
        Required.ShouldContain("current.impact");
    }

    /// <summary>The sample strategic risk with the field at <paramref name="template"/> (in its first item, for a part of an item) set to a value.</summary>
    private static (Risk Risk, string Path) With(string template, string? value)
    {
        object risk = Samples.Inequalities() with { Status = RiskStatus.Open };
        var steps = template.Split('.');
        var top = RiskSchema.BuiltIn.Single(f => f.Key == steps[0].Replace("[]", "", StringComparison.Ordinal));
        if (steps.Length == 1)
        {
            return ((Risk)top.Set(risk, top.IsList ? (value is null ? [] : new[] { value }) : value), top.IsList ? template + "[0]" : template);
        }

        var part = top.Parts.Single(p => p.Key == steps[1]);
        if (top.Type == FieldType.Items)
        {
            var items = top.ItemsOf(risk).ToList();
            if (items.Count == 0)
            {
                // The sample has no item in this list (its leads have no remits): one made for the check.
                items.Add(top.Create!());
            }

            items[0] = part.Set(items[0], value);
            return ((Risk)top.Set(risk, items), $"{top.Key}[0].{part.Key}");
        }

        var group = top.Get(risk) ?? top.Create!();
        return ((Risk)top.Set(risk, part.Set(group, value)), template);
    }
}
