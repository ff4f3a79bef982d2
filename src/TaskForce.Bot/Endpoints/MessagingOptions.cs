using System.ComponentModel.DataAnnotations;

namespace TaskForce.Bot.Endpoints;

/// <summary>The host side of the <c>Bot</c> section.</summary>
internal sealed class MessagingOptions
{
    public const string SectionName = "Bot";

    /// <summary>How long a processed activity id is remembered for de-duplication.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan ProcessedActivityRetention { get; set; } = TimeSpan.FromDays(1);
}
