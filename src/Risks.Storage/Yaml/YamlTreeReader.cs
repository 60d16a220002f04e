using Risks.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Risks.Storage.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YNode"/> tree, refusing anchors, aliases, tags,
/// duplicate keys, non-scalar keys, nesting deeper than <see cref="MaxDepth"/> and values longer
/// than <see cref="MaxValueLength"/>, each with its position.
/// </summary>
public static class YamlTreeReader
{
    public const int MaxDepth = 16;

    public const int MaxValueLength = 64 * 1024;

    /// <summary>Parses <paramref name="text"/>; null when it has problems, which are added to <paramref name="problems"/>.</summary>
    public static YNode? Read(string text, string file, List<Problem> problems) =>
        QuickYamlReader.TryRead(text) ?? ReadFully(text, file, problems);

    /// <summary><see cref="Read"/> by the full YAML parser alone, without first trying <see cref="QuickYamlReader"/>.</summary>
    internal static YNode? ReadFully(string text, string file, List<Problem> problems)
    {
        var reader = new Reader(file, problems);
        try
        {
            return reader.Document(new Parser(new Scanner(new StringReader(text), skipComments: true)));
        }
        catch (Refused)
        {
            return null;
        }
        catch (YamlException ex)
        {
            if (SafeText.FirstIndentingTab(text) is { } tab)
            {
                problems.Add(new Problem(file, tab.Line, tab.Column, "a tab is used for indentation; indent with spaces"));
            }
            else
            {
                problems.Add(new Problem(file, (int)ex.Start.Line, (int)ex.Start.Column, "YAML syntax error: " + Explain(ex)));
            }

            return null;
        }
    }

    private static string Explain(YamlException ex)
    {
        var message = ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && close > 0)
        {
            message = message[(close + 3)..];
        }

        return message.TrimEnd('.');
    }

    private sealed class Refused : Exception;

    private sealed class Reader(string file, List<Problem> problems)
    {
        public YNode? Document(IParser parser)
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return Fail(Position.Start, "file is empty");
            }

            parser.Consume<DocumentStart>();
            var root = Node(parser, 1);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                return Fail(At(second.Start), "a file must hold one YAML document; found a second one ('---')");
            }

            parser.Consume<StreamEnd>();
            if (root is YScalar { IsNull: true })
            {
                return Fail(Position.Start, "file is empty");
            }

            return root;
        }

        private YNode Node(IParser parser, int depth)
        {
            if (depth > MaxDepth)
            {
                Fail(At(parser.Current!.Start), $"nesting is deeper than {MaxDepth} levels");
            }

            var current = parser.Current!;
            switch (current)
            {
                case AnchorAlias alias:
                    return Fail(At(alias.Start), $"aliases (*{alias.Value}) are not allowed in a register file; write the value out");
                case NodeEvent node when !node.Anchor.IsEmpty:
                    return Fail(At(node.Start), $"anchors (&{node.Anchor}) are not allowed in a register file");
                case NodeEvent node when !node.Tag.IsEmpty:
                    return Fail(At(node.Start), $"tags ({node.Tag.Value.Replace("tag:yaml.org,2002:", "!!", StringComparison.Ordinal)}) are not allowed in a register file");
            }

            if (parser.TryConsume<Scalar>(out var scalar))
            {
                if (scalar.Value.Length > MaxValueLength)
                {
                    return Fail(At(scalar.Start), $"a value may be at most {MaxValueLength:N0} characters ({MaxValueLength / 1024} KiB), found {scalar.Value.Length:N0}");
                }

                return new YScalar(At(scalar.Start), scalar.Value, scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any);
            }

            if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                var items = new List<YNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(Node(parser, depth + 1));
                }

                return new YSequence(At(sequenceStart.Start), items);
            }

            var mappingStart = parser.Consume<MappingStart>();
            var entries = new List<YEntry>();
            var seen = new Dictionary<string, Position>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = Node(parser, depth + 1);
                if (keyNode is not YScalar key)
                {
                    return Fail(keyNode.Position, "a key must be a plain name, not a list or mapping");
                }

                if (seen.TryGetValue(key.Value, out var first))
                {
                    return Fail(key.Position, $"duplicate key {key.Value} (first given at line {first.Line}); give each key once");
                }

                seen[key.Value] = key.Position;
                entries.Add(new YEntry(key.Value, key.Position, Node(parser, depth + 1)));
            }

            return new YMapping(At(mappingStart.Start), entries);
        }

        private YNode Fail(Position at, string message)
        {
            problems.Add(new Problem(file, at.Line, at.Column, message));
            throw new Refused();
        }

        private static Position At(Mark mark) => new((int)mark.Line, (int)mark.Column);
    }
}
