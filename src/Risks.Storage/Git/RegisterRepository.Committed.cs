using LibGit2Sharp;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Yaml;

namespace Risks.Storage.Git;

public sealed partial class RegisterRepository
{
    /// <summary>
    /// A risk as committed at HEAD, which is what a person's right to change it is judged by (not
    /// the work tree, which anyone who can write to the folder can edit). <c>Exists</c> is false
    /// when HEAD has no file for the id; <c>Risk</c> is null when the file is there but cannot be read.
    /// </summary>
    public (bool Exists, Risk? Risk) CommittedRisk(RiskId id) => CommittedRisks([id])[0];

    /// <summary><see cref="CommittedRisk"/> for many ids, reading the repository once.</summary>
    public IReadOnlyList<(bool Exists, Risk? Risk)> CommittedRisks(IReadOnlyList<RiskId> ids)
    {
        using var repo = new Repository(Root);
        var tip = repo.Head.Tip;
        var found = new (bool Exists, Risk? Risk)[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            var path = RegisterLayout.PathOf(ids[i]);
            if (tip?[path] is { TargetType: TreeEntryTargetType.Blob } entry)
            {
                found[i] = (true, Parse(BytesOf((Blob)entry.Target), path, entry.Target.Sha).Risk);
            }
        }

        return found;
    }

    /// <summary>register.yaml as <paramref name="commit"/> holds it, with its problems; null settings when it is not there.</summary>
    private static (RegisterSettings? Settings, IReadOnlyList<Problem> Problems) SettingsIn(Commit? commit) =>
        commit?[SettingsYaml.FileName] is { TargetType: TreeEntryTargetType.Blob } entry
            ? SettingsYaml.Read(BytesOf((Blob)entry.Target))
            : (null, [new Problem(SettingsYaml.FileName, 1, 1, $"{SettingsYaml.FileName} is not committed, so nobody's role is known")]);
}
