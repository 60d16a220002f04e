namespace Risks.Tests.Support;

/// <summary>The git command line, run with the isolated environment, for looking at what the program committed.</summary>
internal static class Git
{
    public sealed record Result(int Code, string Out, string Error);

    /// <summary>Runs git in <paramref name="folder"/> and returns its output; fails the test if git fails.</summary>
    public static string Run(string folder, params string[] args)
    {
        var result = TryRun(folder, args);
        if (result.Code != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} exited with {result.Code}: {result.Error}");
        }

        return result.Out;
    }

    public static Result TryRun(string folder, params string[] args)
    {
        var (code, output, error) = ChildProcess.Run("git", ["-C", folder, .. args], null, TimeSpan.FromSeconds(60));
        return new Result(code, output, error);
    }

    /// <summary>Lines of git's output, without the empty last one.</summary>
    public static string[] Lines(string folder, params string[] args) =>
        Run(folder, args).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static int CommitCount(string folder) => int.Parse(Run(folder, "rev-list", "--count", "HEAD").Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public static string Head(string folder) => Run(folder, "rev-parse", "HEAD").Trim();

    /// <summary>Sets the register's own (repository-level) identity, the one saves fall back to.</summary>
    public static void SetIdentity(string folder, string name = CliRunner.UserName, string email = CliRunner.UserEmail)
    {
        Run(folder, "config", "user.name", name);
        Run(folder, "config", "user.email", email);
    }

    public static string Status(string folder) => Run(folder, "status", "--porcelain");
}
