using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch feeds status [--json]`: what the poller knows about every feed — where it moved (permanent redirect),
/// whether it is gone (410, polling stopped), failing (with back-off) or healthy, its interval mode and next poll.
/// </summary>
public static class FeedsStatusCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommonOptions.Json("each feed's state");
        var data = CommonOptions.Data();
        var storage = CommonOptions.Storage();
        var command = new Command("status", "Show each feed's polling state: moved, gone, failing, next poll") { json, data, storage };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(context, parseResult.GetValue(data), storage: parseResult.GetValue(storage));
            var asJson = parseResult.GetValue(json);
            StoriesCommand.PrintDataFolder(context, host, asJson);
            var blobs = host.Services.GetRequiredService<IBlobStore>();
            var states = new List<FeedState>();
            await foreach (var blob in blobs.ListAsync(BlobLayout.FeedsPrefix, cancellationToken))
            {
                if (await blobs.GetJsonAsync<FeedState>(blob.Name, cancellationToken) is { } stored)
                {
                    states.Add(stored.Value);
                }
            }

            if (asJson)
            {
                foreach (var state in states)
                {
                    context.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(View(state), FeedWatchJson.Options));
                }

                return 0;
            }

            var table = new Table().AddColumns("Feed", "URL", "State", "Interval", "Next poll", "Items");
            foreach (var state in states)
            {
                table.AddRow(
                    Markup.Escape(state.FeedId),
                    Markup.Escape(state.PermanentRedirectUrl is { } moved ? $"{state.Url} → {moved}" : state.Url),
                    Markup.Escape(Describe(state)),
                    Markup.Escape(Interval(state)),
                    Markup.Escape(NextPoll(state)),
                    state.ItemsSeenTotal.ToString(CultureInfo.InvariantCulture));
            }

            context.Console.Write(table);
            return 0;
        });
        return command;
    }

    private static object View(FeedState state) => new
    {
        state.FeedId,
        state.Url,
        MovedTo = state.PermanentRedirectUrl,
        State = state.NextPollAt == DateTimeOffset.MaxValue ? "gone" : state.ConsecutiveFailures > 0 ? "failing" : state.LastPolledAt is null ? "new" : "ok",
        state.LastStatus,
        state.LastError,
        state.ConsecutiveFailures,
        state.PollInterval,
        state.Adaptive,
        NextPollAt = state.NextPollAt == DateTimeOffset.MaxValue ? null : state.NextPollAt,
        state.LastPolledAt,
        state.LastSuccessAt,
        state.ItemsSeenTotal,
    };

    private static string Describe(FeedState state) => state switch
    {
        { NextPollAt: var next } when next == DateTimeOffset.MaxValue => "gone (410): polling stopped; edit the entry to retry",
        { ConsecutiveFailures: > 0 } => $"failing ×{state.ConsecutiveFailures}: {state.LastError}",
        { LastPolledAt: null } => "new",
        _ => $"ok (HTTP {state.LastStatus})",
    };

    private static string Interval(FeedState state) =>
        (state.Adaptive ? "adaptive" : "fixed") + (state.IntervalConfigured || !state.Adaptive ? $" {state.PollInterval:g}" : "");

    private static string NextPoll(FeedState state) =>
        state.NextPollAt is { } next && next != DateTimeOffset.MaxValue ? next.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";
}
