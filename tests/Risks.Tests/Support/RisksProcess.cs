namespace Risks.Tests.Support;

/// <summary>Runs the built program as a real process (<c>dotnet risks.dll ...</c>) with the isolated Git environment.</summary>
internal static class RisksProcess
{
    public static CliRunner.Result Run(string currentDirectory, params string[] args) => Run(currentDirectory, null, args);

    /// <summary>Runs the program with <paramref name="environment"/> set on top of the isolated Git environment.</summary>
    public static CliRunner.Result Run(string currentDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        File.Exists(Paths.RisksDll).ShouldBeTrue($"{Paths.RisksDll} should be beside the tests");
        var dotnet = Paths.Dotnet;
        var (code, output, error) = ChildProcess.Run(dotnet, [Paths.RisksDll, .. args], currentDirectory, TimeSpan.FromSeconds(120), environment);
        return new CliRunner.Result(code, output, error);
    }
}
