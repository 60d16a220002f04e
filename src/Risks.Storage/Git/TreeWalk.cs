using System.Runtime.InteropServices;
using System.Text;
using LibGit2Sharp;

namespace Risks.Storage.Git;

/// <summary>
/// The blobs under a folder of a tree, read through the Git library's own tree calls. Walking a
/// tree with LibGit2Sharp makes an entry object, a lazily built target and a path holder for every
/// entry, about 1.8 KB each, which at 10,000 risks is 18 MB of garbage per walk (the full-screen
/// register walks the last iteration in the background while its user works). Here each file
/// costs its path and its id, and nothing else.
/// </summary>
internal static unsafe partial class TreeWalk
{
    private const int OpenNoSearch = 1;
    private const int ObjectTree = 2;
    private const int ObjectBlob = 3;
    private const int OidBytes = 20;

    /// <summary>
    /// Every blob under <paramref name="folderTree"/> (the tree of <paramref name="folder"/>) whose
    /// path <paramref name="keep"/> accepts, with its id, as paths from the top of the repository
    /// at <paramref name="gitDir"/>, in no particular order.
    /// </summary>
    public static List<(string Path, ObjectId Id, string Version)> Blobs(string gitDir, ObjectId folderTree, string folder, Func<string, bool> keep)
    {
        var found = new List<(string Path, ObjectId Id, string Version)>();
        Check(OpenExt(out var repo, gitDir, OpenNoSearch, null), gitDir);
        try
        {
            var oid = new byte[OidBytes];
            folderTree.RawId.CopyTo(oid, 0);
            var pending = new Stack<(string Folder, byte[] Tree)>();
            pending.Push((folder, oid));
            var name = new char[256];
            while (pending.Count > 0)
            {
                var (path, treeId) = pending.Pop();
                nint tree;
                fixed (byte* id = treeId)
                {
                    Check(TreeLookup(out tree, repo, id), gitDir);
                }

                try
                {
                    var count = (long)TreeEntryCount(tree);
                    for (nuint i = 0; i < (nuint)count; i++)
                    {
                        var entry = TreeEntryByIndex(tree, i);
                        var type = TreeEntryType(entry);
                        if (type != ObjectTree && type != ObjectBlob)
                        {
                            continue;
                        }

                        var full = PathOf(path, MemoryMarshal.CreateReadOnlySpanFromNullTerminated(TreeEntryName(entry)), ref name);
                        var raw = new ReadOnlySpan<byte>(TreeEntryId(entry), OidBytes).ToArray();
                        if (type == ObjectTree)
                        {
                            pending.Push((full, raw));
                        }
                        else if (keep(full))
                        {
                            var id = new ObjectId(raw);
                            found.Add((full, id, id.Sha));
                        }
                    }
                }
                finally
                {
                    TreeFree(tree);
                }
            }
        }
        finally
        {
            RepositoryFree(repo);
        }

        return found;
    }

    // folder + "/" + the entry's name (UTF-8), as one string.
    private static string PathOf(string folder, ReadOnlySpan<byte> bytes, ref char[] buffer)
    {
        var length = folder.Length + 1 + Encoding.UTF8.GetMaxCharCount(bytes.Length);
        if (buffer.Length < length)
        {
            buffer = new char[length];
        }

        folder.CopyTo(buffer);
        buffer[folder.Length] = '/';
        var chars = Encoding.UTF8.GetChars(bytes, buffer.AsSpan(folder.Length + 1));
        return new string(buffer, 0, folder.Length + 1 + chars);
    }

    private static void Check(int result, string gitDir)
    {
        if (result >= 0)
        {
            return;
        }

        var error = ErrorLast();
        var message = error is null || error->Message is null ? $"error {result}" : Marshal.PtrToStringUTF8((nint)error->Message);
        throw new LibGit2SharpException($"{gitDir}: {message}");
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct GitError
    {
        public byte* Message;
        public int Class;
    }

    [LibraryImport(PackMapping.Library, EntryPoint = "git_repository_open_ext", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenExt(out nint repository, string path, uint flags, string? ceilingDirs);

    [LibraryImport(PackMapping.Library, EntryPoint = "git_repository_free")]
    private static partial void RepositoryFree(nint repository);

    [LibraryImport(PackMapping.Library, EntryPoint = "git_tree_lookup")]
    private static partial int TreeLookup(out nint tree, nint repository, byte* id);

    [LibraryImport(PackMapping.Library, EntryPoint = "git_tree_free")]
    private static partial void TreeFree(nint tree);

    [LibraryImport(PackMapping.Library, EntryPoint = "git_tree_entrycount")]
    private static partial nuint TreeEntryCount(nint tree);

    [LibraryImport(PackMapping.Library, EntryPoint = "git_tree_entry_byindex")]
    private static partial nint TreeEntryByIndex(nint tree, nuint index);

    [LibraryImport(PackMapping.Library, EntryPoint = "git_tree_entry_name")]
    private static partial byte* TreeEntryName(nint entry);

    [LibraryImport(PackMapping.Library, EntryPoint = "git_tree_entry_id")]
    private static partial byte* TreeEntryId(nint entry);

    [LibraryImport(PackMapping.Library, EntryPoint = "git_tree_entry_type")]
    private static partial int TreeEntryType(nint entry);

    [LibraryImport(PackMapping.Library, EntryPoint = "git_error_last")]
    private static partial GitError* ErrorLast();
}
