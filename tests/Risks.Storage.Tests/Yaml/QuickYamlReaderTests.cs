using System.Text;
using Risks.Core.Validation;
using Risks.Storage.Yaml;
using Shouldly;

namespace Risks.Storage.Tests.Yaml;

/// <summary>
/// The quick reader either declines a text or reads it into exactly the tree the full YAML parser
/// builds (values, quoting and every position): checked on the register's own files, on texts the
/// writer makes from awkward values, on hand-picked hazards and on thousands of mangled documents.
/// </summary>
public class QuickYamlReaderTests
{
    [Fact]
    public void Reads_every_file_of_the_sample_register_as_the_full_parser_does()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Data, "*.yaml", SearchOption.AllDirectories).ToList();
        files.Count.ShouldBeGreaterThan(20);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var quick = QuickYamlReader.TryRead(text);
            quick.ShouldNotBeNull($"{RepoPaths.RelativeToData(file)} is written by the program, so it should be read quickly");
            Dump(quick).ShouldBe(Dump(Full(text)), RepoPaths.RelativeToData(file));
        }
    }

    [Theory]
    [InlineData("a: b\n")]
    [InlineData("a: b")]
    [InlineData("a:   spaced   \n")]
    [InlineData("a: 'it''s'\n")]
    [InlineData("a: \"say \\\"hi\\\" \\\\ \\n \\t \\u00e9 \\x41 \\/\"\n")]
    [InlineData("a: |-\n  one\n\n  three\n    indented\nb: c\n")]
    [InlineData("a: |\n  one\n  two\n\n\nb: c\n")]
    [InlineData("a: |-\n  one\n")]
    [InlineData("a: |\n  last")]
    [InlineData("a:\n  b: c\n  d:\n    e: f\ng: h\n")]
    [InlineData("a:\n  - one\n  - 'two'\n  - id: C1\n    text: x\n  - - nested\n    - list\nb: c\n")]
    [InlineData("a:\n- level\n- with key\nb: c\n")]
    [InlineData("a:\n  -\n    b: c\n")]
    [InlineData("a:\n\n  b: c\n\n\nd: e\n\n")]
    [InlineData("a: http://example.org/x?y=1\n")]
    [InlineData("a: -5\nb: 2025-03-13\nc: ~\nd: null\ne: true\n")]
    [InlineData("a: ---\nb: x,y [z] {w}\n")]
    [InlineData("a: ?b\nc: :d\ne: -f\n")]
    [InlineData("a: text with 'quotes' and \"doubles\"\n")]
    [InlineData("key-with-dash_and_1: v\n")]
    [InlineData("a: 😀 and 😀\nb: c\n")]
    public void Reads_the_shapes_the_register_writes_as_the_full_parser_does(string text)
    {
        var quick = QuickYamlReader.TryRead(text);
        quick.ShouldNotBeNull();
        Dump(quick).ShouldBe(Dump(Full(text)));
    }

    [Fact]
    public void A_short_plain_value_read_again_is_the_same_string_and_every_value_is_what_was_written()
    {
        // Many short values, some repeated, some not ASCII, enough to share the reader's slots; and a long one, never shared.
        var values = Enumerable.Range(0, 5_000).Select(i => i % 3 == 0 ? $"kbonney{i % 50}" : i % 3 == 1 ? $"C{i}" : $"Ünï{i % 7}").ToList();
        var longer = "a sentence of prose far longer than any login or id, held once per use";
        string Value(string text) => ((YScalar)((YMapping)QuickYamlReader.TryRead(text)!).Entries[0].Value).Value;

        foreach (var value in values)
        {
            Value($"owner: {value}\n").ShouldBe(value);
        }

        var first = Value("owner: fkhan\n");
        Value("status: fkhan\n").ShouldBeSameAs(first);
        var once = Value($"narrative: {longer}\n");
        once.ShouldBe(longer);
        Value($"narrative: {longer}\n").ShouldNotBeSameAs(once);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# a comment\na: b\n")]
    [InlineData("a: b # a comment\n")]
    [InlineData("a: b\n  continued\n")]
    [InlineData("a: 'two\n  lines'\n")]
    [InlineData("a: [1, 2]\n")]
    [InlineData("a: {b: c}\n")]
    [InlineData("a: &x b\nc: *x\n")]
    [InlineData("a: !!str b\n")]
    [InlineData("---\na: b\n")]
    [InlineData("a: b\n...\n")]
    [InlineData("a: b\na: c\n")]
    [InlineData("a:\n")]
    [InlineData("a:\nb: c\n")]
    [InlineData("a: >\n  folded\n")]
    [InlineData("a: |+\n  kept\n\n")]
    [InlineData("a: |2\n   indented\n")]
    [InlineData("a: |-\n\n  after a blank\n")]
    [InlineData("a: |-\n  x\n   \n  y\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: b:\n")]
    [InlineData("'a': b\n")]
    [InlineData("a b: c\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: b\r\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("just text\n")]
    [InlineData("a: \"\\q\"\n")]
    [InlineData("a: \"\\ud83d\\ude00\"\n")]
    [InlineData("a: \"open\n")]
    [InlineData("a: 'x' y\n")]
    [InlineData("a: @b\n")]
    [InlineData("a: `b\n")]
    [InlineData("a: %b\n")]
    [InlineData("a: - b\n")]
    [InlineData("  a: b\n")]
    [InlineData("a:\n  b: c\n d: e\n")]
    [InlineData("a:\n  - b\n   - c\n")]
    [InlineData("\uFEFFa: b\n")]
    [InlineData("a: b\u2028c\n")]
    [InlineData("a: b\u0085c\n")]
    public void Leaves_anything_else_to_the_full_parser(string text)
    {
        QuickYamlReader.TryRead(text).ShouldBeNull();
    }

    [Fact]
    public void Declines_nesting_and_values_beyond_the_full_parsers_limits()
    {
        var deep = new StringBuilder();
        for (var level = 0; level <= YamlTreeReader.MaxDepth; level++)
        {
            deep.Append(' ', level * 2).Append("k:\n");
        }

        deep.Append(' ', (YamlTreeReader.MaxDepth + 1) * 2).Append("k: v\n");
        QuickYamlReader.TryRead(deep.ToString()).ShouldBeNull();
        Full(deep.ToString(), expectProblems: true);

        var longValue = "a: " + new string('x', YamlTreeReader.MaxValueLength + 1) + "\n";
        QuickYamlReader.TryRead(longValue).ShouldBeNull();
        Full(longValue, expectProblems: true);
    }

    [Fact]
    public void Reads_whatever_the_writer_makes_of_awkward_values_as_the_full_parser_does()
    {
        var random = new Random(20261207);
        var read = 0;
        for (var round = 0; round < 1500; round++)
        {
            var values = Enumerable.Range(0, 6).Select(_ => Awkward(random)).ToList();
            var text = YamlWriter.Document(w =>
            {
                w.Text("title", values[0]);
                w.Mapping("narrative", true, n => n.Text("cause", values[1]));
                w.Texts("leads", [values[2], values[3]]);
                w.Items("controls", [values[4], values[5]], (c, v) =>
                {
                    c.Word("id", "C1");
                    c.Text("text", v);
                });
            });

            if (QuickYamlReader.TryRead(text) is { } quick)
            {
                read++;
                Dump(quick).ShouldBe(Dump(Full(text)), text);
            }
        }

        // Declined are mostly texts that begin or end with line breaks or spaces, written with indentation or keep indicators.
        read.ShouldBeGreaterThan(500);
    }

    [Fact]
    public void Reads_mangled_documents_as_the_full_parser_does_or_not_at_all()
    {
        var random = new Random(7122026);
        var seeds = Directory.EnumerateFiles(Path.Combine(RepoPaths.Data, "risks"), "*.yaml", SearchOption.AllDirectories)
            .Select(File.ReadAllText).ToList();
        const string Pieces = " \n-:#'\"|>&*!%@`[]{},?~\\x0123456789";
        var (read, declined) = (0, 0);
        for (var round = 0; round < 4000; round++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Count)]);
            for (var edit = random.Next(1, 4); edit > 0; edit--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text.Insert(at, Pieces[random.Next(Pieces.Length)]);
                        break;
                    case 1:
                        text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at));
                        break;
                    default:
                        text.Insert(at, new string(' ', random.Next(1, 4)));
                        break;
                }
            }

            var mangled = text.ToString();
            if (QuickYamlReader.TryRead(mangled) is { } quick)
            {
                read++;
                Dump(quick).ShouldBe(Dump(Full(mangled)), mangled);
            }
            else
            {
                declined++;
            }
        }

        read.ShouldBeGreaterThan(100);
        declined.ShouldBeGreaterThan(100);
    }

    private static string Awkward(Random random)
    {
        string[] pieces =
        [
            "plain words", "it's", "\"quoted\"", "a: b", "x #y", "#lead", "- dash", "-5", "007", "yes", "null", "~", "2025-03-13",
            "trailing ", " leading", "\n", "\n\n", "line\nbreak", "é", "😀", "[x]", "{y}", "&a", "*b", "!c", "%d", "@e", "`f", "|", ">",
            ":", "?", ",", "\\", "  ", "...", "---", "http://x.org/a?b=c",
        ];
        var text = new StringBuilder();
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }

    private static YNode? Full(string text, bool expectProblems = false)
    {
        var problems = new List<Problem>();
        var tree = YamlTreeReader.ReadFully(text, "risk.yaml", problems);
        if (expectProblems)
        {
            problems.ShouldNotBeEmpty();
        }

        return tree;
    }

    /// <summary>The tree as text, every value, quoting and position in it, to compare two trees whole.</summary>
    private static string Dump(YNode? node)
    {
        var text = new StringBuilder();
        Write(node, 0);
        return text.ToString();

        void Write(YNode? n, int depth)
        {
            var pad = new string(' ', depth * 2);
            switch (n)
            {
                case null:
                    text.Append(pad).Append("(none)\n");
                    break;
                case YScalar s:
                    text.Append(pad).Append($"scalar {s.Position} quoted={s.Quoted} [{s.Value.Replace("\n", "\\n", StringComparison.Ordinal)}]\n");
                    break;
                case YSequence q:
                    text.Append(pad).Append($"sequence {q.Position}\n");
                    q.Items.ForEach(i => Write(i, depth + 1));
                    break;
                case YMapping m:
                    text.Append(pad).Append($"mapping {m.Position}\n");
                    foreach (var e in m.Entries)
                    {
                        text.Append(pad).Append($" key {e.Key} {e.KeyPosition}\n");
                        Write(e.Value, depth + 1);
                    }

                    break;
            }
        }
    }
}
