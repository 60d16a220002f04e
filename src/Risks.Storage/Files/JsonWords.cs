using System.Text.Json;
using System.Text.Json.Serialization;
using Risks.Core.Domain;

namespace Risks.Storage.Files;

/// <summary>
/// How the program writes a risk's choices in JSON: as the file's words in snake case
/// (<c>not_started</c>, <c>partially_effective</c>), never as numbers. One converter per choice
/// type, named here, since the installed program is compiled ahead of time and cannot make a
/// converter for a type it meets at run time; a test checks that every choice a risk holds is here.
/// </summary>
public static class JsonWords
{
    /// <summary>Adds a converter for each choice a risk, its items or the register's settings hold, and for a register's own field's value.</summary>
    public static void AddTo(IList<JsonConverter> converters)
    {
        foreach (var converter in Converters())
        {
            converters.Add(converter);
        }
    }

    /// <summary>The converters <see cref="AddTo"/> adds.</summary>
    public static IEnumerable<JsonConverter> Converters()
    {
        var words = JsonNamingPolicy.SnakeCaseLower;
        yield return new JsonStringEnumConverter<RiskKind>(words);
        yield return new JsonStringEnumConverter<RiskStatus>(words);
        yield return new JsonStringEnumConverter<RiskResponse>(words);
        yield return new JsonStringEnumConverter<Trajectory>(words);
        yield return new JsonStringEnumConverter<Effectiveness>(words);
        yield return new JsonStringEnumConverter<GapType>(words);
        yield return new JsonStringEnumConverter<AssuranceSource>(words);
        yield return new JsonStringEnumConverter<AssuranceRating>(words);
        yield return new JsonStringEnumConverter<AssuranceOutcome>(words);
        yield return new JsonStringEnumConverter<ActionStatus>(words);
        yield return new JsonStringEnumConverter<Role>(words);
        yield return new JsonStringEnumConverter<Appetite>(words);
        yield return new JsonStringEnumConverter<Rag>(words);
        yield return new JsonStringEnumConverter<CustomFieldType>(words);
        yield return new JsonStringEnumConverter<RequiredFor>(words);
        yield return new CustomValueJson();
    }

    /// <summary>A register's own field's value: its text, or its list of texts.</summary>
    private sealed class CustomValueJson : JsonConverter<CustomValue>
    {
        public override CustomValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return CustomValue.Of(reader.GetString()!);
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"a register's own field holds a text or a list of texts, not {reader.TokenType}");
            }

            var items = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"a list of texts holds texts, not {reader.TokenType}"));
            }

            return CustomValue.Of(items);
        }

        public override void Write(Utf8JsonWriter writer, CustomValue value, JsonSerializerOptions options)
        {
            if (value.Items is { } items)
            {
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WriteStringValue(value.Text);
            }
        }
    }
}
