using FeedWatch.Core.Alerts;
using FeedWatch.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Cli.Hosting;

/// <summary>Builds the generic host a command runs in: standard .NET configuration, then --data and test overrides on top.</summary>
public static class CliHost
{
    public static IHost Build(
        CliContext context,
        string? dataDirectory,
        IReadOnlyDictionary<string, string?>? settings = null,
        bool localHost = false,
        LogLevel logLevel = LogLevel.Warning,
        bool printAlerts = false,
        string? storage = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        var overrides = new Dictionary<string, string?>(context.Settings, StringComparer.OrdinalIgnoreCase)
        {
            // The CLI prints alerts itself (coloured, through the command's console) instead of the plain console sink.
            ["FeedWatch:ConsoleAlerts"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            overrides["FeedWatch:DataDirectory"] = Path.GetFullPath(dataDirectory);
        }

        if (!string.IsNullOrWhiteSpace(storage))
        {
            overrides["FeedWatch:Storage:ConnectionString"] = storage;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.AddFeedWatch();
        if (printAlerts)
        {
            builder.Services.AddSingleton<IAlertSink>(new ConsoleMarkupAlertSink(context.Console));
        }

        if (localHost)
        {
            builder.AddFeedWatchLocalHost();
        }

        return builder.Build();
    }

    /// <summary>The data folder a command will use, as configured (for printing at start).</summary>
    public static string ResolveDataDirectory(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FeedWatchOptions>>().Value;
        return options.ResolveDataDirectory();
    }
}
