using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FeedWatch.Azure.Common;

/// <summary>Appends the shared access signature to each request's query (the SAS is the credential).</summary>
public sealed class SasQueryPolicy(AzureSasCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sas = credential.Signature.TrimStart('?');
        var uri = message.Request.Uri;
        var query = uri.Query;
        if (query.Contains(sas, StringComparison.Ordinal))
        {
            return; // Already appended on an earlier attempt of this message.
        }

        uri.Query = string.IsNullOrEmpty(query) || query == "?" ? "?" + sas : query + "&" + sas;
    }
}
