using System.Text;
using Risks.Core.Schema;

namespace Risks.Core.Exchange;

/// <summary>
/// A list of items (controls, gaps, assurances, actions) in one spreadsheet cell: one item per
/// line, its parts separated by <c> | </c> in the order of the item's <see cref="Field.Parts"/>,
/// which is the order the file format lists its keys (<c>C1 | Monthly monitoring | kbonney | effective</c>);
/// a yes is written as the part's key (<c>key</c>), a no as nothing. A line of one part is the item's text alone. Within a part a backslash is written
/// <c>\\</c>, a bar <c>\|</c> and a line break <c>\n</c>, so any text makes the trip and comes
/// back the same; empty parts at the end of a line are left out. Spaces and tabs around a part are not kept.
/// </summary>
public static class ItemCells
{
    public const string Separator = " | ";

    /// <summary>The cell for a list of items (a field of <see cref="FieldType.Items"/>): each item a line of its parts.</summary>
    public static string Cell(Field list, IEnumerable<object> items) => Join(items.Select(item => LineParts(list, item)));

    /// <summary>An item's parts in the order its line gives them, each as the file holds it, a yes as the part's key.</summary>
    public static IReadOnlyList<string?> LineParts(Field list, object item) =>
        list.Parts.Select(p => p.Type == FieldType.YesNo ? (p.Text(item) == "true" ? p.Key : "") : p.Text(item)).ToArray();

    /// <summary>The part a line of one part gives: the item's text (its required long text).</summary>
    public static Field TextPart(Field list) => list.Parts.First(p => p.Type == FieldType.LongText && p.Required == Requirement.Always);

    /// <summary>The names of an item's parts in the order its line gives them, as a line: <c>id | text | owner | effectiveness</c>.</summary>
    public static string Layout(Field list) => Line(list.Parts.Select(p => p.Key).ToArray());

    /// <summary>The cell for these items, each given as its parts.</summary>
    public static string Join(IEnumerable<IReadOnlyList<string?>> items) => string.Join("\n", items.Select(Line));

    /// <summary>One item's line: its parts, escaped, joined by <see cref="Separator"/>, without empty parts at the end.</summary>
    public static string Line(IReadOnlyList<string?> parts)
    {
        var count = parts.Count;
        while (count > 1 && string.IsNullOrEmpty(parts[count - 1]))
        {
            count--;
        }

        return string.Join(Separator, parts.Take(count).Select(p => Escape(p ?? "")));
    }

    /// <summary>The items of a cell, each as its parts (unescaped, trimmed); blank lines are skipped.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Split(string cell)
    {
        var items = new List<IReadOnlyList<string>>();
        foreach (var line in cell.Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                items.Add(Parts(line));
            }
        }

        return items;
    }

    private static string Escape(string part)
    {
        if (part.AsSpan().IndexOfAny('\\', '|', '\n') < 0)
        {
            return part;
        }

        return part.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
    }

    private static List<string> Parts(string line)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '\\' or '|' or 'n')
            {
                current.Append(line[i + 1] == 'n' ? '\n' : line[i + 1]);
                i++;
            }
            else if (c == '|')
            {
                parts.Add(current.ToString().Trim(' ', '\t'));
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString().Trim(' ', '\t'));
        return parts;
    }
}
