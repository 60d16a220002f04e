using System.CommandLine;
using System.Diagnostics;
using Risks.Core.Access;
using Risks.Storage.Git;

namespace Risks.Cli;

/// <summary>
/// <c>risks ssh authorized-keys</c> and <c>risks ssh session</c>: people log in to the register's
/// server with their SSH key and no shell account. OpenSSH does all the cryptography and the
/// authentication; the program only says which key is whose and runs what a key may run.
/// </summary>
internal sealed partial class Commands
{
    /// <summary>What a key may run over SSH: the reads, and <c>set</c>; each subcommand listed is the only one of its command allowed.</summary>
    private static readonly Dictionary<string, string[]?> Allowed = new(StringComparer.Ordinal)
    {
        ["list"] = null,
        ["show"] = null,
        ["check"] = null,
        ["log"] = null,
        ["blame"] = null,
        ["diff"] = null,
        ["report"] = null,
        ["export"] = null,
        ["set"] = null,
        ["iteration"] = ["list"],
        ["board-actions"] = ["list", "show"],
        ["undertakings"] = ["list", "show"],
        ["people"] = ["list", "keys"],
        ["settings"] = ["show"],
        ["objectives"] = ["list"],
        ["partners"] = ["list"],
    };

    /// <summary>Options no command may be given over SSH, by name: another register, a file on the server, another person.</summary>
    private static readonly string[] Forbidden = ["--register", "--out", "--as", "--key"];

    /// <summary>
    /// Prints one <c>authorized_keys</c> line per key of the people in register.yaml as committed
    /// (or, with <paramref name="type"/> and <paramref name="key"/>, as sshd's <c>AuthorizedKeysCommand</c>
    /// gives them, only that key's line, and nothing for a key nobody has).
    /// </summary>
    public int SshAuthorizedKeys(string? program, string? type, string? key, ParseResult parse)
    {
        var register = Open(parse);
        var (settings, problems) = register.Reader.CommittedSettings();
        if (settings is null)
        {
            Error.WriteLine($"risks: register.yaml as committed cannot be read, so no key is let in: {string.Join("; ", problems)}");
            return ExitCodes.Problems;
        }

        if (NotTheKeyAccount(settings) is { } refused)
        {
            return refused;
        }

        if ((type is null) != (key is null))
        {
            Error.WriteLine("risks: give --type and --key together (sshd's %t and %k), or neither for every key");
            return ExitCodes.Usage;
        }

        foreach (var line in AuthorizedKeys.Lines(settings, program ?? Self(), register.Root, type is null ? null : $"{type} {key}"))
        {
            Out.WriteLine(line);
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The one command an SSH key runs: as the person the key belongs to, the full-screen register
    /// (no command asked for), one allowed <c>risks</c> command, or Git's upload-pack and
    /// receive-pack for this register (clone, fetch, push and <c>risks sync</c>), with verify-push
    /// rules and the pusher known. The key must still be the person's in register.yaml as committed.
    /// </summary>
    public int SshSession(string login, string? fingerprint, ParseResult parse)
    {
        var register = Open(parse);
        var (settings, _) = register.Reader.CommittedSettings();
        if (NotTheKeyAccount(settings) is { } refused)
        {
            return refused;
        }

        var person = settings?.FindPerson(login);
        if (person is null || (fingerprint is not null && !person.SshKeys.Any(k => SshKey.Parse(k).Key?.Fingerprint == fingerprint)))
        {
            Error.WriteLine($"risks: this key is no longer let in{(person is null ? $": {login} is not among the register's people" : $" for {person.Name} ({login})")}; ask a governance lead");
            return ExitCodes.NotAllowed;
        }

        var requested = context.Variable("SSH_ORIGINAL_COMMAND");
        var session = context with { Login = login, CurrentDirectory = register.Root, Variable = name => name is "RISKS_REGISTER" ? null : context.Variable(name) };
        if (string.IsNullOrWhiteSpace(requested))
        {
            if (!context.Interactive)
            {
                Error.WriteLine("risks: with no command the session opens the register full screen, which needs a terminal: connect with ssh -t, or give a command, such as: ssh HOST list");
                return ExitCodes.Usage;
            }

            return CommandLine.Run([], session);
        }

        if (Shell.Words(requested) is not { Count: > 0 } words)
        {
            return Refuse(requested, "a session runs one command, never a shell: no ; | & $ ` < > \\ or line breaks");
        }

        // What git asks for: git-upload-pack 'PATH' (clone, fetch) or git-receive-pack 'PATH' (push), PATH not used.
        var service = words[0] == "git" && words.Count > 1 ? "git-" + words[1] : words[0];
        if (service is "git-upload-pack" or "git-receive-pack")
        {
            return ServeGit(register, login, receive: service == "git-receive-pack");
        }

        var args = words[0] == "risks" ? words.Skip(1).ToList() : words.ToList();
        if (args.Count == 0 || !Allowed.TryGetValue(args[0], out var subcommands))
        {
            return Refuse(requested, $"over SSH a key runs the full-screen register (no command), git for clone, fetch and push, or one of these risks commands: {string.Join(", ", Allowed.Select(a => a.Value is null ? a.Key : $"{a.Key} {string.Join("|", a.Value)}"))}");
        }

        if (subcommands is not null && (args.Count < 2 || !subcommands.Contains(args[1], StringComparer.Ordinal)))
        {
            return Refuse(requested, $"over SSH, '{args[0]}' runs only as {string.Join(" or ", subcommands.Select(s => $"'{args[0]} {s}'"))}");
        }

        // As the parser reads them, so no way of writing an option (-o:FILE, -oFILE, --out=FILE) slips past.
        if (Forbidden.FirstOrDefault(CommandLine.OptionsGiven(args, session).Contains) is { } option)
        {
            return Refuse(requested, $"{option} is not allowed over SSH: a session works on its own register and writes nothing but the register (output comes back to you)");
        }

        return CommandLine.Run([.. args], session);
    }

    /// <summary>
    /// Sessions as someone else are for the one account register.yaml names for SSH keys
    /// (<c>ssh_account</c>), run by sshd: anyone else running them, a person with a shell account
    /// among them, is refused, so nobody becomes another person by typing a command.
    /// </summary>
    private int? NotTheKeyAccount(Core.Domain.RegisterSettings? settings)
    {
        var account = Environment.UserName;
        if (settings?.SshAccount is { } named && named == account)
        {
            return null;
        }

        Error.WriteLine(settings?.SshAccount is null
            ? "risks: register.yaml names no account for SSH keys: a governance lead sets it (risks settings set ssh_account=ACCOUNT -m REASON) as docs/server.md describes"
            : $"risks: only the account for SSH keys ({settings.SshAccount}) runs this, as sshd does for it; you are {account}");
        return ExitCodes.NotAllowed;
    }

    private int Refuse(string requested, string why)
    {
        Error.WriteLine($"risks: refused {Core.Domain.Text.Quote(requested.Length > 80 ? requested[..80] + "..." : requested)}: {why}");
        return ExitCodes.NotAllowed;
    }

    /// <summary>
    /// Git's side of a clone, fetch or push, on this register whatever path the client named,
    /// with standard input and output passed straight through. A push holds the register's lock,
    /// goes through <c>risks verify-push</c> as its update hook with the person as the pusher, and
    /// updates the work tree (the register's branch is checked out here).
    /// </summary>
    private int ServeGit(Register register, string login, bool receive)
    {
        var start = new ProcessStartInfo("git") { UseShellExecute = false };
        string? hooks = null;
        try
        {
            if (receive)
            {
                hooks = Directory.CreateTempSubdirectory("risks-push-").FullName;
                var hook = Path.Combine(hooks, "update");
                File.WriteAllText(hook, $"#!/bin/sh\nexec {Self()} verify-push --pusher {Shell.Quote(login)} \"$1\" \"$2\" \"$3\"\n");
                File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                foreach (var arg in (string[])["-c", $"core.hooksPath={hooks}", "-c", "receive.denyCurrentBranch=updateInstead", "-c", "receive.denyDeletes=true", "-c", "receive.denyNonFastForwards=true", "receive-pack", register.Root])
                {
                    start.ArgumentList.Add(arg);
                }

                using (register.Hold())
                {
                    using var git = Process.Start(start)!;
                    git.WaitForExit();
                    return git.ExitCode;
                }
            }

            start.ArgumentList.Add("upload-pack");
            start.ArgumentList.Add(register.Root);
            using (var git = Process.Start(start)!)
            {
                git.WaitForExit();
                return git.ExitCode;
            }
        }
        finally
        {
            if (hooks is not null)
            {
                Directory.Delete(hooks, recursive: true);
            }
        }
    }

    /// <summary>How this program is run, quoted for a shell: <c>'/opt/risks/risks'</c>, or <c>'/usr/bin/dotnet' '/path/risks.dll'</c>.</summary>
    private static string Self()
    {
        var process = Environment.ProcessPath ?? "risks";

        // Run by the dotnet host, the program's first argument is its own .dll; compiled ahead of time, it is the process.
        var entry = Environment.GetCommandLineArgs()[0];
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && !string.IsNullOrEmpty(entry)
            ? $"{Shell.Quote(process)} {Shell.Quote(entry)}"
            : Shell.Quote(process);
    }
}
