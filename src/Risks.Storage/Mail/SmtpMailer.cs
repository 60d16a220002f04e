using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Risks.Core.Domain;

namespace Risks.Storage.Mail;

/// <summary>An email to send: to whom, about what, in plain text.</summary>
public sealed record OutgoingMail(string Login, string ToName, string ToAddress, string Subject, string Body);

/// <summary>An email that could not be sent, and why.</summary>
public sealed record MailFailure(OutgoingMail Mail, string Reason);

/// <summary>
/// Sends emails through the SMTP server register.yaml's <c>mail</c> names, over one connection,
/// secured as it says (STARTTLS, TLS from the start, or none). One email that is refused does not
/// stop the others: each failure is given back with its reason.
/// </summary>
public static class SmtpMailer
{
    /// <summary>
    /// The password for the server, from the environment variable or the file register.yaml
    /// names; null when it names none. A source named but empty or unreadable is an error, said.
    /// </summary>
    public static (string? Password, string? Error) Password(MailSettings settings, Func<string, string?> variable)
    {
        if (settings.PasswordEnv is { } name)
        {
            return variable(name) is { Length: > 0 } value ? (value, null) : (null, $"the environment variable {name} (mail.password_env) is not set");
        }

        if (settings.PasswordFile is { } file)
        {
            try
            {
                var first = File.ReadLines(file).FirstOrDefault();
                return first is { Length: > 0 } ? (first, null) : (null, $"{file} (mail.password_file) is empty");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return (null, $"{file} (mail.password_file) cannot be read: {ex.Message}");
            }
        }

        return (null, null);
    }

    /// <summary>Sends each email; <paramref name="sent"/> is told of each as it leaves. Returns those that did not.</summary>
    public static IReadOnlyList<MailFailure> Send(MailSettings settings, string? password, IReadOnlyList<OutgoingMail> mails, Action<OutgoingMail> sent, TimeSpan? timeout = null)
    {
        var failures = new List<MailFailure>();
        if (mails.Count == 0)
        {
            return failures;
        }

        using var client = new SmtpClient { Timeout = (int)(timeout ?? TimeSpan.FromSeconds(30)).TotalMilliseconds };
        foreach (var mail in mails)
        {
            try
            {
                if (!client.IsConnected)
                {
                    Connect(client, settings, password);
                }

                client.Send(Message(settings, mail));
                sent(mail);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException or AuthenticationException or SslHandshakeException or ParseException or OperationCanceledException or TimeoutException or InvalidOperationException)
            {
                failures.Add(new MailFailure(mail, Reason(ex)));
            }
        }

        if (client.IsConnected)
        {
            try
            {
                client.Disconnect(quit: true);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException)
            {
                // Every email has been dealt with; a goodbye the server does not answer changes nothing.
            }
        }

        return failures;
    }

    private static void Connect(SmtpClient client, MailSettings settings, string? password)
    {
        var security = settings.Security switch
        {
            MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
            MailSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        client.Connect(settings.Host, settings.Port, security);
        if (settings.Username is { Length: > 0 } user)
        {
            client.Authenticate(user, password ?? "");
        }
    }

    private static MimeMessage Message(MailSettings settings, OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }

    private static string Reason(Exception ex) => ex switch
    {
        SmtpCommandException command => $"the server refused it ({(int)command.StatusCode} {command.Message.Trim()})",
        System.Net.Sockets.SocketException socket => $"cannot reach the server: {socket.Message}",
        AuthenticationException => "the server did not accept the username and password",
        SslHandshakeException => "the secure connection failed (mail.security may not be what the server offers)",
        _ => ex.Message,
    };
}
