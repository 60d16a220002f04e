using Risks.Core.Domain;

namespace Risks.Core.Access;

/// <summary>
/// The lines of an OpenSSH <c>authorized_keys</c> file for a register: one per person's key, each
/// forcing the one command a key may run (<c>risks ssh session --as LOGIN</c>) with <c>restrict</c>,
/// so the key gets no shell, no forwarding of ports, agents or X11, and no sftp; <c>pty</c> lets
/// it have a terminal for the full-screen register.
/// </summary>
public static class AuthorizedKeys
{
    /// <param name="program">The command that runs the program, quoted for a shell (<c>'/opt/risks/risks'</c>).</param>
    /// <param name="register">The register's folder.</param>
    /// <param name="only">Only the line of this key (its type and data), as sshd's <c>AuthorizedKeysCommand</c> asks with <c>%t %k</c>.</param>
    public static IReadOnlyList<string> Lines(RegisterSettings settings, string program, string register, string? only = null)
    {
        var lines = new List<string>();
        foreach (var person in settings.People)
        {
            foreach (var line in person.SshKeys)
            {
                if (SshKey.Parse(line).Key is { } key && (only is null || key.Key == only))
                {
                    lines.Add(Line(person, key, program, register));
                }
            }
        }

        return lines;
    }

    /// <summary>
    /// One key's line: <c>restrict,pty,command="... ssh session --as LOGIN --key SHA256:... --register PATH" TYPE DATA risks:LOGIN COMMENT</c>.
    /// The session checks the key is still the person's in register.yaml as committed, so a key
    /// taken away no longer gets in even before this file is written again. Within the quotes a
    /// <c>"</c> is written <c>\"</c>, the only escape sshd reads there.
    /// </summary>
    public static string Line(Person person, SshKey key, string program, string register)
    {
        var command = $"{program} ssh session --as {Shell.Quote(person.Login)} --key {Shell.Quote(key.Fingerprint)} --register {Shell.Quote(register)}";
        var comment = key.Comment is { } c ? $"risks:{person.Login} {c}" : $"risks:{person.Login}";
        return $"restrict,pty,command=\"{command.Replace("\"", "\\\"", StringComparison.Ordinal)}\" {key.Key} {comment}";
    }
}
