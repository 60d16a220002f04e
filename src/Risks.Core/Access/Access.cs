using Risks.Core.Domain;

namespace Risks.Core.Access;

/// <summary>Whether something may be done, and if not, why, in words the person can act on.</summary>
public sealed record Permission(bool Allowed, string Reason)
{
    public static Permission Yes { get; } = new(true, "");

    public static Permission No(string reason) => new(false, reason);
}

/// <summary>
/// Who may write what, by the roles in register.yaml: reviewers read only; risk owners edit the
/// risks they own or lead; governance leads edit everything, add risks and cut iterations. A login
/// that is not among the register's people reads only.
/// </summary>
public sealed class Access
{
    private readonly RegisterSettings _settings;

    private Access(RegisterSettings settings, string login)
    {
        _settings = settings;
        Login = login;
        Person = settings.FindPerson(login);
    }

    public string Login { get; }

    /// <summary>Null when the login is not among register.yaml's people.</summary>
    public Person? Person { get; }

    public Role? Role => Person?.Role;

    public static Access For(RegisterSettings settings, string login) => new(settings, login);

    /// <summary><c>Rebecca Jarvis (rjarvis), risk owner</c>.</summary>
    public string Describe() => Person is { } person
        ? $"{person.Name} ({Login}), {RoleWords(person.Role)}"
        : $"{Login} (not among register.yaml's people)";

    public Permission Edit(Risk risk)
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        if (Role == Domain.Role.GovernanceLead
            || string.Equals(risk.Owner, Login, StringComparison.Ordinal)
            || risk.Leads.Contains(Login, StringComparer.Ordinal))
        {
            return Permission.Yes;
        }

        return Permission.No(
            $"{Person!.Name} is a risk owner and may edit only the risks they own or lead; {risk.Id} is owned by {_settings.NameOf(risk.Owner)}");
    }

    public Permission Create() => LeadsOnly("add risks");

    /// <summary>
    /// Whether a save that turns <paramref name="before"/> (null for a new risk) into
    /// <paramref name="after"/> is allowed: the person must be allowed to edit the risk as it was
    /// and as it will be, so a risk owner cannot hand their risk to someone else or take on a
    /// risk that is not theirs. Every write path (the UI, <c>set</c>, <c>edit</c>, <c>import</c>,
    /// and the Git server's check of pushed commits) asks this one question.
    /// </summary>
    public Permission Save(Risk? before, Risk after)
    {
        if (before is null)
        {
            return Create();
        }

        if (!Equals(before.SignOff, after.SignOff))
        {
            // A sign-off names who made it: nobody may write one in someone else's name.
            if (after.SignOff is { } signOff && !string.Equals(signOff.By, Login, StringComparison.Ordinal))
            {
                return Permission.No($"a sign-off is made by the person it names; {signOff.By} must sign {after.Id} off themselves");
            }

            // Signing off is the whole change: allowed to those who may sign off, even if they may not edit the risk.
            if (after.SignOff is not null && Changes.RiskComparer.Compare(before, after with { SignOff = before.SignOff }, _settings).Count == 0)
            {
                return SignOff(after);
            }
        }

        var was = Edit(before);
        if (!was.Allowed)
        {
            return was;
        }

        var becomes = Edit(after);
        return becomes.Allowed
            ? Permission.Yes
            : Permission.No($"{Person!.Name} is a risk owner and may not give {after.Id} to {_settings.NameOf(after.Owner)}; only a governance lead may change who owns a risk");
    }

    /// <summary>
    /// Whether the person may sign <paramref name="risk"/> off for the board: its owner, or anyone
    /// register.yaml gives the right to (<c>signs_off: true</c>).
    /// </summary>
    public Permission SignOff(Risk risk)
    {
        if (Person is null)
        {
            return Permission.No($"{Login} is not among register.yaml's people, so may sign nothing off");
        }

        return string.Equals(risk.Owner, Login, StringComparison.Ordinal) || Person.SignsOff
            ? Permission.Yes
            : Permission.No($"only {risk.Id}'s owner ({_settings.NameOf(risk.Owner)}) or someone with signs_off: true in register.yaml may sign it off");
    }

    /// <summary>Adding a board action or an undertaking, changing one, or closing one: governance leads.</summary>
    public Permission KeepBoardLog(string what) => LeadsOnly(what);

    /// <summary>Adding an update to a board action, or marking an undertaking's milestone met and adding its evidence: its leads, or a governance lead.</summary>
    public Permission UpdateTracked(Board.ITrackedItem item, string noun)
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        return Role == Domain.Role.GovernanceLead || item.Leads.Contains(Login, StringComparer.Ordinal)
            ? Permission.Yes
            : Permission.No($"only {noun} {item.Number}'s leads ({(item.Leads.Count == 0 ? "none named" : Text.All([.. item.Leads.Select(_settings.NameOf)]))}) or a governance lead may update it; {Person!.Name} is neither");
    }

    /// <summary>Whether register.yaml itself (people, roles, objectives, scales) may be changed: governance leads only.</summary>
    public Permission ChangeSettings() => LeadsOnly("change the register's settings (its people and their roles, objectives, categories, scoring words, bands and partner risks)");

    public Permission CutIteration() => LeadsOnly("cut or remove iterations");

    private Permission LeadsOnly(string what)
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        return Role == Domain.Role.GovernanceLead
            ? Permission.Yes
            : Permission.No($"only governance leads may {what}; {Person!.Name} is a {RoleWords(Person.Role)}");
    }

    /// <summary>Why nothing at all may be written, for people who may write nothing.</summary>
    private Permission? Refused()
    {
        if (Person is null)
        {
            return Permission.No($"your login '{Login}' is not among register.yaml's people, so the register is read-only for you; a governance lead can add you");
        }

        return Person.Role == Domain.Role.Reviewer
            ? Permission.No($"{Person.Name} is a reviewer: reviewers read the register but change nothing; ask a governance lead to change your role in register.yaml")
            : null;
    }

    private static string RoleWords(Role role) => Vocabulary.Phrase(role);
}
