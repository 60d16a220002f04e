using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>
/// A named pipe, a huge sparse file and links to a device and out of the register in place of risk
/// files, tried with the real program: every command finishes, each is reported at <c>file:1:1</c>,
/// and the other risks are listed, shown and saved as usual.
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

    [Fact]
    public void A_huge_sparse_file_and_links_out_of_the_register_are_reported_unread()
    {
        Join();
        using (var stream = new FileStream(Path.Combine(Register, SampleRegister.Baf07), FileMode.Create))
        {
            stream.SetLength(2L << 30);
        }

        File.Delete(Path.Combine(Register, SampleRegister.Baf01));
        File.CreateSymbolicLink(Path.Combine(Register, SampleRegister.Baf01), "/dev/zero");
        using var folder = new TempFolder("risks-outside-");
        var outside = folder.Combine("BAF-02.yaml");
        File.Move(Path.Combine(Register, SampleRegister.Baf02), outside);
        File.CreateSymbolicLink(Path.Combine(Register, SampleRegister.Baf02), outside);


        var check = RisksProcess.Run(Register, "check");
        check.Code.ShouldBe(1, check.ToString());
        check.Out.ShouldContain($"{SampleRegister.Baf07}:1:1: file is 2,147,483,648 bytes; a register file may be at most 262,144 bytes (256 KiB)");
        check.Out.ShouldContain($"{SampleRegister.Baf01}:1:1: is a link to /dev/zero, outside the register; put the file itself here");
        check.Out.ShouldContain($"{SampleRegister.Baf02}:1:1: is a link to {outside}, outside the register; put the file itself here");

        var list = RisksProcess.Run(Register, "list");
        list.Code.ShouldBe(0, list.ToString());
        list.OutLines.ShouldContain(l => l.StartsWith("BAF-03 ", StringComparison.Ordinal));
        list.OutLines.ShouldNotContain(l => l.StartsWith("BAF-01 ", StringComparison.Ordinal) || l.StartsWith("BAF-02 ", StringComparison.Ordinal) || l.StartsWith("BAF-07 ", StringComparison.Ordinal));
    }
}
