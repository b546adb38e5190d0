using FeedWatch.Core.Pipeline.Scheduling;
using FeedWatch.Functions.Functions;
using FeedWatch.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Functions.Tests.Functions;

public sealed class ScheduleFeedsFunctionTests
{
    private sealed class CountingScheduler(int due) : IFeedScheduler
    {
        public List<CancellationToken> Ticks { get; } = [];

        public Task<int> ScheduleDueFeedsAsync(CancellationToken cancellationToken = default)
        {
            Ticks.Add(cancellationToken);
            return Task.FromResult(due);
        }
    }

    private static TestFunctionContext Context() => new(new ServiceCollection().BuildServiceProvider(), "ScheduleFeeds");

    [Fact]
    public async Task Each_tick_asks_the_scheduler_once_and_logs_how_many_feeds_were_enqueued()
    {
        var scheduler = new CountingScheduler(due: 3);
        var logger = new RecordingLogger<ScheduleFeedsFunction>();
        using var cancellation = new CancellationTokenSource();
        var timer = new TimerInfo { ScheduleStatus = new ScheduleStatus { Next = new DateTime(2026, 11, 20, 10, 5, 0, DateTimeKind.Utc) } };

        await new ScheduleFeedsFunction(scheduler, logger).RunAsync(timer, Context(), cancellation.Token);

        Assert.Equal([cancellation.Token], scheduler.Ticks);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal(3, entry.Fields["FeedCount"]);
    }

    [Fact]
    public async Task A_past_due_tick_still_schedules_and_warns()
    {
        var scheduler = new CountingScheduler(due: 0);
        var logger = new RecordingLogger<ScheduleFeedsFunction>();

        await new ScheduleFeedsFunction(scheduler, logger).RunAsync(new TimerInfo { IsPastDue = true }, Context(), CancellationToken.None);

        Assert.Single(scheduler.Ticks);
        Assert.Equal([LogLevel.Warning, LogLevel.Information], logger.Entries.Select(entry => entry.Level));
    }
}
