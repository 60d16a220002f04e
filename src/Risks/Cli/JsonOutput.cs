using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Risks.Core.Domain;
using Risks.Core.Scoring;
using Risks.Core.Validation;
using Risks.Storage.Files;

namespace Risks.Cli;

/// <summary>Risks as JSON, with the file's field names and words, plus what is derived.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = Made();

    private static JsonSerializerOptions Made()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = OutputJson.Default,
        };
        JsonWords.AddTo(options.Converters);
        options.Converters.Add(new RiskIdConverter());
        return options;
    }

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Any JSON the commands build, written as every command writes it (indented, text unescaped).</summary>
    public static string Write(JsonNode node) => node.ToJsonString(Options);

    public static string List(IReadOnlyList<RiskFacts> rows, RegisterSettings settings) =>
        new JsonArray([.. rows.Select(f => Summary(f, settings))]).ToJsonString(Options);

    /// <param name="version">The file's version (its blob id), for a script to give back with <c>risks set --expect</c>.</param>
    public static string Risk(RiskFacts facts, RegisterSettings settings, string? version = null)
    {
        var node = JsonSerializer.SerializeToNode(facts.Risk, Info<Risk>())!.AsObject();
        if (version is not null)
        {
            node["version"] = version;
        }

        node["derived"] = Derived(facts);
        return node.ToJsonString(Options);
    }

    private static JsonObject Summary(RiskFacts f, RegisterSettings settings)
    {
        var r = f.Risk;
        return new JsonObject
        {
            ["id"] = r.Id.Value,
            ["kind"] = Vocabulary.Word(r.Kind),
            ["title"] = r.Title,
            ["status"] = Vocabulary.Word(r.Status),
            ["owner"] = r.Owner,
            ["owner_name"] = settings.NameOf(r.Owner),
            ["current"] = r.Current is null ? null : JsonSerializer.SerializeToNode(r.Current, Info<Score>()),
            ["target"] = r.Target is null ? null : JsonSerializer.SerializeToNode(r.Target, Info<Score>()),
            ["next_review"] = r.NextReview is { } next ? Rules.Iso(next) : null,
            ["derived"] = Derived(f),
        };
    }

    private static JsonObject Derived(RiskFacts f) => new()
    {
        ["current_score"] = f.CurrentScore,
        ["target_score"] = f.TargetScore,
        ["inherent_score"] = f.InherentScore,
        ["band"] = f.Band?.Name,
        ["rag"] = f.Band is null ? null : Vocabulary.Word(f.Band.Rag),
        ["above_tolerance_of"] = new JsonArray([.. f.AboveToleranceOf.Select(o => (JsonNode)o.Id)]),
        ["outside_target"] = f.OutsideTarget,
        ["open_actions"] = f.OpenActions.Count,
        ["overdue_actions"] = new JsonArray([.. f.OverdueActions.Select(a => (JsonNode)a.Id)]),
        ["review_overdue"] = f.ReviewOverdue,
    };

    private sealed class RiskIdConverter : JsonConverter<RiskId>
    {
        public override RiskId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            RiskId.Parse(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, RiskId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}

/// <summary>Risks as <c>--format json</c> writes them, generated when the program is built (the installed program is compiled ahead of time and uses no reflection).</summary>
[JsonSerializable(typeof(Risk))]
[JsonSerializable(typeof(Score))]
internal sealed partial class OutputJson : JsonSerializerContext;
