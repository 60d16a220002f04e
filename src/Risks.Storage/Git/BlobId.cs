using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Risks.Storage.Git;

/// <summary>The id Git gives a file's content (SHA-1 of <c>blob N\0</c> and the bytes), computed without Git.</summary>
public static class BlobId
{
    public static string Of(ReadOnlySpan<byte> content)
    {
        var header = Encoding.ASCII.GetBytes("blob " + content.Length.ToString(CultureInfo.InvariantCulture) + "\0");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha.AppendData(header);
        sha.AppendData(content);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
