using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Functions.Functions;
using FeedWatch.Functions.Messages;
using FeedWatch.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Functions.Tests.Functions;

/// <summary>
/// Each queue function only adapts its trigger: the message text the host hands over (already base64-decoded)
/// reaches the stage handler as the record the pipeline wrote, with the invocation's cancellation token; a failure
/// propagates so the host retries, then poisons.
/// </summary>
public sealed class QueueFunctionAdapterTests
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    // Exactly what the stages write (PipelineMessages is the producers' one place to serialize messages).
    private static string AsQueueText<T>(T message) => PipelineMessages.Serialize(message);

    [Fact]
    public async Task PollFeed_hands_the_written_record_and_the_token_to_the_poll_handler()
    {
        var handler = new RecordingStageHandler<PollFeedMessage>();
        var function = new PollFeedFunction(handler, new RecordingLogger<PollFeedFunction>());
        var sent = new PollFeedMessage("feed-7f3a", new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.Zero));
        using var cancellation = new CancellationTokenSource();

        await function.RunAsync(AsQueueText(sent), TestFunctionContext.ForQueueMessage(NoServices, "PollFeed", 1), cancellation.Token);

        var call = Assert.Single(handler.Calls);
        Assert.Equal(sent, call.Message);
        Assert.Equal(cancellation.Token, call.Token);
    }

    [Fact]
    public async Task FetchArticle_keeps_every_field_of_the_feed_item()
    {
        var handler = new RecordingStageHandler<FetchArticleMessage>();
        var function = new FetchArticleFunction(handler, new RecordingLogger<FetchArticleFunction>());
        var sent = new FetchArticleMessage("feed-1", "https://seed-b.example/news/harbour-bridge", "guid-42", "Harbour bridge – «reopens»",
            "Summary with ünïcode", new DateTimeOffset(2026, 11, 19, 23, 0, 0, TimeSpan.FromHours(2)), IsUpdate: true);

        await function.RunAsync(AsQueueText(sent), TestFunctionContext.ForQueueMessage(NoServices, "FetchArticle", 1), CancellationToken.None);

        Assert.Equal(sent, Assert.Single(handler.Calls).Message);
    }

    [Fact]
    public async Task ClassifyArticle_and_DeliverAlert_reach_their_handlers()
    {
        var classify = new RecordingStageHandler<ClassifyArticleMessage>();
        var deliver = new RecordingStageHandler<DeliverAlertMessage>();
        var classifySent = new ClassifyArticleMessage("art-123", "articles/2026/11/20/seed-c.example/bridge-art123.json");
        var deliverSent = new DeliverAlertMessage("alert-9", "story-1");

        await new ClassifyArticleFunction(classify, new RecordingLogger<ClassifyArticleFunction>())
            .RunAsync(AsQueueText(classifySent), TestFunctionContext.ForQueueMessage(NoServices, "ClassifyArticle", 1), CancellationToken.None);
        await new DeliverAlertFunction(deliver, new RecordingLogger<DeliverAlertFunction>())
            .RunAsync(AsQueueText(deliverSent), TestFunctionContext.ForQueueMessage(NoServices, "DeliverAlert", 2), CancellationToken.None);

        Assert.Equal(classifySent, Assert.Single(classify.Calls).Message);
        Assert.Equal(deliverSent, Assert.Single(deliver.Calls).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{\"feedId\":")]
    public async Task A_message_that_is_not_a_stage_record_fails_clearly_and_never_reaches_the_handler(string body)
    {
        var handler = new RecordingStageHandler<PollFeedMessage>();
        var logger = new RecordingLogger<PollFeedFunction>();
        var function = new PollFeedFunction(handler, logger);

        var error = await Assert.ThrowsAsync<InvalidStageMessageException>(() =>
            function.RunAsync(body, TestFunctionContext.ForQueueMessage(NoServices, "PollFeed", 1), CancellationToken.None));

        Assert.Contains(QueueNames.PollFeed, error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(PollFeedMessage), error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Calls);
        Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Error
            && Equals(entry.Fields["PoisonQueue"], QueueNames.Poison(QueueNames.PollFeed)));
    }

    [Fact]
    public async Task A_handler_failure_propagates_so_the_host_retries_and_the_last_attempt_is_logged_as_going_to_poison()
    {
        var failure = new IOException("feed host reset the connection");
        var handler = new RecordingStageHandler<PollFeedMessage>(failWith: failure);
        var logger = new RecordingLogger<PollFeedFunction>();
        var function = new PollFeedFunction(handler, logger);
        var body = AsQueueText(new PollFeedMessage("feed-1", DateTimeOffset.UnixEpoch));

        var first = await Assert.ThrowsAsync<IOException>(() =>
            function.RunAsync(body, TestFunctionContext.ForQueueMessage(NoServices, "PollFeed", 1), CancellationToken.None));
        var last = await Assert.ThrowsAsync<IOException>(() =>
            function.RunAsync(body, TestFunctionContext.ForQueueMessage(NoServices, "PollFeed", QueueNames.MaxDequeueCount), CancellationToken.None));

        Assert.Same(failure, first);
        Assert.Same(failure, last);
        Assert.Equal(2, handler.Calls.Count);
        var failures = logger.Entries.Where(entry => entry.Exception is not null).ToList();
        Assert.Equal([LogLevel.Warning, LogLevel.Error], failures.Select(entry => entry.Level));
        Assert.Equal(1L, failures[0].Fields["DequeueCount"]);
        Assert.Equal("feed-1", failures[1].Fields["Subject"]);
        Assert.Contains(QueueNames.Poison(QueueNames.PollFeed), failures[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Success_is_logged_with_the_stage_subject_as_a_structured_field()
    {
        var logger = new RecordingLogger<FetchArticleFunction>();
        var function = new FetchArticleFunction(new RecordingStageHandler<FetchArticleMessage>(), logger);
        var sent = new FetchArticleMessage("feed-1", "https://seed-a.example/a.html", null, null, null, null);

        await function.RunAsync(AsQueueText(sent), TestFunctionContext.ForQueueMessage(NoServices, "FetchArticle", 1), CancellationToken.None);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("https://seed-a.example/a.html", entry.Fields["Subject"]);
        Assert.Equal(QueueNames.FetchArticle, entry.Fields["Queue"]);
    }
}
