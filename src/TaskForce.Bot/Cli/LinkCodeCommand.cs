using System.CommandLine;
using System.Globalization;
using TaskForce.Core.Members;

namespace TaskForce.Bot.Cli;

/// <summary><c>link-code &lt;member-key&gt;</c>: issues a one-time code the member sends to the bot as "link &lt;code&gt;".</summary>
internal static class LinkCodeCommand
{
    public static Command Create(CliServices services)
    {
        Argument<string> member = new("member-key") { Description = "The member's key in the roster, e.g. zhao-ming." };
        Command command = new("link-code", "Issue a one-time code that links a member's chat account (expires, single use).") { member };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            IServiceProvider provider = await services.GetAsync(cancellationToken);
            string key = parseResult.GetValue(member)!;
            Member? found = await provider.GetRequiredService<MemberStore>().FindByKeyAsync(key, cancellationToken);
            if (found is null)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"No member with key '{key}'. Run 'members' to list the keys.");
                return 1;
            }

            (string code, DateTimeOffset expires) = await provider.GetRequiredService<LinkCodeService>().IssueAsync(found.Id, "cli:link-code", cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Link code for {found.Name} ({found.Key}): {code} (valid until {expires:yyyy-MM-dd HH:mm} UTC, single use). The member sends \"link {code}\" to the bot."));
            return 0;
        });
        return command;
    }
}
