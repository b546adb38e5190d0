using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FeedWatch.Azure.Common;

/// <summary>
/// Signs each attempt with the storage account key ("Authorization: SharedKey account:signature"), as the Blob,
/// Queue and Table services (and Azurite) verify it. Must run after <see cref="StorageHeadersPolicy"/>.
/// </summary>
public sealed class SharedKeyAuthenticationPolicy(AzureNamedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = message.Request;
        var contentLength = request.Content is not null && request.Content.TryComputeLength(out var length) ? length : 0;
        var headers = request.Headers.Select(header => new KeyValuePair<string, string>(header.Name, header.Value));
        var (name, key) = credential;
        var signature = SharedKeySigner.Sign(name, key, request.Method.Method, request.Uri.ToUri(), headers, contentLength);
        request.Headers.SetValue("Authorization", $"SharedKey {name}:{signature}");
    }
}
