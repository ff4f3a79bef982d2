using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using TaskForce.Core.Blockers;
using TaskForce.Core.Campaigns;
using TaskForce.Core.Language;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Language;

namespace TaskForce.Tests.Dialogs.Language;

/// <summary>A mocked chat client, a fake clock and the language services around them.</summary>
internal sealed class LanguageTestKit : IDisposable
{
    private readonly Queue<Func<CancellationToken, Task<ChatResponse>>> _replies = new();

    public LanguageTestKit(LanguageModelOptions? options = null)
    {
        Options = options ?? new LanguageModelOptions { Endpoint = "https://unit.test/", Deployment = "gpt-test" };
        Chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((IEnumerable<ChatMessage> messages, ChatOptions? chatOptions, CancellationToken token) =>
            {
                Requests.Add(([.. messages], chatOptions));
                return _replies.Dequeue()(token);
            });
        Metrics = new LanguageMetrics(MeterFactory);
        Client = new LanguageModelClient(Chat.Object, Microsoft.Extensions.Options.Options.Create(Options), Metrics, Time, NullLogger<LanguageModelClient>.Instance);
    }

    public Mock<IChatClient> Chat { get; } = new(MockBehavior.Strict);

    public FakeTimeProvider Time { get; } = new(TwoCampaigns.Now);

    public LanguageModelOptions Options { get; }

    public TestMeterFactory MeterFactory { get; } = new();

    public LanguageMetrics Metrics { get; }

    public LanguageModelClient Client { get; }

    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    public static ChatResponse Text(string text, long prompt = 100, long completion = 20) =>
        new(new ChatMessage(ChatRole.Assistant, text)) { Usage = new UsageDetails { InputTokenCount = prompt, OutputTokenCount = completion } };

    public static ChatResponse Call(string callId, string name, string argumentsJson) =>
        new(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, name,
            JsonSerializer.Deserialize<Dictionary<string, object?>>(argumentsJson))]))
        { Usage = new UsageDetails { InputTokenCount = 50, OutputTokenCount = 10 } };

    public void Reply(ChatResponse response) => _replies.Enqueue(_ => Task.FromResult(response));

    public void Throw(Exception exception) => _replies.Enqueue(_ => Task.FromException<ChatResponse>(exception));

    /// <summary>A reply that never comes: the call ends only when its token is cancelled.</summary>
    public void Hang() => _replies.Enqueue(token =>
    {
        var reply = new TaskCompletionSource<ChatResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => reply.TrySetCanceled(token));
        return reply.Task;
    });

    public GroundedAnswerer Answerer(TempDatabase db)
    {
        IOptions<TrafficLightOptions> lights = Microsoft.Extensions.Options.Options.Create(new TrafficLightOptions());
        return new GroundedAnswerer(
            Client, new TaskStore(db.Connections, lights), new BlockerStore(db.Connections), new CampaignStore(db.Connections),
            new LanguageQueryStore(db.Connections), Time, NullLogger<GroundedAnswerer>.Instance);
    }

    /// <summary>Everything the model was sent, as one string: texts, tool calls and tool results.</summary>
    public string AllPromptText()
    {
        var text = new StringBuilder();
        foreach (ChatMessage message in Requests.SelectMany(r => r.Messages))
        {
            foreach (AIContent content in message.Contents)
            {
                text.AppendLine(content switch
                {
                    TextContent t => t.Text,
                    FunctionResultContent r => r.Result?.ToString(),
                    FunctionCallContent c => c.Name + JsonSerializer.Serialize(c.Arguments),
                    _ => content.ToString(),
                });
            }
        }

        return text.ToString();
    }

    public void Dispose() => MeterFactory.Dispose();
}

/// <summary>Meters for one test, with the counter values recorded on them.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];
    private readonly MeterListener _listener = new();

    public TestMeterFactory()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_meters.Contains(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (Measurements)
            {
                Measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString())));
            }
        });
        _listener.Start();
    }

    public List<(string Instrument, long Value, Dictionary<string, string?> Tags)> Measurements { get; } = [];

    public long Sum(string instrument, string tag, string value) =>
        Measurements.Where(m => m.Instrument == instrument && m.Tags.GetValueOrDefault(tag) == value).Sum(m => m.Value);

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        _listener.RecordObservableInstruments();
        return meter;
    }

    public void Dispose()
    {
        _listener.Dispose();
        foreach (Meter meter in _meters)
        {
            meter.Dispose();
        }
    }
}
