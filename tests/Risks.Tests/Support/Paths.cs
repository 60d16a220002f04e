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

    /// <summary>
    /// The installed program, when <c>RISKS_PROGRAM</c> names one (a <c>risks</c> made by <c>dotnet publish</c>,
    /// compiled ahead of time): the tests that run the program as a process then run that, as CI does.
    /// </summary>
    public static string? Installed { get; } =
        Environment.GetEnvironmentVariable("RISKS_PROGRAM") is { Length: > 0 } program ? Path.GetFullPath(program) : null;

    /// <summary>The folder holding the program and the files it needs: the installed program's, or this build's (beside the tests).</summary>
    public static string ProgramFolder => Installed is { } installed ? Path.GetDirectoryName(installed)! : AppContext.BaseDirectory;

    /// <summary>The words that run the program: the installed <c>risks</c>, or <c>dotnet risks.dll</c> of this build.</summary>
    public static IReadOnlyList<string> Program => ProgramIn(ProgramFolder);

    /// <summary>The words that run a copy of <see cref="ProgramFolder"/> made at <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> ProgramIn(string folder) =>
        Installed is { } installed ? [Path.Combine(folder, Path.GetFileName(installed))] : [Dotnet, Path.Combine(folder, "risks.dll")];

    /// <summary><see cref="Program"/> as one line for a shell script, each word quoted.</summary>
    public static string ProgramForShell => ForShell(Program);

    /// <summary><paramref name="words"/> as one line for a shell script, each word quoted.</summary>
    public static string ForShell(IEnumerable<string> words) => string.Join(' ', words.Select(w => $"'{w.Replace("'", "'\\''", StringComparison.Ordinal)}'"));

    /// <summary>The dotnet host running the tests (a full path where one can be found), so the program runs on the same runtime.</summary>
    public static string Dotnet { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "dotnet")).FirstOrDefault(File.Exists)
        ?? "dotnet";
}
