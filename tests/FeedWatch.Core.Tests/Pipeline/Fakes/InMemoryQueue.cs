using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Core.Tests.Pipeline.Fakes;

/// <summary>A FIFO queue without visibility timeouts: handler tests only need what was sent.</summary>
public sealed class InMemoryQueue(string name) : IMessageQueue
{
    private readonly List<QueueMessage> _messages = [];

    public string Name => name;

    /// <summary>Runs before each send: lets a test look at the world as the message is enqueued.</summary>
    public Action? OnSend { get; set; }

    public IReadOnlyList<string> Bodies
    {
        get
        {
            lock (_messages)
            {
                return _messages.Select(m => m.Body).ToList();
            }
        }
    }

    /// <summary>The visibility delay each send asked for, in send order (null: visible at once).</summary>
    public List<TimeSpan?> SendDelays { get; } = [];

    public List<T> Messages<T>() => Bodies.Select(PipelineMessages.Deserialize<T>).ToList();

    /// <summary>Removes and returns every message, oldest first.</summary>
    public List<T> Drain<T>()
    {
        lock (_messages)
        {
            var all = _messages.Select(m => PipelineMessages.Deserialize<T>(m.Body)).ToList();
            _messages.Clear();
            return all;
        }
    }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<QueueMessage> SendAsync(string body, TimeSpan? initialVisibilityDelay = null, CancellationToken cancellationToken = default)
    {
        OnSend?.Invoke();
        var message = new QueueMessage(Guid.NewGuid().ToString("N"), "", body, 0, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        lock (_messages)
        {
            _messages.Add(message);
            SendDelays.Add(initialVisibilityDelay);
        }

        return Task.FromResult(message);
    }

    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Handler tests read Bodies/Drain instead.");

    public Task<IReadOnlyList<QueueMessage>> PeekAsync(int maxMessages, CancellationToken cancellationToken = default)
    {
        lock (_messages)
        {
            return Task.FromResult<IReadOnlyList<QueueMessage>>(_messages.Take(maxMessages).ToList());
        }
    }

    public Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<QueueMessage> UpdateVisibilityAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<int> GetApproximateCountAsync(CancellationToken cancellationToken = default)
    {
        lock (_messages)
        {
            return Task.FromResult(_messages.Count);
        }
    }
}
