using Microsoft.Extensions.DependencyInjection;

namespace FeedWatch.Hosting;

/// <summary>The domain components behind the ports: feed parser, article extractor, story engine.</summary>
internal static class FeedWatchComponents
{
    public static void Add(IServiceCollection services)
    {
        _ = services;
    }
}
