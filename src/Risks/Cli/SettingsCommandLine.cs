using System.CommandLine;
using Risks.Core.Domain;

namespace Risks.Cli;

/// <summary>The commands that show and change register.yaml's settings: <c>settings</c>, <c>objectives</c>, <c>people</c>, <c>partners</c> and <c>fields</c>.</summary>
internal static class SettingsCommandLine
{
    private const string Paths =
        "organisation; require_sign_off; ssh_account (the Unix account that takes SSH keys); objectives[ID].title, .short_title, .appetite, .tolerance or .retired (a field of a new ID adds the objective); " +
        "people[LOGIN].name, .email, .role, .job_title, .signs_off or .ssh_keys (+= and -= add and remove one; add a person with 'risks people add'); " +
        "categories (one per line; categories+=NAME and categories-=NAME add and remove one); " +
        "scoring.impact[1] to [5] and scoring.likelihood[1] to [5]; bands[NAME].rag, .min or .max (a new band starts with its rag); " +
        "partner_risks[N].organisation, .title, .score or .reported (N one more than there are adds one); " +
        "custom_fields[KEY].label, .type, .choices (+= and -= add and remove one), .required_for, .help, .paper or .retired (a new KEY starts with its type)";

    public static IEnumerable<Command> Build(Commands commands)
    {
        yield return Settings(commands);
        yield return Objectives(commands);
        yield return People(commands);
        yield return Partners(commands);
        yield return Fields(commands);
    }

    private static Command Settings(Commands commands)
    {
        var format = new Option<string>("--format") { Description = "text, yaml (register.yaml as the program writes it) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "yaml", "json");
        var show = new Command("show", "Show every setting in register.yaml: the organisation, strategic objectives with their appetite and tolerance and whether retired, people and their roles, categories, scoring words, RAG bands and partner organisations' red risks. Anyone may.") { format };
        show.SetAction(r => commands.SettingsShow(r.GetValue(format)!, r));

        var values = new Argument<string[]>("settings")
        {
            Description = $"FIELD=VALUE, with FIELD a path in register.yaml: {Paths}. FIELD= clears a field; objectives[ID]=, people[LOGIN]=, bands[NAME]= and partner_risks[N]= remove the item",
            Arity = ArgumentArity.OneOrMore,
        };
        var reason = Reason();
        var set = new Command("set", "Change any settings by their path in register.yaml, in order, as one commit by you with the reason (governance leads only). All or nothing: nothing is saved unless every setting applies, the result is valid, and the register's risks still fit it (an objective, person or category they name cannot go; the last governance lead stays).") { values, reason };
        set.SetAction(r => commands.SettingsSet(r.GetValue(values)!, r.GetValue(reason)!, r));

        return new Command("settings", "The register's settings (register.yaml): show them, or change any of them (governance leads). 'risks objectives', 'risks people' and 'risks partners' change the common ones by name.") { show, set };
    }

    private static Command Objectives(Commands commands)
    {
        var list = new Command("list", "List the strategic objectives: id, short title, appetite, tolerance, how many risks name each, and whether retired.");
        list.SetAction(r => commands.ObjectivesList(r));

        var (title, shortTitle, appetite, tolerance) = ObjectiveOptions();
        var addId = Id();
        var addTitle = new Option<string>("--title") { Description = title.Description, Required = true };
        var addReason = Reason();
        var add = new Command("add", "Add a strategic objective (governance leads).") { addId, addTitle, shortTitle, appetite, tolerance, addReason };
        add.SetAction(r => commands.ObjectiveAdd(r.GetValue(addId)!, new ObjectiveFields(r.GetValue(addTitle), r.GetValue(shortTitle), r.GetValue(appetite), r.GetValue(tolerance)), r.GetValue(addReason)!, r));

        var (editTitle, editShortTitle, editAppetite, editTolerance) = ObjectiveOptions();
        var editId = Id();
        var editReason = Reason();
        var edit = new Command("edit", "Change an objective's title, short title, appetite or tolerance (governance leads); an empty value clears an optional one. Its id cannot change, as risks name it.") { editId, editTitle, editShortTitle, editAppetite, editTolerance, editReason };
        edit.SetAction(r => commands.ObjectiveEdit(r.GetValue(editId)!, new ObjectiveFields(r.GetValue(editTitle), r.GetValue(editShortTitle), r.GetValue(editAppetite), r.GetValue(editTolerance)), r.GetValue(editReason)!, r));

        var retireId = Id();
        var retireReason = Reason();
        var retire = new Command("retire", "Retire an objective (governance leads): it stays on the risks and in the history that name it, but is no longer offered for risks. 'unretire' brings it back.") { retireId, retireReason };
        retire.SetAction(r => commands.ObjectiveRetire(r.GetValue(retireId)!, retired: true, r.GetValue(retireReason)!, r));

        var unretireId = Id();
        var unretireReason = Reason();
        var unretire = new Command("unretire", "Bring a retired objective back into use (governance leads).") { unretireId, unretireReason };
        unretire.SetAction(r => commands.ObjectiveRetire(r.GetValue(unretireId)!, retired: false, r.GetValue(unretireReason)!, r));

        var removeId = Id();
        var removeReason = Reason();
        var remove = new Command("remove", "Remove an objective that no risk names (governance leads). One that risks name is refused, naming them: retire it instead, or take it off them first.") { removeId, removeReason };
        remove.SetAction(r => commands.ObjectiveRemove(r.GetValue(removeId)!, r.GetValue(removeReason)!, r));

        return new Command("objectives", "The organisation's strategic objectives, which strategic risks threaten: list them, or add, edit, retire, unretire or remove one (governance leads).") { list, add, edit, retire, unretire, remove };

        static Argument<string> Id() => new("id") { Description = "The objective's id, such as SO2" };
    }

    private static (Option<string?> Title, Option<string?> ShortTitle, Option<string?> Appetite, Option<string?> Tolerance) ObjectiveOptions() => (
        new Option<string?>("--title") { Description = "The objective as the board states it, one line" },
        new Option<string?>("--short-title") { Description = "A few words for tables and pick lists, such as \"Reduce health inequalities\"" },
        new Option<string?>("--appetite") { Description = $"How much risk the board will take in pursuit of it: {Vocabulary.Choices<Appetite>()}" },
        new Option<string?>("--tolerance") { Description = "The highest current score, 1-25, the board accepts for risks to it" });

    private static Command People(Commands commands)
    {
        var list = new Command("list", "List the people: login, name, role, email, job title and how many risks name them.");
        list.SetAction(r => commands.PeopleList(r));

        var (name, role, email, jobTitle) = PersonOptions();
        var addLogin = Login();
        var addName = new Option<string>("--name") { Description = name.Description, Required = true };
        var addRole = new Option<string>("--role") { Description = role.Description, Required = true };
        var addReason = Reason();
        var add = new Command("add", "Add a person with their role (governance leads); their role holds from the moment it is saved.") { addLogin, addName, addRole, email, jobTitle, addReason };
        add.SetAction(r => commands.PersonAdd(r.GetValue(addLogin)!, new PersonFields(r.GetValue(addName), r.GetValue(addRole), r.GetValue(email), r.GetValue(jobTitle)), r.GetValue(addReason)!, r));

        var (editName, editRole, editEmail, editJobTitle) = PersonOptions();
        var editLogin = Login();
        var editReason = Reason();
        var edit = new Command("edit", "Change a person's name, role, email or job title (governance leads); an empty value clears email or job title. The last governance lead cannot become anything else.") { editLogin, editName, editRole, editEmail, editJobTitle, editReason };
        edit.SetAction(r => commands.PersonEdit(r.GetValue(editLogin)!, new PersonFields(r.GetValue(editName), r.GetValue(editRole), r.GetValue(editEmail), r.GetValue(editJobTitle)), r.GetValue(editReason)!, r));

        var removeLogin = Login();
        var removeReason = Reason();
        var remove = new Command("remove", "Remove a person (governance leads). Someone named on a risk (owner, lead, control or action owner, last reviewer) is refused, naming where: hand those to someone else first, or make them a reviewer instead. The last governance lead stays.") { removeLogin, removeReason };
        remove.SetAction(r => commands.PersonRemove(r.GetValue(removeLogin)!, r.GetValue(removeReason)!, r));

        var keysLogin = new Argument<string?>("login") { Description = "Only this person's keys", Arity = ArgumentArity.ZeroOrOne };
        var keys = new Command("keys", "List the people's SSH keys: login, fingerprint and comment (see docs/server.md).") { keysLogin };
        keys.SetAction(r => commands.PeopleKeys(r.GetValue(keysLogin), r));

        var addKeyLogin = Login();
        var addKeyKey = new Argument<string>("key") { Description = "The public key, as the one line of its .pub file (\"ssh-ed25519 AAAA... name@laptop\", quoted), or the path of that file" };
        var addKeyReason = Reason();
        var addKey = new Command("add-key", "Give a person a public SSH key, with which they log in to the register's server as themselves, no shell account needed (governance leads; see docs/server.md).") { addKeyLogin, addKeyKey, addKeyReason };
        addKey.SetAction(r => commands.PersonAddKey(r.GetValue(addKeyLogin)!, r.GetValue(addKeyKey)!, r.GetValue(addKeyReason)!, r));

        var removeKeyLogin = Login();
        var removeKeyKey = new Argument<string>("key") { Description = "The key, its fingerprint (SHA256:..., as 'risks people keys' lists it) or its comment" };
        var removeKeyReason = Reason();
        var removeKey = new Command("remove-key", "Take a person's SSH key away (governance leads): it no longer gets in, from the next login on.") { removeKeyLogin, removeKeyKey, removeKeyReason };
        removeKey.SetAction(r => commands.PersonRemoveKey(r.GetValue(removeKeyLogin)!, r.GetValue(removeKeyKey)!, r.GetValue(removeKeyReason)!, r));

        return new Command("people", "The people who use the register and their roles: governance leads change everything, risk owners edit the risks they own or lead, reviewers read. List them, or add, edit or remove one, or their SSH keys (governance leads).") { list, add, edit, remove, keys, addKey, removeKey };

        static Argument<string> Login() => new("login") { Description = "The person's Unix login, which is who they are when they run risks, such as kbonney" };
    }

    private static (Option<string?> Name, Option<string?> Role, Option<string?> Email, Option<string?> JobTitle) PersonOptions() => (
        new Option<string?>("--name") { Description = "Their name, as commits and papers give it" },
        new Option<string?>("--role") { Description = $"{Vocabulary.Choices<Role>()}: governance leads change everything, risk owners edit the risks they own or lead, reviewers read" },
        new Option<string?>("--email") { Description = "Their email, which their commits carry" },
        new Option<string?>("--job-title") { Description = "Their job title, such as \"Chief People Officer\"" });

    private static Command Partners(Commands commands)
    {
        var list = new Command("list", "List partner organisations' red risks, numbered as 'edit' and 'remove' name them.");
        list.SetAction(r => commands.PartnersList(r));

        var (organisation, title, score, reported, source) = PartnerOptions();
        var addOrganisation = new Option<string>("--organisation") { Description = organisation.Description, Required = true };
        var addTitle = new Option<string>("--title") { Description = title.Description, Required = true };
        var addScore = new Option<string>("--score") { Description = score.Description, Required = true };
        var addReason = Reason();
        var add = new Command("add", "Add a partner organisation's red risk, as reported to its own board, for the BAF paper (governance leads).") { addOrganisation, addTitle, addScore, reported, source, addReason };
        add.SetAction(r => commands.PartnerAdd(new PartnerFields(r.GetValue(addOrganisation), r.GetValue(addTitle), r.GetValue(addScore), r.GetValue(reported), r.GetValue(source)), r.GetValue(addReason)!, r));

        var (editOrganisation, editTitle, editScore, editReported, editSource) = PartnerOptions();
        var editNumber = Number();
        var editReason = Reason();
        var edit = new Command("edit", "Change a partner's red risk: its organisation, title, score, date reported or source (governance leads).") { editNumber, editOrganisation, editTitle, editScore, editReported, editSource, editReason };
        edit.SetAction(r => commands.PartnerEdit(r.GetValue(editNumber), new PartnerFields(r.GetValue(editOrganisation), r.GetValue(editTitle), r.GetValue(editScore), r.GetValue(editReported), r.GetValue(editSource)), r.GetValue(editReason)!, r));

        var removeNumber = Number();
        var removeReason = Reason();
        var remove = new Command("remove", "Remove a partner's red risk (governance leads); those after it move up one.") { removeNumber, removeReason };
        remove.SetAction(r => commands.PartnerRemove(r.GetValue(removeNumber), r.GetValue(removeReason)!, r));

        return new Command("partners", "Partner organisations' red risks, which the BAF paper lists: list them, or add, edit or remove one (governance leads).") { list, add, edit, remove };

        static Argument<int> Number() => new("number") { Description = "The partner risk's number in 'risks partners list', from 1" };
    }

    private static Command Fields(Commands commands)
    {
        var list = new Command("list", "List the register's own fields: key, label, type, choices, which risks must give one, whether on the paper, how many risks have a value, and whether retired.");
        list.SetAction(r => commands.FieldsList(r));

        var add = FieldCommand("add", "Add a field of the register's own, which every risk may then give (governance leads): a CQC domain, a risk source, a date identified. Risks keep its value under custom: KEY.", required: true);
        add.Command.SetAction(r => commands.FieldAdd(r.GetValue(add.Key)!, add.Values(r), r.GetValue(add.Reason)!, r));

        var edit = FieldCommand("edit", "Change a field's label, type, choices, which risks must give it, help or whether the paper shows it (governance leads); an empty value clears an optional one. Its key cannot change, as risks keep their values under it.", required: false);
        edit.Command.SetAction(r => commands.FieldEdit(r.GetValue(edit.Key)!, edit.Values(r), r.GetValue(edit.Reason)!, r));

        var retireKey = Key();
        var retireReason = Reason();
        var retire = new Command("retire", "Retire a field (governance leads): its values stay on the risks and in the history that have them, but it is no longer offered. 'unretire' brings it back.") { retireKey, retireReason };
        retire.SetAction(r => commands.FieldRetire(r.GetValue(retireKey)!, retired: true, r.GetValue(retireReason)!, r));

        var unretireKey = Key();
        var unretireReason = Reason();
        var unretire = new Command("unretire", "Bring a retired field back into use (governance leads).") { unretireKey, unretireReason };
        unretire.SetAction(r => commands.FieldRetire(r.GetValue(unretireKey)!, retired: false, r.GetValue(unretireReason)!, r));

        var removeKey = Key();
        var removeReason = Reason();
        var remove = new Command("remove", "Remove a field no risk has a value for (governance leads). One that risks have values for is refused, naming them: retire it instead, or clear it on them first.") { removeKey, removeReason };
        remove.SetAction(r => commands.FieldRemove(r.GetValue(removeKey)!, r.GetValue(removeReason)!, r));

        return new Command("fields", "The register's own fields, which risks keep under custom: in their files: list them, or add, edit, retire, unretire or remove one (governance leads).") { list, add.Command, edit.Command, retire, unretire, remove };

        static Argument<string> Key() => new("key") { Description = "The field's key, such as cqc_domain: lower case letters, digits and underscores" };

        static (Command Command, Argument<string> Key, Option<string> Reason, Func<ParseResult, CustomFieldOptions> Values) FieldCommand(string name, string description, bool required)
        {
            var key = Key();
            var label = new Option<string?>("--label") { Description = "The field's name as the board reads it, such as \"CQC domain\"", Required = required };
            var type = new Option<string?>("--type") { Description = $"What it holds: {Vocabulary.Choices<CustomFieldType>()}", Required = required };
            var choices = new Option<string?>("--choices") { Description = "For a choice, the values it takes, separated by commas: \"Safe,Effective,Caring,Responsive,Well-led\"" };
            var requiredFor = new Option<string?>("--required-for") { Description = $"Which risks must give a value: {Vocabulary.Choices<RequiredFor>()} (none when not given)" };
            var help = new Option<string?>("--help-text") { Description = "What the field is for and what it takes, as the risk screen shows it" };
            var paper = new Option<bool?>("--paper") { Description = "Show the field on the board paper with each risk (--paper false to stop)" };
            var reason = Reason();
            var command = new Command(name, description) { key, label, type, choices, requiredFor, help, paper, reason };
            return (command, key, reason, r => new CustomFieldOptions(r.GetValue(label), r.GetValue(type), r.GetValue(choices), r.GetValue(requiredFor), r.GetValue(help), r.GetValue(paper)));
        }
    }

    private static (Option<string?> Organisation, Option<string?> Title, Option<string?> Score, Option<string?> Reported, Option<string?> Source) PartnerOptions() => (
        new Option<string?>("--organisation") { Description = "The partner organisation, such as MSEFT" },
        new Option<string?>("--title") { Description = "The risk's title, as the partner gives it" },
        new Option<string?>("--score") { Description = "The score the partner reported, 1-25" },
        new Option<string?>("--reported") { Description = "The date of the partner's report: 2025-02-28, 28/02/2025 or \"28 Feb 2025\"" },
        new Option<string?>("--source") { Description = "Where the partner reported it, as the paper names it: \"February 2025 BAF report to the Trust Board\"" });

    private static Option<string> Reason() =>
        new("--message", "-m") { Description = "Why: the reason recorded with the change", Required = true };
}
