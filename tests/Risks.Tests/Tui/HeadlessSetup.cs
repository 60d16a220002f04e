using System.Runtime.CompilerServices;

namespace Risks.Tests.Tui;

internal static class HeadlessSetup
{
    /// <summary>Terminal.Gui's driver must not touch the real terminal in tests (a run inside tmux would draw on it).</summary>
    [ModuleInitializer]
    internal static void Init() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
