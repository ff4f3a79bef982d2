using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Members;

namespace TaskForce.Core.Campaigns;

/// <summary>The roster data of one version; members and task names are read the first time a turn needs them.</summary>
public sealed class RosterSnapshot(long version, IReadOnlyList<NamedEntity> campaigns, IReadOnlyList<NamedEntity> departments)
{
    private readonly ConcurrentDictionary<(string ChannelId, string UserId), Member> _members = new();
    private IReadOnlyList<RosterTask>? _openTasks;

    public long Version { get; } = version;

    public IReadOnlyList<NamedEntity> Campaigns { get; } = campaigns;

    public IReadOnlyList<NamedEntity> Departments { get; } = departments;

    /// <summary>The active member linked to the chat account; null (and not remembered) when there is none.</summary>
    public async Task<Member?> FindMemberAsync(SqliteConnection connection, string channelId, string userId, CancellationToken cancellationToken)
    {
        if (_members.TryGetValue((channelId, userId), out Member? member))
        {
            return member;
        }

        member = await MemberStore.FindByAccountAsync(connection, channelId, userId, cancellationToken);
        if (member is not null)
        {
            _members.TryAdd((channelId, userId), member);
        }

        return member;
    }

    /// <summary>Every open task's names, in task-list order.</summary>
    public async Task<IReadOnlyList<RosterTask>> OpenTasksAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        Volatile.Read(ref _openTasks) ?? (_openTasks = await RosterStore.ListOpenTaskNamesAsync(connection, cancellationToken));
}
