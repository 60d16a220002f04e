using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Risks.Core.Access;

/// <summary>
/// A person's public SSH key, as an <c>authorized_keys</c> or <c>.pub</c> file gives it: its type,
/// its base64 data and a comment (<c>ssh-ed25519 AAAAC3... kbonney@laptop</c>). The key itself is
/// checked (its data must be base64 whose first field names the same type); the program never sees a
/// private key, and OpenSSH does every part of the authentication.
/// </summary>
public sealed record SshKey(string Type, string Data, string? Comment)
{
    /// <summary>The key types OpenSSH 8 and later accept for people, hardware keys included.</summary>
    public static IReadOnlyList<string> Types { get; } =
    [
        "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ];

    /// <summary>The key as one line: type, data and comment.</summary>
    public override string ToString() => Comment is { Length: > 0 } comment ? $"{Type} {Data} {comment}" : $"{Type} {Data}";

    /// <summary>The type and data alone, as <c>authorized_keys</c> and sshd's <c>%t %k</c> give a key.</summary>
    public string Key => $"{Type} {Data}";

    /// <summary>The key's fingerprint as <c>ssh-keygen -l</c> gives it: <c>SHA256:</c> and the unpadded base64 of the SHA-256 of its data.</summary>
    public string Fingerprint => "SHA256:" + Convert.ToBase64String(SHA256.HashData(Convert.FromBase64String(Data))).TrimEnd('=');

    /// <summary>
    /// Reads a key from one line (options before the type, as an <c>authorized_keys</c> line may
    /// have, are not accepted: the program writes its own); null with why when it is not a public key.
    /// </summary>
    public static (SshKey? Key, string? Error) Parse(string line)
    {
        var text = line.Trim();
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            return (null, "give one key, on one line");
        }

        if (text.StartsWith("-----BEGIN", StringComparison.Ordinal) || text.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            return (null, "that is a private key, which must never leave its owner's computer; give the public key (the .pub file, such as ~/.ssh/id_ed25519.pub)");
        }

        var parts = text.Split((char[])[' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return (null, $"a public key is its type, its data and a comment, such as \"ssh-ed25519 AAAAC3... name@laptop\"; found {Domain.Text.Quote(Short(text))}");
        }

        if (!Types.Contains(parts[0], StringComparer.Ordinal))
        {
            return (null, $"{Domain.Text.Quote(Short(parts[0]))} is not a key type OpenSSH takes for people ({Domain.Text.OneOf(Types)}); give the whole line of the .pub file");
        }

        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException)
        {
            return (null, $"the key's data is not base64; give the whole line of the .pub file, as it is");
        }

        // The data begins with the key's type, as a length (4 bytes, big-endian) and that many letters.
        var length = blob.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(blob) : uint.MaxValue;
        if (length > blob.Length - 4 || Encoding.ASCII.GetString(blob, 4, (int)length) != parts[0])
        {
            return (null, $"the key's data is not of type {parts[0]}; give the whole line of the .pub file, as it is");
        }

        var comment = parts.Length > 2 ? parts[2].Trim() : null;
        return (new SshKey(parts[0], parts[1], string.IsNullOrEmpty(comment) ? null : comment), null);
    }

    /// <summary>Whether <paramref name="named"/> names this key: the key itself (with or without its comment), its fingerprint, or its comment.</summary>
    public bool IsNamedBy(string named)
    {
        var text = named.Trim();
        return text == Fingerprint || text == Fingerprint["SHA256:".Length..]
            || (Comment is not null && text == Comment)
            || (Parse(text) is { Key: { } key } && key.Key == Key);
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
