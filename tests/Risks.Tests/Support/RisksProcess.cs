namespace Risks.Tests.Support;

/// <summary>Runs the built program as a real process (<c>dotnet risks.dll ...</c>) with the isolated Git environment.</summary>
internal static class RisksProcess
{
    public static CliRunner.Result Run(string currentDirectory, params string[] args)
    {
        File.Exists(Paths.RisksDll).ShouldBeTrue($"{Paths.RisksDll} should be beside the tests");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var (code, output, error) = ChildProcess.Run(dotnet, [Paths.RisksDll, .. args], currentDirectory, TimeSpan.FromSeconds(120));
        return new CliRunner.Result(code, output, error);
    }
}
