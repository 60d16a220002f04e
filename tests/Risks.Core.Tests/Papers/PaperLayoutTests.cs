using Risks.Core.Domain;
using Risks.Core.Papers;
using Risks.Core.Schema;

namespace Risks.Core.Tests.Papers;

/// <summary>
/// The paper's rows place the fields the board expects where it expects them; any other field
/// marked for the paper, built-in or the register's own, follows them under its caption, so a field
/// added to the schema reaches the paper with no line in its layout.
/// </summary>
public sealed class PaperLayoutTests
{
    private static readonly Dictionary<string, string> NoTitles = [];

    private static Field Source(bool onPaper) => new()
    {
        Key = "source",
        Path = "source",
        Label = "risk source",
        Caption = "Risk source",
        Type = FieldType.Text,
        OnPaper = onPaper,
        Get = _ => "Internal audit finding",
        Set = (o, _) => o,
    };

    private static IReadOnlyList<PaperField> Rows(IReadOnlyList<Field>? fields = null) =>
        PaperFields.Of(RiskSection.Of(1, Samples.Inequalities(), Samples.Settings(), Samples.Today, null, NoTitles, fields));

    private static List<Field> WithSource(bool onPaper) =>
        [.. RiskSchema.BuiltIn.Take(RiskSchema.BuiltIn.Count - 1), Source(onPaper), RiskSchema.BuiltIn[^1]];

    [Fact]
    public void A_field_added_to_the_schema_for_the_paper_follows_the_rows_under_its_caption()
    {
        var rows = Rows(WithSource(onPaper: true));

        var last = rows[^1];
        last.Labels.ShouldBe(["Risk source"]);
        last.Lines.Single().Spans.Single().Text.ShouldBe("Internal audit finding");
        rows.Count.ShouldBe(Rows().Count + 1);
    }

    [Fact]
    public void A_field_not_marked_for_the_paper_stays_off_it()
    {
        Rows(WithSource(onPaper: false)).Count.ShouldBe(Rows().Count);
    }

    [Fact]
    public void The_layout_places_only_fields_the_schema_marks_for_the_paper()
    {
        PaperFields.Placed.ShouldBeSubsetOf(RiskSchema.BuiltIn.Where(f => f.OnPaper).Select(f => f.Path));
    }
}
