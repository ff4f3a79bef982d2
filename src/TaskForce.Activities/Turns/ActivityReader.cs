using System.Text.Json;
using TaskForce.Activities.Schema;

namespace TaskForce.Activities.Turns;

/// <summary>
/// Reads one activity from a request body: JSON content type (415), at most <see cref="MaxBodyBytes"/> (413),
/// one JSON object of the declared field types with a string <c>type</c>, nothing after it and no name twice in one
/// object (400) (§2.2, A2003). Names are compared ignoring case, as the activity's fields are bound: a second
/// <c>Type</c> must not replace the <c>type</c> that was checked.
/// </summary>
public static class ActivityReader
{
    public const int MaxBodyBytes = 256 * 1024;

    private const int MaxDepth = 64;

    public static async Task<ActivityReadResult> ReadAsync(
        Stream body, string? contentType, long? contentLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!IsJson(contentType))
        {
            return ActivityReadResult.Fail(415, "The body must be application/json.");
        }

        if (contentLength > MaxBodyBytes)
        {
            return ActivityReadResult.Fail(413, "The body is larger than 256 KB.");
        }

        byte[]? bytes = await ReadLimitedAsync(body, cancellationToken);
        if (bytes is null)
        {
            return ActivityReadResult.Fail(413, "The body is larger than 256 KB.");
        }

        return Parse(bytes);
    }

    public static ActivityReadResult Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                return ActivityReadResult.Fail(400, "The body must hold one JSON value.");
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ActivityReadResult.Fail(400, "The body must be a JSON object.");
            }

            if (HasDuplicateName(document.RootElement))
            {
                return ActivityReadResult.Fail(400, "The body names a field twice.");
            }

            if (!HasStringType(document.RootElement))
            {
                return ActivityReadResult.Fail(400, "The activity has no type.");
            }

            BotActivity? activity = document.RootElement.Deserialize(ActivityJson.Default.BotActivity);
            return activity is null ? ActivityReadResult.Fail(400, "The body is not an activity.") : ActivityReadResult.Ok(activity);
        }
        catch (JsonException)
        {
            return ActivityReadResult.Fail(400, "The body is not a valid activity.");
        }
        catch (InvalidOperationException)
        {
            return ActivityReadResult.Fail(400, "The body is not a valid activity.");
        }
    }

    private static bool HasDuplicateName(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (!names.Add(property.Name) || HasDuplicateName(property.Value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (HasDuplicateName(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool HasStringType(JsonElement root)
    {
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, "type", StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > 0;
            }
        }

        return false;
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        string mediaType = contentType.Split(';')[0].Trim();
        return string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
