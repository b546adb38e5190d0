using System.CommandLine;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Ports.Queues;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch queues poison list|requeue|purge [--queue NAME]`: messages that failed too often, or message files that
/// were corrupt, wait in "{queue}-poison". List them, send them back to their queue, or delete them.
/// </summary>
public static class QueuesCommand
{
    private const int Batch = 32;

    /// <summary>The stage queues that have poison queues.</summary>
    public static readonly IReadOnlyList<string> StageQueues = [QueueNames.PollFeed, QueueNames.FetchArticle, QueueNames.ClassifyArticle, QueueNames.DeliverAlert];

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var poison = new Command("poison", "Messages that failed too often or were corrupt, kept in '{queue}-poison'.")
        {
            Sub(context, "list", "List poison messages (up to 32 per queue, and how many there are).", ListAsync),
            Sub(context, "requeue", "Send every poison message back to its queue (after fixing the cause).", RequeueAsync),
            Sub(context, "purge", "Delete every poison message.", PurgeAsync),
        };
        return new Command("queues", "Inspect the pipeline's queues.") { poison };
    }

    private static Command Sub(CliContext context, string name, string description, Func<CliContext, IQueueProvider, string, CancellationToken, Task<int>> act)
    {
        var queue = new Option<string?>("--queue") { Description = "Only this stage queue (e.g. feedwatch-fetch-article).", HelpName = "NAME" };
        var data = CommonOptions.Data();
        var storage = CommonOptions.Storage();
        var command = new Command(name, description) { queue, data, storage };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var only = parseResult.GetValue(queue);
            if (only is not null && !StageQueues.Contains(only, StringComparer.Ordinal))
            {
                await context.Error.WriteLineAsync($"error: unknown queue '{only}'; the stage queues are {string.Join(", ", StageQueues)}.");
                return 2;
            }

            using var host = CliHost.Build(context, parseResult.GetValue(data), storage: parseResult.GetValue(storage));
            var queues = host.Services.GetRequiredService<IQueueProvider>();
            var total = 0;
            foreach (var stage in StageQueues.Where(q => only is null || q == only))
            {
                total += await act(context, queues, stage, cancellationToken);
            }

            context.Console.MarkupLine($"{total} poison message(s) {(name == "list" ? "in total" : name == "requeue" ? "sent back" : "deleted")}.");
            return 0;
        });
        return command;
    }

    private static async Task<int> ListAsync(CliContext context, IQueueProvider queues, string stage, CancellationToken cancellationToken)
    {
        var poison = queues.GetQueue(QueueNames.Poison(stage));
        var count = await poison.GetApproximateCountAsync(cancellationToken);
        if (count == 0)
        {
            return 0;
        }

        context.Console.MarkupLine($"[bold]{Markup.Escape(poison.Name)}[/]: {count}");
        foreach (var message in await poison.PeekAsync(Batch, cancellationToken))
        {
            var body = message.Body.Length > 160 ? message.Body[..160] + "…" : message.Body;
            context.Console.MarkupLine($"  {Markup.Escape(message.Id)}  {message.InsertedOn:u}  {Markup.Escape(body.ReplaceLineEndings(" "))}");
        }

        return count;
    }

    private static Task<int> RequeueAsync(CliContext context, IQueueProvider queues, string stage, CancellationToken cancellationToken) =>
        DrainAsync(queues, stage, (message, ct) => queues.GetQueue(stage).SendAsync(message.Body, cancellationToken: ct), cancellationToken);

    private static Task<int> PurgeAsync(CliContext context, IQueueProvider queues, string stage, CancellationToken cancellationToken) =>
        DrainAsync(queues, stage, (_, _) => Task.CompletedTask, cancellationToken);

    /// <summary>Receives every poison message once, acts on it, then deletes it (act first: a crash leaves a copy, never a loss).</summary>
    private static async Task<int> DrainAsync(IQueueProvider queues, string stage, Func<QueueMessage, CancellationToken, Task> act, CancellationToken cancellationToken)
    {
        var poison = queues.GetQueue(QueueNames.Poison(stage));
        var done = 0;
        while (true)
        {
            var batch = await poison.ReceiveAsync(Batch, TimeSpan.FromMinutes(5), cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }

            foreach (var message in batch)
            {
                await act(message, cancellationToken);
                await poison.DeleteAsync(message.Id, message.PopReceipt, cancellationToken);
                done++;
            }
        }
    }
}
