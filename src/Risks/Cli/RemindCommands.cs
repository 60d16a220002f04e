using System.CommandLine;
using Risks.Core.Domain;
using Risks.Core.Reminders;
using Risks.Storage.Mail;

namespace Risks.Cli;

internal sealed partial class Commands
{
    /// <summary>
    /// <c>risks remind</c>: each person's digest of what is theirs and overdue or due within
    /// <paramref name="days"/>, sent through register.yaml's <c>mail</c> server, at most once a
    /// day each; with <paramref name="dryRun"/>, printed instead. One email that cannot be sent
    /// does not stop the others; the exit code says how many were not.
    /// </summary>
    public int Remind(bool dryRun, string? to, int days, ParseResult parse)
    {
        if (days < 0)
        {
            Error.WriteLine("risks: --days must be 0 or more");
            return ExitCodes.Usage;
        }

        var register = Open(parse);
        var snapshot = register.Reader.Load();
        if (!snapshot.SettingsValid)
        {
            snapshot.Problems.Where(p => p.File == Storage.Yaml.SettingsYaml.FileName).ToList().ForEach(p => Error.WriteLine(p));
            Error.WriteLine("risks: register.yaml has problems, so nobody's reminder can be worked out");
            return ExitCodes.Problems;
        }

        var settings = snapshot.Settings;
        if (to is not null && settings.FindPerson(to) is null)
        {
            Error.WriteLine($"risks: nobody in register.yaml has the login {Text.Quote(to)}");
            return ExitCodes.NotFound;
        }

        var today = context.Today;
        var log = register.SentReminders;
        var mails = new List<OutgoingMail>();
        var noEmail = new List<Person>();
        var already = 0;
        var boardActions = register.BoardActions.List().Items.Select(a => a.Item);
        var undertakings = register.Undertakings.List().Items.Select(a => a.Item);
        foreach (var digest in Reminders.For(snapshot.Risks.Select(s => s.Risk), settings, today, days, to, r => register.SignOffs.Waiting(r, settings), boardActions, undertakings))
        {
            var person = digest.Person;
            if (string.IsNullOrWhiteSpace(person.Email))
            {
                noEmail.Add(person);
            }
            else if (!dryRun && log.WasSent(today, person.Login))
            {
                already++;
            }
            else
            {
                mails.Add(new OutgoingMail(person.Login, person.Name, person.Email, digest.Subject(settings.Organisation, today), digest.Body(settings.Organisation, today, days)));
            }
        }

        foreach (var person in noEmail)
        {
            Error.WriteLine($"risks: not sent to {person.Name} ({person.Login}): register.yaml gives no email for them");
        }

        if (dryRun)
        {
            foreach (var mail in mails)
            {
                Out.WriteLine($"To: {mail.ToName} <{mail.ToAddress}>");
                Out.WriteLine($"Subject: {mail.Subject}");
                Out.WriteLine();
                Out.Write(mail.Body);
                Out.WriteLine(new string('-', 72));
            }

            Error.WriteLine($"{Text.Count(mails.Count, "reminder")} printed, not sent{(noEmail.Count > 0 ? $"; {noEmail.Count} without an email" : "")}.");
            return noEmail.Count == 0 ? ExitCodes.Ok : ExitCodes.NotSent(noEmail.Count);
        }

        var failures = new List<MailFailure>();
        if (mails.Count > 0)
        {
            if (settings.Mail is not { } mailSettings)
            {
                Error.WriteLine("risks: register.yaml says no mail server to send through: add mail (host, port, security, from) as docs/server.md shows, or use --dry-run");
                return ExitCodes.Problems;
            }

            var (password, passwordError) = SmtpMailer.Password(mailSettings, context.Variable);
            if (passwordError is not null)
            {
                Error.WriteLine($"risks: {passwordError}: nothing was sent");
                return ExitCodes.NotSent(mails.Count + noEmail.Count);
            }

            failures.AddRange(SmtpMailer.Send(mailSettings, password, mails, mail =>
            {
                log.Record(today, mail.Login);
                Out.WriteLine($"sent to {mail.ToName} <{mail.ToAddress}>: {mail.Subject}");
            }));
        }

        foreach (var failure in failures)
        {
            Error.WriteLine($"risks: not sent to {failure.Mail.ToName} <{failure.Mail.ToAddress}>: {failure.Reason}");
        }

        var notSent = failures.Count + noEmail.Count;
        Error.WriteLine($"{Text.Count(mails.Count - failures.Count, "reminder")} sent{(already > 0 ? $", {already} already sent today" : "")}{(notSent > 0 ? $", {notSent} not sent" : "")}.");
        return notSent == 0 ? ExitCodes.Ok : ExitCodes.NotSent(notSent);
    }
}
