using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Reliability.Tests.Support;

/// <summary>Records what reaches a log sink: the rendered message, the structured fields and the exception text.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<CapturedLogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

    public void Dispose()
    {
    }

    /// <summary>Everything a sink could write for every entry, as one text to search for leaks.</summary>
    public string AllText() => string.Join("\n", Entries.Select(e => e.Message + "|" + string.Join(",", e.Fields.Select(f => f.Key + "=" + f.Value)) + "|" + e.Exception));

    private sealed class CapturingLogger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            owner.Entries.Enqueue(new CapturedLogEntry(formatter(state, exception), fields.ToList(), exception?.ToString()));
        }
    }
}
