using Risks.App;

namespace Risks.Tui;

/// <summary>The papers dialogs, opened from the register: the board's BAF paper, the workbook and CSV exports, written to a file.</summary>
internal sealed class PapersController(IScreenHost host) : Controller(host)
{
    /// <summary>Lists what can be written, asks where, and writes it (asking before replacing a file).</summary>
    public void Export()
    {
        var choices = Exports.For(Session);
        var picked = Prompts.Pick(
            "Papers and exports",
            "Papers are made from the register as committed; the workbook and CSV files from the register as shown. Unsaved edits are in none of them. Choose one:",
            [.. choices.Select((c, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Label))]);
        if (picked is null)
        {
            return;
        }

        var choice = choices[int.Parse(picked, System.Globalization.CultureInfo.InvariantCulture)];
        var path = Path.Combine(DefaultFolder(), choice.FileName);
        var note = "The file is written on this computer; over SSH, copy it to yours with scp.";
        while (true)
        {
            var typed = Prompts.Line(choice.Label, note, path, "_Write");
            if (string.IsNullOrWhiteSpace(typed))
            {
                return;
            }

            path = Path.GetFullPath(typed.Trim(), Environment.CurrentDirectory);
            if (Directory.Exists(path))
            {
                path = Path.Combine(path, choice.FileName);
            }

            if (File.Exists(path) && Ask("Replace file", $"{path} already exists. Replace it?", "Replace", "_Cancel") != 0)
            {
                continue;
            }

            try
            {
                var done = choice.Write(path);
                Prompts.Tell("Written", $"{done}\n\nTo copy it to your computer: scp {Environment.MachineName}:{path} .");
                Say(done);
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Storage.Git.RegisterException or LibGit2Sharp.LibGit2SharpException)
            {
                note = "! " + ex.Message;
            }
        }
    }

    /// <summary>The folder <c>risks</c> was started in, unless that is inside the register (a paper there would sit untracked in its work tree): then the home folder.</summary>
    private string DefaultFolder()
    {
        var here = Path.GetFullPath(Environment.CurrentDirectory);
        var root = Path.GetFullPath(Session.Register.Root).TrimEnd(Path.DirectorySeparatorChar);
        var inside = here.Equals(root, StringComparison.Ordinal) || here.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return inside && Directory.Exists(home) ? home : here;
    }
}
