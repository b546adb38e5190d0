using Azure.Core;
using Azure.Core.Pipeline;

namespace FeedWatch.Azure.ServiceBus;

/// <summary>
/// Signs each request (each retry too) with a SAS token for <paramref name="resourceUri"/>, renewed well before it expires,
/// or with a fixed SAS token from the connection string.
/// </summary>
internal sealed class ServiceBusSharedAccessKeyPolicy(string resourceUri, string? keyName, string? key, string? fixedSignature, TimeSpan tokenLifetime, TimeProvider time)
    : HttpPipelineSynchronousPolicy
{
    private readonly Lock gate = new();
    private string? token;
    private DateTimeOffset renewAt;

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.SetValue("Authorization", fixedSignature ?? CurrentToken());
    }

    private string CurrentToken()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (token is null || now >= renewAt)
            {
                token = ServiceBusSharedAccessSignature.Create(resourceUri, keyName!, key!, now + tokenLifetime);
                renewAt = now + (tokenLifetime / 2);
            }

            return token;
        }
    }
}
