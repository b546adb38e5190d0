using System.Globalization;
using System.Net;
using FeedWatch.Replay.Configuration;
using FeedWatch.Replay.Rendering;
using FeedWatch.Replay.Schedule;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Replay.Server;

/// <summary>
/// Serves a <see cref="ReplayPlan"/> on 127.0.0.1 as live outlets: http://{outlet host}:{port}/feed.xml lists the
/// outlet's articles released so far (RSS 2.0, conditional GET), each article has an HTML page, "/" is the outlet's
/// home page. The outlet is chosen by the Host header, so one port serves every outlet through a host map.
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private const string LoopbackAddress = "127.0.0.1";
    private readonly WebApplication _app;
    private readonly ReplayServerOptions _options;
    private readonly string _instanceTag;
    private ReplayLinks _links = new(0);
    private DateTimeOffset _startedAt;
    private bool _releaseAll;

    private ReplayServer(ReplayPlan plan, ReplayServerOptions options, WebApplication app)
    {
        Plan = plan;
        _options = options;
        _app = app;
        _instanceTag = Guid.NewGuid().ToString("N")[..8];
    }

    public ReplayPlan Plan { get; }
    public ReplayStatistics Statistics { get; } = new();
    public int Port => _links.Port;
    public ReplayLinks Links => _links;
    public DateTimeOffset StartedAt => _startedAt;

    /// <summary>How far into the replay we are (corpus time divided by the speed).</summary>
    public TimeSpan Elapsed => _releaseAll ? TimeSpan.MaxValue : _options.TimeProvider.GetUtcNow() - _startedAt;

    public int ReleasedCount => Plan.ReleasedCount(Elapsed);
    public bool AllReleased => ReleasedCount == Plan.Articles.Count;

    public IReadOnlyList<Uri> FeedUrls => Plan.Outlets.Select(o => _links.Feed(o.HostName)).ToList();

    /// <summary>Every outlet host name mapped to the loopback address the server listens on.</summary>
    public IReadOnlyDictionary<string, string> HostMap =>
        Plan.Outlets.ToDictionary(o => o.HostName, _ => LoopbackAddress, StringComparer.Ordinal);

    public static async Task<ReplayServer> StartAsync(ReplayPlan plan, ReplayServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new ReplayServerOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var server = new ReplayServer(plan, options, app);
        app.Run(server.HandleAsync);
        server._startedAt = options.TimeProvider.GetUtcNow();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server._links = new ReplayLinks(new Uri(address).Port);
        return server;
    }

    /// <summary>Releases every remaining article now, whatever the speed.</summary>
    public void ReleaseAll() => _releaseAll = true;

    /// <summary>The feeds configuration `feedwatch run` needs to watch this replay.</summary>
    public ReplayFeedsFile CreateFeedsFile(TimeSpan pollInterval) =>
        new(Plan.Outlets.Select(o => new ReplayFeed(_links.Feed(o.HostName), o.Outlet, pollInterval)).ToList(), HostMap);

    /// <summary>The URL of an article's page on this server (what the pipeline stores as the article URL).</summary>
    public Uri ArticleUrl(ReplayArticle article) => _links.Article(article);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (_options.Interceptor is { } interceptor && await interceptor(context).ConfigureAwait(false))
        {
            return;
        }

        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var outlet = Plan.FindOutlet(request.Host.Host);
        if (outlet is null)
        {
            await NotFoundAsync(context, "No outlet is served under this host name.").ConfigureAwait(false);
            return;
        }

        var released = Released(outlet);
        var path = request.Path.Value ?? "/";
        if (path == ReplayLinks.FeedPath)
        {
            await ServeFeedAsync(context, outlet, released).ConfigureAwait(false);
        }
        else if (path is "/" or "/index.html")
        {
            await WriteAsync(context, "text/html; charset=utf-8", ArticlePageRenderer.RenderHome(outlet, released, _links)).ConfigureAwait(false);
        }
        else if (Plan.FindArticle(outlet.HostName, path) is { } article && article.ReleaseOffset <= Elapsed)
        {
            var related = released.Where(a => a != article).Reverse().Take(_options.RelatedLinks).ToList();
            var page = ArticlePageRenderer.Render(article, related, _links);
            Statistics.ArticleServed(article.Article.Id, page.Length);
            context.Response.Headers.LastModified = ReleaseTime(article).ToString("r", CultureInfo.InvariantCulture);
            await WriteAsync(context, "text/html; charset=utf-8", page).ConfigureAwait(false);
        }
        else
        {
            await NotFoundAsync(context, "No such article (yet).").ConfigureAwait(false);
        }
    }

    private async Task ServeFeedAsync(HttpContext context, ReplayOutlet outlet, IReadOnlyList<ReplayArticle> released)
    {
        var window = _options.MaxItemsPerFeed is { } max && released.Count > max ? released.Skip(released.Count - max).ToList() : released;
        var etag = $"\"{_instanceTag}-{released.Count.ToString(CultureInfo.InvariantCulture)}\"";
        context.Response.Headers.ETag = etag;
        if (released.Count > 0)
        {
            context.Response.Headers.LastModified = ReleaseTime(released[^1]).ToString("r", CultureInfo.InvariantCulture);
        }

        if (context.Request.Headers.IfNoneMatch.Contains(etag))
        {
            Statistics.FeedServed(0, notModified: true);
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var body = RssFeedRenderer.Render(outlet, window, _links, ReleaseTime);
        Statistics.FeedServed(body.Length, notModified: false);
        await WriteAsync(context, "application/rss+xml; charset=utf-8", body).ConfigureAwait(false);
    }

    private List<ReplayArticle> Released(ReplayOutlet outlet)
    {
        var count = outlet.ReleasedCount(Elapsed);
        var released = new List<ReplayArticle>(count);
        for (var i = 0; i < count; i++)
        {
            released.Add(outlet.Articles[i]);
        }

        return released;
    }

    private DateTimeOffset ReleaseTime(ReplayArticle article) => _startedAt + article.ReleaseOffset;

    private async Task NotFoundAsync(HttpContext context, string message)
    {
        Statistics.NothingFound();
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await WriteAsync(context, "text/plain; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(message)).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, string contentType, byte[] body)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
