namespace Risks.Benchmarks;

/// <summary>
/// The environment the benchmark runs <c>risks</c> and <c>git</c> in when it measures them as a
/// person runs them: as a person's, but with a home of its own, so nothing of this machine's user
/// (their Git config, the program's state files) is read or written, and no system Git config.
/// </summary>
internal static class UserEnvironment
{
    /// <summary>Who the <c>git</c> commits the benchmark makes itself are by (<c>risks</c> takes its author from register.yaml instead).</summary>
    public const string GitName = "Benchmark Runner";

    public const string GitEmail = "runner@bench.example";

    /// <summary>The variables, with <paramref name="home"/> as HOME and the XDG folders under it.</summary>
    public static Dictionary<string, string> Variables(string home)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["TERM"] = "xterm-256color",
            ["LANG"] = "C.UTF-8",
            ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
            ["XDG_STATE_HOME"] = Path.Combine(home, ".local", "state"),
            ["GIT_CONFIG_NOSYSTEM"] = "1",
        };
        foreach (var name in new[] { "DOTNET_ROOT", "USER", "LOGNAME" })
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                env[name] = value;
            }
        }

        return env;
    }

    /// <summary>As <see cref="Variables"/>, with the identity git needs to commit (the home has no Git config to give one).</summary>
    public static Dictionary<string, string> WithGitIdentity(string home)
    {
        var env = Variables(home);
        env["GIT_AUTHOR_NAME"] = env["GIT_COMMITTER_NAME"] = GitName;
        env["GIT_AUTHOR_EMAIL"] = env["GIT_COMMITTER_EMAIL"] = GitEmail;
        return env;
    }
}
