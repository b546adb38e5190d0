using FeedWatch.Cli.Tests.Support;
using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Storage.Local.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeedWatch.Cli.Tests;

/// <summary>
/// Storage that is unreachable while the local host starts (Azure Storage outage, Azurite restarting): the queue
/// workers retry creating their queues with backoff instead of stopping the host, then handle their messages.
/// </summary>
public sealed class QueueWorkerOutageTests
{
    [Fact]
    public async Task A_worker_whose_queue_cannot_be_created_at_start_retries_and_then_handles_its_messages()
    {
        using var folder = new TempFolder();
        var handler = new CountingHandler();
        var queues = new UnreachableAtStartQueueProvider(new LocalQueueProvider(Path.Combine(folder.Path, "queues")), failuresPerQueue: 3);
        using var host = FastLocalHost.Build(folder.Path, handler, queues);
        await queues.Inner.GetQueue(QueueNames.PollFeed).SendAsync(PipelineMessages.Serialize(new PollFeedMessage("feed-1", DateTimeOffset.UnixEpoch)));

        await host.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (handler.Calls == 0)
        {
            await Task.Delay(50, timeout.Token);
        }

        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;
        await host.StopAsync();

        Assert.False(stopping, "the host must keep running while its storage is unreachable");
        Assert.Equal(1, handler.Calls);
        Assert.True(queues.FailedCreates(QueueNames.PollFeed) == 3, $"{queues.FailedCreates(QueueNames.PollFeed)} failed creates of {QueueNames.PollFeed}");
        Assert.Equal(0, await queues.Inner.GetQueue(QueueNames.PollFeed).GetApproximateCountAsync());
    }

    private sealed class CountingHandler : IStageHandler<PollFeedMessage>
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task HandleAsync(PollFeedMessage message, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return Task.CompletedTask;
        }
    }

    /// <summary>Every queue's first <c>failuresPerQueue</c> create calls fail as an unreachable service does; all else passes through.</summary>
    private sealed class UnreachableAtStartQueueProvider(IQueueProvider inner, int failuresPerQueue) : IQueueProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _failed = new(StringComparer.Ordinal);

        public IQueueProvider Inner => inner;

        public int FailedCreates(string name) => _failed.GetValueOrDefault(name);

        public IMessageQueue GetQueue(string name) => new FlakyCreateQueue(inner.GetQueue(name), this);

        private bool ShouldFail(string name)
        {
            var failed = false;
            _failed.AddOrUpdate(name, _ => { failed = true; return 1; }, (_, count) => { failed = count < failuresPerQueue; return failed ? count + 1 : count; });
            return failed;
        }

        private sealed class FlakyCreateQueue(IMessageQueue queue, UnreachableAtStartQueueProvider owner) : IMessageQueue
        {
            public string Name => queue.Name;

            public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
                owner.ShouldFail(queue.Name) ? throw new HttpRequestException("Connection refused (storage unreachable)") : queue.CreateIfNotExistsAsync(cancellationToken);

            public Task<QueueMessage> SendAsync(string body, TimeSpan? initialVisibilityDelay = null, CancellationToken cancellationToken = default) =>
                queue.SendAsync(body, initialVisibilityDelay, cancellationToken);

            public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
                queue.ReceiveAsync(maxMessages, visibilityTimeout, cancellationToken);

            public Task<IReadOnlyList<QueueMessage>> PeekAsync(int maxMessages, CancellationToken cancellationToken = default) => queue.PeekAsync(maxMessages, cancellationToken);

            public Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default) => queue.DeleteAsync(messageId, popReceipt, cancellationToken);

            public Task<QueueMessage> UpdateVisibilityAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
                queue.UpdateVisibilityAsync(message, visibilityTimeout, cancellationToken);

            public Task<int> GetApproximateCountAsync(CancellationToken cancellationToken = default) => queue.GetApproximateCountAsync(cancellationToken);
        }
    }
}
