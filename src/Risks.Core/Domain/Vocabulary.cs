using System.Text;

namespace Risks.Core.Domain;

/// <summary>
/// The register's own words for its choices (<c>in_progress</c>, <c>partially_effective</c>):
/// one spelling shared by the files, the command line and every report.
/// </summary>
public static class Vocabulary
{
    /// <summary>The word for a value: <c>ActionStatus.InProgress</c> is <c>in_progress</c>.</summary>
    public static string Word<T>(T value) where T : struct, Enum =>
        Array.IndexOf(Of<T>.Values, value) is var i and >= 0 ? Of<T>.Words[i] : SnakeCase(value.ToString());

    /// <summary>The word with spaces, for sentences: <c>in progress</c>.</summary>
    public static string Phrase<T>(T value) where T : struct, Enum => Word(value).Replace('_', ' ');

    /// <summary>The word for a value, or empty when there is none.</summary>
    public static string Word<T>(T? value) where T : struct, Enum => value is { } v ? Word(v) : "";

    /// <summary>The phrase for a value, or empty when there is none.</summary>
    public static string Phrase<T>(T? value) where T : struct, Enum => value is { } v ? Phrase(v) : "";

    public static IReadOnlyList<string> Words<T>() where T : struct, Enum => Of<T>.Words;

    /// <summary>The allowed words as a list for a message: <c>open, closed or merged</c>.</summary>
    public static string Choices<T>() where T : struct, Enum => Text.OneOf(Of<T>.Words);

    public static bool TryParse<T>(string word, out T value) where T : struct, Enum
    {
        var words = Of<T>.Words;
        for (var i = 0; i < words.Length; i++)
        {
            if (string.Equals(words[i], word, StringComparison.Ordinal))
            {
                value = Of<T>.Values[i];
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Each value of a choice and its word, worked out once.</summary>
    private static class Of<T> where T : struct, Enum
    {
        public static readonly T[] Values = Enum.GetValues<T>();

        public static readonly string[] Words = Array.ConvertAll(Values, v => SnakeCase(v.ToString()));
    }

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
