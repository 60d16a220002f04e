namespace Risks.Core.Access;

/// <summary>Words for a POSIX shell: each quoted so the shell passes it on as it is.</summary>
public static class Shell
{
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '@' or '=' or '+' or ',')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// The words of a command line as a client sends it over SSH, split as a shell splits them
    /// (spaces, single and double quotes), or null when it holds anything that would chain, redirect
    /// or substitute in a shell (<c>; | &amp; $ ` &lt; &gt; \</c>, a line break) or a quote left open: a session
    /// runs one command, never a shell, and says so rather than run part of what was asked.
    /// </summary>
    public static IReadOnlyList<string>? Words(string line)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case ' ' or '\t':
                    if (inWord)
                    {
                        words.Add(current.ToString());
                        current.Clear();
                        inWord = false;
                    }

                    break;
                case '\'':
                    var close = line.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        return null;
                    }

                    current.Append(line, i + 1, close - i - 1);
                    inWord = true;
                    i = close;
                    break;
                case '"':
                    i++;
                    for (; i < line.Length && line[i] != '"'; i++)
                    {
                        if (line[i] is '$' or '`' or '\\')
                        {
                            return null;
                        }

                        current.Append(line[i]);
                    }

                    if (i >= line.Length)
                    {
                        return null;
                    }

                    inWord = true;
                    break;
                case ';' or '|' or '&' or '$' or '`' or '<' or '>' or '\n' or '\r' or '\\':
                    return null;
                default:
                    current.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
