namespace Risks.App;

/// <summary>What to do next, where the screen has nothing to offer yet: one wording for each, shared by every screen.</summary>
public static class Guidance
{
    public const string NoObjectives =
        "There are no strategic objectives yet. A governance lead adds them in Settings (press 5, then Objectives) or with 'risks objectives add'.";

    public const string NoPeople =
        "There are no people in the register yet. A governance lead adds them in Settings (press 5, then People) or with 'risks people add'.";
}
