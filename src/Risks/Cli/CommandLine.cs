using System.CommandLine;
using System.Runtime;
using Risks.Core.Domain;
using Risks.Core.Queries;
using Risks.Storage.Git;

namespace Risks.Cli;

/// <summary>The <c>risks</c> command line: its commands, options and help, declared once.</summary>
public static class CommandLine
{
    /// <summary>
    /// The commands that collect as usual from the start: those that read one risk (with register.yaml), not the
    /// register, and <c>diff</c>, most of whose making (each pair of versions compared, the texts of the changes) is
    /// garbage soon after it is made, so that collecting lets it reuse memory already touched instead of touching
    /// new: <c>risks diff</c> of two monthly iterations at 10,000 risks took 509 ms without collections at first and
    /// 400 ms with them (perf stat, 8 runs each), where <c>risks list</c>, which keeps what it reads, took 328 and 403.
    /// </summary>
    private static readonly HashSet<string> CollectingCommands = new(["show", "set", "edit", "log", "blame", "diff"], StringComparer.Ordinal);

    /// <summary>How much a command may allocate before garbage is first collected.</summary>
    public const long UncollectedBytes = 64L << 20;

    /// <summary>
    /// For a command, which runs to its end and exits, and most of whose making (the register it reads)
    /// lives to the end: no collections for its first <see cref="UncollectedBytes"/>, then as usual.
    /// Collecting while a register is read only copies it from place to place: a fifth of
    /// <c>risks list</c> at 10,000 risks (docs/performance-history.md).
    /// </summary>
    public static void CollectLater()
    {
        try
        {
            GC.TryStartNoGCRegion(UncollectedBytes);
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than this runtime allows at once: collections are as usual.
        }
    }

    /// <summary>Ends the start's time without collections (<see cref="CollectLater"/>), if it has not ended already, for a session that stays open.</summary>
    public static void CollectAsUsual()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // It ended by itself (more was allocated than it allowed): collections are as usual already.
            }
        }
    }

    /// <param name="collectLater">
    /// For the program's own run (Program.cs): a command that reads many risks collects no garbage at first (<see cref="CollectLater"/>).
    /// One that reads one risk, or help, allocates too little for that to pay: setting the memory aside costs such a command more
    /// (a twelfth of <c>risks --help</c>) than the collections it saves; nor does <c>diff</c> gain (<see cref="CollectingCommands"/>).
    /// </param>
    public static int Run(string[] args, CliContext context, bool collectLater = false)
    {
        var root = Build(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                context.Error.WriteLine($"risks: {error.Message}");
            }

            context.Error.WriteLine("Run 'risks --help' for the commands and options.");
            return ExitCodes.Usage;
        }

        if (collectLater && !(parsed.Action is System.CommandLine.Help.HelpAction
            || (parsed.CommandResult.Command.Parents.Contains(root) && CollectingCommands.Contains(parsed.CommandResult.Command.Name))))
        {
            CollectLater();
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (RegisterException ex)
        {
            context.Error.WriteLine($"risks: {ex.Message}");
            return ExitCodes.NotFound;
        }
        catch (IdentityException ex)
        {
            context.Error.WriteLine($"risks: {ex.Message}");
            return ExitCodes.NoIdentity;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LibGit2Sharp.LibGit2SharpException or TimeoutException)
        {
            context.Error.WriteLine($"risks: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// The options a command line gives, by their names (<c>--out</c>), however they are written
    /// (<c>-o FILE</c>, <c>-o:FILE</c>, <c>-oFILE</c>, <c>--out=FILE</c>), as the parser reads them.
    /// </summary>
    public static IReadOnlySet<string> OptionsGiven(IReadOnlyList<string> args, CliContext context)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        Walk(Build(context).Parse(args).RootCommandResult);
        return given;

        void Walk(System.CommandLine.Parsing.CommandResult command)
        {
            foreach (var child in command.Children)
            {
                switch (child)
                {
                    case System.CommandLine.Parsing.OptionResult { Implicit: false } option:
                        given.Add(option.Option.Name);
                        break;
                    case System.CommandLine.Parsing.CommandResult sub:
                        Walk(sub);
                        break;
                }
            }
        }
    }

    private static RootCommand Build(CliContext context)
    {
        var register = new Option<string?>("--register", "-r")
        {
            Description = "The register's folder (default: $RISKS_REGISTER, else the register containing the current folder)",
            Recursive = true,
        };
        var root = new RootCommand("Keep an organisation's risk register and Board Assurance Framework in a Git repository. With no command, opens the full-screen register.");
        root.Options.Add(register);
        var commands = new Commands(context, r => r.GetValue(register));

        var initPath = new Argument<string?>("path") { Description = "Folder for the new register (default: the current folder)", Arity = ArgumentArity.ZeroOrOne };
        var organisation = new Option<string?>("--organisation") { Description = "The organisation's name (at a terminal, asked for, offering the folder's name; without one, the folder's name)" };
        var name = new Option<string?>("--name") { Description = "Your name, as the register's first governance lead (at a terminal, asked for, offering git config user.name; without one, git config user.name)" };
        var email = new Option<string?>("--email") { Description = "Your email, which your commits carry (at a terminal, asked for, offering git config user.email; without one, git config user.email)" };
        var jobTitle = new Option<string?>("--job-title") { Description = "Your job title, such as \"Head of Corporate Governance\"" };
        var shared = new Option<string?>("--shared") { Description = "Share the register with this Unix group, for several people on one server (see docs/server.md); on an existing register, shares it" };
        var init = new Command("init", "Make a new, empty register: a Git repository holding register.yaml, with you (your login) as its governance lead. At a terminal it asks for what the options do not give; then it says what to do next.")
        {
            initPath, organisation, name, email, jobTitle, shared,
        };
        init.SetAction(r => commands.Init(r.GetValue(initPath), r.GetValue(organisation), r.GetValue(name), r.GetValue(email), r.GetValue(jobTitle), r.GetValue(shared)));

        var demoPath = new Argument<string?>("path") { Description = "Folder for the sample register (default: a new folder under the temporary folder)", Arity = ArgumentArity.ZeroOrOne };
        var noUi = new Option<bool>("--no-ui") { Description = "Only build the sample register; do not open it (also when there is no terminal)" };
        var demo = new Command("demo", "Build the sample register (the March 2025 BAF, with its January 2025 iteration) as a Git repository with real history, and open it.")
        {
            demoPath, noUi,
        };
        demo.SetAction(r => commands.Demo(r.GetValue(demoPath), r.GetValue(noUi)));

        var kind = Choice<RiskKind>("--kind", "Only strategic (BAF) or operational risks");
        var band = new Option<string?>("--band") { Description = "Only risks whose current score is in this band, such as Extreme" };
        var owner = new Option<string?>("--owner") { Description = "Only risks this login owns or leads" };
        var objective = new Option<string?>("--objective") { Description = "Only risks threatening this objective, such as SO2" };
        var status = new Option<string>("--status") { Description = "open, closed, merged or all", DefaultValueFactory = _ => "open" };
        status.AcceptOnlyFromAmong("open", "closed", "merged", "all");
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var where = new Option<string[]>("--where")
        {
            Description = "FIELD=VALUE: only risks with this value of any field, written as 'risks set' writes it (custom.cqc_domain=Well-led, response=treat, actions[].status=in progress); FIELD= for no value; give it again for more conditions",
            AllowMultipleArgumentsPerToken = false,
        };
        var list = new Command("list", "List the register's risks, with their scores, bands, reviews and actions.")
        {
            kind, band, owner, objective, status, where, format,
        };
        list.SetAction(r => commands.List(
            new RiskFilter
            {
                Kind = r.GetValue(kind) is { } k && Vocabulary.TryParse<RiskKind>(k, out var parsedKind) ? parsedKind : null,
                Band = r.GetValue(band),
                Owner = r.GetValue(owner),
                Objective = r.GetValue(objective),
                Status = r.GetValue(status) is { } s && Vocabulary.TryParse<RiskStatus>(s, out var parsedStatus) ? parsedStatus : null,
            },
            r.GetValue(where) ?? [],
            r.GetValue(format)!,
            r));

        var showId = new Argument<string>("id") { Description = "The risk's id, such as BAF-07" };
        var showFormat = new Option<string>("--format") { Description = "text, yaml or json", DefaultValueFactory = _ => "text" };
        showFormat.AcceptOnlyFromAmong("text", "yaml", "json");
        var show = new Command("show", "Show every field of one risk, with its derived score, band and overdue items.") { showId, showFormat };
        show.SetAction(r => commands.Show(r.GetValue(showId)!, r.GetValue(showFormat)!, r));

        var baf = new Option<bool>("--baf") { Description = "Also hold the BAF to its rules (scores, target dates, owners, committees, gaps with actions, reviews, tolerance, high risks linked, late actions started): one line per breach, with the rule's id and severity; exit 1 if any is an error" };
        var check = new Command("check", "Check every file of the register; print one file:line:column line per problem and exit 1 if there are any.") { baf };
        check.SetAction(r => commands.Check(r.GetValue(baf), r));

        var reason = new Option<string?>("--message", "-m") { Description = "Why: the reason recorded with the change" };
        var editId = new Argument<string>("id") { Description = "The risk's id, such as BAF-07" };
        var editExpect = new Option<string?>("--expect") { Description = "The version you read (the \"version\" of 'risks show ID --format json', or a commit): nothing is saved if the risk has changed since (exit 3)" };
        var edit = new Command("edit", "Edit a risk's file in $VISUAL or $EDITOR; it is checked when you close the editor, and committed with a reason.") { editId, reason, editExpect };
        edit.SetAction(r => commands.Edit(r.GetValue(editId)!, r.GetValue(reason), r.GetValue(editExpect), r));

        var setId = new Argument<string?>("id") { Description = "The risk's id, such as BAF-07", Arity = ArgumentArity.ZeroOrOne };
        var settings = new Argument<string[]>("settings")
        {
            Description = "FIELD=VALUE to set a field (current.likelihood=3, actions[A3].due=2025-06-30), FIELD= to clear it, FIELD+=VALUE and FIELD-=VALUE to add to or remove from a list",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var setFrom = new Option<string?>("--from") { Description = "Changes to several risks, one per line as ID FIELD=VALUE (or ID@VERSION FIELD=VALUE), from a file or - for standard input: one commit, all or nothing" };
        var setReason = new Option<string>("--message", "-m") { Description = "Why: the reason recorded with the change", Required = true };
        var setExpect = new Option<string?>("--expect") { Description = "The version the script read (the \"version\" of 'risks show ID --format json', or a commit): nothing is saved if the risk has changed since (exit 3); += and -= alone are applied to the version there" };
        var set = new Command("set", "Change fields of a risk from a script, by their path in the file, as one commit (or of several risks with --from).") { setId, settings, setReason, setExpect, setFrom };
        set.SetAction(r => r.GetValue(setFrom) is { } from
            ? r.GetValue(setId) is null && r.GetValue(settings) is not { Length: > 0 } && r.GetValue(setExpect) is null
                ? commands.SetFrom(from, r.GetValue(setReason)!, r)
                : commands.Usage("with --from, the changes (and any version read) are in the file, one per line: give no ID, FIELD=VALUE or --expect")
            : r.GetValue(setId) is { } id && r.GetValue(settings) is { Length: > 0 } given
                ? commands.Set(id, given, r.GetValue(setReason)!, r.GetValue(setExpect), r)
                : commands.Usage("risks set needs the risk's ID and at least one FIELD=VALUE (or --from FILE for several risks)"));

        var iterationName = new Argument<string>("name") { Description = "The iteration's name, such as 2025-03" };
        var iterationTitle = new Option<string?>("--title") { Description = "What the iteration is for, such as \"Board 13 March 2025\"" };
        var iterationBoardDate = new Option<string?>("--board-date") { Description = "The day of the board meeting it is for, such as 2025-03-13, 13/03/2025 or \"13 Mar 2025\" (default: today); reports are named by its month (\"March 2025 report\")" };
        // The cover sheet's parts, as options of both create and cover: each is kept with the iteration.
        Option<string?>[] coverOptions =
        [
            new("--meeting") { Description = "Cover sheet: the meeting, such as \"Part I ICB Board Meeting\"" },
            new("--agenda-item") { Description = "Cover sheet: the agenda item's number" },
            new("--executive-lead") { Description = "Cover sheet: the executive lead (a login of register.yaml's people, shown with their job title, or a name)" },
            new("--author") { Description = "Cover sheet: the author (a login or a name)" },
            new("--purpose") { Description = "Cover sheet: the purpose, such as Assurance, Approval, Discussion or Information" },
            new("--recommendation") { Description = "Cover sheet: what the board is asked to do" },
            new("--reviewed-by") { Description = "Cover sheet: the committees that reviewed it, separated by commas" },
        ];
        IReadOnlyList<(string Key, string? Value)> Cover(ParseResult r) => [.. coverOptions.Select(o => (o.Name.TrimStart('-'), r.GetValue(o)))];
        var iterationCreate = new Command("create", "Cut an iteration: mark the register as committed now, for a board meeting (governance leads), with the paper's cover sheet if given.") { iterationName, iterationTitle, iterationBoardDate };
        coverOptions.ToList().ForEach(iterationCreate.Options.Add);
        iterationCreate.SetAction(r => commands.IterationCreate(r.GetValue(iterationName)!, r.GetValue(iterationTitle), r.GetValue(iterationBoardDate), Cover(r), r));
        var coverName = new Argument<string>("name") { Description = "The iteration, such as 2025-03" };
        var iterationCover = new Command("cover", "Show an iteration's cover sheet, or change the parts given (governance leads; a blank value clears one): its tag is made again on the same commit, so the paper of the iteration keeps its risks and takes the new cover.") { coverName };
        coverOptions.ToList().ForEach(iterationCover.Options.Add);
        iterationCover.SetAction(r => commands.IterationCover(r.GetValue(coverName)!, Cover(r), r));
        var iterationList = new Command("list", "List the iterations, oldest first (by board date), with the board date, commit, who cut them and when, and their titles.");
        iterationList.SetAction(r => commands.IterationList(r));
        var removeName = new Argument<string>("name") { Description = "The iteration to remove" };
        var iterationRemove = new Command("remove", "Remove an iteration (governance leads); the history it marked is kept.") { removeName };
        iterationRemove.SetAction(r => commands.IterationRemove(r.GetValue(removeName)!, r));
        var iteration = new Command("iteration", "The register's monthly BAF iterations: annotated Git tags.") { iterationCreate, iterationList, iterationCover, iterationRemove };

        var logId = new Argument<string>("id") { Description = "The risk's id, such as BAF-07" };
        var logPatch = new Option<bool>("--patch", "-p") { Description = "Also print each commit's Git patch of the risk's file" };
        var logFormat = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var log = new Command("log", "Show every commit that changed a risk, newest first: when, who, why, and each field changed (commits made with plain Git too).") { logId, logPatch, logFormat };
        log.SetAction(r => commands.Log(r.GetValue(logId)!, r.GetValue(logPatch), r.GetValue(logFormat)!, r));

        var blameId = new Argument<string>("id") { Description = "The risk's id, such as BAF-07" };
        var blameFormat = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        blameFormat.AcceptOnlyFromAmong("text", "json");
        var blame = new Command("blame", "Show who last changed each field of a risk (each part of each score, owner, each control, gap, assurance and action), when, in which commit and why.") { blameId, blameFormat };
        blame.SetAction(r => commands.Blame(r.GetValue(blameId)!, r.GetValue(blameFormat)!, r));

        var diffFrom = new Argument<string>("from") { Description = "The earlier version: an iteration (2025-01), a commit, HEAD, or a date (2025-02-28: the register at the end of that day)" };
        var diffTo = new Argument<string>("to") { Description = "The later version, named the same ways (default: HEAD)", DefaultValueFactory = _ => "HEAD" };
        var diffFormat = new Option<string>("--format") { Description = "text, markdown or json", DefaultValueFactory = _ => "text" };
        diffFormat.AcceptOnlyFromAmong("text", "markdown", "json");
        var diff = new Command("diff", "Compare two versions of the register: risks new and closed, current scores up, down or unchanged (these add up to the risks compared; escalated and de-escalated, to a higher or lower band, are among the ups and downs; a risk with a current score on one side only is counted as without a score to compare), owners, and controls, gaps, assurances, actions and narrative changed. Prose edits are shown word by word: to a terminal, ‹old → new› for words replaced, ‹removed: old› and ‹added: new›, with removed words red and struck through and added words green and bold (no colour with NO_COLOR); to a pipe or file, as git diff --word-diff does, [-old-] for words removed and {+new+} for words added; in markdown, ~~old~~ and **new**.") { diffFrom, diffTo, diffFormat };
        diff.SetAction(r => commands.Diff(r.GetValue(diffFrom)!, r.GetValue(diffTo)!, r.GetValue(diffFormat)!, r));

        var reportAt = new Option<string?>("--at") { Description = "The version to report: an iteration (2025-03), a commit, or a date (default: HEAD, the register as last committed)" };
        var reportFormat = new Option<string>("--format") { Description = "html (one self-contained file that prints to A4 landscape), markdown, pdf (printed by Chromium, which must be installed) or docx (a Word document); pdf and docx need --out", DefaultValueFactory = _ => "html" };
        reportFormat.AcceptOnlyFromAmong("html", "markdown", "pdf", "docx");
        var reportOut = new Option<string?>("--out", "-o") { Description = "The file to write (default: standard output)" };
        var report = new Command("report", "Make the board's BAF paper: summary table, a section per strategic risk with its movement since the previous iteration, heat map, risks outside appetite or target, partners' red risks, the board's open actions and the undertakings to regulators. Made from an iteration, it says the same whenever it is made (HTML, Markdown and Word byte for byte; PDF in its text).") { reportAt, reportFormat, reportOut };
        report.SetAction(r => commands.Report(r.GetValue(reportAt), r.GetValue(reportFormat)!, r.GetValue(reportOut), r));

        var exportFormat = new Option<string>("--format") { Description = "csv (UTF-8 with a byte order mark, for Excel), or xlsx: an Excel workbook with sheets of risks, actions, board actions and undertakings, dates as dates and scores as numbers (needs --out)", DefaultValueFactory = _ => "csv" };
        exportFormat.AcceptOnlyFromAmong("csv", "xlsx");
        var exportActions = new Option<bool>("--actions") { Description = "CSV: one row per action (with its risk) instead of one per risk (a workbook has a sheet of each)" };
        var exportAt = new Option<string?>("--at") { Description = "The version to export: an iteration (2025-03), a commit, or a date (default: the register in the folder)" };
        var exportOut = new Option<string?>("--out", "-o") { Description = "The file to write (default for CSV: standard output)" };
        var export = new Command("export", "Write the register for a spreadsheet, as CSV (one row per risk with every field: lists one item per line, controls, gaps, assurances and actions as 'id | part | ...' lines; or one row per action) or as an Excel workbook (the same rows on a sheet of risks and one of actions, and sheets of board actions and undertakings). 'risks import' reads either back.") { exportFormat, exportActions, exportAt, exportOut };
        export.SetAction(r => commands.Export(r.GetValue(exportFormat)!, r.GetValue(exportActions), r.GetValue(exportAt), r.GetValue(exportOut), r));

        var importFile = new Argument<string>("file") { Description = "The CSV file or Excel workbook (.xlsx): an export of this program, or a spreadsheet described by --map" };
        var importMap = new Option<string?>("--map") { Description = "A YAML map saying which column is which field, and the spreadsheet's words for scores, people and choices (see docs/import-map-example.yaml); not needed for a file with the export's own columns" };
        var importSheet = new Option<string?>("--sheet") { Description = "The workbook's sheet to read (default: the first visible sheet with the columns looked for; hidden sheets only when named)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and say what would be new, changed or unchanged; write nothing" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the valid rows even if others have problems (they are listed; the exit code is 1)" };
        var importReason = new Option<string?>("--message", "-m") { Description = "Why: the reason recorded with the import" };
        var import = new Command("import", "Bring risks in from a CSV file or an Excel workbook as one commit: every row is checked and every problem named by row and column; nothing is written unless every row is valid (or --skip-invalid). Importing the same file again changes nothing.") { importFile, importMap, importSheet, dryRun, skipInvalid, importReason };
        import.SetAction(r => commands.Import(r.GetValue(importFile)!, r.GetValue(importMap), r.GetValue(importSheet), r.GetValue(dryRun), r.GetValue(skipInvalid), r.GetValue(importReason), r));

        var syncRemote = new Option<string?>("--remote") { Description = "The remote to sync with (default: origin, or the only remote)" };
        var sync = new Command("sync", "Fetch from and push to the register's Git server: commits made here go on top of the server's (history stays linear, authors kept); a risk both sides changed merges field by field, and a field both changed differently is left for you to re-apply in the UI (exit 3). Uses your git for the connection (SSH keys, credential helpers).") { syncRemote };
        sync.SetAction(r => commands.Sync(r.GetValue(syncRemote), r));

        var update = new Argument<string[]>("update") { Description = "As Git's update hook gives them: REF OLD NEW", Arity = new ArgumentArity(0, 3) };
        var range = new Option<string?>("--range") { Description = "Check the commits FROM..TO (or ..TO for all up to TO) instead, by hand" };
        var pusher = new Option<string?>("--pusher") { Description = "The login of the person pushing (default: $GL_USERNAME on GitLab, $GITEA_PUSHER_NAME on Gitea)" };
        var pusherIsLogin = new Option<bool>("--pusher-is-login") { Description = "The person pushing is the Unix login running the hook (a bare repository reached over SSH with each person's own account)" };
        var signOffId = new Argument<string>("id") { Description = "The risk's id, such as BAF-07" };
        var signOffNote = new Option<string?>("--message", "-m") { Description = "A note recorded with the sign-off" };
        var signOff = new Command("signoff", "Sign a risk off for the board, as its owner or as someone register.yaml lets sign off: one commit naming the version signed; a later change to its scores, controls, gaps, assurances or actions makes the sign-off lapse.") { signOffId, signOffNote };
        signOff.SetAction(r => commands.SignOff(r.GetValue(signOffId)!, r.GetValue(signOffNote), r));

        var boardAll = new Option<bool>("--all") { Description = "Also list the actions that are complete or closed" };
        var boardList = new Command("list", "List the board's action log: open actions, the overdue first, each with its leads, deadline and status.") { boardAll };
        boardList.SetAction(r => commands.BoardActionList(r.GetValue(boardAll), r));
        var boardNumber = new Option<int?>("--number") { Description = "The action's number in the board's log (default: the next)" };
        var boardItem = new Option<string>("--item") { Description = "The agenda item's title", Required = true };
        var boardText = new Option<string>("--action") { Description = "What is to be done", Required = true };
        var boardMeeting = new Option<string?>("--meeting") { Description = "The date of the board meeting that agreed it" };
        var boardAgenda = new Option<string?>("--agenda-item") { Description = "The agenda item's number at that meeting" };
        var boardLeads = new Option<string[]>("--lead") { Description = "A lead's login (give it once for each lead)", AllowMultipleArgumentsPerToken = false };
        var boardDeadline = new Option<string?>("--deadline") { Description = "The deadline for completion" };
        var boardRisks = new Option<string[]>("--risk") { Description = "The id of a risk it bears on (once for each)" };
        var boardReason = new Option<string?>("--message", "-m") { Description = "Why: recorded with the change" };
        var boardAdd = new Command("add", "Add an action to the board's log (governance leads), as one commit.") { boardNumber, boardItem, boardText, boardMeeting, boardAgenda, boardLeads, boardDeadline, boardRisks, boardReason };
        boardAdd.SetAction(r => commands.BoardActionAdd(r.GetValue(boardNumber), r.GetValue(boardItem)!, r.GetValue(boardText)!, r.GetValue(boardMeeting), r.GetValue(boardAgenda), r.GetValue(boardLeads) ?? [], r.GetValue(boardDeadline), r.GetValue(boardRisks) ?? [], r.GetValue(boardReason), r));
        var boardUpdateNumber = new Argument<int>("number") { Description = "The action's number" };
        var boardNote = new Option<string>("--note") { Description = "The update, as the log will give it", Required = true };
        var boardStatus = new Option<string?>("--status") { Description = "open or in_progress" };
        var boardUpdate = new Command("update", "Add a dated update to a board action (its leads, or a governance lead), as one commit.") { boardUpdateNumber, boardNote, boardStatus };
        boardUpdate.SetAction(r => commands.BoardActionUpdate(r.GetValue(boardUpdateNumber), r.GetValue(boardNote)!, r.GetValue(boardStatus), r));
        var boardCloseNumber = new Argument<int>("number") { Description = "The action's number" };
        var boardClosingNote = new Option<string>("--note") { Description = "The closing note: what was done, or why it is closed", Required = true };
        var boardAs = new Option<string>("--as") { Description = "complete (done) or closed (no longer needed)", DefaultValueFactory = _ => "complete" };
        boardAs.AcceptOnlyFromAmong("complete", "closed");
        var boardClose = new Command("close", "Close a board action as complete or closed, with a closing note (governance leads), as one commit.") { boardCloseNumber, boardClosingNote, boardAs };
        boardClose.SetAction(r => commands.BoardActionClose(r.GetValue(boardCloseNumber), r.GetValue(boardClosingNote)!, r.GetValue(boardAs)!, r));
        var boardShowNumber = new Argument<int>("number") { Description = "The action's number" };
        var boardShow = new Command("show", "Show a board action in full, and every commit that changed it: when, who, why and what.") { boardShowNumber };
        boardShow.SetAction(r => commands.BoardActionShow(r.GetValue(boardShowNumber), r));
        var boardActions = new Command("board-actions", "The board's action log: one file per action under board-actions/, each change a commit.") { boardList, boardShow, boardAdd, boardUpdate, boardClose };

        var undertakingAll = new Option<bool>("--all") { Description = "Also list the undertakings that are met or closed" };
        var undertakingList = new Command("list", "List the undertakings given to regulators: open ones, those with a milestone overdue first, each with its leads and next milestone.") { undertakingAll };
        undertakingList.SetAction(r => commands.UndertakingList(r.GetValue(undertakingAll), r));
        var undertakingShowNumber = new Argument<int>("number") { Description = "The undertaking's number" };
        var undertakingShow = new Command("show", "Show an undertaking in full (milestones, evidence), and every commit that changed it.") { undertakingShowNumber };
        undertakingShow.SetAction(r => commands.UndertakingShow(r.GetValue(undertakingShowNumber), r));
        var undertakingNumber = new Option<int?>("--number") { Description = "The undertaking's number (default: the next)" };
        var undertakingTitle = new Option<string>("--title") { Description = "A short title: Governance, Maternity services", Required = true };
        var undertakingRegulator = new Option<string>("--regulator") { Description = "Who it was given to: NHS Improvement, Care Quality Commission", Required = true };
        var undertakingText = new Option<string>("--undertaking") { Description = "What the organisation undertook to do", Required = true };
        var undertakingConcern = new Option<string?>("--concern") { Description = "The concern or grounds that led to it" };
        var undertakingConditions = new Option<string[]>("--condition") { Description = "A licence condition or regulation breached, such as FT4(4)(b) (once for each)" };
        var undertakingGiven = new Option<string?>("--given") { Description = "When the regulator accepted it" };
        var undertakingLeads = new Option<string[]>("--lead") { Description = "A lead's login (once for each)" };
        var undertakingRisks = new Option<string[]>("--risk") { Description = "The id of a risk it bears on (once for each)" };
        var undertakingReason = new Option<string?>("--message", "-m") { Description = "Why: recorded with the change" };
        var undertakingAdd = new Command("add", "Add an undertaking (governance leads), as one commit; then add its milestones.") { undertakingNumber, undertakingTitle, undertakingRegulator, undertakingText, undertakingConcern, undertakingConditions, undertakingGiven, undertakingLeads, undertakingRisks, undertakingReason };
        undertakingAdd.SetAction(r => commands.UndertakingAdd(r.GetValue(undertakingNumber), r.GetValue(undertakingTitle)!, r.GetValue(undertakingRegulator)!, r.GetValue(undertakingText)!, r.GetValue(undertakingConcern), r.GetValue(undertakingConditions) ?? [], r.GetValue(undertakingGiven), r.GetValue(undertakingLeads) ?? [], r.GetValue(undertakingRisks) ?? [], r.GetValue(undertakingReason), r));
        var milestoneOf = new Argument<int>("number") { Description = "The undertaking's number" };
        var milestoneText = new Option<string>("--text") { Description = "What is to be done by the date", Required = true };
        var milestoneDue = new Option<string?>("--due") { Description = "The date it is due" };
        var undertakingMilestone = new Command("milestone", "Add a milestone to an undertaking (governance leads), as one commit.") { milestoneOf, milestoneText, milestoneDue };
        undertakingMilestone.SetAction(r => commands.UndertakingMilestone(r.GetValue(milestoneOf), r.GetValue(milestoneText)!, r.GetValue(milestoneDue), r));
        var metOf = new Argument<int>("number") { Description = "The undertaking's number" };
        var metWhich = new Argument<int>("milestone") { Description = "The milestone's number, from 1, as 'risks undertakings show' lists them" };
        var metOn = new Option<string?>("--on") { Description = "The day it was met (default: today)" };
        var metEvidence = new Option<string?>("--evidence") { Description = "What shows it was met, recorded as evidence of compliance" };
        var metReference = new Option<string?>("--reference") { Description = "Where the evidence is: a paper, a report, a minute" };
        var undertakingMet = new Command("met", "Mark an undertaking's milestone met (its leads, or a governance lead), with its evidence, as one commit.") { metOf, metWhich, metOn, metEvidence, metReference };
        undertakingMet.SetAction(r => commands.UndertakingMet(r.GetValue(metOf), r.GetValue(metWhich), r.GetValue(metOn), r.GetValue(metEvidence), r.GetValue(metReference), r));
        var evidenceOf = new Argument<int>("number") { Description = "The undertaking's number" };
        var evidenceText = new Option<string>("--text") { Description = "What shows compliance", Required = true };
        var evidenceReference = new Option<string?>("--reference") { Description = "Where it is: a paper, a report, a minute" };
        var undertakingEvidence = new Command("evidence", "Add evidence of compliance to an undertaking, dated today (its leads, or a governance lead), as one commit.") { evidenceOf, evidenceText, evidenceReference };
        undertakingEvidence.SetAction(r => commands.UndertakingEvidence(r.GetValue(evidenceOf), r.GetValue(evidenceText)!, r.GetValue(evidenceReference), r));
        var undertakingCloseNumber = new Argument<int>("number") { Description = "The undertaking's number" };
        var undertakingClosingNote = new Option<string>("--note") { Description = "The closing note: how it was met, or why it is closed", Required = true };
        var undertakingAs = new Option<string>("--as") { Description = "met (the regulator accepts it is met) or closed (superseded, released)", DefaultValueFactory = _ => "met" };
        undertakingAs.AcceptOnlyFromAmong("met", "closed");
        var undertakingClose = new Command("close", "Close an undertaking as met or closed, with a closing note (governance leads), as one commit.") { undertakingCloseNumber, undertakingClosingNote, undertakingAs };
        undertakingClose.SetAction(r => commands.UndertakingClose(r.GetValue(undertakingCloseNumber), r.GetValue(undertakingClosingNote)!, r.GetValue(undertakingAs)!, r));
        var undertakings = new Command("undertakings", "Undertakings given to regulators: one file each under undertakings/, with milestones and evidence, each change a commit.") { undertakingList, undertakingShow, undertakingAdd, undertakingMilestone, undertakingMet, undertakingEvidence, undertakingClose };

        var remindDry = new Option<bool>("--dry-run") { Description = "Print the emails instead of sending them (and record nothing)" };
        var remindTo = new Option<string?>("--to") { Description = "Only this person's reminder (their login)" };
        var remindDays = new Option<int>("--days") { Description = "How many days ahead counts as due soon", DefaultValueFactory = _ => Core.Reminders.Reminders.DefaultDays };
        var remind = new Command("remind", "Email each person one reminder of what is theirs and overdue or due soon: reviews of the risks they own, actions they own, sign-offs waiting, and the board actions and undertaking milestones they lead; at most once a day each (for cron: see docs/server.md). Exit 100 + the number not sent when any could not be.") { remindDry, remindTo, remindDays };
        remind.SetAction(r => commands.Remind(r.GetValue(remindDry), r.GetValue(remindTo), r.GetValue(remindDays), r));

        var verifyPush = new Command("verify-push", "For a Git server's update hook: refuse commits whose files break the schema or whose author's role does not allow them, a rewritten or deleted branch, and iterations not cut by a governance lead (see docs/git-server.md).") { update, range, pusher, pusherIsLogin };
        verifyPush.SetAction(r => commands.VerifyPush(r.GetValue(update) ?? [], r.GetValue(range), r.GetValue(pusher), r.GetValue(pusherIsLogin)));

        root.Subcommands.Add(init);
        root.Subcommands.Add(demo);
        root.Subcommands.Add(list);
        root.Subcommands.Add(show);
        root.Subcommands.Add(check);
        root.Subcommands.Add(edit);
        root.Subcommands.Add(set);
        foreach (var command in SettingsCommandLine.Build(commands))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(iteration);
        root.Subcommands.Add(log);
        root.Subcommands.Add(blame);
        root.Subcommands.Add(diff);
        root.Subcommands.Add(report);
        root.Subcommands.Add(export);
        root.Subcommands.Add(import);
        root.Subcommands.Add(sync);
        root.Subcommands.Add(verifyPush);
        root.Subcommands.Add(remind);
        root.Subcommands.Add(signOff);
        var sshProgram = new Option<string?>("--program") { Description = "The command sshd is to run for the program, as a shell would take it (default: this program as it was run, such as /opt/risks/risks)" };
        var sshType = new Option<string?>("--type") { Description = "Only the line of the key of this type (sshd's %t, with AuthorizedKeysCommand)" };
        var sshKey = new Option<string?>("--key") { Description = "Only the line of the key with this data (sshd's %k, with AuthorizedKeysCommand)" };
        var authorizedKeys = new Command("authorized-keys", "Print an OpenSSH authorized_keys line for each person's key in register.yaml, forcing 'risks ssh session' as that person with no shell, forwarding or sftp; with --type and --key, the one line sshd's AuthorizedKeysCommand asks for. Runs only as the account register.yaml names for keys (ssh_account; see docs/server.md).") { sshProgram, sshType, sshKey };
        authorizedKeys.SetAction(r => commands.SshAuthorizedKeys(r.GetValue(sshProgram), r.GetValue(sshType), r.GetValue(sshKey), r));
        var sessionAs = new Option<string>("--as") { Description = "The login of the person whose key this is", Required = true };
        var sessionKey = new Option<string?>("--key") { Description = "The key's fingerprint (SHA256:...): the session is refused once the person no longer has it" };
        var session = new Command("session", "What a person's SSH key runs (authorized_keys' command): the full-screen register as that person, or the command they asked for if it is an allowed risks command or git's clone, fetch or push of this register. Runs only as the account register.yaml names for keys (ssh_account), as sshd runs it; not for running by hand.") { sessionAs, sessionKey };
        session.SetAction(r => commands.SshSession(r.GetValue(sessionAs)!, r.GetValue(sessionKey), r));
        var ssh = new Command("ssh", "People log in to the register's server with an SSH key and no shell account: OpenSSH authenticates them, the program knows whose key it is (docs/server.md).") { authorizedKeys, session };

        root.Subcommands.Add(boardActions);
        root.Subcommands.Add(undertakings);
        root.Subcommands.Add(ssh);
        root.SetAction(commands.Ui);
        return root;
    }

    private static Option<string?> Choice<T>(string name, string description) where T : struct, Enum
    {
        var option = new Option<string?>(name) { Description = $"{description}: {Vocabulary.Choices<T>()}" };
        option.AcceptOnlyFromAmong([.. Vocabulary.Words<T>()]);
        return option;
    }
}
