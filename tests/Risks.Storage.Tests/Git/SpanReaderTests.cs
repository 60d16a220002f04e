using System.Text;
using Risks.Storage.Cache;
using Shouldly;

namespace Risks.Storage.Tests.Git;

/// <summary>The parse cache's reader takes back exactly what a BinaryWriter wrote, and refuses bytes that are short, long or not UTF-8.</summary>
public class SpanReaderTests
{
    [Fact]
    public void Reads_back_what_a_binary_writer_wrote()
    {
        var long1 = string.Concat(Enumerable.Repeat("Ünïcödé 😀 text ", 40));
        var bytes = Written(w =>
        {
            w.Write(-5);
            w.Write(true);
            w.Write((byte)7);
            w.Write("");
            w.Write("partially_effective");
            w.Write(long1);
            w.Write("other");
        });

        var r = new SpanReader(bytes);
        r.ReadInt32().ShouldBe(-5);
        r.ReadBoolean().ShouldBeTrue();
        r.ReadByte().ShouldBe((byte)7);
        r.ReadString().ShouldBe("");
        string[] words = ["effective", "partially_effective"];
        r.ReadString(words).ShouldBeSameAs(words[1]);
        r.ReadString().ShouldBe(long1);
        r.ReadString(words).ShouldBe("other");
        r.End();
    }

    [Fact]
    public void A_short_string_read_again_is_the_same_string_and_every_string_is_what_was_written()
    {
        // Many short strings, some repeated, some not ASCII, enough to share the reader's slots; and a long one, never shared.
        var texts = Enumerable.Range(0, 20_000).Select(i => i % 3 == 0 ? $"kbonney{i % 50}" : i % 3 == 1 ? $"C{i}" : $"Ünï{i % 7}").ToList();
        var longer = new string('x', 100);
        var bytes = Written(w =>
        {
            texts.ForEach(w.Write);
            w.Write(longer);
            w.Write(longer);
            w.Write("C1");
            w.Write("C1");
        });

        var r = new SpanReader(bytes);
        foreach (var text in texts)
        {
            r.ReadString().ShouldBe(text);
        }

        var once = r.ReadString();
        once.ShouldBe(longer);
        r.ReadString().ShouldNotBeSameAs(once);
        var first = r.ReadString();
        r.ReadString().ShouldBeSameAs(first);
        r.End();
    }

    [Fact]
    public void Refuses_bytes_that_end_too_soon_or_go_on_too_long()
    {
        var bytes = Written(w => w.Write("a text"));
        Should.Throw<InvalidDataException>(() => new SpanReader(bytes.AsSpan(0, bytes.Length - 1)).ReadString());
        Should.Throw<InvalidDataException>(() =>
        {
            var r = new SpanReader([.. bytes, 0]);
            r.ReadString();
            r.End();
        });
        Should.Throw<InvalidDataException>(() => new SpanReader([1, 2]).ReadInt32());
        Should.Throw<InvalidDataException>(() => new SpanReader([2]).ReadBoolean());
    }

    [Fact]
    public void Refuses_a_string_that_is_not_utf8_or_whose_length_is_malformed()
    {
        Should.Throw<InvalidDataException>(() => new SpanReader([2, 0xC3, 0x28]).ReadString());
        Should.Throw<InvalidDataException>(() => new SpanReader([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]).ReadString());
    }

    private static byte[] Written(Action<BinaryWriter> write)
    {
        using var memory = new MemoryStream();
        using (var w = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            write(w);
        }

        return memory.ToArray();
    }
}
