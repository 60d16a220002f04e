using Risks.Tests.Support;

namespace Risks.Tests.EndToEnd;

/// <summary>
/// A new organisation's first day, as a governance lead who has never seen the program would
/// have it, in tmux at 80x24 with only what the screen says: init a register for a new trust,
/// add its objectives and owners in Settings, enter three strategic risks with their narrative,
/// scores, controls, a gap in assurance and a dated action, cut an iteration, lower one score with
/// a reason, cut a second, compare the two and write the board's paper. No YAML, no git command.
/// </summary>
[Collection(nameof(TerminalTests))]
public sealed class FirstDayTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public FirstDayTests()
    {
        Tmux.Available.ShouldBeTrue("the end-to-end tests need tmux (apt-get install tmux)");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_new_trust_sets_up_its_register_enters_three_risks_and_writes_its_first_comparison_and_paper()
    {
        var register = Path.Combine(_temp.Path, "northfield");
        var home = Directory.CreateDirectory(Path.Combine(_temp.Path, "home")).FullName;

        // risks init asks for what it needs, and says what to do next.
        using (var init = new Tmux(_temp.Path, ["init", "northfield"]))
        {
            init.WaitFor("Organisation [northfield]:");
            init.Type("Northfield Community Health NHS Trust");
            init.Send("Enter");
            init.WaitFor("Your name");
            init.Type("Helen Tester");
            init.Send("Enter");
            init.WaitFor("Your email");
            init.Type("helen.tester@northfield.example");
            init.Send("Enter");
            init.WaitFor("Press 5 (or F8) for Settings");
            init.WaitForExit().ShouldBe(0);
        }

        using var ui = new Screen(new Tmux(register, [], variables: new Dictionary<string, string> { ["HOME"] = home }));
        ui.Tmux.WaitFor("There are no risks in the register yet.");
        ui.Tmux.WaitFor("5 Settings");

        // Settings: three objectives and two risk owners, saved as one commit with a reason.
        ui.Tmux.Send("5");
        ui.Tmux.WaitFor("Settings  [saved]");
        foreach (var (id, title, brief) in new[] { ("SO1", "Deliver safe, high-quality care", "Safe care"), ("SO2", "Live within our means — £4.2m savings", "Financial balance"), ("SO3", "Support and grow our workforce", "Workforce") })
        {
            ui.GoTo("Strategic objectives");
            ui.Tmux.Send("a");
            ui.Tmux.WaitFor("┥Add a strategic objective┝");
            ui.Tmux.Type(id);
            ui.Tmux.Send("Enter");
            ui.Tmux.WaitFor($"┥Objective {id} title┝");
            ui.Tmux.Type(title);
            ui.Tmux.Send("Enter");
            ui.Tmux.WaitForGone($"┥Objective {id} title┝");
            ui.Text($"Objective {id} short title", brief);
        }

        foreach (var (login, name) in new[] { ("kbonney", "Kathy Bonney"), ("jbrown", "James Brown") })
        {
            ui.GoTo("People and roles");
            ui.Tmux.Send("a");
            ui.Tmux.WaitFor("┥Add a person┝");
            ui.Tmux.Type(login);
            ui.Tmux.Send("Tab");
            ui.Tmux.Type(name);
            ui.Tmux.Send("Enter");
            ui.Tmux.WaitFor($"┥Role of {name}┝");
            ui.Tmux.WaitFor("◉ risk owner");
            ui.Tmux.Send("Enter");
            ui.Tmux.WaitFor($"{name} ({login}) added as a risk owner");
        }

        ui.Save("Objectives and owners agreed by the board", "Saved as commit");

        // Three strategic risks, each with what the board sees.
        var risks = new[]
        {
            new NewRisk("Staffing shortfall", "Vacancies in community nursing stay above 12% — £1.1m a year in agency spend.", "kbonney", 0, "4 Major", "4 Likely"),
            new NewRisk("Financial balance", "The trust misses its £4.2m savings plan.", "jbrown", 1, "4 Major", "3 Possible"),
            new NewRisk("Digital records", "The move to a new patient record disrupts care for a fortnight.", "kbonney", 0, "3 Moderate", "3 Possible"),
        };
        foreach (var risk in risks)
        {
            ui.Tmux.Send("1");
            ui.Tmux.Send("n");
            ui.Tmux.WaitFor("Which kind of risk?");
            ui.Tmux.Send("s");
            ui.Tmux.WaitFor("[new, not yet saved");
            ui.Text("Title", risk.Title);
            ui.Long("Event", risk.Event);
            ui.Long("Cause", "Too few applicants — and a national shortage.");
            ui.Choose("Owner", risk.Owner == "kbonney" ? "Kathy Bonney (kbonney)" : "James Brown (jbrown)");
            ui.Mark("Objectives", risk.Objective);
            ui.Choose("Current impact", risk.Impact);
            ui.Choose("Current likelihood", risk.Likelihood);
            ui.Add("Controls");
            ui.Long("Control C1 text", "Monthly recruitment panel chaired by the director.");
            ui.Add("Controls");
            ui.Long("Control C2 text", "Bank staff rota agreed with the unions.");
            ui.Add("Gaps");
            ui.Long("Gap G1 text", "No independent review of the controls yet.");
            ui.Choose("Gap G1 type", "assurance");
            ui.Add("Actions");
            ui.Long("Action A1 text", "Commission an internal audit of recruitment.");
            ui.Choose("Action A1 owner", risk.Owner == "kbonney" ? "Kathy Bonney (kbonney)" : "James Brown (jbrown)");
            ui.Text("Action A1 due", "30 Jun 2027");
            ui.Choose("Action A1 status", "not started");
            ui.Tmux.WaitForGone("problem marked !");
            ui.Tmux.WaitForGone("problems marked !");
            ui.Save("Entered from the board paper of November", "Saved as commit");
            ui.Tmux.Send("q");
            ui.Tmux.WaitFor("Showing strategic and operational");
        }

        ui.Tmux.WaitFor("3 of 3 risks");
        ui.CutIteration("2026-11", "Board, November 2026", "26 Nov 2026");

        // One score lowered, with a reason.
        ui.Tmux.Send("/");
        ui.Tmux.Type("Staffing");
        ui.Tmux.WaitFor("1 of 3 risks");
        ui.Tmux.Send("Enter", "Enter");
        ui.Tmux.WaitFor("BAF-01 Staffing shortfall  [saved]");
        ui.Choose("Current likelihood", "3 Possible");
        ui.Tmux.Send("w");
        ui.Tmux.WaitFor("Reason (required: a score changed)");
        ui.Tmux.Type("Vacancies fell to 9%");
        ui.Tmux.Send("Enter");
        ui.Tmux.WaitFor("Saved as commit");
        ui.Tmux.Send("q");
        ui.Tmux.Send("x");
        ui.Tmux.WaitFor("3 of 3 risks");
        ui.CutIteration("2026-12", "Board, December 2026", "17 Dec 2026");

        // The two iterations compared, and the paper written.
        ui.Tmux.Send("4");
        ui.Tmux.WaitFor("From iteration 2026-11 (Board, November 2026), for the board of 26 Nov 2026");
        ui.Tmux.WaitFor("16 → 12 down");
        ui.Tmux.WaitFor("Reduced from 16 since the November 2026 report");
        ui.Tmux.Send("1");
        ui.Tmux.Send("p");
        ui.Tmux.WaitFor("Papers and exports");
        ui.Tmux.WaitFor("BAF paper (HTML, prints to A4) of iteration 2026-12");
        ui.Tmux.Send("Enter");
        ui.Tmux.WaitFor($"{home}/BAF-2026-12.html");
        ui.Tmux.Send("Enter");
        ui.Tmux.WaitFor("Wrote the BAF paper");
        ui.Tmux.Send("Enter");
        ui.Tmux.Send("C-q");
        ui.Tmux.WaitForExit().ShouldBe(0);

        var paper = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(home, "BAF-2026-12.html")));
        paper.ShouldContain("Northfield Community Health NHS Trust");
        paper.ShouldContain("Reduced from 16 since the November 2026 report");
        paper.ShouldContain("£1.1m a year in agency spend");

        // Every change is a commit by the person, in the board's words; nothing was left uncommitted.
        Git.Status(register).ShouldBeEmpty();
        var log = Git.Lines(register, "log", "--reverse", "--format=%an|%s");
        log.ShouldBe(
        [
            "Helen Tester|Register created for Northfield Community Health NHS Trust",
            "Helen Tester|Settings: objective SO1 added: Safe care and 4 more changes",
            "Helen Tester|BAF-01 Staffing shortfall: new risk, current score 16",
            "Helen Tester|BAF-02 Financial balance: new risk, current score 12",
            "Helen Tester|BAF-03 Digital records: new risk, current score 9",
            "Helen Tester|BAF-01 Staffing shortfall: current score 16 -> 12",
        ]);

        // The first commit of a risk holds only what was typed: no review date, no target, no status of its own making.
        var first = Git.Run(register, "show", "HEAD~3:risks/BAF/00/BAF-01.yaml");
        first.ShouldBe(
            """
            id: BAF-01
            kind: strategic
            title: Staffing shortfall
            narrative:
              cause: Too few applicants — and a national shortage.
              event: Vacancies in community nursing stay above 12% — £1.1m a year in agency spend.
            status: open
            owner: kbonney
            objectives:
              - SO1
            current:
              impact: 4
              likelihood: 4
            controls:
              - id: C1
                text: Monthly recruitment panel chaired by the director.
              - id: C2
                text: Bank staff rota agreed with the unions.
            gaps:
              - id: G1
                type: assurance
                text: No independent review of the controls yet.
            actions:
              - id: A1
                text: Commission an internal audit of recruitment.
                owner: kbonney
                due: 2027-06-30
                status: not_started

            """.ReplaceLineEndings("\n"));
        Git.Lines(register, "tag").ShouldBe(["2026-11", "2026-12"]);
    }

    private sealed record NewRisk(string Title, string Event, string Owner, int Objective, string Impact, string Likelihood);

    /// <summary>The full-screen register in tmux, and the few things a person does on it, each by the keys the screen shows.</summary>
    private sealed class Screen(Tmux tmux) : IDisposable
    {
        public Tmux Tmux { get; } = tmux;

        /// <summary>Selects the field named <paramref name="label"/>: from the top (Home), down until the line below the table names it.</summary>
        public void GoTo(string label)
        {
            Tmux.Send("Home");
            TerminalTests.GoTo(Tmux, label);
        }

        /// <summary>Types a one-line field's value.</summary>
        public void Text(string label, string value)
        {
            Open(label);
            Tmux.Type(value);
            Tmux.Send("Enter");
            Tmux.WaitForGone($"┥{label}┝");
        }

        /// <summary>Types a field of several lines, kept with Alt+S as its dialog says.</summary>
        public void Long(string label, string value)
        {
            Open(label);
            Tmux.WaitFor("Alt+S keeps the text");
            Tmux.Type(value);
            Tmux.Send("M-s");
            Tmux.WaitForGone($"┥{label}┝");
        }

        /// <summary>Chooses <paramref name="choice"/> in a field's list: from the top, down to the entry marked ◉ with it, then Enter.</summary>
        public void Choose(string label, string choice)
        {
            Open(label);
            Tmux.Send("Home");
            for (var i = 0; i < 30 && !Tmux.Screen.Contains($"◉ {choice}", StringComparison.Ordinal); i++)
            {
                Tmux.Send("Down");
            }

            Tmux.WaitFor($"◉ {choice}");
            Tmux.Send("Enter");
            Tmux.WaitForGone($"┥{label}┝");
        }

        /// <summary>Marks the entry at <paramref name="index"/> in a list where several may be chosen (Space), then keeps them (Enter).</summary>
        public void Mark(string label, int index)
        {
            Open(label);
            Tmux.WaitFor("Space marks or unmarks");
            for (var i = 0; i < index; i++)
            {
                Tmux.Send("Down");
            }

            Tmux.Send("Space", "Enter");
            Tmux.WaitForGone($"┥{label}┝");
        }

        /// <summary>Adds an item to the list under <paramref name="heading"/>.</summary>
        public void Add(string heading)
        {
            GoTo(heading);
            Tmux.Send("a");
            Tmux.WaitFor("Added; Enter edits its text.");
        }

        /// <summary>Saves with a reason, and waits for <paramref name="said"/>.</summary>
        public void Save(string reason, string said)
        {
            Tmux.Send("w");
            Tmux.WaitFor("Reason (");
            Tmux.Type(reason);
            Tmux.Send("Enter");
            Tmux.WaitFor(said);
        }

        /// <summary>Cuts an iteration from the register screen's list of them (i), with its name, title and board date.</summary>
        public void CutIteration(string name, string title, string boardDate)
        {
            Tmux.Send("i");
            Tmux.WaitFor("Cut a new iteration");
            Tmux.Send("Enter");
            Tmux.WaitFor("┥Cut an iteration┝");
            Tmux.Type(name);
            Tmux.Send("Tab");
            Tmux.Type(title);
            Tmux.Send("Tab");
            Tmux.Type(boardDate);
            Tmux.Send("Enter");
            Tmux.WaitFor($"Cut iteration {name}");
        }

        public void Dispose() => Tmux.Dispose();

        private void Open(string label)
        {
            GoTo(label);
            Tmux.Send("Enter");
            Tmux.WaitFor($"┥{label}┝");
        }
    }
}
