using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Classification;
using FeedWatch.Core.Pipeline.Delivery;
using FeedWatch.Core.Pipeline.Fetching;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Pipeline.Polling;
using FeedWatch.Core.Pipeline.Scheduling;
using FeedWatch.Core.Pipeline.Tracking;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Core.Tests.Pipeline.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedWatch.Core.Tests.Pipeline;

/// <summary>Every stage wired by hand over in-memory fakes; <see cref="RunUntilQuietAsync"/> plays the queue workers.</summary>
public sealed class PipelineRig
{
    public PipelineRig()
    {
        ILoggerFactory logs = NullLoggerFactory.Instance;
        Index = new StoryIndex(Engine, Blobs, Options, Time, logs.CreateLogger<StoryIndex>());
        Store = new ArticleStore(Blobs, Time, logs.CreateLogger<ArticleStore>());
        Updater = new StoryUpdater(Blobs, Index, Options, Time, logs.CreateLogger<StoryUpdater>());
        var articleFetcher = new ArticleFetcher(Fetcher, new FirstLineTitleExtractor(), Time);
        Scheduler = new ScheduleFeedsHandler(Catalog, Blobs, Queues, Options, Time, logs.CreateLogger<ScheduleFeedsHandler>());
        Poll = new PollFeedHandler(Blobs, Queues, Fetcher, new LineFeedParser(), Options, Time, logs.CreateLogger<PollFeedHandler>());
        Fetch = new FetchArticleHandler(articleFetcher, Store, Queues, logs.CreateLogger<FetchArticleHandler>());
        Classify = new ClassifyArticleHandler(Blobs, Store, Index, Updater, Queues, Options, Time, logs.CreateLogger<ClassifyArticleHandler>());
        Deliver = new DeliverAlertHandler(Blobs, [new LocalQueueAlertSink(Queues), Sink], Time, logs.CreateLogger<DeliverAlertHandler>());
        Tracker = new StoryTracker(articleFetcher, Store, Updater, Blobs, Time);
    }

    public InMemoryBlobStore Blobs { get; } = new();
    public InMemoryQueueProvider Queues { get; } = new();
    public ScriptedHttpFetcher Fetcher { get; } = new();
    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));
    public WordOverlapStoryEngine Engine { get; } = new();
    public RecordingAlertSink Sink { get; } = new("recording");
    public ListFeedCatalog Catalog { get; } = new();
    public PipelineOptions Options { get; } = new() { MinClassifyTextLength = 10, StoryIndexRefreshInterval = TimeSpan.Zero };
    public StoryIndex Index { get; }
    public ArticleStore Store { get; }
    public StoryUpdater Updater { get; }
    public ScheduleFeedsHandler Scheduler { get; }
    public PollFeedHandler Poll { get; }
    public FetchArticleHandler Fetch { get; }
    public ClassifyArticleHandler Classify { get; }
    public DeliverAlertHandler Deliver { get; }
    public StoryTracker Tracker { get; }

    public InMemoryQueue Queue(string name) => Queues.Get(name);

    /// <summary>Handles every queued message of every stage, in stage order, until no queue has work left.</summary>
    public async Task RunUntilQuietAsync()
    {
        for (var round = 0; round < 50; round++)
        {
            var work = 0;
            foreach (var message in Queue(QueueNames.PollFeed).Drain<PollFeedMessage>())
            {
                work++;
                await Poll.HandleAsync(message);
            }

            foreach (var message in Queue(QueueNames.FetchArticle).Drain<FetchArticleMessage>())
            {
                work++;
                await Fetch.HandleAsync(message);
            }

            foreach (var message in Queue(QueueNames.ClassifyArticle).Drain<ClassifyArticleMessage>())
            {
                work++;
                await Classify.HandleAsync(message);
            }

            foreach (var message in Queue(QueueNames.DeliverAlert).Drain<DeliverAlertMessage>())
            {
                work++;
                await Deliver.HandleAsync(message);
            }

            if (work == 0)
            {
                return;
            }
        }

        throw new InvalidOperationException("The pipeline never went quiet.");
    }
}
