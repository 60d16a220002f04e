using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Git;

namespace Risks.Cli;

internal sealed partial class Commands
{
    /// <summary>What each of a new register's answers is called, by its path in register.yaml: on the command line, and when asked.</summary>
    private static readonly (string Path, string Option, string Question)[] InitFields =
    [
        ("organisation", "--organisation", "Organisation"),
        ("people[0].name", "--name", "Your name"),
        ("people[0].email", "--email", "Your email"),
        ("people[0].job_title", "--job-title", "Your job title"),
        ("people[0].login", "your login", "Your login"),
    ];

    /// <summary>
    /// Makes a new register with the person running the command (their Unix login) as its first
    /// governance lead. At a terminal, what the options do not give is asked for, offering the
    /// folder's name and git config's name and email; without one, the name and email must come
    /// from the options or git config. Then says what to do next.
    /// </summary>
    public int Init(string? path, string? organisation, string? name, string? email, string? jobTitle, string? shared)
    {
        var folder = Path.GetFullPath(path ?? ".", context.CurrentDirectory);
        if (shared is not null && Register.Discover(folder) == folder)
        {
            var changed = SharedRegister.Share(folder, shared);
            Out.WriteLine($"Shared the register at {folder} with the group {shared}: {(changed == 1 ? "1 file or folder" : $"{changed} files and folders")} given to the group.");
            return ExitCodes.Ok;
        }

        var login = context.Login;
        var folderName = Path.GetFileName(folder.TrimEnd('/'));
        if (context.Interactive && (organisation is null || name is null || email is null))
        {
            // Said before the questions rather than after them (making the register says it too).
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                throw new RegisterException($"{folder} is not empty; a new register needs an empty or new folder");
            }

            Out.WriteLine($"A new register at {folder}, with you ({login}) as its first governance lead. Press Enter to accept what is in [brackets].");
            organisation ??= Prompt("organisation", folderName, v => NewRegister(login, v, "-", null, null));
            name ??= organisation is null ? null : Prompt("people[0].name", context.GitConfig("user.name"), v => NewRegister(login, "-", v, null, null));
            email ??= organisation is null || name is null ? null : Prompt("people[0].email", context.GitConfig("user.email"), v => NewRegister(login, "-", "-", v, null));
            if (organisation is null || name is null || email is null)
            {
                throw new IdentityException("no register was made: answer each question, or give --organisation, --name and --email");
            }
        }

        organisation ??= folderName;
        name ??= context.GitConfig("user.name");
        email ??= context.GitConfig("user.email");
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(email))
        {
            throw new IdentityException("a new register needs its first governance lead's name and email: give --name and --email, or set git config user.name and user.email (at a terminal, risks init asks for them)");
        }

        var settings = NewRegister(login, organisation.Trim(), name.Trim(), email.Trim(), string.IsNullOrWhiteSpace(jobTitle) ? null : jobTitle.Trim());
        var problems = SettingsValidator.Validate(settings);
        if (problems.Count > 0)
        {
            problems.ToList().ForEach(p => Error.WriteLine($"risks: {InitWords(p, f => f.Option)}"));
            return ExitCodes.Usage;
        }

        var lead = settings.People[0];
        var register = Register.Init(folder, settings, new Author(lead.Name, lead.Email!, login), context.Clock, sharedGroup: shared);
        Out.WriteLine($"Made a register for {settings.Organisation} at {register.Root}, with {lead.Name} ({login}) as governance lead{(shared is null ? "" : $", shared with the group {shared}")}.");
        NextSteps(register.Root);
        return ExitCodes.Ok;
    }

    /// <summary>What to do with a new, empty register: the Settings screen first, or the commands that do the same.</summary>
    private void NextSteps(string root)
    {
        var here = string.Equals(Path.GetFullPath(context.CurrentDirectory).TrimEnd('/'), root.TrimEnd('/'), StringComparison.Ordinal);
        Out.WriteLine();
        Out.WriteLine("Next, open the register full screen:");
        Out.WriteLine(here ? "  risks" : $"  cd {Quote(root)} && risks        (or from anywhere: risks --register {Quote(root)})");
        Out.WriteLine("Press 5 (or F8) for Settings: add your strategic objectives and the people who");
        Out.WriteLine("own, lead and review risks, with their roles. Then 1 for the register, and n");
        Out.WriteLine("adds your first risk. ? lists the keys on every screen.");
        Out.WriteLine();
        Out.WriteLine(here ? "Or do the same from the command line:" : "Or do the same from the command line, in that folder:");
        Out.WriteLine("  risks objectives add SO1 --title \"Deliver safe, high-quality care\" --appetite cautious --tolerance 12 -m \"Agreed by the board\"");
        Out.WriteLine("  risks people add jsmith --name \"Jo Smith\" --email jo.smith@example.nhs.uk --role risk_owner -m \"Owns the workforce risks\"");
        Out.WriteLine("  risks settings show        (every setting; 'risks settings set' changes any of them)");
    }

    /// <summary>
    /// Asks for the value at <paramref name="path"/> until it is one the register accepts (as
    /// <paramref name="register"/> checks it), offering <paramref name="offered"/>, which Enter
    /// takes. Null when the input ends.
    /// </summary>
    private string? Prompt(string path, string? offered, Func<string, RegisterSettings> register)
    {
        var question = InitFields.Single(f => f.Path == path).Question;
        offered = string.IsNullOrWhiteSpace(offered) ? null : offered.Trim();
        while (true)
        {
            Out.Write(offered is null ? $"{question}: " : $"{question} [{offered}]: ");
            Out.Flush();
            var answer = context.In.ReadLine();
            if (answer is null)
            {
                Out.WriteLine();
                return null;
            }

            var value = answer.Trim().Length > 0 ? answer.Trim() : offered ?? "";
            var problem = value.Length == 0
                ? $"{question} is needed."
                : SettingsValidator.Validate(register(value)).Where(i => i.Path == path).Select(i => InitWords(i, f => f.Question)).FirstOrDefault();
            if (problem is null)
            {
                return value;
            }

            Out.WriteLine($"  {problem}");
        }
    }

    /// <summary>A new register's settings: the organisation, and the person running the command as its governance lead.</summary>
    private static RegisterSettings NewRegister(string login, string organisation, string name, string? email, string? jobTitle) => new()
    {
        Organisation = organisation,
        People = [new Person { Login = login, Name = name, Email = email, Role = Role.GovernanceLead, JobTitle = jobTitle }],
    };

    /// <summary>A problem with a new register's settings, told by the option (or question) it came from rather than its path in the file.</summary>
    private static string InitWords(FieldIssue issue, Func<(string Path, string Option, string Question), string> word)
    {
        var field = InitFields.FirstOrDefault(f => issue.Message.StartsWith(f.Path, StringComparison.Ordinal));
        return field.Path is null ? issue.Message : word(field) + issue.Message[field.Path.Length..];
    }
}
