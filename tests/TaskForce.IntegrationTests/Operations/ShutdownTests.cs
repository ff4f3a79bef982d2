using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TaskForce.Activities.Schema;
using TaskForce.Activities.Turns;
using TaskForce.Core.Outbox;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests.Operations;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stop_TurnInFlight_TurnCompletesBeforeTheHostStops()
    {
        var handler = new GatedHandler();
        await using ProtocolHost host = await ProtocolHost.StartAsync(withAppId: false, services: s => s.AddSingleton<IActivityHandler>(handler));
        IHostApplicationLifetime lifetime = host.App.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using CancellationTokenRegistration onStopping = lifetime.ApplicationStopping.Register(stopping.SetResult);
        using CancellationTokenRegistration onStopped = lifetime.ApplicationStopped.Register(stopped.SetResult);
        Task<HttpResponseMessage> post = TestActivities.PostAsync(host.Client, TestActivities.Message(host.Connector.ServiceUrl, "slow", "slow-1"));
        await handler.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        lifetime.StopApplication();
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));
        bool stoppedBeforeRelease = stopped.Task.IsCompleted;
        handler.Gate.SetResult();
        HttpResponseMessage response = await post.WaitAsync(TimeSpan.FromSeconds(30));
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(stoppedBeforeRelease);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(handler.Finished);
    }

    [Fact]
    public async Task Stop_OutboxRowLeasedByThisInstance_LeaseReleased()
    {
        await using var app = new BotAppFactory();
        app.StartServer();
        string owner = app.Services.GetRequiredService<OutboxDispatcher>().Owner;
        IHostApplicationLifetime lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using CancellationTokenRegistration onStopped = lifetime.ApplicationStopped.Register(stopped.SetResult);
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        // Claimed by this instance and not due again for a day: only the shutdown release can clear the lease.
        await connection.ExecuteAsync(
            "INSERT INTO Outbox (Kind, IdempotencyKey, DueAtMs, NextAttemptAtMs, LeaseUntilMs, LeaseOwner, CreatedAtMs) VALUES ('test', 'lease-1', 0, @Later, @Later, @Owner, 0);",
            new { Later = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds(), Owner = owner });

        lifetime.StopApplication();
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Outbox WHERE LeaseOwner = @Owner;", new { Owner = owner }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT LeaseUntilMs FROM Outbox WHERE IdempotencyKey = 'lease-1';"));
    }

    [Fact]
    public async Task ShutdownTimeout_Configured_AppliedToTheHost()
    {
        await using var app = new BotAppFactory(new Dictionary<string, string?>(StringComparer.Ordinal) { ["Host:ShutdownTimeout"] = "00:00:45" });
        app.StartServer();

        TimeSpan timeout = app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;

        Assert.Equal(TimeSpan.FromSeconds(45), timeout);
    }

    private sealed class GatedHandler : IActivityHandler
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Finished { get; private set; }

        public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Gate.Task.WaitAsync(cancellationToken);
            Finished = true;
            return null;
        }
    }
}
