using FeedWatch.Core.Alerts;

namespace FeedWatch.Alerts.Configuration;

/// <summary>
/// Builds configured sinks whose transport lives in another assembly: the Azure Storage queue and Service Bus sinks
/// come from FeedWatch.Azure (<c>AddAzureAlertSinks</c>), so this project does not depend on the Azure SDKs.
/// </summary>
public interface IAlertSinkBuilder
{
    bool CanBuild(AlertSinkType type);

    IAlertSink Build(string name, AlertSinkOptions options);
}
