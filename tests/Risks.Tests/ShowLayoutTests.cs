using Risks.Cli;
using Risks.Core.Domain;
using Risks.Core.Schema;
using Risks.Core.Scoring;

namespace Risks.Tests;

/// <summary>
/// <c>risks show</c> shows every field: those it lays out by hand, and any other the schema declares
/// under its caption, so a field added to the schema is shown with no line in the layout.
/// </summary>
public sealed class ShowLayoutTests
{
    private static readonly DateOnly Today = new(2025, 3, 13);

    private static readonly RegisterSettings Settings = new();

    [Fact]
    public void Every_text_person_objective_and_risk_id_value_of_the_schema_is_shown()
    {
        var expected = new List<(string Path, string Value)>();
        var risk = (Risk)Fill(RiskSchema.BuiltIn.Where(f => f.Path != RiskSchema.CustomKey), Start(), "", expected);

        var text = Show(risk);

        expected.Count.ShouldBeGreaterThan(20);
        foreach (var (path, value) in expected)
        {
            text.ShouldContain(value, customMessage: $"{path} is not shown");
        }
    }

    [Fact]
    public void A_field_added_to_the_schema_is_shown_under_its_caption_without_a_line_in_the_layout()
    {
        var source = new Field
        {
            Key = "source",
            Path = "source",
            Label = "risk source",
            Caption = "Risk source",
            Type = FieldType.Text,
            Get = _ => "Internal audit finding",
            Set = (o, _) => o,
        };
        var fields = RiskSchema.BuiltIn.Take(RiskSchema.BuiltIn.Count - 1).Append(source).Append(RiskSchema.BuiltIn[^1]).ToList();

        Show(Start(), fields).ShouldContain("Risk source:   Internal audit finding\n");
        Show(Start()).ShouldNotContain("Risk source");
    }

    [Fact]
    public void The_layout_names_only_fields_the_schema_declares()
    {
        TextOutput.Placed.ShouldBeSubsetOf(RiskSchema.BuiltIn.Select(f => f.Path));
    }

    private static string Show(Risk risk, IReadOnlyList<Field>? fields = null)
    {
        var o = new StringWriter { NewLine = "\n" };
        TextOutput.Risk(o, RiskFacts.Of(risk, Settings, Today), Settings, Today, "risks/CRR/00/CRR-001.yaml", fields);
        return o.ToString();
    }

    private static Risk Start() => new()
    {
        Id = RiskId.Parse("CRR-001"),
        Kind = RiskKind.Operational,
        Title = "Title",
        Owner = "owner",
        Narrative = new Narrative { Event = "Event." },
        Current = new Score(3, 3),
        Inherent = new Score(4, 4),
        Target = new Score(2, 2),
        Closure = new Closure(),
        LastReviewed = new Review(new DateOnly(2025, 3, 1), "reviewer"),
        Controls = [new Control { Id = "C1", Text = "Control." }],
        Gaps = [new Gap { Id = "G1", Type = GapType.Control, Text = "Gap." }],
        Assurances = [new Assurance { Id = "S1", Text = "Assurance." }],
        Actions = [new RiskAction { Id = "A1", Text = "Action.", Status = ActionStatus.InProgress }],
    };

    /// <summary>Gives every field of a type that takes any text a value of its own (in the first item, for a list of items), noting what the screen should show.</summary>
    private static object Fill(IEnumerable<Field> fields, object owner, string within, List<(string Path, string Value)> expected)
    {
        foreach (var field in fields)
        {
            var path = within.Length == 0 ? field.Path : $"{within}.{field.Key}";
            if (field.IsGroup)
            {
                owner = field.Set(owner, Fill(field.Parts, field.Get(owner) ?? field.Create!(), path, expected));
            }
            else if (field.Type == FieldType.Items)
            {
                var items = field.ItemsOf(owner).ToList();
                if (items.Count == 0)
                {
                    items.Add(field.Create!());
                }

                items[0] = Fill(field.Parts, items[0], $"{path}[0]", expected);
                owner = field.Set(owner, items);
            }
            else if (Value(field, expected.Count) is { } value && field.Path != "id")
            {
                expected.Add((path, value));
                owner = field.Set(owner, field.IsList ? new[] { value } : value);
            }
        }

        return owner;
    }

    private static string? Value(Field field, int n) => field.Type switch
    {
        FieldType.Text or FieldType.LongText => $"value{n}of{field.Key}",
        FieldType.Choice when field.Choices == ChoiceSource.Categories => $"value{n}of{field.Key}",
        FieldType.Person => $"person{n}",
        FieldType.Objective => $"SO{n}",
        FieldType.RiskId => $"ZZ-{n + 100}",
        _ => null,
    };
}
