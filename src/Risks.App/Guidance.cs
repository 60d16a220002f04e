namespace Risks.App;

/// <summary>What to do next, where the screen has nothing to offer yet: one wording for each, shared by every screen, naming the keys the key map gives.</summary>
public static class Guidance
{
    public static string NoObjectives { get; } =
        $"There are no strategic objectives yet. A governance lead adds them in Settings (press {KeyMap.KeyOf(UiCommand.ShowSettings)}, then Objectives) or with 'risks objectives add'.";

    public static string NoPeople { get; } =
        $"There are no people in the register yet. A governance lead adds them in Settings (press {KeyMap.KeyOf(UiCommand.ShowSettings)}, then People) or with 'risks people add'.";
}
