using Azure.Core;

namespace FeedWatch.Azure.ServiceBus;

/// <summary>
/// Options of <see cref="ServiceBusSenderClient"/>. Retries come from Azure.Core's retry policy: exponential backoff on
/// 408/429/500/502/503/504 and network faults, honouring Retry-After.
/// </summary>
public sealed class ServiceBusSenderClientOptions : ClientOptions
{
    public ServiceBusSenderClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromSeconds(0.8);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }

    /// <summary>Lifetime of generated SAS tokens; they are renewed at half-life.</summary>
    public TimeSpan SasTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Clock used for SAS expiry (tests substitute it).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
