using Risks.Core.Exchange;
using Risks.Storage.Exchange;

namespace Risks.Storage.Tests.Exchange;

/// <summary>The workbook's cells both ways: day numbers, column letters, escapes, and any text written and read back as it was.</summary>
public sealed class WorkbookTests
{
    [Theory]
    [InlineData(2025, 3, 13, 45729)]
    [InlineData(1900, 3, 1, 61)]
    [InlineData(2024, 2, 29, 45351)]
    public void A_date_is_the_day_number_spreadsheets_give_it_and_back(int year, int month, int day, int serial)
    {
        var date = new DateOnly(year, month, day);

        WorkbookCells.Serial(date).ShouldBe(serial);
        WorkbookCells.Date(serial, system1904: false).ShouldBe(date);
        WorkbookCells.Date(serial + 0.75, system1904: false).ShouldBe(date, "the time of day is dropped");
        WorkbookCells.Date(serial - 1462, system1904: true).ShouldBe(date, "a workbook of the 1904 system counts from 1904");
    }

    [Fact]
    public void Numbers_that_are_no_date_a_spreadsheet_shows_are_not_dates()
    {
        WorkbookCells.Date(3, system1904: false).ShouldBeNull("before 1 Mar 1900 the 1900 system counts a day that never was");
        WorkbookCells.Date(3_000_000, system1904: false).ShouldBeNull();
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(46, "AU")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Columns_are_letters_both_ways(int column, string name)
    {
        WorkbookCells.ColumnName(column).ShouldBe(name);
        WorkbookCells.Place(name + "7").ShouldBe((column, 7));
    }

    [Fact]
    public void Control_characters_and_what_looks_like_an_escape_are_escaped_and_come_back()
    {
        const string text = "bell \u0007, a tab\t, _x0041_ as typed, and line\nbreaks";

        var escaped = WorkbookCells.Escape(text);

        escaped.ShouldBe("bell _x0007_, a tab\t, _x005F_x0041_ as typed, and line\nbreaks");
        WorkbookCells.Unescape(escaped).ShouldBe(text);
        WorkbookCells.Unescape("one\r\ntwo\rthree").ShouldBe("one\ntwo\nthree");
    }

    [Fact]
    public void Any_text_dates_and_numbers_are_read_back_as_written_and_a_cell_not_of_its_columns_kind_stays_text()
    {
        var sheet = new Sheet(
            "Risks",
            [new("id", CellKind.Text), new("due", CellKind.Date), new("score", CellKind.Number), new("note", CellKind.Text)],
            [
                new(["R-1", "2025-03-31", "12", "  leading and trailing spaces  "], null),
                new(["R-2", "31/03/2025", "12.50", "=SUM(A1:A3) is not run"], null),
                new(["R-3", "", "-2.5", "\u0007 _x0041_ \"quotes\" & <angles>\nsecond line"], null),
            ],
            []);
        using var stream = new MemoryStream();
        WorkbookWriter.Write([sheet], "Test", "Test", new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.Zero), stream);

        var read = WorkbookReader.Read(stream.ToArray(), "t.xlsx", null, cells => cells.Contains("id") ? 1 : 0, new HashSet<string>());

        read.Problems.ShouldBeEmpty();
        (read.Sheet, read.HeaderRow).ShouldBe(("Risks", 1));
        read.Headers.ShouldBe(["id", "due", "score", "note"]);
        read.Rows.Select(r => r.Number).ShouldBe([2, 3, 4]);
        read.Rows.Select(r => sheet.Columns.Select(c => r.Cells[c.Header]).ToList()).ShouldBe(sheet.Rows.Select(r => r.Cells.ToList()).ToList());
    }

    [Fact]
    public void A_cell_longer_than_a_spreadsheet_holds_is_refused_by_sheet_row_and_column()
    {
        var sheet = new Sheet("Risks", [new("id", CellKind.Text), new("narrative", CellKind.Text)], [new(["R-1", new string('x', WorkbookWriter.CellLimit + 1)], null)], []);

        var refused = Should.Throw<InvalidDataException>(() => WorkbookWriter.Write([sheet], "Test", "Test", DateTimeOffset.UnixEpoch, new MemoryStream()));

        refused.Message.ShouldBe("sheet \"Risks\", row 2, column \"narrative\" (R-1): 32,768 characters, more than the 32,767 a spreadsheet cell holds; shorten it, or export as CSV");
    }
}
