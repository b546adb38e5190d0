using FeedWatch.Core.Pipeline.Classification;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Hosting.Workers;

/// <summary>Hands the classify worker its queue behind the <see cref="ClassifierLease"/> (see <see cref="LeaseGatedQueue"/>).</summary>
internal sealed class LeaseGatedQueueProvider(IQueueProvider inner, ClassifierLease lease) : IQueueProvider
{
    public IMessageQueue GetQueue(string name) =>
        name == QueueNames.ClassifyArticle ? new LeaseGatedQueue(inner.GetQueue(name), lease) : inner.GetQueue(name);
}
