using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using FeedWatch.Core.Ports.Http;
using FeedWatch.Http.Fetching;
using FeedWatch.Http.Guard;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FeedWatch.Http;

/// <summary>
/// <see cref="IHttpFetcher"/> over one pooled <see cref="SocketsHttpHandler"/>. Redirects are followed by hand so
/// every hop is re-checked (scheme, private-address guard, count) and a chain of permanent redirects can be reported;
/// the body is read with a running size limit after transparent gzip/deflate/brotli decoding.
/// </summary>
public sealed partial class HttpFetcher : IHttpFetcher, IDisposable
{
    private readonly HttpFetcherOptions options;
    private readonly ILogger<HttpFetcher> logger;
    private readonly HttpClient client;
    private readonly GuardedConnector connector;
    private readonly HostConcurrencyLimiter limiter;
    private readonly HostFetchBudget budget;
    private readonly TimeProvider time;

    public HttpFetcher(IOptions<HttpFetcherOptions> options, ILogger<HttpFetcher>? logger = null, TimeProvider? time = null)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)), logger, time)
    {
    }

    public HttpFetcher(HttpFetcherOptions options, ILogger<HttpFetcher>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.logger = logger ?? NullLogger<HttpFetcher>.Instance;
        this.time = time ?? TimeProvider.System;
        connector = new GuardedConnector(options);
        HostMapCheck.Report(options, this.logger);
        limiter = new HostConcurrencyLimiter(options.MaxConcurrentRequestsPerHost);
        budget = new HostFetchBudget(options.MaxRequestsPerHostPerWindow, options.HostBudgetWindow, this.time);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = connector.ConnectAsync,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = Math.Max(1, options.MaxConcurrentRequestsPerHost),
            UseCookies = false,
            UseProxy = false,
        };
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var current = request.Url;
        var permanent = true;
        var redirects = 0;
        try
        {
            while (true)
            {
                if (Invalid(current) is { } invalid)
                {
                    return Failed(request, current, FetchErrorKind.InvalidUrl, invalid);
                }

                if (connector.IsBlockedLiteral(current))
                {
                    return Failed(request, current, FetchErrorKind.BlockedAddress, $"{current.Host} is not a public address");
                }

                if (!budget.TrySpend(current.IdnHost))
                {
                    return Failed(request, current, FetchErrorKind.HostBudgetExhausted,
                        $"more than {options.MaxRequestsPerHostPerWindow} requests to {current.IdnHost} within {options.HostBudgetWindow}");
                }

                using var gate = await limiter.EnterAsync(current.IdnHost, timeout.Token).ConfigureAwait(false);
                using var message = BuildRequest(request, current);
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (IsRedirect(status) && response.Headers.Location is { } location)
                {
                    if (++redirects > options.MaxRedirects)
                    {
                        return Failed(request, current, FetchErrorKind.TooManyRedirects, $"more than {options.MaxRedirects} redirects");
                    }

                    permanent &= status is 301 or 308;
                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    LogRedirect(current, next, status);
                    current = next;
                    continue;
                }

                return await ReadResponseAsync(request, current, response, redirects > 0 && permanent, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(request, current, FetchErrorKind.Timeout, $"no complete response within {options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex) when (FindInner<BlockedAddressException>(ex) is { } blocked)
        {
            return Failed(request, current, FetchErrorKind.BlockedAddress, blocked.Message);
        }
        catch (HttpRequestException ex) when (FindInner<BodyTooLargeException>(ex) is { } tooLarge)
        {
            return Failed(request, current, FetchErrorKind.TooLarge, tooLarge.Message);
        }
        catch (HttpRequestException ex)
        {
            return Failed(request, current, FetchErrorKind.Network, ex.InnerException?.Message ?? ex.Message);
        }
        catch (AuthenticationException ex)
        {
            return Failed(request, current, FetchErrorKind.Network, ex.Message);
        }
    }

    public void Dispose() => client.Dispose();

    private async Task<FetchResponse> ReadResponseAsync(
        FetchRequest request, Uri finalUrl, HttpResponseMessage response, bool permanent, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var result = new FetchResponse
        {
            RequestedUrl = request.Url,
            FinalUrl = finalUrl,
            StatusCode = status,
            ContentType = response.Content.Headers.ContentType?.ToString(),
            ETag = response.Headers.ETag?.ToString(),
            LastModified = CachingHeaders.LastModified(response),
            PermanentlyRedirected = permanent,
            RetryAfter = CachingHeaders.RetryAfter(response, time.GetUtcNow()),
            MaxAge = CachingHeaders.MaxAge(response),
            Expires = CachingHeaders.Expires(response),
        };
        if (status == 304)
        {
            return result;
        }

        if (status is < 200 or >= 300)
        {
            LogStatus(finalUrl, status);
            return result with { Error = new FetchError(FetchErrorKind.HttpStatus, $"HTTP {status} {response.ReasonPhrase}") };
        }

        var limit = request.MaxBytes ?? options.MaxBodyBytes;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                // Content-Length describes the compressed size; only trust it as an early reject when not encoded.
                var declared = response.Content.Headers.ContentEncoding.Count == 0 ? response.Content.Headers.ContentLength : null;
                var body = await BoundedBodyReader.ReadAsync(stream, declared, limit, cancellationToken).ConfigureAwait(false);
                LogFetched(finalUrl, status, body.Length);
                return result with { Body = body };
            }
        }
        catch (BodyTooLargeException ex)
        {
            return result with { Error = new FetchError(FetchErrorKind.TooLarge, ex.Message) };
        }
        catch (InvalidDataException ex)
        {
            return result with { Error = new FetchError(FetchErrorKind.Decompression, ex.Message) };
        }
        catch (IOException ex) when (ex is not HttpIOException && ex.InnerException is null)
        {
            return result with { Error = new FetchError(FetchErrorKind.Decompression, ex.Message) };
        }
        catch (HttpIOException ex)
        {
            return result with { Error = new FetchError(FetchErrorKind.Network, ex.Message) };
        }
        catch (IOException ex)
        {
            return result with { Error = new FetchError(FetchErrorKind.Network, ex.Message) };
        }
    }

    private HttpRequestMessage BuildRequest(FetchRequest request, Uri url)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url) { Version = HttpVersion.Version11 };
        message.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        message.Headers.TryAddWithoutValidation("Accept", request.Accept);
        if (!string.IsNullOrEmpty(request.IfNoneMatch))
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", request.IfNoneMatch);
        }

        if (!string.IsNullOrEmpty(request.IfModifiedSince))
        {
            message.Headers.TryAddWithoutValidation("If-Modified-Since", request.IfModifiedSince);
        }

        return message;
    }

    private static string? Invalid(Uri url) =>
        !url.IsAbsoluteUri ? $"'{url}' is not absolute"
        : url.Scheme is not ("http" or "https") ? $"scheme '{url.Scheme}' is not fetched"
        : null;

    private static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    private static T? FindInner<T>(Exception ex)
        where T : Exception
    {
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    private FetchResponse Failed(FetchRequest request, Uri url, FetchErrorKind kind, string message)
    {
        LogFailed(url, kind, message);
        return new FetchResponse { RequestedUrl = request.Url, FinalUrl = url, Error = new FetchError(kind, message) };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redirect {From} -> {To} ({Status})")]
    private partial void LogRedirect(Uri from, Uri to, int status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fetched {Url}: HTTP {Status}, {Bytes} bytes")]
    private partial void LogFetched(Uri url, int status, int bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetch of {Url} returned HTTP {Status}")]
    private partial void LogStatus(Uri url, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetch of {Url} failed: {Kind} {Reason}")]
    private partial void LogFailed(Uri url, FetchErrorKind kind, string reason);
}
