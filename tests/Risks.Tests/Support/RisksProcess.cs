namespace Risks.Tests.Support;

/// <summary>Runs the program as a real process (<c>dotnet risks.dll ...</c>, or the installed one: <see cref="Paths.Installed"/>) with the isolated Git environment.</summary>
internal static class RisksProcess
{
    public static CliRunner.Result Run(string currentDirectory, params string[] args) => Run(currentDirectory, null, args);

    /// <summary>Runs the program with <paramref name="environment"/> set on top of the isolated Git environment.</summary>
    public static CliRunner.Result Run(string currentDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var program = Paths.Program;
        File.Exists(program[^1]).ShouldBeTrue($"{program[^1]} should be there");
        var (code, output, error) = ChildProcess.Run(program[0], [.. program.Skip(1), .. args], currentDirectory, TimeSpan.FromSeconds(120), environment);
        return new CliRunner.Result(code, output, error);
    }
}
