using Risks.Core.Domain;
using Risks.Core.Schema;

namespace Risks.Core.Exchange;

/// <summary>
/// How a spreadsheet's columns become risks: which column feeds each field, the words the
/// spreadsheet uses for scores, people and choices, and values for fields it has no column for.
/// <see cref="Export"/> is the map of the program's own export, whose columns are the fields.
/// </summary>
public sealed record ImportMap
{
    /// <summary>The column header that feeds each field, by the field's name (one of <see cref="Fields"/>).</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Values, as a cell would give them, for fields with no column in the file or an empty cell.</summary>
    public IReadOnlyDictionary<string, string> Defaults { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The spreadsheet's words for impact 1-5 ("Severe": 4), besides the numbers and register.yaml's descriptors.</summary>
    public IReadOnlyDictionary<string, int> ImpactWords { get; init; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The spreadsheet's words for likelihood 1-5 ("Almost certain": 5), besides the numbers and register.yaml's descriptors.</summary>
    public IReadOnlyDictionary<string, int> LikelihoodWords { get; init; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>People as the spreadsheet names them ("K Bonney"), each with their login; logins, names and emails of register.yaml's people need no entry.</summary>
    public IReadOnlyDictionary<string, string> People { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>For a field of choices (one of <see cref="ChoiceFields"/>), the spreadsheet's words, each with the register's word ("Live": "open").</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary>The prefix that turns a bare number in the id column into an id: with <c>CRR</c> and 3 digits, 18 is CRR-018.</summary>
    public string? IdPrefix { get; init; }

    /// <summary>How many digits a number made into an id has at least (leading zeros).</summary>
    public int IdDigits { get; init; } = 3;

    /// <summary>What separates the items of a plain list (key elements, leads, committees, ...) in one cell, besides line breaks, such as ";".</summary>
    public string? ListSeparator { get; init; }

    /// <summary>
    /// Whether this is <see cref="Export"/>: the file's columns must be the export's own, though
    /// any may be left out (a field whose column is missing keeps its value).
    /// </summary>
    public bool IsExport { get; private init; }

    /// <summary>The fields a column can feed, by their path in the file; <c>inherent</c>, <c>current</c> and <c>target</c> take a whole score in one cell ("Major / Likely", "4 x 3").</summary>
    public static IReadOnlyList<string> Fields { get; } = RiskCells.ColumnFields(null)
        .SelectMany(field => FirstOfScore(field) is { } score ? [score, field.Column!] : new[] { field.Column! })
        .ToList();

    /// <summary>The fields whose values are the register's words, with those words: the keys <see cref="Values"/> may have (<c>status</c>, <c>actions.status</c>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ChoiceFields { get; } = RiskSchema.Flatten(RiskSchema.BuiltIn)
        .Where(f => f.Type == FieldType.Choice && f.Choices == ChoiceSource.Words)
        .ToDictionary(f => f.Path.Replace("[]", "", StringComparison.Ordinal), f => f.Words, StringComparer.Ordinal);

    /// <summary>The map of the program's own export (<see cref="RiskCells.Columns"/>): each field's column is its name.</summary>
    public static ImportMap Export { get; } = new()
    {
        Columns = RiskCells.FieldColumns.ToDictionary(f => f, f => f, StringComparer.Ordinal),
        IsExport = true,
    };

    /// <summary>The map of the program's export of a register: as <see cref="Export"/>, with a column for each of the register's own fields (<c>custom.cqc_domain</c>).</summary>
    public static ImportMap ExportFor(RegisterSettings? settings) =>
        settings is null || settings.CustomFields.Count == 0
            ? Export
            : Export with { Columns = RiskCells.FieldColumnsFor(settings).ToDictionary(f => f, f => f, StringComparer.Ordinal) };

    /// <summary>The column that feeds <paramref name="path"/> (such as <c>actions[2].due</c>) or the field enclosing it, with that field; null when none does.</summary>
    public (string Column, string Field)? ColumnOf(string path)
    {
        for (var field = path; field.Length > 0; field = Validation.FieldPath.Parent(field))
        {
            if (Columns.TryGetValue(field, out var column))
            {
                return (column, field);
            }
        }

        return null;
    }

    /// <summary>
    /// How many of <paramref name="cells"/> are headers of this map's columns (or, for the export's
    /// map, of the export's derived columns too): what tells a workbook's header row from the title rows above it.
    /// </summary>
    public int HeadersAmong(IEnumerable<string> cells)
    {
        var headers = Columns.Values.Concat(IsExport ? RiskCells.DerivedColumns : []).Select(h => h.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return cells.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Count(headers.Contains);
    }

    /// <summary>
    /// The headers of the columns that feed a date (<c>next_review</c>, <c>closure.date</c>, a register's
    /// own date field): where a workbook's bare number is a date, counted in days as spreadsheets count them.
    /// </summary>
    public IReadOnlySet<string> DateColumns(RegisterSettings? settings)
    {
        var dates = RiskSchema.Flatten(RiskSchema.For(settings)).Where(f => f.Type == FieldType.Date).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return Columns.Where(c => dates.Contains(c.Key)).Select(c => c.Value.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The path of the score whose first part <paramref name="field"/> is, which a column may give whole; otherwise null.</summary>
    private static string? FirstOfScore(Field field)
    {
        var parent = Validation.FieldPath.Parent(field.Path);
        return parent.Length > 0 && RiskSchema.Find(parent) is { Type: FieldType.Score } score && ReferenceEquals(score.Parts[0], field) ? score.Path : null;
    }
}
