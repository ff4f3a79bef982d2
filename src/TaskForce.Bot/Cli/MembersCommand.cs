using System.CommandLine;
using TaskForce.Core.Members;

namespace TaskForce.Bot.Cli;

/// <summary><c>members</c>: every member with roles, department and whether a chat account is linked (and reachable).</summary>
internal static class MembersCommand
{
    public static Command Create(CliServices services)
    {
        Command command = new("members", "List members with their roles, department and account-link status.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            IReadOnlyList<MemberListing> members = await (await services.GetAsync(cancellationToken))
                .GetRequiredService<MemberListStore>().ListAsync(cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteAsync(MemberTable.Format(members));
            return 0;
        });
        return command;
    }
}
