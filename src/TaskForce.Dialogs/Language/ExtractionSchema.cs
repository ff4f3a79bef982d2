using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Dialogs.Language;

/// <summary>
/// The JSON the model must return for one message (OpenAI structured outputs, strict mode: every property
/// required, absent values null), and its checks: the shape by strict deserialization, the meaning against
/// the member's own candidates.
/// </summary>
internal static class ExtractionSchema
{
    public const string Name = "taskforce_message";

    public static readonly JsonElement Schema = JsonDocument.Parse(SchemaJson).RootElement.Clone();

    private const string SchemaJson = """
        {
          "type": "object",
          "properties": {
            "intent": { "type": "string", "enum": ["None", "ReportProgress", "EscalateBlocker", "QueryDeadlines", "StatusQuestion", "NextMeeting", "Help"] },
            "task_id": { "type": ["integer", "null"], "description": "Id of the candidate task the message is about; null when unsure." },
            "percent": { "type": ["integer", "null"], "description": "Completion percent 0-100." },
            "status": { "type": ["string", "null"], "enum": ["NotStarted", "InProgress", "OnTrack", "Behind", "Done", null] },
            "note": { "type": ["string", "null"], "description": "Next steps or remarks, in the member's words." },
            "blocker_text": { "type": ["string", "null"], "description": "The problem that blocks the task, in the member's words." },
            "department_ids": { "type": "array", "items": { "type": "integer" }, "description": "Ids of departments named as needed for help." },
            "severity": { "type": ["string", "null"], "enum": ["Low", "Medium", "High", "Critical", null] },
            "due_date": { "type": ["string", "null"], "description": "A forecast or deadline date, yyyy-MM-dd." },
            "date_from": { "type": ["string", "null"], "description": "Start of the period asked about, yyyy-MM-dd." },
            "date_to": { "type": ["string", "null"], "description": "End of the period asked about, yyyy-MM-dd." }
          },
          "required": ["intent", "task_id", "percent", "status", "note", "blocker_text", "department_ids", "severity", "due_date", "date_from", "date_to"],
          "additionalProperties": false
        }
        """;

    /// <summary>Reads the model's JSON; null when it does not match the schema or says something impossible.</summary>
    public static Recognition? TryMap(string json, string text, RecognitionContext context, out string? problem)
    {
        ExtractionOutput? output;
        try
        {
            output = JsonSerializer.Deserialize(json, ExtractionJson.Default.ExtractionOutput);
        }
        catch (JsonException ex)
        {
            problem = ex.Message;
            return null;
        }

        if (output is null)
        {
            problem = "empty output";
            return null;
        }

        problem = Check(output);
        return problem is null ? Map(output, text, context) : null;
    }

    private static string? Check(ExtractionOutput output)
    {
        if (output.Percent is < 0 or > 100)
        {
            return "percent out of range";
        }

        if (output.Status is not null && !Enum.TryParse<ReportStatus>(output.Status, ignoreCase: false, out _))
        {
            return "unknown status";
        }

        if (output.Severity is not null && !Enum.TryParse<Severity>(output.Severity, ignoreCase: false, out _))
        {
            return "unknown severity";
        }

        return new[] { output.DueDate, output.DateFrom, output.DateTo }.Any(d => d is not null && ParseDate(d) is null)
            ? "date not in yyyy-MM-dd"
            : null;
    }

    private static Recognition Map(ExtractionOutput output, string text, RecognitionContext context)
    {
        // Unknown intents become None: the dialog then asks instead of acting on a guess.
        Intent intent = Enum.TryParse(output.Intent, ignoreCase: false, out Intent parsed) && Enum.IsDefined(parsed) ? parsed : Intent.None;
        DateOnly? from = output.DateFrom is null ? null : ParseDate(output.DateFrom);
        DateOnly? to = output.DateTo is null ? null : ParseDate(output.DateTo);
        DateRange? dates = (from, to) switch
        {
            ({ } f, { } t) when f <= t => new DateRange(f, t),
            ({ } f, null) => new DateRange(f, f),
            (null, { } t) => new DateRange(context.Today, t),
            _ => null,
        };
        var entities = new RecognizedEntities
        {
            TaskIds = output.TaskId is { } id && context.Tasks.Any(t => t.Id == id) ? [id] : [],
            Percent = output.Percent,
            Status = output.Status is null ? null : Enum.Parse<ReportStatus>(output.Status),
            Note = Clean(output.Note),
            BlockerText = Clean(output.BlockerText),
            DepartmentIds = [.. output.DepartmentIds.Distinct().Where(d => context.Departments.Any(c => c.Id == d))],
            Severity = output.Severity is null ? null : Enum.Parse<Severity>(output.Severity),
            DueDate = output.DueDate is null ? null : ParseDate(output.DueDate),
            Dates = dates,
            DateScope = dates is null ? DateScope.None : DateScope.ByDate,
        };
        return new Recognition(intent, entities, text.Trim());
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ParseDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date) ? date : null;
}

internal sealed record ExtractionOutput(
    [property: JsonRequired] string Intent,
    [property: JsonRequired] long? TaskId,
    [property: JsonRequired] int? Percent,
    [property: JsonRequired] string? Status,
    [property: JsonRequired] string? Note,
    [property: JsonRequired] string? BlockerText,
    [property: JsonRequired] IReadOnlyList<long> DepartmentIds,
    [property: JsonRequired] string? Severity,
    [property: JsonRequired] string? DueDate,
    [property: JsonRequired] string? DateFrom,
    [property: JsonRequired] string? DateTo);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ExtractionOutput))]
internal sealed partial class ExtractionJson : JsonSerializerContext;
