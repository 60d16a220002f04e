namespace Risks.App.Tests;

/// <summary>Settings named in words on the screen and in messages, as a person reads them.</summary>
public sealed class SettingsLabelTests
{
    [Theory]
    [InlineData("objectives[SO2].tolerance", "objective SO2 tolerance")]
    [InlineData("people[kbonney].ssh_keys", "person kbonney SSH keys")]
    [InlineData("ssh_account", "SSH account")]
    [InlineData("require_sign_off", "require sign off")]
    public void A_path_reads_as_words(string path, string words) => SettingsRows.Label(path).ShouldBe(words);
}
