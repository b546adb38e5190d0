using System.Collections.Concurrent;
using System.Text;
using FeedWatch.Core.Ports.Http;

namespace FeedWatch.Core.Tests.Articles.Robots;

/// <summary>Answers robots.txt requests with a scripted status and body, counting requests per URL.</summary>
internal sealed class ScriptedFetcher(int status, string body, TimeSpan? delay = null) : IHttpFetcher
{
    public ConcurrentDictionary<string, int> Requests { get; } = new();

    public int Status { get; set; } = status;

    public async Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken cancellationToken = default)
    {
        Requests.AddOrUpdate(request.Url.AbsoluteUri, 1, (_, n) => n + 1);
        if (delay is { } d)
        {
            await Task.Delay(d, cancellationToken);
        }

        return new FetchResponse
        {
            RequestedUrl = request.Url,
            FinalUrl = request.Url,
            StatusCode = Status,
            Body = Encoding.UTF8.GetBytes(body),
            Error = Status >= 400 || Status == 0 ? new FetchError(Status == 0 ? FetchErrorKind.Network : FetchErrorKind.HttpStatus, "scripted") : null,
        };
    }
}
