using System.Net;
using System.Net.Sockets;
using netDumbster.smtp;
using Risks.Tests.Support;

namespace Risks.Tests;

/// <summary>
/// <c>risks remind</c> on a copy of the sample register (on 20 Mar 2025), sending through a real
/// SMTP server on 127.0.0.1 that the test starts, and reading what it received.
/// </summary>
public sealed class RemindCommandTests : RegisterTest
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void UseMailServer(int port) =>
        File.AppendAllText(Path.Combine(Register, "register.yaml"), $"mail:\n  host: 127.0.0.1\n  port: {port}\n  security: none\n  from: risks@mse.example\n");

    private static string Body(SmtpMessage message) => message.MessageParts[0].BodyData.ReplaceLineEndings("\n");

    [Fact]
    public void Each_person_gets_one_digest_of_their_overdue_and_due_items_and_a_second_run_that_day_sends_nothing()
    {
        var port = FreePort();
        using var server = SimpleSmtpServer.Start(port);
        UseMailServer(port);

        var first = Run("remind", "--days", "60");

        first.Code.ShouldBe(0, first.ToString());
        var received = server.ReceivedEmail;
        received.Select(m => m.ToAddresses.Single().Address).Order(StringComparer.Ordinal).ShouldBe(first.OutLines.Select(l => l[(l.IndexOf('<', StringComparison.Ordinal) + 1)..l.IndexOf('>', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
        received.Length.ShouldBeGreaterThan(1);
        received.Select(m => m.ToAddresses.Single().Address).ShouldBeUnique();

        var rebecca = received.Single(m => m.ToAddresses.Single().Address == "rebecca.jarvis@mse.example");
        rebecca.FromAddress.Address.ShouldBe("risks@mse.example");
        rebecca.Headers["Subject"].ShouldBe("Risks: 1 due soon (Mid and South Essex Integrated Care Board)");
        Body(rebecca).ShouldContain("""
            Due in the next 60 days (1)
              BAF-07 Inequalities
                - in 1 month (6 May 2025): review the risk
            """.ReplaceLineEndings("\n"));

        var emma = Body(received.Single(m => m.ToAddresses.Single().Address == "emma.timpson@mse.example"));
        emma.ShouldStartWith("Dear Emma Timpson,\n\nThis is what the Mid and South Essex Integrated Care Board risk register has for you on 20 Mar 2025.\n");
        emma.ShouldContain("""
              CRR-018 Health inequalities funding and data
                - in 1 month (29 Apr 2025): review the risk
                - in 1 month (30 Apr 2025): action A1, Publish the health inequalities dashboard once it is signed off.
            """.ReplaceLineEndings("\n"));

        // What is overdue comes first: here the undertaking's milestones that the sample leaves unmet.
        var matt = Body(received.Single(m => m.ToAddresses.Single().Address == "matt.sweeting@mse.example"));
        matt.ShouldContain("\nOverdue (2)\n  Undertakings to regulators\n    - 3 years overdue (31 Mar 2021): undertaking 2 to NHS Improvement, Elective backlog: milestone 2, No more than 6,900 patients waiting over 52 weeks (risks undertakings met 2 2)\n");
        Body(received.Single(m => m.ToAddresses.Single().Address == "kathy.bonney@mse.example")).ShouldContain("  Board action log\n    - in 1 month (30 Apr 2025): board action 54, EDI High Impact Actions:");

        var second = Run("remind", "--days", "60");

        second.Code.ShouldBe(0, second.ToString());
        server.ReceivedEmailCount.ShouldBe(received.Length);
        second.Error.ShouldBe($"0 reminders sent, {received.Length} already sent today.\n");
    }

    [Fact]
    public void A_dry_run_prints_the_emails_and_sends_and_records_nothing()
    {
        var port = FreePort();
        using var server = SimpleSmtpServer.Start(port);
        UseMailServer(port);

        var dry = Run("remind", "--dry-run", "--to", "rjarvis", "--days", "60");

        dry.Code.ShouldBe(0, dry.ToString());
        dry.Out.ShouldStartWith("To: Rebecca Jarvis <rebecca.jarvis@mse.example>\nSubject: Risks: 1 due soon (Mid and South Essex Integrated Care Board)\n\nDear Rebecca Jarvis,\n");
        server.ReceivedEmailCount.ShouldBe(0);

        Run("remind", "--to", "rjarvis", "--days", "60").Code.ShouldBe(0);
        server.ReceivedEmailCount.ShouldBe(1);
    }

    [Fact]
    public void When_the_server_cannot_be_reached_every_reminder_is_said_not_sent_and_the_exit_code_counts_them()
    {
        UseMailServer(FreePort());

        var result = Run("remind", "--to", "rjarvis", "--days", "60");

        result.Code.ShouldBe(101, result.ToString());
        result.Error.ShouldContain("risks: not sent to Rebecca Jarvis <rebecca.jarvis@mse.example>: ");
        result.Error.ShouldEndWith("0 reminders sent, 1 not sent.\n");

        var port = FreePort();
        using var server = SimpleSmtpServer.Start(port);
        File.WriteAllText(Path.Combine(Register, "register.yaml"), FileText("register.yaml").Replace("mail:\n", "mail_old:\n", StringComparison.Ordinal).Split("mail_old:")[0]);
        UseMailServer(port);
        Run("remind", "--to", "rjarvis", "--days", "60").Code.ShouldBe(0, "not recorded as sent, so sent when the server is back");
        server.ReceivedEmailCount.ShouldBe(1);
    }

    [Fact]
    public void Without_a_mail_server_in_register_yaml_it_says_how_to_add_one()
    {
        var result = Run("remind", "--to", "rjarvis", "--days", "60");

        result.Code.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("register.yaml says no mail server to send through: add mail (host, port, security, from) as docs/server.md shows, or use --dry-run");
    }
}
