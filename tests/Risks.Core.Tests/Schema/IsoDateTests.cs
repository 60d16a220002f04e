using System.Globalization;
using Risks.Core.Schema;

namespace Risks.Core.Tests.Schema;

/// <summary>Dates as files hold them: read by hand, exactly as the framework reads the form YYYY-MM-DD.</summary>
public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2025-03-13", 2025, 3, 13)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void A_real_day_in_the_form_is_read(string text, int year, int month, int day)
    {
        FieldValues.TryParseIso(text, out var date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(year, month, day));
        FieldValues.ParseIso(text).ShouldBe(date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-02-29")]
    [InlineData("2025-04-31")]
    [InlineData("2025-13-01")]
    [InlineData("2025-00-10")]
    [InlineData("2025-01-00")]
    [InlineData("0000-01-01")]
    [InlineData("2025-3-13")]
    [InlineData("25-03-13")]
    [InlineData(" 2025-03-13")]
    [InlineData("2025-03-13 ")]
    [InlineData("2025/03/13")]
    [InlineData("2025-03-1x")]
    [InlineData("+025-03-13")]
    [InlineData("２０２５-03-13")]
    [InlineData("13 Mar 2025")]
    [InlineData("2025-03-13T00:00")]
    public void Anything_else_is_not_a_date_and_says_so(string text)
    {
        FieldValues.TryParseIso(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => FieldValues.ParseIso(text)).Message.ShouldContain("YYYY-MM-DD");
    }

    [Fact]
    public void Every_day_of_four_years_and_every_near_miss_read_as_the_framework_reads_them()
    {
        var texts = new List<string>();
        for (var day = new DateOnly(2023, 1, 1); day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
        {
            texts.Add(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        for (var month = 0; month <= 13; month++)
        {
            for (var day = 0; day <= 32; day++)
            {
                texts.Add($"2024-{month:00}-{day:00}");
            }
        }

        foreach (var text in texts)
        {
            var framework = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);
            FieldValues.TryParseIso(text, out var date).ShouldBe(framework, text);
            date.ShouldBe(framework ? expected : default, text);
        }
    }
}
