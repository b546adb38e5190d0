using FeedWatch.Core.Ports.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedWatch.Http;

public static class FeedWatchHttpServiceCollectionExtensions
{
    /// <summary>Registers the shared <see cref="HttpFetcher"/> as <see cref="IHttpFetcher"/>, options from "FeedWatch:Http".</summary>
    public static IServiceCollection AddFeedWatchHttp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HttpFetcherOptions>().Bind(configuration.GetSection(HttpFetcherOptions.SectionName));
        services.TryAddSingleton(sp => new HttpFetcher(
            sp.GetRequiredService<IOptions<HttpFetcherOptions>>(), sp.GetService<ILogger<HttpFetcher>>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IHttpFetcher>(sp => sp.GetRequiredService<HttpFetcher>());
        return services;
    }
}
