namespace Risks.Core.Domain;

/// <summary>A RAG band: the scores from <see cref="Min"/> to <see cref="Max"/>.</summary>
public sealed record Band(string Name, Rag Rag, int Min, int Max)
{
    public bool Contains(int score) => score >= Min && score <= Max;
}

/// <summary>The register's RAG bands as score ranges.</summary>
public sealed record BandScheme(IReadOnlyList<Band> Bands)
{
    /// <summary>1-3 low, 4-6 moderate, 8-12 high, 15-25 extreme.</summary>
    public static BandScheme Default { get; } = new(
    [
        new Band("Low", Rag.Green, 1, 3),
        new Band("Moderate", Rag.Yellow, 4, 6),
        new Band("High", Rag.Amber, 8, 12),
        new Band("Extreme", Rag.Red, 15, 25),
    ]);

    /// <summary>Every score impact x likelihood can give: 1-6, 8-10, 12, 15, 16, 20, 25.</summary>
    public static IReadOnlyList<int> PossibleScores { get; } =
        Enumerable.Range(1, 5).SelectMany(i => Enumerable.Range(1, 5).Select(l => i * l)).Distinct().Order().ToArray();

    public Band? For(int score) => Bands.FirstOrDefault(b => b.Contains(score));

    public Band? Find(string name) =>
        Bands.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>What is wrong with the scheme: scores no band covers, or that two bands cover.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var score in PossibleScores)
        {
            var covering = Bands.Where(b => b.Contains(score)).Select(b => b.Name).ToList();
            if (covering.Count == 0)
            {
                yield return $"no band covers the score {score}";
            }
            else if (covering.Count > 1)
            {
                yield return $"the score {score} is in more than one band ({Text.All(covering)})";
            }
        }
    }
}
