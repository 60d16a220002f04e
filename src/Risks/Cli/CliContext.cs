namespace Risks.Cli;

/// <summary>What a command may touch of the world: its output, the clock, the folder it runs in, the environment and the terminal.</summary>
public sealed record CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public TextReader In { get; init; } = TextReader.Null;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public string CurrentDirectory { get; init; } = Environment.CurrentDirectory;

    public Func<string, string?> Variable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// Who is at work: the Unix login running the program, or, in a session opened with an SSH key
    /// (<c>risks ssh session --as LOGIN</c>), the person the key belongs to. Their role comes from register.yaml.
    /// </summary>
    public string Login { get; init; } = Environment.UserName;

    /// <summary>A value of the person's Git configuration, such as <c>user.name</c> (global and system settings; null when not set).</summary>
    public Func<string, string?> GitConfig { get; init; } = ReadGitConfig;

    /// <summary>A person is at a terminal to answer questions and use an editor.</summary>
    public bool Interactive { get; init; }

    /// <summary>Standard error is a terminal, so progress can be shown on one line that is written over.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Standard output is a terminal (not a pipe or a file), so it is read by a person rather than a script.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>Where the sample register's source files are.</summary>
    public string DataFolder { get; init; } = Path.Combine(AppContext.BaseDirectory, "data");

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    private static string? ReadGitConfig(string key)
    {
        using var config = LibGit2Sharp.Configuration.BuildFrom(null);
        return config.Get<string>(key)?.Value;
    }

    public static CliContext FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        Interactive = !Console.IsInputRedirected && !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
        OutIsTerminal = !Console.IsOutputRedirected,
    };
}

/// <summary>The command's exit codes, as documented in the README.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Problems = 1;
    public const int Usage = 2;
    public const int Conflict = 3;
    public const int NotFound = 4;
    public const int NoIdentity = 5;
    public const int NotAllowed = 6;
    public const int Failure = 70;

    /// <summary><c>risks remind</c>: 100 + how many reminders could not be sent (up to 199).</summary>
    public static int NotSent(int count) => 100 + Math.Clamp(count, 1, 99);
}
