using System.Globalization;
using Risks.Core.Domain;
using Risks.Core.Schema;
using Risks.Core.Validation;
using Risks.Storage.Yaml;

namespace Risks.Storage.Cache;

/// <summary>
/// A risk file as read (its risk and its problems) in a compact binary form, for the parse cache:
/// written and read by walking <see cref="RiskSchema.BuiltIn"/>, so a field added to the schema is
/// kept with no line here. Reading this back is many times faster than parsing the YAML again.
/// </summary>
internal static class RiskFileBinary
{
    public static void Write(BinaryWriter w, RiskFile file)
    {
        w.Write(file.Problems.Count);
        foreach (var p in file.Problems)
        {
            w.Write(p.File);
            w.Write(p.Line);
            w.Write(p.Column);
            w.Write(p.Message);
        }

        w.Write(file.Risk is not null);
        if (file.Risk is { } risk)
        {
            WriteFields(w, RiskSchema.BuiltIn, risk);
        }
    }

    /// <summary>A risk file as <see cref="Write"/> wrote it, read straight from the bytes (no stream, no buffers but the strings themselves).</summary>
    /// <param name="withoutProse">Leaves out every built-in field that is prose (<see cref="Field.IsProse"/>), passing over its bytes, for a listing that never shows it: most of a risk's text, so most of the time and memory reading takes.</param>
    public static RiskFile Read(ReadOnlySpan<byte> bytes, bool withoutProse = false)
    {
        var r = new SpanReader(bytes);
        var count = r.ReadInt32();
        var problems = new Problem[count];
        for (var i = 0; i < count; i++)
        {
            problems[i] = new Problem(r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadString());
        }

        Risk? risk = null;
        if (r.ReadBoolean())
        {
            risk = (Risk)ReadFields(ref r, RiskSchema.BuiltIn, new Risk { Id = default }, withoutProse);
        }

        r.End();
        return new RiskFile(risk, problems);
    }

    private static void WriteFields(BinaryWriter w, IReadOnlyList<Field> fields, object owner)
    {
        foreach (var field in fields)
        {
            if (field.Key == RiskSchema.CustomKey && owner is Risk risk)
            {
                WriteCustom(w, risk.Custom);
            }
            else if (field.IsGroup)
            {
                var group = field.Get(owner);
                w.Write(group is not null);
                if (group is not null)
                {
                    WriteFields(w, field.Parts, group);
                }
            }
            else if (field.Type == FieldType.Items)
            {
                var items = field.ItemsOf(owner);
                w.Write(items.Count);
                foreach (var item in items)
                {
                    WriteFields(w, field.Parts, item);
                }
            }
            else if (field.IsList)
            {
                WriteList(w, field.List(owner));
            }
            else
            {
                WriteValue(w, field, field.Text(owner));
            }
        }
    }

    private static object ReadFields(ref SpanReader r, IReadOnlyList<Field> fields, object owner, bool withoutProse)
    {
        for (var f = 0; f < fields.Count; f++)
        {
            var field = fields[f];
            if (field.Key == RiskSchema.CustomKey && owner is Risk risk)
            {
                var custom = ReadCustom(ref r);
                owner = custom.Count == 0 ? risk : risk with { Custom = custom };
            }
            else if (field.IsGroup)
            {
                if (r.ReadBoolean())
                {
                    owner = field.SetOnNew(owner, ReadFields(ref r, field.Parts, field.Create!(), withoutProse));
                }
            }
            else if (field.Type == FieldType.Items)
            {
                // An empty list is what a new record has already: set only lists with something in them.
                var items = new object[r.ReadInt32()];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ReadFields(ref r, field.Parts, field.Create!(), withoutProse);
                }

                if (items.Length > 0)
                {
                    owner = field.SetOnNew(owner, items);
                }
            }
            else if (field.IsList)
            {
                if (ReadList(ref r) is { Count: > 0 } values)
                {
                    owner = field.SetOnNew(owner, values);
                }
            }
            else if (ReadValue(ref r, field, withoutProse) is { } value)
            {
                owner = field.SetOnNew(owner, value);
            }
        }

        return owner;
    }

    /// <summary>
    /// A value as the file holds it; a built-in date or whole number as a number, which its field
    /// takes as it is (no text to parse when read back). Nothing is written for a field with no value but a flag.
    /// </summary>
    private static void WriteValue(BinaryWriter w, Field field, string? value)
    {
        if (value is null)
        {
            w.Write((byte)0);
        }
        else if (field.Type == FieldType.Date && !field.IsCustom)
        {
            w.Write((byte)2);
            w.Write(FieldValues.ParseIso(value).DayNumber);
        }
        else if (field.Type == FieldType.Number && !field.IsCustom)
        {
            w.Write((byte)3);
            w.Write(int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }
        else
        {
            w.Write((byte)1);
            w.Write(value);
        }
    }

    private static object? ReadValue(ref SpanReader r, Field field, bool withoutProse) => r.ReadByte() switch
    {
        0 => null,
        1 when withoutProse && field.IsProse => Skip(ref r),
        1 => field.Words.Count > 0 ? r.ReadString(field.Words) : r.ReadString(),
        2 => Date(r.ReadInt32()),
        3 => Number(r.ReadInt32()),
        var other => throw new InvalidDataException($"unknown value kind {other} for {field.Path}"),
    };

    /// <summary>A score's or a line's number, boxed once for the program (they are small), not once per value read.</summary>
    private static object Number(int value) => (uint)value < (uint)SmallNumbers.Length ? SmallNumbers[value] : value;

    private static readonly object[] SmallNumbers = [.. Enumerable.Range(0, 256).Select(n => (object)n)];

    [ThreadStatic]
    private static object?[]? t_dates;

    /// <summary>A date, boxed once per thread while it keeps its slot (a register's dates repeat: reviews, due dates), not once per value read.</summary>
    private static object Date(int dayNumber)
    {
        ref var slot = ref (t_dates ??= new object?[1024])[dayNumber & 1023];
        return slot is DateOnly held && held.DayNumber == dayNumber ? slot : slot = DateOnly.FromDayNumber(dayNumber);
    }

    private static object? Skip(ref SpanReader r)
    {
        r.SkipString();
        return null;
    }

    private static void WriteList(BinaryWriter w, IReadOnlyList<string> values)
    {
        w.Write(values.Count);
        foreach (var value in values)
        {
            w.Write(value);
        }
    }

    private static List<string> ReadList(ref SpanReader r)
    {
        var count = r.ReadInt32();
        var values = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            values.Add(r.ReadString());
        }

        return values;
    }

    private static void WriteCustom(BinaryWriter w, IReadOnlyDictionary<string, CustomValue> values)
    {
        w.Write(values.Count);
        foreach (var (key, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.Write(key);
            w.Write(value.IsList);
            if (value.Items is { } items)
            {
                WriteList(w, items);
            }
            else
            {
                w.Write(value.Text ?? "");
            }
        }
    }

    private static readonly Dictionary<string, CustomValue> NoCustom = [];

    private static IReadOnlyDictionary<string, CustomValue> ReadCustom(ref SpanReader r)
    {
        var count = r.ReadInt32();
        if (count == 0)
        {
            return NoCustom;
        }

        var values = new Dictionary<string, CustomValue>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = r.ReadString();
            values[key] = r.ReadBoolean() ? CustomValue.Of(ReadList(ref r)) : CustomValue.Of(r.ReadString());
        }

        return values;
    }
}
