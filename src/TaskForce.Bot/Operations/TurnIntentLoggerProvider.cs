using TaskForce.Bot.Endpoints;

namespace TaskForce.Bot.Operations;

/// <summary>Reads the <c>Intent</c> of the dialog handler's turn log line (event 4211) into <see cref="TurnIntent.Current"/>.</summary>
internal sealed class TurnIntentLoggerProvider : ILoggerProvider
{
    public static readonly string Category = typeof(DialogActivityHandler).FullName!;

    private const int DialogTurnEventId = 4211;

    public ILogger CreateLogger(string categoryName) =>
        categoryName == Category ? new IntentLogger() : NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class IntentLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id != DialogTurnEventId || TurnIntent.Current is not { } turn || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                return;
            }

            foreach ((string key, object? value) in values)
            {
                if (key == "Intent" && value is string intent)
                {
                    turn.Intent = intent;
                }
            }
        }
    }

    private sealed class NullLogger : ILogger
    {
        public static readonly NullLogger Instance = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
