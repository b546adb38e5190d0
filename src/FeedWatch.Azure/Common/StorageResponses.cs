using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FeedWatch.Azure.Common;

/// <summary>Sending a storage request and reading the common parts of its answer.</summary>
public static class StorageResponses
{
    /// <summary>Sends the message and returns its response, throwing <see cref="RequestFailedException"/> for any status not in <paramref name="expected"/>.</summary>
    public static async Task<Response> SendCheckedAsync(this HttpPipeline pipeline, HttpMessage message, CancellationToken cancellationToken, params int[] expected)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(expected);
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (Array.IndexOf(expected, response.Status) < 0)
        {
            throw StorageErrorParser.CreateException(response);
        }

        return response;
    }

    public static string? Header(this Response response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValue(name, out var value) ? value : null;
    }

    public static DateTimeOffset HttpDate(string? value) =>
        value is null
            ? DateTimeOffset.MinValue
            : DateTimeOffset.ParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Listings give ETags bare while headers quote them; FeedWatch always uses the quoted form.</summary>
    public static string QuoteETag(string etag) =>
        etag.StartsWith('"') ? etag : "\"" + etag + "\"";

    /// <summary>Escapes each segment of a blob name, keeping '/' so the service sees virtual folders.</summary>
    public static string EscapePath(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Join('/', name.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>Visibility timeouts travel as whole seconds; rounding up never makes a lease shorter than asked.</summary>
    public static string Seconds(TimeSpan value) =>
        ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
