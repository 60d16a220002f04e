namespace Risks.Core.Schema;

/// <summary>What a field holds, which decides how it is read, written, checked, edited and shown.</summary>
public enum FieldType
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Text of several lines.</summary>
    LongText,

    /// <summary>A date, YYYY-MM-DD in the file.</summary>
    Date,

    /// <summary>A whole number within <see cref="Field.Min"/> and <see cref="Field.Max"/> (a register's own number field may have a fraction).</summary>
    Number,

    /// <summary>One of <see cref="Field.Words"/> (or, with <see cref="ChoiceSource.Categories"/>, of the register's categories).</summary>
    Choice,

    /// <summary>Yes or no: <c>true</c> in the file, nothing for no.</summary>
    YesNo,

    /// <summary>A person's login, one of the register's people.</summary>
    Person,

    /// <summary>A strategic objective's id.</summary>
    Objective,

    /// <summary>The id of a risk.</summary>
    RiskId,

    /// <summary>The id of an item in its list (<c>A3</c>).</summary>
    ItemId,

    /// <summary>An impact x likelihood assessment: a group of impact, likelihood and rationale, shown with its band.</summary>
    Score,

    /// <summary>A group of fields under one key (the narrative, the closure, the last review).</summary>
    Group,

    /// <summary>A list of items, each a group of fields with an id (controls, gaps, assurances, actions).</summary>
    Items,
}

/// <summary>Which risks must give a field.</summary>
public enum Requirement
{
    Optional,
    Always,
    Strategic,
    Operational,
}

/// <summary>How a change of a field is worded in comparisons, history and commits.</summary>
public enum Wording
{
    /// <summary>"owner Jo Bloggs -> Sam Smith".</summary>
    Value,

    /// <summary>A one-line text: "title changed", with both versions.</summary>
    Line,

    /// <summary>Prose: word by word.</summary>
    Prose,

    /// <summary>Prose whose new text is itself the news, such as an action's update.</summary>
    ProseShowingNew,

    /// <summary>A list: each entry added or removed.</summary>
    Entries,

    /// <summary>A group or list of items: by its parts.</summary>
    Parts,
}

/// <summary>Where a choice's values come from when they are not fixed words.</summary>
public enum ChoiceSource
{
    /// <summary>The field's own <see cref="Field.Words"/>.</summary>
    Words,

    /// <summary>The register's categories; any text when it has none.</summary>
    Categories,
}

/// <summary>
/// One field of a risk, or of a group or item within it, declared once: its key and place in the
/// file, its names, its type, when it is required, how a change is worded, its spreadsheet column,
/// and how to get and set its value. Every reader, writer, editor, check, comparison, spreadsheet
/// and paper takes its fields from here.
/// </summary>
/// <remarks>
/// Values are passed as the file holds them: a field of one value as its text (<c>string?</c>,
/// a date as YYYY-MM-DD, a choice as its word, yes as <c>true</c>), a list as
/// <c>IReadOnlyList&lt;string&gt;</c>, a group or score as its record (or null), a list of items
/// as <c>IReadOnlyList&lt;object&gt;</c>.
/// </remarks>
public sealed record Field
{
    /// <summary>The key in the file: <c>likelihood</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The path, with <c>[]</c> for any item: <c>current.likelihood</c>, <c>actions[].due</c>, <c>custom.cqc_domain</c>.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// The field's one name in the board's words, as messages, commits and comparisons give it:
    /// "current likelihood". For a part of an item it is the part's name ("due"), which
    /// <see cref="Domain.FieldNames"/> puts after the item's ("action A3 due").
    /// </summary>
    public required string Label { get; init; }

    /// <summary>The field's name as its row on the risk screen shows it, under its heading or item: "Cause", "due".</summary>
    public required string Caption { get; init; }

    /// <summary>What the field is for and what it takes.</summary>
    public string Help { get; init; } = "";

    public required FieldType Type { get; init; }

    /// <summary>A list of values of <see cref="Type"/>, one per line when typed.</summary>
    public bool IsList { get; init; }

    /// <summary>One of a list's entries, by its place: "lead" (so "lead 2").</summary>
    public string? EntryNoun { get; init; }

    /// <summary>One of a list of items: "action" (so "action A3").</summary>
    public string? ItemNoun { get; init; }

    public int? Min { get; init; }

    public int? Max { get; init; }

    /// <summary>The words a choice takes, as the file writes them (<c>partially_effective</c>).</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    public ChoiceSource Choices { get; init; }

    public Requirement Required { get; init; }

    /// <summary>A rule of the register's checks that makes the field required, or bounds it, in words: "when closed or merged".</summary>
    public string? Condition { get; init; }

    /// <summary>Whether a blank clears the field (false for a field that always has a value, such as kind).</summary>
    public bool Clearable { get; init; } = true;

    public Wording Wording { get; init; }

    /// <summary>The spreadsheet column that holds the field, or null when it has none of its own (a part of a list of items, kept in its list's cell).</summary>
    public string? Column { get; init; }

    /// <summary>The fields of a group, score or item, in the file's key order.</summary>
    public IReadOnlyList<Field> Parts { get; init; } = [];

    /// <summary>One of the register's own fields, declared in <c>register.yaml</c>.</summary>
    public bool IsCustom { get; init; }

    /// <summary>
    /// Shown on the board paper. The paper places most of the built-in fields itself
    /// (<see cref="Papers.PaperFields.Placed"/>); any other field of one value or list marked so,
    /// built-in or the register's own, follows its fixed rows under its caption.
    /// </summary>
    public bool OnPaper { get; init; }

    /// <summary>A change to it makes a sign-off lapse (scores, controls, gaps, assurances, actions).</summary>
    public bool Material { get; init; }

    /// <summary>A retired field of the register's own: shown where it has a value, not offered where it has none.</summary>
    public bool Retired { get; init; }

    /// <summary>
    /// A part that brings its group into being when set, and takes it away when cleared (a score's
    /// impact and likelihood, a review's date). A group that has such parts cannot be started by its others.
    /// </summary>
    public bool Starts { get; init; }

    /// <summary>What a missing value is asked for: "a whole number 1-5", "at least one strategic objective"; by default the field's rule.</summary>
    public string? Asks { get; init; }

    /// <summary>Where a value the field does not take belongs instead, said with the error: "put references to other systems in external_refs".</summary>
    public string? Elsewhere { get; init; }

    /// <summary>How a value reads in a pick list, where the value alone says too little: <c>4</c> as <c>4 Major</c> (the register's scoring words).</summary>
    public Func<string, Domain.RegisterSettings?, string>? Phrase { get; init; }

    /// <summary>The field's value on its owner (the risk, or the group or item it is part of).</summary>
    public required Func<object, object?> Get { get; init; }

    /// <summary>
    /// The owner with the field set to a value, already checked (see <see cref="FieldValues"/>). A
    /// built-in date or whole number also takes its value as a <see cref="DateOnly"/> or an
    /// <see cref="int"/>, so a file's reader, which has it so already, need not write it out and read it again.
    /// </summary>
    public required Func<object, object?, object> Set { get; init; }

    /// <summary>
    /// Puts a value (as <see cref="Set"/> takes it) into the owner itself, for a reader building a
    /// record it has just made with <see cref="Create"/> (or a new risk) that nothing else has seen:
    /// one property set, instead of the whole record copied. False when it did not (a value the set
    /// puts in only after giving it a default: the reader then uses <see cref="Set"/>); null where
    /// the field's set does more than put the value in one property.
    /// </summary>
    public Func<object, object?, bool>? Assign { get; init; }

    /// <summary>
    /// The owner with the field set, for a reader building a record that nothing else has seen
    /// yet: set in place where the field allows it (<see cref="Assign"/>), otherwise a copy (<see cref="Set"/>).
    /// </summary>
    public object SetOnNew(object owner, object? value)
    {
        return Assign is { } assign && assign(owner, value) ? owner : Set(owner, value);
    }

    /// <summary>A new, empty group or item, for a field of <see cref="FieldType.Group"/>, <see cref="FieldType.Score"/> or <see cref="FieldType.Items"/>.</summary>
    public Func<object>? Create { get; init; }

    /// <summary>Whether a group is empty and so left out (a closure with nothing in it).</summary>
    public Func<object, bool>? IsEmpty { get; init; }

    public bool IsGroup => Type is FieldType.Group or FieldType.Score;

    /// <summary>
    /// Prose: a narrative, an item's text, an update, a score's rationale. Never a column, a score,
    /// a date, a person or a link, so what is worked out for a list of risks (facts, filters,
    /// cross-checks) never reads it.
    /// </summary>
    public bool IsProse => Wording is Wording.Prose or Wording.ProseShowingNew;

    public bool HasParts => IsGroup || Type == FieldType.Items;

    public Field? Part(string key) => Parts.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));

    /// <summary>Whether a risk of <paramref name="kind"/> must give the field.</summary>
    public bool IsRequiredFor(Domain.RiskKind kind) => Required switch
    {
        Requirement.Always => true,
        Requirement.Strategic => kind == Domain.RiskKind.Strategic,
        Requirement.Operational => kind == Domain.RiskKind.Operational,
        _ => false,
    };

    /// <summary>The value of a field of one value, as the file holds it.</summary>
    public string? Text(object owner) => (string?)Get(owner);

    /// <summary>The values of a list.</summary>
    public IReadOnlyList<string> List(object owner) => (IReadOnlyList<string>?)Get(owner) ?? [];

    /// <summary>The items of a list of items.</summary>
    public IReadOnlyList<object> ItemsOf(object owner) => (IReadOnlyList<object>?)Get(owner) ?? [];

    public override string ToString() => Path;
}
