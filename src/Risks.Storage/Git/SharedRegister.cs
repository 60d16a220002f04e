using System.Runtime.InteropServices;
using LibGit2Sharp;

namespace Risks.Storage.Git;

/// <summary>
/// A register kept for a Unix group on one server, where each person runs the program as their own
/// login. Git's <c>core.sharedRepository = group</c> marks it, so plain <c>git</c> behaves too;
/// libgit2 ignores that setting, so the program itself keeps everything it creates group-writable
/// (a umask that leaves group write, in folders that are setgid to the group), and opens a register
/// owned by another login only when it is shared with a group the person belongs to.
/// </summary>
public static partial class SharedRegister
{
    private const uint NoChange = uint.MaxValue;

    /// <summary>Whether the register at <paramref name="root"/> is shared with a group (and which).</summary>
    public static bool IsShared(string root) => SharedSetting(root) is { } value && value is "group" or "true" or "1" or "all" or "world" or "everybody";

    /// <summary>
    /// Shares the register at <paramref name="root"/> with <paramref name="group"/>: every folder gets
    /// the group, setgid and group read, write and search; every file the group and group read (and
    /// write, except Git's objects, which are never rewritten); Git is told. Returns how many
    /// files and folders were changed.
    /// </summary>
    public static int Share(string root, string group)
    {
        var gid = CheckGroup(group);

        using (var repo = new Repository(root))
        {
            repo.Config.Set("core.sharedRepository", "group", ConfigurationLevel.Local);
        }

        var changed = 0;
        foreach (var path in Everything(root))
        {
            changed += Fix(path, gid) ? 1 : 0;
        }

        return changed;
    }

    /// <summary>The group's id, once it is known to exist and to include the person running the program.</summary>
    public static uint CheckGroup(string group)
    {
        var gid = GroupId(group) ?? throw new RegisterException($"there is no Unix group called '{group}' (make it with: groupadd {group})");
        if (!Groups().Contains(gid))
        {
            throw new RegisterException($"you ({Environment.UserName}) are not in the group '{group}'; a shared register's group must include everyone who uses it, you first (usermod -aG {group} {Environment.UserName}, then log in again)");
        }

        return gid;
    }

    /// <summary>
    /// Makes ready to work on the register at <paramref name="root"/>: for a shared register, what
    /// this process creates from now on is group-writable; and a register owned by another login is
    /// opened only when it is shared with a group the person belongs to.
    /// </summary>
    public static void Prepare(string root)
    {
        var gitDir = Path.Combine(root, ".git");
        var shared = IsShared(root);
        if (shared)
        {
            var old = Umask(0);
            _ = Umask(old & ~Convert.ToUInt32("0070", 8));
        }

        if (!Stat(gitDir, out var owner, out var group) || owner == Geteuid())
        {
            return;
        }

        if (!shared)
        {
            throw new RegisterException(
                $"{root} belongs to another login ({NameOfUser(owner)}) and is not shared; its owner can share it with a group you are in: risks init --shared GROUP {root}");
        }

        if (!Groups().Contains(group))
        {
            throw new RegisterException(
                $"{root} is shared with the group '{NameOfGroup(group)}', which you ({Environment.UserName}) are not in; ask for it: usermod -aG {NameOfGroup(group)} {Environment.UserName}");
        }

        // The program has checked ownership itself: libgit2's own check would refuse every register another person made.
        GlobalSettings.SetOwnerValidation(false);
    }

    /// <summary>Every file and folder of the register (the work tree and .git), the register's folder first.</summary>
    private static IEnumerable<string> Everything(string root) =>
        new[] { root }.Concat(Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }));

    private static bool Fix(string path, uint gid)
    {
        var isFolder = Directory.Exists(path);
        var mode = File.GetUnixFileMode(path);
        var wanted = mode | UnixFileMode.GroupRead;
        if (isFolder)
        {
            wanted |= UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.SetGroup;
        }
        else if (mode.HasFlag(UnixFileMode.UserWrite))
        {
            wanted |= UnixFileMode.GroupWrite;
        }

        var changed = false;
        if (Stat(path, out _, out var group) && group != gid)
        {
            if (Chown(path, NoChange, gid) != 0)
            {
                throw new RegisterException($"cannot give {path} to the group: {Marshal.GetLastPInvokeErrorMessage()}");
            }

            changed = true;
        }

        if (wanted != mode)
        {
            File.SetUnixFileMode(path, wanted);
            changed = true;
        }

        return changed;
    }

    private static string? SharedSetting(string root)
    {
        var config = Path.Combine(root, ".git", "config");
        if (!File.Exists(config))
        {
            return null;
        }

        // Read as text: opening the repository is what this decides whether to allow.
        string? section = null;
        foreach (var raw in File.ReadLines(config))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                section = line.Trim('[', ']').Trim().ToLowerInvariant();
            }
            else if (section == "core" && line.Split('=', 2) is [var key, var value] && key.Trim().Equals("sharedRepository", StringComparison.OrdinalIgnoreCase))
            {
                return value.Trim().ToLowerInvariant();
            }
        }

        return null;
    }

    /// <summary>The groups the process is in: its effective group and its supplementary groups.</summary>
    private static HashSet<uint> Groups()
    {
        var groups = new HashSet<uint> { Getegid() };
        var list = new uint[256];
        var count = GetGroups(list.Length, list);
        for (var i = 0; i < count; i++)
        {
            groups.Add(list[i]);
        }

        return groups;
    }

    private static uint? GroupId(string name)
    {
        var entry = GetGrNam(name);
        return entry == IntPtr.Zero ? null : (uint)Marshal.ReadInt32(entry, 2 * IntPtr.Size);
    }

    private static string NameOfGroup(uint gid)
    {
        var entry = GetGrGid(gid);
        return entry == IntPtr.Zero ? gid.ToString(System.Globalization.CultureInfo.InvariantCulture) : Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(entry)) ?? "";
    }

    private static string NameOfUser(uint uid)
    {
        var entry = GetPwUid(uid);
        return entry == IntPtr.Zero ? uid.ToString(System.Globalization.CultureInfo.InvariantCulture) : Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(entry)) ?? "";
    }

    private static bool Stat(string path, out uint owner, out uint group)
    {
        owner = group = 0;
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path))
        {
            return false;
        }

        // .NET does not give a file's owner, so stat(2) it.
        var buffer = new byte[256];
        if (StatFile(path, buffer) != 0)
        {
            return false;
        }

        // struct stat on x86-64 and arm64 Linux: st_uid at 28 and st_gid at 32 (x86-64); 24 and 28 (arm64).
        var (uidAt, gidAt) = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? (28, 32) : (24, 28);
        owner = BitConverter.ToUInt32(buffer, uidAt);
        group = BitConverter.ToUInt32(buffer, gidAt);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint Umask(uint mask);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint Geteuid();

    [LibraryImport("libc", EntryPoint = "getegid")]
    private static partial uint Getegid();

    [LibraryImport("libc", EntryPoint = "getgroups", SetLastError = true)]
    private static partial int GetGroups(int size, [Out] uint[] list);

    [LibraryImport("libc", EntryPoint = "getgrnam", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetGrNam(string name);

    [LibraryImport("libc", EntryPoint = "getgrgid")]
    private static partial IntPtr GetGrGid(uint gid);

    [LibraryImport("libc", EntryPoint = "getpwuid")]
    private static partial IntPtr GetPwUid(uint uid);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatFile(string path, [Out] byte[] buffer);
}
