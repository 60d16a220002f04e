using System.Text.Json.Serialization;
using Risks.Storage.Git;

namespace Risks.Storage.Files;

/// <summary>
/// The JSON files the program keeps under <c>.git</c> (drafts, edits a sync left to resolve, the
/// save journal), their reading and writing generated when the program is built, so the
/// installed program, compiled ahead of time, needs no reflection to read them.
/// </summary>
[JsonSerializable(typeof(DraftStore.StoredDraft))]
[JsonSerializable(typeof(RegisterSync.StoredPending))]
[JsonSerializable(typeof(List<SaveJournal.Stored>))]
internal sealed partial class StorageJson : JsonSerializerContext;
