using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Risks.Core.Domain;
using Risks.Core.Validation;
using Risks.Storage.Files;

namespace Risks.Storage.Git;

/// <summary>
/// Edits to a risk not yet saved, kept so that a crash, a killed process or a dropped SSH session
/// loses nothing: <see cref="Mine"/> is the risk as edited (valid or not yet), <see cref="Base"/>
/// the version the edits were made on (null for a new risk) and <see cref="BaseVersion"/> that
/// version's blob id, so the edits can be put back on whatever the register holds now.
/// </summary>
public sealed record Draft(RiskId Id, Risk? Base, string? BaseVersion, Risk Mine, DateTimeOffset Kept)
{
    public bool IsNew => Base is null;
}

/// <summary>
/// Each person's edits not yet saved, kept in the Git directory (not the work tree, so they are
/// never committed) so that a crash or a dropped session loses nothing.
/// </summary>
public sealed class DraftStore
{
    private const string DraftsFolder = "risks/drafts";

    private static readonly JsonTypeInfo<StoredDraft> DraftJson = Options();

    private readonly RegisterStore _store;

    internal DraftStore(RegisterStore store) => _store = store;

    /// <summary>
    /// Keeps <paramref name="draft"/> as <paramref name="login"/>'s unsaved edits to its risk, in
    /// <c>.git/risks/drafts/LOGIN/ID.json</c>, replacing any earlier draft of it (written through a
    /// temporary file and a rename, so a crash while writing leaves the earlier draft whole).
    /// </summary>
    public void Keep(string login, Draft draft)
    {
        var folder = DraftFolder(login);
        Directory.CreateDirectory(folder);
        var stored = new StoredDraft(1, draft.Base, draft.BaseVersion, draft.Mine, draft.Kept);
        AtomicFile.Write(Path.Combine(folder, draft.Id.Value + ".json"), JsonSerializer.SerializeToUtf8Bytes(stored, DraftJson));
    }

    /// <summary>
    /// <paramref name="login"/>'s drafts, newest first. A draft file that cannot be read is left
    /// where it is and not offered, and so is anything there that is not a file to read (a named
    /// pipe, which would make the screen wait for ever, or a file far larger than any draft).
    /// </summary>
    public IReadOnlyList<Draft> Of(string login)
    {
        var folder = DraftFolder(login);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var drafts = new List<Draft>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            if (!RiskId.TryParse(Path.GetFileNameWithoutExtension(file), out var id))
            {
                continue;
            }

            try
            {
                if (SafeFile.Read(_store.GitDir, Path.GetRelativePath(_store.GitDir, file), SafeFile.MaxKeptEditBytes).Bytes is { } bytes
                    && JsonSerializer.Deserialize<StoredDraft>(bytes, DraftJson) is { Mine: { } mine } stored && mine.Id == id)
                {
                    drafts.Add(new Draft(id, stored.Base, stored.BaseVersion, mine, stored.Kept));
                }
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or FormatException or NotSupportedException)
            {
                // Another version's format, or a file damaged by hand: kept for the person to look at, not offered.
            }
        }

        return [.. drafts.OrderByDescending(d => d.Kept)];
    }

    /// <summary>Forgets <paramref name="login"/>'s draft of <paramref name="id"/> (saved, or thrown away).</summary>
    public void Drop(string login, RiskId id)
    {
        var file = Path.Combine(DraftFolder(login), id.Value + ".json");
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }

    private string DraftFolder(string login)
    {
        // The login names a folder: only a login as register.yaml allows one (no slashes, no dots first) may.
        if (!Rules.IsLogin(login))
        {
            throw new ArgumentException($"'{login}' is not a login", nameof(login));
        }

        return Path.Combine(_store.GitDir, DraftsFolder, login);
    }

    private static JsonTypeInfo<StoredDraft> Options()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = StorageJson.Default,
        };
        JsonWords.AddTo(options.Converters);
        options.Converters.Add(new RiskIdJson());
        return (JsonTypeInfo<StoredDraft>)options.GetTypeInfo(typeof(StoredDraft));
    }

    /// <summary>A draft as kept on disk; <see cref="Format"/> changes if its shape ever does.</summary>
    internal sealed record StoredDraft(int Format, Risk? Base, string? BaseVersion, Risk Mine, DateTimeOffset Kept);

    private sealed class RiskIdJson : JsonConverter<RiskId>
    {
        public override RiskId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            RiskId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException($"not a risk id: {reader.GetString()}");

        public override void Write(Utf8JsonWriter writer, RiskId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
