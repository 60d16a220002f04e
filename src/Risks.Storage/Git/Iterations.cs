namespace Risks.Storage.Git;

/// <summary>
/// A monthly BAF iteration: a tag in the register. <see cref="Title"/> is the first line of an
/// annotated tag's message and <see cref="When"/> and <see cref="By"/> are its tagger's date and
/// name; for a lightweight tag the title is empty and the date and name are the commit's author's.
/// <see cref="Commit"/> is the sha of the commit the tag points at.
/// </summary>
public sealed record Iteration(string Name, string Title, string Commit, DateTimeOffset When, string By);
