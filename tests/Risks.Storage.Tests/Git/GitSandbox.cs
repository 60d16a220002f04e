using System.Diagnostics;
using LibGit2Sharp;

namespace Risks.Storage.Tests.Git;

/// <summary>
/// Keeps every Git call in these tests away from the machine's own Git configuration: no system
/// or global file is read (not even the user's name and email), for LibGit2Sharp in this process
/// and for the git command line and worker processes started from it.
/// </summary>
internal static class GitSandbox
{
    static GitSandbox()
    {
        Home = Directory.CreateTempSubdirectory("risks-tests-home-").FullName;
        Environment.SetEnvironmentVariable("HOME", Home);
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", Path.Combine(Home, ".config"));
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", Path.Combine(Home, ".gitconfig"));
        foreach (var level in new[] { ConfigurationLevel.Global, ConfigurationLevel.Xdg, ConfigurationLevel.System, ConfigurationLevel.ProgramData })
        {
            GlobalSettings.SetConfigSearchPaths(level, Home);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => TempFolder.Delete(Home);
    }

    /// <summary>The empty home folder every Git call sees.</summary>
    public static string Home { get; }

    /// <summary>Makes sure the sandbox is in place; call before the first Git call.</summary>
    public static void Enter()
    {
        // The static constructor does the work, once.
        _ = Home;
    }

    /// <summary>Sets the sandbox's variables on a process about to start.</summary>
    public static void Apply(ProcessStartInfo start)
    {
        Enter();
        start.Environment["HOME"] = Home;
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config");
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = Path.Combine(Home, ".gitconfig");
    }

    /// <summary>Runs the git command line in <paramref name="folder"/>; returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Apply(start);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}

/// <summary>A new temporary folder, deleted when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        GitSandbox.Enter();
        Path = Directory.CreateTempSubdirectory("risks-tests-").FullName;
    }

    public string Path { get; }

    public void Dispose() => Delete(Path);

    public static void Delete(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(folder, recursive: true);
    }
}
