using FeedWatch.Cli.Tests.Support;
using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;
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

    [Fact]
    public async Task A_worker_holds_only_the_messages_it_is_handling_so_a_crash_raises_no_other_dequeue_count()
    {
        using var folder = new TempFolder();
        var handler = new BlockingHandler();
        using var host = FastLocalHost.Build(folder.Path, handler);
        var queues = host.Services.GetRequiredService<IQueueProvider>();
        var queue = queues.GetQueue(QueueNames.PollFeed);
        for (var i = 0; i < 10; i++)
        {
            await queue.SendAsync(PipelineMessages.Serialize(new PollFeedMessage($"feed-{i}", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))));
        }

        await host.StartAsync();
        await WaitForAsync(() => Task.FromResult(handler.Running), running => running == 4);
        await Task.Delay(300); // several idle receive rounds: a worker that prefetched would have taken more by now
        var waiting = await queue.PeekAsync(32);

        // The poll worker handles 4 at a time; the other 6 are still visible and were never dequeued.
        Assert.Equal(6, waiting.Count);
        Assert.All(waiting, m => Assert.Equal(0L, m.DequeueCount));

        handler.Release();
        await WaitForAsync(() => Task.FromResult(handler.Finished), finished => finished == 10);
        await host.StopAsync();
        Assert.Equal(4, handler.MostAtOnce);
        Assert.Equal(0, await queue.GetApproximateCountAsync());
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

    private sealed class BlockingHandler : IStageHandler<PollFeedMessage>
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _running;
        private int _finished;
        private int _mostAtOnce;

        public int Running => Volatile.Read(ref _running);
        public int Finished => Volatile.Read(ref _finished);
        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public void Release() => _gate.TrySetResult();

        public async Task HandleAsync(PollFeedMessage message, CancellationToken cancellationToken = default)
        {
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _mostAtOnce, running);
            await _gate.Task.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _running);
            Interlocked.Increment(ref _finished);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
