using System.Runtime.InteropServices;

namespace Risks.Storage.Git;

/// <summary>
/// How much of the register's pack files the Git library keeps mapped into memory at once. By
/// default it maps a pack in windows of 1 GB, up to 8 GB, and unmaps nothing until the repository
/// is closed: reading a few thousand past versions (the full-screen register's trend sparklines
/// over the last iterations) touches most of a 130 MB pack, and every page touched counts in the
/// process's memory. Smaller windows, of which only a few are kept, bound that at the cost of
/// mapping some windows again; a long-running session is worth it, a one-off command is not.
/// </summary>
public static partial class PackMapping
{
    /// <summary>The size of each window mapped.</summary>
    public const int WindowBytes = 4 << 20;

    /// <summary>How much is kept mapped at most, over every pack: windows beyond it are unmapped, least recently used first.</summary>
    public const int MappedBytes = 32 << 20;

    /// <summary>
    /// The native library LibGit2Sharp loads (its name carries the libgit2 build it ships), whose
    /// options are process-wide. A newer package names another; <see cref="Limit"/> then says no,
    /// and the tests fail.
    /// </summary>
    internal const string Library = "libgit2-5853918";

    // libgit2's git_libgit2_opt_t.
    private const int GetWindowSize = 0;
    private const int SetWindowSize = 1;
    private const int GetMappedLimit = 2;
    private const int SetMappedLimit = 3;

    /// <summary>Limits the mapping, for every repository opened from now on in the process; false if the library would not.</summary>
    public static bool Limit()
    {
        try
        {
            return Set(SetWindowSize, WindowBytes) == 0 && Set(SetMappedLimit, MappedBytes) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The window size and the limit in force, as the library reports them.</summary>
    public static (long Window, long Mapped) Current()
    {
        Get(GetWindowSize, out var window);
        Get(GetMappedLimit, out var mapped);
        return ((long)window, (long)mapped);
    }

    // git_libgit2_opts is variadic: each option takes its own arguments after the first, all integers or pointers here.
    [LibraryImport(Library, EntryPoint = "git_libgit2_opts")]
    private static partial int Set(int option, nuint value);

    [LibraryImport(Library, EntryPoint = "git_libgit2_opts")]
    private static partial int Get(int option, out nuint value);
}
