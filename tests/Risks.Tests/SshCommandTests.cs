using Risks.Cli;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>
/// People's SSH keys from the command line, the authorized_keys lines made of them, and what a
/// session started by a key lets its person run (the real sshd is in EndToEnd/SshServerTests).
/// </summary>
public sealed class SshCommandTests : RegisterTest
{
    private const string Lead = "soconnor";

    private const string Reviewer = "auditchair";

    private const string SaraKey = TestKeys.SaraFingerprint;

    private const string ChairKey = TestKeys.ChairFingerprint;

    public SshCommandTests()
    {
        Join();
        Run("people", "add-key", Lead, TestKeys.Sara, "-m", "Sara's laptop").Code.ShouldBe(0);
        File.WriteAllText(Temp.Combine("chair.pub"), TestKeys.Chair + "\n");
        Run("people", "add-key", Reviewer, "../chair.pub", "-m", "The chair's key").Code.ShouldBe(0);
        Run("settings", "set", $"ssh_account={Environment.UserName}", "-m", "This account takes the keys").Code.ShouldBe(0);
    }

    /// <summary>What a key's forced command runs, as sshd starts it, with the command the client asked for.</summary>
    private CliRunner.Result Session(string login, string key, string? requested) =>
        RunWith(requested is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["SSH_ORIGINAL_COMMAND"] = requested }, "ssh", "session", "--as", login, "--key", key);

    [Fact]
    public void Keys_are_given_listed_and_taken_away_each_as_a_commit_by_a_governance_lead()
    {
        var keys = Run("people", "keys");
        var bad = Run("people", "add-key", Lead, "ssh-ed25519 AAAA", "-m", "Typo");
        var removed = Run("people", "remove-key", Reviewer, "audit chair", "-m", "The chair's iPad was lost");

        keys.OutLines.ShouldBe(
        [
            "Login       Name           Type         Fingerprint                                         Comment",
            $"soconnor    Sara O'Connor  ssh-ed25519  {SaraKey}  sara@laptop",
            $"auditchair  Audit Chair    ssh-rsa      {ChairKey}  audit chair",
        ]);
        bad.Code.ShouldBe(ExitCodes.Usage);
        bad.Error.ShouldBe("risks: people[soconnor].ssh_keys: the key's data is not of type ssh-ed25519; give the whole line of the .pub file, as it is\n");
        removed.Code.ShouldBe(0, removed.ToString());
        removed.Out.ShouldStartWith($"Saved Settings: Audit Chair (auditchair) SSH key audit chair ({ChairKey}) removed [");
        Git.Run(Register, "log", "-1", "--format=%B").ShouldContain("The chair's iPad was lost");
        Run("people", "keys", Reviewer).Out.ShouldBe("auditchair has no SSH key: a governance lead gives one with 'risks people add-key auditchair KEY -m REASON'.\n");
    }

    [Fact]
    public void Authorized_keys_has_a_line_per_key_forcing_the_session_and_sshds_command_gets_the_one_it_asks_for()
    {
        var all = Run("ssh", "authorized-keys", "--program", "/opt/risks/risks");
        var one = Run("ssh", "authorized-keys", "--program", "/opt/risks/risks", "--type", "ssh-rsa", "--key", TestKeys.Chair.Split(' ')[1]);
        var nobody = Run("ssh", "authorized-keys", "--program", "/opt/risks/risks", "--type", "ssh-ed25519", "--key", "AAAAC3NzaC1lZDI1NTE5AAAAIGhzZMcoSQ3e");

        all.Code.ShouldBe(0, all.ToString());
        all.OutLines.Length.ShouldBe(2);
        all.OutLines[0].ShouldStartWith($"restrict,pty,command=\"/opt/risks/risks ssh session --as soconnor --key {SaraKey} --register {Register}\" ssh-ed25519 AAAAC3");
        all.OutLines[0].ShouldEndWith(" risks:soconnor sara@laptop");
        one.OutLines.ShouldHaveSingleItem().ShouldStartWith($"restrict,pty,command=\"/opt/risks/risks ssh session --as auditchair --key {ChairKey} --register {Register}\" ssh-rsa AAAAB3");
        nobody.Code.ShouldBe(0);
        nobody.Out.ShouldBeEmpty("sshd then lets the key in as nobody");
    }

    [Fact]
    public void A_session_runs_an_allowed_command_as_the_keys_person_and_a_lead_s_save_is_theirs()
    {
        var list = Session(Reviewer, ChairKey, "list --format csv");
        var refused = Session(Reviewer, ChairKey, "set BAF-07 current.likelihood=2 -m 'Lower'");
        var saved = Session(Lead, SaraKey, "risks set BAF-07 next_review=2025-06-30 -m \"Reviewed at the March committee\"");

        list.Code.ShouldBe(0, list.ToString());
        list.OutLines.Length.ShouldBe(SampleRegister.Risks + 1);
        refused.Code.ShouldBe(ExitCodes.NotAllowed);
        refused.Error.ShouldContain("Audit Chair is a reviewer: reviewers read the register but change nothing");
        saved.Code.ShouldBe(0, saved.ToString());
        saved.Out.ShouldStartWith("Saved BAF-07 Inequalities: next review ");
        saved.Out.ShouldEndWith("by Sara O'Connor\n");
        Git.Run(Register, "log", "-1", "--format=%an <%ae>").Trim().ShouldBe("Sara O'Connor <sara.oconnor@mse.example>");
    }

    [Theory]
    [InlineData("bash", "risks: refused \"bash\": over SSH a key runs the full-screen register (no command), git for clone, fetch and push, or one of these risks commands: list, show, check, log, blame, diff, report, export, set, iteration list, board-actions list|show, undertakings list|show, people list|keys, settings show, objectives list, partners list")]
    [InlineData("risks list; id", "risks: refused \"risks list; id\": a session runs one command, never a shell: no ; | & $ ` < > \\ or line breaks")]
    [InlineData("init --shared staff /tmp/mine", "risks: refused \"init --shared staff /tmp/mine\": over SSH a key runs the full-screen register (no command), git for clone, fetch and push, or one of these risks commands: list, show, check, log, blame, diff, report, export, set, iteration list, board-actions list|show, undertakings list|show, people list|keys, settings show, objectives list, partners list")]
    [InlineData("report --out /tmp/x", "risks: refused \"report --out /tmp/x\": --out is not allowed over SSH: a session works on its own register and writes nothing but the register (output comes back to you)")]
    [InlineData("list --register=/srv/other", "risks: refused \"list --register=/srv/other\": --register is not allowed over SSH: a session works on its own register and writes nothing but the register (output comes back to you)")]
    [InlineData("list -r/srv/other", "risks: refused \"list -r/srv/other\": --register is not allowed over SSH: a session works on its own register and writes nothing but the register (output comes back to you)")]
    [InlineData("report --format markdown -o:/tmp/paper.md", "risks: refused \"report --format markdown -o:/tmp/paper.md\": --out is not allowed over SSH: a session works on its own register and writes nothing but the register (output comes back to you)")]
    [InlineData("report --format markdown -o/tmp/paper.md", "risks: refused \"report --format markdown -o/tmp/paper.md\": --out is not allowed over SSH: a session works on its own register and writes nothing but the register (output comes back to you)")]
    [InlineData("export --out:/tmp/risks.csv", "risks: refused \"export --out:/tmp/risks.csv\": --out is not allowed over SSH: a session works on its own register and writes nothing but the register (output comes back to you)")]
    [InlineData("people add-key soconnor x -m y", "risks: refused \"people add-key soconnor x -m y\": over SSH, 'people' runs only as 'people list' or 'people keys'")]
    [InlineData("/usr/lib/openssh/sftp-server", "risks: refused \"/usr/lib/openssh/sftp-server\": over SSH a key runs the full-screen register (no command), git for clone, fetch and push, or one of these risks commands: list, show, check, log, blame, diff, report, export, set, iteration list, board-actions list|show, undertakings list|show, people list|keys, settings show, objectives list, partners list")]
    public void A_session_refuses_a_shell_a_chain_another_register_a_file_on_the_server_and_anything_not_allowed(string requested, string said)
    {
        var head = Git.Head(Register);

        var result = Session(Lead, SaraKey, requested);

        result.Code.ShouldBe(ExitCodes.NotAllowed);
        result.Error.ShouldBe(said + "\n");
        result.Out.ShouldBeEmpty();
        Git.Head(Register).ShouldBe(head);
    }

    [Fact]
    public void Only_the_account_register_yaml_names_for_keys_opens_a_session_as_someone_else()
    {
        Run("settings", "set", "ssh_account=risks", "-m", "The service account").Code.ShouldBe(0);

        var session = Session(Lead, SaraKey, "list");
        var keys = Run("ssh", "authorized-keys");
        Run("settings", "set", "ssh_account=", "-m", "No keys").Code.ShouldBe(0);
        var none = Session(Lead, SaraKey, "list");

        session.Code.ShouldBe(ExitCodes.NotAllowed);
        session.Error.ShouldBe($"risks: only the account for SSH keys (risks) runs this, as sshd does for it; you are {Environment.UserName}\n");
        session.Out.ShouldBeEmpty();
        keys.Code.ShouldBe(ExitCodes.NotAllowed);
        keys.Out.ShouldBeEmpty();
        none.Error.ShouldBe("risks: register.yaml names no account for SSH keys: a governance lead sets it (risks settings set ssh_account=ACCOUNT -m REASON) as docs/server.md describes\n");
    }

    [Fact]
    public void A_key_taken_away_or_not_the_persons_gets_nothing_and_the_screen_needs_a_terminal()
    {
        Run("people", "remove-key", Reviewer, ChairKey, "-m", "Lost").Code.ShouldBe(0);

        var revoked = Session(Reviewer, ChairKey, "list");
        var borrowed = Session(Lead, ChairKey, "list");
        var stranger = Session("nobody", SaraKey, "list");
        var screen = Session(Lead, SaraKey, null);

        revoked.Code.ShouldBe(ExitCodes.NotAllowed);
        revoked.Error.ShouldBe("risks: this key is no longer let in for Audit Chair (auditchair); ask a governance lead\n");
        revoked.Out.ShouldBeEmpty();
        borrowed.Error.ShouldBe("risks: this key is no longer let in for Sara O'Connor (soconnor); ask a governance lead\n");
        stranger.Error.ShouldBe("risks: this key is no longer let in: nobody is not among the register's people; ask a governance lead\n");
        screen.Code.ShouldBe(ExitCodes.Usage);
        screen.Error.ShouldBe("risks: with no command the session opens the register full screen, which needs a terminal: connect with ssh -t, or give a command, such as: ssh HOST list\n");
    }
}
