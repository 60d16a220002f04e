using System.Diagnostics;

namespace Risks.Benchmarks;

/// <summary>
/// A ReadyToRun build of this benchmark, as the installed tool is meant to be published, for a
/// second set of cold loads. It is published from a copy of the sources (Risks.Core, Risks.Storage
/// and this project) under the benchmark's folder, so the repository's own bin/ and obj/ folders,
/// which a developer may be building at the same time, are never touched.
/// </summary>
internal static class ReadyToRun
{
    /// <summary>The published dll, or null (with the reason printed) when it could not be built.</summary>
    public static string? Publish(string workDir)
    {
        var root = Report.RepositoryRoot();
        if (root is null)
        {
            Console.WriteLine("  ReadyToRun: Risks.sln not found above the current folder; skipped");
            return null;
        }

        var copy = Path.Combine(workDir, "r2r-build");
        if (Directory.Exists(copy))
        {
            Directory.Delete(copy, recursive: true);
        }

        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "NuGet.config", "nuget.config", Path.Combine("tests", "Directory.Build.props") })
        {
            var source = Path.Combine(root, file);
            if (File.Exists(source))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, file))!);
                File.Copy(source, Path.Combine(copy, file));
            }
        }

        foreach (var project in new[] { Path.Combine("src", "Risks.Core"), Path.Combine("src", "Risks.Storage"), Path.Combine("tests", "Risks.Benchmarks") })
        {
            CopySources(Path.Combine(root, project), Path.Combine(copy, project));
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
        foreach (var arg in new[] { "publish", Path.Combine("tests", "Risks.Benchmarks"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output, "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var dll = Path.Combine(output, "Risks.Benchmarks.dll");
        if (process.ExitCode != 0 || !File.Exists(dll))
        {
            Console.WriteLine($"  ReadyToRun: dotnet publish failed ({process.ExitCode}); cold loads with ReadyToRun skipped:\n{log}{errors.Result}");
            return null;
        }

        Console.WriteLine($"  ReadyToRun build published in {watch.Elapsed.TotalSeconds:F0} s: {dll}");
        return dll;
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
