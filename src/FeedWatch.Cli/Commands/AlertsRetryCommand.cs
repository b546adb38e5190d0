using System.CommandLine;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Alerts.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch alerts retry [ID] [--sink NAME]`: re-sends parked deliveries (all, one alert's, or one sink's) with the
/// same alert id. Exit code 0 when every one was accepted, 1 when some stay parked.
/// </summary>
public static class AlertsRetryCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = new Argument<string?>("ID") { Description = "The alert or digest id to re-send (default: every parked delivery).", Arity = ArgumentArity.ZeroOrOne };
        var sink = new Option<string?>("--sink") { Description = "Only deliveries parked for this sink.", HelpName = "NAME" };
        var data = CommonOptions.Data();
        var storage = CommonOptions.Storage();
        var command = new Command("retry", "Re-send parked alert deliveries (see `feedwatch alerts --failed`).") { id, sink, data, storage };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(context, parseResult.GetValue(data), storage: parseResult.GetValue(storage));
            StoriesCommand.PrintDataFolder(context, host, false);
            var store = host.Services.GetRequiredService<AlertDeliveryStore>();
            var dispatcher = host.Services.GetRequiredService<AlertDispatcher>();
            var sinkName = parseResult.GetValue(sink);
            var parked = (await store.ListParkedAsync(parseResult.GetValue(id), cancellationToken).ToListAsync(cancellationToken))
                .Where(p => sinkName is null || string.Equals(p.Sink, sinkName, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (parked.Count == 0)
            {
                context.Console.MarkupLine("[green]Nothing parked to retry.[/]");
                return parseResult.GetValue(id) is null ? 0 : 1;
            }

            var remaining = 0;
            foreach (var delivery in parked)
            {
                var sent = await dispatcher.RetryParkedAsync(delivery, cancellationToken);
                if (!sent) remaining++;
                context.Console.MarkupLine(sent
                    ? $"[green]sent[/]    {Markup.Escape(delivery.Id)} → {Markup.Escape(delivery.Sink)}"
                    : $"[red]failed[/]  {Markup.Escape(delivery.Id)} → {Markup.Escape(delivery.Sink)}: {Markup.Escape((await store.GetParkedAsync(delivery.Id, delivery.Sink, cancellationToken))?.LastError ?? "")}");
            }

            context.Console.MarkupLine($"{parked.Count - remaining} sent, {remaining} still parked.");
            return remaining == 0 ? 0 : 1;
        });
        return command;
    }
}
