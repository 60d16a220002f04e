using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>
/// A named pipe in place of a risk file, tried with the real program: every command finishes, the
/// pipe is reported at <c>file:1:1</c>, and the other risks are listed, shown and saved as usual.
/// </summary>
public sealed class SpecialFileCommandTests : RegisterTest
{
    [Fact]
    public void A_named_pipe_in_place_of_a_risk_file_stops_no_command()
    {
        Join();
        var pipe = Path.Combine(Register, SampleRegister.Baf07);
        File.Delete(pipe);
        ChildProcess.Run("mkfifo", [pipe], Register, TimeSpan.FromSeconds(10)).Code.ShouldBe(0);
        var message = $"{SampleRegister.Baf07}:1:1: is a named pipe (FIFO), not a file; remove it";

        var check = RisksProcess.Run(Register, "check");
        check.Code.ShouldBe(1, check.ToString());
        check.Out.ShouldContain(message);

        var list = RisksProcess.Run(Register, "list");
        list.Code.ShouldBe(0, list.ToString());
        list.Out.ShouldContain("BAF-01");
        list.Error.ShouldContain(SampleRegister.Baf07);

        var set = RisksProcess.Run(Register, "set", "BAF-07", "performance=Better", "-m", "Try");
        set.Code.ShouldBe(1, set.ToString());
        set.Error.ShouldBe($"risks: {message}\n");

        var other = RisksProcess.Run(Register, "set", "BAF-01", "performance=Still saved", "-m", "Other risks work");
        other.Code.ShouldBe(0, other.ToString());
        RisksProcess.Run(Register, "show", "BAF-01").Out.ShouldContain("Still saved");
    }
}
