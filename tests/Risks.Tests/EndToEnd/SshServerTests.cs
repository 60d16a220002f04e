using System.Net;
using System.Net.Sockets;
using Risks.Tests.Support;

namespace Risks.Tests.EndToEnd;

/// <summary>
/// A real OpenSSH server on 127.0.0.1 (a throw-away host key and configuration, an unprivileged
/// port), a system account for the register, and two people's keys handed out by
/// <c>AuthorizedKeysCommand</c> as docs/server.md sets it up: the screen over <c>ssh -tt</c>, commands,
/// git clone, sync and push, everything else refused, and a key taken away. Needs root and
/// openssh-server; .ci/run installs it and requires this test.
/// </summary>
public sealed class SshServerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [SshFact]
    public void A_key_opens_the_register_as_its_person_runs_what_is_allowed_clones_and_pushes_and_nothing_else()
    {
        using var server = SshServer.Start(_temp);
        var lead = server.Key("soconnor", "sara@laptop");
        var reviewer = server.Key("auditchair", "chair@ipad");
        server.Serve();

        // Commands: a read, and nothing that is not a risks command or is more than one.
        var list = server.Ssh(lead, "list --format csv");
        list.Code.ShouldBe(0, list.Error);
        list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(SampleRegister.Risks + 1);
        var bash = server.Ssh(lead, "bash");
        bash.Code.ShouldBe(6, bash.Error);
        bash.Error.ShouldStartWith("risks: refused \"bash\": over SSH a key runs the full-screen register");
        var chained = server.Ssh(lead, "risks list; id");
        chained.Code.ShouldBe(6);
        chained.Out.ShouldBeEmpty();
        chained.Error.ShouldContain("a session runs one command, never a shell");

        // No forwarding of ports, no sftp.
        var forward = server.Run("ssh", [.. server.Options(lead), "-W", $"127.0.0.1:{server.Port}", server.Login]);
        forward.Code.ShouldNotBe(0);
        forward.Error.ShouldContain("forwarding failed");
        var sftp = server.Run("sftp", ["-b", "-", "-i", lead, "-P", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. server.CommonOptions, server.Login], input: "ls\n");
        sftp.Code.ShouldNotBe(0);
        sftp.Out.ShouldNotContain("register.yaml");

        // The reviewer reads but may not save.
        var refused = server.Ssh(reviewer, "set BAF-07 current.likelihood=2 -m 'Lower'");
        refused.Code.ShouldBe(6);
        refused.Error.ShouldContain("Audit Chair is a reviewer: reviewers read the register but change nothing");

        // The screen at 80x24 over ssh -tt, as Sara: a save is hers.
        using (var tmux = new Tmux(_temp.Path, ["-tt", .. server.Options(lead), server.Login], program: ["ssh"]))
        {
            tmux.WaitFor("Sara O'Connor (soconnor), governance lead");
            tmux.WaitFor("14 of 14 risks");
            tmux.Send("/");
            tmux.Type("ineq");
            tmux.WaitFor("2 of 14 risks");
            tmux.Send("Enter", "Enter");
            tmux.WaitFor("BAF-07 Inequalities  [saved]");
            TerminalTests.GoTo(tmux, "Current likelihood");
            tmux.Send("Enter");
            tmux.WaitFor("┥Current likelihood┝");
            tmux.Send("Up", "Enter");
            tmux.Send("w");
            tmux.WaitFor("BAF-07 Inequalities: current score 9 -> 6");
            tmux.Type("Outreach reached every PCN");
            tmux.Send("Enter");
            tmux.WaitFor("Saved as commit");
            tmux.Send("C-q");
            tmux.WaitForExit().ShouldBe(0);
        }

        server.Git("log", "-1", "--format=%an|%s|%b").ShouldStartWith("Sara O'Connor|BAF-07 Inequalities: current score 9 -> 6|Outreach reached every PCN");

        // git clone, then risks sync from the clone, over Sara's key; her push goes through verify-push.
        var clone = _temp.Combine("clone");
        var cloned = server.Run("git", ["clone", "-q", $"{server.Login}:register", clone], environment: server.GitOver(lead));
        cloned.Code.ShouldBe(0, cloned.Error);
        File.ReadAllText(Path.Combine(clone, "risks", "BAF", "00", "BAF-07.yaml")).ShouldContain("  likelihood: 2\n");
        CliRunner.Run(clone, "set", "CRR-005", "next_review=2025-07-31", "-m", "From the laptop").Code.ShouldBe(0);
        var sync = server.Run(Paths.Program[0], [.. Paths.Program.Skip(1), "sync"], clone, server.GitOver(lead));
        sync.Code.ShouldBe(0, sync.Out + sync.Error);
        sync.Out.ShouldContain("1 commit sent");
        server.Git("log", "-1", "--format=%s").ShouldStartWith("CRR-005 Mental health out-of-area placements: next review ");
        server.Git("status", "--porcelain").ShouldBeEmpty("the push updated the checked-out register's files");
        File.ReadAllText(Path.Combine(server.Register, "risks", "CRR", "00", "CRR-005.yaml")).ShouldContain("next_review: 2025-07-31\n");

        // The reviewer's own clone and push: refused by verify-push, with the pusher known.
        var theirs = _temp.Combine("theirs");
        server.Run("git", ["clone", "-q", $"{server.Login}:register", theirs], environment: server.GitOver(reviewer)).Code.ShouldBe(0);
        var file = Path.Combine(theirs, "risks", "BAF", "00", "BAF-07.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("title: Inequalities", "title: Inequalities and access", StringComparison.Ordinal));
        Support.Git.Run(theirs, "-c", "user.name=Audit Chair", "-c", "user.email=audit.chair@mse.example", "commit", "-qam", "The chair's edit");
        var push = server.Run("git", ["push", "origin", "main"], theirs, server.GitOver(reviewer));
        push.Code.ShouldNotBe(0);
        push.Error.ShouldContain("reviewers read the register but change nothing");
        push.Error.ShouldContain("[remote rejected] main -> main (hook declined)");

        // A key taken away no longer gets in.
        server.AsRoot(() => CliRunner.Run(server.Register, "people", "remove-key", "auditchair", "chair@ipad", "-m", "The iPad was lost").Code.ShouldBe(0));
        var revoked = server.Ssh(reviewer, "list");
        revoked.Code.ShouldBe(255);
        revoked.Error.ShouldContain("Permission denied (publickey)");
        server.Ssh(lead, "show BAF-07").Code.ShouldBe(0);
    }
}

/// <summary>A test that needs root and OpenSSH's server: skipped without them, unless RISKS_REQUIRE_SSHD=1 (as .ci/run sets).</summary>
public sealed class SshFactAttribute : FactAttribute
{
    public SshFactAttribute()
    {
        if ((!UnixUsers.IsRoot || !File.Exists(SshServer.Program) || !Tmux.Available) && Environment.GetEnvironmentVariable("RISKS_REQUIRE_SSHD") != "1")
        {
            Skip = "a real sshd needs root, openssh-server and tmux (Debian: apt install openssh-server tmux); .ci/run installs them and requires this test";
        }
    }
}

/// <summary>
/// sshd on a free port of 127.0.0.1 with a throw-away host key, the program copied where the
/// register's system account can read it, the register owned by that account, and the
/// <c>AuthorizedKeysCommand</c> in a folder of root's, as sshd requires. All removed when disposed.
/// </summary>
internal sealed class SshServer : IDisposable
{
    public const string Program = "/usr/sbin/sshd";

    private readonly TempFolder _temp;
    private readonly string _folder;
    private readonly string _commandFolder;
    private readonly string _programForShell;
    private System.Diagnostics.Process? _sshd;

    private SshServer(TempFolder temp, string user, string folder, string commandFolder, string programForShell)
    {
        _temp = temp;
        User = user;
        _folder = folder;
        _commandFolder = commandFolder;
        _programForShell = programForShell;
        Register = Path.Combine(folder, "register");
    }

    public string User { get; }

    public string Register { get; }

    public int Port { get; private set; }

    public string Login => $"{User}@127.0.0.1";

    public string[] CommonOptions => ["-F", "/dev/null", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes"];

    public static SshServer Start(TempFolder temp)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var user = $"rks{suffix}";
        var folder = Path.Combine("/tmp", $"risks-ssh-{suffix}");
        Directory.CreateDirectory(folder);
        Must("chmod", "755", folder);
        Must("useradd", "--system", "--no-create-home", "--home-dir", Path.Combine(folder, "home"), "--shell", "/bin/sh", user);
        Must("usermod", "-p", "*", user);
        Directory.CreateDirectory(Path.Combine(folder, "home"));
        Must("chown", user, Path.Combine(folder, "home"));
        var app = Path.Combine(folder, "app");
        Must("cp", "-r", Paths.ProgramFolder, app);
        Must("chmod", "-R", "a+rX", app);
        var server = new SshServer(temp, user, folder, Path.Combine("/usr/local/libexec", $"risks-ssh-{suffix}"), Paths.ForShell(Paths.ProgramIn(app)));
        SampleRegister.CopyTo(server.Register);
        SampleRegister.Join(server.Register, "governance_lead");
        CliRunner.Run(server.Register, "settings", "set", $"ssh_account={user}", "-m", "The account that takes SSH keys").Code.ShouldBe(0);
        return server;
    }

    /// <summary>Makes a key pair for <paramref name="login"/> and gives them the public key (as a governance lead would); returns the private key's file.</summary>
    public string Key(string login, string comment)
    {
        var key = Path.Combine(_folder, $"{login}-key");
        Must("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", key);
        var added = CliRunner.Run(Register, "people", "add-key", login, key + ".pub", "-m", $"{login}'s key");
        added.Code.ShouldBe(0, added.ToString());
        return key;
    }

    /// <summary>Gives the register to the system account and starts sshd, with sshd asking the program whose each key is.</summary>
    public void Serve()
    {
        Must("chown", "-R", $"{User}:", Register);
        Directory.CreateDirectory(_commandFolder);
        var command = Path.Combine(_commandFolder, "risks-keys");
        File.WriteAllText(command, $"#!/bin/sh\nexec {_programForShell} ssh authorized-keys --register '{Register}' --type \"$1\" --key \"$2\"\n");
        Must("chmod", "755", _commandFolder, command);
        Must("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(_folder, "host-key"));
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var config = Path.Combine(_folder, "sshd_config");
        File.WriteAllText(config, $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {_folder}/host-key
            PidFile {_folder}/sshd.pid
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            AuthorizedKeysFile none
            AllowUsers {User}
            Subsystem sftp internal-sftp
            Match User {User}
              AuthorizedKeysCommand {command} %t %k
              AuthorizedKeysCommandUser {User}

            """);
        Directory.CreateDirectory("/run/sshd");
        var check = Run(Program, ["-t", "-f", config]);
        check.Code.ShouldBe(0, check.Error);
        _sshd = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(Program, ["-D", "-f", config, "-E", Path.Combine(_folder, "sshd.log")]) { UseShellExecute = false });
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new ShouldAssertException($"sshd did not start: {File.ReadAllText(Path.Combine(_folder, "sshd.log"))}");
    }

    /// <summary>ssh's options for a key: the key alone, no configuration or known hosts of the machine's.</summary>
    public string[] Options(string key) => ["-i", key, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. CommonOptions];

    public (int Code, string Out, string Error) Ssh(string key, string command) => Run("ssh", [.. Options(key), Login, command]);

    /// <summary>The environment for git (and risks sync) to reach the server with a key.</summary>
    public Dictionary<string, string> GitOver(string key) => new()
    {
        ["GIT_SSH_COMMAND"] = "ssh " + string.Join(' ', Options(key).Select(o => o.Contains(' ', StringComparison.Ordinal) ? $"'{o}'" : o)),
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = TestEnvironment.GlobalConfigFile,
    };

    /// <summary>git on the register as the server holds it.</summary>
    public string Git(params string[] args)
    {
        var (code, output, error) = Run("git", ["-c", "safe.directory=*", "-C", Register, .. args]);
        code.ShouldBe(0, error);
        return output;
    }

    /// <summary>Runs <paramref name="action"/> with the register given back to root for the moment (as a governance lead working on the server would have it).</summary>
    public void AsRoot(Action action)
    {
        Must("chown", "-R", "root:", Register);
        try
        {
            action();
        }
        finally
        {
            Must("chown", "-R", $"{User}:", Register);
        }
    }

    public (int Code, string Out, string Error) Run(string program, IEnumerable<string> args, string? folder = null, IReadOnlyDictionary<string, string>? environment = null, string? input = null)
    {
        if (input is null)
        {
            return ChildProcess.Run(program, args, folder ?? _temp.Path, TimeSpan.FromSeconds(120), environment);
        }

        var file = Path.Combine(_folder, "input");
        File.WriteAllText(file, input);
        return ChildProcess.Run("sh", ["-c", "exec \"$@\" < \"$0\"", file, program, .. args], folder ?? _temp.Path, TimeSpan.FromSeconds(120), environment);
    }

    public void Dispose()
    {
        if (_sshd is { HasExited: false })
        {
            _sshd.Kill(entireProcessTree: true);
            _sshd.WaitForExit(10_000);
        }

        _sshd?.Dispose();
        ChildProcess.Run("pkill", ["-KILL", "-u", User], null, TimeSpan.FromSeconds(10));
        ChildProcess.Run("userdel", [User], null, TimeSpan.FromSeconds(30));
        ChildProcess.Run("rm", ["-rf", _folder, _commandFolder], null, TimeSpan.FromSeconds(30));
    }

    private static void Must(string program, params string[] args)
    {
        var (code, output, error) = ChildProcess.Run(program, args, null, TimeSpan.FromSeconds(60));
        code.ShouldBe(0, $"{program} {string.Join(' ', args)}: {output}{error}");
    }
}
