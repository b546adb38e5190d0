using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Cli.Tests.Support;

/// <summary>
/// The local host as `feedwatch run` composes it, with worker delays shortened so queue-worker tests take
/// milliseconds, the schedule timer out of the way, and the poll-feed handler (and optionally the queues) replaced.
/// </summary>
internal static class FastLocalHost
{
    public static IHost Build(string data, IStageHandler<PollFeedMessage> pollFeedHandler, IQueueProvider? queues = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FeedWatch:DataDirectory"] = data,
            ["FeedWatch:ConsoleAlerts"] = "false",
            ["FeedWatch:Workers:RetryDelay"] = "00:00:00.050",
            ["FeedWatch:Workers:IdleDelay"] = "00:00:00.020",
            ["FeedWatch:Workers:MaxIdleDelay"] = "00:00:00.100",
            ["FeedWatch:Workers:ScheduleInterval"] = "01:00:00",
        });
        builder.Logging.ClearProviders();
        builder.AddFeedWatch().AddFeedWatchLocalHost();
        if (queues is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(queues));
        }

        builder.Services.AddScoped(_ => pollFeedHandler);
        return builder.Build();
    }
}
