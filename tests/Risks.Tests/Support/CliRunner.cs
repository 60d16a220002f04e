using Microsoft.Extensions.Time.Testing;
using Risks.Cli;

namespace Risks.Tests.Support;

/// <summary>Runs the command line in-process, with its output captured and a fixed clock.</summary>
internal static class CliRunner
{
    public const string UserName = "Test User";
    public const string UserEmail = "test.user@example.com";

    /// <summary>The tests' "now": 20 March 2025, a week after the sample's March board.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 20, 10, 0, 0, TimeSpan.Zero);

    public sealed record Result(int Code, string Out, string Error)
    {
        public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

        public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Error}";
    }

    public static Result Run(string currentDirectory, params string[] args) => Run(currentDirectory, null, args);

    public static Result Run(string currentDirectory, IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        Run(currentDirectory, variables, interactive: false, input: null, args);

    public static Result Run(string currentDirectory, IReadOnlyDictionary<string, string>? variables, bool interactive, string? input, params string[] args) =>
        Run(currentDirectory, variables, interactive, input, outIsTerminal: false, args);

    /// <summary>Runs as if standard output were a terminal, read by a person rather than a script.</summary>
    public static Result RunAtTerminal(string currentDirectory, IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        Run(currentDirectory, variables, interactive: false, input: null, outIsTerminal: true, args);

    private static Result Run(string currentDirectory, IReadOnlyDictionary<string, string>? variables, bool interactive, string? input, bool outIsTerminal, string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext
        {
            Out = output,
            Error = error,
            In = new StringReader(input ?? ""),
            Clock = new FakeTimeProvider(Now),
            CurrentDirectory = currentDirectory,
            Variable = name => variables is not null && variables.TryGetValue(name, out var value) ? value : null,
            Interactive = interactive,
            OutIsTerminal = outIsTerminal,
            DataFolder = Paths.DataFolder,
        };
        var code = CommandLine.Run(args, context);
        return new Result(code, output.ToString(), error.ToString());
    }
}
