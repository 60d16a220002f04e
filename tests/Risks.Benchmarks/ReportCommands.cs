using System.Globalization;
using System.Text;

namespace Risks.Benchmarks;

/// <summary>The commands table: each command as a person runs it, beside its counterpart, against the issue's goals.</summary>
internal static partial class Report
{
    /// <summary>The section on the commands: how they were run, and a table per size measured.</summary>
    public static string CommandsSection(IReadOnlyList<SizeResult> results, FirstFrames firstFrames)
    {
        var d = new StringBuilder();
        d.Append("## Each command as a person runs it\n\n");
        var measured = results.Where(r => r.Commands is not null).ToList();
        if (measured.Count == 0)
        {
            d.Append(FormattableString.Invariant($"The commands were {results.Select(r => r.CommandsSkipped).FirstOrDefault(s => s is not null) ?? "not measured in this run"}.\n\n"));
            return d.ToString();
        }

        var c = measured[0].Commands!;
        d.Append("The commands of the issue \"Every command fast at 10,000 risks\", each run as a person runs it, beside the git CLI\n");
        d.Append("doing the nearest thing, in the same run:\n\n");
        d.Append("- **Program:** `risks` published as it is installed (`dotnet publish src/Risks -c Release`: compiled to native code ahead\n");
        d.Append("  of time, without the terminal UI library, which is in `risks-ui` beside it; the build of Start-up to first frame below),\n");
        d.Append("  run as `PATH/risks ARGS` in the register's folder (which it finds\n");
        d.Append("  as Git finds a repository): a fresh\n");
        d.Append("  process each time, with a HOME of its own and no system Git config (`GIT_CONFIG_NOSYSTEM=1`), the git commands\n");
        d.Append("  likewise. Standard output goes to a pipe that the benchmark reads to the end and checks.\n");
        d.Append("- **Time and memory:** every process, `risks` and counterpart alike, is started under GNU time\n");
        d.Append("  (`/usr/bin/time -f \"%e %M\"`); the time is the wall clock from starting it to its exit, by the benchmark's own\n");
        d.Append("  stopwatch (so the wrapper's start, about a millisecond, is in both sides' times), and the peak RSS is GNU\n");
        d.Append("  time's `%M`: the maximum resident set size of the process, or of the largest process it waited for.\n");
        d.Append(FormattableString.Invariant($"- **Repetitions:** for each row, one round not counted, then {c.Reps} rounds of the `risks` command followed by its\n"));
        d.Append("  counterpart, so a change in the machine's load hits both alike: median and (min-max). Rounds name different\n");
        d.Append("  risks, picked with a fixed seed; `show`, `log` and `blame` and their counterparts name the same risk in a round.\n");
        d.Append("- **Parse cache:** rows *present* follow the round not counted, which leaves the published program's own\n");
        d.Append("  `.git/risks-cache/parsed.bin` (a cache written by another build is not used); rows *removed* have `.git/risks-cache`\n");
        d.Append("  removed before each `risks` run (not timed), as the first run after an upgrade finds it. The issue sets no goal\n");
        d.Append("  of its own for that first run: those rows are shown against the usual goal for reference (\"within\" or \"over\"),\n");
        d.Append("  which says how far it is, and are not counted among the goals met.\n");
        d.Append("- **Counterparts:**\n");
        d.Append("  - `show`: `risks --help`, the program starting, reading its command line, printing and ending: the floor of any command.\n");
        d.Append(FormattableString.Invariant($"  - `list`: `/bin/sh -c \"{CommandsMeasure.CatCommand}\"`, reading every risk file.\n"));
        d.Append(FormattableString.Invariant($"  - `log`: `git log --format='{CommandsMeasure.GitLogFormat}' -- PATH` (each commit's hash, author, date and whole message, which\n"));
        d.Append("    holds the product's reason and the fields changed), after `git commit-graph write --reachable --changed-paths`,\n");
        d.Append("    which the run writes just before the `log` rows, as the issue's figures assume (the time it took is under each\n");
        d.Append("    table); no commit is made between it and the `blame` and `diff` rows.\n");
        d.Append("  - `blame`: `git blame --porcelain PATH`.\n");
        d.Append("  - `diff`: `git diff --stat FROM TO` of the two tags `risks diff FROM TO` compares: the register's last two monthly\n");
        d.Append("    iterations (how many risk files differ is under each table).\n");
        d.Append("  - `set`: each round, `risks set ID current.likelihood=N -m R` of one risk, then for git another risk's file edited\n");
        d.Append("    by the benchmark, not timed (its `current:` block's `likelihood:` line rewritten, as `sed -i` would), and\n");
        d.Append(FormattableString.Invariant($"    `git commit -q -m R -- PATH` timed. N is a value the risk does not have (1 becomes 2, 2 becomes 3, 3 becomes 2, 4 becomes 5, 5 becomes 4) and R is \"{CommandsMeasure.Reason}\",\n"));
        d.Append("    so each is a real commit, checked to change that file alone. `risks set` writes as the person the Unix login\n");
        d.Append("    is in register.yaml, so the login running the benchmark is made a governance lead there by a git commit before\n");
        d.Append("    the commands (when it is not among the people already) and taken out again by another after them.\n");
        d.Append("- **Checks:** an exit code other than 0 fails the benchmark, as does output that is not what the command gives:\n");
        d.Append("  `show` names its risk, `--help` prints its usage, `list` gives a CSV row for every risk, `cat` every byte of the\n");
        d.Append("  risk files, `git diff --stat` its summary line, the others something.\n");
        d.Append("- **Goals** are the issue's, judged on the medians; the peak RSS of any command is to be at most\n");
        d.Append(FormattableString.Invariant($"  {CommandsMeasure.PeakRssGoalMb:N0} MB, judged on the largest of its runs. The UI rows are the first-frame figures of Start-up to first frame below;\n"));
        d.Append("  their peak RSS is the whole start's, read once the program has gone idle with its background reads done.\n");
        d.Append("- The commands are measured after the figures of Results, History and Board papers, with their own wait for a\n");
        d.Append("  quiet machine; the CPU used by other processes meanwhile is counted as there, and the load average given.\n\n");

        foreach (var r in measured)
        {
            var commands = r.Commands!;
            d.Append(FormattableString.Invariant($"### {r.Risks:N0} risks / {r.Commits:N0} commits\n\n"));
            var frames = new[] { GeneratedFrame(firstFrames, r.Risks, false), GeneratedFrame(firstFrames, r.Risks, true) }.OfType<FirstFrame>().ToList();
            d.Append(CommandsTable(commands, frames)).Append('\n');
            d.Append(FormattableString.Invariant(
                $"`risks diff {commands.DiffFrom} {commands.DiffTo}`: {commands.DiffFiles:N0} risk files differ between the tags. `git commit-graph write --reachable --changed-paths` took {commands.CommitGraphMs:N0} ms. "));
            d.Append(commands.LoginAdded
                ? FormattableString.Invariant($"`{commands.Login}` was made a governance lead for `set` and removed after. ")
                : FormattableString.Invariant($"`{commands.Login}` was among register.yaml's governance leads already. "));
            d.Append(FormattableString.Invariant(
                $"Load average (1, 5, 15 min; these commands count in it) when these commands began: {commands.LoadBefore}; when they ended: {commands.LoadAfter}. Other processes used {commands.OthersShare:P0} of the machine meanwhile"));
            d.Append(commands.OthersShare > 0.10
                ? ": **the machine was busy**, so these figures are higher than on an idle machine, the counterparts' as well as the commands'.\n\n"
                : ".\n\n");
        }

        return d.ToString();
    }

    /// <summary>
    /// The table of one size: a row per command and case, with its counterpart, the ratio of the
    /// medians, the goal and whether it is met, and the peak RSS against its limit; then the UI rows
    /// from <paramref name="frames"/> (the first frame with the parse cache present, then removed).
    /// </summary>
    public static string CommandsTable(CommandsResult c, IReadOnlyList<FirstFrame> frames)
    {
        var t = new StringBuilder();
        t.Append("| command | parse cache | **time**, ms: median (min-max) | counterpart | its time, ms: median (min-max) | ratio | goal (limit, ms) | goal met? | peak RSS, MB: median (max) | <= 200 MB? |\n");
        t.Append("|---|---|---:|---|---:|---:|---|---|---:|---|\n");
        var timeMet = 0;
        var timeRows = 0;
        var referenceRows = 0;
        var referenceWithin = 0;
        var memoryMet = 0;
        var rows = 0;
        foreach (var s in c.Series)
        {
            var mine = S(s.Ms);
            var theirs = S(s.CounterpartMs);
            var limit = s.Goal.LimitMs(theirs.Median);
            var met = mine.Median <= limit;
            var peak = S(s.PeakRssKb.Select(k => (double)k));
            var memory = s.PeakRssKb.Max() / 1024.0 <= CommandsMeasure.PeakRssGoalMb;
            rows++;
            memoryMet += memory ? 1 : 0;
            // The issue sets the commands' time goals for their usual run; the first run after an upgrade (the cache removed)
            // is shown against the same goal for reference, and counted apart.
            var firstRun = s.Case == CommandsMeasure.CacheRemoved;
            if (firstRun)
            {
                referenceRows++;
                referenceWithin += met ? 1 : 0;
            }
            else
            {
                timeRows++;
                timeMet += met ? 1 : 0;
            }

            var verdict = firstRun ? (met ? "within (reference)" : "over (reference)") : Verdict(met);
            t.Append(FormattableString.Invariant(
                $"| {s.Command} | {CacheWord(s.Case)} | {Ms(mine)} | {s.Counterpart} | {Ms(theirs)} | {mine.Median / theirs.Median:N1}x | {(firstRun ? "none; the usual run's, " : "")}{s.Goal.Text} ({limit:N0}) | {verdict} | {Mb((long)peak.Median)} ({Mb(s.PeakRssKb.Max())}) | {Verdict(memory)} |\n"));
        }

        foreach (var frame in frames)
        {
            var ms = S(frame.Ms);
            var goal = frame.CacheRemoved ? FirstFrameFirstTimeGoalMs : FirstFrameGoalMs;
            var met = FirstFrameMet(frame);
            var peak = S(frame.StartPeakRssKb.Select(k => (double)k));
            var memory = frame.StartPeakRssKb.Max() / 1024.0 <= CommandsMeasure.PeakRssGoalMb;
            rows++;
            timeRows++;
            timeMet += met ? 1 : 0;
            memoryMet += memory ? 1 : 0;
            t.Append(FormattableString.Invariant(
                $"| UI first frame (`risks` in tmux, 80x24) | {(frame.CacheRemoved ? "removed (the very first time)" : "present")} | {Ms(ms)} | - | - | - | <= {goal:N0} ms{(frame.CacheRemoved ? FormattableString.Invariant($", with progress shown (seen in {frame.ProgressShown} of {frame.Ms.Count} runs{(frame.ProgressShown < frame.Ms.Count && frame.Ms.Max() <= FirstFrameGoalMs ? $"; none needed, every run within {FirstFrameGoalMs:N0} ms" : "")})") : "")} | {Verdict(met)} | {Mb((long)peak.Median)} ({Mb(frame.StartPeakRssKb.Max())}) | {Verdict(memory)} |\n"));
        }

        if (frames.Count > 0)
        {
            t.Append("\nThe UI rows' peak RSS is read once the program has gone idle after its first frame, with the background reads\n");
            t.Append("it starts then (the last iteration, for movement, and the trend sparklines) done; see Start-up to first frame.\n");
        }

        t.Append("\nThe issue's time goals are for each command's usual run, with the parse cache its last run left; for the UI it sets a\n");
        t.Append("goal of its own for the very first time. A command's first run after an upgrade (the cache removed) has no goal of its\n");
        t.Append("own, so it is shown against the usual run's goal for reference and not counted among the goals.\n");
        t.Append(FormattableString.Invariant($"\nGoals met: {timeMet} of {timeRows} for time, {memoryMet} of {rows} for peak memory; first runs after an upgrade within the usual goal, for reference: {referenceWithin} of {referenceRows}.\n"));
        return t.ToString();

        static string Verdict(bool met) => met ? "met" : "**not met**";
        static string CacheWord(string cacheCase) => cacheCase == CommandsMeasure.CacheRemoved ? "removed" : "present";
    }
}
