using System.Globalization;
using System.Text.RegularExpressions;
using Risks.Core.Domain;
using Risks.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Risks.Storage.Yaml;

/// <summary>
/// Writes the register's canonical YAML: keys in the order they are written, nothing for empty
/// values, literal blocks for multi-line text, ISO dates, quotes only where YAML would read a
/// text as something else, no line wrapping, LF line ends.
/// </summary>
#pragma warning disable CA1001 // the StringWriter holds no unmanaged resource; it lives only while one document is written
internal sealed partial class YamlWriter
{
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2,
        bestWidth: int.MaxValue,
        isCanonical: false,
        maxSimpleKeyLength: 1024,
        skipAnchorName: false,
        indentSequences: true,
        newLine: "\n",
        useUtf16SurrogatePairs: false);

    private readonly StringWriter _text = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
    private readonly Emitter _emitter;

    private YamlWriter()
    {
        _emitter = new Emitter(_text, Settings);
        _emitter.Emit(new StreamStart());
        _emitter.Emit(new DocumentStart(null, null, isImplicit: true));
    }

    public static string Document(Action<YamlWriter> body)
    {
        var writer = new YamlWriter();
        writer.Map(body);
        writer._emitter.Emit(new DocumentEnd(isImplicit: true));
        writer._emitter.Emit(new StreamEnd());
        return writer._text.ToString();
    }

    public void Text(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Key(key);
            Scalar(value);
        }
    }

    /// <summary>A value written as it is, unquoted: a date, a number, a choice's word, <c>true</c>.</summary>
    public void Word(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Key(key);
            Plain(value);
        }
    }

    /// <summary>A text, written plain when <paramref name="plain"/> says it reads back as the same text, else as <see cref="Text"/> writes it.</summary>
    public void Value(string key, string? value, Func<string, bool> plain)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Key(key);
            Scalar(value, plain);
        }
    }

    /// <summary>A list of texts, each written as <see cref="Value"/> writes it.</summary>
    public void Values(string key, IReadOnlyList<string> values, Func<string, bool> plain)
    {
        if (values.Count == 0)
        {
            return;
        }

        Key(key);
        _emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
        foreach (var value in values)
        {
            Scalar(value, plain);
        }

        _emitter.Emit(new SequenceEnd());
    }

    public void Int(string key, int? value)
    {
        if (value is { } v)
        {
            Key(key);
            Plain(v.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void Bool(string key, bool value)
    {
        if (value)
        {
            Key(key);
            Plain("true");
        }
    }

    public void Date(string key, DateOnly? value)
    {
        if (value is { } d)
        {
            Key(key);
            Plain(Rules.Iso(d));
        }
    }

    public void Choice<T>(string key, T? value) where T : struct, Enum
    {
        if (value is { } v)
        {
            Key(key);
            Plain(Vocabulary.Word(v));
        }
    }

    public void Texts(string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        Key(key);
        _emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
        foreach (var value in values)
        {
            Scalar(value);
        }

        _emitter.Emit(new SequenceEnd());
    }

    public void Mapping(string key, bool when, Action<YamlWriter> body)
    {
        if (when)
        {
            Key(key);
            Map(body);
        }
    }

    public void Items<T>(string key, IReadOnlyList<T> items, Action<YamlWriter, T> body)
    {
        if (items.Count == 0)
        {
            return;
        }

        Key(key);
        _emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
        foreach (var item in items)
        {
            Map(w => body(w, item));
        }

        _emitter.Emit(new SequenceEnd());
    }

    private void Map(Action<YamlWriter> body)
    {
        _emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
        body(this);
        _emitter.Emit(new MappingEnd());
    }

    private void Key(string key) => Plain(key);

    private void Plain(string value) =>
        _emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    private void Scalar(string value)
    {
        var style = value.Contains('\n', StringComparison.Ordinal)
            ? ScalarStyle.Literal
            : LooksLikeOtherType(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        _emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    private void Scalar(string value, Func<string, bool> plain)
    {
        if (plain(value))
        {
            Plain(value);
        }
        else
        {
            Scalar(value);
        }
    }

    /// <summary>Texts that a YAML reader would take for a null, a boolean, a number or a date if written plain.</summary>
    private static bool LooksLikeOtherType(string value) => OtherType().IsMatch(value);

    [GeneratedRegex(@"\A(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?(\.[0-9]+|[0-9][0-9_,]*(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex OtherType();
}
