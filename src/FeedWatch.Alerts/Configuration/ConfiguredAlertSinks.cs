using FeedWatch.Core.Alerts;

namespace FeedWatch.Alerts.Configuration;

/// <summary>
/// The sinks the dispatcher delivers to, one per name. The pipeline's deliver-alert handler does NOT use these directly:
/// it sees only the RoutedAlertSink, which applies each story's route and noise control before reaching them.
/// </summary>
public sealed class ConfiguredAlertSinks(IReadOnlyList<IAlertSink> sinks)
{
    public IReadOnlyList<IAlertSink> Sinks { get; } = sinks;
}
