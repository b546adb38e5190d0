using System.Diagnostics;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Functions.Functions;
using FeedWatch.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FeedWatch.Functions.Tests.Functions;

/// <summary>
/// The W3C trace context a stage wrote into its message reaches the next stage's handler through the queue trigger,
/// so the handler's span continues the article's trace in the Functions app as on the local host; messages written
/// before the field existed are still read.
/// </summary>
public sealed class TraceContextTests
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    [Fact]
    public async Task A_message_sent_inside_a_span_reaches_the_handler_with_that_spans_traceparent()
    {
        string body;
        string traceParent;
        using (var sender = new Activity("fetch-article").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            traceParent = sender.Id!;
            body = PipelineMessages.SerializeTraced(new ClassifyArticleMessage("art-1", "articles/a.json"));
        }

        var handler = new RecordingStageHandler<ClassifyArticleMessage>();
        await new ClassifyArticleFunction(handler, new RecordingLogger<ClassifyArticleFunction>())
            .RunAsync(body, TestFunctionContext.ForQueueMessage(NoServices, "ClassifyArticle", 1), CancellationToken.None);

        Assert.Equal(new ClassifyArticleMessage("art-1", "articles/a.json", traceParent), Assert.Single(handler.Calls).Message);
    }

    [Fact]
    public async Task A_message_without_a_traceparent_field_is_still_read()
    {
        var handler = new RecordingStageHandler<DeliverAlertMessage>();
        await new DeliverAlertFunction(handler, new RecordingLogger<DeliverAlertFunction>())
            .RunAsync("{\"alertId\":\"alert-9\",\"storyId\":\"story-1\"}", TestFunctionContext.ForQueueMessage(NoServices, "DeliverAlert", 1), CancellationToken.None);

        Assert.Equal(new DeliverAlertMessage("alert-9", "story-1"), Assert.Single(handler.Calls).Message);
    }
}
