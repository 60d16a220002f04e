namespace Risks.Core.Domain;

/// <summary>Whether a risk sits on the Board Assurance Framework or on an operational register.</summary>
public enum RiskKind { Strategic, Operational }

public enum RiskStatus { Open, Closed, Merged }

/// <summary>The five Ts of risk response.</summary>
public enum RiskResponse { Treat, Tolerate, Transfer, Terminate, Take }

public enum Trajectory { Improving, Stable, Deteriorating }

public enum Effectiveness { Effective, PartiallyEffective, Ineffective, NotAssessed }

/// <summary>A gap in control (a control missing or not working) or in assurance (no evidence that a control works).</summary>
public enum GapType { Control, Assurance }

public enum AssuranceSource { Internal, Independent }

public enum AssuranceRating { Substantial, Reasonable, Limited, None }

public enum AssuranceOutcome { Positive, Negative }

public enum ActionStatus { NotStarted, InProgress, Complete, Cancelled }

public enum Role { GovernanceLead, RiskOwner, Reviewer }

/// <summary>Risk appetite levels as NHS boards commonly state them.</summary>
public enum Appetite { Averse, Minimal, Cautious, Open, Eager }

public enum Rag { Green, Yellow, Amber, Red }
