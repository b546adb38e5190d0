using FeedWatch.Core.Alerts;

namespace FeedWatch.Alerts.Configuration;

/// <summary>
/// The real sinks built from "FeedWatch:Alerts:Sinks". Kept apart from the IAlertSink service on purpose: the pipeline
/// sees only the RoutedAlertSink, and the dispatcher behind it talks to these.
/// </summary>
public sealed class ConfiguredAlertSinks(IReadOnlyList<IAlertSink> sinks)
{
    public IReadOnlyList<IAlertSink> Sinks { get; } = sinks;
}
