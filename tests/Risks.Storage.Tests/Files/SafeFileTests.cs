using Risks.Storage.Files;
using Risks.Storage.Tests.Git;
using Risks.Storage.Yaml;

namespace Risks.Storage.Tests.Files;

/// <summary>How much <see cref="SafeFile"/> reads: a whole file up to the cap, never more, whatever size the file system said.</summary>
public sealed class SafeFileTests
{
    [Fact]
    public void A_file_of_exactly_the_cap_is_read_and_one_byte_more_is_refused_by_its_size()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(Path.Combine(folder.Path, "at-cap.yaml"), new byte[SafeText.MaxFileBytes]);
        File.WriteAllBytes(Path.Combine(folder.Path, "over.yaml"), new byte[SafeText.MaxFileBytes + 1]);

        SafeFile.Read(folder.Path, "at-cap.yaml").Bytes!.Length.ShouldBe(SafeText.MaxFileBytes);
        SafeFile.Read(folder.Path, "over.yaml").ShouldBe((null, "file is 262,145 bytes; a register file may be at most 262,144 bytes (256 KiB)"));
    }

    [Fact]
    public void A_file_holding_more_than_its_size_said_is_read_whole_and_still_no_further_than_the_cap()
    {
        // The kernel's files under /proc say they are empty and hold more, as a file that grew after it was looked at does.
        var expected = File.ReadAllText("/proc/self/cmdline");
        expected.Length.ShouldBeGreaterThan(64);

        var (bytes, refusal) = SafeFile.Read("/proc/self", "cmdline");
        refusal.ShouldBeNull();
        System.Text.Encoding.UTF8.GetString(bytes!).ShouldBe(expected);

        var capped = SafeFile.Read("/proc/self", "cmdline", cap: 64);
        capped.Bytes.ShouldBeNull();
        capped.Refusal.ShouldStartWith("file is 65 bytes; a register file may be at most 64 bytes");
    }

    [Fact]
    public void A_missing_file_is_not_found_as_File_ReadAllBytes_says()
    {
        using var folder = new TempFolder();
        Should.Throw<FileNotFoundException>(() => SafeFile.Read(folder.Path, "nothing.yaml"));
        SafeFile.ReadIfThere(folder.Path, "risks/nothing.yaml").ShouldBeNull();
    }
}
