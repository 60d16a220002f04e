namespace Risks.Storage.Tests;

/// <summary>Where things are in the source tree, found from the test's own output folder.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding Risks.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");

    /// <summary>Debug or Release: the folder above net10.0 in the test's output path.</summary>
    public static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    public static string SaveWorkerDll => Path.Combine(Root, "tests", "Risks.Storage.SaveWorker", "bin", Configuration, "net10.0", "Risks.Storage.SaveWorker.dll");

    /// <summary>The path of a data file relative to the data folder, with forward slashes, as the register names it.</summary>
    public static string RelativeToData(string file) => Path.GetRelativePath(Data, file).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Risks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Risks.sln above {AppContext.BaseDirectory}");
    }
}
