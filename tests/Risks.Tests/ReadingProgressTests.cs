using Risks.Cli;
using Risks.Storage.Git;

namespace Risks.Tests;

public sealed class ReadingProgressTests
{
    [Fact]
    public void A_long_read_is_shown_on_one_line_rewritten_in_place_and_cleared_at_the_end()
    {
        var terminal = new StringWriter();
        using (var progress = new ReadingProgress(terminal, TimeSpan.Zero))
        {
            progress.Report(new LoadProgress(250, 10_000));
            progress.Report(new LoadProgress(500, 10_000));
        }

        terminal.ToString().ShouldBe(
            "\rReading 250 of 10,000 risk files (a first read; later starts are quicker)"
            + "\rReading 500 of 10,000 risk files (a first read; later starts are quicker)"
            + "\r\u001b[2K");
        ("Reading 10,000 of 10,000 risk files (a first read; later starts are quicker)").Length.ShouldBeLessThan(80, "it must fit an 80-column terminal, or \\r cannot rewrite it");
    }

    [Fact]
    public void A_quick_read_or_one_with_no_terminal_shows_nothing()
    {
        var terminal = new StringWriter();
        using (var progress = new ReadingProgress(terminal, TimeSpan.FromHours(1)))
        {
            progress.Report(new LoadProgress(250, 10_000));
        }

        terminal.ToString().ShouldBeEmpty();
        using var none = new ReadingProgress(null, TimeSpan.Zero);
        none.Report(new LoadProgress(250, 10_000));
    }
}
