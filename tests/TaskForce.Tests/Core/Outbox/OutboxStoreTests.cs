using TaskForce.Core.Outbox;
using TaskForce.Tests.Core.Scheduling;

namespace TaskForce.Tests.Core.Outbox;

public sealed class OutboxStoreTests
{
    private static readonly DateTimeOffset s_now = SchedulerHarness.Local("2030-03-05T09:00");

    private static NewOutboxJob Job(string key, long memberId, DateTimeOffset due) => new(OutboxKinds.Reminder, key, due, memberId, "{}");

    [Fact]
    public async Task EnqueueAsync_SameKeyTwice_InsertsOnce()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_now);
        long member = await h.Data.MemberAsync();

        int first = await h.Store.EnqueueAsync([Job("k1", member, s_now)], s_now, CancellationToken.None);
        int second = await h.Store.EnqueueAsync([Job("k1", member, s_now.AddHours(1))], s_now, CancellationToken.None);

        Assert.Equal((1, 0), (first, second));
        Assert.Equal(s_now, Assert.Single(await h.Reads.ListAllAsync(CancellationToken.None)).DueAt);
    }

    [Fact]
    public async Task ClaimDueAsync_TwoStoresOnOneFileWithinLease_ClaimsEachJobOnce()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_now);
        long member = await h.Data.MemberAsync();
        await h.Store.EnqueueAsync([.. Enumerable.Range(0, 20).Select(i => Job($"k{i}", member, s_now))], s_now, CancellationToken.None);
        var other = new OutboxStore(h.NewDatabase());

        Task<IReadOnlyList<OutboxJob>> a = h.Store.ClaimDueAsync(s_now, TimeSpan.FromMinutes(2), "a", 15, CancellationToken.None);
        Task<IReadOnlyList<OutboxJob>> b = other.ClaimDueAsync(s_now, TimeSpan.FromMinutes(2), "b", 15, CancellationToken.None);
        IReadOnlyList<OutboxJob>[] claims = await Task.WhenAll(a, b);

        long[] ids = [.. claims.SelectMany(c => c).Select(j => j.Id)];
        Assert.Equal(20, ids.Length);
        Assert.Equal(20, ids.Distinct().Count());
    }

    [Fact]
    public async Task ClaimDueAsync_AfterLeaseExpiry_ClaimsAgainForNewOwner()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_now);
        long member = await h.Data.MemberAsync();
        await h.Store.EnqueueAsync([Job("k", member, s_now)], s_now, CancellationToken.None);
        await h.Store.ClaimDueAsync(s_now, TimeSpan.FromMinutes(2), "a", 10, CancellationToken.None);

        IReadOnlyList<OutboxJob> during = await h.Store.ClaimDueAsync(s_now.AddMinutes(1), TimeSpan.FromMinutes(2), "b", 10, CancellationToken.None);
        IReadOnlyList<OutboxJob> after = await h.Store.ClaimDueAsync(s_now.AddMinutes(2), TimeSpan.FromMinutes(2), "b", 10, CancellationToken.None);
        bool staleOwnerRecorded = await h.Store.CompleteAsync(after[0].Id, "a", OutboxState.Sent, null, attempted: true, s_now.AddMinutes(2), CancellationToken.None);

        Assert.Empty(during);
        Assert.Equal("b", Assert.Single(after).LeaseOwner);
        Assert.False(staleOwnerRecorded);
    }

    [Fact]
    public async Task ReleaseLeasesAsync_OwnClaims_AreClaimableAtOnce()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_now);
        long member = await h.Data.MemberAsync();
        await h.Store.EnqueueAsync([Job("k", member, s_now)], s_now, CancellationToken.None);
        await h.Store.ClaimDueAsync(s_now, TimeSpan.FromMinutes(2), "a", 10, CancellationToken.None);

        int released = await h.Store.ReleaseLeasesAsync("a", CancellationToken.None);
        IReadOnlyList<OutboxJob> claimed = await h.Store.ClaimDueAsync(s_now, TimeSpan.FromMinutes(2), "b", 10, CancellationToken.None);

        Assert.Equal(1, released);
        Assert.Single(claimed);
    }

    [Fact]
    public async Task EnqueueAsync_BatchLargerThanChunks_InsertsEachNewKeyOnceAndNothingOnRerun()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_now);
        long member = await h.Data.MemberAsync();
        int count = (2 * OutboxStore.EnqueueChunkSize) + 500;
        List<NewOutboxJob> jobs = [.. Enumerable.Range(0, count).Select(i => Job($"k{i}", member, s_now.AddMinutes(i)))];
        await h.Store.EnqueueAsync(jobs[..700], s_now, CancellationToken.None);

        int inserted = await h.Store.EnqueueAsync([.. jobs, jobs[5], jobs[count - 1]], s_now, CancellationToken.None);
        int again = await h.Store.EnqueueAsync(jobs, s_now.AddMinutes(5), CancellationToken.None);

        Assert.Equal((count - 700, 0), (inserted, again));
        IReadOnlyList<OutboxJob> rows = await h.Reads.ListAllAsync(CancellationToken.None);
        Assert.Equal(count, rows.Count);
        Assert.Equal(count, rows.Select(j => j.IdempotencyKey).Distinct().Count());
        Assert.All(rows, j => Assert.Equal(s_now, j.CreatedAt));
    }

    [Fact]
    public async Task EnqueueAsync_BatchAndSingleInsert_StoreTheSameRow()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_now);
        long member = await h.Data.MemberAsync();
        long campaign = await h.Data.CampaignAsync();
        long meeting = await h.Data.MeetingAsync(campaign, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00");
        NewOutboxJob full = new(OutboxKinds.Nudge, "full", s_now.AddHours(1), member, """{"a":1}""", s_now.AddHours(2), meeting, null, Critical: true);
        NewOutboxJob bare = new(OutboxKinds.Reminder, "bare", s_now, null, "{}");

        await h.Store.EnqueueAsync([full, bare], s_now, CancellationToken.None);
        await h.Database.WriteAsync(
            async (connection, transaction) =>
            {
                await OutboxStore.EnqueueAsync(connection, transaction, full with { IdempotencyKey = "full-single" }, s_now, CancellationToken.None);
                await OutboxStore.EnqueueAsync(connection, transaction, bare with { IdempotencyKey = "bare-single" }, s_now, CancellationToken.None);
            },
            CancellationToken.None);

        Dictionary<string, OutboxJob> rows = (await h.Reads.ListAllAsync(CancellationToken.None)).ToDictionary(j => j.IdempotencyKey);
        Assert.Equal(rows["full-single"] with { Id = 0, IdempotencyKey = "full" }, rows["full"] with { Id = 0 });
        Assert.Equal(rows["bare-single"] with { Id = 0, IdempotencyKey = "bare" }, rows["bare"] with { Id = 0 });
        Assert.Equal((true, (long?)meeting, (long?)null), (rows["full"].Critical, rows["full"].MeetingId, rows["bare"].RecipientMemberId));
    }
}
