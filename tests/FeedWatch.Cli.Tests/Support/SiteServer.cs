using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FeedWatch.Cli.Tests.Support;

/// <summary>
/// A small web site on 127.0.0.1 (free port) serving canned pages by path; everything else is 404. Records the paths
/// requested, in order. The CLI must be told explicitly that loopback is allowed to reach it.
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public SiteServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            listener.Prefixes.Clear();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                BaseUrl = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // The port was taken between the probe and the bind: try another.
            }
        }

        loop = Task.Run(AcceptAsync);
    }

    public Uri BaseUrl { get; } = null!;

    public ConcurrentDictionary<string, SitePage> Pages { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Requested { get; } = new();

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var path = context.Request.Url!.PathAndQuery;
            Requested.Enqueue(path);
            var page = Pages.TryGetValue(path, out var found) ? found : new SitePage(404, "text/plain", "not found");
            try
            {
                context.Response.StatusCode = page.Status;
                context.Response.ContentType = page.ContentType;
                if (page.Location is not null)
                {
                    context.Response.RedirectLocation = page.Location;
                }

                var bytes = Encoding.UTF8.GetBytes(page.Body);
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        listener.Close();
        await loop.ConfigureAwait(false);
        stop.Dispose();
    }
}
