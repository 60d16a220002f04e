using System.CommandLine;
using Risks.Core.Presentation;
using Risks.Storage.Git;

namespace Risks.Cli;

internal sealed partial class Commands
{
    /// <summary>
    /// <c>risks signoff ID [-m NOTE]</c>: the person running it signs the risk off for the board,
    /// as its owner or as someone register.yaml lets sign off; one commit, naming the version signed.
    /// </summary>
    public int SignOff(string id, string? note, ParseResult parse)
    {
        if (Target(id, parse, out var target) is { } failure)
        {
            return failure;
        }

        var (register, snapshot, riskId, _) = target;
        if (snapshot.Find(riskId) is not { } stored)
        {
            Error.WriteLine($"risks: {riskId} cannot be read, so cannot be signed off: 'risks check' says why");
            return ExitCodes.Problems;
        }

        var gate = Gate(register);
        if (Refused(gate.Access.SignOff(stored.Risk)) is { } refused)
        {
            return refused;
        }

        var settings = register.Reader.Load().Settings;
        var outcome = register.SignOffs.Sign(stored, gate.Access.Login, note, settings, gate.Author!, context.Today);
        if (outcome is SaveOutcome.Unchanged)
        {
            Out.WriteLine($"{riskId} is already signed off by you as it stands; nothing to save.");
            return ExitCodes.Ok;
        }

        var code = Report(stored.Risk, outcome, gate.Author);
        if (outcome is SaveOutcome.Saved)
        {
            Out.WriteLine($"Signed off by {gate.Access.Person!.Name} on {Formats.Date(context.Today)}; a change to its scores, controls, gaps, assurances or actions will make it lapse.");
        }

        return code;
    }
}
