using System.Collections.Concurrent;
using System.Text;

namespace Risks.Core.Domain;

/// <summary>
/// The register's own words for its choices (<c>in_progress</c>, <c>partially_effective</c>):
/// one spelling shared by the files, the command line and every report.
/// </summary>
public static class Vocabulary
{
    private static readonly ConcurrentDictionary<Type, (string[] Words, Array Values)> Cache = new();

    /// <summary>The word for a value: <c>ActionStatus.InProgress</c> is <c>in_progress</c>.</summary>
    public static string Word<T>(T value) where T : struct, Enum => SnakeCase(value.ToString());

    /// <summary>The word with spaces, for sentences: <c>in progress</c>.</summary>
    public static string Phrase<T>(T value) where T : struct, Enum => Word(value).Replace('_', ' ');

    /// <summary>The word for a value, or empty when there is none.</summary>
    public static string Word<T>(T? value) where T : struct, Enum => value is { } v ? Word(v) : "";

    /// <summary>The phrase for a value, or empty when there is none.</summary>
    public static string Phrase<T>(T? value) where T : struct, Enum => value is { } v ? Phrase(v) : "";

    public static IReadOnlyList<string> Words<T>() where T : struct, Enum => Entry<T>().Words;

    /// <summary>The allowed words as a list for a message: <c>open, closed or merged</c>.</summary>
    public static string Choices<T>() where T : struct, Enum => Text.OneOf(Entry<T>().Words);

    public static bool TryParse<T>(string word, out T value) where T : struct, Enum
    {
        var (words, values) = Entry<T>();
        for (var i = 0; i < words.Length; i++)
        {
            if (string.Equals(words[i], word, StringComparison.Ordinal))
            {
                value = (T)values.GetValue(i)!;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static (string[] Words, Array Values) Entry<T>() where T : struct, Enum =>
        Cache.GetOrAdd(typeof(T), _ =>
        {
            var values = Enum.GetValues<T>();
            return (values.Select(v => SnakeCase(v.ToString())).ToArray(), values);
        });

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
