using System.Text;
using LibGit2Sharp;
using Risks.Storage.Git;

namespace Risks.Storage.Tests.Git;

public sealed class BlobIdTests
{
    [Fact]
    public void The_empty_file_has_git_s_well_known_blob_id()
    {
        BlobId.Of([]).ShouldBe("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    }

    [Fact]
    public void A_file_s_version_is_the_blob_id_git_gives_it()
    {
        using var folder = new TempFolder();
        Repository.Init(folder.Path, isBare: true);
        using var repo = new Repository(folder.Path);
        var bytes = File.ReadAllBytes(Samples.DataFile(Samples.File));

        using var stream = new MemoryStream(bytes);
        var blob = repo.ObjectDatabase.CreateBlob(stream);

        BlobId.Of(bytes).ShouldBe(blob.Sha);
        BlobId.Of(Encoding.UTF8.GetBytes("hello\n")).ShouldBe("ce013625030ba8dba906f756967f9e9ca394464a");
    }
}
