using FeedWatch.Alerts.Formatting;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Digests;

namespace FeedWatch.Alerts.ConsoleOutput;

/// <summary>
/// Writes readable alerts to a text writer (standard output by default): the plain console sink of hosts other than
/// the CLI, and the "Console" sink type of the configuration.
/// </summary>
public sealed class ConsoleAlertSink(string name = ConsoleAlertSink.DefaultName, TextWriter? output = null) : IAlertSink
{
    public const string DefaultName = "console";

    // Several workers (and several sinks) share one console: keep each alert's lines together.
    private static readonly Lock Gate = new();

    public string Name => name;

    public Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default) =>
        WriteAsync("ALERT " + AlertText.Describe(alert));

    public Task DeliverDigestAsync(AlertDigest digest, CancellationToken cancellationToken = default) =>
        WriteAsync("DIGEST " + AlertText.Describe(digest));

    private Task WriteAsync(string text)
    {
        var writer = output ?? Console.Out;
        lock (Gate)
        {
            writer.WriteLine(text);
            writer.Flush();
        }

        return Task.CompletedTask;
    }
}
