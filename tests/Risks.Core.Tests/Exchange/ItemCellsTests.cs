using Risks.Core.Exchange;

namespace Risks.Core.Tests.Exchange;

public sealed class ItemCellsTests
{
    [Fact]
    public void Items_are_lines_of_parts_separated_by_bars_without_empty_parts_at_the_end()
    {
        var cell = ItemCells.Join([["C1", "Monthly monitoring.", "kbonney", "effective"], ["C2", "Weekly huddle.", null, null], ["A1", "Review.", "", "2025-06-30"]]);

        cell.ShouldBe("C1 | Monthly monitoring. | kbonney | effective\nC2 | Weekly huddle.\nA1 | Review. |  | 2025-06-30");
    }

    [Fact]
    public void Bars_backslashes_and_line_breaks_within_a_part_come_back_the_same()
    {
        string[] awkward = ["A1", "Either | or,\nthen a second line with C:\\new and a literal \\n and \\|", "rjarvis"];

        var cell = ItemCells.Join([awkward]);

        cell.ShouldNotContain('\n');
        cell.ShouldBe("A1 | Either \\| or,\\nthen a second line with C:\\\\new and a literal \\\\n and \\\\\\| | rjarvis");
        ItemCells.Split(cell).ShouldHaveSingleItem().ShouldBe(awkward);
    }

    [Fact]
    public void Reading_skips_blank_lines_trims_spaces_around_parts_and_keeps_a_backslash_before_anything_else()
    {
        var items = ItemCells.Split("\n  C1|Monthly monitoring |  kbonney  \n   \nCheck C:\\temp daily\n");

        items.Count.ShouldBe(2);
        items[0].ShouldBe(["C1", "Monthly monitoring", "kbonney"]);
        items[1].ShouldBe(["Check C:\\temp daily"]);
    }
}
