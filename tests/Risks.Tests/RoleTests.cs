using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>
/// Roles on the command line's writes: whoever runs the program is their Unix login, with the role
/// register.yaml gives it as committed. (Import and iterations have their own role tests; the UI's
/// are in the view model tests and the end-to-end tests.)
/// </summary>
public sealed class RoleTests : RegisterTest
{
    private const string Baf07 = SampleRegister.Baf07;

    private Dictionary<string, string> Editor() => new() { ["EDITOR"] = Script("raise.sh", "sed -i 's/^  likelihood: 3$/  likelihood: 4/' \"$1\"") };

    private string Script(string name, string body)
    {
        var path = Temp.Combine(name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>Gives BAF-07 to the person running the tests, as a hand commit by a governance lead.</summary>
    private void OwnBaf07()
    {
        var file = Path.Combine(Register, Baf07);
        File.WriteAllText(file, File.ReadAllText(file).Replace("owner: rjarvis\nleads:", $"owner: {Environment.UserName}\nleads:", StringComparison.Ordinal));
        Git.Run(Register, "commit", "-qm", "BAF-07 to the tester", "--", Baf07);
    }

    private void ShouldBeUntouched(string head, byte[] before)
    {
        Git.Head(Register).ShouldBe(head);
        FileBytes(Baf07).ShouldBe(before);
        Git.Status(Register).ShouldBeEmpty();
    }

    [Fact]
    public void A_reviewer_may_neither_set_nor_edit_and_the_editor_is_never_opened()
    {
        Join("reviewer", "Audit Chair");
        var (head, before) = (Git.Head(Register), FileBytes(Baf07));
        var opened = Temp.Combine("opened");

        var set = Run("set", "BAF-07", "current.likelihood=4", "-m", "x");
        var edit = RunWith(new Dictionary<string, string> { ["EDITOR"] = Script("touch.sh", $"touch {opened}") }, "edit", "BAF-07", "-m", "x");

        const string Reason = "risks: Audit Chair is a reviewer: reviewers read the register but change nothing; ask a governance lead to change your role in register.yaml\n";
        (set.Code, set.Error).ShouldBe((6, Reason));
        (edit.Code, edit.Error).ShouldBe((6, Reason));
        File.Exists(opened).ShouldBeFalse("the editor should not be opened for someone who may not save");
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void A_risk_owner_may_not_set_or_edit_a_risk_they_neither_own_nor_lead()
    {
        Join("risk_owner", "Tess Tester");
        var (head, before) = (Git.Head(Register), FileBytes(Baf07));

        var set = Run("set", "BAF-07", "current.likelihood=4", "-m", "x");
        var edit = RunWith(Editor(), "edit", "BAF-07", "-m", "x");

        const string Reason = "risks: Tess Tester is a risk owner and may edit only the risks they own or lead; BAF-07 is owned by Rebecca Jarvis\n";
        (set.Code, set.Error).ShouldBe((6, Reason));
        (edit.Code, edit.Error).ShouldBe((6, Reason));
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void A_risk_owner_sets_and_edits_their_own_risk_but_may_not_give_it_away()
    {
        Join("risk_owner", "Tess Tester");
        OwnBaf07();

        var set = Run("set", "BAF-07", "performance=On track", "-m", "Monthly update");
        var edit = RunWith(Editor(), "edit", "BAF-07", "-m", "Dashboard delayed");
        var (head, before) = (Git.Head(Register), FileBytes(Baf07));
        var giveAway = Run("set", "BAF-07", "owner=kbonney", "-m", "Hand over");

        set.Code.ShouldBe(0, set.ToString());
        edit.Code.ShouldBe(0, edit.ToString());
        Git.Run(Register, "log", "-2", "--format=%an").ShouldBe("Tess Tester\nTess Tester\n");
        (giveAway.Code, giveAway.Error).ShouldBe((6, "risks: Tess Tester is a risk owner and may not give BAF-07 to Kathy Bonney; only a governance lead may change who owns a risk\n"));
        ShouldBeUntouched(head, before);
    }

    [Fact]
    public void A_risk_made_theirs_only_in_the_work_tree_is_still_not_theirs()
    {
        Join("risk_owner", "Tess Tester");
        var file = Path.Combine(Register, Baf07);
        File.WriteAllText(file, File.ReadAllText(file).Replace("owner: rjarvis\nleads:", $"owner: {Environment.UserName}\nleads:", StringComparison.Ordinal));
        var head = Git.Head(Register);

        var set = Run("set", "BAF-07", "current.likelihood=4", "-m", "x");

        (set.Code, set.Error).ShouldBe((6, "risks: Tess Tester is a risk owner and may edit only the risks they own or lead; BAF-07 is owned by Rebecca Jarvis\n"));
        Git.Head(Register).ShouldBe(head);
    }
}
