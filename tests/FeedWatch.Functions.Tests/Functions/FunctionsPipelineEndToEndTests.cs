using System.Text.Json;
using FeedWatch.Core.Pipeline.Tracking;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Functions.Composition;
using FeedWatch.Functions.Functions;
using FeedWatch.Functions.Tests.Support;
using FeedWatch.Storage.Local;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Functions.Tests.Functions;

/// <summary>
/// The five function classes, created per invocation from the Functions composition as the worker does, run the real
/// stage handlers over real queue messages: this test plays the Functions host (receive from the stage's queue, invoke
/// the function with the message text, delete on success) over two loopback outlets. Outlet B reprints the story
/// tracked from outlet A: exactly one spread alert, for outlet B, reaches the alert queue and the alerts/ blobs.
/// </summary>
public sealed class FunctionsPipelineEndToEndTests : IAsyncLifetime
{
    private const string StoryText =
        "The lantern ferry that has crossed Marrow Sound since 1961 made its last scheduled run on Thursday evening, " +
        "after the island council voted to replace it with a cable-drawn pontoon that needs no crew. About two hundred " +
        "residents gathered on the slipway at Kessock Point to watch the old boat, painted its familiar ochre and teal, " +
        "leave the harbour one final time with its horn sounding three long notes.\n\n" +
        "Skipper Ailsa Brannagh, who has worked the crossing for twenty-three years, said the decision had been " +
        "explained patiently but still felt like losing a neighbour. The council expects the pontoon to halve the " +
        "running costs of the route and to keep sailing in winds that regularly cancelled the ferry each February.\n\n" +
        "The ferry itself will not be scrapped. A volunteer trust has agreed to restore it as a floating classroom " +
        "moored beside the lifeboat station, where school groups will learn about the tides and the wildlife of the sound.";

    private const string UnrelatedText =
        "Organisers of the Hollin Valley cheese fair have moved this year's event indoors to the old wool exchange after " +
        "the showground flooded for the second autumn running. Forty producers have confirmed stalls, including three " +
        "new creameries from the upland farms, and the judging of the blue-veined class will again be broadcast on the " +
        "community radio station for listeners who cannot make the journey. Tickets bought for the showground remain valid.";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("feedwatch-functions-e2e-").FullName;
    private readonly LoopbackOutlets _outlets = new();
    private IHost _host = null!;

    private string Url(string outlet, string path) => $"http://{outlet}:{_outlets.Port}{path}";

    public Task InitializeAsync()
    {
        ServeOutlet("outlet-a.example", ("/news/lantern-ferry-last-run.html", "Lantern ferry makes its last run", StoryText));
        ServeOutlet("outlet-b.example",
            ("/2026/11/20/ferry-farewell.html", "Farewell to the Marrow Sound ferry", StoryText),
            ("/2026/11/20/cheese-fair-moves-indoors.html", "Cheese fair moves indoors", UnrelatedText));

        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FeedWatch:ConsoleAlerts"] = "false",
            ["FeedWatch:Feeds:0:Url"] = Url("outlet-a.example", "/feeds/outlet-a.xml"),
            ["FeedWatch:Feeds:1:Url"] = Url("outlet-b.example", "/feeds/outlet-b.xml"),
            ["FeedWatch:Http:HostMap:outlet-a.example"] = "127.0.0.1",
            ["FeedWatch:Http:HostMap:outlet-b.example"] = "127.0.0.1",
            ["FeedWatch:Http:AllowPrivateAddresses"] = "true",
        });
        // The embedded default as the queue backend (the test plays the host over it).
        builder.Services.AddLocalStorage(_dataDirectory);
        builder.AddFeedWatchFunctions();
        // The worker's own log provider writes to the host over gRPC, inside an invocation; the test plays the host.
        builder.Logging.ClearProviders();
        _host = builder.Build();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _outlets.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_reprint_on_another_outlet_flows_through_every_function_to_exactly_one_alert()
    {
        var services = _host.Services;
        await services.GetRequiredService<StoryTracker>()
            .TrackUrlAsync(new Uri(Url("outlet-a.example", "/news/lantern-ferry-last-run.html")), "Lantern ferry", CancellationToken.None);

        using (var scope = services.CreateScope())
        {
            await ActivatorUtilities.CreateInstance<ScheduleFeedsFunction>(scope.ServiceProvider)
                .RunAsync(new TimerInfo(), new TestFunctionContext(scope.ServiceProvider, "ScheduleFeeds"), CancellationToken.None);
        }

        var invocations = await PlayHostUntilQuietAsync(services);

        Assert.True(invocations[QueueNames.PollFeed] == 2, $"poll invocations: {invocations[QueueNames.PollFeed]}");
        Assert.True(invocations[QueueNames.FetchArticle] >= 2, "the new pages of outlet B are fetched through FetchArticle");
        Assert.True(invocations[QueueNames.FetchArticle] <= 3, "the tracked seed page and outlet B's two pages, each at most once");
        Assert.True(invocations[QueueNames.ClassifyArticle] >= 2);
        Assert.Equal(1, invocations[QueueNames.DeliverAlert]);

        var queues = services.GetRequiredService<IQueueProvider>();
        var alert = Assert.Single(await queues.GetQueue(QueueNames.Alerts).PeekAsync(32));
        using var envelope = JsonDocument.Parse(alert.Body);
        Assert.Equal("feedwatch.story.spread", envelope.RootElement.GetProperty("type").GetString());
        Assert.Contains("outlet-b", envelope.RootElement.GetProperty("data").GetProperty("outlet").GetString(), StringComparison.Ordinal);

        var blobs = services.GetRequiredService<IBlobStore>();
        var alertBlobs = new List<string>();
        await foreach (var blob in blobs.ListAsync("alerts/"))
        {
            alertBlobs.Add(blob.Name);
        }

        Assert.Single(alertBlobs);
        foreach (var queue in new[] { QueueNames.PollFeed, QueueNames.FetchArticle, QueueNames.ClassifyArticle, QueueNames.DeliverAlert })
        {
            Assert.Equal(0, await queues.GetQueue(QueueNames.Poison(queue)).GetApproximateCountAsync());
        }
    }

    /// <summary>What the Functions host does per queue: receive, invoke the function with the text, delete on success.</summary>
    private static async Task<Dictionary<string, int>> PlayHostUntilQuietAsync(IServiceProvider services)
    {
        var stages = new (string Queue, string Function, Func<IServiceProvider, string, FunctionContext, Task> Invoke)[]
        {
            (QueueNames.PollFeed, "PollFeed", (sp, body, context) => ActivatorUtilities.CreateInstance<PollFeedFunction>(sp).RunAsync(body, context, CancellationToken.None)),
            (QueueNames.FetchArticle, "FetchArticle", (sp, body, context) => ActivatorUtilities.CreateInstance<FetchArticleFunction>(sp).RunAsync(body, context, CancellationToken.None)),
            (QueueNames.ClassifyArticle, "ClassifyArticle", (sp, body, context) => ActivatorUtilities.CreateInstance<ClassifyArticleFunction>(sp).RunAsync(body, context, CancellationToken.None)),
            (QueueNames.DeliverAlert, "DeliverAlert", (sp, body, context) => ActivatorUtilities.CreateInstance<DeliverAlertFunction>(sp).RunAsync(body, context, CancellationToken.None)),
        };
        var invocations = stages.ToDictionary(stage => stage.Queue, _ => 0);
        var queues = services.GetRequiredService<IQueueProvider>();

        for (var round = 0; round < 100; round++)
        {
            var progressed = false;
            foreach (var (queueName, function, invoke) in stages)
            {
                var queue = queues.GetQueue(queueName);
                foreach (var message in await queue.ReceiveAsync(16, TimeSpan.FromMinutes(5)))
                {
                    using var scope = services.CreateScope();
                    await invoke(scope.ServiceProvider, message.Body, TestFunctionContext.ForQueueMessage(scope.ServiceProvider, function, message.DequeueCount));
                    Assert.True(await queue.DeleteAsync(message.Id, message.PopReceipt));
                    invocations[queueName]++;
                    progressed = true;
                }
            }

            if (!progressed)
            {
                return invocations;
            }
        }

        throw new InvalidOperationException("The pipeline did not go quiet within 100 rounds.");
    }

    private void ServeOutlet(string outlet, params (string Path, string Title, string Text)[] articles)
    {
        var items = string.Concat(articles.Select(article =>
            $"<item><title>{article.Title}</title><link>{Url(outlet, article.Path)}</link><guid>{Url(outlet, article.Path)}</guid>" +
            "<pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate></item>"));
        // One loopback server plays every outlet, so each outlet's feed has its own path.
        _outlets.Serve($"/feeds/{outlet.Split('.')[0]}.xml", "application/rss+xml; charset=utf-8",
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{outlet}</title><link>{Url(outlet, "/")}</link>{items}</channel></rss>");
        foreach (var article in articles)
        {
            var paragraphs = string.Concat(article.Text.Split("\n\n").Select(paragraph => $"<p>{paragraph}</p>"));
            _outlets.Serve(article.Path, "text/html; charset=utf-8",
                $"<!doctype html><html><head><title>{article.Title}</title></head><body><nav><a href=\"/\">Home</a></nav>" +
                $"<article><h1>{article.Title}</h1>{paragraphs}</article><footer>© {outlet}</footer></body></html>");
        }
    }
}
