using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Core.Schema;

/// <summary>
/// Every field of a risk, declared once, in the file's key order. The YAML reader and writer,
/// <c>risks set</c>, the risk screen, the checks, comparisons, blame, spreadsheets, the paper and
/// docs/format.md all take their fields from here. A register's own fields (declared in
/// <c>register.yaml</c>) are added by <see cref="For"/> under <c>custom</c>.
/// </summary>
/// <remarks>
/// Adding an ordinary field: give the record (<see cref="Risk"/>, or an item's record) its
/// property, declare it below in its place in the key order, and test it. docs/format.md shows an
/// example.
/// </remarks>
public static partial class RiskSchema
{
    /// <summary>The key under which a risk keeps the values of the register's own fields.</summary>
    public const string CustomKey = "custom";

    private static readonly string[] Scale = ["1", "2", "3", "4", "5"];

    /// <summary>The built-in fields of a risk, in the file's key order; <c>custom</c> last, with no parts of its own.</summary>
    public static IReadOnlyList<Field> BuiltIn { get; } = Fields();

    /// <summary>The fields of a risk on a register: the built-in ones, with the register's own fields as the parts of <c>custom</c>.</summary>
    public static IReadOnlyList<Field> For(RegisterSettings? settings)
    {
        if (settings is null || settings.CustomFields.Count == 0)
        {
            return BuiltIn;
        }

        var custom = CustomGroup(settings.CustomFields.Select(CustomPart).ToList());
        return [.. BuiltIn.Take(BuiltIn.Count - 1), custom];
    }

    /// <summary>
    /// The parts of <c>custom</c> to show for <paramref name="risks"/>: the register's declared fields in
    /// their order, then any key a risk holds that is not declared (so it is seen, never dropped).
    /// </summary>
    public static IReadOnlyList<Field> CustomParts(RegisterSettings? settings, params Risk?[] risks)
    {
        var declared = (settings?.CustomFields ?? []).Select(CustomPart).ToList();
        var undeclared = risks.Where(r => r is not null)
            .SelectMany(r => r!.Custom)
            .Where(kv => declared.All(d => d.Key != kv.Key))
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Undeclared(g.Key, g.Any(kv => kv.Value.IsList)));
        return [.. declared, .. undeclared];
    }

    /// <summary>The field declared for a register's own field.</summary>
    public static Field CustomPart(CustomField declared)
    {
        var key = declared.Key;
        var label = declared.Label.Length > 0 ? declared.Label : key.Replace('_', ' ');
        var type = declared.Type switch
        {
            CustomFieldType.LongText => FieldType.LongText,
            CustomFieldType.Date => FieldType.Date,
            CustomFieldType.Number => FieldType.Number,
            CustomFieldType.Choice => FieldType.Choice,
            CustomFieldType.Person => FieldType.Person,
            _ => FieldType.Text,
        };
        var isList = declared.Type == CustomFieldType.List;
        return new Field
        {
            Key = key,
            Path = $"{CustomKey}.{key}",
            Label = label,
            Caption = Caption(label),
            Help = declared.Help ?? "",
            Type = type,
            IsList = isList,
            EntryNoun = isList ? label : null,
            Words = declared.Choices,
            Required = declared.RequiredFor switch
            {
                RequiredFor.All => Requirement.Always,
                RequiredFor.Strategic => Requirement.Strategic,
                RequiredFor.Operational => Requirement.Operational,
                _ => Requirement.Optional,
            },
            Wording = isList ? Wording.Entries : type == FieldType.LongText ? Wording.Prose : Wording.Value,
            Column = $"{CustomKey}.{key}",
            IsCustom = true,
            OnPaper = declared.OnPaper,
            Retired = declared.Retired,
            Get = isList ? o => CustomOf(o).TryGetValue(key, out var v) ? v.Items ?? (v.Text is { } t ? [t] : []) : (IReadOnlyList<string>)[]
                         : o => CustomOf(o).TryGetValue(key, out var v) ? v.Text ?? (v.Items is { } items ? string.Join('\n', items) : null) : null,
            Set = (o, v) => WithCustom(CustomOf(o), key, v),
        };
    }

    /// <summary>A key a risk holds under <c>custom</c> that the register does not declare.</summary>
    private static Field Undeclared(string key, bool isList) =>
        CustomPart(new CustomField { Key = key, Label = key.Replace('_', ' '), Type = isList ? CustomFieldType.List : CustomFieldType.Text }) with
        {
            Help = "Not one of the register's own fields: declare it in Settings, or remove the value.",
        };

    /// <summary>
    /// The fields of <paramref name="risk"/> as a view of it shows them: <see cref="For"/>, with every
    /// key it holds under <c>custom</c> that the register does not declare (<see cref="CustomParts"/>).
    /// </summary>
    public static IReadOnlyList<Field> For(RegisterSettings? settings, Risk risk) =>
        [.. BuiltIn.Take(BuiltIn.Count - 1), CustomGroup(CustomParts(settings, risk))];

    /// <summary>
    /// The fields of one value or list within <paramref name="fields"/>, depth first through groups
    /// (not lists of items), each with what holds its value: <paramref name="owner"/>, or the group
    /// it is part of (null when the risk has no such group).
    /// </summary>
    public static IEnumerable<(Field Field, object? Owner)> Values(IEnumerable<Field> fields, object? owner)
    {
        foreach (var field in fields)
        {
            if (field.IsGroup)
            {
                foreach (var value in Values(field.Parts, owner is null ? null : field.Get(owner)))
                {
                    yield return value;
                }
            }
            else if (field.Type != FieldType.Items)
            {
                yield return (field, owner);
            }
        }
    }

    /// <summary>
    /// For a view that lays out some fields by hand (<paramref name="placed"/>, by path): the fields of
    /// one value or list it has not placed, neither themselves nor by their group, each with what holds
    /// its value (see <see cref="Values"/>), for it to show under their captions.
    /// </summary>
    public static IEnumerable<(Field Field, object? Owner)> Unplaced(IEnumerable<Field> fields, object owner, IReadOnlySet<string> placed) =>
        Values(fields, owner).Where(v => !IsPlaced(v.Field, placed));

    /// <summary>Whether a field, or the group it is part of, is among <paramref name="placed"/> (by path).</summary>
    private static bool IsPlaced(Field field, IReadOnlySet<string> placed) =>
        placed.Contains(field.Path) || placed.Contains(FieldPath.Parent(field.Path));

    /// <summary>Every field and part, depth first, in key order.</summary>
    public static IEnumerable<Field> Flatten(IEnumerable<Field> fields)
    {
        foreach (var field in fields)
        {
            yield return field;
            foreach (var part in Flatten(field.Parts))
            {
                yield return part;
            }
        }
    }

    /// <summary>
    /// The field at a path, with items named by id or place or not at all (<c>actions[A3].due</c>,
    /// <c>actions[2].due</c>, <c>actions[].due</c>), or null when a risk has no such field.
    /// </summary>
    public static Field? Find(string path, RegisterSettings? settings = null) =>
        Find(For(settings), FieldPath.Template(path));

    private static Field? Find(IReadOnlyList<Field> fields, string template) =>
        Flatten(fields).FirstOrDefault(f => f.Path == template);

    private static List<Field> Fields() =>
    [
        new Field
        {
            Key = "id", Path = "id", Label = "id", Caption = "Id", Type = FieldType.RiskId, Required = Requirement.Always, Clearable = false, Column = "id",
            Help = "The risk's id, such as BAF-07: letters, a hyphen and a number. It must match the file's name.",
            Get = o => ((Risk)o).Id.Value, Set = (o, v) => (Risk)o with { Id = RiskId.Parse((string)v!) },
            Assign = InPlace<Risk, RiskId>("(r, v) => r with { Id = v }", v => RiskId.Parse((string)v!)),
        },
        Choice<Risk, RiskKind>("kind", "kind", "Kind", r => r.Kind, (r, v) => r with { Kind = v ?? RiskKind.Operational }) with
        {
            Required = Requirement.Always, Clearable = false,
            Help = "Strategic (on the Board Assurance Framework) or operational (on the corporate risk register).",
        },
        Text<Risk>("title", "title", "Title", r => r.Title, (r, v) => r with { Title = v ?? "" }) with
        {
            OnPaper = true, Required = Requirement.Always, Clearable = false, Wording = Wording.Line, Help = "The risk's name as the board knows it.",
        },
        Group<Risk, Narrative>("narrative", "narrative", "Narrative", r => r.Narrative, (r, v) => r with { Narrative = v ?? new Narrative() }, () => new Narrative(),
            n => n.Cause is null && n.Event is null && n.Effect is null,
            [
                Long<Narrative>("cause", "narrative.cause", "cause", "Cause", n => n.Cause, (n, v) => n with { Cause = v }) with { Help = "Why the risk could happen." },
                Long<Narrative>("event", "narrative.event", "event", "Event", n => n.Event, (n, v) => n with { Event = v }) with
                {
                    Required = Requirement.Always, Clearable = false, Help = "What could happen.",
                },
                Long<Narrative>("effect", "narrative.effect", "effect", "Effect", n => n.Effect, (n, v) => n with { Effect = v }) with { Help = "What it would do if it happened." },
            ]) with { OnPaper = true, Help = "What could happen (event), why (cause) and what it would do (effect)." },
        Texts<Risk>("key_elements", "key elements", "Key elements", "key element", r => r.KeyElements, (r, v) => r with { KeyElements = v }) with
        {
            OnPaper = true, Help = "The themes the board sees beside the title, one per line.",
        },
        Text<Risk>("category", "category", "Category", r => r.Category, (r, v) => r with { Category = v }) with
        {
            Type = FieldType.Choice, Choices = ChoiceSource.Categories, Help = "One of the register's categories.",
        },
        Choice<Risk, RiskStatus>("status", "status", "Status", r => r.Status, (r, v) => Status(r, v ?? RiskStatus.Open)) with
        {
            Required = Requirement.Always, Clearable = false, Help = "A closed or merged risk needs a closure date and rationale.",

            // With no closure (as a risk being read has none yet: it comes after), the set puts the status in and does nothing else.
            Assign = When<Risk>(r => r.Closure is null, InPlaceValue<Risk, RiskStatus>("(r, v) => r with { Status = v ?? RiskStatus.Open }", ChoiceOf<RiskStatus>)),
        },
        Group<Risk, Closure>("closure", "closure", "Closure", r => r.Closure, (r, v) => r with { Closure = v }, () => new Closure(),
            c => c.Date is null && c.Rationale is null && c.MergedInto is null,
            [
                Date<Closure>("date", "closure.date", "closure date", "Closure date", c => c.Date, (c, v) => c with { Date = v }) with
                {
                    Condition = "when closed or merged", Help = "The date the risk was closed or merged.",
                },
                Long<Closure>("rationale", "closure.rationale", "closure reason", "Closure reason", c => c.Rationale, (c, v) => c with { Rationale = v }) with
                {
                    Condition = "when closed or merged", Help = "Why the risk was closed or merged.",
                },
                Text<Closure>("merged_into", "closure.merged_into", "merged into", "Merged into", c => c.MergedInto, (c, v) => c with { MergedInto = v }) with
                {
                    Type = FieldType.RiskId, Condition = "when merged", Help = "The id of the risk this one was merged into.",
                },
            ]) with { Help = "Why and when a closed risk was closed, or which risk a merged one was merged into." },
        Text<Risk>("owner", "owner", "Owner", r => r.Owner, (r, v) => r with { Owner = v ?? "" }) with
        {
            OnPaper = true, Type = FieldType.Person, Required = Requirement.Always, Clearable = false, Help = "The senior responsible owner.",
        },
        Texts<Risk>("leads", "leads", "Leads", "lead", r => r.Leads, (r, v) => r with { Leads = v }) with
        {
            OnPaper = true, Type = FieldType.Person, Help = "The people who lead on the risk's management.",
        },
        Items<Risk, LeadRemit>("lead_remits", "lead remit", "Lead remits", r => r.LeadRemits, (r, v) => r with { LeadRemits = v }, () => new LeadRemit(),
            [
                ItemId<LeadRemit>("lead_remits", x => x.Id, (x, v) => x with { Id = v ?? "" }),
                Text<LeadRemit>("lead", "lead_remits[].lead", "lead", "lead", x => x.Lead.Length == 0 ? null : x.Lead, (x, v) => x with { Lead = v ?? "" }) with
                {
                    Type = FieldType.Person, Required = Requirement.Always, Clearable = false, Column = null, Help = "The owner or lead whose remit it is.",
                },
                ItemText<LeadRemit>("lead_remits", "remit", x => x.Text, (x, v) => x with { Text = v ?? "" }),
            ]) with { OnPaper = true, Help = "What the owner or a lead answers for on this risk, where the board names it beside their job, such as Diagnostic SRO." },
        Text<Risk>("directorate", "directorate", "Directorate", r => r.Directorate, (r, v) => r with { Directorate = v }) with
        {
            OnPaper = true, Help = "The directorate or alliance that holds the risk.",
        },
        Texts<Risk>("committees", "committees", "Committees", "committee", r => r.Committees, (r, v) => r with { Committees = v }) with
        {
            OnPaper = true, Help = "The committees that oversee the risk, one per line.",
        },
        Texts<Risk>("objectives", "objectives", "Objectives", "objective", r => r.Objectives, (r, v) => r with { Objectives = v }) with
        {
            OnPaper = true, Type = FieldType.Objective, Required = Requirement.Strategic, Asks = "at least one strategic objective", Help = "The strategic objectives the risk threatens.",
        },
        Texts<Risk>("linked_risks", "linked risks", "Linked risks", "linked risk", r => r.LinkedRisks, (r, v) => r with { LinkedRisks = v }) with
        {
            OnPaper = true, Type = FieldType.RiskId, Elsewhere = "put references to other systems in external_refs", Help = "Other risks on the register this one is linked to, by id.",
        },
        Texts<Risk>("external_refs", "external references", "External references", "external reference", r => r.ExternalRefs, (r, v) => r with { ExternalRefs = v }) with
        {
            OnPaper = true, Help = "References in other systems, such as Datix 53, one per line.",
        },
        Long<Risk>("not_on_baf", "not_on_baf", "reason not on the BAF", "Not on the BAF because", r => r.NotOnBaf, (r, v) => r with { NotOnBaf = v }) with
        {
            Help = "For an operational risk scored 15 or more that no strategic risk is linked with: why it is not on the BAF.",
        },
        ScoreField("inherent", "Inherent", r => r.Inherent, (r, v) => r with { Inherent = v }) with { OnPaper = true, Material = true, Help = "The score before any controls." },
        ScoreField("current", "Current", r => r.Current, (r, v) => r with { Current = v }) with
        {
            OnPaper = true, Material = true, Required = Requirement.Strategic, Asks = "its impact and likelihood, each 1-5", Help = "The score now, with the controls in place.",
        },
        ScoreField("target", "Target", r => r.Target, (r, v) => r with { Target = v }) with { OnPaper = true, Material = true, Help = "The score the risk is managed towards." },
        Date<Risk>("target_date", "target_date", "target date", "Target date", r => r.TargetDate, (r, v) => r with { TargetDate = v }) with
        {
            OnPaper = true, Condition = "needs a target score", Help = "When the target score should be reached.",
        },
        Choice<Risk, RiskResponse>("response", "response", "Response", r => r.Response, (r, v) => r with { Response = v }) with
        {
            OnPaper = true, Help = "How the risk is being handled.",
        },
        Long<Risk>("performance", "performance", "performance", "Performance", r => r.Performance, (r, v) => r with { Performance = v }) with
        {
            OnPaper = true, Help = "Performance against target, as the BAF reports it.",
        },
        Choice<Risk, Trajectory>("trajectory", "trajectory", "Trajectory", r => r.Trajectory, (r, v) => r with { Trajectory = v }) with
        {
            OnPaper = true, Help = "Whether the risk is on course to reach its target.",
        },
        Group<Risk, Acceptance>("tolerance_acceptance", "acceptance above tolerance", "Accepted above tolerance", r => r.ToleranceAcceptance, (r, v) => r with { ToleranceAcceptance = v }, () => new Acceptance(),
            a => a.Date is null && a.By is null && a.Reason is null,
            [
                Date<Acceptance>("date", "tolerance_acceptance.date", "date accepted", "Date accepted", a => a.Date, (a, v) => a with { Date = v }) with
                {
                    Help = "When the score above tolerance was accepted.",
                },
                Text<Acceptance>("by", "tolerance_acceptance.by", "accepted by", "Accepted by", a => a.By, (a, v) => a with { By = v }) with
                {
                    Help = "The board, committee or person that accepted it.",
                },
                Long<Acceptance>("reason", "tolerance_acceptance.reason", "reason accepted", "Reason accepted", a => a.Reason, (a, v) => a with { Reason = v }) with
                {
                    Help = "Why the score is accepted although it is above the objective's tolerance.",
                },
            ]) with { OnPaper = true, Help = "A recorded decision to accept the current score although it is above an objective's tolerance." },
        Items<Risk, Control>("controls", "control", "Controls", r => r.Controls, (r, v) => r with { Controls = v }, () => new Control(),
            [
                ItemId<Control>("controls", c => c.Id, (c, v) => c with { Id = v ?? "" }),
                ItemText<Control>("controls", "control", c => c.Text, (c, v) => c with { Text = v ?? "" }),
                Text<Control>("owner", "controls[].owner", "owner", "owner", c => c.Owner, (c, v) => c with { Owner = v }) with
                {
                    Type = FieldType.Person, Column = null, Help = "Who is responsible for the control.",
                },
                Choice<Control, Effectiveness>("effectiveness", "controls[].effectiveness", "effectiveness", "effectiveness", c => c.Effectiveness, (c, v) => c with { Effectiveness = v }) with
                {
                    Column = null, Help = "How well the control works.",
                },
            ]) with { OnPaper = true, Material = true, Help = "What is in place to manage the risk." },
        Items<Risk, Gap>("gaps", "gap", "Gaps", r => r.Gaps, (r, v) => r with { Gaps = v }, () => new Gap(),
            [
                ItemId<Gap>("gaps", g => g.Id, (g, v) => g with { Id = v ?? "" }),
                Choice<Gap, GapType>("type", "gaps[].type", "type", "type", g => g.Type, (g, v) => g with { Type = v }) with
                {
                    Required = Requirement.Always, Clearable = false, Column = null,
                    Help = "A gap in control (a control missing or not working) or in assurance (no evidence that a control works).",
                },
                ItemText<Gap>("gaps", "gap", g => g.Text, (g, v) => g with { Text = v ?? "" }),
            ]) with { OnPaper = true, Material = true, Help = "Where controls or assurances fall short." },
        Items<Risk, Assurance>("assurances", "assurance", "Assurances", r => r.Assurances, (r, v) => r with { Assurances = v }, () => new Assurance(),
            [
                ItemId<Assurance>("assurances", a => a.Id, (a, v) => a with { Id = v ?? "" }),
                ItemText<Assurance>("assurances", "assurance", a => a.Text, (a, v) => a with { Text = v ?? "" }),
                Number<Assurance>("line", "assurances[].line", "line of defence", "line of defence", 1, 3, a => a.Line, (a, v) => a with { Line = v }) with
                {
                    Column = null, Help = "1 first line (management), 2 second line (oversight), 3 third line (independent).",
                    Phrase = (v, _) => v switch
                    {
                        "1" => "1 first line (management)",
                        "2" => "2 second line (oversight)",
                        "3" => "3 third line (independent)",
                        _ => v,
                    },
                },
                Choice<Assurance, AssuranceSource>("source", "assurances[].source", "source", "source", a => a.Source, (a, v) => a with { Source = v }) with
                {
                    Column = null, Help = "Whether the evidence comes from inside the organisation or from an independent body.",
                },
                Choice<Assurance, AssuranceRating>("rating", "assurances[].rating", "rating", "rating", a => a.Rating, (a, v) => a with { Rating = v }) with
                {
                    Column = null, Help = "The assurance the report gives, as internal audit rates it.",
                },
                Choice<Assurance, AssuranceOutcome>("outcome", "assurances[].outcome", "outcome", "outcome", a => a.Outcome, (a, v) => a with { Outcome = v }) with
                {
                    Column = null, Help = "Whether the evidence is that the controls work.",
                },
                YesNo<Assurance>("key", "assurances[].key", "key assurance", "key assurance", a => a.Key, (a, v) => a with { Key = v }) with
                {
                    Help = "One of the key assurances the board sees in the summary.",
                },
                Date<Assurance>("date", "assurances[].date", "date", "date", a => a.Date, (a, v) => a with { Date = v }) with
                {
                    Column = null, Help = "The date of the report or evidence.",
                },
            ]) with { OnPaper = true, Material = true, Help = "The evidence that the controls work." },
        Items<Risk, RiskAction>("actions", "action", "Actions", r => r.Actions, (r, v) => r with { Actions = v }, () => new RiskAction(),
            [
                ItemId<RiskAction>("actions", a => a.Id, (a, v) => a with { Id = v ?? "" }),
                ItemText<RiskAction>("actions", "action", a => a.Text, (a, v) => a with { Text = v ?? "" }),
                Text<RiskAction>("owner", "actions[].owner", "owner", "owner", a => a.Owner, (a, v) => a with { Owner = v }) with
                {
                    Type = FieldType.Person, Column = null, Help = "Who is to do it.",
                },
                Date<RiskAction>("due", "actions[].due", "due", "due", a => a.Due, (a, v) => a with { Due = v }) with
                {
                    Column = null, Help = "Blank when the action has no date: the paper then says \"No date\".",
                },
                Choice<RiskAction, ActionStatus>("status", "actions[].status", "status", "status", a => a.Status, ActionStatus) with
                {
                    Required = Requirement.Always, Clearable = false, Column = null, Help = "How the action stands.",

                    // With no completed date (as an action being read has none yet: it comes after), the set puts the status in and does nothing else.
                    Assign = When<RiskAction>(a => a.Completed is null, InPlaceValue<RiskAction, ActionStatus>("(a, v) => a with { Status = v }", ChoiceOf<ActionStatus>)),
                },
                Date<RiskAction>("completed", "actions[].completed", "completed", "completed", a => a.Completed, (a, v) => a with { Completed = v }) with
                {
                    Column = null, Condition = "when the action is complete", Help = "The date a complete action was done.",
                },
                Long<RiskAction>("update", "actions[].update", "update", "update", a => a.Update, (a, v) => a with { Update = v }) with
                {
                    Column = null, Wording = Wording.ProseShowingNew, Help = "The latest update on progress.",
                },
                Text<RiskAction>("gap", "actions[].gap", "gap", "gap", a => a.Gap, (a, v) => a with { Gap = v }) with
                {
                    Column = null, Help = "The id of the gap the action is to close, such as G2 (blank if it is for no one gap).",
                },
            ]) with { OnPaper = true, Material = true, Help = "The next steps, each with an owner and, where one is set, a due date." },
        Group<Risk, Review>("last_reviewed", "last review", "Review", r => r.LastReviewed, (r, v) => r with { LastReviewed = v }, () => new Review(default, ""),
            _ => false,
            [
                Date<Review>("date", "last_reviewed.date", "last reviewed", "Last reviewed", r => r.Date == default ? null : r.Date, (r, v) => r with { Date = v ?? default }) with
                {
                    Required = Requirement.Always, Starts = true, Asks = "the date of the review (YYYY-MM-DD)", Help = "When the risk was last reviewed.",
                },
                Text<Review>("by", "last_reviewed.by", "reviewed by", "Reviewed by", r => r.By.Length == 0 ? null : r.By, (r, v) => r with { By = v ?? "" }) with
                {
                    Type = FieldType.Person, Required = Requirement.Always, Help = "Who reviewed it.",
                },
            ]) with { OnPaper = true },
        Date<Risk>("next_review", "next_review", "next review", "Next review", r => r.NextReview, (r, v) => r with { NextReview = v }) with
        {
            OnPaper = true, Help = "When the risk is next to be reviewed.",
        },
        Group<Risk, SignOff>("sign_off", "sign-off", "Sign-off", r => r.SignOff, (r, v) => r with { SignOff = v }, () => new SignOff(),
            s => s.By.Length == 0 && s.Date is null && s.Version.Length == 0 && s.Note is null,
            [
                Text<SignOff>("by", "sign_off.by", "signed off by", "Signed off by", s => s.By.Length == 0 ? null : s.By, (s, v) => s with { By = v ?? "" }) with
                {
                    Type = FieldType.Person, Required = Requirement.Always, Column = null, Help = "The executive who signed the risk off: made by risks signoff, or the key on the risk screen.",
                },
                Date<SignOff>("date", "sign_off.date", "signed off on", "Signed off on", s => s.Date, (s, v) => s with { Date = v }) with
                {
                    Required = Requirement.Always, Column = null, Help = "The day it was signed off.",
                },
                Text<SignOff>("version", "sign_off.version", "version signed", "Version signed", s => s.Version.Length == 0 ? null : s.Version, (s, v) => s with { Version = v ?? "" }) with
                {
                    Required = Requirement.Always, Column = null, Help = "The Git blob id of the risk's file as signed: a later change to its scores, controls, gaps, assurances or actions makes the sign-off lapse.",
                },
                Long<SignOff>("note", "sign_off.note", "sign-off note", "Sign-off note", s => s.Note, (s, v) => s with { Note = v }) with
                {
                    Column = null, Help = "What the executive said in signing it off.",
                },
            ]) with { Help = "The executive's sign-off of the risk for the board, bound to the version signed: made by risks signoff or the risk screen's key, not typed, and not in spreadsheets." },
        CustomGroup([]),
    ];

    /// <summary>The group of the register's own fields: every key a risk holds is read and written, declared or not.</summary>
    private static Field CustomGroup(IReadOnlyList<Field> parts) => new()
    {
        Key = CustomKey,
        Path = CustomKey,
        Label = "the register's own fields",
        Caption = "Register's own fields",
        Type = FieldType.Group,
        Wording = Wording.Parts,
        Help = "Fields the register declares for itself in register.yaml.",
        Parts = parts,
        Get = o => ((Risk)o).Custom,
        Set = (o, v) => (Risk)o with { Custom = (IReadOnlyDictionary<string, CustomValue>?)v ?? new Dictionary<string, CustomValue>(StringComparer.Ordinal) },
        Create = () => new Dictionary<string, CustomValue>(StringComparer.Ordinal),
        IsEmpty = o => CustomOf(o).Count == 0,
    };

    private static IReadOnlyDictionary<string, CustomValue> CustomOf(object owner) => (IReadOnlyDictionary<string, CustomValue>)owner;

    private static IReadOnlyDictionary<string, CustomValue> WithCustom(IReadOnlyDictionary<string, CustomValue> values, string key, object? value)
    {
        var changed = new Dictionary<string, CustomValue>(values, StringComparer.Ordinal);
        switch (value)
        {
            case null:
            case string { Length: 0 }:
            case IReadOnlyList<string> { Count: 0 }:
                changed.Remove(key);
                break;
            case string text:
                changed[key] = CustomValue.Of(text);
                break;
            case IReadOnlyList<string> list:
                changed[key] = CustomValue.Of(list);
                break;
            default:
                throw new ArgumentException($"a value of {value.GetType().Name} is not a value of a field of the register's own", nameof(value));
        }

        return changed;
    }

    /// <summary>Setting the status back to open takes away a closure with nothing in it.</summary>
    private static Risk Status(Risk risk, RiskStatus status) =>
        status == RiskStatus.Open && risk.Closure is { Date: null, Rationale: null, MergedInto: null }
            ? risk with { Status = status, Closure = null }
            : risk with { Status = status };

    /// <summary>Marking an action complete leaves its completed date for the person to fill in; leaving complete clears it.</summary>
    private static RiskAction ActionStatus(RiskAction action, ActionStatus? status) =>
        status == Domain.ActionStatus.Complete ? action with { Status = status } : action with { Status = status, Completed = null };

    private static string Caption(string label) => label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];

    private static Field Text<[DynamicallyAccessedMembers(SetProperties)] T>(string key, string label, string caption, Func<T, string?> get, Func<T, string?, T> set, [CallerArgumentExpression(nameof(set))] string setCode = "") =>
        Text(key, key, label, caption, get, set, setCode);

    private static Field Text<[DynamicallyAccessedMembers(SetProperties)] T>(string key, string path, string label, string caption, Func<T, string?> get, Func<T, string?, T> set, [CallerArgumentExpression(nameof(set))] string setCode = "") => new()
    {
        Key = key,
        Path = path,
        Label = label,
        Caption = caption,
        Type = FieldType.Text,
        Column = path,
        Get = o => NullIfEmpty(get((T)o)),
        Set = (o, v) => set((T)o, (string?)v)!,
        Assign = InPlace<T, string?>(setCode, v => (string?)v),
    };

    private static Field Long<[DynamicallyAccessedMembers(SetProperties)] T>(string key, string path, string label, string caption, Func<T, string?> get, Func<T, string?, T> set, [CallerArgumentExpression(nameof(set))] string setCode = "") =>
        Text(key, path, label, caption, get, set, setCode) with { Type = FieldType.LongText, Wording = Wording.Prose };

    private static Field Texts<[DynamicallyAccessedMembers(SetProperties)] T>(string key, string label, string caption, string entry, Func<T, IReadOnlyList<string>> get, Func<T, IReadOnlyList<string>, T> set, [CallerArgumentExpression(nameof(set))] string setCode = "") => new()
    {
        Key = key,
        Path = key,
        Label = label,
        Caption = caption,
        Type = FieldType.Text,
        IsList = true,
        EntryNoun = entry,
        Wording = Wording.Entries,
        Column = key,
        Get = o => get((T)o),
        Set = (o, v) => set((T)o, (IReadOnlyList<string>?)v ?? [])!,
        Assign = InPlace<T, IReadOnlyList<string>>(setCode, v => (IReadOnlyList<string>?)v ?? []),
    };

    private static Field Date<[DynamicallyAccessedMembers(SetProperties)] T>(string key, string path, string label, string caption, Func<T, DateOnly?> get, Func<T, DateOnly?, T> set, [CallerArgumentExpression(nameof(set))] string setCode = "") => new()
    {
        Key = key,
        Path = path,
        Label = label,
        Caption = caption,
        Type = FieldType.Date,
        Column = path,
        Get = o => get((T)o) is { } d ? FieldValues.Iso(d) : null,
        Set = (o, v) => set((T)o, DateOf(v))!,
        Assign = InPlaceValue<T, DateOnly>(setCode, DateOf),
    };

    private static DateOnly? DateOf(object? value) => value switch { string s => FieldValues.ParseIso(s), DateOnly d => d, _ => null };

    private static Field Number<[DynamicallyAccessedMembers(SetProperties)] T>(string key, string path, string label, string caption, int min, int max, Func<T, int?> get, Func<T, int?, T> set, [CallerArgumentExpression(nameof(set))] string setCode = "") => new()
    {
        Key = key,
        Path = path,
        Label = label,
        Caption = caption,
        Type = FieldType.Number,
        Min = min,
        Max = max,
        Column = path,
        Get = o => get((T)o) is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        Set = (o, v) => set((T)o, NumberOf(v))!,
        Assign = InPlaceValue<T, int>(setCode, NumberOf),
    };

    private static int? NumberOf(object? value) => value switch { string s => int.Parse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture), int n => n, _ => null };

    private static Field YesNo<[DynamicallyAccessedMembers(SetProperties)] T>(string key, string path, string label, string caption, Func<T, bool> get, Func<T, bool, T> set, [CallerArgumentExpression(nameof(set))] string setCode = "") => new()
    {
        Key = key,
        Path = path,
        Label = label,
        Caption = caption,
        Type = FieldType.YesNo,
        Clearable = false,
        Get = o => get((T)o) ? "true" : null,
        Set = (o, v) => set((T)o, v is "true")!,
        Assign = InPlace<T, bool>(setCode, v => v is "true"),
    };

    private static Field Choice<[DynamicallyAccessedMembers(SetProperties)] T, TEnum>(string key, string label, string caption, Func<T, TEnum?> get, Func<T, TEnum?, T> set, [CallerArgumentExpression(nameof(set))] string setCode = "")
        where TEnum : struct, Enum => Choice(key, key, label, caption, get, set, setCode);

    private static Field Choice<[DynamicallyAccessedMembers(SetProperties)] T, TEnum>(string key, string label, string caption, Func<T, TEnum> get, Func<T, TEnum?, T> set, [CallerArgumentExpression(nameof(set))] string setCode = "")
        where TEnum : struct, Enum => Choice<T, TEnum>(key, key, label, caption, r => get(r), set, setCode);

    private static Field Choice<[DynamicallyAccessedMembers(SetProperties)] T, TEnum>(string key, string path, string label, string caption, Func<T, TEnum?> get, Func<T, TEnum?, T> set, [CallerArgumentExpression(nameof(set))] string setCode = "")
        where TEnum : struct, Enum => new()
        {
            Key = key,
            Path = path,
            Label = label,
            Caption = caption,
            Type = FieldType.Choice,
            Words = Vocabulary.Words<TEnum>(),
            Column = path,
            Get = o => get((T)o) is { } v ? Vocabulary.Word(v) : null,
            Set = (o, v) => set((T)o, ChoiceOf<TEnum>(v))!,
            Assign = InPlaceValue<T, TEnum>(setCode, ChoiceOf<TEnum>),
        };

    private static TEnum? ChoiceOf<TEnum>(object? value)
        where TEnum : struct, Enum => value is string s && Vocabulary.TryParse<TEnum>(s, out var parsed) ? parsed : null;

    private static Field Group<[DynamicallyAccessedMembers(SetProperties)] T, TPart>(string key, string label, string caption, Func<T, TPart?> get, Func<T, TPart?, T> set, Func<TPart> create, Func<TPart, bool> isEmpty, IReadOnlyList<Field> parts, [CallerArgumentExpression(nameof(set))] string setCode = "")
        where TPart : class => new()
        {
            Key = key,
            Path = key,
            Label = label,
            Caption = caption,
            Type = FieldType.Group,
            Wording = Wording.Parts,
            Parts = parts,
            Get = o => get((T)o),
            Set = (o, v) => set((T)o, (TPart?)v)!,
            Assign = InPlace<T, TPart?>(setCode, v => (TPart?)v),
            Create = () => create(),
            IsEmpty = o => isEmpty((TPart)o),
        };

    private static Field ScoreField(string key, string caption, Func<Risk, Score?> get, Func<Risk, Score?, Risk> set, [CallerArgumentExpression(nameof(set))] string setCode = "") => new()
    {
        Key = key,
        Path = key,
        Label = $"{key} score",
        Caption = $"{caption} score",
        Type = FieldType.Score,
        Wording = Wording.Parts,
        Parts =
        [
            Number<Score>("impact", $"{key}.impact", $"{key} impact", "impact", 1, 5, s => s.Impact == 0 ? null : s.Impact, (s, v) => s with { Impact = v ?? 0 }) with
            {
                Required = Requirement.Always, Words = Scale, Starts = true, Help = "How bad it would be, 1-5, in the register's scoring words (4 Major).",
                Phrase = (v, settings) => int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? (settings?.Scoring ?? ScoringMatrix.Default).DescribeImpact(n) : v,
            },
            Number<Score>("likelihood", $"{key}.likelihood", $"{key} likelihood", "likelihood", 1, 5, s => s.Likelihood == 0 ? null : s.Likelihood, (s, v) => s with { Likelihood = v ?? 0 }) with
            {
                Required = Requirement.Always, Words = Scale, Starts = true, Help = "How likely it is, 1-5, in the register's scoring words (4 Likely).",
                Phrase = (v, settings) => int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? (settings?.Scoring ?? ScoringMatrix.Default).DescribeLikelihood(n) : v,
            },
            Text<Score>("rationale", $"{key}.rationale", $"{key} score rationale", "rationale", s => s.Rationale, (s, v) => s with { Rationale = v }) with
            {
                Wording = Wording.Prose, Help = "Why the score is what it is.",
            },
        ],
        Get = o => get((Risk)o),
        Set = (o, v) => set((Risk)o, (Score?)v),
        Assign = InPlace<Risk, Score?>(setCode, v => (Score?)v),
        Create = () => new Score(0, 0),
        IsEmpty = _ => false,
    };

    private static Field Items<[DynamicallyAccessedMembers(SetProperties)] T, TItem>(string key, string noun, string caption, Func<T, IReadOnlyList<TItem>> get, Func<T, IReadOnlyList<TItem>, T> set, Func<TItem> create, IReadOnlyList<Field> parts, [CallerArgumentExpression(nameof(set))] string setCode = "")
        where TItem : class => new()
        {
            Key = key,
            Path = key,
            Label = key,
            Caption = caption,
            Type = FieldType.Items,
            ItemNoun = noun,
            Wording = Wording.Parts,
            Column = key,
            Parts = parts,
            Get = o => get((T)o),
            Set = (o, v) => set((T)o, ItemsOf<TItem>(v))!,
            Assign = InPlace<T, IReadOnlyList<TItem>>(setCode, ItemsOf<TItem>),
            Create = () => create(),
        };

    private static Field ItemId<[DynamicallyAccessedMembers(SetProperties)] T>(string list, Func<T, string> get, Func<T, string?, T> set, [CallerArgumentExpression(nameof(set))] string setCode = "") =>
        Text("id", $"{list}[].id", "id", "id", get, set, setCode) with
        {
            Type = FieldType.ItemId, Required = Requirement.Always, Clearable = false, Column = null,
            Help = $"The item's id, {ItemIds.Letters[list]} and a number, given when it is added and kept.",
        };

    private static Field ItemText<[DynamicallyAccessedMembers(SetProperties)] T>(string list, string noun, Func<T, string> get, Func<T, string?, T> set, [CallerArgumentExpression(nameof(set))] string setCode = "") =>
        Long("text", $"{list}[].text", "text", "text", get, set, setCode) with
        {
            Required = Requirement.Always, Clearable = false, Column = null, Help = $"The {noun} in words.",
        };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static List<TItem> ItemsOf<TItem>(object? value)
    {
        var items = (IReadOnlyList<object>?)value ?? [];
        var list = new List<TItem>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            list.Add((TItem)items[i]);
        }

        return list;
    }

    /// <summary>What <see cref="InPlace"/> looks up on the type a field is declared on, kept when the program is compiled ahead of time.</summary>
    private const DynamicallyAccessedMemberTypes SetProperties = DynamicallyAccessedMemberTypes.PublicProperties;

    /// <summary>
    /// A field's <see cref="Field.Assign"/>: when its declared <c>set</c> only puts the value in
    /// one property (<c>(r, v) =&gt; r with { Title = v }</c>, as the compiler hands over its
    /// text), that property's own setter, called on the record itself; otherwise null, and readers
    /// use <see cref="Field.Set"/>. A reader building a risk so sets each field once instead of
    /// copying the whole record for every field.
    /// </summary>
    private static Func<object, object?, bool>? InPlace<[DynamicallyAccessedMembers(SetProperties)] T, TValue>(string setCode, Func<object?, TValue> convert)
    {
        if (Plain<T>(setCode) is not var (property, fallback) || property.PropertyType != typeof(TValue))
        {
            return null;
        }

        var assign = property.SetMethod!.CreateDelegate<Action<T, TValue>>();
        if (fallback is null)
        {
            return (owner, value) =>
            {
                assign((T)owner, convert(value));
                return true;
            };
        }

        if (fallback == "\"\"" && typeof(TValue) == typeof(string))
        {
            // (r, v) => r with { Title = v ?? "" }: a text that is never null.
            return (owner, value) =>
            {
                assign((T)owner, convert(value) ?? (TValue)(object)"");
                return true;
            };
        }

        // (r, v) => r with { Narrative = v ?? new Narrative() }: a value is put in as it is; none is left to the set, which makes the default.
        return (owner, value) =>
        {
            if (convert(value) is not { } converted)
            {
                return false;
            }

            assign((T)owner, converted);
            return true;
        };
    }

    /// <summary>As <see cref="InPlace"/>, for a value that may be missing (a number, a date, a choice) in a property that either may be missing too or that the set gives a default (<c>v ?? 0</c>).</summary>
    private static Func<object, object?, bool>? InPlaceValue<[DynamicallyAccessedMembers(SetProperties)] T, TValue>(string setCode, Func<object?, TValue?> convert)
        where TValue : struct
    {
        if (Plain<T>(setCode) is not var (property, fallback))
        {
            return null;
        }

        if (fallback is null)
        {
            return property.PropertyType == typeof(TValue?) ? InPlace<T, TValue?>(setCode, convert) : null;
        }

        if (property.PropertyType != typeof(TValue))
        {
            return null;
        }

        var assign = property.SetMethod!.CreateDelegate<Action<T, TValue>>();
        return (owner, value) =>
        {
            if (convert(value) is not { } converted)
            {
                return false;
            }

            assign((T)owner, converted);
            return true;
        };
    }

    /// <summary>Sets in place only while the owner is as <paramref name="condition"/> asks (otherwise the field's set, which does more, is used).</summary>
    private static Func<object, object?, bool>? When<T>(Func<T, bool> condition, Func<object, object?, bool>? assign) =>
        assign is null ? null : (owner, value) => condition((T)owner) && assign(owner, value);

    /// <summary>The property a set puts its value in, and the default it gives when there is none (<c>""</c>, <c>0</c>, <c>new Narrative()</c>), when the set does nothing else.</summary>
    private static (System.Reflection.PropertyInfo Property, string? Fallback)? Plain<[DynamicallyAccessedMembers(SetProperties)] T>(string setCode)
    {
        var plain = PlainSet().Match(setCode);
        return plain.Success && typeof(T).GetProperty(plain.Groups["property"].Value) is { SetMethod: not null } property
            ? (property, plain.Groups["default"].Success ? plain.Groups["default"].Value : null)
            : null;
    }

    [GeneratedRegex(@"\A\(\s*(?<owner>\w+)\s*,\s*(?<value>\w+)\s*\)\s*=>\s*\k<owner>\s+with\s*\{\s*(?<property>\w+)\s*=\s*\k<value>(\s*\?\?\s*(?<default>""""|[\w.]+|new\s+\w+\(\)))?\s*\}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainSet();
}
