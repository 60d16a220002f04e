using System.Globalization;
using Risks.Core.Domain;

namespace Risks.Storage.Git;

/// <summary>
/// Where files live in a register: <c>register.yaml</c> at the top and each risk at
/// <c>risks/PREFIX/NN/ID.yaml</c>, with NN the id's number divided by 100, so no folder holds
/// more than 100 risks and a path follows from the id alone.
/// </summary>
public static class RegisterLayout
{
    public const string RisksFolder = "risks";

    public static string PathOf(RiskId id) =>
        $"{RisksFolder}/{id.Prefix}/{(id.Number / 100).ToString("00", CultureInfo.InvariantCulture)}/{id.Value}.yaml";

    /// <summary>
    /// The id a path under <c>risks/</c> names, and whether the file is where that id belongs.
    /// Null when the file name is not a risk id.
    /// </summary>
    public static (RiskId Id, bool InPlace)? Parse(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (!name.EndsWith(".yaml", StringComparison.Ordinal) || !RiskId.TryParse(name[..^5], out var id))
        {
            return null;
        }

        return (id, PathOf(id) == path);
    }

    public static bool IsRiskFile(string path) =>
        path.StartsWith(RisksFolder + "/", StringComparison.Ordinal)
        && (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal));
}
