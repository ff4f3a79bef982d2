using TaskForce.Core.Campaigns;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Conversations;

/// <summary>Department names as a member reads them: lists joined in the member's language.</summary>
internal static class DepartmentNames
{
    /// <summary>"X is not in the roster — pick from: …" with the names given and every roster department.</summary>
    public static string NotInRoster(DialogContext context, TextKey key, IReadOnlyList<string> unknown) =>
        context.T(key, ("names", Join(context, unknown)), ("choices", Join(context, [.. context.Reference.Departments.Select(d => d.LocalName(context.Locale))])));

    /// <summary>
    /// What a member is told when some named department could not be settled: the unknown names with every roster
    /// department to pick from, and each ambiguous partial name with the departments it could be.
    /// </summary>
    public static string Unsettled(DialogContext context, TextKey unknownKey, IReadOnlyList<string>? unknown, IReadOnlyList<Recognizers.AmbiguousName>? ambiguous)
    {
        List<string> lines = [];
        if (unknown is { Count: > 0 })
        {
            lines.Add(NotInRoster(context, unknownKey, unknown));
        }

        foreach (Recognizers.AmbiguousName name in ambiguous ?? [])
        {
            lines.Add(context.T(
                new TextKey("common", "ambiguous-department"),
                ("name", name.Name),
                ("choices", Join(context, Resolve(context, name.DepartmentIds).Select(d => d.LocalName(context.Locale))))));
        }

        return string.Join('\n', lines);
    }

    public static string Join(DialogContext context, IEnumerable<string> names) =>
        string.Join(context.T(new TextKey("common", "list-separator")), names);

    public static IReadOnlyList<NamedEntity> Resolve(DialogContext context, IEnumerable<long> ids) =>
        [.. ids.Select(context.Reference.Department).OfType<NamedEntity>()];
}
