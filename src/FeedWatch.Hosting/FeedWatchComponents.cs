using FeedWatch.Core.Articles;
using FeedWatch.Core.Articles.Robots;
using FeedWatch.Core.Feeds;
using FeedWatch.Core.Pipeline.Fetching;
using FeedWatch.Core.Pipeline.Fetching.Politeness;
using FeedWatch.Core.Stories;
using FeedWatch.Stories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedWatch.Hosting;

/// <summary>
/// The domain components behind the ports: feed parser, article extractor, story engine. Their options bind from
/// FeedWatch:FeedParser, FeedWatch:Extractor and FeedWatch:StoryEngine; defaults when a section is absent.
/// </summary>
internal static class FeedWatchComponents
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IFeedParser>(_ => new FeedParser(configuration.GetSection("FeedWatch:FeedParser").Get<FeedParserOptions>()));
        services.TryAddSingleton<IArticleExtractor>(_ => new ArticleExtractor(configuration.GetSection("FeedWatch:Extractor").Get<ArticleExtractorOptions>()));

        // One engine per process; StoryIndex serialises calls (the engine is not thread-safe).
        services.TryAddSingleton<IStoryEngine>(_ => new StoryEngine(configuration.GetSection("FeedWatch:StoryEngine").Get<StoryEngineOptions>()));

        // Robots.txt is honoured by default for article fetches (FeedWatch:Robots).
        services.TryAddSingleton(configuration.GetSection("FeedWatch:Robots").Get<RobotsOptions>() ?? new RobotsOptions());
        services.TryAddSingleton<IRobotsPolicy, CachedRobotsPolicy>();
        services.TryAddSingleton(configuration.GetSection("FeedWatch:ArticleAlternates").Get<ArticleAlternateOptions>() ?? new ArticleAlternateOptions());
        services.TryAddSingleton(configuration.GetSection("FeedWatch:CrawlDelay").Get<CrawlDelayOptions>() ?? new CrawlDelayOptions());
        services.TryAddSingleton<CrawlDelayGate>(sp => new CrawlDelayGate(sp.GetRequiredService<CrawlDelayOptions>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetService<IRobotsPolicy>()));
    }
}
