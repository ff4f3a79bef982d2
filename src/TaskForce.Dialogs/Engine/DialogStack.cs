using System.Text.Json;
using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Dialogs.Engine;

/// <summary>The persisted conversation state: the dialog frames (top last) and the last list query, for paging.</summary>
internal sealed class DialogStack
{
    public List<DialogFrame> Frames { get; set; } = [];

    public ListQuery? LastQuery { get; set; }

    public DialogFrame? Top => Frames.Count == 0 ? null : Frames[^1];
}

/// <summary>One running dialog: its typed state as JSON, the previous states (for "back") and failed answers.</summary>
internal sealed class DialogFrame
{
    public required string Dialog { get; set; }

    public required JsonElement State { get; set; }

    public List<JsonElement> History { get; set; } = [];

    public int Misunderstood { get; set; }
}

/// <summary>A task list query that was answered page by page.</summary>
internal sealed record ListQuery(string Kind, long? CampaignId, long? DepartmentId, DateOnly? From, DateOnly? To, bool Overdue, int Page, LightColor? Light = null);
