using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Activities.Schema;
using TaskForce.Activities.Turns;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests.Protocol;

public sealed class ConversationOrderTests
{
    [Fact]
    public async Task Post_SecondActivityOfBusyConversation_WaitsWhileOtherConversationsProceed()
    {
        var handler = new GatedHandler();
        await using ProtocolHost host = await ProtocolHost.StartAsync(
            withAppId: false, services: s => s.AddSingleton<IActivityHandler>(handler));
        JsonObject first = TestActivities.Message(host.Connector.ServiceUrl, "block", "a-1", conversationId: "conv-a");
        JsonObject second = TestActivities.Message(host.Connector.ServiceUrl, "a2", "a-2", conversationId: "conv-a");
        JsonObject other = TestActivities.Message(host.Connector.ServiceUrl, "b1", "b-1", conversationId: "conv-b");

        Task<HttpResponseMessage> firstPost = TestActivities.PostAsync(host.Client, first);
        await handler.Blocked.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Task<HttpResponseMessage> secondPost = TestActivities.PostAsync(host.Client, second);
        HttpResponseMessage otherResponse = await TestActivities.PostAsync(host.Client, other);
        string[] beforeRelease = handler.Entered();
        handler.Gate.SetResult();
        await Task.WhenAll(firstPost, secondPost);

        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
        Assert.Equal(["a-1", "b-1"], beforeRelease);
        Assert.Equal(["a-1", "b-1", "a-2"], handler.Entered());
        Assert.Equal(1, handler.MaxConcurrentInConversationA);
    }

    private sealed class GatedHandler : IActivityHandler
    {
        private readonly List<string> _entered = [];
        private int _activeInA;

        public TaskCompletionSource Blocked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int MaxConcurrentInConversationA { get; private set; }

        public string[] Entered()
        {
            lock (_entered)
            {
                return [.. _entered];
            }
        }

        public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            lock (_entered)
            {
                _entered.Add(turn.Activity.Id!);
            }

            bool inA = turn.Activity.Conversation?.Id == "conv-a";
            if (inA)
            {
                MaxConcurrentInConversationA = Math.Max(MaxConcurrentInConversationA, Interlocked.Increment(ref _activeInA));
            }

            if (turn.Text == "block")
            {
                Blocked.SetResult();
                await Gate.Task;
            }

            if (inA)
            {
                Interlocked.Decrement(ref _activeInA);
            }

            return null;
        }
    }
}
