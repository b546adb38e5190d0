using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedWatch.Dashboard.Security;

/// <summary>
/// Everything the dashboard checks before a request reaches an endpoint: security headers on every answer, the Host
/// allow-list, the token, same-origin state-changing requests, the body-size limit and the write rate limit.
/// </summary>
internal sealed partial class DashboardSecurityMiddleware : IDisposable
{
    internal const string TokenCookie = "feedwatch-token";

    private readonly RequestDelegate next;
    private readonly DashboardSecurityOptions options;
    private readonly HashSet<string> hosts;
    private readonly PartitionedRateLimiter<string> writes;
    private readonly ILogger<DashboardSecurityMiddleware> logger;

    public DashboardSecurityMiddleware(RequestDelegate next, IOptions<DashboardSecurityOptions> options, ILogger<DashboardSecurityMiddleware> logger)
    {
        this.next = next;
        this.options = options.Value;
        this.logger = logger;
        hosts = new HashSet<string>(DashboardSecurityOptions.LoopbackHosts.Concat(this.options.AllowedHosts.Select(TrimBrackets)), StringComparer.OrdinalIgnoreCase);
        var perMinute = Math.Max(1, this.options.WritesPerMinute);
        writes = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";

        var request = context.Request;
        if (!hosts.Contains(TrimBrackets(request.Host.Host)))
        {
            LogRefused(request.Host.Value ?? "", "Host not allowed");
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"Host '{request.Host.Host}' is not allowed (FeedWatch:Dashboard:AllowedHosts).");
            return;
        }

        if (!string.IsNullOrEmpty(options.Token) && !Authenticated(context))
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "A token is required: send 'Authorization: Bearer TOKEN' or open /?token=TOKEN.");
            return;
        }

        if (IsWrite(request.Method))
        {
            if (!SameOrigin(request))
            {
                LogRefused(request.Headers.Origin.ToString(), "cross-origin write");
                await RefuseAsync(context, StatusCodes.Status403Forbidden, "Cross-origin requests may not change anything.");
                return;
            }

            if (request.ContentLength > options.MaxRequestBodyBytes)
            {
                await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {options.MaxRequestBodyBytes} bytes.");
                return;
            }

            using var lease = writes.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            if (!lease.IsAcquired)
            {
                headers.RetryAfter = "60";
                await RefuseAsync(context, StatusCodes.Status429TooManyRequests, $"More than {options.WritesPerMinute} changes per minute; try again later.");
                return;
            }
        }

        // Bodies without a Content-Length (chunked) stop at the same limit while they are read (413).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBodyBytes;
        }

        await next(context);
    }

    public void Dispose() => writes.Dispose();

    private bool Authenticated(HttpContext context)
    {
        var request = context.Request;
        var bearer = request.Headers.Authorization.ToString();
        if (bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && TokenEquals(bearer["Bearer ".Length..].Trim()))
        {
            return true;
        }

        if (request.Cookies.TryGetValue(TokenCookie, out var cookie) && TokenEquals(cookie))
        {
            return true;
        }

        // The link printed at start: accept it once on a page load and keep it in a cookie the page's script cannot read.
        if (HttpMethods.IsGet(request.Method) && request.Query.TryGetValue("token", out var query) && TokenEquals(query.ToString()))
        {
            context.Response.Cookies.Append(TokenCookie, query.ToString(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = request.IsHttps,
                Path = "/",
            });
            return true;
        }

        return false;
    }

    private bool TokenEquals(string candidate) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), SHA256.HashData(Encoding.UTF8.GetBytes(options.Token!)));

    /// <summary>
    /// A browser names the page that sent a request in Origin (and Sec-Fetch-Site); a write from another site is refused.
    /// Clients that are not browsers (curl, scripts) send neither and are judged by Host and token alone.
    /// </summary>
    private static bool SameOrigin(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static string TrimBrackets(string host) => host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;

    private static Task RefuseAsync(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard request refused ({Reason}): {Value}")]
    private partial void LogRefused(string value, string reason);
}
