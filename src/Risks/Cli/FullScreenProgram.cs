using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Risks.Cli;

/// <summary>
/// The full-screen register as a program of its own, <c>risks-ui</c>, installed beside <c>risks</c>
/// (publishing makes both: Risks.csproj). The published <c>risks</c> leaves out the terminal UI
/// library, whose start-up work, done before any of the program's own when the program is compiled
/// to native code, was half of every command's start; asked for the full-screen register, it
/// becomes that program (<c>execv</c>: the same process, terminal, environment and arguments).
/// </summary>
internal static partial class FullScreenProgram
{
    public const string Name = "risks-ui";

    /// <summary>
    /// Replaces this process with <see cref="Name"/> from this program's folder, given
    /// <paramref name="args"/>; returns only when that cannot be done, having said why.
    /// </summary>
    public static int Become(IReadOnlyList<string> args, TextWriter error)
    {
        var path = Path.Combine(AppContext.BaseDirectory, Name);
        if (!File.Exists(path))
        {
            error.WriteLine($"risks: the full-screen register is the program {path}, which is not there: publish the program again (dotnet publish src/Risks), which makes it beside risks");
            return ExitCodes.Failure;
        }

        Console.Out.Flush();
        error.Flush();
        var argv = new nint[args.Count + 2];
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8(path);
            for (var i = 0; i < args.Count; i++)
            {
                argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
            }

            Exec(path, argv);
            var errno = Marshal.GetLastPInvokeError();
            error.WriteLine($"risks: {path} could not be started: {new Win32Exception(errno).Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            foreach (var arg in argv)
            {
                Marshal.FreeCoTaskMem(arg);
            }
        }
    }

    /// <summary>The arguments this process was started with, to start the full-screen program with the same.</summary>
    public static IReadOnlyList<string> OwnArguments() => Environment.GetCommandLineArgs()[1..];

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Exec(string path, nint[] argv);
}
