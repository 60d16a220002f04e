using Risks.Core.Domain;
using Risks.Storage.Git;

// Usage: SaveWorker REGISTER PREFIX COUNT [SAME-ID]
// Saves COUNT new risks PREFIX-1..PREFIX-COUNT (or COUNT edits of SAME-ID, re-reading it after each
// conflict) and prints "saved N conflicts M".
var register = RegisterRepository.Open(args[0]);
var prefix = args[1];
var count = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var author = new Author($"Worker {prefix}", $"{prefix.ToLowerInvariant()}@test.example", prefix.ToLowerInvariant());
var saved = 0;
var conflicts = 0;
for (var i = 1; i <= count; i++)
{
    if (args.Length > 3)
    {
        while (true)
        {
            var stored = register.Load().Find(args[3])!;
            var edited = stored.Risk with { Performance = $"{prefix} edit {i}" };
            var outcome = register.Save(edited, stored.Version, $"edit {i} by {prefix}", author);
            if (outcome is SaveOutcome.Saved)
            {
                saved++;
                break;
            }

            conflicts++;
        }

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
    if (register.Save(risk, null, "new", author) is SaveOutcome.Saved)
    {
        saved++;
    }
}

Console.WriteLine($"saved {saved} conflicts {conflicts}");
