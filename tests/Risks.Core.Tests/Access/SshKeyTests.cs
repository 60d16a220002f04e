using Risks.Core.Access;
using Risks.Core.Domain;
using Risks.Core.Settings;
using Risks.Core.Validation;

namespace Risks.Core.Tests.Access;

/// <summary>People's public SSH keys: read and checked, fingerprinted as ssh-keygen does, kept in register.yaml, and turned into authorized_keys lines.</summary>
public sealed class SshKeyTests
{
    /// <summary>Made with ssh-keygen -t ed25519 -C kathy@laptop; ssh-keygen -l gives SHA256:6w0NDq94a9HkbX/VKw/kdtdYl4glHPV0zCWAKxNjLwM.</summary>
    internal const string Kathy = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGJmh/QQcqNEzmHmJ7nsC9yNTIL0sR6S9yCekFcY8G+M kathy@laptop";

    /// <summary>Made with ssh-keygen -t rsa -b 2048 -C "audit chair"; SHA256:WcU0GoB3Zm/XWoUdEYuiRR6rAH42/5uagn3uR1wJoFM.</summary>
    internal const string Chair = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDYk/Ml4EC520HLXyuP2YNVVUnIzU07EJDuDF9DX/TgQcg7nFUQzGozhEErRIc5531BWuM+nxjuhzJC/eJKlqbXnsxRQP4Dvp9EeLa1Gx8KgHuIe2J4MsiFidUF476X4HhbdE+1bih4U2t+ONghkMiWDOWfiuee5GxCHtLp+Eq4MZlIEMZdl0kepe8M7jY8drhDPpolzTnnroC/34QZL30WU19oc0TQ2zbwU22eaMyYpKMe5RTdVF8jtmUgyrjaBzU8QQQNrQA2B1P+rqxhfkexLXClH3wiE53dd2kOLmy6i25ToCrcmLou/ZazEZxHsL0rEzOe6bDI5KlmHaCnyt2R audit chair";

    [Fact]
    public void A_public_key_is_read_with_its_comment_and_fingerprinted_as_ssh_keygen_does()
    {
        var (kathy, error) = SshKey.Parse("  " + Kathy + "\n");
        var chair = SshKey.Parse(Chair).Key!;

        error.ShouldBeNull();
        (kathy!.Type, kathy.Comment, kathy.Fingerprint).ShouldBe(("ssh-ed25519", "kathy@laptop", "SHA256:6w0NDq94a9HkbX/VKw/kdtdYl4glHPV0zCWAKxNjLwM"));
        kathy.ToString().ShouldBe(Kathy);
        (chair.Type, chair.Comment, chair.Fingerprint).ShouldBe(("ssh-rsa", "audit chair", "SHA256:WcU0GoB3Zm/XWoUdEYuiRR6rAH42/5uagn3uR1wJoFM"));
        kathy.IsNamedBy("kathy@laptop").ShouldBeTrue();
        kathy.IsNamedBy("SHA256:6w0NDq94a9HkbX/VKw/kdtdYl4glHPV0zCWAKxNjLwM").ShouldBeTrue();
        kathy.IsNamedBy(kathy.Key + " another comment").ShouldBeTrue();
        kathy.IsNamedBy("audit chair").ShouldBeFalse();
    }

    [Theory]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----", "that is a private key, which must never leave its owner's computer; give the public key (the .pub file, such as ~/.ssh/id_ed25519.pub)")]
    [InlineData("AAAAC3NzaC1lZDI1NTE5AAAAIGJmh", "a public key is its type, its data and a comment, such as \"ssh-ed25519 AAAAC3... name@laptop\"; found \"AAAAC3NzaC1lZDI1NTE5AAAAIGJmh\"")]
    [InlineData("ssh-dss AAAAB3NzaC1kc3M= old", "\"ssh-dss\" is not a key type OpenSSH takes for people (ssh-ed25519, ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521, ssh-rsa, sk-ssh-ed25519@openssh.com or sk-ecdsa-sha2-nistp256@openssh.com); give the whole line of the .pub file")]
    [InlineData("ssh-ed25519 not*base64 x", "the key's data is not base64; give the whole line of the .pub file, as it is")]
    [InlineData("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIGJmh/QQcqNEzmHmJ7nsC9yNTIL0sR6S9yCekFcY8G+M x", "the key's data is not of type ssh-rsa; give the whole line of the .pub file, as it is")]
    public void What_is_not_a_public_key_is_refused_saying_why(string line, string why)
    {
        var (key, error) = SshKey.Parse(line);

        key.ShouldBeNull();
        error.ShouldBe(why);
    }

    [Fact]
    public void Keys_are_added_one_at_a_time_removed_by_comment_or_fingerprint_and_set_one_per_line()
    {
        var settings = new RegisterSettings { People = [new Person { Login = "kbonney", Name = "Kathy Bonney", Role = Role.RiskOwner }] };

        var (added, _) = SettingsEdit.Apply(settings, $"people[kbonney].ssh_keys+={Kathy}");
        var (again, twice) = SettingsEdit.Apply(added!, $"people[kbonney].ssh_keys+={Kathy}");
        var (both, _) = SettingsEdit.Apply(added!, $"people[kbonney].ssh_keys+={Chair}");
        var (removed, _) = SettingsEdit.Apply(both!, "people[kbonney].ssh_keys-=kathy@laptop");
        var (byPrint, _) = SettingsEdit.Apply(both!, "people[kbonney].ssh_keys-=SHA256:WcU0GoB3Zm/XWoUdEYuiRR6rAH42/5uagn3uR1wJoFM");
        var (none, missing) = SettingsEdit.Apply(removed!, "people[kbonney].ssh_keys-=kathy@laptop");
        var (lines, _) = SettingsEdit.Set(settings, "people[kbonney].ssh_keys", $"{Chair}\n\n{Kathy}\n");
        var (bad, refused) = SettingsEdit.Set(settings, "people[kbonney].ssh_keys", $"{Chair}\nssh-ed25519 nonsense");

        added!.People[0].SshKeys.ShouldBe([Kathy]);
        again.ShouldBeNull();
        twice.ShouldBe("people[kbonney].ssh_keys: the person has that key already (SHA256:6w0NDq94a9HkbX/VKw/kdtdYl4glHPV0zCWAKxNjLwM)");
        removed!.People[0].SshKeys.ShouldBe([Chair]);
        byPrint!.People[0].SshKeys.ShouldBe([Kathy]);
        none.ShouldBeNull();
        missing.ShouldBe("people[kbonney].ssh_keys: the person has no key \"kathy@laptop\"; name it by the key, its fingerprint (SHA256:...) or its comment");
        lines!.People[0].SshKeys.ShouldBe([Chair, Kathy]);
        bad.ShouldBeNull();
        refused.ShouldBe("people[kbonney].ssh_keys: line 2: the key's data is not of type ssh-ed25519; give the whole line of the .pub file, as it is");
    }

    [Fact]
    public void A_key_is_one_persons_and_a_key_that_is_no_key_is_named_by_its_place()
    {
        var settings = new RegisterSettings
        {
            People =
            [
                new Person { Login = "kbonney", Name = "Kathy Bonney", Role = Role.GovernanceLead, SshKeys = [Kathy] },
                new Person { Login = "auditchair", Name = "Audit Chair", Role = Role.Reviewer, SshKeys = [Chair, Kathy.Replace("kathy@laptop", "borrowed", StringComparison.Ordinal), "ssh-ed25519"] },
            ],
        };

        var issues = SettingsValidator.Validate(settings).Where(i => i.Path.Contains("ssh_keys", StringComparison.Ordinal)).Select(i => i.Message).ToList();

        issues.ShouldBe(
        [
            "people[1].ssh_keys[1] is kbonney's key too: a key is one person's, so that the server knows who logs in with it",
            "people[1].ssh_keys[2] is not a public SSH key: a public key is its type, its data and a comment, such as \"ssh-ed25519 AAAAC3... name@laptop\"; found \"ssh-ed25519\"",
        ]);
    }

    [Fact]
    public void Each_key_becomes_a_line_that_forces_the_session_as_its_person_with_nothing_else_allowed()
    {
        var settings = new RegisterSettings
        {
            People =
            [
                new Person { Login = "kbonney", Name = "Kathy Bonney", Role = Role.RiskOwner, SshKeys = [Kathy] },
                new Person { Login = "auditchair", Name = "Audit Chair", Role = Role.Reviewer, SshKeys = [Chair] },
                new Person { Login = "nokey", Name = "No Key", Role = Role.Reviewer },
            ],
        };

        var lines = AuthorizedKeys.Lines(settings, "/opt/risks/risks", "/srv/risks/Trust's register");
        var one = AuthorizedKeys.Lines(settings, "/opt/risks/risks", "/srv/risks/register", SshKey.Parse(Chair).Key!.Key);

        lines.Count.ShouldBe(2);
        lines[0].ShouldBe("restrict,pty,command=\"/opt/risks/risks ssh session --as kbonney --key SHA256:6w0NDq94a9HkbX/VKw/kdtdYl4glHPV0zCWAKxNjLwM --register '/srv/risks/Trust'\\''s register'\" " + Kathy.Replace("kathy@laptop", "risks:kbonney kathy@laptop", StringComparison.Ordinal));
        one.ShouldHaveSingleItem().ShouldStartWith("restrict,pty,command=\"/opt/risks/risks ssh session --as auditchair --key SHA256:WcU0GoB3Zm/XWoUdEYuiRR6rAH42/5uagn3uR1wJoFM --register /srv/risks/register\" ssh-rsa AAAA");
        AuthorizedKeys.Lines(settings, "/opt/risks/risks", "/srv/risks/register", "ssh-ed25519 AAAAnobody").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("list --format csv", new[] { "list", "--format", "csv" })]
    [InlineData("set BAF-07 'actions[A3].due=2025-06-30' -m \"Agreed at the March committee\"", new[] { "set", "BAF-07", "actions[A3].due=2025-06-30", "-m", "Agreed at the March committee" })]
    [InlineData("  risks   show   BAF-07 ", new[] { "risks", "show", "BAF-07" })]
    public void A_requested_command_is_split_into_words_as_a_shell_splits_it(string line, string[] words) =>
        Shell.Words(line).ShouldBe(words);

    [Theory]
    [InlineData("risks list; id")]
    [InlineData("list | mail x")]
    [InlineData("list && bash")]
    [InlineData("show $(id)")]
    [InlineData("show `id`")]
    [InlineData("list > /tmp/x")]
    [InlineData("show \"BAF-07")]
    [InlineData("list\nbash")]
    public void Anything_that_would_chain_redirect_or_substitute_in_a_shell_is_not_a_command(string line) =>
        Shell.Words(line).ShouldBeNull();
}
