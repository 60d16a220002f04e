namespace Risks.Tests.Support;

/// <summary>Public keys made with ssh-keygen for the tests (their private halves were thrown away), with the fingerprints ssh-keygen -l gives.</summary>
internal static class TestKeys
{
    public const string Sara = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGJmh/QQcqNEzmHmJ7nsC9yNTIL0sR6S9yCekFcY8G+M sara@laptop";

    public const string SaraFingerprint = "SHA256:6w0NDq94a9HkbX/VKw/kdtdYl4glHPV0zCWAKxNjLwM";

    public const string Chair = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDYk/Ml4EC520HLXyuP2YNVVUnIzU07EJDuDF9DX/TgQcg7nFUQzGozhEErRIc5531BWuM+nxjuhzJC/eJKlqbXnsxRQP4Dvp9EeLa1Gx8KgHuIe2J4MsiFidUF476X4HhbdE+1bih4U2t+ONghkMiWDOWfiuee5GxCHtLp+Eq4MZlIEMZdl0kepe8M7jY8drhDPpolzTnnroC/34QZL30WU19oc0TQ2zbwU22eaMyYpKMe5RTdVF8jtmUgyrjaBzU8QQQNrQA2B1P+rqxhfkexLXClH3wiE53dd2kOLmy6i25ToCrcmLou/ZazEZxHsL0rEzOe6bDI5KlmHaCnyt2R audit chair";

    public const string ChairFingerprint = "SHA256:WcU0GoB3Zm/XWoUdEYuiRR6rAH42/5uagn3uR1wJoFM";
}
