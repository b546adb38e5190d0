using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Cli.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeedWatch.Cli.Tests;

/// <summary>The local host's queue workers over the real embedded queue: retries, poison queue, clean stop.</summary>
public sealed class QueueWorkerTests
{
    [Fact]
    public async Task A_message_that_keeps_failing_moves_to_the_poison_queue_with_its_body_after_five_attempts()
    {
        using var folder = new TempFolder();
        var handler = new FailingHandler();
        using var host = FastLocalHost.Build(folder.Path, handler);
        var queues = host.Services.GetRequiredService<IQueueProvider>();
        var body = PipelineMessages.Serialize(new PollFeedMessage("broken-feed", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        await queues.GetQueue(QueueNames.PollFeed).SendAsync(body);

        await host.StartAsync();
        var poison = queues.GetQueue(QueueNames.Poison(QueueNames.PollFeed));
        var moved = await WaitForAsync(async () => (await poison.PeekAsync(10)).ToList(), m => m.Count > 0);
        await host.StopAsync();

        Assert.Equal(body, Assert.Single(moved).Body);
        Assert.Equal(QueueNames.MaxDequeueCount, handler.Calls);
        Assert.Equal(0, await queues.GetQueue(QueueNames.PollFeed).GetApproximateCountAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_a_message_is_poisoned_at_once_without_calling_the_handler()
    {
        using var folder = new TempFolder();
        var handler = new FailingHandler();
        using var host = FastLocalHost.Build(folder.Path, handler);
        var queues = host.Services.GetRequiredService<IQueueProvider>();
        await queues.GetQueue(QueueNames.PollFeed).SendAsync("{ this is not json");

        await host.StartAsync();
        var poison = queues.GetQueue(QueueNames.Poison(QueueNames.PollFeed));
        var moved = await WaitForAsync(async () => (await poison.PeekAsync(10)).ToList(), m => m.Count > 0);
        await host.StopAsync();

        Assert.Equal("{ this is not json", Assert.Single(moved).Body);
        Assert.Equal(0, handler.Calls);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private sealed class FailingHandler : IStageHandler<PollFeedMessage>
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task HandleAsync(PollFeedMessage message, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("the feed is broken");
        }
    }
}
