using Risks.Tests.Support;

namespace Risks.Tests;

public sealed class HelpTests : IDisposable
{
    private static readonly string[] CommandNames = ["init", "demo", "list", "show", "check", "edit", "set", "iteration"];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Root_help_lists_every_command(string help)
    {
        var result = CliRunner.Run(_temp.Path, help);

        result.Code.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("Usage:");
        result.Out.ShouldContain("--register");
        foreach (var command in CommandNames)
        {
            result.OutLines.ShouldContain(l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal), command);
        }
    }

    [Fact]
    public void No_command_without_a_terminal_says_the_full_screen_register_needs_one()
    {
        var result = CliRunner.Run(_temp.Path);

        result.Code.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("the full-screen register needs a terminal");
        result.Error.ShouldContain("risks list");
    }

    [Theory]
    [InlineData("init", "--organisation", "--name", "--email")]
    [InlineData("demo", "--no-ui", "<path>", "")]
    [InlineData("list", "--kind", "--band", "--owner")]
    [InlineData("list", "--objective", "--status", "--format")]
    [InlineData("show", "<id>", "--format", "--register")]
    [InlineData("check", "--register", "Usage:", "")]
    [InlineData("edit", "<id>", "--message", "-m")]
    [InlineData("set", "<id>", "<settings>", "--message")]
    public void Command_help_lists_its_arguments_and_options(string command, string first, string second, string third)
    {
        var result = CliRunner.Run(_temp.Path, command, "--help");

        result.Code.ShouldBe(0, result.ToString());
        // In-process the usage line is named after the host process (testhost); the real program's is checked in ProcessTests.
        result.OutLines.ShouldContain(l => l.StartsWith("  ", StringComparison.Ordinal) && l.Contains($" {command}", StringComparison.Ordinal));
        result.Out.ShouldContain("--help");
        foreach (var expected in new[] { first, second, third }.Where(e => e.Length > 0))
        {
            result.Out.ShouldContain(expected);
        }
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error()
    {
        var result = CliRunner.Run(_temp.Path, "frobnicate");

        result.Code.ShouldBe(2);
        result.Error.ShouldContain("frobnicate");
        result.Error.ShouldContain("risks --help");
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var result = CliRunner.Run(_temp.Path, "list", "--format", "xml");

        result.Code.ShouldBe(2);
        result.Error.ShouldContain("xml");
    }
}
