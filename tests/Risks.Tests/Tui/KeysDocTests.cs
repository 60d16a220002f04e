using Risks.App;
using Risks.Tests.Support;
using Risks.Tui;

namespace Risks.Tests.Tui;

public sealed class KeysDocTests
{
    [Fact]
    public void Docs_keys_md_is_written_from_the_key_map()
    {
        var file = Path.Combine(Paths.RepoRoot, "docs", "keys.md");
        var expected = KeyMap.Markdown();
        if (Environment.GetEnvironmentVariable("RISKS_WRITE_DOCS") == "1")
        {
            File.WriteAllText(file, expected);
        }

        File.Exists(file).ShouldBeTrue("docs/keys.md is missing: run the tests once with RISKS_WRITE_DOCS=1 to write it");
        File.ReadAllText(file).ShouldBe(expected, "docs/keys.md is stale: run the tests with RISKS_WRITE_DOCS=1 to write it from the key map");
    }

    [Fact]
    public void Every_key_name_is_a_key_Terminal_Gui_knows()
    {
        foreach (var binding in KeyMap.All)
        {
            foreach (var name in binding.Keys)
            {
                (name.Length == 1 || Terminal.Gui.Input.Key.TryParse(name, out _)).ShouldBeTrue($"{binding.Command}: {name}");
            }

            KeyNames.First(binding).ShouldNotBe(Terminal.Gui.Input.Key.Empty, binding.Command.ToString());
        }
    }

    [Fact]
    public void No_key_does_two_things_on_one_screen()
    {
        foreach (var screen in Enum.GetValues<Screen>().Where(s => s != Screen.Everywhere))
        {
            var keys = KeyMap.For(screen).SelectMany(b => b.Keys.Select(k => (Key: KeyMap.Readable(k), b.Command))).ToList();
            var clashes = keys.GroupBy(k => k.Key).Where(g => g.Select(x => x.Command).Distinct().Count() > 1).Select(g => g.Key).ToList();
            clashes.ShouldBeEmpty($"{screen}");
        }
    }

    [Fact]
    public void Every_command_has_a_key_that_is_not_an_F_key_nor_Esc_alone()
    {
        foreach (var binding in KeyMap.All)
        {
            binding.Keys.ShouldContain(k => !System.Text.RegularExpressions.Regex.IsMatch(k, @"\AF[0-9]+\z") && k != "Esc", binding.Command.ToString());
        }
    }

    [Fact]
    public void Plain_letters_match_the_lower_case_key_only()
    {
        KeyNames.Matches("Q", Terminal.Gui.Input.Key.Q).ShouldBeTrue();
        KeyNames.Matches("Q", Terminal.Gui.Input.Key.Q.WithCtrl).ShouldBeFalse();
        KeyNames.Matches("?", new Terminal.Gui.Input.Key('?')).ShouldBeTrue();
        KeyNames.Matches("Ctrl+S", Terminal.Gui.Input.Key.S.WithCtrl).ShouldBeTrue();
        KeyNames.Matches("F9", Terminal.Gui.Input.Key.F9).ShouldBeTrue();
    }
}
