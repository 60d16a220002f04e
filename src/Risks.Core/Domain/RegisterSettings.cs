namespace Risks.Core.Domain;

/// <summary>What <c>register.yaml</c> holds: the frame every risk is read against.</summary>
public sealed record RegisterSettings
{
    public string Organisation { get; init; } = "";

    public IReadOnlyList<Objective> Objectives { get; init; } = [];

    public ScoringMatrix Scoring { get; init; } = ScoringMatrix.Default;

    public BandScheme Bands { get; init; } = BandScheme.Default;

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<Person> People { get; init; } = [];

    public IReadOnlyList<PartnerRisk> PartnerRisks { get; init; } = [];

    /// <summary>The register's own fields, which risks keep under <c>custom:</c>.</summary>
    public IReadOnlyList<CustomField> CustomFields { get; init; } = [];

    /// <summary>Cutting an iteration needs every open strategic risk signed off, and not lapsed.</summary>
    public bool RequireSignOff { get; init; }

    /// <summary>
    /// The Unix account on the register's server that takes people's SSH keys (docs/server.md): the
    /// only one that may open a session as the person a key belongs to. Null: none does.
    /// </summary>
    public string? SshAccount { get; init; }

    /// <summary>How the BAF is held to its rules: severities the register sets, and whether a push must pass.</summary>
    public BafCheckSettings BafCheck { get; init; } = new();

    /// <summary>How reminders are sent (<c>risks remind</c>); null when the register sends none. No password is ever kept here.</summary>
    public MailSettings? Mail { get; init; }

    public CustomField? FindCustomField(string key) =>
        CustomFields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));

    public Person? FindPerson(string login) =>
        People.FirstOrDefault(p => string.Equals(p.Login, login, StringComparison.Ordinal));

    public Objective? FindObjective(string id) =>
        Objectives.FirstOrDefault(o => string.Equals(o.Id, id, StringComparison.Ordinal));

    /// <summary>The person's name for a login, or the login itself when nobody has it.</summary>
    public string NameOf(string login) => FindPerson(login)?.Name ?? login;
}

public sealed record Objective
{
    public string Id { get; init; } = "";

    public string Title { get; init; } = "";

    public string ShortTitle { get; init; } = "";

    public Appetite? Appetite { get; init; }

    /// <summary>The highest current score the board accepts for risks to this objective.</summary>
    public int? Tolerance { get; init; }

    /// <summary>No longer an objective of the organisation: kept for the risks and history that name it, no longer offered for new ones.</summary>
    public bool Retired { get; init; }
}

public sealed record Person
{
    /// <summary>The Unix login the person works under.</summary>
    public string Login { get; init; } = "";

    public string Name { get; init; } = "";

    public string? Email { get; init; }

    public Role Role { get; init; }

    public string? JobTitle { get; init; }

    /// <summary>May sign off any strategic risk for the board, as well as the risks they own.</summary>
    public bool SignsOff { get; init; }

    /// <summary>Their public SSH keys, each a line as its .pub file gives it: with one, they log in to the register's server as themselves (docs/server.md).</summary>
    public IReadOnlyList<string> SshKeys { get; init; } = [];
}

/// <summary>A partner organisation's red risk, as reported to its own board.</summary>
public sealed record PartnerRisk
{
    public string Organisation { get; init; } = "";

    public string Title { get; init; } = "";

    public int Score { get; init; }

    public DateOnly? Reported { get; init; }

    /// <summary>Where the risk was reported: "February 2025 BAF report to the Trust Board".</summary>
    public string? Source { get; init; }
}

/// <summary>The NPSA-style descriptors for impact and likelihood 1 to 5.</summary>
public sealed record ScoringMatrix(IReadOnlyList<string> Impact, IReadOnlyList<string> Likelihood)
{
    public static ScoringMatrix Default { get; } = new(
        ["Negligible", "Minor", "Moderate", "Major", "Catastrophic"],
        ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]);

    /// <summary><c>4 Major</c>.</summary>
    public string DescribeImpact(int impact) => Describe(Impact, impact);

    /// <summary><c>4 Likely</c>.</summary>
    public string DescribeLikelihood(int likelihood) => Describe(Likelihood, likelihood);

    private static string Describe(IReadOnlyList<string> words, int value) =>
        value >= 1 && value <= words.Count ? $"{value} {words[value - 1]}" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How much a breach of a BAF rule matters: an error fails the check (and a push, when the register asks); a warning is shown; off, not checked.</summary>
public enum RuleSeverity { Error, Warning, Off }

/// <summary>How a register holds its BAF to the rules (register.yaml's <c>baf_check</c>; the rules are Risks.Core.Validation.BafCheck's): each rule's severity where it differs, and whether a push must pass.</summary>
public sealed record BafCheckSettings
{
    /// <summary>Severities set by the register, by rule id; a rule not named keeps its default.</summary>
    public IReadOnlyDictionary<string, RuleSeverity> Rules { get; init; } = new Dictionary<string, RuleSeverity>(StringComparer.Ordinal);

    /// <summary>A push (<c>risks verify-push</c>) is refused when its register breaks a rule whose severity is error.</summary>
    public bool OnPush { get; init; }

    public RuleSeverity SeverityOf(string rule, RuleSeverity fallback) => Rules.TryGetValue(rule, out var set) ? set : fallback;

    public bool IsDefault => Rules.Count == 0 && !OnPush;
}

/// <summary>How an email leaves the server: the SMTP server reminders go through.</summary>
public enum MailSecurity { Starttls, Tls, None }

/// <summary>
/// register.yaml's <c>mail</c>: the SMTP server, how the connection is secured, and who the
/// reminders come from. A password is named by where it is (an environment variable, or a file
/// readable only by the account that sends), never written here.
/// </summary>
public sealed record MailSettings
{
    public string Host { get; init; } = "";

    public int Port { get; init; } = 587;

    public MailSecurity Security { get; init; } = MailSecurity.Starttls;

    /// <summary>The address reminders come from.</summary>
    public string From { get; init; } = "";

    /// <summary>The account to log in to the server as; none for a server that takes mail from this host without.</summary>
    public string? Username { get; init; }

    /// <summary>The environment variable that holds the password.</summary>
    public string? PasswordEnv { get; init; }

    /// <summary>The file that holds the password (its first line).</summary>
    public string? PasswordFile { get; init; }
}
