using FeedWatch.Core.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedWatch.Hosting;

/// <summary>The domain components behind the ports: feed parser, article extractor, story engine.</summary>
internal static class FeedWatchComponents
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<IFeedParser>(new FeedParser());
    }
}
