using System.Globalization;
using System.Text;

namespace TaskForce.Core.Members;

/// <summary>Renders the member list as an aligned plain-text table for the command line (CJK counts as two columns).</summary>
public static class MemberTable
{
    private static readonly string[] s_header = ["KEY", "NAME", "ROLES", "DEPARTMENT", "ACCOUNT", "REACHABLE"];

    public static string Format(IReadOnlyList<MemberListing> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        List<string[]> rows = [s_header, .. members.Select(m => new[] { m.Key, m.Name, m.Roles ?? "-", m.Department ?? "-", Account(m), Reach(m) })];
        int[] widths = [.. Enumerable.Range(0, s_header.Length).Select(c => rows.Max(r => Width(r[c])))];
        var text = new StringBuilder();
        foreach (string[] row in rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                text.Append(row[c]);
                if (c < row.Length - 1)
                {
                    text.Append(' ', widths[c] - Width(row[c]) + 2);
                }
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    public static string Account(MemberListing member)
    {
        ArgumentNullException.ThrowIfNull(member);
        string link = member.LinkedAccounts == 0
            ? "not linked"
            : string.Create(CultureInfo.InvariantCulture, $"linked ({member.LinkedAccounts})");
        return member.Dead ? link + ", dead" : link;
    }

    /// <summary>"yes", or why proactive messages cannot reach the member now and how many wait for their first message.</summary>
    public static string Reach(MemberListing member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.Reachable)
        {
            return "yes";
        }

        string why = member.Dead ? "no, conversation dead" : "no, never opened the bot";
        return member.Waiting == 0 ? why : string.Create(CultureInfo.InvariantCulture, $"{why}; {member.Waiting} waiting");
    }

    private static int Width(string text) => text.Sum(c => c >= '\u1100' && IsWide(c) ? 2 : 1);

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
