using System.CommandLine;
using TaskForce.Core.Members;

namespace TaskForce.Bot.Cli;

/// <summary>
/// <c>members</c>: every member with roles, department and whether a chat account is linked (and reachable), then
/// whether link codes are locked after guessing.
/// </summary>
internal static class MembersCommand
{
    public static Command Create(CliServices services)
    {
        Command command = new("members", "List members with their roles, department and account-link status, and the link-code lockout state.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            IServiceProvider provider = await services.GetAsync(cancellationToken);
            IReadOnlyList<MemberListing> members = await provider.GetRequiredService<MemberListStore>().ListAsync(cancellationToken);
            LinkGuardStatus linking = await provider.GetRequiredService<LinkCodeService>().GetStatusAsync(cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteAsync(MemberTable.Format(members));
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(linking.Describe());
            return 0;
        });
        return command;
    }
}
