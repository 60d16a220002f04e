using System.Runtime.CompilerServices;
using LibGit2Sharp;

namespace Risks.Tests.Support;

/// <summary>
/// Keeps every test away from the machine's Git configuration and from the repository the tests
/// live in: LibGit2Sharp looks for global, XDG and system config only in an empty folder, and Git
/// commands and child processes get a home of their own and no system or global config.
/// </summary>
internal static class TestEnvironment
{
    private const string RunPrefix = "risks-cli-tests-run-";

    private static readonly string Base = Path.Combine(Path.GetTempPath(), $"{RunPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>This test run's own folder (the sample register template is built in it); deleted when the run ends.</summary>
    public static string RunFolder => Base;

    /// <summary>An empty folder: where LibGit2Sharp looks for global, XDG and system config.</summary>
    public static string EmptyConfigFolder { get; } = Path.Combine(Base, "no-config");

    /// <summary>HOME for Git commands and child processes.</summary>
    public static string Home { get; } = Path.Combine(Base, "home");

    /// <summary>GIT_CONFIG_GLOBAL for Git commands and child processes: an empty file.</summary>
    public static string GlobalConfigFile { get; } = Path.Combine(Base, "home", "empty.gitconfig");

#pragma warning disable CA2255 // A test assembly's module initializer is exactly the place for process-wide test setup.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialise()
    {
        DeleteFoldersOfEndedRuns();
        Directory.CreateDirectory(EmptyConfigFolder);
        Directory.CreateDirectory(Home);
        File.WriteAllText(GlobalConfigFile, "");
        foreach (var level in new[] { ConfigurationLevel.Global, ConfigurationLevel.Xdg, ConfigurationLevel.System, ConfigurationLevel.ProgramData })
        {
            GlobalSettings.SetConfigSearchPaths(level, EmptyConfigFolder);
        }

        // The git program the code under test starts itself (sync's fetch and push) sees no personal or system config either.
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", GlobalConfigFile);
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TempFolder.DeleteQuietly(Base);
    }

    /// <summary>Removes what earlier runs left behind if their process was killed before it could clean up.</summary>
    private static void DeleteFoldersOfEndedRuns()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), RunPrefix + "*"))
        {
            var pid = Path.GetFileName(folder)[RunPrefix.Length..].Split('-')[0];
            if (int.TryParse(pid, System.Globalization.CultureInfo.InvariantCulture, out var id) && id != Environment.ProcessId && !IsRunning(id))
            {
                TempFolder.DeleteQuietly(folder);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Sets the isolated Git environment on a child process, and removes variables that would change what it does.</summary>
    public static void Isolate(System.Diagnostics.ProcessStartInfo start)
    {
        foreach (var name in new[]
                 {
                     "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CEILING_DIRECTORIES", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL",
                     "GIT_AUTHOR_DATE", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_COMMITTER_DATE", "EMAIL", "GIT_CONFIG",
                     "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "RISKS_REGISTER", "EDITOR", "VISUAL", "GIT_EDITOR", "GIT_PAGER", "PAGER",
                 })
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = Home;
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config");
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = GlobalConfigFile;
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
    }
}
