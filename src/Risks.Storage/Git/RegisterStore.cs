using LibGit2Sharp;

using Risks.Storage.Files;

namespace Risks.Storage.Git;

/// <summary>
/// The plumbing every part of a register shares: its folder and Git directory, opening the
/// repository, the clock and commit signatures, the register's lock (taking it puts right a write
/// a dead process left), and <see cref="CommitFiles"/>, the one way anything is committed.
/// </summary>
internal sealed class RegisterStore
{
    private const string LockName = "risks.lock";
    /// <summary>How long a write waits for another to finish: 30 seconds, or <c>RISKS_LOCK_WAIT</c> seconds.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("RISKS_LOCK_WAIT"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : 30);

    public RegisterStore(string root, TimeProvider clock)
    {
        Root = root;
        Clock = clock;
    }

    /// <summary>The register's folder: the Git work tree.</summary>
    public string Root { get; }

    public string GitDir => Path.Combine(Root, ".git");

    public TimeProvider Clock { get; }

    /// <summary>The repository, opened afresh: a handle kept open has a stale index once someone else saves.</summary>
    public Repository Open() => new(Root);

    /// <summary>The commit HEAD is at; a register always has one.</summary>
    public Commit Tip(Repository repo) =>
        repo.Head.Tip ?? throw new RegisterException($"{Root} has no commits; make registers with 'risks init'");

    public Signature Signature(Author author, DateTimeOffset? when) =>
        new(author.Name, author.Email, when ?? Clock.GetLocalNow());

    /// <summary>
    /// Takes the register's lock (a <c>flock</c>, released by the kernel when its holder dies) and
    /// puts right whatever a writer killed part-way left: every write to the register is made
    /// holding this.
    /// </summary>
    public FileLock Lock()
    {
        var held = FileLock.Acquire(Path.Combine(GitDir, LockName), LockTimeout);
        try
        {
            new Recovery(this).Recover();
            return held;
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Before reading the work tree: when a write is under way or a writer died part-way (its
    /// journal is there), waits for the lock, which finishes or undoes it, so what is read is never
    /// a save that was not acknowledged. Someone who may not take the lock reads the folder as it is.
    /// </summary>
    public void SettleUnfinishedWrite()
    {
        if (!File.Exists(Path.Combine(GitDir, SaveJournal.FileName)))
        {
            return;
        }

        try
        {
            using var held = Lock();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TimeoutException or RegisterException or LibGit2SharpException)
        {
        }
    }

    /// <summary>
    /// Writes files and commits them on the current branch. The caller holds the lock. A journal
    /// of what is about to change is written first; then each file (via a temporary file and a
    /// rename, so no one ever sees half a file); then the commit, the branch and the index; then
    /// the journal is removed. A writer killed anywhere in between leaves a journal, by which the
    /// next writer finishes or undoes the write (see <see cref="Recovery.Recover"/>).
    /// </summary>
    public string CommitFiles(IReadOnlyList<(string Path, byte[] Content)> files, string message, Author author, DateTimeOffset? when)
    {
        var journal = files.Select(f =>
        {
            return new SaveJournal.Entry(f.Path, BlobId.Of(f.Content), SafeFile.ReadIfThere(Root, f.Path));
        }).ToList();
        SaveJournal.Write(GitDir, journal);
        try
        {
            foreach (var (path, content) in files)
            {
                AtomicFile.Write(Path.Combine(Root, path), content);
            }

            using var repo = Open();
            var parent = repo.Head.Tip;
            var tree = parent is null ? new TreeDefinition() : TreeDefinition.From(parent.Tree);
            foreach (var (path, content) in files)
            {
                using var stream = new MemoryStream(content, writable: false);
                tree.Add(path, repo.ObjectDatabase.CreateBlob(stream), Mode.NonExecutableFile);
            }

            var signature = Signature(author, when);
            var commit = repo.ObjectDatabase.CreateCommit(
                signature,
                signature,
                message,
                repo.ObjectDatabase.CreateTree(tree),
                parent is null ? [] : [parent],
                prettifyMessage: false);
            var branch = repo.Refs.Head is SymbolicReference symbolic ? symbolic.TargetIdentifier : "refs/heads/main";
            if (parent is null)
            {
                repo.Refs.Add(branch, commit.Id, $"commit (initial): {FirstLine(message)}");
            }
            else
            {
                repo.Refs.UpdateTarget(repo.Refs[branch], commit.Id, $"commit: {FirstLine(message)}");
            }

            // The branch has moved: the save has landed. An index that cannot be written now is
            // rebuilt by the next writer, as the journal stays until it is.
            try
            {
                foreach (var (path, _) in files)
                {
                    repo.Index.Add(path);
                }

                repo.Index.Write();
                SaveJournal.Clear(GitDir);
            }
            catch (LibGit2SharpException)
            {
            }

            return commit.Sha;
        }
        catch
        {
            // The files go back to what they held unless the commit landed; the index is left to the next writer's recovery.
            new Recovery(this).PutBack(journal, rebuildIndex: false);
            throw;
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0];
}
