using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>
/// A register shared by a Unix group on one server: modes and group after <c>init --shared</c>, and
/// two real Unix users (created by the test when it runs as root) saving into one register.
/// </summary>
public sealed class SharedRegisterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Folders and files of a register that a group member could not write (objects aside, which are never rewritten), or whose group is not <paramref name="group"/>.</summary>
    private static List<string> NotGroupWritable(string root, string group)
    {
        var found = ChildProcess.Run(
            "find",
            [root, "(", "-type", "d", "(", "-not", "-perm", "-2070", "-o", "-not", "-group", group, ")", ")", "-o",
             "(", "-type", "f", "-not", "-path", "*/objects/*", "(", "-not", "-perm", "-060", "-o", "-not", "-group", group, ")", ")", "-o",
             "(", "-type", "f", "-path", "*/objects/*", "(", "-not", "-perm", "-040", "-o", "-not", "-group", group, ")", ")"],
            null,
            TimeSpan.FromSeconds(30));
        return found.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    [Fact]
    public void Init_shared_gives_everything_to_the_group_and_saves_keep_it_so()
    {
        var group = ChildProcess.Run("id", ["-gn"], null, TimeSpan.FromSeconds(10)).Out.Trim();
        var register = _temp.Combine("shared");

        var init = CliRunner.Run(_temp.Path, "init", register, "--shared", group, "--name", CliRunner.UserName, "--email", CliRunner.UserEmail, "--organisation", "Test Trust");

        init.Code.ShouldBe(0, init.ToString());
        init.Out.ShouldStartWith($"Made a register for Test Trust at {register}, with {CliRunner.UserName} ({Environment.UserName}) as governance lead, shared with the group {group}.");
        Git.Run(register, "config", "core.sharedRepository").Trim().ShouldBe("group");
        NotGroupWritable(register, group).ShouldBeEmpty();

        // A process with a umask that keeps the group out still writes what the group can change.
        var newRisk = "id: R-1\nkind: operational\ntitle: Shared risk\nstatus: open\nnarrative:\n  event: Something could go wrong.\nowner: " + Environment.UserName + "\ncurrent:\n  impact: 3\n  likelihood: 3\n";
        Directory.CreateDirectory(Path.Combine(register, "risks", "R", "00"));
        File.WriteAllText(Path.Combine(register, "risks", "R", "00", "R-1.yaml"), newRisk);
        Git.SetIdentity(register);
        Git.Run(register, "add", "-A");
        Git.Run(register, "commit", "-qm", "R-1 entered");
        var set = ChildProcess.Run("sh", ["-c", $"umask 077 && exec {Paths.ProgramForShell} set R-1 performance=Better -m Update"], register, TimeSpan.FromSeconds(120));
        set.Code.ShouldBe(0, set.Error);
        CliRunner.Run(_temp.Path, "init", register, "--shared", group).Out.ShouldStartWith($"Shared the register at {register} with the group {group}: ");
        NotGroupWritable(register, group).ShouldBeEmpty();

        // An edit in the shared folder that nobody committed is not taken into someone's save under their name.
        var file = Path.Combine(register, "risks", "R", "00", "R-1.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("title: Shared risk", "title: Edited by hand", StringComparison.Ordinal));
        var head = Git.Head(register);
        var over = CliRunner.Run(register, "set", "R-1", "performance=Worse", "-m", "Update");
        over.Code.ShouldBe(3, over.ToString());
        over.Error.ShouldContain("risks/R/00/R-1.yaml holds an edit not yet committed");
        over.Error.ShouldContain("in a shared register a save does not take in an edit someone else may have made; commit it (git commit risks/R/00/R-1.yaml) or discard it (git checkout -- risks/R/00/R-1.yaml)");
        Git.Head(register).ShouldBe(head);
        File.ReadAllText(file).ShouldContain("title: Edited by hand");
    }

    [Fact]
    public void Init_shared_with_a_group_that_does_not_exist_says_so_and_makes_nothing()
    {
        var register = _temp.Combine("shared");

        var init = CliRunner.Run(_temp.Path, "init", register, "--shared", "no-such-group-here", "--name", "A B", "--email", "a@b.example");

        init.Code.ShouldBe(4, init.ToString());
        init.Error.ShouldBe("risks: there is no Unix group called 'no-such-group-here' (make it with: groupadd no-such-group-here)\n");
        Directory.Exists(register).ShouldBeFalse();
    }

    [RootFact]
    public void Two_real_unix_users_save_to_one_shared_register_each_as_themselves()
    {
        using var users = UnixUsers.Create(2);
        var (lead, owner) = (users.Names[0], users.Names[1]);
        Run("chmod", "755", _temp.Path);
        var folder = _temp.Combine("srv");
        Directory.CreateDirectory(folder);
        Run("chgrp", users.Group, folder);
        Run("chmod", "2775", folder);
        var app = users.ReadableCopyOfTheProgram(_temp.Combine("app"));
        var register = Path.Combine(folder, "register");

        users.Risks(lead, app, folder, "init", "--shared", users.Group, register, "--name", "Lead One", "--email", "lead.one@example.com", "--organisation", "Test Trust").ShouldSucceed();

        // The lead adds the owner and two risks by hand, as a lead would with git, in a shell whose umask shares with the group.
        var setup = Path.Combine(_temp.Path, "setup.sh");
        File.WriteAllText(setup, $"""
            set -e
            umask 002
            cd {register}
            printf '  - login: {owner}\n    name: Owner Two\n    email: owner.two@example.com\n    role: risk_owner\n' >> register.yaml
            mkdir -p risks/R/00
            for n in 1 2; do printf 'id: R-%s\nkind: operational\ntitle: Shared risk %s\nstatus: open\nnarrative:\n  event: Something could go wrong.\nowner: {owner}\ncurrent:\n  impact: 3\n  likelihood: 3\n' $n $n > risks/R/00/R-$n.yaml; done
            git add -A
            git -c user.name='Lead One' -c user.email=lead.one@example.com commit -qm 'Owner Two joins; R-1 and R-2 entered'
            """);
        Run("chmod", "644", setup);
        users.Shell(lead, setup).ShouldBe(0);

        // Both at once, on different risks; then in turn on the same risk. The owner pretends to be the lead in USER and LOGNAME.
        var pretending = new Dictionary<string, string> { ["USER"] = lead, ["LOGNAME"] = lead };
        var codes = new[] { (User: owner, Id: "R-1"), (User: lead, Id: "R-2") }.AsParallel().Select(w =>
            Enumerable.Range(1, 3).Select(i => users.RisksWith(w.User, app, register, w.User == owner ? pretending : null, "set", w.Id, $"performance={w.User} {i}", "-m", $"{w.User} {i}")).ToList()).ToList();
        codes.SelectMany(c => c).ToList().ForEach(r => r.ShouldSucceed());
        for (var i = 1; i <= 3; i++)
        {
            users.RisksWith(owner, app, register, pretending, "set", "R-1", $"current.rationale=owner turn {i}", "-m", $"owner turn {i}").ShouldSucceed();
            users.Risks(lead, app, register, "set", "R-1", $"performance=lead turn {i}", "-m", $"lead turn {i}").ShouldSucceed();
        }

        // History, read by the person who does not own the repository.
        var history = users.Risks(owner, app, register, "log", "R-1");
        history.ShouldSucceed();
        history.Out.ShouldContain("lead turn 3");
        history.Out.ShouldContain("Owner Two");

        var log = Git.Lines(_temp.Path, "-c", "safe.directory=*", "-C", register, "log", "--format=%an|%b");
        log.Count(l => l.StartsWith("Owner Two|", StringComparison.Ordinal)).ShouldBe(6);
        log.ShouldContain($"Owner Two|{owner} 3");
        log.ShouldContain("Owner Two|owner turn 3");
        log.ShouldContain($"Lead One|{lead} 3");
        log.ShouldContain("Lead One|lead turn 3");
        log.Where(l => l.StartsWith("Lead One|owner", StringComparison.Ordinal) || l.StartsWith($"Lead One|{owner}", StringComparison.Ordinal)).ShouldBeEmpty("nothing the owner saved is attributed to the lead");
        Git.TryRun(_temp.Path, "-c", "safe.directory=*", "-C", register, "fsck", "--full", "--strict").Code.ShouldBe(0);
        Git.Run(_temp.Path, "-c", "safe.directory=*", "-C", register, "status", "--porcelain").ShouldBeEmpty();

        // The parse cache one of them writes, the other replaces when a file has changed since.
        var cache = Path.Combine(register, ".git", "risks-cache", "parsed.bin");
        users.Risks(owner, app, register, "list").ShouldSucceed();
        OwnerOf(cache).ShouldBe(owner);
        users.Risks(lead, app, register, "set", "R-2", "performance=after the cache", "-m", "lead, after the cache").ShouldSucceed();
        users.Risks(lead, app, register, "list").ShouldSucceed();
        OwnerOf(cache).ShouldBe(lead);
        NotGroupWritable(register, users.Group).ShouldBeEmpty();
    }

    private static string OwnerOf(string file) =>
        ChildProcess.Run("stat", ["-c", "%U", file], null, TimeSpan.FromSeconds(10)).Out.Trim();

    private static void Run(string program, params string[] args)
    {
        var (code, _, error) = ChildProcess.Run(program, args, null, TimeSpan.FromSeconds(30));
        code.ShouldBe(0, $"{program} {string.Join(' ', args)}: {error}");
    }
}

internal static class ResultChecks
{
    public static void ShouldSucceed(this CliRunner.Result result) => result.Code.ShouldBe(0, result.ToString());
}

/// <summary>A test that creates Unix users, so runs only as root; skipped with the reason otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!UnixUsers.IsRoot)
        {
            Skip = "creating two real Unix users needs root: run the tests as root (as .ci/run does in CI) to run this test";
        }
    }
}

/// <summary>A Unix group and users made for a test with a random suffix, removed when disposed.</summary>
internal sealed class UnixUsers : IDisposable
{
    private UnixUsers(string group, IReadOnlyList<string> names, string homes)
    {
        Group = group;
        Names = names;
        Homes = homes;
    }

    public static bool IsRoot => File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2] == "0";

    public string Group { get; }

    public IReadOnlyList<string> Names { get; }

    private string Homes { get; }

    public static UnixUsers Create(int count)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var group = $"rk{suffix}";
        var homes = Path.Combine("/tmp", $"risks-homes-{suffix}");
        Directory.CreateDirectory(homes);
        Must("groupadd", group);
        var names = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var name = $"rk{suffix}u{i}";
            var home = Path.Combine(homes, name);
            Must("useradd", "--no-create-home", "--no-user-group", "--gid", group, "--home-dir", home, "--shell", "/bin/sh", name);
            Directory.CreateDirectory(home);
            Must("chown", name, home);
            names.Add(name);
        }

        return new UnixUsers(group, names, homes);
    }

    /// <summary>The program's folder copied where every user can read it (the build folder may be in root's home); <see cref="Paths.ProgramIn"/> runs the copy.</summary>
    public string ReadableCopyOfTheProgram(string folder)
    {
        Must("cp", "-r", Paths.ProgramFolder, folder);
        Must("chmod", "-R", "a+rX", folder);
        return folder;
    }

    /// <summary>Runs <c>risks</c> as <paramref name="user"/> in <paramref name="folder"/>.</summary>
    public CliRunner.Result Risks(string user, string app, string folder, params string[] args) => RisksWith(user, app, folder, null, args);

    public CliRunner.Result RisksWith(string user, string app, string folder, IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        var (code, output, error) = ChildProcess.Run("runuser", ["-u", user, "--", "env", .. Variables(user, variables), .. Paths.ProgramIn(app), .. args], folder, TimeSpan.FromSeconds(120));
        return new CliRunner.Result(code, output, $"(as {user}: risks {string.Join(' ', args)})\n{error}");
    }

    public int Shell(string user, string script) =>
        ChildProcess.Run("runuser", ["-u", user, "--", "env", .. Variables(user, null), "sh", script], null, TimeSpan.FromSeconds(60)).Code;

    public void Dispose()
    {
        foreach (var name in Names)
        {
            ChildProcess.Run("userdel", [name], null, TimeSpan.FromSeconds(30));
        }

        ChildProcess.Run("groupdel", [Group], null, TimeSpan.FromSeconds(30));
        ChildProcess.Run("rm", ["-rf", Homes], null, TimeSpan.FromSeconds(30));
    }

    private IEnumerable<string> Variables(string user, IReadOnlyDictionary<string, string>? variables)
    {
        var home = Path.Combine(Homes, user);
        return new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["TMPDIR"] = home,
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
        }.Concat(variables ?? new Dictionary<string, string>()).Select(p => $"{p.Key}={p.Value}");
    }

    private static void Must(string program, params string[] args)
    {
        var (code, _, error) = ChildProcess.Run(program, args, null, TimeSpan.FromSeconds(30));
        code.ShouldBe(0, $"{program} {string.Join(' ', args)}: {error}");
    }
}
