using LibGit2Sharp;
using Microsoft.Extensions.Time.Testing;
using Risks.App;
using Risks.Storage.Git;
using Risks.Storage.Sample;

namespace Risks.App.Tests;

/// <summary>
/// A fresh copy of the sample register (the March 2025 BAF with its January and March 2025
/// iterations) per test, with Git's own configuration isolated, and sessions on it as any of the
/// sample's people: soconnor (governance lead), rjarvis (risk owner of BAF-07), auditchair (reviewer).
/// </summary>
internal sealed class Sample : IDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 3, 20, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<string> Template = new(() =>
    {
        Isolate();
        var folder = Path.Combine(Directory.CreateTempSubdirectory("risks-app-template-").FullName, "register");
        SampleBuilder.Build(DataFolder, folder);
        return folder;
    });

    public Sample()
    {
        Root = Path.Combine(Directory.CreateTempSubdirectory("risks-app-").FullName, "register");
        Copy(Template.Value, Root);
        Register = Register.Open(Root, Clock);
    }

    public string Root { get; }

    public Register Register { get; }

    public FakeTimeProvider Clock { get; } = new(Now);

    public static string DataFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Risks.sln")))
                {
                    return Path.Combine(dir.FullName, "data");
                }
            }

            throw new InvalidOperationException("no Risks.sln above the tests");
        }
    }

    /// <summary>A session as <paramref name="login"/>, once it has read the last iteration (which it does in the background).</summary>
    public Session As(string login)
    {
        var session = new Session(Register, login, Clock);
        session.BaselineLoaded.Wait();
        return session;
    }

    /// <summary>The commits on HEAD, newest first.</summary>
    public IReadOnlyList<Logged> Log()
    {
        using var repo = new Repository(Root);
        return repo.Commits.Take(100).Select(c => new Logged(c.Sha, c.Author.Name, c.MessageShort, c.Message)).ToList();
    }

    public sealed record Logged(string Sha, string AuthorName, string MessageShort, string Message);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Isolate()
    {
        var home = Directory.CreateTempSubdirectory("risks-app-home-").FullName;
        foreach (var level in new[] { ConfigurationLevel.Global, ConfigurationLevel.Xdg, ConfigurationLevel.System, ConfigurationLevel.ProgramData })
        {
            GlobalSettings.SetConfigSearchPaths(level, home);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
