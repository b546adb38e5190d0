using FeedWatch.Core.Articles;
using FeedWatch.Core.Articles.Robots;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedWatch.Hosting;

/// <summary>The domain components behind the ports: feed parser, article extractor, story engine.</summary>
internal static class FeedWatchComponents
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<IArticleExtractor>(_ => new ArticleExtractor());
        services.TryAddSingleton(new RobotsOptions());
        services.TryAddSingleton<IRobotsPolicy, CachedRobotsPolicy>();
    }
}
