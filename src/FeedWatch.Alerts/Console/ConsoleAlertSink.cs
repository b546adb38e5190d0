using FeedWatch.Alerts.Formatting;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Digests;

namespace FeedWatch.Alerts.Console;

/// <summary>Writes readable alerts to a text writer (standard output by default).</summary>
public sealed class ConsoleAlertSink(string name, TextWriter output) : IAlertSink
{
    private readonly Lock gate = new();

    public string Name => name;

    public Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default) => WriteAsync("ALERT " + AlertText.Describe(alert));

    public Task DeliverDigestAsync(AlertDigest digest, CancellationToken cancellationToken = default) => WriteAsync("DIGEST " + AlertText.Describe(digest));

    private Task WriteAsync(string text)
    {
        // Several workers share one console: keep each alert's lines together.
        lock (gate)
        {
            output.WriteLine(text);
            output.Flush();
        }

        return Task.CompletedTask;
    }
}
