using System.Text;
using LibGit2Sharp;
using Risks.Core.Board;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Yaml;

namespace Risks.Storage.Git;

/// <summary>
/// A register: a Git repository whose work tree holds <c>register.yaml</c> and the risk files.
/// Opening or making one gives the parts that work on it, each for one concern: reading it,
/// saving risks, saving register.yaml, history, comparing iterations, iterations, sync, drafts
/// and import. Each part is built here on one shared <see cref="RegisterStore"/>, so every commit
/// any of them makes is made under the same lock, through the same journal.
/// </summary>
public sealed class Register
{
    private readonly RegisterStore _store;

    private Register(string root, TimeProvider clock)
    {
        var store = new RegisterStore(root, clock);
        Root = root;
        Reader = new RegisterReader(store);
        Saves = new RiskSaves(store);
        SettingsFile = new SettingsFile(store);
        Iterations = new RegisterIterations(store);
        var revisions = new Revisions(store, Iterations);
        History = new RegisterHistory(store, revisions);
        Comparisons = new RegisterComparisons(store, revisions);
        Sync = new RegisterSync(store);
        Drafts = new DraftStore(store);
        Import = new RegisterImport(store);
        SignOffs = new RiskSignOffs(store, Saves);
        BoardActions = new TrackedItems<BoardAction>(store, TrackedKinds.BoardActions);
        Undertakings = new TrackedItems<Undertaking>(store, TrackedKinds.Undertakings);
        _store = store;
    }

    /// <summary>The register's folder: the Git work tree.</summary>
    public string Root { get; }

    /// <summary>The register as the work tree holds it, as committed at a revision, and as committed at HEAD.</summary>
    public RegisterReader Reader { get; }

    /// <summary>Saving a risk as one commit.</summary>
    public RiskSaves Saves { get; }

    /// <summary>register.yaml read with its version, and saved as one commit.</summary>
    public SettingsFile SettingsFile { get; }

    /// <summary>A risk's history and who last changed each field.</summary>
    public RegisterHistory History { get; }

    /// <summary>What changed between versions of the register, and scores at iterations.</summary>
    public RegisterComparisons Comparisons { get; }

    /// <summary>The iterations (tags): listed, cut and removed.</summary>
    public RegisterIterations Iterations { get; }

    /// <summary>Sync with a remote, and the edits a sync left to resolve.</summary>
    public RegisterSync Sync { get; }

    /// <summary>Each person's unsaved edits.</summary>
    public DraftStore Drafts { get; }

    /// <summary>
    /// Takes the register's lock, as every save does, for a write made by another program: a push
    /// served into the register (<c>git receive-pack</c>), which moves the branch and the work tree,
    /// so no save interleaves with it. Released on dispose.
    /// </summary>
    public IDisposable Hold() => _store.Lock();

    /// <summary>Importing many risks as one commit.</summary>
    public RegisterImport Import { get; }

    /// <summary>The board's action log: listed, checked and saved.</summary>
    public TrackedItems<BoardAction> BoardActions { get; }

    /// <summary>The undertakings given to regulators: listed, checked and saved.</summary>
    public TrackedItems<Undertaking> Undertakings { get; }

    /// <summary>Signing risks off, and whether each sign-off still holds.</summary>
    public RiskSignOffs SignOffs { get; }

    /// <summary>Who was sent their reminder on which day.</summary>
    public Mail.ReminderLog SentReminders => new(_store.GitDir);

    /// <summary>Opens the register at <paramref name="root"/>.</summary>
    public static Register Open(string root, TimeProvider? clock = null)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new RegisterException($"{full} does not exist");
        }

        if (!File.Exists(Path.Combine(full, SettingsYaml.FileName)) || !Directory.Exists(Path.Combine(full, ".git")))
        {
            throw new RegisterException($"{full} is not a register: it needs {SettingsYaml.FileName} and a Git repository (make one with 'risks init')");
        }

        SharedRegister.Prepare(full);
        return new Register(full, clock ?? TimeProvider.System);
    }

    /// <summary>The register containing <paramref name="folder"/>, found as Git finds a repository: this folder, then each parent.</summary>
    public static string? Discover(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SettingsYaml.FileName)) && Directory.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// Makes a new register at <paramref name="root"/> (which must be missing or empty), with one
    /// commit holding its settings; with <paramref name="sharedGroup"/>, shared with that Unix group.
    /// </summary>
    public static Register Init(string root, RegisterSettings settings, Author author, TimeProvider? clock = null, DateTimeOffset? when = null, string? sharedGroup = null)
    {
        if (sharedGroup is not null)
        {
            SharedRegister.CheckGroup(sharedGroup);
        }

        var full = Path.GetFullPath(root);
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new RegisterException($"{full} is not empty; a new register needs an empty or new folder");
        }

        var problems = SettingsValidator.Validate(settings);
        if (problems.Count > 0)
        {
            throw new RegisterException("the settings are not valid: " + string.Join("; ", problems.Select(p => p.Message)));
        }

        Directory.CreateDirectory(full);
        Repository.Init(full);
        using (var repo = new Repository(full))
        {
            repo.Refs.UpdateTarget("HEAD", "refs/heads/main");
        }

        var register = new Register(full, clock ?? TimeProvider.System);
        var files = new List<(string, byte[])>
        {
            (".gitattributes", Encoding.UTF8.GetBytes("*.yaml text eol=lf\n")),
            (SettingsYaml.FileName, Encoding.UTF8.GetBytes(SettingsYaml.Write(settings))),
        };
        using (register._store.Lock())
        {
            register._store.CommitFiles(files, $"Register created for {settings.Organisation}\n", author, when);
        }

        if (sharedGroup is not null)
        {
            SharedRegister.Share(full, sharedGroup);
            SharedRegister.Prepare(full);
        }

        return register;
    }
}
