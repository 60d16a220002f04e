using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Risks.Tests.Support;

/// <summary>
/// A real Git server for sync tests: <c>git daemon</c> on 127.0.0.1 serving bare repositories
/// from a folder, pushes allowed, stopped when disposed.
/// </summary>
internal sealed class GitDaemon : IDisposable
{
    private readonly Process _process;

    private GitDaemon(Process process, string folder, int port)
    {
        _process = process;
        Folder = folder;
        Port = port;
    }

    /// <summary>The folder whose bare repositories are served.</summary>
    public string Folder { get; }

    public int Port { get; }

    /// <summary>The git:// URL of the repository <paramref name="name"/> in <see cref="Folder"/>.</summary>
    public string Url(string name) => $"git://127.0.0.1:{Port}/{name}";

    public static GitDaemon Serve(string folder)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("git") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack", $"--base-path={folder}", "--listen=127.0.0.1", $"--port={port}", folder })
            {
                start.ArgumentList.Add(arg);
            }

            TestEnvironment.Isolate(start);
            var process = Process.Start(start)!;
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
            {
                if (Accepts(port))
                {
                    return new GitDaemon(process, folder, port);
                }

                Thread.Sleep(50);
            }

            Stop(process);
            if (attempt == 3)
            {
                throw new InvalidOperationException("git daemon did not start listening on 127.0.0.1");
            }
        }
    }

    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
