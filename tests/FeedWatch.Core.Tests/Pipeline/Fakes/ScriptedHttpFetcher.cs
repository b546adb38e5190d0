using System.Text;
using FeedWatch.Core.Ports.Http;

namespace FeedWatch.Core.Tests.Pipeline.Fakes;

/// <summary>Answers from a URL → response table, honouring If-None-Match like a server with ETags; records requests.</summary>
public sealed class ScriptedHttpFetcher : IHttpFetcher
{
    private readonly Dictionary<string, Func<FetchRequest, FetchResponse>> _routes = new(StringComparer.Ordinal);

    public List<FetchRequest> Requests { get; } = [];

    public void Serve(string url, string body, string contentType = "text/html", string? etag = null) =>
        _routes[url] = request => request.IfNoneMatch is not null && request.IfNoneMatch == etag
            ? new FetchResponse { RequestedUrl = request.Url, FinalUrl = request.Url, StatusCode = 304, ETag = etag }
            : new FetchResponse
            {
                RequestedUrl = request.Url,
                FinalUrl = request.Url,
                StatusCode = 200,
                Body = Encoding.UTF8.GetBytes(body),
                ContentType = contentType,
                ETag = etag,
            };

    /// <summary>Any response, built per request (redirects, caching headers, 304s).</summary>
    public void Respond(string url, Func<FetchRequest, FetchResponse> route) => _routes[url] = route;

    public void Fail(string url, int status) =>
        _routes[url] = request => new FetchResponse { RequestedUrl = request.Url, FinalUrl = request.Url, StatusCode = status };

    public Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken cancellationToken = default)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        return Task.FromResult(_routes.TryGetValue(request.Url.AbsoluteUri, out var route)
            ? route(request)
            : new FetchResponse { RequestedUrl = request.Url, FinalUrl = request.Url, StatusCode = 404 });
    }
}
