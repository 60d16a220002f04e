using LibGit2Sharp;

namespace Risks.Storage.Git;

/// <summary>
/// The register's iterations: the tags that mark the register as it went to a board meeting,
/// listed, cut on HEAD and removed.
/// </summary>
public sealed class RegisterIterations
{
    /// <summary>How an iteration may be named, as a person is told it.</summary>
    public const string NameRules = "letters, digits, '.', '_' and '-', starting with a letter or digit, such as 2025-03";

    private readonly RegisterStore _store;

    internal RegisterIterations(RegisterStore store) => _store = store;

    /// <summary>Whether <paramref name="name"/> can name an iteration (and so a Git tag).</summary>
    public static bool IsName(string name) =>
        name.Length is > 0 and <= 100
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
        && !name.EndsWith(".lock", StringComparison.Ordinal)
        && !name.Contains("..", StringComparison.Ordinal);

    /// <summary>
    /// Every tag that points, once peeled, at a commit, oldest first: by board date, then by when
    /// it was cut (the tagger's date, or for a lightweight tag the commit's author date), then by
    /// name. The last is the one for the latest board meeting, whatever order they were cut in.
    /// </summary>
    public IReadOnlyList<Iteration> All()
    {
        using var repo = _store.Open();
        var iterations = new List<Iteration>();
        foreach (var tag in repo.Tags)
        {
            if (Of(tag) is { } iteration)
            {
                iterations.Add(iteration);
            }
        }

        iterations.Sort((a, b) =>
            a.BoardDate.CompareTo(b.BoardDate) is var byBoard && byBoard != 0 ? byBoard
            : a.When.CompareTo(b.When) is var byCut && byCut != 0 ? byCut
            : string.CompareOrdinal(a.Name, b.Name));
        return iterations;
    }

    /// <summary>
    /// Cuts an iteration: annotated tag <paramref name="name"/> on HEAD, by <paramref name="author"/>,
    /// for the board meeting of <paramref name="boardDate"/> (by default the day it is cut). The
    /// tag's message is <paramref name="message"/> (its first line is the title; blank gives
    /// "Iteration NAME") followed by a <c>Board-Date:</c> trailer.
    /// </summary>
    public void Cut(string name, string message, Author author, DateTimeOffset? when = null, DateOnly? boardDate = null, Core.Papers.CoverSheet? cover = null)
    {
        if (!IsName(name))
        {
            throw new RegisterException($"'{name}' cannot name an iteration: {NameRules}");
        }

        using var held = _store.Lock();
        using var repo = _store.Open();
        if (repo.Tags[name] is not null)
        {
            throw new RegisterException($"there is already an iteration called '{name}'");
        }

        if (UnsignedAtHead(repo) is { } unsigned)
        {
            throw new RegisterException(unsigned);
        }

        var signature = _store.Signature(author, when);
        var text = IterationMessage.Write(string.IsNullOrWhiteSpace(message) ? $"Iteration {name}" : message, boardDate ?? DateOnly.FromDateTime(signature.When.DateTime), cover);
        Tag(repo, name, repo.Head.Tip.Sha, signature, text);
    }

    /// <summary>
    /// Gives iteration <paramref name="name"/> a new cover sheet: its annotated tag made again on
    /// the same commit, with the same title and board date, by <paramref name="author"/> (the paper's
    /// risks do not change; its cover does). False when there is no such iteration.
    /// </summary>
    public bool SetCover(string name, Core.Papers.CoverSheet cover, Author author, DateTimeOffset? when = null)
    {
        using var held = _store.Lock();
        using var repo = _store.Open();
        if (repo.Tags[name] is not { } tag || Of(tag) is not { } iteration)
        {
            return false;
        }

        var body = IterationMessage.Body(tag.IsAnnotated ? tag.Annotation.Message : iteration.Title);
        var text = IterationMessage.Write(body.Trim().Length == 0 ? $"Iteration {name}" : body, iteration.BoardDate, cover);
        repo.Tags.Remove(name);
        Tag(repo, name, iteration.Commit, _store.Signature(author, when), text);
        return true;
    }

    /// <summary>
    /// Makes the annotated tag <paramref name="name"/> on <paramref name="commit"/>, its object written as Git writes one,
    /// with the message's lines tidied as Git tidies them (trailing spaces, blank lines at either end and runs of blank lines
    /// gone). LibGit2Sharp's ApplyTag does this through libgit2's message tidier, whose result the natively compiled
    /// program does not get back: its tags had no message, so no title and no board date.
    /// </summary>
    private static void Tag(Repository repo, string name, string commit, Signature tagger, string message)
    {
        var lines = message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var kept = new List<string>();
        foreach (var line in lines.SkipWhile(l => l.Length == 0))
        {
            if (line.Length > 0 || (kept.Count > 0 && kept[^1].Length > 0))
            {
                kept.Add(line);
            }
        }

        while (kept.Count > 0 && kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        var offset = tagger.When.Offset;
        var zone = FormattableString.Invariant($"{(offset < TimeSpan.Zero ? '-' : '+')}{Math.Abs(offset.Hours):00}{Math.Abs(offset.Minutes):00}");
        var text = FormattableString.Invariant($"object {commit}\ntype commit\ntag {name}\ntagger {tagger.Name} <{tagger.Email}> {tagger.When.ToUnixTimeSeconds()} {zone}\n\n")
            + (kept.Count == 0 ? "" : string.Join('\n', kept) + "\n");
        var id = repo.ObjectDatabase.Write<TagAnnotation>(System.Text.Encoding.UTF8.GetBytes(text));
        repo.Refs.Add("refs/tags/" + name, id);
    }

    /// <summary>
    /// When register.yaml (as committed) says an iteration needs every open strategic risk signed
    /// off (<c>require_sign_off: true</c>): which are not, or whose sign-off has lapsed; null when
    /// none, or when the register does not ask.
    /// </summary>
    private static string? UnsignedAtHead(Repository repo)
    {
        var tip = repo.Head.Tip;
        if (tip is null || GitObjects.SettingsIn(tip).Settings is not { RequireSignOff: true } settings)
        {
            return null;
        }

        var missing = new List<string>();
        var lapsed = new List<string>();
        foreach (var (path, id, _) in GitObjects.RiskFilesInTree(repo, tip.Tree))
        {
            if (ParsedVersions.ParseAt(repo, id, path).Risk is not { Kind: Core.Domain.RiskKind.Strategic, Status: Core.Domain.RiskStatus.Open } risk)
            {
                continue;
            }

            var state = risk.SignOff is { } signOff ? Core.Changes.SignOffs.Of(risk, RiskSignOffs.SignedVersion(repo, signOff.Version, path), settings) : Core.Changes.SignOffState.None;
            if (state.Status == Core.Changes.SignOffStatus.None)
            {
                missing.Add(risk.Id.Value);
            }
            else if (state.Status == Core.Changes.SignOffStatus.Lapsed)
            {
                lapsed.Add($"{risk.Id} (changed since: {Core.Domain.Text.All(state.ChangedSince)})");
            }
        }

        if (missing.Count == 0 && lapsed.Count == 0)
        {
            return null;
        }

        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add($"not signed off: {Core.Domain.Text.All(missing)}");
        }

        if (lapsed.Count > 0)
        {
            parts.Add($"sign-off lapsed: {Core.Domain.Text.All(lapsed)}");
        }

        return $"register.yaml asks for every open strategic risk to be signed off before an iteration is cut (require_sign_off); {string.Join("; ", parts)}";
    }

    /// <summary>Removes the iteration (tag) <paramref name="name"/>; false if there is none.</summary>
    public bool Remove(string name)
    {
        using var held = _store.Lock();
        using var repo = _store.Open();
        if (repo.Tags[name] is null)
        {
            return false;
        }

        repo.Tags.Remove(name);
        return true;
    }

    /// <summary>
    /// The iteration a tag marks, or null for a tag that does not point (once peeled) at a commit.
    /// A tag whose message gives no board date is taken to be for the day it was cut.
    /// </summary>
    internal static Iteration? Of(Tag tag)
    {
        if (tag.PeeledTarget is not Commit commit)
        {
            return null;
        }

        var annotation = tag.IsAnnotated ? tag.Annotation : null;
        var by = annotation?.Tagger ?? commit.Author;
        var boardDate = IterationMessage.BoardDate(annotation?.Message) ?? DateOnly.FromDateTime(by.When.DateTime);
        return new Iteration(tag.FriendlyName, annotation is null ? "" : IterationMessage.Title(annotation.Message), commit.Sha, by.When, by.Name, boardDate)
        {
            Cover = IterationMessage.Cover(annotation?.Message),
        };
    }
}
