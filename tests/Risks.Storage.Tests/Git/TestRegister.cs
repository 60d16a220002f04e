using LibGit2Sharp;
using Microsoft.Extensions.Time.Testing;
using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.Storage.Tests.Git;

/// <summary>A new register in a temporary folder, made by <see cref="Register.Init"/>, removed when disposed.</summary>
internal sealed class TestRegister : IDisposable
{
    public static readonly Author Ann = new("Ann Author", "ann.author@mse.example", "aauthor");

    public static readonly Author Bob = new("Bob Other", "bob.other@mse.example", "bother");

    public static readonly DateTimeOffset Start = new(2025, 3, 13, 9, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public TestRegister(RegisterSettings? settings = null)
    {
        Settings = settings ?? DefaultSettings();
        Root = Path.Combine(_folder.Path, "register");
        Repo = Register.Init(Root, Settings, Ann, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public RegisterSettings Settings { get; }

    public string Root { get; }

    public Register Repo { get; }

    public static RegisterSettings DefaultSettings() => new()
    {
        Organisation = "Mid and South Essex Integrated Care Board",
        Objectives = [new Objective { Id = "SO2", Title = "Narrow health inequalities.", ShortTitle = "Reduce health inequalities", Tolerance = 9 }],
        People =
        [
            new Person { Login = "rjarvis", Name = "Rebecca Jarvis", Email = "rebecca.jarvis@mse.example", Role = Role.RiskOwner },
            new Person { Login = "etimpson", Name = "Emma Timpson", Email = "emma.timpson@mse.example", Role = Role.RiskOwner },
        ],
    };

    public string FullPath(string relative) => Path.Combine(Root, relative);

    public void WriteFile(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FullPath(relative))!);
        File.WriteAllText(FullPath(relative), text);
    }

    /// <summary>Saves a new risk, which must succeed.</summary>
    public SaveOutcome.Saved SaveNew(Risk risk, Author? author = null) =>
        Repo.Saves.Save(risk, null, null, author ?? Ann).ShouldBeOfType<SaveOutcome.Saved>();

    /// <summary>Commits on the branch's first-parent chain, newest first, read while the repository is open.</summary>
    public List<CommitInfo> History()
    {
        using var repo = new Repository(Root);
        return repo.Commits.QueryBy(new CommitFilter { FirstParentOnly = true, SortBy = CommitSortStrategies.Topological })
            .Select(c => new CommitInfo(c.Sha, c.Message, c.Author.Name, c.Author.Email, c.Author.When, c.Parents.Count(), Touched(repo, c)))
            .ToList();
    }

    public int CommitCount()
    {
        using var repo = new Repository(Root);
        return repo.Commits.Count();
    }

    /// <summary>The paths a commit changed from its first parent.</summary>
    public static List<string> Touched(Repository repo, Commit commit)
    {
        var parent = commit.Parents.FirstOrDefault();
        return repo.Diff.Compare<TreeChanges>(parent?.Tree, commit.Tree).Select(c => c.Path).ToList();
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>What a test needs of a commit, copied out so it outlives the repository handle.</summary>
internal sealed record CommitInfo(string Sha, string Message, string AuthorName, string AuthorEmail, DateTimeOffset When, int Parents, List<string> Touched)
{
    public string Subject => Message.Split('\n', 2)[0];
}
