using System.Text.Json;

namespace TaskForce.Activities.Schema;

/// <summary>A button: <c>imBack</c>, <c>postBack</c>, <c>messageBack</c>, <c>openUrl</c>, …</summary>
public sealed record CardAction
{
    public required string Type { get; init; }

    public string? Title { get; init; }

    public JsonElement? Value { get; init; }

    public string? Text { get; init; }

    public string? DisplayText { get; init; }

    /// <summary>A button whose value is posted back as the user's own message.</summary>
    public static CardAction ImBack(string title, string? value = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return new CardAction
        {
            Type = CardActionTypes.ImBack,
            Title = title,
            Value = JsonSerializer.SerializeToElement(value ?? title, ActivityJson.Default.String),
        };
    }
}
