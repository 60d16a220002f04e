using System.Diagnostics;

namespace Risks.Tests.Support;

/// <summary>Runs the built program as a real process (<c>dotnet risks.dll ...</c>) with the isolated Git environment.</summary>
internal static class RisksProcess
{
    public static CliRunner.Result Run(string currentDirectory, params string[] args)
    {
        File.Exists(Paths.RisksDll).ShouldBeTrue($"{Paths.RisksDll} should be beside the tests");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = currentDirectory,
        };
        start.ArgumentList.Add(Paths.RisksDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        TestEnvironment.Isolate(start);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"risks {string.Join(' ', args)} did not finish");
        }

        return new CliRunner.Result(process.ExitCode, output.Result, error.Result);
    }
}
