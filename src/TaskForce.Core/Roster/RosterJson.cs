using System.Text.Encodings.Web;
using System.Text.Json;

namespace TaskForce.Core.Roster;

/// <summary>The one JSON form of lists stored in text columns, so a stored value and a file's value compare equal.</summary>
internal static class RosterJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, s_options);
}
