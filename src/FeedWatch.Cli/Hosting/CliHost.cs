using FeedWatch.Azure.Common;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Core.Alerts;
using FeedWatch.Dashboard;
using FeedWatch.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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
        string? storage = null,
        string? dashboardUrls = null)
    {
        ArgumentNullException.ThrowIfNull(context);

        // With dashboard URLs the host is a web application (same composition, plus the dashboard's endpoints).
        IHostApplicationBuilder builder = dashboardUrls is null
            ? Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() })
            : WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
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

        if (builder is WebApplicationBuilder web)
        {
            var urls = dashboardUrls!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            DashboardExposure.Prepare(context, web.Configuration, urls);
            web.Services.AddFeedWatchDashboard();
            web.WebHost.UseUrls(urls);
            var app = web.Build();
            app.MapFeedWatchDashboard();
            return app;
        }

        return ((HostApplicationBuilder)builder).Build();
    }

    /// <summary>
    /// Where a command keeps its data, for the line it prints at start: "Data folder: DIR" on the embedded store,
    /// "Storage: Azure Storage account …, container … (blob …, queue …; credential kind)" with `--storage`. Endpoints are
    /// printed without any query string and the credential only by its kind, so no key or SAS ever reaches the console.
    /// </summary>
    public static string DescribeStorage(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.Services.GetService<StorageConnection>() is not { } azure)
        {
            return "Data folder: " + ResolveDataDirectory(host);
        }

        var container = host.Services.GetRequiredService<IConfiguration>()["FeedWatch:Storage:Container"] ?? AzureStorageServiceCollectionExtensions.DefaultContainerName;
        var account = azure.AccountName is { Length: > 0 } name ? $"account {name}, " : "";
        return $"Storage: Azure Storage {account}container {container} (blob {Endpoint(azure.BlobServiceUri)}, queue {Endpoint(azure.QueueServiceUri)}; {azure.CredentialKind})";
    }

    /// <summary>The data folder a command will use, as configured (for printing at start).</summary>
    public static string ResolveDataDirectory(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FeedWatchOptions>>().Value;
        return options.ResolveDataDirectory();
    }

    // Scheme, host, port and path only: a SAS pasted into an endpoint (query string) or credentials in it stay out.
    private static string Endpoint(Uri uri) => $"{uri.Scheme}://{uri.Host}{(uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))}{uri.AbsolutePath}";
}
