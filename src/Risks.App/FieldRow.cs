using Risks.Core.Domain;

namespace Risks.App;

/// <summary>How a field is edited.</summary>
public enum FieldKind
{
    /// <summary>A section heading, such as "Actions": not a value.</summary>
    Heading,

    /// <summary>A derived line, such as a score's total and band: read only.</summary>
    Summary,

    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Several lines of text.</summary>
    LongText,

    /// <summary>A list of short texts, one per line.</summary>
    Lines,

    /// <summary>One of <see cref="FieldRow.Choices"/>.</summary>
    Choice,

    /// <summary>Any of <see cref="FieldRow.Choices"/>.</summary>
    MultiChoice,

    /// <summary>A date, typed as 30 Jun 2025, 30/06/2025 or 2025-06-30.</summary>
    Date,
}

/// <summary>A value a choice field can take, with how it reads: <c>4</c> as <c>4 Major</c>.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>
/// One line of the risk screen: a field's label and value as shown, and how to edit it.
/// <see cref="Path"/> is the field's path in the file (<c>actions[2].due</c>), the same path
/// <c>risks check</c> names in its messages.
/// </summary>
public sealed record FieldRow(string Path, string Label, string Value, FieldKind Kind)
{
    /// <summary>The field's one name in full, as messages, commits and comparisons give it: "action A3 due" for the row labelled "due" under A3.</summary>
    public string FullLabel { get; init; } = "";

    /// <summary>The value the editor starts with (for lists and multiple choices, one per line).</summary>
    public string Raw { get; init; } = "";

    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>The list the row belongs to (<c>actions</c>), for adding, removing and moving items.</summary>
    public string? List { get; init; }

    /// <summary>The index of the item in <see cref="List"/>, or null for the list's heading.</summary>
    public int? Item { get; init; }

    /// <summary>The key of the item in <see cref="List"/> where items have one (an objective's id, a person's login).</summary>
    public string? ItemKey { get; init; }

    /// <summary>0 for a field, 1 for a field of an item or of a score.</summary>
    public int Depth { get; init; }

    /// <summary>What is wrong with the value, in <c>risks check</c>'s words.</summary>
    public IReadOnlyList<string> Issues { get; init; } = [];

    /// <summary>The BAF rules the risk breaks at this field, in <c>risks check --baf</c>'s words: shown, but no bar to saving.</summary>
    public IReadOnlyList<string> Breaches { get; init; } = [];

    public bool IsEditable => Kind is not (FieldKind.Heading or FieldKind.Summary);

    /// <summary>A blank value clears the field.</summary>
    public bool CanClear { get; init; } = true;

    /// <summary>For a choice with nothing to choose from: what to add, and where.</summary>
    public string NoChoices { get; init; } = "There is nothing to choose from yet.";

    /// <summary>Help for the editor: what the field is for and what it takes.</summary>
    public string Help { get; init; } = "";

    /// <summary>A choice of the register's words for <typeparamref name="T"/>, each shown once as a phrase ("partially effective"), with "(none)" first when it may be cleared.</summary>
    public static FieldRow Pick<T>(string path, string label, T? value, bool clearable = true) where T : struct, Enum
    {
        var choices = Vocabulary.Words<T>().Select(w => new Choice(w, w.Replace('_', ' '))).ToList();
        if (clearable)
        {
            choices.Insert(0, new Choice("", "(none)"));
        }

        var word = value is { } v ? Vocabulary.Word(v) : "";
        return new FieldRow(path, label, word.Replace('_', ' '), FieldKind.Choice) { Raw = word, Choices = choices, CanClear = clearable };
    }
}
