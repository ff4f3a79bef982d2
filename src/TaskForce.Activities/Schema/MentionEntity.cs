namespace TaskForce.Activities.Schema;

/// <summary>A mention: who was mentioned and the <c>&lt;at&gt;Name&lt;/at&gt;</c> text that shows it.</summary>
public sealed record MentionEntity(ChannelAccount Mentioned, string? Text);
