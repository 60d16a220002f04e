namespace Risks.Storage.Tests.Git;

/// <summary>
/// Tests that forget what this process holds in memory (the versions parsed, the change indexes
/// open) or check that something is not parsed or read twice. They run alone, after the rest:
/// run beside other tests, one test's forgetting made another's count fail now and then.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCaches
{
    public const string Name = "Process-wide caches";
}
