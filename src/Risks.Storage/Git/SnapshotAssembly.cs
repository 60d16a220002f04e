using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Yaml;

namespace Risks.Storage.Git;

/// <summary>
/// Making a <see cref="RegisterSnapshot"/> from the files read, from the work tree or from a
/// commit alike: duplicate ids, cross-checks against the settings, and the order of risks and problems.
/// </summary>
internal static class SnapshotAssembly
{
    /// <summary>
    /// Makes the snapshot from the files read. <paramref name="contentOf"/> gives a stored risk's
    /// bytes, needed only to place cross-check problems at their line.
    /// </summary>
    public static RegisterSnapshot Assemble(RegisterSettings? settings, List<Problem> problems, List<string> files, RiskFile[] read, string[] versions, Func<StoredRisk, byte[]> contentOf)
    {
        var effective = settings ?? new RegisterSettings();
        var risks = new List<StoredRisk>();
        var invalid = new List<string>();
        var byIdentity = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            problems.AddRange(read[i].Problems);
            if (read[i].Risk is not { } risk)
            {
                invalid.Add(files[i]);
                continue;
            }

            if (byIdentity.TryGetValue(risk.Id.Identity, out var other))
            {
                problems.Add(new Problem(files[i], 1, 1, $"{risk.Id} is the same id as {other}; ids that differ only in leading zeros are one id"));
                invalid.Add(files[i]);
                continue;
            }

            byIdentity[risk.Id.Identity] = files[i];
            risks.Add(new StoredRisk(risk, files[i], versions[i]));
        }

        // A risk whose file cannot be read still exists: links to it are reported at that file, not here.
        var known = byIdentity.Keys
            .Concat(invalid.Select(RegisterLayout.Parse).OfType<(RiskId Id, bool InPlace)>().Select(p => p.Id.Identity))
            .ToHashSet(StringComparer.Ordinal);
        if (settings is not null)
        {
            foreach (var stored in risks)
            {
                var issues = RegisterValidator.CrossCheck(stored.Risk, settings, known);
                if (issues.Count > 0)
                {
                    var map = PositionsOf(stored, contentOf(stored));
                    problems.AddRange(issues.Select(issue => RiskYaml.Locate(stored.Path, map, issue)));
                }
            }
        }

        risks.Sort((a, b) => string.CompareOrdinal(a.Risk.Id.Prefix, b.Risk.Id.Prefix) is var c && c != 0 ? c : a.Risk.Id.Number.CompareTo(b.Risk.Id.Number));
        var ordered = problems.OrderBy(p => p.File == SettingsYaml.FileName ? 0 : 1).ThenBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column).ToList();
        return new RegisterSnapshot(effective, settings is not null, risks, invalid, ordered);
    }

    /// <summary>Where each field of a stored risk is, for placing cross-check problems (re-reads only risks that have such problems).</summary>
    internal static IReadOnlyDictionary<string, Position> PositionsOf(StoredRisk stored, byte[] content)
    {
        var problems = new List<Problem>();
        var text = SafeText.Decode(content, stored.Path, problems);
        return RiskYaml.PositionsOf(text ?? RiskYaml.Write(stored.Risk), stored.Path);
    }
}
