using System.Diagnostics;
using System.Globalization;

namespace Risks.Benchmarks;

/// <summary>
/// How much CPU other processes took while the benchmark ran: the machine's busy time from
/// /proc/stat less this process's own time and that of the children it waited for (/proc/self/stat).
/// A busy neighbour (a build, a test run) inflates every figure, so the report says how busy it was.
/// </summary>
internal readonly record struct CpuSample(long MachineBusy, long MachineTotal, long Own)
{
    public static CpuSample Now()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already in user).
        var busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + (cpu.Length > 7 ? cpu[7] : 0);
        var total = busy + cpu[3] + cpu[4];
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the command: state is field 3, so utime stime cutime cstime (fields 14-17) are at 11-14.
        var own = Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
        return new CpuSample(busy, total, own);
    }

    /// <summary>Share of the whole machine (all CPUs) used by other processes between two samples, 0-1.</summary>
    public static double OthersShare(CpuSample from, CpuSample to) => OthersShare(from, to, 0);

    /// <summary>
    /// As <see cref="OthersShare(CpuSample, CpuSample)"/>, less <paramref name="oursTicks"/> clock ticks
    /// used by processes the benchmark started but did not wait for (a tmux server and its programs).
    /// </summary>
    public static double OthersShare(CpuSample from, CpuSample to, long oursTicks)
    {
        var total = to.MachineTotal - from.MachineTotal;
        return total <= 0 ? 0 : Math.Max(0, (to.MachineBusy - from.MachineBusy) - (to.Own - from.Own) - oursTicks) / (double)total;
    }

    /// <summary>Waits until other processes use less than <paramref name="share"/> of the machine over 2 s, for at most <paramref name="limit"/>.</summary>
    public static bool WaitForQuiet(double share, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            var from = Now();
            Thread.Sleep(2000);
            var others = OthersShare(from, Now());
            if (others < share)
            {
                return true;
            }

            if (waited.Elapsed > limit)
            {
                Console.WriteLine($"  the machine is still busy ({others:P0} used by other processes); measuring anyway");
                return false;
            }

            if (!told)
            {
                Console.WriteLine($"  waiting for other processes to quieten ({others:P0} of the machine in use by them)...");
                told = true;
            }
        }
    }
}
