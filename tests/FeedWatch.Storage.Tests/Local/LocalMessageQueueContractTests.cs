using FeedWatch.Core.Ports.Queues;
using FeedWatch.Storage.Local.Queues;
using FeedWatch.Storage.Tests.Contracts;

namespace FeedWatch.Storage.Tests.Local;

public sealed class LocalMessageQueueContractTests : MessageQueueContractTests, IDisposable
{
    private readonly LocalStorageTestFolder folder = new();

    protected override IQueueProvider OpenProvider() => new LocalQueueProvider(folder.Path);

    public void Dispose() => folder.Dispose();
}
