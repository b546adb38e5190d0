using Azure.Messaging.ServiceBus;

namespace FeedWatch.Azure.Tests.Alerts;

/// <summary>
/// The SDK's <see cref="ServiceBusSender"/> through its mocking surface (protected constructor, virtual members):
/// batches come from <see cref="ServiceBusModelFactory.ServiceBusMessageBatch"/> with a byte limit, sends are
/// recorded batch by batch, and <see cref="Fail"/> scripts a <see cref="ServiceBusException"/> per send attempt.
/// </summary>
public sealed class RecordingServiceBusSender(long maxBatchBytes = 256 * 1024) : ServiceBusSender
{
    public List<IReadOnlyList<ServiceBusMessage>> SentBatches { get; } = [];

    public int SendAttempts { get; private set; }

    /// <summary>Returns the exception for the n-th send attempt (1-based), or null to accept it.</summary>
    public Func<int, ServiceBusException?> Fail { get; set; } = _ => null;

    public override string EntityPath => "feedwatch-alerts";

    public override string FullyQualifiedNamespace => "contoso-news.servicebus.windows.net";

    public IEnumerable<ServiceBusMessage> AllSent => SentBatches.SelectMany(b => b);

    public override ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(CancellationToken cancellationToken = default)
    {
        var store = new List<ServiceBusMessage>();
        long size = 0;
        var batch = ServiceBusModelFactory.ServiceBusMessageBatch(maxBatchBytes, store, tryAddCallback: message =>
        {
            var bytes = message.Body.ToMemory().Length + 512; // body plus a rough allowance for headers and properties
            if (size + bytes > maxBatchBytes)
            {
                return false;
            }

            size += bytes;
            return true;
        });
        openBatches[batch] = store;
        return ValueTask.FromResult(batch);
    }

    public override Task SendMessagesAsync(ServiceBusMessageBatch messageBatch, CancellationToken cancellationToken = default)
    {
        SendAttempts++;
        if (Fail(SendAttempts) is { } error)
        {
            throw error;
        }

        SentBatches.Add([.. openBatches[messageBatch]]);
        return Task.CompletedTask;
    }

    private readonly Dictionary<ServiceBusMessageBatch, List<ServiceBusMessage>> openBatches = [];
}
