using System.Net.Http.Headers;
using FeedWatch.Core.Alerts.Delivery;

namespace FeedWatch.Alerts.Outbound;

/// <summary>POSTs a body with a per-request time limit; anything but 2xx (or no answer in time) is an <see cref="AlertDeliveryException"/>.</summary>
public sealed class JsonPoster(HttpClient http, TimeSpan timeout)
{
    public async Task PostAsync(Uri url, byte[] body, string contentType, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AlertDeliveryException($"{url.Host} did not answer within {timeout.TotalSeconds:0.#} s.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AlertDeliveryException($"Could not reach {url.Host}: {ex.Message}", ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            var detail = await ReadSnippetAsync(response, cancellationToken).ConfigureAwait(false);
            throw new AlertDeliveryException($"{url.Host} answered {(int)response.StatusCode} {response.ReasonPhrase}: {detail}".TrimEnd(' ', ':'))
            {
                StatusCode = (int)response.StatusCode,
            };
        }
    }

    // Only a short, bounded piece of an error body is kept for the parked record and the log.
    private static async Task<string> ReadSnippetAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new char[300];
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        var read = await reader.ReadBlockAsync(buffer, cancellationToken).ConfigureAwait(false);
        return new string(buffer, 0, read).ReplaceLineEndings(" ").Trim();
    }
}
