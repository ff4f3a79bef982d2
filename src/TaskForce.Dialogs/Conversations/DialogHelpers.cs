using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Dialogs.Conversations;

internal static class DialogHelpers
{
    /// <summary>The task the message named when it is not one the member may act on.</summary>
    public static TaskView? RefusedTask(DialogContext context, RecognizedEntities entities) =>
        entities.TaskIds.Count == 0 ? context.ForeignTask : null;
}
