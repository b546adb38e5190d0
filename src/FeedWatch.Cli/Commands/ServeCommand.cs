using System.CommandLine;
using FeedWatch.Cli.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>`feedwatch serve [--data DIR | --storage CONN] [--urls URL]`: the story dashboard over existing data, on localhost.</summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5870";

    public static Option<string> Urls() => new("--urls")
    {
        Description = $"Where the dashboard listens (';'-separated). Default: {DefaultUrls}. Use port 0 for any free port.",
        HelpName = "URLS",
        DefaultValueFactory = _ => DefaultUrls,
    };

    public static Command Create(CliContext context)
    {
        var urls = Urls();
        var data = CommonOptions.Data();
        var storage = CommonOptions.Storage();
        var command = new Command("serve", "Serve the story dashboard (spread timelines, propagation trees, article comparison) and its JSON API.") { urls, data, storage };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(context, parseResult.GetValue(data), storage: parseResult.GetValue(storage), dashboardUrls: parseResult.GetValue(urls));
            await host.StartAsync(cancellationToken);
            PrintAddresses(context, host);
            context.Console.MarkupLine("[dim]Press Ctrl+C to stop.[/]");
            try
            {
                await host.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: a clean stop.
            }

            return 0;
        });
        return command;
    }

    /// <summary>Prints where the dashboard really listens (port 0 resolves to a free port only once started).</summary>
    public static void PrintAddresses(CliContext context, IHost host)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(host);
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            context.Console.MarkupLine($"Dashboard: [link]{Markup.Escape(address)}[/]");
        }
    }
}
