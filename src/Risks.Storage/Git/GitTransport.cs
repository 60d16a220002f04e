using System.Diagnostics;

namespace Risks.Storage.Git;

/// <summary>
/// Fetching from and pushing to a register's remote with the <c>git</c> program, so every transport
/// and every way of signing in that the person's Git already has (SSH keys and agents, credential
/// helpers, proxies) works as it does for them; commits and merges are made in-process.
/// </summary>
internal static class GitTransport
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>What a git command said and whether it succeeded.</summary>
    public sealed record Result(int Code, string Output, string Error)
    {
        public bool Ok => Code == 0;

        /// <summary>The last lines git wrote to stderr, for a message.</summary>
        public string Said => string.Join("; ", Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));
    }

    public static Result Fetch(string root, string remote, string branch) =>
        Run(root, "fetch", "--quiet", "--no-write-fetch-head", remote, $"+refs/heads/{branch}:refs/remotes/{remote}/{branch}", "refs/tags/*:refs/tags/*");

    /// <summary>Pushes the branch (never forced) and the iterations (tags) the remote does not have.</summary>
    public static Result Push(string root, string remote, string branch) =>
        Run(root, "push", "--quiet", "--porcelain", remote, $"refs/heads/{branch}:refs/heads/{branch}", "refs/tags/*:refs/tags/*");

    public static Result Run(string root, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(root);

        // Whose the register is has been checked on opening it (a shared register may be another person's).
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"safe.directory={root.TrimEnd('/')}");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Never stop to ask for a password on a terminal the program is drawing on.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new RegisterException("could not start git");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new RegisterException($"sync needs the git program on PATH ({ex.Message})");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"git {args[0]} did not finish in {Timeout.TotalMinutes:0} minutes");
            }

            return new Result(process.ExitCode, output.Result, error.Result);
        }
    }
}
