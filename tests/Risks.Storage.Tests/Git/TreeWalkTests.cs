using System.Text;
using LibGit2Sharp;
using Risks.Storage.Git;

namespace Risks.Storage.Tests.Git;

/// <summary>
/// The risk files of a commit, as the register lists them from Git's trees: the same files and ids
/// LibGit2Sharp's own tree walk finds, at any depth and with any name, and a clear error for a
/// tree the repository does not have.
/// </summary>
public sealed class TreeWalkTests
{
    [Fact]
    public void The_risk_files_of_a_tree_are_those_a_walk_of_its_entries_finds_at_every_depth()
    {
        using var folder = new TempFolder();
        Repository.Init(folder.Path);
        using var repo = new Repository(folder.Path);
        var tree = new TreeDefinition();
        foreach (var path in new[]
                 {
                     "risks/BAF-1.yaml", "risks/BAF-10.yaml", "risks/BAF-2.yml", "risks/notes.txt", "risks/README",
                     "risks/closed/CRR-7.yaml", "risks/closed/2024/CRR-3.yaml", "risks/Überwachung é.yaml",
                     "risks/a b/c.yaml", "register.yaml", "other/CRR-9.yaml",
                 })
        {
            tree.Add(path, repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes($"id: {path}\n"))), Mode.NonExecutableFile);
        }

        var made = repo.ObjectDatabase.CreateTree(tree);

        var listed = GitObjects.RiskFilesInTree(repo, made);

        listed.Select(f => f.Path).ShouldBe(
        [
            "risks/BAF-1.yaml", "risks/BAF-10.yaml", "risks/BAF-2.yml", "risks/a b/c.yaml",
            "risks/closed/2024/CRR-3.yaml", "risks/closed/CRR-7.yaml", "risks/Überwachung é.yaml",
        ]);
        foreach (var (path, id, version) in listed)
        {
            var blob = (Blob)made[path].Target;
            id.ShouldBe(blob.Id);
            version.ShouldBe(blob.Id.Sha);
            blob.GetContentText().ShouldBe($"id: {path}\n");
        }
    }

    [Fact]
    public void A_tree_without_a_risks_folder_has_no_risk_files()
    {
        using var folder = new TempFolder();
        Repository.Init(folder.Path);
        using var repo = new Repository(folder.Path);
        var tree = new TreeDefinition();
        tree.Add("register.yaml", repo.ObjectDatabase.CreateBlob(new MemoryStream("name: x\n"u8.ToArray())), Mode.NonExecutableFile);

        GitObjects.RiskFilesInTree(repo, repo.ObjectDatabase.CreateTree(tree)).ShouldBeEmpty();
    }

    [Fact]
    public void A_folder_tree_the_repository_lacks_is_an_error_naming_the_repository()
    {
        using var folder = new TempFolder();
        Repository.Init(folder.Path);
        using var repo = new Repository(folder.Path);

        var error = Should.Throw<LibGit2SharpException>(() => TreeWalk.Blobs(repo.Info.Path, new ObjectId(new string('1', 40)), "risks", _ => true));

        error.Message.ShouldStartWith(repo.Info.Path);
        error.Message.Length.ShouldBeGreaterThan(repo.Info.Path.Length + 2);
    }
}
