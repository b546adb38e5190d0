using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Cli.Demo;

/// <summary>
/// Serves several fictional outlets from one loopback port, told apart by the Host header exactly like virtual
/// hosts on the web: http://{outlet-host}:{port}/feed.xml and /articles/{slug}.html. The fetcher's host map sends
/// every outlet host to 127.0.0.1. Feeds carry ETags (answered with 304) and show a page only once its release
/// time has passed, so a run can watch a story spread.
/// </summary>
public sealed class LoopbackOutletServer : IAsyncDisposable
{
    private readonly Dictionary<string, OutletSite> _sites;
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private DateTimeOffset _startedAt;

    public LoopbackOutletServer(IEnumerable<OutletSite> sites)
    {
        _sites = sites.ToDictionary(s => s.Host, StringComparer.OrdinalIgnoreCase);
    }

    public int Port { get; private set; }

    public IReadOnlyCollection<OutletSite> Sites => _sites.Values;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
        _startedAt = DateTimeOffset.UtcNow;
    }

    public string SiteUrl(string host) => $"http://{host}:{Port}/";

    public string FeedUrl(string host) => $"http://{host}:{Port}/feed.xml";

    public string PageUrl(string host, OutletPage page) => $"http://{host}:{Port}{page.Path}";

    /// <summary>How many requests a path (e.g. "seed-a.example/feed.xml") has had; for tests and the demo summary.</summary>
    public int RequestCount(string hostAndPath) => _requests.GetValueOrDefault(hostAndPath);

    public bool AllReleased => _sites.Values.SelectMany(s => s.Pages).All(IsReleased);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private bool IsReleased(OutletPage page) => DateTimeOffset.UtcNow - _startedAt >= page.ReleaseAfter;

    private async Task HandleAsync(HttpContext context)
    {
        var host = context.Request.Host.Host;
        var path = context.Request.Path.Value ?? "/";
        _requests.AddOrUpdate(host + path, 1, (_, n) => n + 1);
        if (!_sites.TryGetValue(host, out var site))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (path == "/feed.xml")
        {
            var feed = OutletMarkup.Feed(site, SiteUrl(site.Host), site.Pages.Where(IsReleased), p => PageUrl(site.Host, p));
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(feed)).AsSpan(0, 8)) + "\"";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(feed, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var page = site.Pages.FirstOrDefault(p => p.Path == path && IsReleased(p));
        if (page is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(OutletMarkup.Page(site, page, PageUrl(site.Host, page)), context.RequestAborted).ConfigureAwait(false);
    }
}
