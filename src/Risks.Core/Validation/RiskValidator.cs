using System.Globalization;
using Risks.Core.Domain;
using Risks.Core.Schema;

namespace Risks.Core.Validation;

/// <summary>
/// The rules one risk must keep on its own, without the rest of the register. Each field is
/// checked as its declaration in <see cref="RiskSchema"/> says: whether it is required, and what
/// its type takes (one line or several, a login, a number in range, a risk id, an item id, no
/// repeated entries). The few rules that relate one field to another are named below, by path.
/// </summary>
public static class RiskValidator
{
    /// <summary>The rules between fields, each run after the field at its path has been checked.</summary>
    private static readonly Dictionary<string, Action<Check, string, object>> Between = new(StringComparer.Ordinal)
    {
        ["closure"] = (check, _, _) => Closure(check),
        ["target_date"] = (check, path, _) =>
        {
            if (check.Risk.TargetDate is not null && check.Risk.Target is null)
            {
                check.Add(path, $"{path} needs a target score (a target impact and likelihood)");
            }
        },
        ["actions[].completed"] = (check, path, owner) => Completed(check, path, (RiskAction)owner),
        ["actions[].gap"] = (check, path, owner) =>
        {
            if (((RiskAction)owner).Gap is { } gap && check.Risk.Gaps.All(g => g.Id != gap))
            {
                check.Add(path, $"{path} is {Text.Quote(gap)}, which is not one of this risk's gaps{(check.Risk.Gaps.Count == 0 ? " (it has none)" : $" ({Text.OneOf([.. check.Risk.Gaps.Select(g => g.Id)])})")}");
            }
        },
    };

    public static IReadOnlyList<FieldIssue> Validate(Risk risk)
    {
        var check = new Check(risk);
        check.Fields(RiskSchema.BuiltIn, risk, "");

        // Each message names its field as the screen, commits and comparisons do.
        return [.. check.Issues.Select(i => i with { Message = FieldNames.Reword(i.Path, i.Message, risk) })];
    }

    private static void Closure(Check check)
    {
        var risk = check.Risk;
        var closure = risk.Closure;
        switch (risk.Status)
        {
            case RiskStatus.Open when closure is not null:
                check.Add("closure", "closure is only for a closed or merged risk; status is open");
                break;
            case RiskStatus.Closed or RiskStatus.Merged:
                var word = Vocabulary.Word(risk.Status);
                if (closure?.Date is null)
                {
                    check.Add("closure.date", $"closure.date is required for a {word} risk");
                }

                if (string.IsNullOrWhiteSpace(closure?.Rationale))
                {
                    check.Add("closure.rationale", $"closure.rationale is required for a {word} risk: say why it was {word}");
                }

                if (risk.Status == RiskStatus.Merged && string.IsNullOrWhiteSpace(closure?.MergedInto))
                {
                    check.Add("closure.merged_into", "closure.merged_into is required for a merged risk: the id of the risk it was merged into");
                }

                if (risk.Status == RiskStatus.Closed && closure?.MergedInto is not null)
                {
                    check.Add("closure.merged_into", "closure.merged_into is only for a merged risk; status is closed");
                }

                break;
        }
    }

    private static void Completed(Check check, string path, RiskAction action)
    {
        if (action.Status is { } status && status != ActionStatus.Complete && action.Completed is not null)
        {
            check.Add(path, $"{path} is only for a complete action; status is {Vocabulary.Word(status)}");
        }

        if (action.Status == ActionStatus.Complete && action.Completed is null)
        {
            check.Add(path, $"{path} is required when the action is complete: the date it was done");
        }
    }

    /// <summary>The walk over one risk's fields, gathering what is wrong.</summary>
    private sealed class Check(Risk risk)
    {
        public Risk Risk { get; } = risk;

        public List<FieldIssue> Issues { get; } = [];

        public void Add(string path, string message, bool missing = false) =>
            Issues.Add(new FieldIssue(path, message) { IsMissing = missing });

        public void Fields(IReadOnlyList<Field> fields, object owner, string within)
        {
            foreach (var field in fields)
            {
                // The risk's own id is the file's name, checked where the file is read.
                if (owner is Risk && field.Type == FieldType.RiskId && !field.IsList)
                {
                    continue;
                }

                var path = within.Length == 0 ? field.Key : $"{within}.{field.Key}";
                if (field.Type == FieldType.Items)
                {
                    Items(field, field.ItemsOf(owner), path);
                }
                else if (field.IsGroup)
                {
                    var group = field.Get(owner);
                    if (group is null)
                    {
                        Required(field, path);
                    }

                    Between.GetValueOrDefault(field.Path)?.Invoke(this, path, owner);
                    if (group is not null)
                    {
                        Fields(field.Parts, group, path);
                    }

                    continue;
                }
                else if (field.IsList)
                {
                    List(field, field.List(owner), path);
                }
                else if (field.Type != FieldType.ItemId)
                {
                    Value(field, field.Text(owner), path);
                }

                Between.GetValueOrDefault(field.Path)?.Invoke(this, path, owner);
            }
        }

        private void Value(Field field, string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Required(field, path);
            }

            if (value is not null)
            {
                Kind(field, value, path, entry: false);
            }
        }

        private void List(Field field, IReadOnlyList<string> values, string path)
        {
            if (values.Count == 0 && field.IsRequiredFor(Risk.Kind))
            {
                Add(path, $"{path} must name {field.Asks ?? "at least one " + field.EntryNoun}{ForKind(field)}", missing: true);
            }

            for (var i = 0; i < values.Count; i++)
            {
                var entry = $"{path}[{i}]";
                if (string.IsNullOrWhiteSpace(values[i]))
                {
                    Add(entry, $"{entry} is required", missing: true);
                }
                else
                {
                    Kind(field, values[i], entry, entry: true);
                }
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < values.Count; i++)
            {
                if (!seen.Add(values[i]))
                {
                    Add($"{path}[{i}]", $"{path}[{i}] repeats {Text.Quote(values[i])}");
                }
            }
        }

        private void Required(Field field, string path)
        {
            if (!field.IsRequiredFor(Risk.Kind))
            {
                return;
            }

            var asks = FieldValues.Asked(field);
            Add(path, $"{path} is required{ForKind(field)}{(asks is null ? "" : ": " + asks)}", missing: true);
        }

        /// <summary>" for a strategic risk" when only risks of one kind need the field.</summary>
        private string ForKind(Field field) =>
            field.Required == Requirement.Always ? "" : $" for a {Vocabulary.Word(Risk.Kind)} risk";

        /// <summary>What a value of the field's type must be.</summary>
        private void Kind(Field field, string value, string path, bool entry)
        {
            switch (field.Type)
            {
                case FieldType.Text or FieldType.Objective:
                case FieldType.Choice when field.Choices == ChoiceSource.Categories:
                    Rules.CheckText(Issues, path, value, multiLine: false);
                    break;
                case FieldType.LongText:
                    Rules.CheckText(Issues, path, value, multiLine: true);
                    break;
                case FieldType.Person when !Rules.IsLogin(value):
                    Add(path, $"{path} must be {Rules.LoginRules}, found {Text.Quote(value)}");
                    break;
                case FieldType.Number when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                        && field.Min is { } min && field.Max is { } max && (n < min || n > max):
                    Add(path, $"{path} must be {FieldValues.Range(min, max)}, found {n}");
                    break;
                case FieldType.RiskId when !RiskId.TryParse(value, out _):
                    Add(path, $"{path} must be a risk id ({RiskId.Rules}), found {Text.Quote(value)}{(field.Elsewhere is null ? "" : "; " + field.Elsewhere)}");
                    break;
                case FieldType.RiskId when RiskId.Parse(value).Identity == Risk.Id.Identity:
                    Add(path, entry ? $"{path} links the risk to itself" : $"{path} must name another risk, not this one");
                    break;
            }
        }

        private void Items(Field list, IReadOnlyList<object> items, string path)
        {
            var id = list.Parts.Single(p => p.Type == FieldType.ItemId);
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = $"{path}[{i}]";
                var itemId = id.Text(items[i]);
                if (string.IsNullOrEmpty(itemId))
                {
                    Add(itemPath + ".id", $"{itemPath}.id is required ({Rules.ItemIdRules})");
                }
                else if (!Rules.IsItemId(itemId))
                {
                    Add(itemPath + ".id", $"{itemPath}.id must be {Rules.ItemIdRules}, found {Text.Quote(itemId)}");
                }
                else if (seen.TryGetValue(itemId, out var first))
                {
                    Add(itemPath + ".id", $"{itemPath}.id {itemId} is already used by the {Ordinal(first + 1)} of the {FieldNames.Label(path)}");
                }
                else
                {
                    seen[itemId] = i;
                }

                Fields(list.Parts, items[i], itemPath);
            }
        }

        private static string Ordinal(int n) => n switch
        {
            1 => "first",
            2 => "second",
            3 => "third",
            _ => $"{n}th",
        };
    }
}
