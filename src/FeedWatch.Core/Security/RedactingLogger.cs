using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Security;

/// <summary>
/// Passes log entries on with secrets masked: the rendered message, every structured field value and the exception
/// text. Sinks that read structured fields (JSON console, Application Insights) see only redacted values.
/// </summary>
public sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = redactor.Redact(formatter(state, exception));
        var redactedState = RedactedLogState.From(state, message, redactor);
        var redactedException = exception is null ? null : RedactedException.From(exception, redactor);
        inner.Log(logLevel, eventId, redactedState, redactedException, static (s, _) => s.Message);
    }
}
