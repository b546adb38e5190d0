using FeedWatch.Hosting;
using Microsoft.Extensions.Hosting;

namespace FeedWatch.Functions.Composition;

/// <summary>
/// The Functions app's composition: the same AddFeedWatch() as `feedwatch run`. Kept out of Program.cs so the
/// CI compile check (tests/FeedWatch.Functions.CompileCheck) composes and tests exactly what the worker runs.
/// </summary>
public static class FeedWatchFunctionsComposition
{
    public static IHostApplicationBuilder AddFeedWatchFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddFeedWatch();
        return builder;
    }
}
