using Microsoft.Extensions.Hosting;

namespace FeedWatch.Hosting;

/// <summary>
/// The one composition root: the CLI, the local host (`feedwatch run`) and the Azure Functions app all call AddFeedWatch().
/// It binds the "FeedWatch" configuration section and picks the embedded default or Azure Storage backends.
/// SKELETON: the foundation issue fills this in.
/// </summary>
public static class FeedWatchHostingExtensions
{
    public static IHostApplicationBuilder AddFeedWatch(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
