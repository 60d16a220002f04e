namespace Risks.Core.Domain;

/// <summary>One risk on the register, as its file holds it. Nothing derived is stored here.</summary>
public sealed record Risk
{
    public required RiskId Id { get; init; }

    public RiskKind Kind { get; init; }

    public string Title { get; init; } = "";

    public Narrative Narrative { get; init; } = new();

    /// <summary>The themes the board sees beside the title in the BAF summary.</summary>
    public IReadOnlyList<string> KeyElements { get; init; } = [];

    public string? Category { get; init; }

    public RiskStatus Status { get; init; }

    public Closure? Closure { get; init; }

    /// <summary>Login of the senior responsible owner.</summary>
    public string Owner { get; init; } = "";

    public IReadOnlyList<string> Leads { get; init; } = [];

    /// <summary>What the owner or a lead answers for on this risk, where the board names it beside their job (Diagnostic SRO).</summary>
    public IReadOnlyList<LeadRemit> LeadRemits { get; init; } = [];

    public string? Directorate { get; init; }

    public IReadOnlyList<string> Committees { get; init; } = [];

    /// <summary>Ids of the strategic objectives the risk threatens.</summary>
    public IReadOnlyList<string> Objectives { get; init; } = [];

    public IReadOnlyList<string> LinkedRisks { get; init; } = [];

    /// <summary>References in other systems, such as <c>Datix 53</c>.</summary>
    public IReadOnlyList<string> ExternalRefs { get; init; } = [];

    /// <summary>For an operational risk scored 15 or more that no strategic risk is linked with: why it is not on the BAF.</summary>
    public string? NotOnBaf { get; init; }

    public Score? Inherent { get; init; }

    public Score? Current { get; init; }

    public Score? Target { get; init; }

    public DateOnly? TargetDate { get; init; }

    public RiskResponse? Response { get; init; }

    public string? Performance { get; init; }

    public Trajectory? Trajectory { get; init; }

    /// <summary>A recorded decision to accept the current score although it is above an objective's tolerance.</summary>
    public Acceptance? ToleranceAcceptance { get; init; }

    public IReadOnlyList<Control> Controls { get; init; } = [];

    public IReadOnlyList<Gap> Gaps { get; init; } = [];

    public IReadOnlyList<Assurance> Assurances { get; init; } = [];

    public IReadOnlyList<RiskAction> Actions { get; init; } = [];

    public Review? LastReviewed { get; init; }

    public DateOnly? NextReview { get; init; }

    /// <summary>The executive's latest sign-off of the risk for the board, bound to the version of its file they signed.</summary>
    public SignOff? SignOff { get; init; }

    /// <summary>The values of the register's own fields (declared in <c>register.yaml</c>), by key.</summary>
    public IReadOnlyDictionary<string, CustomValue> Custom { get; init; } = NoCustom;

    private static readonly IReadOnlyDictionary<string, CustomValue> NoCustom = new Dictionary<string, CustomValue>(StringComparer.Ordinal);
}

/// <summary>What could happen (event), why (cause) and what it would do (effect).</summary>
public sealed record Narrative
{
    public string? Cause { get; init; }

    public string? Event { get; init; }

    public string? Effect { get; init; }
}

/// <summary>Why and when a risk was closed, or which risk it was merged into.</summary>
public sealed record Closure
{
    public DateOnly? Date { get; init; }

    public string? Rationale { get; init; }

    public string? MergedInto { get; init; }
}

/// <summary>Who accepted a risk's score as it stands, when, and why.</summary>
public sealed record Acceptance
{
    public DateOnly? Date { get; init; }

    /// <summary>The board or committee (or person) that accepted it.</summary>
    public string? By { get; init; }

    public string? Reason { get; init; }
}

/// <summary>An assessment as impact x likelihood, each 1-5.</summary>
public sealed record Score(int Impact, int Likelihood)
{
    /// <summary>Why the score is what it is, such as the operational risk it is based on.</summary>
    public string? Rationale { get; init; }

    public int Value => Impact * Likelihood;

    /// <summary><c>4 x 5 = 20</c>, as the board reads it.</summary>
    public override string ToString() => $"{Impact} x {Likelihood} = {Value}";
}

/// <summary>The remit of the owner or a lead on one risk (<c>R1</c>): who, and what they answer for.</summary>
public sealed record LeadRemit
{
    public string Id { get; init; } = "";

    public string Lead { get; init; } = "";

    public string Text { get; init; } = "";
}

public sealed record Control
{
    public string Id { get; init; } = "";

    public string Text { get; init; } = "";

    public string? Owner { get; init; }

    public Effectiveness? Effectiveness { get; init; }
}

public sealed record Gap
{
    public string Id { get; init; } = "";

    /// <summary>In control or in assurance; null until someone says which.</summary>
    public GapType? Type { get; init; }

    public string Text { get; init; } = "";
}

public sealed record Assurance
{
    public string Id { get; init; } = "";

    public string Text { get; init; } = "";

    /// <summary>Line of defence, 1-3.</summary>
    public int? Line { get; init; }

    public AssuranceSource? Source { get; init; }

    public AssuranceRating? Rating { get; init; }

    public AssuranceOutcome? Outcome { get; init; }

    /// <summary>One of the key assurances the board sees in the summary.</summary>
    public bool Key { get; init; }

    public DateOnly? Date { get; init; }
}

/// <summary>A next step: an action with an owner and, where one is set, a due date.</summary>
public sealed record RiskAction
{
    public string Id { get; init; } = "";

    public string Text { get; init; } = "";

    /// <summary>The id of the risk's gap (in control or assurance) the action is to close, if it is for one.</summary>
    public string? Gap { get; init; }

    public string? Owner { get; init; }

    public DateOnly? Due { get; init; }

    /// <summary>Null until someone says how the action stands.</summary>
    public ActionStatus? Status { get; init; }

    public DateOnly? Completed { get; init; }

    /// <summary>The latest update on progress.</summary>
    public string? Update { get; init; }

    public bool IsFinished => Status is ActionStatus.Complete or ActionStatus.Cancelled;

    public bool IsOverdue(DateOnly today) => !IsFinished && Due is { } due && due < today;
}

public sealed record Review(DateOnly Date, string By);

/// <summary>
/// A sign-off: who signed the risk off, on what day, with an optional note, and the exact version
/// of the risk's file they signed (its Git blob id). A later change to a material field (scores,
/// controls, gaps, assurances, actions) makes it lapse.
/// </summary>
public sealed record SignOff
{
    public string By { get; init; } = "";

    public DateOnly? Date { get; init; }

    /// <summary>The version of the risk's file as signed, as storage names it (its content's id).</summary>
    public string Version { get; init; } = "";

    public string? Note { get; init; }
}
