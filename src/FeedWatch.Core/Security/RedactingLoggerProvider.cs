using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Security;

/// <summary>Wraps a logger provider (console, file, Application Insights) so that everything it writes is redacted.</summary>
public sealed class RedactingLoggerProvider(ILoggerProvider inner, SecretRedactor redactor) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void Dispose() => inner.Dispose();
}
