using TaskForce.Core.Campaigns;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Conversations;

/// <summary>Department names as a member reads them: lists joined in the member's language.</summary>
internal static class DepartmentNames
{
    /// <summary>"住建局不在花名册中，请从以下部门选择：…" with the names given and every roster department.</summary>
    public static string NotInRoster(DialogContext context, TextKey key, IReadOnlyList<string> unknown) =>
        context.T(key, ("names", Join(context, unknown)), ("choices", Join(context, [.. context.Reference.Departments.Select(d => d.LocalName(context.Locale))])));

    public static string Join(DialogContext context, IEnumerable<string> names) =>
        string.Join(context.T(new TextKey("common", "list-separator")), names);

    public static IReadOnlyList<NamedEntity> Resolve(DialogContext context, IEnumerable<long> ids) =>
        [.. ids.Select(context.Reference.Department).OfType<NamedEntity>()];
}
