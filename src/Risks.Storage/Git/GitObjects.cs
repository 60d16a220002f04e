using LibGit2Sharp;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Yaml;

namespace Risks.Storage.Git;

/// <summary>
/// Reading what a commit holds straight from Git's object database: a blob's bytes, the risk
/// files of a tree, register.yaml at a commit, and the commit a revision names. Used by every
/// part of the register that reads the past or checks commits.
/// </summary>
internal static class GitObjects
{
    public static byte[] BytesOf(Blob blob)
    {
        using var stream = blob.GetContentStream();
        var bytes = new byte[checked((int)blob.Size)];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// Every risk file in <paramref name="tree"/>'s <c>risks/</c> folder, with its blob id, in
    /// path order. Walks the trees directly, reading no blob.
    /// </summary>
    public static List<(string Path, ObjectId Id, string Version)> RiskFilesInTree(Repository repo, Tree tree)
    {
        if (tree[RegisterLayout.RisksFolder] is not { TargetType: TreeEntryTargetType.Tree } top)
        {
            return [];
        }

        var found = TreeWalk.Blobs(repo.Info.Path, top.Target.Id, RegisterLayout.RisksFolder, RegisterLayout.IsRiskFile);
        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return found;
    }

    /// <summary>
    /// The commit <paramref name="revision"/> names, as Git resolves it (a full sha, then a tag
    /// before a branch of the same name, then an abbreviated sha; <c>HEAD~1</c> and the like work
    /// too), peeling annotated tags; null when it names nothing or something that is not a commit.
    /// </summary>
    public static Commit? Resolve(Repository repo, string revision)
    {
        if (string.IsNullOrWhiteSpace(revision))
        {
            return null;
        }

        try
        {
            var found = repo.Lookup(revision);
            while (found is TagAnnotation tag)
            {
                found = tag.Target;
            }

            return found as Commit;
        }
        catch (LibGit2SharpException)
        {
            // A revision Git cannot parse, or an abbreviated sha matching several objects.
            return null;
        }
    }

    /// <summary>register.yaml as <paramref name="commit"/> holds it, with its problems; null settings when it is not there.</summary>
    public static (RegisterSettings? Settings, IReadOnlyList<Problem> Problems) SettingsIn(Commit? commit) =>
        commit?[SettingsYaml.FileName] is { TargetType: TreeEntryTargetType.Blob } entry
            ? SettingsYaml.Read(BytesOf((Blob)entry.Target))
            : (null, [new Problem(SettingsYaml.FileName, 1, 1, $"{SettingsYaml.FileName} is not committed, so nobody's role is known")]);
}
