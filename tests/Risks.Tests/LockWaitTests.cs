using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>A write that cannot have the register's lock gives up with the exit code the README gives for it, naming the lock.</summary>
public sealed class LockWaitTests : RegisterTest
{
    [Fact]
    public void A_lock_held_too_long_exits_with_seventy_naming_the_lock()
    {
        Join();
        var lockFile = Path.Combine(Register, ".git", "risks.lock");
        using var holder = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("flock", [lockFile, "sleep", "60"]))!;
        try
        {
            // flock has the lock once the file exists and is locked; give it a moment.
            Thread.Sleep(500);

            var result = RisksProcess.Run(Register, new Dictionary<string, string> { ["RISKS_LOCK_WAIT"] = "1" }, "set", "BAF-07", "performance=Waiting", "-m", "Lock test");

            result.Code.ShouldBe(70, result.ToString());
            result.Error.ShouldBe($"risks: another save has held the register's lock ({lockFile}) for over 1 second\n");
        }
        finally
        {
            holder.Kill();
        }
    }
}
