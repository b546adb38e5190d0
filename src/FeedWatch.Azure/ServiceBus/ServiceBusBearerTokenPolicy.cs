using Azure.Core;
using Azure.Core.Pipeline;

namespace FeedWatch.Azure.ServiceBus;

/// <summary>
/// Adds "Authorization: Bearer {token}" from a TokenCredential, cached until shortly before it expires.
/// Azure.Core's BearerTokenAuthenticationPolicy refuses plain http outright; this one allows it only for loopback
/// hosts (the emulator and protocol tests), so a token can never travel unencrypted over a network.
/// </summary>
internal sealed class ServiceBusBearerTokenPolicy(TokenCredential credential, string scope) : HttpPipelinePolicy
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private AccessToken? cached;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        var uri = message.Request.Uri.ToUri();
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
            throw new InvalidOperationException($"Refusing to send a bearer token over plain http to {uri.Host}.");

        var token = await GetTokenAsync(message.CancellationToken).ConfigureAwait(false);
        message.Request.Headers.SetValue("Authorization", "Bearer " + token);
        if (async) await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        else ProcessNext(message, pipeline);
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (cached is not { } current || current.ExpiresOn - RefreshMargin <= DateTimeOffset.UtcNow)
            {
                current = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
                cached = current;
            }

            return current.Token;
        }
        finally
        {
            gate.Release();
        }
    }
}
