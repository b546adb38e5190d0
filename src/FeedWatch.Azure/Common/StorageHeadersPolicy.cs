using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FeedWatch.Azure.Common;

/// <summary>
/// Stamps x-ms-version and a fresh x-ms-date on every attempt. It runs per retry because SharedKey signatures
/// cover the date and the service rejects requests whose date is more than 15 minutes old.
/// </summary>
public sealed class StorageHeadersPolicy(string serviceVersion) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.SetValue("x-ms-version", serviceVersion);
        message.Request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
    }
}
