using System.Diagnostics;

namespace Risks.Benchmarks;

/// <summary>
/// Builds published from a copy of the sources under the benchmark's folder, so the repository's
/// own bin/ and obj/ folders, which a developer may be building at the same time, are never
/// touched: a ReadyToRun build of this benchmark, as the installed tool is meant to be published,
/// for a second set of cold loads; and the <c>risks</c> program itself, for start-up to first frame.
/// </summary>
internal static class ReadyToRun
{
    /// <summary>The published benchmark dll, or null (with the reason printed) when it could not be built.</summary>
    public static string? Publish(string workDir)
    {
        var dll = PublishCopy(
            workDir,
            "r2r-build",
            [Path.Combine("src", "Risks.Core"), Path.Combine("src", "Risks.Storage"), Path.Combine("src", "Risks.App"), Path.Combine("tests", "Risks.Benchmarks")],
            Path.Combine("tests", "Risks.Benchmarks"),
            "Risks.Benchmarks.dll",
            readyToRun: true,
            out var failure);
        Console.WriteLine(dll is null
            ? $"  ReadyToRun: {failure}; cold loads with ReadyToRun skipped"
            : $"  ReadyToRun build of the benchmark published: {dll}");
        return dll;
    }

    /// <summary>
    /// The <c>risks</c> program published as a person installs it (<c>dotnet publish src/Risks -c Release</c>:
    /// compiled to native code ahead of time, as its project says), or null with the reason in <paramref name="failure"/>.
    /// </summary>
    public static string? PublishRisks(string workDir, out string? failure) =>
        PublishCopy(
            workDir,
            "risks-build",
            [Path.Combine("src", "Risks.Core"), Path.Combine("src", "Risks.Storage"), Path.Combine("src", "Risks.App"), Path.Combine("src", "Risks"), "data"],
            Path.Combine("src", "Risks"),
            "risks",
            readyToRun: null,
            out failure);

    /// <summary>Copies <paramref name="folders"/> (without bin/ and obj/) and the build's props files, then publishes <paramref name="project"/>.</summary>
    /// <param name="readyToRun">For a framework-dependent build, with ReadyToRun or without; null for the project's own publishing (the program's: native).</param>
    private static string? PublishCopy(string workDir, string name, string[] folders, string project, string outputFile, bool? readyToRun, out string? failure)
    {
        failure = null;
        var root = Report.RepositoryRoot();
        if (root is null)
        {
            failure = "Risks.sln not found above the current folder";
            return null;
        }

        var copy = Path.Combine(workDir, name);
        if (Directory.Exists(copy))
        {
            Directory.Delete(copy, recursive: true);
        }

        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "NuGet.config", "nuget.config", Path.Combine("src", "Directory.Build.props"), Path.Combine("tests", "Directory.Build.props") })
        {
            var source = Path.Combine(root, file);
            if (File.Exists(source))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, file))!);
                File.Copy(source, Path.Combine(copy, file));
            }
        }

        foreach (var folder in folders)
        {
            CopySources(Path.Combine(root, folder), Path.Combine(copy, folder));
        }

        var output = Path.Combine(copy, "out");
        var watch = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = copy,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args = readyToRun is { } r2r
            ? ["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishAot=false", $"-p:PublishReadyToRun={(r2r ? "true" : "false")}", "-o", output, "-nologo"]
            : ["publish", project, "-c", "Release", "-o", output, "-nologo"];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var built = Path.Combine(output, outputFile);
        if (process.ExitCode != 0 || !File.Exists(built))
        {
            failure = $"dotnet publish {project} failed ({process.ExitCode}):\n{log}{errors.Result}";
            return null;
        }

        Console.WriteLine($"  {project} published in {watch.Elapsed.TotalSeconds:F0} s{readyToRun switch { true => " (ReadyToRun)", false => "", null => " (as installed)" }}");
        return built;
    }

    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (name is not ("bin" or "obj"))
            {
                CopySources(dir, Path.Combine(to, name));
            }
        }
    }
}
