using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace FeedWatch.Azure.Common;

/// <summary>
/// Reads a storage error: the code from the x-ms-error-code header (falling back to the XML body's &lt;Code&gt;) and
/// the service's message from the XML body, so <see cref="RequestFailedException.ErrorCode"/> is e.g. "BlobNotFound".
/// </summary>
public sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static StorageErrorParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        ArgumentNullException.ThrowIfNull(response);
        data = null;
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? message = null;
        try
        {
            var body = response.Content;
            if (body is not null && body.ToMemory().Length > 0)
            {
                var document = SafeXml.Parse(body.ToStream());
                code ??= document.Root?.Element("Code")?.Value;
                message = document.Root?.Element("Message")?.Value;
            }
        }
        catch (XmlException)
        {
            // Not an XML error body (e.g. a proxy's HTML page): the status and header still say what happened.
        }

        error = new ResponseError(code, message ?? response.ReasonPhrase);
        return code is not null || message is not null;
    }

    /// <summary>Throws the RequestFailedException for a failed response.</summary>
    public static RequestFailedException CreateException(Response response) => new(response, null, Instance);
}
