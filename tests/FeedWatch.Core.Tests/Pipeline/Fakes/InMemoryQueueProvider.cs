using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Core.Tests.Pipeline.Fakes;

public sealed class InMemoryQueueProvider : IQueueProvider
{
    private readonly Dictionary<string, InMemoryQueue> _queues = new(StringComparer.Ordinal);

    public IMessageQueue GetQueue(string name) => Get(name);

    public InMemoryQueue Get(string name)
    {
        lock (_queues)
        {
            if (!_queues.TryGetValue(name, out var queue))
            {
                queue = new InMemoryQueue(name);
                _queues[name] = queue;
            }

            return queue;
        }
    }
}
