namespace Risks.Tests.Support;

/// <summary>Where the repository, its sample data and the built <c>risks</c> program are.</summary>
internal static class Paths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Risks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Risks.sln above {AppContext.BaseDirectory}");
    });

    /// <summary>The folder holding Risks.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The sample register's source files (register.yaml, risks/, history.yaml).</summary>
    public static string DataFolder => Path.Combine(RepoRoot, "data");

    /// <summary>The built program, copied beside the tests because this project references it.</summary>
    public static string RisksDll => Path.Combine(AppContext.BaseDirectory, "risks.dll");

    /// <summary>The dotnet host running the tests (a full path where one can be found), so the program runs on the same runtime.</summary>
    public static string Dotnet { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "dotnet")).FirstOrDefault(File.Exists)
        ?? "dotnet";
}
