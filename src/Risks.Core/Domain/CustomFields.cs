namespace Risks.Core.Domain;

/// <summary>The kinds of value a register's own field can hold.</summary>
public enum CustomFieldType
{
    Text,
    LongText,
    Date,
    Number,
    Choice,
    Person,
    List,
}

/// <summary>Which risks must give a value for a register's own field.</summary>
public enum RequiredFor
{
    Strategic,
    Operational,
    All,
}

/// <summary>
/// A field an organisation adds to its risks, declared in <c>register.yaml</c>: a CQC domain, a
/// risk source, a date identified. Risks keep its value under <c>custom:</c> by <see cref="Key"/>.
/// </summary>
public sealed record CustomField
{
    /// <summary>The key under <c>custom:</c> in a risk file: lower case, digits and underscores.</summary>
    public string Key { get; init; } = "";

    public string Label { get; init; } = "";

    public CustomFieldType Type { get; init; }

    /// <summary>The values allowed for a choice.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Which risks must give a value; null when none must.</summary>
    public RequiredFor? RequiredFor { get; init; }

    public string? Help { get; init; }

    /// <summary>Shown on the board paper with each risk's fields.</summary>
    public bool OnPaper { get; init; }

    /// <summary>No longer asked for: kept on the risks that have a value, and in their history, but not offered for new ones.</summary>
    public bool Retired { get; init; }
}

/// <summary>
/// The value of a register's own field on one risk, as the file holds it: one text (a date as
/// YYYY-MM-DD, a number as written), or a list of texts. Kept as written, even when its
/// declaration no longer allows it, so nothing is lost.
/// </summary>
public sealed record CustomValue
{
    private CustomValue(string? text, IReadOnlyList<string>? items)
    {
        Text = text;
        Items = items;
    }

    /// <summary>The value, for a field of one value.</summary>
    public string? Text { get; }

    /// <summary>The values, for a list.</summary>
    public IReadOnlyList<string>? Items { get; }

    public bool IsList => Items is not null;

    public static CustomValue Of(string text) => new(text, null);

    public static CustomValue Of(IReadOnlyList<string> items) => new(null, items);

    public bool Equals(CustomValue? other) =>
        other is not null && Text == other.Text && (Items is null ? other.Items is null : other.Items is not null && Items.SequenceEqual(other.Items));

    public override int GetHashCode() => HashCode.Combine(Text, Items?.Count);

    public override string ToString() => Items is null ? Text ?? "" : string.Join("; ", Items);
}
