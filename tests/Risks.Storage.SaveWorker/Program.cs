using Risks.Core.Domain;
using Risks.Storage.Git;

// Usage:
//   SaveWorker REGISTER PREFIX COUNT            saves COUNT new risks PREFIX-1..PREFIX-COUNT
//   SaveWorker REGISTER PREFIX COUNT SAME-ID    saves COUNT edits of SAME-ID, re-reading it after each conflict
//   SaveWorker REGISTER PREFIX loop ID[,ID...]  edits the risks in turn until killed
// Each edit adds its key (PREFIX.N) to the performance text it read, so a save made over another
// without a conflict would show as a missing key. Prints "ack REASON" as soon as each save is
// acknowledged (so a test that kills the worker knows which saves were reported as done), and at
// the end "saved N conflicts M".
var register = Register.Open(args[0]);
var prefix = args[1];
var author = new Author($"Worker {prefix}", $"{prefix.ToLowerInvariant()}@test.example", prefix.ToLowerInvariant());
var saved = 0;
var conflicts = 0;

void Edit(string id, string reason, string key)
{
    while (true)
    {
        var stored = register.Reader.Load().Find(id)!;
        var edited = stored.Risk with { Performance = $"{stored.Risk.Performance} {key}".Trim() };
        if (register.Saves.Save(edited, stored.Version, reason, author) is SaveOutcome.Saved)
        {
            saved++;
            Console.WriteLine($"ack {reason}");
            return;
        }

        conflicts++;
    }
}

if (args[2] == "loop")
{
    var ids = args[3].Split(',');
    for (var i = 1; ; i++)
    {
        Edit(ids[i % ids.Length], $"edit {i} by {prefix}", $"{prefix}.{i}");
    }
}

var count = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
for (var i = 1; i <= count; i++)
{
    if (args.Length > 3)
    {
        Edit(args[3], $"edit {i} by {prefix}", $"{prefix}.{i}");
        continue;
    }

    var risk = new Risk
    {
        Id = RiskId.Parse($"{prefix}-{i}"),
        Kind = RiskKind.Operational,
        Title = $"Risk {i} from {prefix}",
        Narrative = new Narrative { Event = "Something could go wrong." },
        Owner = "owner",
        Current = new Score(3, 3),
    };
    if (register.Saves.Save(risk, null, $"new {prefix}-{i}", author) is SaveOutcome.Saved)
    {
        saved++;
        Console.WriteLine($"ack new {prefix}-{i}");
    }
}

Console.WriteLine($"saved {saved} conflicts {conflicts}");
